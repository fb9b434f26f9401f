/* The scrolling body of rows shared by the question, results, domain and
 * help screens. */
#include "cli/xalloc.h"
#include "tui/lines.h"

#include <stdlib.h>
#include <string.h>

void lines_init(struct lines *b)
{
	memset(b, 0, sizeof *b);
}

void lines_free(struct lines *b)
{
	free(b->v);
	for (int i = 0; i < b->nown; i++)
		free(b->own[i]);
	free(b->own);
	lines_init(b);
}

void lines_push(struct lines *b, struct line l)
{
	if (b->n == b->cap) {
		int cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, (size_t)cap * sizeof *b->v);
		b->cap = cap;
	}
	b->v[b->n++] = l;
}

const char *lines_copy(struct lines *b, const char *s)
{
	if (b->nown == b->owncap) {
		b->owncap = b->owncap ? b->owncap * 2 : 8;
		b->own = xrealloc(b->own, (size_t)b->owncap * sizeof *b->own);
	}
	return b->own[b->nown++] = xstrdup(s);
}

void lines_blank(struct lines *b)
{
	lines_push(b, (struct line){ .item = -1 });
}

void lines_text(struct lines *b, const struct theme *t, const char *s, int x, int width,
                enum tui_attr at, int kind, int item)
{
	struct wrap_iter it;
	struct span sp;
	bool first = true;
	draw_wrap_start(&it, s);
	while (draw_wrap_next(t, &it, width, &sp)) {
		lines_push(b, (struct line){ .kind = kind, .item = item, .first = first, .src = s,
		                             .sp = sp, .x = x, .at = at });
		first = false;
	}
}

int lines_scroll(const struct lines *b, int top, int rows, int item)
{
	int first = -1, last = -1;
	for (int i = 0; i < b->n; i++)
		if (b->v[i].item == item && item >= 0) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (b->n <= rows)
		return 0;
	if (last >= top + rows)
		top = last - rows + 1;
	if (first >= 0 && first < top)
		top = first;
	if (top > b->n - rows)
		top = b->n - rows;
	return top < 0 ? 0 : top;
}

int lines_item_at(const struct lines *b, int top, int row)
{
	int i = top + row;
	return row >= 0 && i >= 0 && i < b->n ? b->v[i].item : -1;
}

void lines_draw_text(const struct lines *b, const struct theme *t, int i, int y, int width)
{
	const struct line *l = &b->v[i];
	if (l->src)
		draw_text(stdscr, t, y, l->x, width - l->x - 1, l->src + l->sp.off, l->sp.len, 0);
}

void lines_draw_marks(const struct lines *b, const struct theme *t, int top, int y0, int rows, int x)
{
	theme_set(stdscr, t, AT_DIM);
	if (top > 0)
		draw_str(stdscr, t, y0, x, 1, t->more_up, 0);
	if (b->n - top > rows)
		draw_str(stdscr, t, y0 + rows - 1, x, 1, t->more, 0);
	theme_set(stdscr, t, AT_NORMAL);
}
