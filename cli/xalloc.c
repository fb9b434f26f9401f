#include "cli/xalloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

static void (*restore_hook)(void);
static unsigned long fail_from;               /* set once, before any thread */
static atomic_ulong count;                    /* the pool's workers may allocate */

void xalloc_on_failure(void (*restore)(void))
{
	restore_hook = restore;
}

void xalloc_fail_from(unsigned long n)
{
	fail_from = n;
	atomic_store(&count, 0);
}

_Noreturn void xalloc_die(void)
{
	void (*restore)(void) = restore_hook;
	restore_hook = NULL;                  /* once, even if it allocates */
	if (restore)
		restore();
	fflush(NULL);            /* what is buffered (stdout, grouped warnings) before the message */
	fprintf(stderr, "peil: %s\n", _("out of memory"));
	exit(EXIT_INVALID);
}

static void *checked(void *p)
{
	if (!p)
		xalloc_die();
	return p;
}

/* The test hook: true when this allocation is to fail. */
static int fails(void)
{
	return fail_from && atomic_fetch_add(&count, 1) + 1 >= fail_from;
}

void *xcalloc(size_t n, size_t size)
{
	if (fails())
		xalloc_die();
	return checked(calloc(n ? n : 1, size ? size : 1));
}

void *xmalloc(size_t size)
{
	return xcalloc(1, size);
}

void *xrealloc(void *p, size_t size)
{
	if (fails())
		xalloc_die();
	return checked(realloc(p, size ? size : 1));
}

char *xstrndup(const char *s, size_t len)
{
	char *d = xmalloc(len + 1);
	memcpy(d, s, len);
	return d;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

void *xarray(size_t n, size_t size)
{
	return xcalloc(n, size);
}

void *xgrow(void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return v;
	size_t want = *cap ? *cap * 2 : first;
	if (want <= n)
		want = n + 1;
	if (want > SIZE_MAX / size)
		xalloc_die();
	v = xrealloc(v, want * size);
	*cap = want;
	return v;
}
