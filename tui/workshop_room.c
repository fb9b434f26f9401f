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
	if (!w->o->room)
		snprintf(buf, len, _("v then 1-%d: a vote for that level%sz: take the last vote back%sl: list"), nl, sep,
		         sep);
	else
		snprintf(buf, len, _("v then 1-%d: a vote%sz: take it back%sR: reveal%sN: vote again%sl: list"), nl, sep,
		         sep, sep, sep);
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

static int type_vote(struct workshop *w, struct app *a, int li)
{
	const struct questionnaire *q = a->s->q;
	int N = w->o->participants;
	if (li >= q->nlevels) {
		app_message(a, true, _("There are only %d levels."), q->nlevels);
		return TUI_HANDLED;
	}
	switch (room_type_vote(w->o->room, li)) {
	case ROOM_OK:
		break;
	case ROOM_ALL_IN:
		app_message(a, true, _("All %d votes are in; z takes the last one back."), N);
		return TUI_HANDLED;
	case ROOM_CLOSED:
		app_message(a, true, "%s", _("The votes are revealed; N opens a new round."));
		return TUI_HANDLED;
	default:
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	workshop_sync(w, a);
	struct room_view v;
	room_view(w->o->room, -1, &v);
	/* Which level is not said: the room sees the screen. */
	if (v.all_in && v.revealed)
		app_message(a, false, _("All %d votes are in: this is how the room voted."), N);
	else if (v.all_in)
		app_message(a, false, _("All %d votes are in; R reveals them."), N);
	else
		app_message(a, false, _("Vote %d of %d recorded."), v.voted, N);
	return TUI_HANDLED;
}

static int untype_vote(struct workshop *w, struct app *a)
{
	if (room_untype_vote(w->o->room) < 0) {
		app_message(a, false, "%s", _("No vote on this question to take back in this sitting."));
		return TUI_HANDLED;
	}
	workshop_sync(w, a);
	struct room_view v;
	room_view(w->o->room, -1, &v);
	app_message(a, false, _("Vote taken back: %d of %d in."), v.voted, w->o->participants);
	return TUI_HANDLED;
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

int workshop_room_key(struct workshop *w, struct app *a, int qi, const struct tui_event *ev)
{
	(void)qi;
	switch (ev->action) {
	case ACT_VOTE_N:
		return type_vote(w, a, ev->n - 1);
	case ACT_UNVOTE:
		return untype_vote(w, a);
	case ACT_REVEAL:
		if (!room_reveal(w->o->room))
			app_message(a, false, "%s", _("The votes on this question are already shown."));
		return TUI_HANDLED;
	case ACT_REOPEN:
		return reopen(w, a);
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
 * `v 1 0` recorded level 1). It is recorded as soon as no further digit
 * could make a level (at once with up to 9 levels), else on Enter. */
int workshop_room_armed(struct workshop *w, struct app *a, int key)
{
	int n = a->s->q->nlevels, typed = w->typed;
	w->typed = 0;
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
