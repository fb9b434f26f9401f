/* Typed reading of a ydoc tree, with errors at the node's line:column.
 * Shared by the questionnaire and response loaders. Each reader reports its
 * own error and returns false (or NULL), so callers just skip the value. */
#ifndef PEIL_SCHEMA_H
#define PEIL_SCHEMA_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/ydoc.h"

struct schema {
	const char *path;
	struct diag_list *d;
};

#define schema_error(s, node, ...) \
	diag_error((s)->d, (s)->path, (node) ? (node)->line : 1, (node) ? (node)->col : 1, __VA_ARGS__)
#define schema_warning(s, node, ...) \
	diag_warning((s)->d, (s)->path, (node) ? (node)->line : 1, (node) ? (node)->col : 1, __VA_ARGS__)

bool schema_is_null(const struct ynode *n);

/* `what` names the value in messages, e.g. "levels". */
bool schema_map(const struct schema *s, const struct ynode *n, const char *what);
bool schema_seq(const struct schema *s, const struct ynode *n, const char *what);

/* Reports every key of `map` not in the NULL-terminated `allowed` list,
 * except keys starting with "x-"; suggests the nearest allowed key. */
void schema_check_keys(const struct schema *s, const struct ynode *map,
                       const char *const *allowed);

/* The value of a required key, or NULL after reporting it missing. */
const struct ynode *schema_require(const struct schema *s, const struct ynode *map,
                                   const char *key);

bool schema_int(const struct schema *s, const struct ynode *n, const char *what, int *out);
bool schema_number(const struct schema *s, const struct ynode *n, const char *what, double *out);
bool schema_bool(const struct schema *s, const struct ynode *n, const char *what, bool *out);
/* A non-empty scalar, returned as stored in the tree (owned by the doc). */
const char *schema_string(const struct schema *s, const struct ynode *n, const char *what);
/* A real calendar date written YYYY-MM-DD. */
bool schema_date(const struct schema *s, const struct ynode *n, const char *what);

bool schema_valid_date(const char *str);

/* The format version, the value n of `key` ("peil", "peil-responses",
 * "peil-round"): every file peil reads is at version 1, and another
 * version is an error at n. A NULL n (a missing key, reported by
 * schema_require) is passed over. */
void schema_format_version(const struct schema *s, const struct ynode *n, const char *key);

/* The start of a response or a round file: reports the keys of root not
 * in `allowed`, checks the format version under `format_key`, and returns
 * the id under the required key "questionnaire" (NULL after reporting it
 * missing or not a string), with its node in *at. */
const char *schema_header(const struct schema *s, const struct ynode *root, const char *const *allowed,
                          const char *format_key, const struct ynode **at);

#endif
