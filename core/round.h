/* Round files (SPEC: `sector --format round`; questionnaires/FORMAT.md):
 * the published distribution of one benchmark round, per domain and peer
 * class: the number of organisations and the quantiles p5, p10, ..., p95.
 * No names and no individual scores: cells of fewer than ROUND_MIN_N
 * organisations are left out, and a file that holds one is invalid.
 * `benchmark FILE --peers ROUND.yaml` compares against it. */
#ifndef PEIL_ROUND_H
#define PEIL_ROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/questionnaire.h"
#include "core/ydoc.h"

enum {
	ROUND_NQ = 19,          /* p5, p10, ..., p95 */
	ROUND_STEP = 5,         /* percent between two quantiles */
	ROUND_MIN_N = 10,       /* the smallest cell a round file holds */
};

struct round_cell {
	char *domain;           /* a domain id of the questionnaire */
	char *cls;              /* "all", a size class ("<10k" ... "100k+") or a group */
	long n;                 /* organisations with a score here, >= ROUND_MIN_N */
	double q[ROUND_NQ];     /* q[i] is the quantile at (i + 1) * 5 percent */
	int line;               /* where the cell starts (0: built in memory) */
};

struct round {
	char *questionnaire;    /* id */
	char *version;          /* the questionnaire's version, or NULL */
	char date[11];          /* when the round was made, YYYY-MM-DD, or "" */
	char *group_by;         /* the classes are values of this field; NULL: size classes */
	long organisations;     /* organisations in the round */
	double lo, hi;          /* the questionnaire's lowest and highest level (when known) */
	size_t ncells, cap;
	struct round_cell *cells;
};

/* An empty round for `q`; add cells with round_add(). NULL: out of memory. */
struct round *round_new(const struct questionnaire *q, const char *date, const char *group_by);
/* Copies the strings. False: out of memory. */
bool round_add(struct round *r, const char *domain, const char *cls, long n, const double *q);
void round_free(struct round *r);       /* NULL is fine */

/* Reads a round file (its first key is `peil-round`). Every problem goes to
 * d with its line and column. With `q`, the questionnaire id must match and
 * every domain must exist in it, every value lie within its levels.
 * NULL when the file is not a valid round file. */
struct round *round_from_doc(const struct ydoc *doc, const struct questionnaire *q, struct diag_list *d);
struct round *round_load(const char *path, const struct questionnaire *q, struct diag_list *d);

const struct round_cell *round_find(const struct round *r, const char *domain, const char *cls);

/* The round as YAML text (core/yemit.h), with the end marker `...`.
 * Returns the text (free with mem_free()) and its length, or NULL. */
char *round_to_yaml(const struct round *r, size_t *len);

#endif
