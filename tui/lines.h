/* A scrolling body of rows built fresh for each draw: wrapped texts and
 * selectable items (answers, domains, priorities). Screens lay out into a
 * `struct lines`, draw the rows from `top`, and use the same layout to
 * keep the selected item in view and to find what a mouse click hit. */
#ifndef PEIL_TUI_LINES_H
#define PEIL_TUI_LINES_H

#include "cli/xalloc.h"
#include "tui/draw.h"

struct line {
	int kind;               /* the screen's own; 0 is a blank row */
	int item;               /* selectable item the row belongs to, or -1 */
	bool first;             /* the item's first row */
	const char *src;        /* text the span is in, or NULL */
	struct span sp;
	int x;                  /* column of the text */
	enum tui_attr at;
};

struct lines {
	struct line *v;         /* owned; lines_free() */
	int n, cap;
	char **own;             /* texts made for the rows (lines_copy) */
	int nown, owncap;
};

void lines_init(struct lines *b);
void lines_free(struct lines *b);
void lines_push(struct lines *b, struct line l);
void lines_blank(struct lines *b);
/* s wrapped to width columns from column x; every row gets kind/item. */
void lines_text(struct lines *b, const struct theme *t, const char *s, int x, int width,
                enum tui_attr at, int kind, int item);
/* A copy of s that lives as long as the rows (until lines_free): for a
 * text put together for the layout, so that the rows can point into it. */
const char *lines_copy(struct lines *b, const char *s);
/* The top row that shows item (and keeps top where it was if it can). */
int lines_scroll(const struct lines *b, int top, int rows, int item);
/* The item at visible row `row` (0-based) when scrolled to top, or -1. */
int lines_item_at(const struct lines *b, int top, int row);
/* Draws row i at screen row y (no attribute of its own beyond l->at). */
void lines_draw_text(const struct lines *b, const struct theme *t, int i, int y, int width);
/* Scroll marks in the right column when rows are hidden above or below. */
void lines_draw_marks(const struct lines *b, const struct theme *t, int top, int y0, int rows, int x);

#endif
