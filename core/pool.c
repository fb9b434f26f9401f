/* Parallel loading of response files. Every thread, the caller's
 * included, claims the next file, parses it into a slot of a small ring,
 * and then, if the oldest unconsumed slot is ready and nobody else is doing
 * it, hands the ready slots to the callback in order. No thread exists
 * only to wait for results, so two threads keep two cores busy, and a
 * thread sleeps only when the ring is full.
 *
 * Claiming, marking ready and the drain token are atomics, not a mutex: a
 * lock taken three times per file by each thread made thousands of
 * context switches per 10,000 files (issue 14). The mutex and condition
 * variable are only for a thread that waits for room in the ring. */
#include "core/pool.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/path.h"

enum { POOL_MAX_THREADS = 64, POOL_SLOTS_PER_THREAD = 8, POOL_MAX_DEPTH = 32 };

struct slot {
	struct response *r;
	struct diag_list *d;
	atomic_bool ready;      /* r and d are filled in (release/acquire) */
};

struct pool {
	pthread_mutex_t mu;             /* only around waiting for room */
	pthread_cond_t space;           /* a slot was consumed: claimers wait */
	atomic_int waiting;             /* threads in (or entering) the wait */
	const char *const *paths;
	size_t n;
	pool_load_fn load;
	void *lctx;
	pool_fn fn;
	void *ctx;
	atomic_size_t next;             /* next index to claim */
	atomic_size_t consumed;         /* items handed to fn so far */
	size_t window;                  /* number of slots */
	atomic_bool draining;           /* the token: a thread is calling fn */
	atomic_bool stopped;            /* fn said stop */
	struct slot *slots;
};

/* The number of online processors (at most 8), or $PEIL_THREADS when set
 * to a number from 1 to 64. */
static int pool_default_threads(void)
{
	const char *env = getenv("PEIL_THREADS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (!*end && v >= 1 && v <= POOL_MAX_THREADS)
			return (int)v;
	}
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > 8 ? 8 : (int)n;
}

/* Hands one loaded item to fn and frees what fn did not take. */
static bool consume(struct slot *s, const char *const *paths, size_t i, pool_fn fn, void *ctx)
{
	struct pool_item it = { .index = i, .path = paths[i], .r = s->r, .diags = s->d };
	bool go_on = fn(ctx, &it);
	response_free(it.r);
	s->r = NULL;
	return go_on;
}

static bool oldest_ready(struct pool *p)
{
	size_t c = atomic_load(&p->consumed);
	return c < p->n && atomic_load(&p->slots[c % p->window].ready);
}

/* Hands the ready slots to fn in order, if no other thread is doing it.
 * After giving the token back it looks once more: a slot that became
 * ready meanwhile was marked by a thread that found the token taken. */
static void drain(struct pool *p)
{
	while (!atomic_load(&p->stopped) && oldest_ready(p)) {
		if (atomic_exchange(&p->draining, true))
			return;
		size_t c;
		struct slot *s;
		while (!atomic_load(&p->stopped) && (c = atomic_load(&p->consumed)) < p->n &&
		       atomic_load(&(s = &p->slots[c % p->window])->ready)) {
			bool go_on = consume(s, p->paths, c, p->fn, p->ctx);
			atomic_store(&s->ready, false);
			atomic_store(&p->consumed, c + 1);
			if (!go_on)
				atomic_store(&p->stopped, true);
			if (atomic_load(&p->waiting)) {
				pthread_mutex_lock(&p->mu);
				pthread_cond_broadcast(&p->space);
				pthread_mutex_unlock(&p->mu);
			}
		}
		atomic_store(&p->draining, false);
	}
}

/* Waits until index i has a slot (the item a window earlier is consumed)
 * or the pool stopped. The count of waiters is raised before the check,
 * so a drainer that consumes after the check sees it and wakes us. */
static void wait_for_room(struct pool *p, size_t i)
{
	pthread_mutex_lock(&p->mu);
	atomic_fetch_add(&p->waiting, 1);
	/* A drainer at work wakes us with each slot it frees; a ready slot
	 * that nobody drains is ours to drain (spinning here cost more CPU
	 * than the lock it replaced). */
	while (!atomic_load(&p->stopped) && i >= atomic_load(&p->consumed) + p->window &&
	       (atomic_load(&p->draining) || !oldest_ready(p)))
		pthread_cond_wait(&p->space, &p->mu);
	atomic_fetch_sub(&p->waiting, 1);
	pthread_mutex_unlock(&p->mu);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	while (!atomic_load(&p->stopped)) {
		drain(p);
		size_t i = atomic_load(&p->next);
		if (i >= p->n)
			break;          /* the rest is parsed; whoever finishes it drains */
		if (i >= atomic_load(&p->consumed) + p->window) {
			wait_for_room(p, i);
			continue;
		}
		if (!atomic_compare_exchange_weak(&p->next, &i, i + 1))
			continue;
		/* The slot is ours: the item a window earlier has been consumed. */
		struct slot *s = &p->slots[i % p->window];
		diag_clear(s->d);
		s->r = p->load(p->lctx, i, p->paths[i], s->d);
		atomic_store(&s->ready, true);
	}
	drain(p);
	return NULL;
}

static bool run_inline(const char *const *paths, size_t n, pool_load_fn load, void *lctx,
                       pool_fn fn, void *ctx, char *err, size_t errlen)
{
	struct slot s = { .d = diag_list_new() };
	if (!s.d) {
		if (err)
			snprintf(err, errlen, "%s", _("out of memory"));
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		diag_clear(s.d);
		s.r = load(lctx, i, paths[i], s.d);
		ok = consume(&s, paths, i, fn, ctx);
	}
	diag_list_free(s.d);
	return ok;
}

static bool pool_init(struct pool *p, int threads)
{
	p->window = (size_t)threads * POOL_SLOTS_PER_THREAD;
	p->slots = mem_alloc(p->window * sizeof(*p->slots));
	if (!p->slots)
		return false;
	for (size_t i = 0; i < p->window; i++)
		if (!(p->slots[i].d = diag_list_new()))
			return false;
	return true;
}

static void pool_destroy(struct pool *p)
{
	for (size_t i = 0; p->slots && i < p->window; i++) {
		response_free(p->slots[i].r);
		diag_list_free(p->slots[i].d);
	}
	mem_free(p->slots);
}

static struct response *load_against(void *q, size_t index, const char *path, struct diag_list *d)
{
	(void)index;
	return response_load(path, q, d);
}

bool pool_for_each_response(const char *const *paths, size_t n, const struct questionnaire *q,
                            int threads, pool_fn fn, void *ctx, char *err, size_t errlen)
{
	return pool_for_each_load(paths, n, load_against, (void *)q, threads, fn, ctx, err, errlen);
}

bool pool_for_each_load(const char *const *paths, size_t n, pool_load_fn load, void *lctx,
                        int threads, pool_fn fn, void *ctx, char *err, size_t errlen)
{
	if (threads <= 0)
		threads = pool_default_threads();
	if (threads > POOL_MAX_THREADS)
		threads = POOL_MAX_THREADS;
	if ((size_t)threads > n)
		threads = n > 0 ? (int)n : 1;
	if (threads == 1)
		return run_inline(paths, n, load, lctx, fn, ctx, err, errlen);

	struct pool p = { .paths = paths, .n = n, .load = load, .lctx = lctx, .fn = fn, .ctx = ctx };
	if (!pool_init(&p, threads)) {
		pool_destroy(&p);
		if (err)
			snprintf(err, errlen, "%s", _("out of memory"));
		return false;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.space, NULL);
	pthread_t tid[POOL_MAX_THREADS];
	int started = 0;
	/* The caller's thread is one of the workers. */
	while (started < threads - 1 && pthread_create(&tid[started], NULL, worker, &p) == 0)
		started++;
	worker(&p);
	for (int i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	bool ok = !p.stopped;
	pthread_cond_destroy(&p.space);
	pthread_mutex_destroy(&p.mu);
	pool_destroy(&p);
	return ok;
}

/* ---- collecting paths ---- */

static bool push_path(struct pool_paths *p, char *s)
{
	char **v = mem_grow(p->v, &p->cap, p->n, sizeof *v, 64);
	if (!v)
		return false;
	p->v = v;
	p->v[p->n++] = s;
	return true;
}

/* Entries are stored as a kind letter followed by the name: 'd' a
 * directory, 'f' a regular file, '?' anything else (a symlink, or a file
 * system that does not say), which then costs a stat. */
static int cmp_entry(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static char entry_kind(const struct dirent *e)
{
	return e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : '?';
}

/* The entries of `dir` (hidden ones skipped), sorted by name. A
 * subdirectory that cannot be read is named and skipped, as a file that
 * cannot be read is (issue 13.14); the directory given is an error. */
static bool read_entries(const char *dir, bool top, struct pool_paths *names, struct diag_list *d)
{
	DIR *dp = opendir(dir);
	if (!dp && !top) {
		diag_warning(d, dir, 0, 0, _("cannot read the directory: %s; its files are skipped"), strerror(errno));
		return true;
	}
	if (!dp) {
		diag_error(d, dir, 0, 0, _("cannot read the directory: %s"), strerror(errno));
		return false;
	}
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(e->d_name);
		char *s = mem_alloc(len + 2);
		if (s) {
			s[0] = entry_kind(e);
			memcpy(s + 1, e->d_name, len + 1);
		}
		if (!s || !push_path(names, s)) {
			mem_free(s);
			diag_error(d, dir, 0, 0, "%s", _("out of memory"));
			ok = false;
		}
	}
	closedir(dp);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(char *), cmp_entry);
	return ok;
}

/* 'd', 'f' or 'x' (neither: skipped), following a symlink to a file but
 * not to a directory (no loops). */
static char resolve_kind(char kind, const char *full)
{
	struct stat st;
	if (kind != '?')
		return kind;
	if (lstat(full, &st) != 0)
		return 'x';             /* vanished meanwhile */
	if (S_ISDIR(st.st_mode))
		return 'd';
	if (S_ISLNK(st.st_mode) && stat(full, &st) != 0)
		return 'x';
	return S_ISREG(st.st_mode) ? 'f' : 'x';
}

static bool walk(struct pool_paths *p, struct pool_paths *skipped, const char *dir, int depth,
                 struct diag_list *d)
{
	if (depth > POOL_MAX_DEPTH) {
		diag_error(d, dir, 0, 0, _("directories nested deeper than %d levels are not read"), POOL_MAX_DEPTH);
		return false;
	}
	struct pool_paths names = { 0 };
	bool ok = read_entries(dir, depth == 0, &names, d);
	for (size_t i = 0; ok && i < names.n; i++) {
		const char *name = names.v[i] + 1;
		struct pool_paths *to;
		/* An unknown kind may be a directory: only known files are
		 * judged by their name before the stat. */
		if (names.v[i][0] == 'f' && !path_is_yaml(name) && !skipped)
			continue;
		char *full = path_join(dir, name);
		char kind = full ? resolve_kind(names.v[i][0], full) : 'x';
		if (!full) {
			diag_error(d, dir, 0, 0, "%s", _("out of memory"));
			ok = false;
		} else if (kind == 'd') {
			ok = walk(p, skipped, full, depth + 1, d);
		} else if (kind == 'f' && (to = path_is_yaml(name) ? p : skipped)) {
			if (push_path(to, full))
				continue;       /* the list owns it now */
			diag_error(d, dir, 0, 0, "%s", _("out of memory"));
			ok = false;
		}
		mem_free(full);
	}
	pool_paths_free(&names);
	return ok;
}

bool pool_paths_add(struct pool_paths *p, const char *path, struct diag_list *d)
{
	return pool_paths_collect(p, NULL, path, d);
}

bool pool_paths_collect(struct pool_paths *p, struct pool_paths *skipped, const char *path,
                        struct diag_list *d)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return walk(p, skipped, path, 0, d);
	char *s = mem_strdup(path);
	if (!s || !push_path(p, s)) {
		mem_free(s);
		diag_error(d, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	return true;
}

void pool_paths_free(struct pool_paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		mem_free(p->v[i]);
	mem_free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}
