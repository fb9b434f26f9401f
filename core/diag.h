/* Diagnostics: errors and warnings as values, with file:line:column.
 *
 * Loaders append to a diag_list and keep going, so that `peil validate`
 * shows every problem at once. Lines and columns are 1-based (libyaml's marks
 * are 0-based: the loader adds 1). Line 0 means "the file as a whole". */
#ifndef PEIL_DIAG_H
#define PEIL_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A note says what peil did on its own (left a file out) and is shown, and
 * counted, with the warnings. */
enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	const char *path;               /* owned by the list */
	int line, col;
	enum diag_severity severity;
	const char *message;            /* owned by the list, already translated */
};

/* At most this many errors are kept per file; then one "too many errors".
 * Warnings likewise (a file can hold a million replaced characters). */
enum { DIAG_MAX_ERRORS_PER_FILE = 100, DIAG_MAX_WARNINGS_PER_FILE = 1000 };

struct diag_list;

struct diag_list *diag_list_new(void);
void diag_list_free(struct diag_list *d);          /* NULL is fine */

/* Formats and appends one diagnostic. Never fails visibly: if memory runs
 * out the list records that it is incomplete instead. */
void diag_add(struct diag_list *d, const char *path, int line, int col,
              enum diag_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
#define diag_error(d, path, line, col, ...) \
	diag_add(d, path, line, col, DIAG_ERROR, __VA_ARGS__)
#define diag_warning(d, path, line, col, ...) \
	diag_add(d, path, line, col, DIAG_WARNING, __VA_ARGS__)

size_t diag_count(const struct diag_list *d);
const struct diag *diag_get(const struct diag_list *d, size_t i);
/* Every error reported, also those past the cap that were not kept. */
size_t diag_errors(const struct diag_list *d);
void diag_clear(struct diag_list *d);

/* Prints FILE:LINE:COL: error: MESSAGE lines (FILE: error: MESSAGE for line
 * 0, a problem without a position); warnings only when asked. */
void diag_print(const struct diag_list *d, FILE *out, bool with_warnings);

#endif
