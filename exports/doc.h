/* The scorecard as a document model, the way pandoc has one AST for many
 * writers: scorecard.c decides once what is said and in which order, as a
 * list of blocks (sections, headings, paragraphs, facts, tables, lists,
 * charts, notes); the md, html, pdf and odt writers only lay it out. So
 * the formats cannot drift apart. Private to exports/.
 *
 * Every string in the model is plain text (not markup): a writer escapes
 * it for its format. NULL strings are treated as "". Everything lives in
 * the export's arena (xctx) until xctx_free(). */
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

struct doc_fact {
	const char *key, *value;
};

enum doc_chart_kind { DOC_RADAR, DOC_BARS };

/* The charts' figures, described once and drawn by every writer (SVG for
 * html and odt, cairo for pdf and odt's fallback image). */
enum doc_series { DOC_SCORE, DOC_TARGET, DOC_BASE, DOC_PEER, DOC_NSERIES };
struct doc_chart_domain {
	const char *title;
	bool has[DOC_NSERIES];
	double v[DOC_NSERIES];
	double p25, p75;                /* the peers' middle half, with has[DOC_PEER] */
	const char *score_text;         /* the score as a reader sees it */
	const char *figures, *peer_figures;     /* the figures under a bar; peers or NULL */
	const char *words;              /* every figure in words, for screen readers */
};
struct doc_chart {
	int ndomains;
	const struct doc_chart_domain *domains;
	int nlevels;
	const int *levels;              /* the level values, lowest first */
	bool series[DOC_NSERIES];       /* which series the legend shows */
	const char *legend[DOC_NSERIES];
	const char *caption, *title;    /* NULL: the scorecard's (doc_chart_caption/_title) */
};

enum doc_kind {
	DOC_SECTION,    /* a top-level part: id, title, new_page (in print) */
	DOC_HEADING,    /* level 3 or 4, title */
	DOC_PARA,       /* text */
	DOC_NOTE,       /* text: a remark set apart (smaller, muted) */
	DOC_FACTS,      /* facts, n */
	DOC_TABLE,      /* table */
	DOC_ITEMS,      /* items, n, ordered */
	DOC_CHART,      /* chart: DOC_RADAR or DOC_BARS, with a caption */
	DOC_NKINDS
};

struct doc_block {
	enum doc_kind kind;
	int level;
	const char *id, *title, *text;
	bool new_page, ordered;
	int n;
	const struct doc_fact *facts;
	const struct doc_item *items;
	struct doc_table table;
	enum doc_chart_kind chart;
	const struct doc_chart *data;   /* DOC_CHART: its figures; NULL: the document's chart */
};

struct doc {
	struct xctx *x;
	const char *title, *subtitle, *lang;    /* lang: "nl", "en" */
	const char *author;                     /* who answered, for metadata */
	const char *date;                       /* the assessment's, YYYY-MM-DD */
	const char *footer;                     /* "organisation · date" in print */
	struct doc_block *blocks;
	int nblocks, cap;
	struct doc_chart chart;
	bool appendix;                          /* the appendix is part of it */
};

/* Column widths of a table (exports/colwidth.c): every column at least
 * min (its longest word; a figure is one word), the rest of total shared
 * by how much wider each would like to be (max); when the mins do not fit,
 * figures and short-worded columns keep theirs and the others share what
 * is left. In any unit (points, characters). */
void doc_column_widths(int n, const double *min, const double *max, const bool *numeric, double total, double *w);

/* Builds the whole scorecard into d (scorecard.c). False on out-of-memory. */
bool doc_build(struct doc *d, struct xctx *x, bool appendix);
void doc_free(struct doc *d);

/* Adding blocks: the model copies the arrays (callers may pass stack
 * arrays); the strings must live in the arena or be static. */
void doc_section(struct doc *d, const char *id, const char *title, bool new_page);
void doc_heading(struct doc *d, int level, const char *title);
void doc_para(struct doc *d, const char *text);
void doc_note(struct doc *d, const char *text);
void doc_facts(struct doc *d, const struct doc_fact *f, int n);
void doc_table(struct doc *d, const struct doc_table *t);
void doc_items(struct doc *d, bool ordered, const struct doc_item *it, int n);
void doc_chart(struct doc *d, enum doc_chart_kind which);
/* A chart with figures of its own (the sector picture has one per domain;
 * html and md draw it, pdf and odt draw only the document's chart). The
 * chart must live as long as the document. */
void doc_chart_of(struct doc *d, enum doc_chart_kind which, const struct doc_chart *c);
/* Describes the charts' figures once, into d->chart. */
bool doc_chart_describe(struct doc *d);
/* A writer's layout of one block, into its own state w. */
typedef void doc_layout_fn(void *w, const struct doc_block *b);
/* Every block of d in order, each laid out by layout[its kind]; a kind
 * without one (NULL) is left out. The one walk of the document model that
 * the writers share: a writer is its table of layouts. */
void doc_walk(const struct doc *d, doc_layout_fn *const layout[DOC_NKINDS], void *w);
/* A zeroed array of n elements of `size` bytes in the arena; NULL on
 * out-of-memory, which is marked (x->oom) for the export to fail. */
void *doc_array(struct doc *d, int n, size_t size);
/* A zeroed array of n cells ("") in the arena; NULL on out-of-memory. */
const char **doc_cells(struct doc *d, int n);

/* The scorecard's parts, in scorecard*.c. */
void scorecard_reading(struct doc *d);
void scorecard_ambitions(struct doc *d);
void scorecard_peer_explanation(struct doc *d);
void scorecard_priorities(struct doc *d);
void scorecard_coverage(struct doc *d);
void scorecard_group(struct doc *d);
/* The session summary of a workshop's file (exports/scorecard_session.c). */
void scorecard_session(struct doc *d);
void scorecard_changes(struct doc *d);
void scorecard_method(struct doc *d);
void scorecard_glossary(struct doc *d);
void scorecard_appendix(struct doc *d);
/* The parts that come from the improvement plan (scorecard_plan.c). */
void scorecard_decision(struct doc *d);
void scorecard_plan(struct doc *d);
void scorecard_done(struct doc *d);

/* The writers that are not in a header of their own; false when a write
 * to f failed (or, for PDF and ODT, memory ran out). */
bool md_render(const struct doc *d, FILE *f);
bool pdf_render(const struct doc *d, FILE *f);
bool odt_render(const struct doc *d, FILE *f);

/* Chart captions (shared by the writers). */
const char *doc_chart_caption(enum doc_chart_kind which);
const char *doc_chart_title(enum doc_chart_kind which);

#endif
