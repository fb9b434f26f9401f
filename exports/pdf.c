/* The scorecard as an A4 PDF, written with cairo's PDF surface and pango:
 * real text shaping, fonts embedded (subset) by cairo, charts as vectors,
 * a running header and footer with "page n of m", structure tags for
 * headings, paragraphs, lists, tables and figures, an outline (bookmarks)
 * of the sections, and the title and author in the document's metadata.
 *
 * cairo 1.16 cannot set the document language (/Lang) nor alternative text
 * on figures; peil does not patch the PDF by hand to add them. */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "core/i18n.h"
#include "exports/pdf.h"

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int n)
{
	return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void pdf_tag(struct pdf *p, const char *tag, bool begin)
{
	if (!p->cr)
		return;
	if (begin)
		cairo_tag_begin(p->cr, tag, NULL);
	else
		cairo_tag_end(p->cr, tag);
}

/* The running header (from page 2 on) and footer of the page just done. */
static void header_footer(struct pdf *p)
{
	cairo_t *cr = p->cr;
	if (!cr)
		return;
	cairo_save(cr);
	cx_color(cr, CX_MUTED);
	if (p->page > 1) {
		char *h = g_strdup_printf("%s — %s", p->d->title ? p->d->title : "", p->d->subtitle ? p->d->subtitle : "");
		cx_text(cr, p->pc, h, 7.5, CX_REGULAR, PDF_ML, 30, PDF_TEXT_W, CX_LEFT);
		g_free(h);
		cx_color(cr, CX_LINE);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, PDF_ML, 44);
		cairo_line_to(cr, PDF_W - PDF_ML, 44);
		cairo_stroke(cr);
		cx_color(cr, CX_MUTED);
	}
	double fy = PDF_H - 38;
	cx_text(cr, p->pc, p->d->footer, 7.5, CX_REGULAR, PDF_ML, fy, PDF_TEXT_W * 0.7, CX_LEFT);
	char *n = g_strdup_printf(_("page %d of %d"), p->page, p->pages);
	cx_text(cr, p->pc, n, 7.5, CX_REGULAR, PDF_ML, fy, PDF_TEXT_W, CX_RIGHT);
	g_free(n);
	cairo_restore(cr);
}

void pdf_new_page(struct pdf *p)
{
	if (p->cr) {
		header_footer(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = PDF_MT;
	p->top = true;
}

void pdf_need(struct pdf *p, double h)
{
	if (!p->top && p->y + h > PDF_H - PDF_MB)
		pdf_new_page(p);
}

/* One layout of at most this many bytes: pango lays out a paragraph in
 * more than linear time, so a very long text (an evidence list of 100,000
 * items) is laid out in pieces, each starting on a new line. */
enum { PDF_PIECE = 4096 };

static void text_piece(struct pdf *p, const char *s, double size, int style, double indent, int ink);

void pdf_text(struct pdf *p, const char *s, double size, int style, double indent, int ink)
{
	size_t n = s ? strlen(s) : 0;
	while (n > PDF_PIECE) {
		size_t cut = PDF_PIECE;
		while (cut > PDF_PIECE / 2 && s[cut] != ' ' && s[cut] != '\n')
			cut--;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;          /* never inside a character */
		char *piece = g_strndup(s, cut);
		text_piece(p, piece, size, style, indent, ink);
		g_free(piece);
		s += cut;
		s += strspn(s, " \n");
		n = strlen(s);
	}
	text_piece(p, s, size, style, indent, ink);
}

static void text_piece(struct pdf *p, const char *s, double size, int style, double indent, int ink)
{
	double beside = p->y < p->float_bottom ? p->float_w : 0;
	PangoLayout *l = cx_layout(p->pc, s, size, style, PDF_TEXT_W - indent - beside, CX_LEFT);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double offset = 0, bottom = 0;
	do {
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		double top = (double)r.y / PANGO_SCALE, lh = (double)r.height / PANGO_SCALE;
		if (p->y + top - offset + lh > PDF_H - PDF_MB && !(p->top && top == offset)) {
			pdf_new_page(p);
			offset = top;
		}
		if (p->cr) {
			cx_color(p->cr, ink);
			cairo_move_to(p->cr, PDF_ML + indent,
			              p->y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - offset);
			pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		}
		bottom = top + lh - offset;
		p->top = false;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	p->y += bottom;
}

static void title(struct pdf *p)
{
	pdf_tag(p, "H1", true);
	pdf_text(p, p->d->title, 20, CX_BOLD, 0, CX_INK);
	pdf_tag(p, "H1", false);
	p->y += 2;
	pdf_tag(p, "P", true);
	pdf_text(p, p->d->subtitle, 12, CX_REGULAR, 0, CX_MUTED);
	pdf_tag(p, "P", false);
	p->y += 10;
}

static void clear_float(struct pdf *p)
{
	if (p->y < p->float_bottom)
		p->y = p->float_bottom;
	p->float_bottom = 0;
}

static void section(struct pdf *p, const struct doc_block *b)
{
	clear_float(p);
	if (b->new_page && !p->top)
		pdf_new_page(p);
	else
		pdf_need(p, 90);        /* a heading is never the last line of a page */
	p->y += p->top ? 0 : 12;
	if (p->cr) {
		char *dest = g_strdup_printf("page=%d pos=[%.1f %.1f]", p->page, PDF_ML, p->y);
		p->outline = cairo_pdf_surface_add_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT, b->title, dest, 0);
		g_free(dest);
	}
	pdf_tag(p, "H2", true);
	pdf_text(p, b->title, 14, CX_BOLD, 0, CX_INK);
	pdf_tag(p, "H2", false);
	if (p->cr) {
		cx_color(p->cr, CX_INK);
		cairo_set_line_width(p->cr, 1.2);
		cairo_move_to(p->cr, PDF_ML, p->y + 2);
		cairo_line_to(p->cr, PDF_W - PDF_ML, p->y + 2);
		cairo_stroke(p->cr);
	}
	p->y += 9;
}

static void heading(void *w, const struct doc_block *b)
{
	struct pdf *p = w;
	pdf_need(p, b->level <= 3 ? 70 : 50);
	p->y += p->top ? 0 : b->level <= 3 ? 8 : 5;
	const char *tag = b->level <= 3 ? "H3" : "H4";
	if (p->cr && b->level <= 3 && p->outline > 0) {
		char *dest = g_strdup_printf("page=%d pos=[%.1f %.1f]", p->page, PDF_ML, p->y);
		cairo_pdf_surface_add_outline(p->surface, p->outline, b->title, dest, 0);
		g_free(dest);
	}
	pdf_tag(p, tag, true);
	pdf_text(p, b->title, b->level <= 3 ? 11.5 : 10, CX_BOLD, 0, CX_INK);
	pdf_tag(p, tag, false);
	p->y += 3;
}

static void para(void *w, const struct doc_block *b)
{
	struct pdf *p = w;
	pdf_tag(p, "P", true);
	if (b->kind == DOC_NOTE)
		pdf_text(p, b->text, 8.5, CX_REGULAR, 0, CX_MUTED);
	else
		pdf_text(p, b->text, PDF_BODY, CX_REGULAR, 0, CX_INK);
	pdf_tag(p, "P", false);
	p->y += 5;
}

/* The summary's radar beside its text, at the top right: page 1 then has
 * room for the summary, the radar and the whole decision the council is
 * asked, its cost and hours too (200 pt wide: at 230 the example
 * municipality's plan fell on page 2). */
static void float_radar(struct pdf *p, int i)
{
	const struct doc_chart *c = &p->d->chart;
	const double w = 200;
	double x = PDF_ML + PDF_TEXT_W - w, y = p->y;
	double cap = cx_text(NULL, p->pc, doc_chart_caption(DOC_RADAR), 9, CX_BOLD, 0, 0, w, CX_LEFT);
	double ch = cx_radar_height(c, w, true), kh = cx_radar_keys(NULL, p->pc, c, 0, 0, w);
	double lh = cx_legend(NULL, p->pc, c, 0, 0, w);
	pdf_tag(p, "Figure", true);
	if (p->cr) {
		cx_color(p->cr, CX_INK);
		cx_text(p->cr, p->pc, doc_chart_caption(DOC_RADAR), 9, CX_BOLD, x, y, w, CX_LEFT);
		cx_radar(p->cr, p->pc, c, x, y + cap + 2, w, true);
		cx_radar_keys(p->cr, p->pc, c, x, y + cap + 4 + ch, w);
		cx_legend(p->cr, p->pc, c, x, y + cap + 8 + ch + kh, w);
	}
	pdf_tag(p, "Figure", false);
	p->float_bottom = y + cap + 8 + ch + kh + lh + 2;
	p->float_w = w + 12;
	p->floated = i;
}

static void chart(void *ctx, const struct doc_block *b)
{
	struct pdf *p = ctx;
	if (b - p->d->blocks == p->floated)
		return;         /* drawn already, beside the summary */
	const struct doc_chart *c = &p->d->chart;
	double w = b->chart == DOC_RADAR ? PDF_TEXT_W * 0.8 : PDF_TEXT_W;
	double x = PDF_ML + (PDF_TEXT_W - w) / 2;
	double cap = cx_text(NULL, p->pc, doc_chart_caption(b->chart), 10, CX_BOLD, 0, 0, PDF_TEXT_W, CX_LEFT);
	double ch = b->chart == DOC_RADAR ? cx_radar_height(c, w, false) : cx_bars_height(c, w);
	double lh = cx_legend(NULL, p->pc, c, 0, 0, PDF_TEXT_W);
	pdf_need(p, cap + 6 + ch + 6 + lh);
	pdf_tag(p, "Figure", true);
	if (p->cr) {
		cx_color(p->cr, CX_INK);
		cx_text(p->cr, p->pc, doc_chart_caption(b->chart), 10, CX_BOLD, PDF_ML, p->y, PDF_TEXT_W, CX_LEFT);
		if (b->chart == DOC_RADAR)
			cx_radar(p->cr, p->pc, c, x, p->y + cap + 6, w, false);
		else
			cx_bars(p->cr, p->pc, c, x, p->y + cap + 6, w);
		cx_legend(p->cr, p->pc, c, PDF_ML, p->y + cap + 6 + ch + 6, PDF_TEXT_W);
	}
	pdf_tag(p, "Figure", false);
	p->y += cap + 6 + ch + 6 + lh + 8;
	p->top = false;
}

/* The radar of the summary section, if it has one. */
static int summary_radar(const struct doc *d, int i)
{
	for (int k = i + 1; k < d->nblocks && d->blocks[k].kind != DOC_SECTION; k++)
		if (d->blocks[k].kind == DOC_CHART && d->blocks[k].chart == DOC_RADAR)
			return k;
	return -1;
}

/* A section; the summary's radar floats beside its text. */
static void section_radar(void *w, const struct doc_block *b)
{
	struct pdf *p = w;
	int radar = summary_radar(p->d, (int)(b - p->d->blocks));
	section(p, b);
	if (b->id && !strcmp(b->id, "summary") && radar >= 0)
		float_radar(p, radar);
}

static void blocks(struct pdf *p)
{
	static doc_layout_fn *const layout[DOC_NKINDS] = {
		[DOC_SECTION] = section_radar, [DOC_HEADING] = heading, [DOC_PARA] = para, [DOC_NOTE] = para,
		[DOC_FACTS] = pdf_facts, [DOC_TABLE] = pdf_table, [DOC_ITEMS] = pdf_items, [DOC_CHART] = chart,
	};
	pdf_tag(p, "Document", true);
	title(p);
	p->floated = -1;
	p->float_bottom = 0;
	doc_walk(p->d, layout, p);
	clear_float(p);
	pdf_tag(p, "Document", false);
	if (p->cr)
		header_footer(p);
}

static void metadata(struct pdf *p)
{
	char *t = g_strdup_printf("%s — %s", p->d->title ? p->d->title : "", p->d->subtitle ? p->d->subtitle : "");
	char *clean = xs_sanitize(t);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, clean ? clean : "");
	free(clean);
	g_free(t);
	clean = xs_sanitize(p->d->author);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, clean ? clean : "");
	free(clean);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "peil");
	/* the assessment's date, not the clock: the same input gives the same PDF */
	if (p->d->date) {
		char *iso = g_strdup_printf("%sT00:00:00Z", p->d->date);
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
		g_free(iso);
	}
}

bool pdf_render(const struct doc *d, FILE *f)
{
	struct pdf p = { .d = d };
	p.surface = cairo_pdf_surface_create_for_stream(write_stream, f, PDF_W, PDF_H);
	cairo_pdf_surface_restrict_to_version(p.surface, CAIRO_PDF_VERSION_1_5);
	p.measure = cairo_create(p.surface);
	p.pc = cx_context(p.measure);
	metadata(&p);
	/* pass 1: measure and count the pages */
	p.page = 1;
	p.y = PDF_MT;
	p.top = true;
	blocks(&p);
	p.pages = p.page;
	/* pass 2: draw */
	p.cr = p.measure;
	p.page = 1;
	p.y = PDF_MT;
	p.top = true;
	blocks(&p);
	g_object_unref(p.pc);
	cairo_destroy(p.measure);
	cairo_surface_finish(p.surface);
	bool ok = cairo_surface_status(p.surface) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(p.surface);
	return ok && !ferror(f);
}
