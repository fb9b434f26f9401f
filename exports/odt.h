/* The ODT writer's parts: the package (odt.c), the styles (odt_styles.c)
 * and the content (odt_content.c), each XML part written with libxml2's
 * xmlTextWriter. Private to exports/. */
#ifndef PEIL_ODT_H
#define PEIL_ODT_H

#include <libxml/xmlwriter.h>

#include "exports/doc.h"

/* One picture of the package (a chart as SVG and its PNG fallback). */
struct odt_picture {
	char svg_name[32], png_name[32];
	char *svg, *png;
	size_t svg_len, png_len;
	double w_cm, h_cm;
};

struct odt {
	const struct doc *d;
	struct odt_picture pics[2];     /* radar, bars */
	bool failed;
};

/* Small helpers over xmlTextWriter; a failed write marks o->failed.
 * odt_start starts element `name` with the attributes that follow as name,
 * value pairs up to a NULL name (a NULL value leaves its attribute out);
 * odt_empty does the same for an element without content. */
void odt_start(struct odt *o, xmlTextWriterPtr w, const char *name, ...) __attribute__((sentinel));
void odt_empty(struct odt *o, xmlTextWriterPtr w, const char *name, ...) __attribute__((sentinel));
void odt_attr(struct odt *o, xmlTextWriterPtr w, const char *name, const char *value);
void odt_end(struct odt *o, xmlTextWriterPtr w);
/* Text with newlines as <text:line-break/> and unsafe characters as
 * U+FFFD. */
void odt_text(struct odt *o, xmlTextWriterPtr w, const char *s);
/* One XML part into a new buffer (the caller frees it): the declaration,
 * the root element (with the namespaces of ODF when `office`), what body
 * writes inside it. NULL if anything failed. */
xmlBufferPtr odt_part(struct odt *o, const char *root, bool office, void (*body)(struct odt *, xmlTextWriterPtr));

/* What the root elements of styles.xml and content.xml hold. */
void odt_styles(struct odt *o, xmlTextWriterPtr w);
void odt_content(struct odt *o, xmlTextWriterPtr w);

#endif
