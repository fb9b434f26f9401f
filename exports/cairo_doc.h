/* What the cairo-drawn documents share: text through pango (shaping,
 * wrapping, fonts found by fontconfig) and the charts drawn as vectors from
 * the document model's chart description. Used by the PDF writer and by
 * the ODT writer for its PNG fallback images. Private to exports/. */
#ifndef PEIL_CAIRO_DOC_H
#define PEIL_CAIRO_DOC_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "exports/doc.h"

/* A sans-serif that covers Dutch and reads well at 10 pt (fonts-dejavu-core;
 * fontconfig substitutes a near one when it is missing). */
#define CX_FONT "DejaVu Sans"

enum cx_align { CX_LEFT, CX_CENTER, CX_RIGHT };
enum cx_style { CX_REGULAR = 0, CX_BOLD = 1, CX_ITALIC = 2 };

/* A pango context for cr with 1 unit = 1 pt (resolution 72) and unhinted
 * metrics, so that layout is the same in every pass and on every surface. */
PangoContext *cx_context(cairo_t *cr);

/* A layout of s in the font at `size` pt, wrapped to `width` (0: no
 * wrapping), aligned. The caller unrefs it. */
PangoLayout *cx_layout(PangoContext *pc, const char *s, double size, int style, double width,
                       enum cx_align align);
/* Its height in points. */
double cx_height(PangoLayout *l);
/* Draws s at (x, y) (top left of the box) when cr is not NULL; returns the
 * height it takes. */
double cx_text(cairo_t *cr, PangoContext *pc, const char *s, double size, int style, double x, double y,
               double width, enum cx_align align);

/* The ink colour of the charts, by series, and shades. */
void cx_color(cairo_t *cr, int series);
enum { CX_INK = 10, CX_MUTED, CX_LINE, CX_BAND, CX_WHITE };

/* The charts at (x, y), `w` wide. The height each takes is known before
 * drawing (for page layout); the draw functions return it too. */
double cx_radar_height(const struct doc_chart *c, double w, bool keys);
/* keys: numbers at the spokes instead of names (cx_radar_keys lists them). */
double cx_radar(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w, bool keys);
double cx_radar_keys(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w);
double cx_bars_height(const struct doc_chart *c, double w);
double cx_bars(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w);
/* The legend under a chart; cr NULL only measures. */
double cx_legend(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w);

/* A chart as a PNG in memory (the ODT's fallback image), `scale` pixels
 * per point. The caller frees *png with free(). False on failure. */
bool cx_chart_png(const struct doc_chart *c, enum doc_chart_kind which, double w, double scale,
                  unsigned char **png, size_t *len, double *h);

#endif
