/* A small text editor for fields (see edit.h for why not libform). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "cli/xalloc.h"
#include "tui/edit.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"

#define CTRL(c) ((c) & 0x1f)

/* A visual row: bytes [off, end) of the text. */
struct vrow {
	size_t off, end;
};

struct edit_layout {
	struct vrow *v;         /* the rows at `width`, when valid */
	int n, width;
	bool valid;
	int top;                /* first row shown (multi) or column (single) */
	bool follow;            /* scroll to the cursor at the next draw */
};

void edit_init(struct edit *e, const char *text, bool multiline, size_t max)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->max = max;
	e->want = -1;
	e->lay = xmalloc(sizeof *e->lay);
	edit_set(e, text);
}

void edit_fini(struct edit *e)
{
	free(e->text);
	e->text = NULL;
	if (e->lay)
		free(e->lay->v);
	free(e->lay);
	e->lay = NULL;
}

/* The text changed: the rows are worked out again when next needed. */
static void changed(const struct edit *e)
{
	e->lay->valid = false;
	e->lay->follow = true;
}

static void reserve(struct edit *e, size_t need)
{
	if (need + 1 <= e->cap)
		return;
	size_t cap = e->cap ? e->cap : 64;
	while (cap < need + 1)
		cap *= 2;
	e->text = xrealloc(e->text, cap);
	e->cap = cap;
}

void edit_set(struct edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	reserve(e, n);
	memcpy(e->text, text ? text : "", n);
	e->text[n] = '\0';
	e->len = e->cur = n;
	e->lay->top = 0;
	e->want = -1;
	changed(e);
}

/* The visual rows at width; *n rows (at least one). Caller frees. */
static struct vrow *rows_of(const struct edit *e, const struct theme *t, int width, int *n)
{
	int cap = 16, k = 0;
	struct vrow *v = xcalloc((size_t)cap, sizeof *v);
	struct wrap_iter it;
	struct span sp;
	draw_wrap_start(&it, e->text);
	/* One row per line when single-line: no wrapping. Multi-line keeps
	 * the last column free for the cursor at the end of a row. */
	int w = e->multiline ? width - 1 : 1 << 30;
	while (draw_wrap_next(t, &it, w, &sp)) {
		if (k == cap)
			v = xrealloc(v, (size_t)(cap *= 2) * sizeof *v);
		v[k++] = (struct vrow){ sp.off, sp.off + sp.len };
	}
	/* A text ending in a newline has an empty last row to type on. */
	if (e->len > 0 && e->text[e->len - 1] == '\n') {
		if (k == cap)
			v = xrealloc(v, (size_t)(k + 1) * sizeof *v);
		v[k++] = (struct vrow){ e->len, e->len };
	}
	*n = k;
	return v;
}

/* The rows at width, from the cache when the text and width are the
 * same as last time; NULL (n = 0) when memory runs out. */
static const struct vrow *rows(const struct edit *e, const struct theme *t, int width, int *n)
{
	struct edit_layout *l = e->lay;
	if (!l->valid || l->width != width) {
		free(l->v);
		l->v = rows_of(e, t, width, &l->n);
		l->width = width;
		l->valid = l->v != NULL;
	}
	*n = l->v ? l->n : 0;
	return l->v;
}

/* The row the cursor is on: the last row starting at or before it
 * (rows are in text order: a binary search). */
static int row_of(const struct vrow *v, int n, size_t cur)
{
	int lo = 0, hi = n - 1;
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;
		if (v[mid].off <= cur)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static int col_of(const struct edit *e, const struct theme *t, const struct vrow *row, size_t cur)
{
	size_t end = cur < row->end ? cur : row->end;
	int c = draw_cols(t, e->text + row->off, end - row->off);
	/* Blanks skipped at a soft break still take a column each. */
	return c + (cur > row->end ? (int)(cur - row->end) : 0);
}

/* The offset in row nearest to column `col`. */
static size_t offset_at(const struct edit *e, const struct theme *t, const struct vrow *row, int col)
{
	size_t i = row->off;
	int c = 0;
	while (i < row->end) {
		unsigned long cp;
		size_t l = text_utf8_decode(e->text + i, row->end - i, &cp);
		if (l == 0)
			l = 1;
		int w = draw_cols(t, e->text + i, l);
		if (c + w > col)
			break;
		c += w;
		i += l;
	}
	return i;
}

static size_t prev_cp(const struct edit *e, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)e->text[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static size_t next_cp(const struct edit *e, size_t i)
{
	if (i >= e->len)
		return e->len;
	i++;
	while (i < e->len && ((unsigned char)e->text[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static void delete_range(struct edit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	changed(e);
}

static bool insert(struct edit *e, const char *s, size_t n)
{
	if (e->max && e->len + n > e->max)
		return false;
	reserve(e, e->len + n);
	memmove(e->text + e->cur + n, e->text + e->cur, e->len - e->cur + 1);
	memcpy(e->text + e->cur, s, n);
	e->len += n;
	e->cur += n;
	changed(e);
	return true;
}

static bool insert_cp(struct edit *e, unsigned long cp)
{
	char buf[4];
	size_t n;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return insert(e, buf, n);
}

/* Keeps the cursor's row (or column) inside the box, when it moved or
 * the text changed since the last draw. */
static void keep_in_view(const struct edit *e, const struct theme *t, struct rect box)
{
	struct edit_layout *l = e->lay;
	int n;
	const struct vrow *v = rows(e, t, box.w, &n);
	if (!v || !l->follow)
		return;
	l->follow = false;
	int r = row_of(v, n, e->cur);
	if (e->multiline) {
		if (r < l->top)
			l->top = r;
		if (r >= l->top + box.h)
			l->top = r - box.h + 1;
	} else {
		int c = col_of(e, t, &v[r], e->cur);
		if (c < l->top)
			l->top = c;
		if (c >= l->top + box.w)
			l->top = c - box.w + 1;
	}
}

/* Up/Down/PgUp/PgDn/Home/End: moves within the visual rows. */
static void move_rows(struct edit *e, const struct theme *t, struct rect box, int key)
{
	int n;
	const struct vrow *v = rows(e, t, box.w, &n);
	if (!v)
		return;
	int r = row_of(v, n, e->cur);
	int col = e->want >= 0 ? e->want : col_of(e, t, &v[r], e->cur);
	int to = r;
	if (key == KEY_UP || key == KEY_PPAGE)
		to = r - (key == KEY_UP ? 1 : box.h);
	else if (key == KEY_DOWN || key == KEY_NPAGE)
		to = r + (key == KEY_DOWN ? 1 : box.h);
	to = to < 0 ? 0 : to >= n ? n - 1 : to;
	if (key == KEY_HOME)
		e->cur = v[r].off;
	else if (key == KEY_END)
		e->cur = v[r].end;
	else
		e->cur = offset_at(e, t, &v[to], col);
	e->want = key == KEY_HOME || key == KEY_END ? -1 : col;
}

static bool edit_fkey(struct edit *e, const struct theme *t, struct rect box, int key)
{
	switch (key) {
	case KEY_LEFT:
		e->cur = prev_cp(e, e->cur);
		break;
	case KEY_RIGHT:
		e->cur = next_cp(e, e->cur);
		break;
	case KEY_UP:
	case KEY_DOWN:
	case KEY_PPAGE:
	case KEY_NPAGE:
		if (!e->multiline)
			return false;
		move_rows(e, t, box, key);
		return true;
	case KEY_HOME:
	case KEY_END:
		move_rows(e, t, box, key);
		return true;
	case KEY_BACKSPACE:
		delete_range(e, prev_cp(e, e->cur), e->cur);
		break;
	case KEY_DC:
		delete_range(e, e->cur, next_cp(e, e->cur));
		break;
	case KEY_ENTER:
		if (!e->multiline)
			return false;
		insert(e, "\n", 1);
		break;
	default:
		return false;
	}
	e->want = -1;
	return true;
}

bool edit_key(struct edit *e, const struct theme *t, struct rect box, int key, bool fkey)
{
	bool used = true;
	if (e->fixed) {
		used = false;
	} else if (fkey) {
		used = edit_fkey(e, t, box, key);
	} else if (key == '\r' || key == '\n') {
		used = e->multiline && insert(e, "\n", 1);
	} else if (key == 127 || key == CTRL('H')) {
		used = edit_fkey(e, t, box, KEY_BACKSPACE);
	} else if (key == CTRL('A') || key == CTRL('E')) {
		used = edit_fkey(e, t, box, key == CTRL('A') ? KEY_HOME : KEY_END);
	} else if (key == CTRL('D')) {
		used = edit_fkey(e, t, box, KEY_DC);
	} else if (key == CTRL('K') || key == CTRL('U')) {
		/* To the end or the start of the line (not the visual row). */
		size_t a = e->cur, b = e->cur;
		if (key == CTRL('K'))
			while (b < e->len && e->text[b] != '\n')
				b++;
		else
			while (a > 0 && e->text[a - 1] != '\n')
				a--;
		delete_range(e, a, b);
	} else if (key >= 0x20 && key != 0x7f && !text_is_unsafe_codepoint((unsigned long)key) &&
	           key <= 0x10FFFF && !(key >= 0xD800 && key <= 0xDFFF)) {
		used = insert_cp(e, (unsigned long)key);
		e->want = -1;
	} else {
		used = false;
	}
	if (used)
		e->lay->follow = true;  /* the scrolling waits for the next draw */
	return used;
}

void edit_draw(const struct edit *e, const struct theme *t, struct rect box)
{
	int n;
	keep_in_view(e, t, box);
	const struct vrow *v = rows(e, t, box.w, &n);
	if (!v)
		return;
	int top = e->lay->top;
	for (int i = 0; i < box.h; i++)
		draw_blank(stdscr, box.y + i, box.x, box.w);
	if (e->multiline) {
		for (int i = top; i < n && i - top < box.h; i++)
			draw_text(stdscr, t, box.y + i - top, box.x, box.w, e->text + v[i].off,
			          v[i].end - v[i].off, 0);
	} else {
		/* Skip the columns scrolled off to the left. */
		size_t i = 0;
		int c = 0;
		while (i < e->len && c < top) {
			size_t j = next_cp(e, i);
			c += draw_cols(t, e->text + i, j - i);
			i = j;
		}
		draw_text(stdscr, t, box.y, box.x + (c - top), box.w - (c - top), e->text + i, e->len - i, 0);
	}
}

void edit_cursor(const struct edit *e, const struct theme *t, struct rect box, int *y, int *x)
{
	int n;
	keep_in_view(e, t, box);
	const struct vrow *v = rows(e, t, box.w, &n);
	*y = box.y;
	*x = box.x;
	if (!v)
		return;
	int r = row_of(v, n, e->cur);
	int c = col_of(e, t, &v[r], e->cur);
	if (e->multiline) {
		*y = box.y + r - e->lay->top;
		*x = box.x + (c < box.w ? c : box.w - 1);
	} else {
		*x = box.x + c - e->lay->top;
	}
	if (*y >= box.y + box.h)
		*y = box.y + box.h - 1;
	if (*y < box.y)
		*y = box.y;
}
