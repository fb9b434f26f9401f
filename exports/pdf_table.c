/* Tables, facts and lists in the PDF. A table row is never split across
 * pages, and a table that continues on the next page repeats its header
 * row there; a list item and a fact stay whole too. */
#include <stdlib.h>
#include <string.h>

#include "exports/pdf.h"

enum { TABLE_PAD = 3 };
static const double CELL_SIZE = 8.5;

/* The width of s unwrapped (max) and of its longest word (min), padded. */
static void cell_widths(struct pdf *p, const char *s, int style, double *min, double *max)
{
	PangoLayout *l = cx_layout(p->pc, s, CELL_SIZE, style, 0, CX_LEFT);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	*max = (double)r.width / PANGO_SCALE + 2 * TABLE_PAD + 1;
	pango_layout_set_width(l, 1);                   /* every word on a line of its own */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_get_extents(l, NULL, &r);
	*min = (double)r.width / PANGO_SCALE + 2 * TABLE_PAD + 1;
	g_object_unref(l);
}

/* The width of s on one line at the body's size (a fact's key). */
static double natural_width(struct pdf *p, const char *s, int style)
{
	PangoLayout *l = cx_layout(p->pc, s, PDF_BODY, style, 0, CX_LEFT);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	g_object_unref(l);
	return (double)r.width / PANGO_SCALE + 1;
}

/* Column widths the way a browser lays out an automatic table
 * (doc_column_widths), measured with pango: every column at least its
 * longest word (the header's too; a figure is one word). */
static void column_widths(struct pdf *p, const struct doc_table *t, double *w)
{
	double *min = malloc((size_t)t->ncols * 2 * sizeof(*min)), *max = min ? min + t->ncols : NULL;
	if (!min) {
		for (int c = 0; c < t->ncols; c++)
			w[c] = PDF_TEXT_W / t->ncols;
		return;
	}
	for (int c = 0; c < t->ncols; c++) {
		double lo, hi;
		cell_widths(p, t->head[c], CX_BOLD, &min[c], &hi);
		max[c] = 0;             /* the widest cell; the header may wrap */
		for (int r = 0; r < t->nrows; r++) {
			cell_widths(p, t->cells[r * t->ncols + c], c == 0 ? CX_BOLD : CX_REGULAR, &lo, &hi);
			lo = t->numeric[c] ? hi : lo;   /* "€ 14.000" stays on one line */
			min[c] = lo > min[c] ? lo : min[c];
			max[c] = hi > max[c] ? hi : max[c];
		}
	}
	doc_column_widths(t->ncols, min, max, t->numeric, PDF_TEXT_W, w);
	free(min);
}

/* One row: measured, and drawn when drawing. Returns its height. */
static double row(struct pdf *p, const struct doc_table *t, const char *const *cells, const double *w, bool head,
                  bool draw)
{
	double h = 0, x = PDF_ML;
	for (int c = 0; c < t->ncols; c++) {
		PangoLayout *l = cx_layout(p->pc, cells[c], CELL_SIZE, head || c == 0 ? CX_BOLD : CX_REGULAR,
		                           w[c] - 2 * TABLE_PAD, t->numeric[c] ? CX_RIGHT : CX_LEFT);
		double ch = cx_height(l);
		h = ch > h ? ch : h;
		if (draw && p->cr) {
			const char *tag = head || c == 0 ? "TH" : "TD";
			pdf_tag(p, tag, true);
			cx_color(p->cr, CX_INK);
			cairo_move_to(p->cr, x + TABLE_PAD, p->y + TABLE_PAD);
			pango_cairo_show_layout(p->cr, l);
			pdf_tag(p, tag, false);
		}
		g_object_unref(l);
		x += w[c];
	}
	h += 2 * TABLE_PAD;
	if (draw && p->cr) {
		double tw = x - PDF_ML;
		cx_color(p->cr, head ? CX_INK : CX_LINE);
		cairo_set_line_width(p->cr, head ? 1 : 0.5);
		cairo_move_to(p->cr, PDF_ML, p->y + h);
		cairo_line_to(p->cr, PDF_ML + tw, p->y + h);
		cairo_stroke(p->cr);
	}
	return h;
}

static void head_row(struct pdf *p, const struct doc_table *t, const double *w)
{
	pdf_tag(p, "TR", true);
	p->y += row(p, t, t->head, w, true, true);
	pdf_tag(p, "TR", false);
	p->top = false;
}

void pdf_table(void *ctx, const struct doc_block *b)
{
	struct pdf *p = ctx;
	const struct doc_table *t = &b->table;
	if (t->ncols <= 0)
		return;
	double *w = malloc((size_t)t->ncols * sizeof(*w));
	if (!w)
		return;
	column_widths(p, t, w);
	double hh = row(p, t, t->head, w, true, false);
	double first = t->nrows ? row(p, t, t->cells, w, false, false) : 0;
	pdf_need(p, hh + first);
	pdf_tag(p, "Table", true);
	head_row(p, t, w);
	for (int r = 0; r < t->nrows; r++) {
		const char *const *cells = t->cells + r * t->ncols;
		double h = row(p, t, cells, w, false, false);
		if (p->y + h > PDF_H - PDF_MB) {
			pdf_new_page(p);
			head_row(p, t, w);      /* the header again on the new page */
		}
		pdf_tag(p, "TR", true);
		row(p, t, cells, w, false, true);
		pdf_tag(p, "TR", false);
		p->y += h;
	}
	pdf_tag(p, "Table", false);
	p->y += 8;
	free(w);
}

/* A value longer than a page could hold flows over pages beside its key. */
static void long_fact(struct pdf *p, const struct doc_fact *f, double kw)
{
	pdf_need(p, 40);
	pdf_tag(p, "LI", true);
	pdf_tag(p, "Lbl", true);
	if (p->cr) {
		cx_color(p->cr, CX_INK);
		cx_text(p->cr, p->pc, f->key, PDF_BODY, CX_BOLD, PDF_ML, p->y, kw - 6, CX_LEFT);
	}
	pdf_tag(p, "Lbl", false);
	pdf_tag(p, "LBody", true);
	pdf_text(p, f->value, PDF_BODY, CX_REGULAR, kw, CX_INK);
	pdf_tag(p, "LBody", false);
	pdf_tag(p, "LI", false);
	p->y += 2;
}

void pdf_facts(void *w, const struct doc_block *b)
{
	struct pdf *p = w;
	const struct doc_fact *f = b->facts;
	double kw = 0;
	for (int i = 0; i < b->n; i++) {
		double k = natural_width(p, f[i].key, CX_BOLD) + 6;
		kw = k > kw ? k : kw;
	}
	kw = kw > PDF_TEXT_W * 0.32 ? PDF_TEXT_W * 0.32 : kw;
	pdf_tag(p, "L", true);
	for (int i = 0; i < b->n; i++) {
		if (f[i].value && strlen(f[i].value) > 2000) {
			long_fact(p, &f[i], kw);
			continue;
		}
		PangoLayout *k = cx_layout(p->pc, f[i].key, PDF_BODY, CX_BOLD, kw - 6, CX_LEFT);
		PangoLayout *v = cx_layout(p->pc, f[i].value, PDF_BODY, CX_REGULAR, PDF_TEXT_W - kw, CX_LEFT);
		double h = cx_height(k) > cx_height(v) ? cx_height(k) : cx_height(v);
		pdf_need(p, h);
		if (p->cr) {
			pdf_tag(p, "LI", true);
			pdf_tag(p, "Lbl", true);
			cx_color(p->cr, CX_INK);
			cairo_move_to(p->cr, PDF_ML, p->y);
			pango_cairo_show_layout(p->cr, k);
			pdf_tag(p, "Lbl", false);
			pdf_tag(p, "LBody", true);
			cairo_move_to(p->cr, PDF_ML + kw, p->y);
			pango_cairo_show_layout(p->cr, v);
			pdf_tag(p, "LBody", false);
			pdf_tag(p, "LI", false);
		}
		g_object_unref(k);
		g_object_unref(v);
		p->y += h + 2;
		p->top = false;
	}
	pdf_tag(p, "L", false);
	p->y += 6;
}

void pdf_items(void *w, const struct doc_block *b)
{
	struct pdf *p = w;
	const struct doc_item *it = b->items;
	const double indent = 18;
	pdf_tag(p, "L", true);
	for (int i = 0; i < b->n; i++) {
		const char *detail = it[i].detail && *it[i].detail ? it[i].detail : NULL;
		double h = cx_text(NULL, p->pc, it[i].title, PDF_BODY, CX_BOLD, 0, 0, PDF_TEXT_W - indent, CX_LEFT) +
		           cx_text(NULL, p->pc, it[i].text, PDF_BODY, CX_REGULAR, 0, 0, PDF_TEXT_W - indent, CX_LEFT) +
		           (detail ? cx_text(NULL, p->pc, detail, 9, CX_ITALIC, 0, 0, PDF_TEXT_W - indent, CX_LEFT) : 0);
		pdf_need(p, h);
		pdf_tag(p, "LI", true);
		if (p->cr) {
			char mark[16];
			snprintf(mark, sizeof mark, b->ordered ? "%d." : "•", i + 1);
			pdf_tag(p, "Lbl", true);
			cx_color(p->cr, CX_INK);
			cx_text(p->cr, p->pc, mark, PDF_BODY, CX_BOLD, PDF_ML, p->y, indent - 4, CX_RIGHT);
			pdf_tag(p, "Lbl", false);
		}
		pdf_tag(p, "LBody", true);
		pdf_text(p, it[i].title, PDF_BODY, CX_BOLD, indent, CX_INK);
		pdf_text(p, it[i].text, PDF_BODY, CX_REGULAR, indent, CX_INK);
		if (detail)
			pdf_text(p, detail, 9, CX_ITALIC, indent, CX_MUTED);
		pdf_tag(p, "LBody", false);
		pdf_tag(p, "LI", false);
		p->y += 5;
	}
	pdf_tag(p, "L", false);
	p->y += 3;
}
