/* The join address as a QR code in text (serve/qr.h). */
#include "serve/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

enum { QUIET = 2 };

/* Dark module at (x, y) of the code with its quiet zone around it. */
struct code {
	const QRcode *c;
	bool invert;
};

/* A mark at (x, y) of the code with its quiet zone around it. */
static bool dark(const struct code *k, int x, int y)
{
	const QRcode *c = k->c;
	x -= QUIET;
	y -= QUIET;
	bool d = x >= 0 && y >= 0 && x < c->width && y < c->width && (c->data[y * c->width + x] & 1);
	return d != k->invert;
}

static char *half_block_line(const struct code *c, int y, int size)
{
	char *line = mem_alloc((size_t)size * 3 + 1), *p = line;
	for (int x = 0; line && x < size; x++) {
		bool top = dark(c, x, y), bottom = y + 1 < size && dark(c, x, y + 1);
		const char *s = top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
		size_t n = strlen(s);
		memcpy(p, s, n);
		p += n;
	}
	return line;
}

static char *double_line(const struct code *c, int y, int size, const char *mark)
{
	size_t n = strlen(mark);
	char *line = mem_alloc((size_t)size * 2 * n + 1), *p = line;
	for (int x = 0; line && x < size; x++) {
		const char *s = dark(c, x, y) ? mark : " ";
		for (int k = 0; k < 2; k++) {
			memcpy(p, s, strlen(s));
			p += strlen(s);
		}
	}
	return line;
}

bool qr_render(const char *text, enum qr_style style, bool invert, struct qr_text *out)
{
	memset(out, 0, sizeof *out);
	/* Case-sensitive: the secret in the path must survive. An upper-case
	 * address lets libqrencode use its compact alphanumeric mode. */
	QRcode *c = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
	if (!c)
		return false;
	struct code k = { c, invert };
	int size = c->width + 2 * QUIET;
	int rows = style == QR_HALF_BLOCKS ? (size + 1) / 2 : size;
	out->lines = mem_alloc((size_t)rows * sizeof(char *));
	bool ok = out->lines != NULL;
	for (int r = 0; ok && r < rows; r++) {
		if (style == QR_HALF_BLOCKS)
			out->lines[r] = half_block_line(&k, 2 * r, size);
		else
			out->lines[r] = double_line(&k, r, size, style == QR_ASCII ? "#" : "\u2588");
		ok = out->lines[r] != NULL;
		out->nlines = r + 1;
	}
	out->cols = style == QR_HALF_BLOCKS ? size : 2 * size;
	QRcode_free(c);
	if (!ok)
		qr_text_free(out);
	return ok;
}

void qr_text_free(struct qr_text *qr)
{
	for (int i = 0; qr->lines && i < qr->nlines; i++)
		mem_free(qr->lines[i]);
	mem_free(qr->lines);
	memset(qr, 0, sizeof *qr);
}
