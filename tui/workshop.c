/* `peil workshop`: the entry point behind tui/workshop.h, and what the
 * question screen does on top of fill (through its hooks): the votes, the
 * spread and the notes (tui/workshop_pane.c), voting in the room
 * (workshop_room.c), deciding (workshop_decide.c) and time
 * (workshop_time.c). */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/response_session.h"
#include "tui/workshop_screens.h"

/* ---- figures ---- */

void workshop_stats(const struct app *a, int qi, int *counts, struct group_question *g)
{
	const struct questionnaire *q = a->s->q;
	const int *v = response_answer(a->s->r, qi)->votes;
	for (int i = 0; i < q->nlevels; i++)
		counts[i] = v ? v[i] : 0;
	group_question_stats(q, counts, g);
}

int workshop_votes(const struct app *a, int qi)
{
	const int *v = response_answer(a->s->r, qi)->votes;
	int n = 0;
	for (int i = 0; v && i < a->s->q->nlevels; i++)
		n += v[i];
	return n;
}

bool workshop_revealed(const struct workshop *w, const struct app *a, int qi)
{
	return w->o->participants <= 0 || workshop_room_revealed(w, a, qi);
}

bool workshop_contested(const struct workshop *w, const struct app *a, int qi)
{
	int *counts = xcalloc((size_t)a->s->q->nlevels, sizeof(int));
	struct group_question g;
	bool contested = false;
	if (workshop_revealed(w, a, qi)) {
		workshop_stats(a, qi, counts, &g);
		contested = g.contested;
	}
	free(counts);
	return contested;
}

bool workshop_unknown_flag(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len)
{
	int unknown = 0, all = 0;
	if (w->o->participants > 0) {
		const struct answer *ans = response_answer(a->s->r, qi);
		unknown = ans->votes_unknown;
		all = workshop_votes(a, qi) + ans->votes_na + ans->votes_unknown;
	} else {
		for (int i = 0; i < w->o->nrespondents; i++) {
			const struct response *r = w->o->respondents[i].r;
			all++;
			unknown += !response_hidden(r, qi) && response_answer(r, qi)->status == ANSWER_UNKNOWN;
		}
	}
	/* Many don't know: the question may need someone who does. */
	if (unknown < 2 || unknown * 3 < all)
		return false;
	snprintf(buf, len, _("%d of %d don't know: is someone missing who does?"), unknown, all);
	return true;
}

int workshop_number(const struct app *a, int qi)
{
	(void)a;
	return qi + 1;
}

/* Puts qi into out, then the questions that wait for it (deferred[c]:
 * a show_if on qi that sorted before it). */
static void emit(const struct questionnaire *q, int qi, const int *sorted, bool *deferred,
                 bool *done, int *out, int *n)
{
	out[(*n)++] = qi;
	done[qi] = true;
	for (int i = 0; i < q->nquestions; i++) {
		int c = sorted[i];
		if (deferred[c] && q->questions[c].show_if.question == qi) {
			deferred[c] = false;
			emit(q, c, sorted, deferred, done, out, n);
		}
	}
}

/* Review mode: most contested first (scoring/group.h's order), except
 * that a question asked only after another one (show_if) comes right
 * after it: before, it would be hidden and skipped. */
static bool contested_first(struct session *s)
{
	const struct questionnaire *q = s->q;
	int nq = q->nquestions;
	struct group_stats *gs = group_from_votes(q, s->r);
	int *sorted = xcalloc((size_t)nq, sizeof(int)), *order = xcalloc((size_t)nq, sizeof(int));
	bool *deferred = xcalloc((size_t)nq, sizeof(bool)), *done = xcalloc((size_t)nq, sizeof(bool));
	bool ok = gs != NULL;
	if (ok) {
		group_order(gs, sorted);
		int n = 0;
		for (int i = 0; i < nq; i++) {
			int qi = sorted[i], parent = q->questions[qi].show_if.question;
			if (parent >= 0 && !done[parent])
				deferred[qi] = true;
			else
				emit(q, qi, sorted, deferred, done, order, &n);
		}
		ok = n == nq && nav_set_order(&s->nav, order, nq);
	}
	group_stats_free(gs);
	free(sorted);
	free(order);
	free(deferred);
	free(done);
	return ok;
}

/* ---- the question screen's hooks ---- */

static int extra_rows(void *ctx, const struct app *a, int qi, int width)
{
	return workshop_pane_rows(ctx, a, qi, width);
}

static void draw_extra(void *ctx, const struct app *a, int qi, struct rect r)
{
	((struct workshop *)ctx)->current = qi;     /* only a bookmark for the list */
	workshop_pane_draw(ctx, a, qi, r);
}

/* "Votes 1:1 2:2 3:1 · mean 2.00 · consensus 0.65", or how many are in
 * while they are hidden; *contested: a second line says so. */
static void summary_text(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len,
                         bool *contested)
{
	const struct questionnaire *q = a->s->q;
	const char *sep = a->theme.sep;
	int *counts = xcalloc((size_t)q->nlevels, sizeof(int));
	struct group_question g;
	*contested = false;
	buf[0] = '\0';
	workshop_stats(a, qi, counts, &g);
	if (!workshop_revealed(w, a, qi)) {
		snprintf(buf, len, _("Votes: %d of %d in, hidden until all are in"), workshop_room_votes(w, a, qi),
		         w->o->participants);
	} else if (!g.has_stats) {
		snprintf(buf, len, "%s", _("Nobody chose a level."));
	} else {
		char levels[256] = "";
		size_t used = 0;
		for (int i = 0; i < q->nlevels && used < sizeof levels; i++) {
			int n = snprintf(levels + used, sizeof levels - used, "%s%d:%d", i ? " " : "",
			                 q->levels[i].value, counts[i]);
			used += n > 0 ? (size_t)n : 0;
		}
		char mean[NUM_LEN], cons[NUM_LEN];
		snprintf(buf, len, _("Votes %s%smean %s%sconsensus %s"), levels, sep,
		         num_stat(mean, session_nlang(a->s), true, g.mean), sep,
		         num_stat(cons, session_nlang(a->s), true, g.consensus));
		*contested = g.contested;
	}
	free(counts);
}

static int summary_rows(void *ctx, const struct app *a, int qi, int width)
{
	char buf[512];
	bool contested;
	(void)width;
	if (((struct workshop *)ctx)->large)
		return 0;       /* the bars are beside the levels */
	summary_text(ctx, a, qi, buf, sizeof buf, &contested);
	return contested ? 2 : 1;
}

static void draw_summary(void *ctx, const struct app *a, int qi, struct rect r)
{
	const struct theme *t = &a->theme;
	char buf[512];
	bool contested;
	summary_text(ctx, a, qi, buf, sizeof buf, &contested);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, r.x, r.w, buf, DRAW_ELLIPSIS);
	if (contested && r.h > 1) {
		theme_set(stdscr, t, AT_ERROR);
		draw_str(stdscr, t, r.y + 1, r.x, r.w, _("Contested: discuss before deciding."), DRAW_ELLIPSIS);
	}
	theme_set(stdscr, t, AT_NORMAL);
}

/* "Question 1/50 · no. 17": the rank in the session's order (most
 * contested first) and the questionnaire's own number, which the room
 * has on paper. */
static bool position(void *ctx, const struct app *a, int qi, char *buf, size_t len)
{
	const struct workshop *w = ctx;
	int n, p = nav_asked_position(&a->s->nav, qi, &n);     /* another region's are never asked */
	if (w->o->participants > 0)
		snprintf(buf, len, _("Question %d/%d"), p, n);
	else
		snprintf(buf, len, _("Question %d/%d · no. %d"), p, n, workshop_number(a, qi));
	return true;
}

static void shown(void *ctx, struct app *a, int qi)
{
	struct workshop *w = ctx;
	if (qi != w->current) {
		w->notes_page = 0;
		workshop_time_question(w);
	}
	w->current = qi;
	w->pending.qi = -1;
	response_set_stopped_at(a->s->r, qi);   /* resumed here (saved with the next change) */
	workshop_room_shown(ctx, a, qi);
}

static bool compact(void *ctx)
{
	return ((struct workshop *)ctx)->large;
}

static void show_list(struct app *a, struct workshop *w)
{
	if (!app_raise(a, SCREEN_WORKSHOP_LIST))
		app_push(a, workshop_list_new(a, w));
}

/* The workshop's own keys on a question; the room's in live mode. */
static int workshop_key(struct workshop *w, struct app *a, int qi, const struct tui_event *ev, bool live)
{
	switch (ev->action) {
	case ACT_VOTE:
		w->armed = true;
		w->typed = 0;
		if (a->s->q->nlevels > 9)
			app_message(a, false, _("A vote for which level? Type 1-%d, then Enter; n not applicable, "
			                        "u don't know (another key cancels)."), a->s->q->nlevels);
		else
			app_message(a, false, _("A vote for which level? Press 1-%d; n not applicable, u don't know "
			                        "(another key cancels)."), a->s->q->nlevels);
		return TUI_HANDLED;
	case ACT_LIST:
		show_list(a, w);
		return TUI_HANDLED;
	case ACT_NAMES:
		if (w->o->anonymous) {
			app_message(a, false, "%s", _("The names stay hidden: this session runs with --anonymous."));
			return TUI_HANDLED;
		}
		w->names = !w->names;
		app_message(a, false, "%s", w->names ? _("Names shown: the room sees them too.") : _("Names hidden."));
		return TUI_HANDLED;
	case ACT_NOTES_PAGE:    /* after the last page, the first again, as the pane says */
		w->notes_page = w->notes_more ? w->notes_page + 1 : 0;
		return TUI_HANDLED;
	case ACT_LARGE:
		w->large = !w->large;
		a->hide_help = w->large;        /* the room needs the question, not its explanation (i) */
		w->notes_page = 0;
		return TUI_HANDLED;
	default:
		return live ? workshop_room_key(w, a, qi, ev) : TUI_UNHANDLED;
	}
}

static int on_key(void *ctx, struct app *a, int qi, const struct tui_event *ev)
{
	struct workshop *w = ctx;
	bool live = w->o->participants > 0;
	int k = ev->fkey ? 0 : ev->key;
	if (w->armed) {
		w->armed = false;
		return workshop_room_armed(w, a, ev->fkey && ev->key == KEY_ENTER ? '\n' : k);
	}
	if (w->untype) {
		w->untype = false;
		return workshop_room_untype(w, a, k);
	}
	if (w->swallow) {       /* review mode, after `v`: this key must not decide (defect 3) */
		w->swallow = false;
		app_message(a, false, "%s", _("Nothing recorded: in review mode the votes are the respondents' answers."));
		return TUI_HANDLED;
	}
	if (ev->action != ACT_CHOOSE && ev->action != ACT_CHOOSE_N && ev->action != ACT_NA &&
	    ev->action != ACT_UNKNOWN && ev->action != ACT_CLICK)
		w->pending.qi = -1;     /* only the same key again confirms */
	enum tui_action voting = keys_action(SCREEN_QUESTION, KEYS_BIT(KEYS_VOTING), ev->key, ev->fkey, NULL);
	if (!live && keys_context_of(voting) == KEYS_VOTING) {
		w->swallow = voting == ACT_VOTE;
		app_message(a, false, "%s", _("In review mode the votes are the respondents' answers."));
		return TUI_HANDLED;
	}
	return workshop_key(w, a, qi, ev, live);
}

/* Keys on every screen: the projector blanked, the clock paused, and a
 * quit that asks first while a vote is in progress. */
static int on_global(struct app *a, void *ctx, const struct tui_event *ev)
{
	struct workshop *w = ctx;
	if (a->blank) {         /* any key brings the screen back */
		a->blank = false;
		return TUI_HANDLED;
	}
	if (ev->action != ACT_QUIT)
		w->quit_asked = false;
	switch (ev->action) {
	case ACT_BLANK:
		a->blank = true;
		return TUI_HANDLED;
	case ACT_PAUSE:
		workshop_time_pause(w, a);
		return TUI_HANDLED;
	case ACT_QUIT:
		if (w->o->participants > 0 && w->current >= 0 && workshop_room_in_progress(w, a, w->current) &&
		    !w->quit_asked && app_top(a)->ops->kind == SCREEN_QUESTION) {
			w->quit_asked = true;
			app_message(a, true, _("A vote is in progress (%d of %d in). Press q again to quit; the votes "
			                       "cast are kept."), workshop_room_votes(w, a, w->current), w->o->participants);
			return TUI_HANDLED;
		}
		workshop_time_store(w, a);
		app_save(a);
		return TUI_UNHANDLED;   /* the app quits */
	default:
		return TUI_UNHANDLED;
	}
}

/* ---- the session ---- */

/* The list underneath; on top, where the facilitator stopped last time,
 * else the first question still to do (in review mode the most contested). */
static void start_screens(struct app *a)
{
	struct workshop *w = a->question_hooks->ctx;
	app_push(a, workshop_list_new(a, w));
	int qi = response_session(a->s->r)->stopped_at;
	if (qi < 0 || !nav_visible(&a->s->nav, qi))
		qi = nav_next_todo(&a->s->nav, -1);
	if (qi < 0)
		qi = nav_step(&a->s->nav, -1, 1);
	if (qi >= 0)
		tui_show_question(a, qi);
	workshop_time_start(w, a);
}

/* The messages about the files, for the status line at the start
 * (defect 7): the one message, or how many and the first. */
static const char *file_notes(const char *notes, const char *notice, char *buf, size_t len)
{
	if (!notes)
		return notice;
	int n = 0;
	for (const char *p = notes; *p; p++)
		n += *p == '\n' || !p[1];
	const char *end = strchr(notes, '\n');
	int first = end ? (int)(end - notes) : (int)strlen(notes);
	if (n == 1)
		snprintf(buf, len, "%.*s", first, notes);
	else
		snprintf(buf, len, _("%d messages about the files (l lists them): %.*s"), n, first, notes);
	return buf;
}

enum tui_status tui_run_workshop(const struct questionnaire *q, struct response *r,
                                 const char *path, const struct tui_workshop_options *o,
                                 int *signo, char *err, size_t errlen)
{
	struct session s;
	struct app a;
	struct workshop w = { .o = o, .current = -1, .pending.qi = -1, .large = o->large,
	                      .names = o->names && !o->anonymous };
	w.hooks = (struct question_hooks){ .ctx = &w, .extra_rows = extra_rows, .draw_extra = draw_extra,
	                                   .summary_rows = summary_rows, .draw_summary = draw_summary,
	                                   .shown = shown, .key = on_key, .deciding = workshop_deciding,
	                                   .choice_text = workshop_choice_text, .status_line = workshop_time_line,
	                                   .position = position, .next_todo = true, .compact = compact };
	*signo = 0;
	err[0] = '\0';
	w.choice_texts = xcalloc((size_t)q->nlevels + 2, sizeof *w.choice_texts);
	if (!session_init(&s, q, r, path, o->lang) ||
	    (o->participants <= 0 && !contested_first(&s))) {
		free(w.choice_texts);
		snprintf(err, errlen, "%s", _("out of memory"));
		return TUI_NO_TERMINAL;
	}
	enum theme_mode mode = o->no_color ? THEME_PLAIN : o->high_contrast ? THEME_CONTRAST : THEME_COLOR;
	if (!app_open(&a, &s, mode, err, errlen)) {
		session_fini(&s);
		free(w.choice_texts);
		return TUI_NO_TERMINAL;
	}
	a.question_hooks = &w.hooks;
	a.hide_help = o->large;         /* the projector view: `i` shows the explanation */
	a.key_contexts = KEYS_BIT(KEYS_WORKSHOP) | (o->participants > 0 ? KEYS_BIT(KEYS_VOTING) : 0);
	a.global = on_global;
	a.tick = workshop_time_tick;
	a.hook_ctx = &w;
	if (o->room && o->join_url) {   /* the phones' votes wake the loop */
		a.wake = workshop_room_wake;
		a.wake_ctx = &w;
		a.wake_fd = room_wake_fd(o->room);
	}
	char notice[512];
	enum tui_status st = tui_run_app(&a, file_notes(o->file_notes, o->notice, notice, sizeof notice),
	                                 o->ask_organisation, start_screens, path, signo, err, errlen);
	session_fini(&s);
	free(w.choice_texts);
	return st;
}
