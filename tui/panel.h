/* One list panel, htop-style: the cursor, scrolling, paging, Home/End,
 * mouse clicks and resizing for a list of rows laid out in a `struct lines`
 * (tui/lines.h). Used by the overview, results, domain, workshop list and
 * help screens, so that every list moves the same way and its last row is
 * always reachable.
 *
 * Items are the lines' `item` numbers (0..n-1, in row order); rows without
 * an item (headings, texts, "and 23 more") scroll with them. A list
 * without items (help) scrolls by rows. */
#ifndef PEIL_TUI_PANEL_H
#define PEIL_TUI_PANEL_H

#include <stdbool.h>

#include "tui/keys.h"
#include "tui/lines.h"

struct panel {
	int cursor;             /* the highlighted item (0 when there are none) */
	int top;                /* the first row shown */
};

enum panel_result {
	PANEL_IGNORED,          /* not a key for lists */
	PANEL_MOVED,            /* cursor or view changed: redraw */
	PANEL_CLICKED,          /* a click on an item: the cursor is on it now */
};

/* Up/Down (one item, or one row without items), PgUp/PgDn (a page),
 * Home/End (the first item and the top; the last item and the very last
 * row), a click at screen row ev->y (the list starts at row y0). `rows`:
 * the rows the list has on screen. */
enum panel_result panel_key(struct panel *p, const struct lines *b, int rows, int y0,
                            const struct tui_event *ev);
/* Keeps the cursor valid and its item in view, the view inside the rows
 * (after a change of the list or of the window). */
void panel_fit(struct panel *p, const struct lines *b, int rows);

struct app;
struct screen;

/* What a screen draws of a row of its own (an item's columns on its first
 * row, say): the panel has set the attribute (the cursor's on the rows of
 * the highlighted item, which it has blanked and marked on its first row),
 * and draws the row's text after it. */
typedef void (*panel_row_fn)(const void *ctx, const struct app *a, const struct line *l, int y, int width,
                             bool cur);
/* A list screen (its ops' list(), tui/app.h): the panel and the rows as
 * laid out now. p NULL: no list just now (out of memory). */
struct panel_frame {
	struct panel *p;        /* the screen's own */
	int y0, rows;           /* the list's first row on screen, and its rows */
	struct lines b;         /* the caller frees them */
};

/* The list keys a list screen's handle() left: TUI_HANDLED when the
 * panel moved, after a click on an item what handle() does with ACT_OPEN,
 * else TUI_UNHANDLED. */
int panel_screen_key(struct screen *sc, struct app *a, const struct tui_event *ev);
/* Keeps the cursor valid and in view, after a change of the list. */
void panel_screen_fit(struct screen *sc, const struct app *a);
/* A list screen's draw(): the rows its list() lays out for `area` that
 * fit, each with row(ctx, ...) when row is not NULL, then the scroll
 * marks in column `mark_x`. Returns how many rows the list has, or -1
 * when there is no list just now. */
int panel_screen_draw(const struct screen *sc, const struct app *a, struct rect area, int mark_x,
                      panel_row_fn row, const void *ctx);

#endif
