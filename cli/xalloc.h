/* Allocation for cli/ and tui/: these never return NULL.
 *
 * The library (core/, scoring/, exports/) returns NULL on out of memory and
 * its callers unwind, which tests/unit/test_oom checks. The front ends had
 * a branch per allocation instead, which no test reached; here running out
 * of memory ends the program (htop's xMalloc): the terminal is restored
 * first (the TUI installs that with xalloc_on_failure), then
 * "peil: out of memory" goes to stderr and peil exits with status 1, as
 * the front ends' out-of-memory branches did. An open TUI session has saved
 * every answer before the allocation that failed. */
#ifndef PEIL_CLI_XALLOC_H
#define PEIL_CLI_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);                   /* zeroed, like mem_alloc */
void *xcalloc(size_t n, size_t size);         /* n * size overflowing: out of memory */
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);                 /* NULL in, NULL out */
char *xstrndup(const char *s, size_t len);
/* As mem_array() and mem_grow() (core/mem.h), but never NULL. */
void *xarray(size_t n, size_t size);
void *xgrow(void *v, size_t *cap, size_t n, size_t size, size_t first);

/* Reports and ends the program as above; for memory that a library call
 * could not get (e.g. open_memstream). */
_Noreturn void xalloc_die(void);

/* restore() runs before the message (the TUI: end curses); NULL removes it.
 * One at a time: the TUI is the only one. */
void xalloc_on_failure(void (*restore)(void));

/* Test hook: from allocation number n (1-based, counted from this call)
 * on, every x-allocation fails; 0 never. main() sets it from the
 * environment variable PEIL_XALLOC_FAIL (tests/e2e/tui_oom.py). */
void xalloc_fail_from(unsigned long n);

#endif
