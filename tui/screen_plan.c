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
#include "tui/panel.h"
#include "tui/screens.h"

enum { HEAD_ROWS = 3 };
enum { L_TEXT = 1, L_GROUP, L_TITLE, L_DETAIL };

/* The order of the groups on screen. */
static const enum action_status groups[ACTION_NSTATUS] = {
	ACTION_IN_PROGRESS, ACTION_PLANNED, ACTION_DONE, ACTION_DROPPED,
};

struct plan_screen {
	struct screen base;
	struct panel p;         /* items: the actions in screen order */
	int action;             /* the highlighted action's index in the plan while
	                         * covered (a form may move it to another group), or -1 */
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

/* The rows; items are positions in screen_order(). */
static void layout(struct lines *b, const struct app *a, const struct plan_view *v, int width)
{
	const struct theme *t = &a->theme;
	int order[RESPONSE_MAX_ACTIONS], n = screen_order(a, v, order), shown = 0;
	char buf[512];
	lines_init(b);
	if (n == 0)
		lines_text(b, t, _("No actions yet. Press a to add one, or a on a question or a priority in the "
		                   "results: the next step becomes an action."), 1, width - 2, AT_DIM, L_TEXT, -1);
	for (int g = 0, k = 0; g < ACTION_NSTATUS; g++) {
		int count = 0;
		for (int j = 0; j < n; j++)
			count += response_action(a->s->r, order[j])->status == groups[g];
		if (count == 0)
			continue;
		if (shown++)
			lines_blank(b);
		snprintf(buf, sizeof buf, "%s (%d)", action_status_words(groups[g]), count);
		lines_text(b, t, lines_copy(b, buf), 1, width - 2, AT_HEADING, L_GROUP, -1);
		/* screen_order() lists the groups in this order: k goes on. */
		for (int end = k + count; k < end; k++) {
			int i = order[k];
			const struct action *act = response_action(a->s->r, i);
			lines_text(b, t, act->title, 3, width - 4, AT_NORMAL, L_TITLE, k);
			detail(buf, sizeof buf, a, act, v->overdue[i]);
			lines_text(b, t, lines_copy(b, buf), 5, width - 6, v->overdue[i] ? AT_ERROR : AT_DIM, L_DETAIL, k);
		}
	}
}

/* The actions' indexes in screen order (their number; 0 when memory ran out). */
static int actions_in_order(const struct app *a, int *order)
{
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	int n = v ? screen_order(a, v, order) : 0;
	plan_view_free(v);
	scorecard_free(card);
	return n;
}

/* The index in the plan of the highlighted action, or -1. */
static int highlighted(const struct plan_screen *ps, const struct app *a)
{
	int order[RESPONSE_MAX_ACTIONS], n = actions_in_order(a, order);
	return ps->p.cursor < n ? order[ps->p.cursor] : -1;
}

/* Highlights the action with that index (the first one when there is
 * none such) and keeps it in view. */
static void highlight(struct plan_screen *ps, const struct app *a, int action)
{
	int order[RESPONSE_MAX_ACTIONS], n = actions_in_order(a, order);
	ps->p.cursor = 0;
	for (int k = 0; k < n; k++)
		if (order[k] == action)
			ps->p.cursor = k;
	panel_screen_fit(&ps->base, a);
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
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	if (!v)
		return;
	draw_head(a, v, r);
	panel_screen_draw(sc, a, r, r.w - 1, NULL, NULL);
	plan_view_free(v);
	scorecard_free(card);
}

static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct plan_screen *ps = (struct plan_screen *)sc;
	struct panel_frame f = { &ps->p, r.y + HEAD_ROWS, r.h - HEAD_ROWS, { 0 } };
	struct scorecard *card;
	struct plan_view *v = view(a, &card);
	if (v)
		layout(&f.b, a, v, r.w);
	else
		f.p = NULL;
	plan_view_free(v);
	scorecard_free(card);
	return f;
}

static int set_status(struct plan_screen *ps, struct app *a, int act, enum action_status st)
{
	if (act < 0 || !response_set_action_status(a->s->r, act, st))
		return TUI_HANDLED;
	app_message(a, false, _("Status: %s."), action_status_words(st));
	highlight(ps, a, act);  /* in its new group */
	return TUI_HANDLED | TUI_CHANGED;
}

static int delete_action(struct plan_screen *ps, struct app *a, int act)
{
	if (act < 0)
		return TUI_HANDLED;
	if (ps->delete_armed != act) {
		ps->delete_armed = act;
		app_message(a, false, _("Press Delete again to delete \"%s\"; dropping it (4) keeps it on record."),
		            response_action(a->s->r, act)->title);
		return TUI_HANDLED;
	}
	response_remove_action(a->s->r, act);
	ps->delete_armed = -1;
	app_message(a, false, "%s", _("Action deleted."));
	highlight(ps, a, act);  /* the one after it in the plan, which has its index now */
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

static int status_key(struct plan_screen *ps, struct app *a, const struct tui_event *ev)
{
	int act = highlighted(ps, a);
	switch (ev->action) {
	case ACT_STATUS_N:
		if (ev->n > ACTION_NSTATUS) {
			app_message(a, true, "%s", _("1 planned, 2 in progress, 3 done, 4 dropped."));
			return TUI_HANDLED;
		}
		return set_status(ps, a, act, (enum action_status)(ev->n - 1));
	case ACT_ACTION_DONE:
		return set_status(ps, a, act, ACTION_DONE);
	case ACT_ACTION_OPEN:
		return set_status(ps, a, act, act >= 0 && response_action(a->s->r, act)->status == ACTION_IN_PROGRESS
		                              ? ACTION_IN_PROGRESS : ACTION_PLANNED);
	case ACT_ACTION_DROP:
		return set_status(ps, a, act, ACTION_DROPPED);
	default:
		return delete_action(ps, a, act);
	}
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct plan_screen *ps = (struct plan_screen *)sc;
	if (ev->action != ACT_DELETE)
		ps->delete_armed = -1;
	switch (ev->action) {
	case ACT_OPEN:
	case ACT_EDIT: {
		int act = highlighted(ps, a);
		if (act >= 0)
			app_push(a, form_action_new(a, act, -1, NULL));
		return TUI_HANDLED;
	}
	case ACT_ADD_ACTION:
		return add(a);
	case ACT_STATUS_N:
	case ACT_ACTION_DONE:
	case ACT_ACTION_OPEN:
	case ACT_ACTION_DROP:
	case ACT_DELETE:
		return status_key(ps, a, ev);
	default:
		/* p here too: tui_show() finds the plan already on top. */
		return TUI_UNHANDLED;
	}
}

/* Covered by a form: the action keeps the highlight, wherever it goes. */
static void leave(struct screen *sc, struct app *a)
{
	struct plan_screen *ps = (struct plan_screen *)sc;
	ps->action = highlighted(ps, a);
}

static void enter(struct screen *sc, struct app *a)
{
	struct plan_screen *ps = (struct plan_screen *)sc;
	highlight(ps, a, ps->action);
}

static const struct screen_ops ops = {
	.kind = SCREEN_PLAN,
	.enter = enter,
	.draw = draw,
	.handle = handle,
	.list = list,
	.leave = leave,
};

struct screen *screen_plan_new(struct app *a)
{
	(void)a;
	struct plan_screen *ps = (struct plan_screen *)screen_alloc(sizeof *ps, &ops);
	ps->action = -1;
	ps->delete_armed = -1;
	return &ps->base;
}
