/* The one HTML escaper: for the documents (exports/html.c, the SVG in
 * html and odt) and for the phone's page (serve/page.c). Plain text
 * handling with nothing else behind it, so serve/ may include it. */
#ifndef PEIL_HTML_ESCAPE_H
#define PEIL_HTML_ESCAPE_H

#include <stdio.h>

/* What a newline in the text becomes. */
enum html_newline {
	HTML_NL_SPACE,  /* a space: one-line places (headings, attributes, SVG) */
	HTML_NL_BR,     /* <br>: the text's own line breaks are kept in sight */
	HTML_NL_KEEP,   /* itself, which the browser shows as a space */
};

/* Writes s (NULL: nothing) with & < > " ' escaped and unsafe code points
 * (invalid UTF-8, control characters, bidi overrides) as U+FFFD, fit for
 * text and attribute values in HTML and SVG. */
void html_escape(FILE *f, const char *s, enum html_newline nl);

#endif
