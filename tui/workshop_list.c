/* The workshop's list: every question in the session's order (most
 * contested first in review mode), what the group decided, the votes and
 * the consensus. The bottom screen of a workshop: Esc and `o` come back
 * here; Enter opens a question. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "tui/panel.h"
#include "tui/workshop_screens.h"

struct list_screen {
	struct screen base;
	struct workshop *w;     /* borrowed */
	struct panel p;         /* items: positions in the session order */
};

enum { HEAD_ROWS = 4 };     /* title, summary, blank, column heads */

static int list_rows(struct rect r)
{
	return r.h - HEAD_ROWS;
}

/* Columns: mark 1, contested 3, decided 5, votes, consensus, question. */
struct cols {
	int decided, votes, consensus, text;
};

static struct cols columns(const struct app *a, int width)
{
	const struct questionnaire *q = a->s->q;
	struct cols c = { .votes = 8, .consensus = 10 };
	int lab = 0;
	for (int i = 0; i < q->nlevels; i++) {
		const char *l = session_str(a->s, &q->levels[i].label);
		int w = draw_cols(&a->theme, l, strlen(l)) + 3;
		lab = w > lab ? w : lab;
	}
	c.decided = lab < 16 ? (lab > 12 ? lab : 12) : 16;
	c.text = width - 5 - c.decided - c.votes - c.consensus - 4;
	return c;
}

static void decided_text(const struct app *a, int qi, char *buf, size_t len)
{
	words_response(buf, len, a->s->r, qi, a->s->lang, WORDS_SHORT);
}

static void draw_row(const struct list_screen *ls, const struct app *a, const struct cols *c,
                     int pos, int y, int width)
{
	const struct theme *t = &a->theme;
	const struct workshop *w = ls->w;
	int qi = a->s->nav.order[pos];
	bool cur = pos == ls->p.cursor;
	int *counts = calloc((size_t)a->s->q->nlevels, sizeof(int));
	if (!counts)
		return;
	struct group_question g;
	workshop_stats(a, qi, counts, &g);
	bool shown = workshop_revealed(w, a, qi);
	theme_set(stdscr, t, cur ? AT_CURSOR : AT_NORMAL);
	if (cur) {
		draw_blank(stdscr, y, 0, width);
		draw_str(stdscr, t, y, 1, 1, t->cursor, 0);
	}
	if (shown && g.contested)
		draw_str(stdscr, t, y, 3, 1, "!", 0);
	char buf[160];
	int x = 5;
	decided_text(a, qi, buf, sizeof buf);
	draw_str(stdscr, t, y, x, c->decided, buf, DRAW_ELLIPSIS);
	x += c->decided + 1;
	if (w->o->participants > 0)
		snprintf(buf, sizeof buf, "%d/%d", g.n, w->o->participants);
	else
		snprintf(buf, sizeof buf, "%d", g.n);
	draw_str(stdscr, t, y, x, c->votes, buf, 0);
	x += c->votes + 1;
	if (shown && g.has_stats)
		num_stat(buf, session_nlang(a->s), true, g.consensus);
	else
		snprintf(buf, sizeof buf, "%s", t->none);
	draw_str(stdscr, t, y, x, c->consensus, buf, 0);
	x += c->consensus + 1;
	draw_str(stdscr, t, y, x, c->text, session_str(a->s, &a->s->q->questions[qi].text), DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	free(counts);
}

static void draw_head(const struct list_screen *ls, const struct app *a, struct rect r, const struct cols *c)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	int decided = 0, total = 0;
	for (int i = 0; i < s->nav.norder; i++) {
		if (response_hidden(s->r, s->nav.order[i]))
			continue;
		total++;
		decided += response_answer(s->r, s->nav.order[i])->status != ANSWER_OPEN;
	}
	char buf[256];
	if (ls->w->o->participants > 0)
		snprintf(buf, sizeof buf, _("Workshop: %d participants vote in the room"), ls->w->o->participants);
	else
		snprintf(buf, sizeof buf, _("Workshop: the answers of %d respondents, most contested first"),
		         ls->w->o->nrespondents);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	snprintf(buf, sizeof buf, _("%s%sdecided %d of %d questions"), response_organisation(s->r), t->sep,
	         decided, total);
	draw_str(stdscr, t, r.y + 1, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	int y = r.y + HEAD_ROWS - 1, x = 5;
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, y, x, c->decided, _("Decided"), 0);
	x += c->decided + 1;
	draw_str(stdscr, t, y, x, c->votes, _("Votes"), 0);
	x += c->votes + 1;
	draw_str(stdscr, t, y, x, c->consensus, _("Consensus"), 0);
	x += c->consensus + 1;
	draw_str(stdscr, t, y, x, c->text, _("Question"), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

/* One row per question, in the session's order. */
static void layout(struct lines *b, const struct app *a)
{
	lines_init(b);
	for (int p = 0; p < a->s->nav.norder; p++)
		lines_push(b, (struct line){ .kind = 1, .item = p, .first = true });
}

struct row_ctx {
	const struct list_screen *ls;
	const struct app *a;
	const struct cols *c;
	int width;
};

static void draw_list_row(void *ctx, const struct lines *b, int i, int y, bool cur)
{
	(void)cur;
	const struct row_ctx *x = ctx;
	draw_row(x->ls, x->a, x->c, b->v[i].item, y, x->width);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct list_screen *ls = (const struct list_screen *)sc;
	struct cols c = columns(a, r.w);
	draw_head(ls, a, r, &c);
	struct lines b;
	layout(&b, a);
	struct row_ctx x = { ls, a, &c, r.w };
	panel_draw(&ls->p, &b, &a->theme, r.y + HEAD_ROWS, list_rows(r), r.w - 2, draw_list_row, &x);
	lines_free(&b);
}

/* A panel move (ev) or fit (ev NULL) on the questions. */
static int list_move(struct list_screen *ls, const struct app *a, const struct tui_event *ev)
{
	struct rect r = app_area(a);
	int rows = list_rows(r) < 1 ? 1 : list_rows(r);
	struct lines b;
	layout(&b, a);
	int res = PANEL_MOVED;
	if (ev)
		res = panel_key(&ls->p, &b, rows, r.y + HEAD_ROWS, ev);
	else
		panel_fit(&ls->p, &b, rows);
	lines_free(&b);
	return res;
}

static int open_question(struct app *a, int pos)
{
	int qi = a->s->nav.order[pos];
	if (response_hidden(a->s->r, qi)) {
		app_message(a, false, "%s", _("Not asked because of an earlier answer."));
		return TUI_HANDLED;
	}
	tui_show_question(a, qi);
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct list_screen *ls = (struct list_screen *)sc;
	switch (ev->action) {
	case ACT_OPEN:
		return open_question(a, ls->p.cursor);
	case ACT_NEXT_OPEN:
		tui_show_question(a, nav_next_open(&a->s->nav, -1));
		return TUI_HANDLED;
	default:
		switch (list_move(ls, a, ev)) {
		case PANEL_CLICKED:
			return open_question(a, ls->p.cursor);
		case PANEL_MOVED:
			return TUI_HANDLED;
		default:
			return TUI_UNHANDLED;
		}
	}
}

/* Back from a question: highlight the one that was open. */
static void enter(struct screen *sc, struct app *a)
{
	struct list_screen *ls = (struct list_screen *)sc;
	int p = ls->w->current >= 0 ? nav_position(&a->s->nav, ls->w->current) : -1;
	if (p >= 0)
		ls->p.cursor = p;
	list_move(ls, a, NULL);
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	(void)area;
	list_move((struct list_screen *)sc, a, NULL);
}

static void destroy(struct screen *sc)
{
	free(sc);
}

static const struct screen_ops ops = {
	.kind = SCREEN_WORKSHOP_LIST,
	.enter = enter,
	.draw = draw,
	.handle = handle,
	.resize = resize,
	.destroy = destroy,
};

struct screen *workshop_list_new(struct app *a, struct workshop *w)
{
	(void)a;
	struct list_screen *ls = calloc(1, sizeof *ls);
	if (!ls)
		return NULL;
	ls->base.ops = &ops;
	ls->w = w;
	return &ls->base;
}
