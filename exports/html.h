/* Shared by the HTML scorecard, its SVG charts and the ODT (which embeds
 * the same SVG). Private to exports/. */
#ifndef PEIL_HTML_H
#define PEIL_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "exports/html_escape.h"
#include "exports/xctx.h"

/* The palette (Okabe–Ito, safe for colour-blind readers), one source for
 * the page's CSS and the standalone SVG in the ODT. */
#define HC_INK "#1b1b1b"
#define HC_MUTED "#4d4d4d"
#define HC_LINE "#c4c4c4"
#define HC_SCORE "#0072b2"
#define HC_TARGET "#d55e00"
#define HC_PEER "#8c8c8c"
#define HC_BAND "#e3e3e3"

/* The charts: a radar of the domains (three or more domains) and a bar
 * per domain, as inline SVG with text beside every mark. */
struct doc_chart;
void svg_radar(FILE *f, const struct doc_chart *c, bool keys);
void svg_bars(FILE *f, const struct doc_chart *c);
/* A chart as a standalone SVG file (XML declaration, its own styles with
 * literal colours), for the ODT package. */
void svg_standalone(FILE *f, const struct doc_chart *c, int which);
/* A small sample of each kind of mark, for the legend. */
void svg_legend_mark(FILE *f, const char *kind);

struct doc;
/* The document model as one self-contained HTML page; false when a
 * write to f failed. */
bool html_render(const struct doc *d, FILE *f);

#endif
