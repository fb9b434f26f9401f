/* Shared by the HTML scorecard, its SVG charts and the ODT (which embeds
 * the same SVG). Private to exports/. */
#ifndef PEIL_HTML_H
#define PEIL_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include "exports/xctx.h"

/* Writes s with & < > " ' escaped and unsafe code points as U+FFFD, fit
 * for text and attribute values in HTML and SVG. Newlines become <br>
 * when `br`, else spaces. */
void html_escape(FILE *f, const char *s, bool br);

/* The charts: a radar of the domains (three or more domains) and a bar
 * per domain, as inline SVG with text beside every mark. */
struct doc_chart;
void svg_radar(FILE *f, const struct doc_chart *c);
void svg_bars(FILE *f, const struct doc_chart *c);
/* A small sample of each kind of mark, for the legend. */
void svg_legend_mark(FILE *f, const char *kind);

struct doc;
/* The document model as one self-contained HTML page. */
void html_render(const struct doc *d, FILE *f);

#endif
