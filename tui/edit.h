/* A text field: UTF-8 text with a cursor, one line or several (wrapped
 * to the box by display width, scrolled to keep the cursor in view).
 * Used for the note, the evidence, the organisation's name and paths.
 *
 * Our own rather than a libform field: libform stores a double-width
 * character (中) in one cell but draws it in two columns, so text overflows
 * the field and wraps in the wrong place (its multi-line buffers lose the
 * line breaks too). Here every width is the terminal's (wcwidth) and the
 * text is kept as the user typed it. */
#ifndef PEIL_TUI_EDIT_H
#define PEIL_TUI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/draw.h"

struct edit {
	char *text;             /* owned; valid UTF-8, NUL-terminated */
	size_t len, cap;
	size_t cur;             /* byte offset of the cursor */
	bool multiline;
	size_t max;             /* most bytes accepted; 0: no limit */
	bool fixed;             /* only edit_set() changes it: keys do nothing */
	int want;               /* column Up/Down aim for, -1: the cursor's */
	/* The wrapped rows, the scrolling and whether the view must follow
	 * the cursor: worked out when drawn, once per frame and not once per
	 * key (a paste of 20,000 characters was quadratic). Behind a pointer
	 * because drawing a const field still scrolls it. */
	struct edit_layout *lay;
};

/* Starts with a copy of text, the cursor at its end. */
void edit_init(struct edit *e, const char *text, bool multiline, size_t max);
void edit_fini(struct edit *e);
/* Replaces the text (cursor at the end). */
void edit_set(struct edit *e, const char *text);

/* One key: cursor movement (arrows, Home, End, PgUp, PgDn, Ctrl-A/E),
 * deleting (Backspace, Delete, Ctrl-K, Ctrl-U), Enter (a new line when
 * multi-line) or a character to insert. `box` is where it is drawn.
 * Returns false for keys it has no use for (every key, when fixed). */
bool edit_key(struct edit *e, const struct theme *t, struct rect box, int key, bool fkey);

/* Draws the text into box (the attribute set on stdscr is used). */
void edit_draw(const struct edit *e, const struct theme *t, struct rect box);
/* Screen position of the cursor in box. */
void edit_cursor(const struct edit *e, const struct theme *t, struct rect box, int *y, int *x);

#endif
