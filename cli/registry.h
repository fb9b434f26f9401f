/* The register of organisations a network organisation keeps (`intake` and
 * `sector --registry CSV`): one row per organisation with its official
 * code, its name and its population, and any other columns (province, a
 * partnership) for `sector --group-by`.
 *
 * The file is CSV with a header row naming the columns: `organisation_id`,
 * `name` and `population` (any order, any case; `organisation_id` and
 * `name` required), separated by `;`, `,` or a tab (the header decides),
 * UTF-8 with or without a byte order mark, CRLF or LF, fields quoted as
 * RFC 4180. */
#ifndef PEIL_REGISTRY_H
#define PEIL_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

struct registry_row {
	char *id, *name;
	long population;        /* -1: empty */
	char **values;          /* every column, as written */
	int line;
};

struct registry;

/* Prints its errors (FILE:LINE:COL: error: ...) and returns NULL on any. */
struct registry *registry_load(const char *path);
void registry_free(struct registry *r);         /* NULL is fine */

size_t registry_count(const struct registry *r);
const struct registry_row *registry_row(const struct registry *r, size_t i);
/* The row of this code (any case), else of this name (compared as peer
 * names are: case, spaces, "Gemeente "), when exactly one row has it. */
const struct registry_row *registry_find(const struct registry *r, const char *id, const char *name);
/* The index of a column by its header (any case), or -1. */
int registry_column(const struct registry *r, const char *header);
const char *registry_columns(const struct registry *r, char *buf, size_t len);  /* "a, b, c" */

#endif
