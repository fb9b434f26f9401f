/* Results: per domain a bar of the score with the target marked, the
 * overall level, and the top priorities with their advice. Enter on a
 * domain lists its answers; Enter on a priority opens the question. */
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "core/response_plan.h"
#include "scoring/plan.h"
#include "scoring/score.h"
#include "tui/form.h"
#include "tui/lines.h"
#include "tui/panel.h"
#include "tui/screens.h"

enum { HEAD_ROWS = 3, MAX_PRIORITIES = 5, PRIORITY_COLS = 24 };
enum { L_TEXT = 1, L_DOMAIN, L_PRIORITY, L_MORE };

/* Items: domains 0..ndomains-1, then priorities. */
struct results_screen {
	struct screen base;
	struct panel p;         /* items: domains, then priorities */
	int target_domain;      /* after t: the domain whose target the next key sets, or -1 */
};

static double bar_frac(const struct questionnaire *q, double v)
{
	double lo = q->levels[0].value, hi = q->levels[q->nlevels - 1].value;
	return (v - lo + 1) / (hi - lo + 1);
}

/* The organisation's own target, not the questionnaire's default. */
static bool own_target(const struct session *s, int d)
{
	int own;
	const struct qn_domain *qd = &s->q->domains[d];
	return response_own_target(s->r, d, &own) && (!qd->has_target || own != qd->target);
}

static bool any_own_target(const struct session *s)
{
	for (int d = 0; d < s->q->ndomains; d++)
		if (own_target(s, d))
			return true;
	return false;
}

/* "* your own target. Set by the council on 2026-03-12 (raadsbesluit 12)." */
static void decision_text(const struct app *a, char *buf, size_t len)
{
	const struct decision *d = response_targets_decided(a->s->r);
	int n = snprintf(buf, len, "%s", any_own_target(a->s) ? _("* the organisation's own target. ") : "");
	if (!d)
		snprintf(buf + n, len - (size_t)n, "%s", _("t then 1-9 sets a target; E records who decided."));
	else
		snprintf(buf + n, len - (size_t)n, _("Targets set by %s%s%s%s%s (E to change)."),
		         d->by ? d->by : _("(not recorded)"), d->date[0] ? ", " : "", d->date,
		         d->reference ? ", " : "", d->reference ? d->reference : "");
}

static void scale_text(const struct app *a, char *buf, size_t len)
{
	const struct theme *t = &a->theme;
	const struct questionnaire *q = a->s->q;
	size_t used = 0;
	int n = snprintf(buf, len, "%s ", _("Levels:"));
	for (int i = 0; i < q->nlevels && n >= 0 && (used += (size_t)n) < len; i++)
		n = snprintf(buf + used, len - used, "%s%d %s", i ? t->sep : "", q->levels[i].value,
		             qn_level_label(q, q->levels[i].value, a->s->lang));
}

static void layout(struct lines *b, const struct app *a, const struct scorecard *c, int width)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	const struct questionnaire *q = s->q;
	char buf[512];
	lines_init(b);
	/* The scores count carried-over answers as given: say how many (SPEC). */
	if (*words_unconfirmed(buf, sizeof buf, c->unconfirmed)) {
		lines_text(b, t, lines_copy(b, buf), 1, width - 2, AT_CARRIED, L_TEXT, -1);
		lines_blank(b);
	}
	for (int d = 0; d < q->ndomains; d++)
		lines_push(b, (struct line){ .kind = L_DOMAIN, .item = d, .first = true });
	lines_blank(b);
	scale_text(a, buf, sizeof buf);
	lines_text(b, t, lines_copy(b, buf), 1, width - 2, AT_DIM, L_TEXT, -1);
	snprintf(buf, sizeof buf, _("%s marks the target: the ambition for the domain."), t->target);
	lines_text(b, t, lines_copy(b, buf), 1, width - 2, AT_DIM, L_TEXT, -1);
	decision_text(a, buf, sizeof buf);
	lines_text(b, t, lines_copy(b, buf), 1, width - 2, AT_DIM, L_TEXT, -1);
	lines_blank(b);
	lines_text(b, t, c->npriorities ? _("Top priorities (largest gap to the target first)")
	                                 : _("No priorities: no scored answer is below its target."),
	           1, width - 2, AT_HEADING, L_TEXT, -1);
	int np = c->npriorities < MAX_PRIORITIES ? c->npriorities : MAX_PRIORITIES;
	for (int i = 0; i < np; i++) {
		const struct priority *p = &c->priorities[i];
		const struct qn_question *qu = &q->questions[p->question];
		int item = q->ndomains + i;
		lines_text(b, t, session_str(s, &qu->text), 6, width - 6 - PRIORITY_COLS, AT_NORMAL, L_PRIORITY, item);
		const char *adv = qn_tr(q, &qu->answers[qn_level_index(q, p->level)].advice, s->lang);
		if (adv)
			lines_text(b, t, adv, 6, width - 8, AT_DIM, L_TEXT, item);
	}
	if (c->npriorities > np)
		lines_push(b, (struct line){ .kind = L_MORE, .item = -1, .x = c->npriorities - np });
}

/* Column widths: the figures (score, level, target) as wide as they are,
 * the bar at least MIN_BAR wide where there is room, the domain titles as
 * wide as the rest allows. A narrow window shortens the titles and the bar
 * first, then the level's name, never a number. */
struct cols {
	int name, bar, level, target;
};

enum { MIN_BAR = 15, SMALL_BAR = 5, MIN_NAME = 8, SCORE_COLS = 6 };

static int text_cols(const struct app *a, const char *s)
{
	return draw_cols(&a->theme, s, strlen(s));
}

/* "target 4", "target 4*" (the organisation's own), or "". */
static const char *target_text(const struct session *s, const struct domain_score *ds, int d, char *buf,
                               size_t len)
{
	if (ds->has_target)
		snprintf(buf, len, own_target(s, d) ? _("target %d*") : _("target %d"), ds->target);
	else
		buf[0] = '\0';
	return buf;
}

static struct cols columns(const struct app *a, const struct scorecard *card, int width)
{
	const struct questionnaire *q = a->s->q;
	char buf[128];
	struct cols c = { .level = text_cols(a, _("no score")) };
	int names = 0;
	for (int i = 0; i < q->nlevels; i++) {
		words_level(buf, sizeof buf, q, true, q->levels[i].value, a->s->lang);
		c.level = text_cols(a, buf) > c.level ? text_cols(a, buf) : c.level;
	}
	for (int d = 0; d < q->ndomains; d++) {
		int w = text_cols(a, target_text(a->s, &card->domains[d], d, buf, sizeof buf)) + 1;
		c.target = w > c.target ? w : c.target;
		w = text_cols(a, session_str(a->s, &q->domains[d].title));
		names = w > names ? w : names;
	}
	c.level = c.level < 20 ? c.level + 1 : 20;
	int room = width - 3 - 1 - SCORE_COLS - c.level - c.target;    /* name + bar */
	/* The bar gives way to the titles in a narrow window, down to a third. */
	int min_bar = room / 3 < MIN_BAR ? room / 3 : MIN_BAR;
	min_bar = min_bar < SMALL_BAR ? SMALL_BAR : min_bar;
	c.name = names < room - min_bar ? names : room - min_bar;
	if (c.name < MIN_NAME)
		c.name = MIN_NAME;
	c.bar = room - c.name;
	if (c.bar < SMALL_BAR) {            /* the level's name gives way, not its number */
		c.level -= SMALL_BAR - c.bar;
		c.bar = SMALL_BAR;
		if (c.level < 3)
			c.level = 3;
	}
	if (c.bar > 40) {
		c.name += c.bar - 40;       /* a very wide window: no endless bars */
		c.bar = 40;
	}
	return c;
}

/* The domain's title in c.name columns, told apart from the others. */
static void draw_title(const struct app *a, int d, int y, int x, int cols)
{
	const struct questionnaire *q = a->s->q;
	const char *titles[64];
	int n = q->ndomains < 64 ? q->ndomains : 64;
	for (int i = 0; i < n; i++)
		titles[i] = session_str(a->s, &q->domains[i].title);
	bool lead = false;
	const char *s = d < n ? draw_title_start(&a->theme, titles, n, d, cols, &lead) : titles[0];
	if (lead) {
		draw_str(stdscr, &a->theme, y, x, 1, a->theme.ellipsis, 0);
		x++;
		cols--;
	}
	draw_str(stdscr, &a->theme, y, x, cols, s, DRAW_ELLIPSIS);
}

static void draw_domain(const struct app *a, const struct scorecard *card, int d, bool cur, int y, int width)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	const struct questionnaire *q = s->q;
	const struct domain_score *ds = &card->domains[d];
	struct cols c = columns(a, card, width);
	int x = 3;
	draw_title(a, d, y, x, c.name);
	x += c.name + 1;
	draw_bar(stdscr, t, y, x, c.bar, ds->has_score ? bar_frac(q, ds->score) : 0,
	         ds->has_target ? bar_frac(q, ds->target) - 0.5 / c.bar : -1);
	theme_set(stdscr, t, cur ? AT_CURSOR : AT_NORMAL);
	x += c.bar + 1;
	char buf[128];
	if (ds->has_score) {
		num_score(buf, session_nlang(s), true, ds->score);
		draw_str(stdscr, t, y, x, SCORE_COLS - 1, buf, 0);
	} else {
		draw_str(stdscr, t, y, x + 3, 1, t->none, 0);      /* under the units */
	}
	x += SCORE_COLS;
	if (ds->has_score)
		words_level(buf, sizeof buf, q, true, ds->level, s->lang);
	else
		snprintf(buf, sizeof buf, "%s", _("no score"));
	draw_str(stdscr, t, y, x, c.level - 1, buf, DRAW_ELLIPSIS);
	x += c.level;
	draw_str(stdscr, t, y, x, width - x, target_text(s, ds, d, buf, sizeof buf), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_head(const struct app *a, const struct scorecard *card, struct rect r)
{
	const struct theme *t = &a->theme;
	const struct questionnaire *q = a->s->q;
	char buf[200], num[NUM_LEN];
	theme_set(stdscr, t, AT_HEADING);
	if (card->has_overall)
		snprintf(buf, sizeof buf, _("Overall level %d %s (score %s)"), card->overall_level,
		         qn_level_label(q, card->overall_level, a->s->lang),
		         num_score(num, session_nlang(a->s), true, card->overall));
	else
		snprintf(buf, sizeof buf, "%s", _("No overall score yet: no question answered with a level."));
	draw_str(stdscr, t, r.y, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	snprintf(buf, sizeof buf, _("Progress %d%%: %d answered, %d not applicable, %d don't know, %d open"),
	         num_done_percent(card->progress), card->answered, card->na, card->unknown, card->open);
	draw_str(stdscr, t, r.y + 1, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	draw_hline(stdscr, t, r.y + 2, 0, r.w);
}

static void draw_priority_head(const struct app *a, const struct scorecard *card, int item, bool cur,
                               int y, int width)
{
	const struct theme *t = &a->theme;
	const struct priority *p = &card->priorities[item - a->s->q->ndomains];
	char buf[64];
	snprintf(buf, sizeof buf, "%d.", item - a->s->q->ndomains + 1);
	draw_str(stdscr, t, y, 3, 3, buf, 0);
	snprintf(buf, sizeof buf, "%d %s %d", p->level, t->arrow, p->target);
	draw_str(stdscr, t, y, width - 10, 9, buf, 0);
	/* Covered by an action of the plan, or still to be taken up. */
	bool covered = plan_covers(a->s->r, p->question);
	if (!cur)
		theme_set(stdscr, t, covered ? AT_OK : AT_DIM);
	draw_str(stdscr, t, y, width - PRIORITY_COLS + 1, PRIORITY_COLS - 12,
	         covered ? _("in the plan") : _("no action"), DRAW_ELLIPSIS);
	theme_set(stdscr, t, cur ? AT_CURSOR : AT_NORMAL);
}

static void draw_row(const void *ctx, const struct app *a, const struct line *l, int y, int width, bool cur)
{
	const struct scorecard *card = ctx;
	if (l->kind == L_DOMAIN)
		draw_domain(a, card, l->item, cur, y, width);
	if (l->kind == L_PRIORITY && l->first)
		draw_priority_head(a, card, l->item, cur, y, width);
	if (l->kind == L_MORE) {
		char more[96];
		snprintf(more, sizeof more, _("%s and %d more: see the export"), a->theme.ellipsis, l->x);
		theme_set(stdscr, &a->theme, AT_DIM);
		draw_str(stdscr, &a->theme, y, 6, width - 8, more, 0);
	}
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	struct scorecard *card = score_compute(a->s->q, a->s->r);
	if (!card)
		return;
	draw_head(a, card, r);
	panel_screen_draw(sc, a, r, r.w - 1, draw_row, card);
	scorecard_free(card);
}

static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct results_screen *rs = (struct results_screen *)sc;
	struct panel_frame f = { &rs->p, r.y + HEAD_ROWS, r.h - HEAD_ROWS, { 0 } };
	struct scorecard *card = score_compute(a->s->q, a->s->r);
	if (card)
		layout(&f.b, a, card, r.w);
	else
		f.p = NULL;
	scorecard_free(card);
	return f;
}

static int open_item(struct results_screen *rs, struct app *a)
{
	const struct questionnaire *q = a->s->q;
	if (rs->p.cursor < q->ndomains) {
		app_push(a, screen_domain_new(a, rs->p.cursor));
		return TUI_HANDLED;
	}
	struct scorecard *card = score_compute(q, a->s->r);
	int p = rs->p.cursor - q->ndomains;
	if (card && p < card->npriorities)
		tui_show_question(a, card->priorities[p].question);
	scorecard_free(card);
	return TUI_HANDLED;
}

/* The domain t applies to: the highlighted one, or the priority's. */
static int highlighted_domain(const struct results_screen *rs, const struct app *a, int *question)
{
	const struct questionnaire *q = a->s->q;
	*question = -1;
	if (rs->p.cursor < q->ndomains)
		return rs->p.cursor;
	struct scorecard *card = score_compute(q, a->s->r);
	int p = rs->p.cursor - q->ndomains, d = -1;
	if (card && p < card->npriorities) {
		*question = card->priorities[p].question;
		d = card->priorities[p].domain;
	}
	scorecard_free(card);
	return d;
}

/* The key after t: a level (1-9), Backspace to remove; anything else cancels. */
static int set_target(struct results_screen *rs, struct app *a, const struct tui_event *ev)
{
	const struct session *s = a->s;
	int d = rs->target_domain;
	rs->target_domain = -1;
	if (ev->action == ACT_TARGET_CLEAR) {
		response_clear_target(s->r, d);
		app_message(a, false, _("Target of %s removed: the questionnaire's default applies."),
		            session_str(s, &s->q->domains[d].title));
		panel_screen_fit(&rs->base, a);
		return TUI_HANDLED | TUI_CHANGED;
	}
	if (ev->action != ACT_TARGET_LEVEL || ev->n > s->q->nlevels) {
		app_message(a, false, "%s", _("Target not changed."));
		return TUI_HANDLED;
	}
	int level = s->q->levels[ev->n - 1].value;
	if (!response_set_target(s->r, d, level))
		return TUI_HANDLED;
	app_message(a, false, _("Target of %s set to %d and saved."), session_str(s, &s->q->domains[d].title), level);
	/* Saved now (TUI_CHANGED); who decided it is asked next, Esc skips. */
	app_push(a, form_decision_new(a));
	return TUI_HANDLED | TUI_CHANGED;
}

static int plan_key(struct results_screen *rs, struct app *a, const struct tui_event *ev)
{
	int qi, d = highlighted_domain(rs, a, &qi);
	if (ev->action == ACT_TARGET && d >= 0) {
		rs->target_domain = d;
		app_message(a, false, _("Target of %s: press 1-%d for the level, Backspace to remove it."),
		            session_str(a->s, &a->s->q->domains[d].title), a->s->q->nlevels);
	} else if (ev->action == ACT_EDIT) {
		app_push(a, form_decision_new(a));
	} else if (qi >= 0) {
		app_push(a, form_action_new(a, -1, qi, NULL));
	} else {
		app_message(a, false, "%s", _("Highlight a priority (or open a question) to add an action for it."));
	}
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct results_screen *rs = (struct results_screen *)sc;
	if (rs->target_domain >= 0)
		return set_target(rs, a, ev);
	switch (ev->action) {
	case ACT_TARGET:
	case ACT_EDIT:
	case ACT_ADD_ACTION:
		return plan_key(rs, a, ev);
	case ACT_OPEN:
		return open_item(rs, a);
	default:
		/* r here too: tui_show() finds the results already on top. */
		return TUI_UNHANDLED;
	}
}

static const struct screen_ops ops = {
	.kind = SCREEN_RESULTS,
	.draw = draw,
	.handle = handle,
	.list = list,
};

struct screen *screen_results_new(struct app *a)
{
	(void)a;
	struct results_screen *rs = (struct results_screen *)screen_alloc(sizeof *rs, &ops);
	rs->target_domain = -1;
	return &rs->base;
}
