/* The PDF writer's page layout, shared by pdf.c (pages, text, charts) and
 * pdf_table.c (tables, facts and lists). Private to exports/.
 *
 * The document is laid out twice with the same code: the first pass only
 * measures and counts the pages, the second draws them, now knowing "page n
 * of m". Nothing is drawn or tagged in the first pass. */
#ifndef PEIL_PDF_H
#define PEIL_PDF_H

#include "exports/cairo_doc.h"

/* A4 in points, margins of 20 mm beside and room for the running header
 * and footer above and below. */
#define PDF_W 595.276
#define PDF_H 841.890
#define PDF_ML 56.7
#define PDF_MT 64.0
#define PDF_MB 62.0
#define PDF_TEXT_W (PDF_W - 2 * PDF_ML)
#define PDF_BODY 9.5            /* the body text's size in points */

struct pdf {
	cairo_t *cr;                    /* NULL in the measuring pass */
	cairo_t *measure;               /* for text metrics in both passes */
	cairo_surface_t *surface;
	PangoContext *pc;
	const struct doc *d;
	int page, pages;                /* 1-based; pages known in pass 2 */
	double y;                       /* where the next block starts */
	bool top;                       /* nothing on this page yet */
	int outline;                    /* the current section's outline id */
	double float_bottom, float_w;   /* text beside a floated chart: narrower until here */
	int floated;                    /* the block drawn as a float, or -1 */
};

/* Starts a new page (drawing the finished page's header and footer). */
void pdf_new_page(struct pdf *p);
/* Makes room for h points: a new page unless it fits (or the page is
 * still empty, where a new page would not help). */
void pdf_need(struct pdf *p, double h);
/* Structure tags (only while drawing). */
void pdf_tag(struct pdf *p, const char *tag, bool begin);
/* A paragraph of text, split between lines across pages; returns its
 * height on the last page. */
void pdf_text(struct pdf *p, const char *s, double size, int style, double indent, int ink);

/* Layouts of a DOC_TABLE, DOC_FACTS and DOC_ITEMS block (doc_layout_fn;
 * w is the struct pdf). */
void pdf_table(void *w, const struct doc_block *b);
void pdf_facts(void *w, const struct doc_block *b);
void pdf_items(void *w, const struct doc_block *b);

#endif
