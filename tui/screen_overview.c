/* The overview: each domain with its progress, level and target. */
#include <string.h>

#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "scoring/score.h"
#include "tui/panel.h"
#include "tui/screens.h"

struct overview_screen {
	struct screen base;
	struct panel p;         /* items: the domains */
};

enum { DESC_ROWS = 2, FOOT_ROWS = 4 };      /* blank, totals, respondent, file */

/* Rows above the list: title, description (up to 2), blank, column heads. */
static int head_rows(const struct app *a, int width)
{
	const char *desc = session_str(a->s, &a->s->q->description);
	int n = *desc ? draw_wrap(&a->theme, desc, width - 2, NULL, 0) : 0;
	return 1 + (n < DESC_ROWS ? n : DESC_ROWS) + 2;
}

static int list_rows(const struct app *a, struct rect r)
{
	return r.h - head_rows(a, r.w) - FOOT_ROWS;
}

/* Column widths that fit the window. */
struct cols {
	int name, bar, count, level, target;
};

static struct cols columns(const struct app *a, int width)
{
	const struct questionnaire *q = a->s->q;
	struct cols c = { .bar = width >= 80 ? 12 : 8, .count = 7 };
	int lab = 0;
	for (int i = 0; i < q->nlevels; i++) {
		const char *l = qn_str(q, &q->levels[i].label, a->s->lang);
		int w = draw_cols(&a->theme, l, strlen(l));
		lab = w > lab ? w : lab;
	}
	c.level = c.target = lab + 3 < (width >= 80 ? 17 : 13) ? lab + 3 : (width >= 80 ? 17 : 13);
	c.name = width - 4 - c.bar - c.count - c.level - c.target - 4;
	return c;
}

static void level_text(const struct app *a, bool has, int level, char *buf, size_t len)
{
	if (has)
		words_level(buf, len, a->s->q, true, level, a->s->lang);
	else
		snprintf(buf, len, "%s", a->theme.none);
}

struct row_ctx {
	const struct cols *c;
	const struct scorecard *card;
};

static void draw_domain(const void *ctx, const struct app *a, const struct line *l, int y, int width, bool cur)
{
	(void)width;
	const struct row_ctx *rc = ctx;
	const struct cols *c = rc->c;
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	int d = l->item, x = 3;
	const struct domain_score *ds = &rc->card->domains[d];
	draw_str(stdscr, t, y, x, c->name, session_str(s, &s->q->domains[d].title), DRAW_ELLIPSIS);
	x += c->name + 1;
	int done, total;
	nav_progress(&s->nav, d, &done, &total);
	draw_bar(stdscr, t, y, x, c->bar, total ? (double)done / total : 0, -1);
	theme_set(stdscr, t, cur ? AT_CURSOR : AT_NORMAL);
	x += c->bar + 1;
	char buf[96];
	snprintf(buf, sizeof buf, "%d/%d", done, total);
	draw_str(stdscr, t, y, x, c->count, buf, 0);
	x += c->count + 1;
	level_text(a, ds->has_score, ds->level, buf, sizeof buf);
	draw_str(stdscr, t, y, x, c->level, buf, DRAW_ELLIPSIS);
	x += c->level + 1;
	level_text(a, ds->has_target, ds->target, buf, sizeof buf);
	draw_str(stdscr, t, y, x, c->target, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_head(const struct app *a, struct rect r, const struct cols *c)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	char title[600];
	snprintf(title, sizeof title, "%s %s", session_str(s, &s->q->title), s->q->version);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, title, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_DIM);
	struct span sp[2];
	const char *desc = session_str(s, &s->q->description);
	int n = *desc ? draw_wrap(t, desc, r.w - 2, sp, 2) : 0;
	for (int i = 0; i < n && i < 2; i++) {
		/* A description longer than two rows ends in an ellipsis: the
		 * rest of it is drawn on the second row and clipped. */
		size_t len = i == 1 && n > 2 ? strlen(desc + sp[i].off) : sp[i].len;
		draw_text(stdscr, t, r.y + 1 + i, 1, r.w - 2, desc + sp[i].off, len, i == 1 && n > 2 ? DRAW_ELLIPSIS : 0);
	}
	int y = r.y + head_rows(a, r.w) - 1, x = 3;
	draw_str(stdscr, t, y, x, c->name, _("Domain"), 0);
	x += c->name + 1;
	draw_str(stdscr, t, y, x, c->bar + c->count + 1, _("Answered"), 0);
	x += c->bar + c->count + 2;
	draw_str(stdscr, t, y, x, c->level, _("Level"), 0);
	x += c->level + 1;
	draw_str(stdscr, t, y, x, c->target, _("Target"), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_totals(const struct app *a, int y, int width)
{
	const struct session *s = a->s;
	int done, total;
	nav_progress(&s->nav, -1, &done, &total);
	char buf[200];
	int n = snprintf(buf, sizeof buf, _("Answered %d of %d questions (%d%%)."), done, total,
	                 num_done_percent_of(done, total));
	int unconf = nav_unconfirmed(&s->nav);
	if (unconf > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, _(" %d carried-over answers to confirm."), unconf);
	draw_str(stdscr, &a->theme, y, 1, width - 2, buf, DRAW_ELLIPSIS);
}

/* Who answers, and the file every answer goes to. */
static void draw_where(const struct app *a, int y, int width)
{
	const struct theme *t = &a->theme;
	const char *who = response_respondent(a->s->r), *role = response_role(a->s->r);
	char buf[1200];
	theme_set(stdscr, t, AT_DIM);
	if (who) {
		snprintf(buf, sizeof buf, _("Respondent: %s%s%s%s"), who, role ? " (" : "", role ? role : "",
		         role ? ")" : "");
		draw_str(stdscr, t, y++, 1, width - 2, buf, DRAW_ELLIPSIS);
	} else {
		/* Else the scorecard says "Answered by: not recorded". */
		draw_str(stdscr, t, y++, 1, width - 2, _("Respondent: not recorded yet (A: about this assessment)."),
		         DRAW_ELLIPSIS);
	}
	snprintf(buf, sizeof buf, _("Saved in %s"), a->s->path);
	draw_str(stdscr, t, y, 1, width - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
}

/* One row per domain. */
static void layout(struct lines *b, const struct app *a)
{
	lines_init(b);
	for (int d = 0; d < a->s->q->ndomains; d++)
		lines_push(b, (struct line){ .kind = 1, .item = d, .first = true });
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct overview_screen *os = (const struct overview_screen *)sc;
	struct cols c = columns(a, r.w);
	draw_head(a, r, &c);
	struct scorecard *card = score_compute(a->s->q, a->s->r);
	if (!card)
		return;
	struct row_ctx x = { &c, card };
	int n = panel_screen_draw(sc, a, r, r.w - 2, draw_domain, &x);
	int rows = list_rows(a, r), y = r.y + head_rows(a, r.w);
	int shown = n - os->p.top < rows ? n - os->p.top : rows;
	draw_totals(a, y + shown + 1, r.w);
	draw_where(a, y + shown + 2, r.w);
	scorecard_free(card);
}

static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct overview_screen *os = (struct overview_screen *)sc;
	struct panel_frame f = { &os->p, r.y + head_rows(a, r.w), list_rows(a, r), { 0 } };
	layout(&f.b, a);
	return f;
}

static int open_domain(struct app *a, int d)
{
	int qi = nav_domain_entry(&a->s->nav, d);
	if (qi < 0)
		app_message(a, false, "%s", _("No question of this domain is asked."));
	else
		tui_show_question(a, qi);
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct overview_screen *os = (struct overview_screen *)sc;
	switch (ev->action) {
	case ACT_OPEN:
		return open_domain(a, os->p.cursor);
	case ACT_OPEN_N:
		if (ev->n <= a->s->q->ndomains)
			return open_domain(a, ev->n - 1);
		return TUI_HANDLED;
	case ACT_NEXT_OPEN:
		tui_show_question(a, nav_next_todo(&a->s->nav, -1));
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static const struct screen_ops ops = {
	.kind = SCREEN_OVERVIEW,
	.draw = draw,
	.handle = handle,
	.list = list,
};

struct screen *screen_overview_new(struct app *a)
{
	(void)a;
	return screen_alloc(sizeof(struct overview_screen), &ops);
}
