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

/* Small helpers over xmlTextWriter; a failed write marks o->failed. */
void odt_start(struct odt *o, xmlTextWriterPtr w, const char *name);
void odt_attr(struct odt *o, xmlTextWriterPtr w, const char *name, const char *value);
void odt_end(struct odt *o, xmlTextWriterPtr w);
/* Text with newlines as <text:line-break/> and unsafe characters as
 * U+FFFD. */
void odt_text(struct odt *o, xmlTextWriterPtr w, const char *s);
/* The namespaces every part declares. */
void odt_namespaces(struct odt *o, xmlTextWriterPtr w);

/* A new writer into a new buffer, the XML declaration written; a buffer
 * that grows by doubling. odt_part_end finishes the document, frees the
 * writer and returns the buffer, or NULL (buffer freed) if anything failed. */
xmlTextWriterPtr odt_part_begin(struct odt *o, xmlBufferPtr *buf);
xmlBufferPtr odt_part_end(struct odt *o, xmlTextWriterPtr w, xmlBufferPtr buf);

/* The parts, each into a new buffer (the caller frees it); NULL on failure. */
xmlBufferPtr odt_styles(struct odt *o);
xmlBufferPtr odt_content(struct odt *o);

#endif
