/* Loading many response files in parallel, with flat memory.
 *
 * Threads parse and validate files (ydoc + response loader, which hold no
 * shared mutable state) and hand the results to a callback one at a time,
 * in the order of `paths`. At most a small window of files (a few per
 * thread) is loaded but not yet consumed, so memory does not grow with the
 * number of files.
 *
 * Used by `peil benchmark` and `peil aggregate`, which read thousands of
 * files: parsing is the cost, the callback (scoring) is cheap. */
#ifndef PEIL_POOL_H
#define PEIL_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/questionnaire.h"
#include "core/response.h"

/* One loaded file, as handed to the callback. */
struct pool_item {
	size_t index;                   /* into paths */
	const char *path;               /* borrowed from paths */
	struct response *r;             /* NULL when the file did not load; the
	                                 * callback may take it (set it to NULL),
	                                 * else the pool frees it */
	const struct diag_list *diags;  /* this file's errors and warnings; valid
	                                 * during the callback only */
};

/* Returns false to stop early (no further callbacks are made). */
typedef bool (*pool_fn)(void *ctx, struct pool_item *item);

/* Loads paths[0..n) against q with `threads` threads (0: the default; the
 * calling thread is one of them, so 1 starts none) and calls fn for each
 * file, in order. Calls never overlap, but they may come from any of the
 * threads: fn must not rely on thread-local state (mem_fail_from() tests
 * use threads = 1). Returns false when fn stopped it, or memory ran out
 * before the start (then `err` says so, if it is not NULL). If no extra
 * thread can be started, the caller's thread does all the work. */
bool pool_for_each_response(const char *const *paths, size_t n, const struct questionnaire *q,
                            int threads, pool_fn fn, void *ctx, char *err, size_t errlen);

/* The same with another loader: `load` runs on the worker threads (so it
 * must be thread-safe), returns the loaded response or NULL, and reports
 * to d (the item's diags); `index` is the path's. `peil validate`,
 * `intake` and `sector` use it to load each file against the questionnaire
 * it names. */
typedef struct response *(*pool_load_fn)(void *lctx, size_t index, const char *path, struct diag_list *d);
bool pool_for_each_load(const char *const *paths, size_t n, pool_load_fn load, void *lctx,
                        int threads, pool_fn fn, void *ctx, char *err, size_t errlen);

/* A growing list of paths. */
struct pool_paths {
	char **v;
	size_t n, cap;
};

/* Appends `path` if it is not a directory, else every regular file named
 * *.yaml or *.yml (any case, core/path.h) below it (recursively, hidden entries and symlinked directories
 * skipped), sorted by name within each directory. Returns false after
 * reporting to d when a directory cannot be read or memory runs out. */
bool pool_paths_add(struct pool_paths *p, const char *path, struct diag_list *d);
/* The same, and every other regular file below a directory (not hidden)
 * goes to `skipped` when it is not NULL, so that callers can count and
 * name what they did not read. */
bool pool_paths_collect(struct pool_paths *p, struct pool_paths *skipped, const char *path,
                        struct diag_list *d);
void pool_paths_free(struct pool_paths *p);      /* frees the strings; p itself is the caller's */

#endif
