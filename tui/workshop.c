/* `peil workshop`: the entry point behind tui/workshop.h, and what the
 * question screen shows and does on top of fill (through its hooks): the
 * votes, the spread, the respondents' notes, voting in the room. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
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
	int *sorted = calloc((size_t)nq, sizeof(int)), *order = calloc((size_t)nq, sizeof(int));
	bool *deferred = calloc((size_t)nq, sizeof(bool)), *done = calloc((size_t)nq, sizeof(bool));
	bool ok = gs && sorted && order && deferred && done;
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

/* ---- the pane below the answers: counted once, then drawn ---- */

struct pane {
	const struct app *a;
	struct rect r;
	bool draw;
	int row;
};

/* The screen row for the next line, or -1 when only counting or clipped. */
static int pane_next(struct pane *p)
{
	int row = p->row++;
	return p->draw && row < p->r.h ? p->r.y + row : -1;
}

static void pane_text(struct pane *p, int x, const char *s, enum tui_attr at)
{
	const struct theme *t = &p->a->theme;
	int width = p->r.w - x > 8 ? p->r.w - x : 8;
	struct wrap_iter it;
	struct span sp;
	draw_wrap_start(&it, s);
	while (draw_wrap_next(t, &it, width, &sp)) {
		int y = pane_next(p);
		if (y < 0)
			continue;
		theme_set(stdscr, t, at);
		draw_text(stdscr, t, y, p->r.x + x, width, s + sp.off, sp.len, 0);
		theme_set(stdscr, t, AT_NORMAL);
	}
}

static void level_name(const struct app *a, int li, char *buf, size_t len)
{
	words_level(buf, len, a->s->q, true, a->s->q->levels[li].value, a->s->lang);
}

/* One bar per level: its share of the votes, and the count. */
static void pane_histogram(struct pane *p, const struct group_question *g, bool large)
{
	const struct app *a = p->a;
	const struct theme *t = &a->theme;
	int labw = 0;
	char name[128];
	for (int i = 0; i < a->s->q->nlevels; i++) {
		level_name(a, i, name, sizeof name);
		int c = draw_cols(t, name, strlen(name));
		labw = c > labw ? c : labw;
	}
	labw = labw < p->r.w / 3 ? labw : p->r.w / 3;
	int bw = p->r.w - labw - 12;
	if (!large && bw > 40)
		bw = 40;        /* long bars are hard to compare at a glance */
	for (int i = 0; i < a->s->q->nlevels; i++) {
		for (int k = 0; k < (large ? 2 : 1); k++) {
			int y = pane_next(p);
			if (y < 0)
				continue;
			if (k == 0) {
				level_name(a, i, name, sizeof name);
				draw_str(stdscr, t, y, p->r.x + 2, labw, name, DRAW_ELLIPSIS);
				snprintf(name, sizeof name, "%3d", g->counts[i]);
				draw_str(stdscr, t, y, p->r.x + 3 + labw + bw + 1, 6, name, 0);
			}
			draw_bar(stdscr, t, y, p->r.x + 3 + labw, bw > 4 ? bw : 4,
			         g->n ? (double)g->counts[i] / g->n : 0, -1);
		}
	}
}

static void pane_figures(struct pane *p, const struct group_question *g)
{
	const struct theme *t = &p->a->theme;
	char buf[256], range[32];
	if (!g->has_stats) {
		pane_text(p, 0, _("Nobody chose a level."), AT_DIM);
		return;
	}
	if (g->min == g->max)
		snprintf(range, sizeof range, "%d", g->min);
	else
		snprintf(range, sizeof range, "%d%s%d", g->min, t->utf8 ? "–" : "-", g->max);
	const char *nl = session_nlang(p->a->s);
	char mean[NUM_LEN], median[NUM_LEN], sd[NUM_LEN], cons[NUM_LEN];
	snprintf(buf, sizeof buf, _("n %d%smean %s%smedian %s%srange %s%ssd %s%sconsensus %s"),
	         g->n, t->sep, num_stat(mean, nl, true, g->mean), t->sep, num_median(median, nl, true, g->median),
	         t->sep, range, t->sep, num_stat(sd, nl, true, g->sd), t->sep, num_stat(cons, nl, true, g->consensus));
	pane_text(p, 0, buf, AT_NORMAL);
	if (g->contested)
		pane_text(p, 0, _("Contested: the group disagrees here. Discuss before deciding."), AT_ERROR);
}

/* Review mode: who answered n/a or don't know, and what people wrote. */
static void pane_respondents(struct pane *p, const struct workshop *w, int qi)
{
	const struct tui_workshop_options *o = w->o;
	int na = 0, unknown = 0, notes = 0;
	for (int i = 0; i < o->nrespondents; i++) {
		const struct response *r = o->respondents[i].r;
		const struct answer *ans = response_answer(r, qi);
		na += response_hidden(r, qi) || ans->status == ANSWER_NA;
		unknown += !response_hidden(r, qi) && ans->status == ANSWER_UNKNOWN;
		notes += ans->note != NULL;
	}
	char buf[1024], what[160];
	if (na || unknown) {
		snprintf(buf, sizeof buf, _("Not applicable: %d%sdon't know: %d"), na, p->a->theme.sep, unknown);
		pane_text(p, 0, buf, AT_DIM);
	}
	if (notes == 0 || o->large)
		return;
	pane_next(p);
	pane_text(p, 0, _("What the respondents wrote:"), AT_HEADING);
	for (int i = 0; i < o->nrespondents; i++) {
		const struct response *r = o->respondents[i].r;
		const struct answer *ans = response_answer(r, qi);
		if (!ans->note)
			continue;
		words_response(what, sizeof what, r, qi, p->a->s->lang, 0);
		if (o->respondents[i].name)
			snprintf(buf, sizeof buf, "%s%s%s: %s", o->respondents[i].name, p->a->theme.sep, what, ans->note);
		else
			snprintf(buf, sizeof buf, "%s: %s", what, ans->note);
		pane_text(p, 2, buf, AT_NORMAL);
	}
}

static void pane_fill(struct pane *p, const struct workshop *w, int qi)
{
	const struct app *a = p->a;
	int nl = a->s->q->nlevels, N = w->o->participants;
	int *counts = calloc((size_t)nl, sizeof(int));
	if (!counts)
		return;
	struct group_question g;
	workshop_stats(a, qi, counts, &g);
	char buf[512];
	bool shown = workshop_revealed(w, a, qi);
	if (N > 0) {
		workshop_room_heading(w, a, qi, buf, sizeof buf);
		pane_text(p, 0, buf, AT_HEADING);
		workshop_room_keys(w, a, buf, sizeof buf);
		pane_text(p, 2, buf, AT_DIM);
		if (workshop_room_join_line(w, a, buf, sizeof buf))
			pane_text(p, 2, buf, AT_NORMAL);
	} else {
		snprintf(buf, sizeof buf, _("How the %d respondents answered"), w->o->nrespondents);
		pane_text(p, 0, buf, AT_HEADING);
	}
	if (shown) {
		pane_histogram(p, &g, w->o->large);
		pane_figures(p, &g);
		const struct answer *ans = response_answer(a->s->r, qi);
		if (N > 0 && (ans->votes_na || ans->votes_unknown)) {
			snprintf(buf, sizeof buf, _("Not applicable: %d%sdon't know: %d"), ans->votes_na, a->theme.sep,
			         ans->votes_unknown);
			pane_text(p, 0, buf, AT_DIM);
		}
	}
	if (N <= 0)
		pane_respondents(p, w, qi);
	free(counts);
}

static int extra_rows(void *ctx, const struct app *a, int qi, int width)
{
	struct pane p = { .a = a, .r = { 0, 0, 0, width - 2 } };
	pane_fill(&p, ctx, qi);
	return p.row;
}

static void draw_extra(void *ctx, const struct app *a, int qi, struct rect r)
{
	struct pane p = { .a = a, .r = r, .draw = true };
	((struct workshop *)ctx)->current = qi;     /* only a bookmark for the list */
	pane_fill(&p, ctx, qi);
}

/* ---- the summary pinned under the question on a small window ---- */

/* "Votes 1:1 2:2 3:1 · mean 2.00 · consensus 0.65", or how many are in
 * while they are hidden; *contested: a second line says so. */
static void summary_text(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len,
                         bool *contested)
{
	const struct questionnaire *q = a->s->q;
	const char *sep = a->theme.sep;
	int *counts = calloc((size_t)q->nlevels, sizeof(int));
	struct group_question g;
	*contested = false;
	buf[0] = '\0';
	if (!counts)
		return;
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

static void show_list(struct app *a, struct workshop *w)
{
	if (!app_raise(a, SCREEN_WORKSHOP_LIST))
		app_push(a, workshop_list_new(a, w));
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
	if (!live && keys_context_of(keys_action(SCREEN_QUESTION, KEYS_BIT(KEYS_VOTING), ev->key, ev->fkey, NULL)) ==
	             KEYS_VOTING) {
		app_message(a, false, "%s", _("In review mode the votes are the respondents' answers."));
		return TUI_HANDLED;
	}
	switch (ev->action) {
	case ACT_VOTE:
		w->armed = true;
		w->typed = 0;
		if (a->s->q->nlevels > 9)
			app_message(a, false, _("A vote for which level? Type 1-%d, then Enter (another key cancels)."),
			            a->s->q->nlevels);
		else
			app_message(a, false, _("A vote for which level? Press 1-%d (another key cancels)."),
			            a->s->q->nlevels);
		return TUI_HANDLED;
	case ACT_LIST:
		show_list(a, w);
		return TUI_HANDLED;
	default:
		return live ? workshop_room_key(w, a, qi, ev) : TUI_UNHANDLED;
	}
}

/* ---- the session ---- */

/* The list underneath, the first undecided question (in the session's
 * order: the most contested one) on top. */
static void start_screens(struct app *a)
{
	struct workshop *w = a->question_hooks->ctx;
	app_push(a, workshop_list_new(a, w));
	int qi = nav_next_open(&a->s->nav, -1);
	if (qi >= 0)
		tui_show_question(a, qi);
}

enum tui_status tui_run_workshop(const struct questionnaire *q, struct response *r,
                                 const char *path, const struct tui_workshop_options *o,
                                 int *signo, char *err, size_t errlen)
{
	struct session s;
	struct app a;
	struct workshop w = { .o = o, .current = -1 };
	w.hooks = (struct question_hooks){ .ctx = &w, .extra_rows = extra_rows, .draw_extra = draw_extra,
	                                   .summary_rows = summary_rows, .draw_summary = draw_summary,
	                                   .shown = workshop_room_shown, .key = on_key };
	*signo = 0;
	err[0] = '\0';
	if (!session_init(&s, q, r, path, o->lang) || (o->participants <= 0 && !contested_first(&s))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return TUI_NO_TERMINAL;
	}
	enum theme_mode mode = o->no_color ? THEME_PLAIN : o->high_contrast ? THEME_CONTRAST : THEME_COLOR;
	if (!app_open(&a, &s, mode, err, errlen)) {
		session_fini(&s);
		return TUI_NO_TERMINAL;
	}
	a.question_hooks = &w.hooks;
	a.key_contexts = KEYS_BIT(KEYS_WORKSHOP) | (o->participants > 0 ? KEYS_BIT(KEYS_VOTING) : 0);
	if (o->room && o->join_url) {   /* the phones' votes wake the loop */
		a.wake = workshop_room_wake;
		a.wake_ctx = &w;
		a.wake_fd = room_wake_fd(o->room);
	}
	enum tui_status st = tui_run_app(&a, o->notice, o->ask_organisation, start_screens,
	                                 path, signo, err, errlen);
	session_fini(&s);
	return st;
}
