/* Text in and out of libform fields. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "tui/field.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"

#define CTRL(c) ((c) & 0x1f)

static int field_cols(FIELD *f)
{
	int rows, cols, max;
	if (dynamic_field_info(f, &rows, &cols, &max) != E_OK) {
		int fr, fc, off, nb;
		field_info(f, &rows, &cols, &fr, &fc, &off, &nb);
	}
	return cols;
}

bool field_set_text(FIELD *f, const struct theme *t, const char *text)
{
	int cols = field_cols(f);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return false;
	struct wrap_iter it;
	struct span sp;
	draw_wrap_start(&it, text ? text : "");
	while (draw_wrap_next(t, &it, cols, &sp)) {
		fwrite(it.s + sp.off, 1, sp.len, m);
		for (int w = draw_cols(t, it.s + sp.off, sp.len); w < cols; w++)
			fputc(' ', m);
	}
	if (fclose(m) != 0) {
		free(buf);
		return false;
	}
	/* Control characters never go into the field (nor to the terminal). */
	char *clean = malloc(len * 3 + 1);
	bool replaced, ok = clean != NULL;
	if (ok) {
		clean[text_sanitize(buf, len, clean, &replaced)] = '\0';
		ok = set_field_buffer(f, 0, clean) == E_OK;
	}
	free(clean);
	free(buf);
	return ok;
}

/* Columns of the code point at s (1 for anything unprintable). */
static int cp_cols(const char *s, size_t n, size_t *len)
{
	unsigned long cp;
	*len = text_utf8_decode(s, n, &cp);
	if (*len == 0) {
		*len = 1;
		return 1;
	}
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

struct row {
	const char *s;
	size_t len;             /* without trailing blanks */
	int cols;               /* columns of that */
};

/* Splits the buffer into rows of `cols` columns. Returns how many. */
static int split_rows(const char *buf, int cols, struct row *rows, int max)
{
	size_t n = strlen(buf), i = 0;
	int nrows = 0;
	while (i < n && nrows < max) {
		size_t start = i, l, end = i;
		int c = 0, endc = 0;
		while (i < n && c < cols) {
			int w = cp_cols(buf + i, n - i, &l);
			if (c + w > cols)
				break;
			c += w;
			i += l;
			if (buf[i - l] != ' ') {
				end = i;
				endc = c;
			}
		}
		rows[nrows++] = (struct row){ buf + start, end - start, endc };
	}
	return nrows;
}

static int first_word_cols(const struct row *r, size_t *skip)
{
	size_t i = 0, l;
	int c = 0;
	while (i < r->len && r->s[i] == ' ')
		i++;
	*skip = i;
	while (i < r->len && r->s[i] != ' ') {
		c += cp_cols(r->s + i, r->len - i, &l);
		i += l;
	}
	return c;
}

char *field_get_text(FIELD *f, const struct theme *t)
{
	(void)t;
	const char *buf = field_buffer(f, 0);
	int cols = field_cols(f);
	if (!buf || cols < 1)
		return strdup("");
	int max = (int)(strlen(buf) / (size_t)cols) + 2;
	struct row *rows = malloc((size_t)max * sizeof *rows);
	char *out = malloc(strlen(buf) + 2);
	if (!rows || !out) {
		free(rows);
		free(out);
		return NULL;
	}
	int n = split_rows(buf, cols, rows, max);
	while (n > 0 && rows[n - 1].len == 0)
		n--;
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		size_t skip = 0;
		if (i > 0) {
			const struct row *p = &rows[i - 1];
			int fw = first_word_cols(r, &skip);
			size_t l0;
			int w0 = r->len ? cp_cols(r->s, r->len, &l0) : 0;
			if (p->len > 0 && r->len > 0 && r->s[0] != ' ' && p->cols + w0 > cols)
				skip = 0;               /* a word cut at the edge goes on */
			else if (p->len == 0 || r->len == 0 || p->cols + 1 + fw <= cols)
				out[o++] = '\n', skip = 0;      /* it would have fitted: Enter */
			else
				out[o++] = ' ';         /* wrapped at a space */
		}
		memcpy(out + o, r->s + skip, r->len - skip);
		o += r->len - skip;
	}
	out[o] = '\0';
	free(rows);
	return out;
}

bool field_edit_key(FORM *form, int key, bool fkey, bool multiline)
{
	int req = 0;
	if (fkey) {
		switch (key) {
		case KEY_LEFT: req = REQ_LEFT_CHAR; break;
		case KEY_RIGHT: req = REQ_RIGHT_CHAR; break;
		case KEY_UP: req = multiline ? REQ_UP_CHAR : 0; break;
		case KEY_DOWN: req = multiline ? REQ_DOWN_CHAR : 0; break;
		case KEY_HOME: req = REQ_BEG_LINE; break;
		case KEY_END: req = REQ_END_LINE; break;
		case KEY_BACKSPACE: req = REQ_DEL_PREV; break;
		case KEY_DC: req = REQ_DEL_CHAR; break;
		case KEY_ENTER: req = multiline ? REQ_NEW_LINE : 0; break;
		case KEY_PPAGE: req = multiline ? REQ_SCR_BPAGE : 0; break;
		case KEY_NPAGE: req = multiline ? REQ_SCR_FPAGE : 0; break;
		default: return false;
		}
		if (req)
			form_driver(form, req);
		return req != 0;
	}
	switch (key) {
	case '\r':
	case '\n': req = multiline ? REQ_NEW_LINE : 0; break;
	case 127:
	case CTRL('H'): req = REQ_DEL_PREV; break;
	case CTRL('A'): req = REQ_BEG_LINE; break;
	case CTRL('E'): req = REQ_END_LINE; break;
	case CTRL('K'): req = REQ_CLR_EOL; break;
	case CTRL('D'): req = REQ_DEL_CHAR; break;
	default:
		if (key < 32 || (key >= 127 && key < 160) || text_is_unsafe_codepoint((unsigned long)key))
			return false;
		form_driver_w(form, OK, (wchar_t)key);
		return true;
	}
	if (req)
		form_driver(form, req);
	return req != 0;
}
