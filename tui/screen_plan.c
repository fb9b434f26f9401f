/* The improvement plan: actions grouped by status (in progress, planned,
 * done, dropped), each with its owner and due date, overdue ones marked.
 * Enter or e edits, a adds, 1-4 (or D, S, X) set the status, Delete
 * (twice) deletes. Every change is saved at once. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/response_plan.h"
#include "core/num.h"
#include "scoring/plan.h"
#include "tui/form.h"
#include "tui/lines.h"
#include "tui/screens.h"

enum { HEAD_ROWS = 3 };
enum { L_TEXT = 1, L_GROUP, L_TITLE, L_DETAIL };

/* The order of the groups on screen. */
static const enum action_status groups[ACTION_NSTATUS] = {
	ACTION_IN_PROGRESS, ACTION_PLANNED, ACTION_DONE, ACTION_DROPPED,
};

struct plan_screen {
	struct screen base;
	int cursor;             /* the highlighted action's index in the plan, or -1 */
	int top;
	int delete_armed;       /* the action a first Delete asked about, or -1 */
};

/* The plan's figures for today (NULL when memory runs out). */
static struct plan_view *view(const struct app *a, struct scorecard **card)
{
	char today[11];
	plan_today(today);
	*card = score_compute(a->s->q, a->s->r);
	struct plan_view *v = *card ? plan_compute(a->s->r, *card, today) : NULL;
	if (!v) {
		scorecard_free(*card);
		*card = NULL;
	}
	return v;
}

/* Action indexes in screen order: by group, then as plan_view sorts. */
static int screen_order(const struct app *a, const struct plan_view *v, int *out)
{
	int n = 0;
	for (int g = 0; g < ACTION_NSTATUS; g++)
		for (int k = 0; k < v->nactions; k++)
			if (response_action(a->s->r, v->order[k])->status == groups[g])
				out[n++] = v->order[k];
	return n;
}

/* 15,000 (15.000 in Dutch); cents only when there are. */
static const char *amount(char *buf, size_t len, double v)
{
	(void)len;              /* >= NUM_LEN */
	return num_grouped(buf, i18n_language(), v, v == (double)(long)v ? 0 : 2);
}

static void detail(char *buf, size_t len, const struct app *a, const struct action *act, bool overdue)
{
	const struct theme *t = &a->theme;
	int n = snprintf(buf, len, "%s %s", _("owner"), act->owner ? act->owner : t->none);
	n += snprintf(buf + n, len - (size_t)n, "%s%s %s", t->sep, _("due"), act->due[0] ? act->due : t->none);
	if (overdue)
		n += snprintf(buf + n, len - (size_t)n, " %s", _("OVERDUE"));
	char num[64];
	if (act->has_cost)
		n += snprintf(buf + n, len - (size_t)n, "%s€ %s", t->sep, amount(num, sizeof num, act->cost));
	if (act->has_hours)
		n += snprintf(buf + n, len - (size_t)n, "%s%s %s", t->sep, amount(num, sizeof num, act->hours), _("hours"));
	if (act->carried_over)
		n += snprintf(buf + n, len - (size_t)n, "%s%s", t->sep, _("carried over: confirm D, S or X"));
	if (act->proposal && n > 0)
		snprintf(buf + n, len - (size_t)n, "%s%s", t->sep, _("proposed in the workshop"));
}

/* The rows; the caller frees b and the texts in *texts (one per action). */
static void layout(struct lines *b, char **texts, const struct app *a, const struct plan_view *v, int width)
{
	const struct theme *t = &a->theme;
	int order[RESPONSE_MAX_ACTIONS], n = screen_order(a, v, order), shown = 0;
	static char heads[ACTION_NSTATUS][96];
	lines_init(b);
	if (n == 0)
		lines_text(b, t, _("No actions yet. Press a to add one, or a on a question or a priority in the "
		                   "results: the next step becomes an action."), 1, width - 2, AT_DIM, L_TEXT, -1);
	for (int g = 0; g < ACTION_NSTATUS; g++) {
		int count = 0;
		for (int k = 0; k < n; k++)
			count += response_action(a->s->r, order[k])->status == groups[g];
		if (count == 0)
			continue;
		if (shown++)
			lines_blank(b);
		snprintf(heads[g], sizeof heads[g], "%s (%d)", action_status_words(groups[g]), count);
		lines_text(b, t, heads[g], 1, width - 2, AT_HEADING, L_GROUP, -1);
		for (int k = 0; k < n; k++) {
			int i = order[k];
			const struct action *act = response_action(a->s->r, i);
			if (act->status != groups[g])
				continue;
			lines_text(b, t, act->title, 3, width - 4, AT_NORMAL, L_TITLE, i);
			texts[i] = xmalloc(512);
			detail(texts[i], 512, a, act, v->overdue[i]);
			lines_text(b, t, texts[i], 5, width - 6, v->overdue[i] ? AT_ERROR : AT_DIM, L_DETAIL, i);
		}
	}
}

static void free_texts(char **texts, int n)
{
	for (int i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

static void draw_head(const struct app *a, const struct plan_view *v, struct rect r)
{
	const struct theme *t = &a->theme;
	char buf[256];
	theme_set(stdscr, t, AT_HEADING);
	snprintf(buf, sizeof buf, ngettext("Improvement plan: %d action, %d open, %d overdue",
	                                   "Improvement plan: %d actions, %d open, %d overdue",
	                                   (unsigned long)v->nactions), v->nactions, v->nopen, v->noverdue);
	draw_str(stdscr, t, r.y, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_DIM);
	char cost[64], hours[64];
	snprintf(buf, sizeof buf, _("Total € %s and %s hours (dropped not counted); %d priorities without an action"),
	         amount(cost, sizeof cost, v->cost), amount(hours, sizeof hours, v->hours), v->nuncovered);
	draw_str(stdscr, t, r.y + 1, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	draw_hline(stdscr, t, r.y + 2, 0, r.w);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct plan_screen *ps = (const struct plan_screen *)sc;
	const struct theme *t = &a->theme;
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	if (!v) {
		scorecard_free(card);
		return;
	}
	char **texts = xcalloc((size_t)v->nactions + 1, sizeof *texts);
	draw_head(a, v, r);
	struct lines b;
	layout(&b, texts, a, v, r.w);
	int rows = r.h - HEAD_ROWS, y0 = r.y + HEAD_ROWS;
	for (int i = ps->top; i < b.n && i - ps->top < rows; i++) {
		const struct line *l = &b.v[i];
		int y = y0 + i - ps->top;
		bool cur = l->item >= 0 && l->item == ps->cursor;
		theme_set(stdscr, t, cur ? AT_CURSOR : l->at);
		if (cur) {
			draw_blank(stdscr, y, 0, r.w);
			if (l->first && l->kind == L_TITLE)
				draw_str(stdscr, t, y, 1, 1, t->cursor, 0);
		}
		lines_draw_text(&b, t, i, y, r.w);
	}
	theme_set(stdscr, t, AT_NORMAL);
	lines_draw_marks(&b, t, ps->top, y0, rows, r.w - 1);
	lines_free(&b);
	free_texts(texts, v->nactions);
	plan_view_free(v);
	scorecard_free(card);
}

/* Keeps the cursor on an action (the first one when it has none) and in view. */
static void ensure_visible(struct plan_screen *ps, const struct app *a, int move)
{
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	if (!v) {
		scorecard_free(card);
		return;
	}
	char **texts = xcalloc((size_t)v->nactions + 1, sizeof *texts);
	int order[RESPONSE_MAX_ACTIONS], n = screen_order(a, v, order), at = 0;
	for (int k = 0; k < n; k++)
		if (order[k] == ps->cursor)
			at = k;
	at += move;
	at = at < 0 ? 0 : at >= n ? n - 1 : at;
	ps->cursor = n > 0 ? order[at] : -1;
	struct rect r = app_area(a);
	struct lines b;
	layout(&b, texts, a, v, r.w);
	ps->top = ps->cursor < 0 ? 0 : lines_scroll(&b, at == 0 ? 0 : ps->top, r.h - HEAD_ROWS, ps->cursor);
	lines_free(&b);
	free_texts(texts, v->nactions);
	plan_view_free(v);
	scorecard_free(card);
}

static int set_status(struct plan_screen *ps, struct app *a, enum action_status st)
{
	if (ps->cursor < 0)
		return TUI_HANDLED;
	if (!response_set_action_status(a->s->r, ps->cursor, st))
		return TUI_HANDLED;
	app_message(a, false, _("Status: %s."), action_status_words(st));
	ensure_visible(ps, a, 0);
	return TUI_HANDLED | TUI_CHANGED;
}

static int delete_action(struct plan_screen *ps, struct app *a)
{
	if (ps->cursor < 0)
		return TUI_HANDLED;
	if (ps->delete_armed != ps->cursor) {
		ps->delete_armed = ps->cursor;
		app_message(a, false, _("Press Delete again to delete \"%s\"; dropping it (4) keeps it on record."),
		            response_action(a->s->r, ps->cursor)->title);
		return TUI_HANDLED;
	}
	response_remove_action(a->s->r, ps->cursor);
	ps->delete_armed = -1;
	app_message(a, false, "%s", _("Action deleted."));
	ensure_visible(ps, a, 0);
	return TUI_HANDLED | TUI_CHANGED;
}

/* A new action: for the first priority no action covers, if any. */
static int add(struct app *a)
{
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	int qi = v && v->nuncovered > 0 ? v->uncovered[0] : -1;
	plan_view_free(v);
	scorecard_free(card);
	app_push(a, form_action_new(a, -1, qi, NULL));
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct plan_screen *ps = (struct plan_screen *)sc;
	if (ev->action != ACT_DELETE)
		ps->delete_armed = -1;
	switch (ev->action) {
	case ACT_UP:
	case ACT_DOWN:
		ensure_visible(ps, a, ev->action == ACT_UP ? -1 : 1);
		return TUI_HANDLED;
	case ACT_HOME:
	case ACT_END:
		ensure_visible(ps, a, ev->action == ACT_HOME ? -RESPONSE_MAX_ACTIONS : RESPONSE_MAX_ACTIONS);
		return TUI_HANDLED;
	case ACT_OPEN:
	case ACT_EDIT:
		if (ps->cursor >= 0)
			app_push(a, form_action_new(a, ps->cursor, -1, NULL));
		return TUI_HANDLED;
	case ACT_ADD_ACTION:
		return add(a);
	case ACT_STATUS_N:
		if (ev->n > ACTION_NSTATUS) {
			app_message(a, true, "%s", _("1 planned, 2 in progress, 3 done, 4 dropped."));
			return TUI_HANDLED;
		}
		return set_status(ps, a, (enum action_status)(ev->n - 1));
	case ACT_ACTION_DONE:
		return set_status(ps, a, ACTION_DONE);
	case ACT_ACTION_OPEN:
		return set_status(ps, a, ps->cursor >= 0 && response_action(a->s->r, ps->cursor)->status == ACTION_IN_PROGRESS
		                         ? ACTION_IN_PROGRESS : ACTION_PLANNED);
	case ACT_ACTION_DROP:
		return set_status(ps, a, ACTION_DROPPED);
	case ACT_DELETE:
		return delete_action(ps, a);
	case ACT_PLAN:
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void enter(struct screen *sc, struct app *a)
{
	ensure_visible((struct plan_screen *)sc, a, 0);
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	(void)area;
	ensure_visible((struct plan_screen *)sc, a, 0);
}

static void destroy(struct screen *sc)
{
	free(sc);
}

static const struct screen_ops ops = {
	.kind = SCREEN_PLAN,
	.enter = enter,
	.draw = draw,
	.handle = handle,
	.resize = resize,
	.destroy = destroy,
};

struct screen *screen_plan_new(struct app *a)
{
	(void)a;
	struct plan_screen *ps = xmalloc(sizeof *ps);
	ps->base.ops = &ops;
	ps->cursor = -1;
	ps->delete_armed = -1;
	return &ps->base;
}
