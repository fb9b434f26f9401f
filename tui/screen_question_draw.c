/* The question screen's drawing (tui/question_screen.h): the header (domain,
 * position, progress or the workshop's clock, the question), the answers and
 * the body below them. */
#include <string.h>

#include "core/i18n.h"
#include "tui/question_screen.h"

static void draw_progress(const struct app *a, struct rect r)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	int done, total;
	nav_progress(&s->nav, -1, &done, &total);
	int x = 1 + draw_str(stdscr, t, r.y + 1, 1, r.w / 3, _("Progress"), 0) + 1;
	int bw = r.w / 4;
	draw_bar(stdscr, t, r.y + 1, x, bw, total ? (double)done / total : 0, -1);
	char buf[160];
	int n = snprintf(buf, sizeof buf, _("%3.0f%% (%d of %d)"), total ? 100.0 * done / total : 0.0, done, total);
	int unconf = nav_unconfirmed(&s->nav);
	if (unconf > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, _(" · %d carried over to confirm"), unconf);
	x += bw + 1;
	draw_str(stdscr, t, r.y + 1, x, r.w - x - 1, buf, DRAW_ELLIPSIS);
}

static void draw_question_text(const struct question_screen *qs, const struct app *a, struct rect r)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	const char *text = session_str(s, &s->q->questions[qs->qi].text);
	struct span sp[MAX_QUESTION_ROWS];
	int total_rows = draw_wrap(t, text, r.w - 2, sp, MAX_QUESTION_ROWS);
	int rows = question_rows(qs, a, r.w);
	theme_set(stdscr, t, AT_HEADING);
	for (int i = 0; i < rows; i++) {
		/* The last row shown of a longer question ends in "…". */
		size_t len = i == rows - 1 && total_rows > rows ? strlen(text) - sp[i].off : sp[i].len;
		draw_text(stdscr, t, r.y + BAR_ROWS + i, 1, r.w - 2, text + sp[i].off, len,
		          i == rows - 1 && total_rows > rows ? DRAW_ELLIPSIS : 0);
	}
	theme_set(stdscr, t, AT_NORMAL);
	int sr = question_summary_rows(qs, a, r);
	if (sr > 0)
		qs->hooks.draw_summary(qs->hooks.ctx, a, qs->qi, (struct rect){ r.y + BAR_ROWS + rows, 1, sr, r.w - 2 });
}

static void draw_header(const struct question_screen *qs, const struct app *a, struct rect r)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	const struct qn_question *qu = &s->q->questions[qs->qi];
	char pos[96];
	int total, p = nav_asked_position(&s->nav, qs->qi, &total);
	if (!qs->hooks.position || !qs->hooks.position(qs->hooks.ctx, a, qs->qi, pos, sizeof pos))
		snprintf(pos, sizeof pos, _("Question %d/%d"), p, total);
	int pw = draw_cols(t, pos, strlen(pos));
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - pw - 4, session_str(s, &s->q->domains[qu->domain].title), DRAW_ELLIPSIS);
	draw_str(stdscr, t, r.y, r.w - pw - 1, pw, pos, 0);
	theme_set(stdscr, t, AT_NORMAL);
	char buf[256];
	if (qs->hooks.status_line && qs->hooks.status_line(qs->hooks.ctx, a, qs->qi, buf, sizeof buf)) {
		draw_str(stdscr, t, r.y + 1, 1, r.w - 2, buf, DRAW_ELLIPSIS);
	} else {
		draw_progress(a, r);
	}
	draw_hline(stdscr, t, r.y + 2, 0, r.w);
	draw_question_text(qs, a, r);
}

static void draw_choice_start(const struct question_screen *qs, const struct app *a, int y, int c,
                              int width)
{
	const struct theme *t = &a->theme;
	const struct questionnaire *q = a->s->q;
	int w = question_choice_what(a, qs->qi, c);
	bool on = question_current_choice(a, qs->qi) == c;
	char key[12] = " ";
	if (w >= 0 && c < 9)
		snprintf(key, sizeof key, "%d", c + 1);
	else if (w == CHOICE_NA)
		strcpy(key, "n");
	else if (w == CHOICE_UNKNOWN)
		strcpy(key, "u");
	if (c == qs->cursor)
		draw_str(stdscr, t, y, COL_CURSOR, 1, t->cursor, 0);
	/* A level only proposed from the votes is not the group's answer yet. */
	const char *radio = !on ? t->radio_off : response_answer(a->s->r, qs->qi)->proposal ? t->radio_proposed
	                                                                                   : t->radio_on;
	draw_str(stdscr, t, y, COL_RADIO, 3, radio, 0);
	draw_str(stdscr, t, y, COL_KEY, 1, key, 0);
	if (w >= 0)
		draw_str(stdscr, t, y, COL_LABEL, question_label_width(a, width),
		         qn_str(q, &q->levels[w].label, a->s->lang), DRAW_ELLIPSIS);
}

/* Columns the highlight covers on a choice's first row: the marker,
 * radio, key and level label, or for "not applicable" and "don't know"
 * their short text. Not the answer text: moving the highlight then
 * rewrites two short runs of cells instead of two whole answers. */
static int highlight_cols(const struct question_screen *qs, const struct app *a, const struct line *l,
                          int width)
{
	if (question_choice_what(a, qs->qi, l->item) >= 0)
		return COL_LABEL + question_label_width(a, width) + 1;
	return l->x + draw_cols(&a->theme, l->src + l->sp.off, l->sp.len) + 1;
}

static void draw_line(const struct question_screen *qs, const struct app *a, const struct lines *b,
                      int i, int y, int width)
{
	const struct theme *t = &a->theme;
	const struct line *l = &b->v[i];
	bool choice = l->kind == L_CHOICE;
	bool cur = choice && l->item == qs->cursor && l->first;
	bool on = choice && question_current_choice(a, qs->qi) == l->item;
	enum tui_attr at = on ? AT_CHOSEN : l->at;
	if (choice && l->first) {
		theme_set(stdscr, t, cur ? AT_CURSOR : at);
		if (cur)
			draw_blank(stdscr, y, 0, highlight_cols(qs, a, l, width));
		draw_choice_start(qs, a, y, l->item, width);
		if (question_choice_what(a, qs->qi, l->item) >= 0)
			theme_set(stdscr, t, at);
	} else {
		theme_set(stdscr, t, at);
	}
	lines_draw_text(b, t, i, y, width);
	theme_set(stdscr, t, AT_NORMAL);
}

void question_draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct question_screen *qs = (const struct question_screen *)sc;
	draw_header(qs, a, r);
	struct lines b;
	question_layout(&b, qs, a, r.w);
	int bh = question_body_rows(qs, a, r), y0 = r.y + question_head_rows(qs, a, r);
	int extra_first = -1;
	for (int i = qs->top; i < b.n && i - qs->top < bh; i++) {
		if (b.v[i].kind == L_EXTRA && extra_first < 0)
			extra_first = i;
		draw_line(qs, a, &b, i, y0 + i - qs->top, r.w);
	}
	if (extra_first >= 0) {
		int rows = b.n - extra_first;
		int y = y0 + extra_first - qs->top;
		if (y + rows > y0 + bh)
			rows = y0 + bh - y;
		qs->hooks.draw_extra(qs->hooks.ctx, a, qs->qi, (struct rect){ y, 1, rows, r.w - 2 });
	}
	lines_draw_marks(&b, &a->theme, qs->top, y0, bh, r.w - 1);
	lines_free(&b);
}
