/* Shared by the HTML scorecard and its SVG charts. Private to exports/. */
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
void svg_radar(FILE *f, struct xctx *x);
void svg_bars(FILE *f, struct xctx *x);
/* A small sample of each kind of mark, for the legend. */
void svg_legend_mark(FILE *f, const char *kind);

#endif
