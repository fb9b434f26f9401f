/* One domain's questions and their answers (from the results screen);
 * Enter opens the question. */
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "scoring/score.h"
#include "tui/lines.h"
#include "tui/panel.h"
#include "tui/screens.h"

enum { HEAD_ROWS = 3, ANSWER_COLS = 22 };
enum { L_TEXT = 1, L_QUESTION };

struct domain_screen {
	struct screen base;
	int domain;
	struct panel p;         /* items: the domain's questions, 0..count-1 */
};

/* The question of list item `item`: the domain's questions asked in the
 * organisation's region, in order (another region's are not listed), or
 * -1 when there is no such item. */
static int item_question(const struct app *a, int domain, int item)
{
	const struct session *s = a->s;
	const struct qn_domain *d = &s->q->domains[domain];
	for (int i = 0, k = 0; i < d->count; i++)
		if (qn_asked_in(s->q, d->first + i, response_region(s->r)) && k++ == item)
			return d->first + i;
	return -1;
}

static void layout(struct lines *b, const struct domain_screen *ds, const struct app *a, int width)
{
	const struct session *s = a->s;
	lines_init(b);
	for (int k = 0, qi; (qi = item_question(a, ds->domain, k)) >= 0; k++)
		lines_text(b, &a->theme, session_str(s, &s->q->questions[qi].text), 8,
		           width - 8 - ANSWER_COLS - 2, AT_NORMAL, L_QUESTION, k);
}

/* "3 Op orde", "not applicable", … for the answer column. */
static void answer_text(const struct app *a, int qi, char *buf, size_t len)
{
	words_response(buf, len, a->s->r, qi, a->s->lang, 0);
}

/* A question's number and answer beside its first row. */
static void draw_item_start(const void *ctx, const struct app *a, const struct line *l, int y, int width, bool cur)
{
	(void)cur;
	const struct domain_screen *ds = ctx;
	const struct theme *t = &a->theme;
	int qi = l->first ? item_question(a, ds->domain, l->item) : -1, total;
	if (qi < 0)
		return;
	const struct answer *ans = response_answer(a->s->r, qi);
	char buf[128];
	snprintf(buf, sizeof buf, "%d", nav_asked_position(&a->s->nav, qi, &total));
	draw_str(stdscr, t, y, 3, 4, buf, 0);
	if (ans->carried_over)
		draw_str(stdscr, t, y, 7, 1, t->carried, 0);
	answer_text(a, qi, buf, sizeof buf);
	draw_str(stdscr, t, y, width - ANSWER_COLS - 1, ANSWER_COLS, buf, DRAW_ELLIPSIS);
}

static void draw_head(const struct domain_screen *ds, const struct app *a, struct rect r)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	struct scorecard *card = score_compute(s->q, s->r);
	char buf[200] = "";
	if (card) {
		const struct domain_score *d = &card->domains[ds->domain];
		char num[NUM_LEN];
		int n = d->has_score ? snprintf(buf, sizeof buf, _("score %s, level %d %s"),
		                                num_score(num, session_nlang(s), true, d->score), d->level,
		                                qn_level_label(s->q, d->level, s->lang))
		                     : snprintf(buf, sizeof buf, "%s", _("no score yet"));
		if (d->has_target && n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n, _(", target %d"), d->target);
	}
	scorecard_free(card);
	int bw = draw_cols(t, buf, strlen(buf));
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - bw - 4, session_str(s, &s->q->domains[ds->domain].title), DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	draw_str(stdscr, t, r.y, r.w - bw - 1, bw, buf, 0);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, r.y + 1, 3, 4, "#", 0);
	draw_str(stdscr, t, r.y + 1, 8, r.w - 8 - ANSWER_COLS - 2, _("Question"), 0);
	draw_str(stdscr, t, r.y + 1, r.w - ANSWER_COLS - 1, ANSWER_COLS, _("Answer"), 0);
	theme_set(stdscr, t, AT_NORMAL);
	draw_hline(stdscr, t, r.y + 2, 0, r.w);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct domain_screen *ds = (const struct domain_screen *)sc;
	draw_head(ds, a, r);
	panel_screen_draw(sc, a, r, r.w - 1, draw_item_start, ds);
}

static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct domain_screen *ds = (struct domain_screen *)sc;
	struct panel_frame f = { &ds->p, r.y + HEAD_ROWS, r.h - HEAD_ROWS, { 0 } };
	layout(&f.b, ds, a, r.w);
	return f;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	const struct domain_screen *ds = (const struct domain_screen *)sc;
	if (ev->action != ACT_OPEN)
		return TUI_UNHANDLED;
	tui_open_question(a, item_question(a, ds->domain, ds->p.cursor));
	return TUI_HANDLED;
}

static const struct screen_ops ops = {
	.kind = SCREEN_DOMAIN,
	.draw = draw,
	.handle = handle,
	.list = list,
};

struct screen *screen_domain_new(struct app *a, int domain)
{
	(void)a;
	struct domain_screen *ds = (struct domain_screen *)screen_alloc(sizeof *ds, &ops);
	ds->domain = domain;
	return &ds->base;
}
