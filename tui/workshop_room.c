/* `peil workshop` in live mode: the votes in the room, through the room
 * (serve/room.h) that the phones use too. The keys here are the
 * facilitator's events; the phones' arrive through the app's wake source.
 * Either way this thread is the session's owner: it copies the room's
 * counts into the session, saves, and tells the room (workshop_sync). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/workshop_screens.h"

void workshop_sync(struct workshop *w, struct app *a)
{
	struct room *room = w->o->room;
	unsigned long gen;
	if (!room)
		return;
	if (room_apply(room, a->s->r, &gen) || a->s->dirty)
		app_save(a);
	room_saved(room, gen, !a->s->dirty);
}

/* The phones changed the room: the same as a key that changed the votes. */
int workshop_room_wake(struct app *a, void *ctx)
{
	struct workshop *w = ctx;
	room_clear_wake(w->o->room);
	workshop_sync(w, a);
	return TUI_REDRAW;
}

void workshop_room_shown(void *ctx, struct app *a, int qi)
{
	struct workshop *w = ctx;
	if (!w->o->room)
		return;
	if (room_follow(w->o->room, a->s->r, qi))
		app_save(a);
	workshop_sync(w, a);
}

/* The room's view when qi is the question open for votes. */
static bool view_of(const struct workshop *w, int qi, struct room_view *v)
{
	if (!w->o->room)
		return false;
	room_view(w->o->room, -1, v);
	return v->question == qi;
}

int workshop_room_votes(const struct workshop *w, const struct app *a, int qi)
{
	struct room_view v;
	if (view_of(w, qi, &v))
		return v.voted;
	const struct answer *ans = response_answer(a->s->r, qi);
	int n = ans->votes_na + ans->votes_unknown;
	for (int i = 0; ans->votes && i < a->s->q->nlevels; i++)
		n += ans->votes[i];
	return n;
}

bool workshop_room_revealed(const struct workshop *w, const struct app *a, int qi)
{
	struct room_view v;
	if (view_of(w, qi, &v))
		return v.revealed;
	int n = workshop_room_votes(w, a, qi), N = w->o->participants;
	/* Not the open question: shown once all were in, or once decided. */
	return n > 0 && ((n >= N && N >= ROOM_SMALL) || response_answer(a->s->r, qi)->status != ANSWER_OPEN);
}

bool workshop_room_in_progress(const struct workshop *w, const struct app *a, int qi)
{
	return workshop_room_votes(w, a, qi) > 0 && !workshop_room_revealed(w, a, qi) &&
	       response_answer(a->s->r, qi)->status == ANSWER_OPEN;
}

void workshop_room_heading(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len)
{
	const char *sep = a->theme.sep;
	int N = w->o->participants, n = workshop_room_votes(w, a, qi);
	struct room_view v;
	bool open = view_of(w, qi, &v);
	size_t used;
	if (workshop_room_revealed(w, a, qi) && n >= N)
		snprintf(buf, len, _("Votes in the room: all %d are in"), N);
	else if (workshop_room_revealed(w, a, qi))
		snprintf(buf, len, _("Votes in the room: %d of %d%srevealed"), n, N, sep);
	else if (n >= N)
		snprintf(buf, len, _("Votes in the room: all %d are in%sR reveals them (fewer than 3 voters)"), N, sep);
	else
		snprintf(buf, len, _("Votes in the room: %d of %d%shidden until everyone has voted"), n, N, sep);
	used = strlen(buf);
	if (open && v.round > 1 && used + strlen(sep) < len) {
		snprintf(buf + used, len - used, "%s", sep);
		used += strlen(sep);
		snprintf(buf + used, len - used, _("round %d"), v.round);
	}
}

void workshop_room_keys(const struct workshop *w, const struct app *a, char *buf, size_t len)
{
	const char *sep = a->theme.sep;
	int nl = a->s->q->nlevels < 9 ? a->s->q->nlevels : 9;
	(void)w;
	snprintf(buf, len, _("v then 1-%d, n or u: a vote%sc: count cards%sz: take one back%sR: reveal%s"
	                     "N: vote again"), nl, sep, sep, sep, sep);
}

/* "Phones: http://… · 3 of 8 seats taken · J: QR code"; false without --serve. */
bool workshop_room_join_line(const struct workshop *w, const struct app *a, char *buf, size_t len)
{
	struct room_view v;
	if (!w->o->join_url)
		return false;
	room_view(w->o->room, -1, &v);
	snprintf(buf, len, _("Phones: %s%s%d of %d seats taken%sJ: QR code"), w->o->join_url, a->theme.sep,
	         v.seats_taken, v.seats, a->theme.sep);
	return true;
}

/* ---- the facilitator's keys ---- */

/* Why the room refused a vote typed in (or counted); false when it took it. */
static bool refused(struct workshop *w, struct app *a, enum room_status st)
{
	switch (st) {
	case ROOM_OK:
		return false;
	case ROOM_ALL_IN:
		app_message(a, true, _("All %d votes are in; z takes one back."), w->o->participants);
		return true;
	case ROOM_CLOSED:
		app_message(a, true, "%s", _("The votes are revealed; N opens a new round."));
		return true;
	default:
		app_message(a, true, "%s", _("out of memory"));
		return true;
	}
}

/* The group's answer ends the voting on a question (issue 19, defect 5:
 * until then the votes stay editable, also after a quit). */
static bool decided(struct app *a, int qi)
{
	if (qi < 0 || response_answer(a->s->r, qi)->status == ANSWER_OPEN)
		return false;
	app_message(a, true, "%s", _("The group's answer is decided; Backspace clears it to vote again."));
	return true;
}

/* After a vote or a count: how far the room is. Which level is not said:
 * the room sees the screen. */
static void say_count(struct workshop *w, struct app *a)
{
	struct room_view v;
	int N = w->o->participants;
	room_view(w->o->room, -1, &v);
	if (v.all_in && v.revealed)
		app_message(a, false, _("All %d votes are in: this is how the room voted."), N);
	else if (v.all_in)
		app_message(a, false, _("All %d votes are in; R reveals them."), N);
	else
		app_message(a, false, _("Vote %d of %d recorded."), v.voted, N);
}

/* `n` or `u` as a slot (serve/room.h: nlevels is not applicable, nlevels
 * + 1 don't know); -1: neither; -2: n where the question does not allow it
 * (said on the status line). */
static int status_slot(struct app *a, int qi, int key)
{
	const struct questionnaire *q = a->s->q;
	if (key == 'u')
		return q->nlevels + 1;
	if (key != 'n')
		return -1;
	if (qi >= 0 && !q->questions[qi].allow_na) {
		app_message(a, true, "%s", _("This question cannot be answered with 'not applicable'."));
		return -2;
	}
	return q->nlevels;
}

static int type_vote(struct workshop *w, struct app *a, int slot)
{
	if (slot >= a->s->q->nlevels + 2) {
		app_message(a, true, _("There are only %d levels."), a->s->q->nlevels);
		return TUI_HANDLED;
	}
	if (decided(a, w->current) || refused(w, a, room_type_vote(w->o->room, slot)))
		return TUI_HANDLED;
	workshop_sync(w, a);
	say_count(w, a);
	return TUI_HANDLED;
}

static int taken_back(struct workshop *w, struct app *a)
{
	workshop_sync(w, a);
	struct room_view v;
	room_view(w->o->room, -1, &v);
	app_message(a, false, _("Vote taken back: %d of %d in."), v.voted, w->o->participants);
	return TUI_HANDLED;
}

static int untype_vote(struct workshop *w, struct app *a)
{
	if (decided(a, w->current))
		return TUI_HANDLED;
	if (room_untype_vote(w->o->room) < 0) {
		if (workshop_room_votes(w, a, w->current) == 0) {
			app_message(a, false, "%s", _("No vote on this question to take back."));
			return TUI_HANDLED;
		}
		/* Votes from before this sitting (or counted cards): which one? */
		w->untype = true;
		app_message(a, false, _("Take back a vote for which level? 1-%d, n or u (another key cancels)."),
		            a->s->q->nlevels < 9 ? a->s->q->nlevels : 9);
		return TUI_HANDLED;
	}
	return taken_back(w, a);
}

int workshop_room_untype(struct workshop *w, struct app *a, int key)
{
	int slot = status_slot(a, w->current, key);
	if (slot == -2)
		return TUI_HANDLED;
	if (slot < 0 && key >= '1' && key <= '9' && key - '1' < a->s->q->nlevels)
		slot = key - '1';
	if (slot < 0) {
		app_message(a, false, "%s", _("No vote taken back."));
		return TUI_HANDLED;
	}
	if (!room_take_back(w->o->room, slot)) {
		app_message(a, true, "%s", _("No vote for that answer to take back (a phone's vote is the phone's)."));
		return TUI_HANDLED;
	}
	return taken_back(w, a);
}

static int reopen(struct workshop *w, struct app *a)
{
	struct room_view v;
	if (!room_reopen(w->o->room, a->s->r)) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	app_save(a);
	workshop_sync(w, a);
	room_view(w->o->room, -1, &v);
	app_message(a, false, _("Round %d: everyone votes again; the earlier round is kept in the file."), v.round);
	return TUI_HANDLED;
}

/* Backspace in the room: the answer is cleared and the votes can change
 * again (they stayed locked after a resume: defect 5). */
static int clear_answer(struct workshop *w, struct app *a, int qi)
{
	if (response_answer(a->s->r, qi)->status == ANSWER_OPEN)
		return TUI_UNHANDLED;
	response_set_status(a->s->r, qi, ANSWER_OPEN);
	room_unclose(w->o->room);
	workshop_sync(w, a);
	app_message(a, false, "%s", _("Answer cleared: the votes can change again (z takes one back, N starts "
	                              "a new round)."));
	return TUI_HANDLED | TUI_CHANGED;
}

int workshop_room_key(struct workshop *w, struct app *a, int qi, const struct tui_event *ev)
{
	switch (ev->action) {
	case ACT_VOTE_N:
		return type_vote(w, a, ev->n - 1);
	case ACT_UNVOTE:
		return untype_vote(w, a);
	case ACT_CARDS:
		return decided(a, qi) ? TUI_HANDLED : workshop_count_open(w, a, qi);
	case ACT_REVEAL:
		if (!room_reveal(w->o->room))
			app_message(a, false, "%s", _("The votes on this question are already shown."));
		return TUI_HANDLED;
	case ACT_REOPEN:
		return reopen(w, a);
	case ACT_CLEAR:
		return clear_answer(w, a, qi);
	case ACT_JOIN:
		if (!w->o->join_url)
			app_message(a, false, "%s", _("Phones vote only with --serve PORT."));
		else
			app_push(a, workshop_join_new(a, w));
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

/* The keys after `v`: the level's number, digit by digit (issue 13.10:
 * `v 1 0` recorded level 1), recorded as soon as no further digit could
 * make a level (at once with up to 9 levels), else on Enter; or `n` / `u`
 * for not applicable and don't know, which count as votes too. */
int workshop_room_armed(struct workshop *w, struct app *a, int key)
{
	int n = a->s->q->nlevels, typed = w->typed, slot = status_slot(a, w->current, key);
	w->typed = 0;
	if (slot == -2)
		return TUI_HANDLED;
	if (slot >= 0 && typed == 0)
		return type_vote(w, a, slot);
	if ((key == '\n' || key == '\r') && typed > 0)
		return type_vote(w, a, typed - 1);
	if (key >= '0' && key <= '9' && (typed > 0 || key != '0')) {
		typed = typed * 10 + (key - '0');
		if (typed > n) {
			app_message(a, true, _("There are only %d levels."), n);
			return TUI_HANDLED;
		}
		if (typed * 10 > n)
			return type_vote(w, a, typed - 1);
		w->armed = true;
		w->typed = typed;
		app_message(a, false, _("Level %d so far: Enter records it, another digit goes on."), typed);
		return TUI_HANDLED;
	}
	app_message(a, false, "%s", _("No vote cast."));
	return TUI_HANDLED;
}
