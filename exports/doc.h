/* The scorecard as a document: scorecard.c decides what is said, in which
 * order; a sink (Markdown, HTML) decides how it looks. Both formats thus
 * always carry the same content. Private to exports/.
 *
 * Every string handed to a sink is plain text (not markup): the sink
 * escapes it for its format. NULL strings are treated as "". */
#ifndef PEIL_DOC_H
#define PEIL_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "exports/xctx.h"

struct doc_table {
	const char *caption;            /* or NULL */
	int ncols, nrows;
	const char *const *head;        /* ncols */
	const bool *numeric;            /* ncols: right-aligned figures */
	const char *const *cells;       /* nrows * ncols, row by row */
};

struct doc_item {
	const char *title;              /* shown strong */
	const char *text;
	const char *detail;             /* e.g. advice; or NULL */
};

enum { DOC_RADAR, DOC_BARS };

struct doc_fact {
	const char *key, *value;
};

struct doc;

struct doc_ops {
	void (*begin)(struct doc *d, const char *title, const char *subtitle);
	void (*end)(struct doc *d);
	/* A top-level section; new_page: start it on a new page in print. */
	void (*section)(struct doc *d, const char *id, const char *title, bool new_page);
	void (*heading)(struct doc *d, int level, const char *title);   /* 3 or 4 */
	void (*para)(struct doc *d, const char *text);
	void (*facts)(struct doc *d, const struct doc_fact *f, int n);
	void (*table)(struct doc *d, const struct doc_table *t);
	void (*items)(struct doc *d, bool ordered, const struct doc_item *it, int n);
	/* A chart of the domains: DOC_RADAR or DOC_BARS; NULL: no charts. */
	void (*chart)(struct doc *d, int which);
};

struct doc {
	FILE *f;
	struct xctx *x;
	const struct doc_ops *ops;
	int open_sections;              /* for sinks that need to close them */
};

/* Writes the whole scorecard through d->ops. */
void scorecard_write(struct doc *d);
/* Its later sections, in scorecard_more.c. */
void scorecard_group(struct doc *d);
void scorecard_changes(struct doc *d);
void scorecard_method(struct doc *d);
void scorecard_appendix(struct doc *d);

/* The sinks. */
extern const struct doc_ops markdown_ops;
extern const struct doc_ops html_ops;

#endif
