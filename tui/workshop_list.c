/* The workshop's list: every question in the session's order (most
 * contested first in review mode), what the group decided, the votes and
 * the consensus. The bottom screen of a workshop: Esc and `o` come back
 * here; Enter opens a question. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
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

enum { HEAD_ROWS = 4, MAX_NOTES = 3 };  /* title, summary, blank, column heads; the files' messages */

/* The messages about the files (tui/workshop.h) shown above the list. */
static int note_rows(const struct workshop *w)
{
	int n = 0;
	for (const char *p = w->o->file_notes; p && *p; p++)
		n += *p == '\n' || !p[1];
	return n > MAX_NOTES ? MAX_NOTES + 1 : n;
}

static int head_rows(const struct workshop *w)
{
	int n = note_rows(w);
	return HEAD_ROWS + (n ? n + 1 : 0);
}

static int list_rows(const struct workshop *w, struct rect r)
{
	return r.h - head_rows(w);
}

/* Columns: mark 1, contested or many don't know 3, the questionnaire's
 * number 5, decided, votes, consensus, question. */
enum { COL_NUMBER = 5, NUMBER_W = 4 };
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
	c.decided += 4;         /* "(?) " for a proposal */
	c.text = width - COL_NUMBER - NUMBER_W - 1 - c.decided - c.votes - c.consensus - 4;
	return c;
}

/* A proposal is not a decision (defect 2): "(?) 4 Advanced". */
static void decided_text(const struct app *a, int qi, char *buf, size_t len)
{
	char w[128];
	words_response(w, sizeof w, a->s->r, qi, a->s->lang, WORDS_SHORT);
	if (response_answer(a->s->r, qi)->proposal)
		snprintf(buf, len, "%s %s", a->theme.radio_proposed, w);
	else
		snprintf(buf, len, "%s", w);
}

struct row_ctx {
	const struct workshop *w;
	const struct cols *c;
};

/* Row kinds are 1 + the position in the session's order. */
static void draw_row(const void *ctx, const struct app *a, const struct line *l, int y, int width, bool cur)
{
	(void)width, (void)cur;
	const struct row_ctx *rc = ctx;
	const struct theme *t = &a->theme;
	const struct workshop *w = rc->w;
	const struct cols *c = rc->c;
	int qi = a->s->nav.order[l->kind - 1];
	int *counts = xcalloc((size_t)a->s->q->nlevels, sizeof(int));
	struct group_question g;
	workshop_stats(a, qi, counts, &g);
	bool shown = workshop_revealed(w, a, qi);
	char buf[160];
	if (shown && g.contested)
		draw_str(stdscr, t, y, 3, 1, "!", 0);
	else if (shown && workshop_unknown_flag(w, a, qi, buf, sizeof buf))
		draw_str(stdscr, t, y, 3, 1, "?", 0);
	snprintf(buf, sizeof buf, "%*d", NUMBER_W - 1, workshop_number(a, qi));
	draw_str(stdscr, t, y, COL_NUMBER, NUMBER_W, buf, 0);
	int x = COL_NUMBER + NUMBER_W + 1;
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

static void draw_notes(const struct list_screen *ls, const struct app *a, int y, int width)
{
	const struct theme *t = &a->theme;
	const char *p = ls->w->o->file_notes;
	int shown = 0, all = note_rows(ls->w);
	theme_set(stdscr, t, AT_CARRIED);
	while (p && *p && shown < MAX_NOTES) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		draw_text(stdscr, t, y + shown++, 1, width, p, len, DRAW_ELLIPSIS);
		p = end ? end + 1 : p + len;
	}
	if (all > MAX_NOTES && p && *p)
		draw_str(stdscr, t, y + shown, 1, width, _("... and more: they are printed when the session ends."), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_head(const struct list_screen *ls, const struct app *a, struct rect r, const struct cols *c)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	int decided = 0, proposed = 0, total = 0;
	for (int i = 0; i < s->nav.norder; i++) {
		const struct answer *ans = response_answer(s->r, s->nav.order[i]);
		if (response_hidden(s->r, s->nav.order[i]))
			continue;
		total++;
		proposed += ans->proposal;
		decided += ans->status != ANSWER_OPEN && !ans->proposal;
	}
	char buf[256];
	if (ls->w->o->participants > 0)
		snprintf(buf, sizeof buf, _("Workshop: %d participants vote in the room"), ls->w->o->participants);
	else
		snprintf(buf, sizeof buf, _("Workshop: the answers of %d respondents, most contested first"),
		         ls->w->o->nrespondents);
	if (ls->w->contested_only) {
		size_t used = strlen(buf);
		snprintf(buf + used, sizeof buf - used, "%s%s", t->sep, _("contested only (f: all)"));
	}
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	int n = snprintf(buf, sizeof buf, _("%s%sdecided %d of %d questions"), response_organisation(s->r), t->sep,
	                 decided, total);
	if (proposed && n > 0 && (size_t)n < sizeof buf)
		n += snprintf(buf + n, sizeof buf - (size_t)n, ngettext("%s%d proposal to decide (?)",
		                                                        "%s%d proposals to decide (?)",
		                                                        (unsigned long)proposed), t->sep, proposed);
	draw_str(stdscr, t, r.y + 1, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	if (note_rows(ls->w))
		draw_notes(ls, a, r.y + 2, r.w - 2);
	int y = r.y + head_rows(ls->w) - 1, x = COL_NUMBER;
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, y, x, NUMBER_W, _("No."), 0);
	x += NUMBER_W + 1;
	draw_str(stdscr, t, y, x, c->decided, _("Decided"), 0);
	x += c->decided + 1;
	draw_str(stdscr, t, y, x, c->votes, _("Votes"), 0);
	x += c->votes + 1;
	draw_str(stdscr, t, y, x, c->consensus, _("Consensus"), 0);
	x += c->consensus + 1;
	draw_str(stdscr, t, y, x, c->text, _("Question"), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

/* One row per question, in the session's order (only the contested
 * ones with the filter). */
static void layout(struct lines *b, const struct list_screen *ls, const struct app *a)
{
	lines_init(b);
	for (int p = 0, k = 0; p < a->s->nav.norder; p++)
		if (!ls->w->contested_only || workshop_contested(ls->w, a, a->s->nav.order[p]))
			lines_push(b, (struct line){ .kind = 1 + p, .item = k++, .first = true });
}

/* The highlighted question, or -1 (none is listed). */
static int cursor_question(const struct list_screen *ls, const struct app *a)
{
	struct lines b;
	layout(&b, ls, a);
	int qi = -1;
	for (int i = 0; i < b.n; i++)
		if (b.v[i].item == ls->p.cursor)
			qi = a->s->nav.order[b.v[i].kind - 1];
	lines_free(&b);
	return qi;
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct list_screen *ls = (const struct list_screen *)sc;
	struct cols c = columns(a, r.w);
	draw_head(ls, a, r, &c);
	struct row_ctx x = { ls->w, &c };
	if (panel_screen_draw(sc, a, r, r.w - 2, draw_row, &x) == 0)
		draw_str(stdscr, &a->theme, r.y + head_rows(ls->w), 3, r.w - 4,
		         _("No question is contested (f shows them all)."), 0);
}

static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct list_screen *ls = (struct list_screen *)sc;
	struct panel_frame f = { &ls->p, r.y + head_rows(ls->w), list_rows(ls->w, r), { 0 } };
	layout(&f.b, ls, a);
	return f;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct list_screen *ls = (struct list_screen *)sc;
	if (ev->action != ACT_ACCEPT)
		ls->w->accept_asked = false;
	switch (ev->action) {
	case ACT_OPEN:
		tui_open_question(a, cursor_question(ls, a));
		return TUI_HANDLED;
	case ACT_NEXT_OPEN: {    /* proposals are still to do (defect 2) */
		int qi = nav_next_todo(&a->s->nav, -1);
		if (qi < 0)
			app_message(a, false, "%s", _("Every question is decided; no proposal waits."));
		else
			tui_show_question(a, qi);
		return TUI_HANDLED;
	}
	case ACT_FILTER:
		ls->w->contested_only = !ls->w->contested_only;
		ls->p.cursor = 0;
		ls->p.top = 0;
		panel_screen_fit(sc, a);
		return TUI_HANDLED;
	case ACT_ACCEPT:
		return workshop_accept_agreed(ls->w, a);
	default:
		return TUI_UNHANDLED;
	}
}

/* Back from a question: highlight the one that was open (app.c then
 * keeps it in view). */
static void enter(struct screen *sc, struct app *a)
{
	struct list_screen *ls = (struct list_screen *)sc;
	int p = ls->w->current >= 0 ? nav_position(&a->s->nav, ls->w->current) : -1;
	struct lines b;
	layout(&b, ls, a);
	for (int i = 0; p >= 0 && i < b.n; i++)
		if (b.v[i].kind - 1 == p)
			ls->p.cursor = b.v[i].item;
	lines_free(&b);
}

static const struct screen_ops ops = {
	.kind = SCREEN_WORKSHOP_LIST,
	.enter = enter,
	.draw = draw,
	.handle = handle,
	.list = list,
};

struct screen *workshop_list_new(struct app *a, struct workshop *w)
{
	(void)a;
	struct list_screen *ls = (struct list_screen *)screen_alloc(sizeof *ls, &ops);
	ls->w = w;
	return &ls->base;
}
