/* Drawing primitives: sanitised UTF-8 text, wrapping, bars, the theme. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700       /* wcwidth */
#endif
#include "tui/draw.h"

#include <math.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"

enum { REPLACEMENT = 0xFFFD };

/* Decodes the next code point of s[i..n) as it will be shown: invalid
 * bytes and unsafe code points become U+FFFD (or '?' outside UTF-8);
 * newline and tab become a space. Stores its width in *cw. */
static size_t next_cp(const struct theme *t, const char *s, size_t n, size_t i,
                      unsigned long *cp, int *cw)
{
	size_t l = text_utf8_decode(s + i, n - i, cp);
	if (l == 0) {
		l = 1;
		*cp = REPLACEMENT;
	}
	if (*cp == '\n' || *cp == '\t')
		*cp = ' ';
	else if (text_is_unsafe_codepoint(*cp))
		*cp = REPLACEMENT;
	int w = wcwidth((wchar_t)*cp);
	if (w < 0) {
		*cp = REPLACEMENT;
		w = 1;
	}
	if (!t->utf8 && *cp > 0x7e) {
		*cp = '?';
		w = 1;
	}
	*cw = w;
	return l;
}

int draw_cols(const struct theme *t, const char *s, size_t len)
{
	int cols = 0, cw;
	unsigned long cp;
	for (size_t i = 0; i < len;) {
		i += next_cp(t, s, len, i, &cp, &cw);
		cols += cw;
	}
	return cols;
}

int draw_text(WINDOW *w, const struct theme *t, int y, int x, int maxw,
              const char *s, size_t len, int flags)
{
	if (maxw <= 0)
		return 0;
	int ell = flags & DRAW_ELLIPSIS ? draw_cols(t, t->ellipsis, strlen(t->ellipsis)) : 0;
	bool clip = (flags & DRAW_ELLIPSIS) && draw_cols(t, s, len) > maxw;
	int room = clip ? maxw - ell : maxw;
	wchar_t buf[256];
	int nbuf = 0, cols = 0, cw;
	unsigned long cp;
	wmove(w, y, x);
	for (size_t i = 0; i < len;) {
		size_t l = next_cp(t, s, len, i, &cp, &cw);
		if (cols + cw > room)
			break;
		/* A zero-width character at the very start has nothing to sit on. */
		if (cw == 0 && nbuf == 0 && cols == 0)
			cp = ' ', cw = 1;
		buf[nbuf++] = (wchar_t)cp;
		cols += cw;
		i += l;
		if (nbuf == (int)(sizeof buf / sizeof *buf) - 1) {
			waddnwstr(w, buf, nbuf);
			nbuf = 0;
		}
	}
	if (nbuf)
		waddnwstr(w, buf, nbuf);
	if (clip) {
		cols += draw_text(w, t, y, x + cols, maxw - cols, t->ellipsis, strlen(t->ellipsis), 0);
	}
	return cols;
}

int draw_str(WINDOW *w, const struct theme *t, int y, int x, int maxw, const char *s, int flags)
{
	return draw_text(w, t, y, x, maxw, s ? s : "", s ? strlen(s) : 0, flags);
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* One line from s[*i..n): returns its span and moves *i past it. */
static struct span wrap_one(const struct theme *t, const char *s, size_t n, size_t *i, int width)
{
	size_t start = *i, brk = 0, p = *i;
	bool have_brk = false;
	int cols = 0, cw;
	unsigned long cp;
	while (p < n) {
		if (s[p] == '\n') {
			*i = p + 1;
			return (struct span){ start, p - start };
		}
		size_t l = next_cp(t, s, n, p, &cp, &cw);
		if (s[p] == ' ' && p > start) {
			brk = p;
			have_brk = true;
		}
		if (cols + cw > width) {
			if (s[p] == ' ') {
				*i = skip_spaces(s, n, p);
				return (struct span){ start, p - start };
			}
			if (have_brk) {
				*i = skip_spaces(s, n, brk);
				return (struct span){ start, brk - start };
			}
			if (p == start)         /* wider than the line: take it anyway */
				p += l;
			*i = p;
			return (struct span){ start, p - start };
		}
		cols += cw;
		p += l;
	}
	*i = n;
	return (struct span){ start, n - start };
}

void draw_wrap_start(struct wrap_iter *it, const char *s)
{
	it->s = s ? s : "";
	it->n = strlen(it->s);
	it->i = 0;
	it->started = false;
}

bool draw_wrap_next(const struct theme *t, struct wrap_iter *it, int width, struct span *out)
{
	if (it->started && it->i >= it->n)
		return false;
	it->started = true;
	*out = wrap_one(t, it->s, it->n, &it->i, width < 1 ? 1 : width);
	return true;
}

int draw_wrap(const struct theme *t, const char *s, int width, struct span *out, int max)
{
	struct wrap_iter it;
	struct span sp;
	int lines = 0;
	draw_wrap_start(&it, s);
	while (draw_wrap_next(t, &it, width, &sp)) {
		if (lines < max)
			out[lines] = sp;
		lines++;
	}
	return lines;
}

void draw_blank(WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwhline(w, y, x, ' ', n);
}

void draw_hline(WINDOW *w, const struct theme *t, int y, int x, int n)
{
	if (n <= 0)
		return;
	if (!t->utf8) {
		mvwhline(w, y, x, ACS_HLINE, n);
		return;
	}
	cchar_t c;
	wchar_t line[2] = { 0x2500, 0 };
	setcchar(&c, line, A_NORMAL, 0, NULL);
	mvwhline_set(w, y, x, &c, n);
}

void draw_bar(WINDOW *w, const struct theme *t, int y, int x, int n, double frac, double mark)
{
	if (n <= 0)
		return;
	if (!(frac >= 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	/* Full only at 100% and empty only at 0: a bar full at 98% reads done. */
	int full = (int)lround(frac * n);
	if (frac < 1 && full >= n)
		full = n - 1;
	if (frac > 0 && full == 0)
		full = 1;
	int m = mark >= 0 ? (int)lround(mark * n) : -1;
	if (m >= n)
		m = n - 1;
	for (int i = 0; i < n; i++) {
		enum tui_attr at = i < full ? AT_BAR : AT_BAR_EMPTY;
		const char *g = i < full ? t->bar_full : t->bar_empty;
		if (i == m) {
			at = AT_TARGET;
			g = t->target;
		}
		theme_set(w, t, at);
		draw_str(w, t, y, x + i, 1, g, 0);
	}
	theme_set(w, t, AT_NORMAL);
}

static const struct {
	short fg, bg;
	attr_t mono;            /* without colour */
	attr_t extra;           /* with colour, on top of the pair */
} roles[AT_COUNT] = {
	[AT_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[AT_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE, A_BOLD },
	[AT_STATUS] = { -1, -1, A_NORMAL, A_NORMAL },
	[AT_CURSOR] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL },
	[AT_CHOSEN] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[AT_DIM] = { -1, -1, A_DIM, A_DIM },
	[AT_HEADING] = { -1, -1, A_BOLD, A_BOLD },
	[AT_ERROR] = { COLOR_RED, -1, A_BOLD | A_REVERSE, A_BOLD },
	[AT_OK] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[AT_BAR] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[AT_BAR_EMPTY] = { -1, -1, A_DIM, A_DIM },
	[AT_TARGET] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[AT_CARRIED] = { COLOR_MAGENTA, -1, A_UNDERLINE, A_BOLD },
	[AT_KEY] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[AT_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[AT_QR] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL },
};

void theme_init(struct theme *t, bool utf8, enum theme_mode mode)
{
	memset(t, 0, sizeof *t);
	t->utf8 = utf8;
	t->color = mode == THEME_COLOR && has_colors() && start_color() == OK;
	t->mode = t->color ? THEME_COLOR : mode == THEME_COLOR ? THEME_MONO : mode;
	if (t->color)
		use_default_colors();
	for (int i = 0; i < AT_COUNT; i++) {
		t->at[i] = t->mode == THEME_PLAIN ? A_NORMAL : roles[i].mono;
		if (t->mode == THEME_CONTRAST)
			t->at[i] &= ~A_DIM;
		if (!t->color || (roles[i].fg < 0 && roles[i].bg < 0))
			continue;
		if (init_pair((short)i, roles[i].fg, roles[i].bg) == OK) {
			t->pair[i] = (short)i;
			t->at[i] = roles[i].extra;
		}
	}
	if (utf8) {
		t->bar_full = "█"; t->bar_empty = "░"; t->target = "│";
		t->radio_on = "(●)"; t->radio_off = "( )"; t->radio_proposed = "(?)"; t->ellipsis = "…";
		t->more = "▼"; t->more_up = "▲"; t->carried = "↺"; t->cursor = "▶";
		t->none = "—"; t->sep = " · "; t->arrow = "→";
	} else {
		t->bar_full = "#"; t->bar_empty = "-"; t->target = "|";
		t->radio_on = "(*)"; t->radio_off = "( )"; t->radio_proposed = "(?)"; t->ellipsis = "...";
		t->more = "v"; t->more_up = "^"; t->carried = "~"; t->cursor = ">";
		t->none = "-"; t->sep = " - "; t->arrow = "->";
	}
}

void theme_set(WINDOW *w, const struct theme *t, enum tui_attr at)
{
	wattr_set(w, t->at[at], t->pair[at], NULL);
}

/* Bytes of s that fill at most `cols` columns. */
static size_t bytes_in_cols(const struct theme *t, const char *s, int cols)
{
	size_t n = 0, len = strlen(s);
	while (n < len) {
		size_t next = n + 1;
		while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80)
			next++;
		if (draw_cols(t, s, next) > cols)
			break;
		n = next;
	}
	return n;
}

/* True when a and b, cut to cols columns with an ellipsis, read the same. */
static bool cut_equal(const struct theme *t, const char *a, const char *b, int cols)
{
	if (draw_cols(t, a, strlen(a)) <= cols || draw_cols(t, b, strlen(b)) <= cols)
		return !strcmp(a, b);
	size_t na = bytes_in_cols(t, a, cols - 1), nb = bytes_in_cols(t, b, cols - 1);
	return na == nb && !strncmp(a, b, na);
}

/* The words a and b start with in common ("Digitale "), as bytes of a. */
static size_t common_words(const char *a, const char *b)
{
	size_t n = 0, i = 0;
	for (; a[i] && a[i] == b[i]; i++)
		if (a[i] == ' ')
			n = i + 1;
	return n;
}

const char *draw_title_start(const struct theme *t, const char *const *titles, int n, int i, int cols,
                             bool *lead)
{
	const char *s = titles[i];
	size_t skip = 0;
	*lead = false;
	for (int j = 0; j < n; j++)
		if (j != i && cut_equal(t, s, titles[j], cols)) {
			size_t c = common_words(s, titles[j]);
			skip = c > skip ? c : skip;
		}
	if (skip == 0 || !s[skip])
		return s;
	*lead = true;
	return s + skip;
}

void draw_marked(WINDOW *w, const struct theme *t, int y, int x, int maxw, const char *s, bool marked,
                 enum tui_attr at)
{
	theme_set(w, t, at);
	if (marked)
		draw_str(w, t, y, x - 2, 1, t->cursor, 0);
	draw_str(w, t, y, x, maxw, s, DRAW_ELLIPSIS);
	theme_set(w, t, AT_NORMAL);
}
