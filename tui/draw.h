/* Drawing primitives shared by every screen: clipped and wrapped UTF-8
 * text (sanitised: control characters and invalid bytes become a visible
 * U+FFFD, never raw bytes), bars, lines; the theme of attributes and
 * glyphs with its monochrome, NO_COLOR and ASCII fallbacks. */
#ifndef PEIL_TUI_DRAW_H
#define PEIL_TUI_DRAW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1      /* the wide-character API of ncursesw */
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

enum tui_attr {
	AT_NORMAL, AT_TITLE, AT_STATUS, AT_CURSOR, AT_CHOSEN, AT_DIM, AT_HEADING,
	AT_ERROR, AT_OK, AT_BAR, AT_BAR_EMPTY, AT_TARGET, AT_CARRIED, AT_KEY, AT_FIELD,
	AT_QR,                  /* a QR code: black on white */
	AT_COUNT
};

/* COLOR when the terminal has colours; MONO: bold, reverse, underline;
 * CONTRAST (theme = high-contrast): MONO on the terminal's own colours,
 * without dim text (hard to read for many); PLAIN (NO_COLOR, theme =
 * none): no colour and no video attributes at all, the glyphs (cursor,
 * radio buttons, bars) carry the meaning. */
enum theme_mode { THEME_COLOR, THEME_MONO, THEME_CONTRAST, THEME_PLAIN };

struct theme {
	bool utf8;              /* the locale is UTF-8: wide characters, box glyphs */
	bool color;             /* colours in use */
	enum theme_mode mode;
	attr_t at[AT_COUNT];
	short pair[AT_COUNT];
	/* Glyphs (UTF-8 or ASCII). */
	const char *bar_full, *bar_empty, *target, *radio_on, *radio_off, *radio_proposed,
	           *ellipsis, *more, *more_up, *carried, *cursor, *none, *sep, *arrow;
};

/* Chooses glyphs and attributes; call after the terminal is set up.
 * THEME_COLOR falls back to MONO where the terminal has no colours. */
void theme_init(struct theme *t, bool utf8, enum theme_mode mode);
/* Sets attribute role `at` on w (colour pair included). */
void theme_set(WINDOW *w, const struct theme *t, enum tui_attr at);

struct rect {
	int y, x, h, w;
};

/* A line of wrapped text: bytes [off, off+len) of the source. */
struct span {
	size_t off, len;
};

/* Columns that s[0..len) takes on screen (after sanitising). */
int draw_cols(const struct theme *t, const char *s, size_t len);

enum { DRAW_ELLIPSIS = 1 };
/* Draws s[0..len) at y,x in at most maxw columns (newlines and tabs as
 * spaces). With DRAW_ELLIPSIS a clipped text ends in "…". Returns the
 * columns drawn. */
int draw_text(WINDOW *w, const struct theme *t, int y, int x, int maxw,
              const char *s, size_t len, int flags);
/* Same for a NUL-terminated string. */
int draw_str(WINDOW *w, const struct theme *t, int y, int x, int maxw, const char *s, int flags);

/* Where to start showing titles[i] in `cols` columns so that titles that
 * differ still differ on screen: at its start, or, when cut short it would
 * read the same as another one ("Digitale …" twice), after the words they
 * share at the start; then *lead asks for an ellipsis before it. */
const char *draw_title_start(const struct theme *t, const char *const *titles, int n, int i, int cols,
                             bool *lead);

/* Wraps s to `width` columns: breaks at spaces, at newlines, and inside
 * words longer than a line. Stores up to max spans; returns how many lines
 * there are in all (always >= 1). */
int draw_wrap(const struct theme *t, const char *s, int width, struct span *out, int max);

/* Wrapping one line at a time: set it up with draw_wrap_start, then call
 * draw_wrap_next until it returns false (an empty text gives one line). */
struct wrap_iter {
	const char *s;
	size_t n, i;
	bool started;
};
void draw_wrap_start(struct wrap_iter *it, const char *s);
bool draw_wrap_next(const struct theme *t, struct wrap_iter *it, int width, struct span *out);

/* Fills columns x..x+n-1 of row y with spaces. */
void draw_blank(WINDOW *w, int y, int x, int n);
/* A horizontal line: U+2500 in UTF-8, else the terminal's line drawing
 * (ACS, which curses draws as '-' where the terminal has none). */
void draw_hline(WINDOW *w, const struct theme *t, int y, int x, int n);
/* A label (a field's, a line's) at y,x in at most maxw columns, in `at`,
 * with the cursor mark two columns before it when marked. */
void draw_marked(WINDOW *w, const struct theme *t, int y, int x, int maxw, const char *s, bool marked,
                 enum tui_attr at);
/* A bar of n columns, filled to frac (0..1), full only when frac is 1 and
 * empty only when it is 0; a target marker at column round(mark * n) when
 * mark >= 0. */
void draw_bar(WINDOW *w, const struct theme *t, int y, int x, int n, double frac, double mark);

#endif
