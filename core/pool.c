/* Parallel loading of response files: workers claim files by index, the
 * caller's thread consumes them in order through a ring of slots. */
#include "core/pool.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/mem.h"

enum { POOL_MAX_THREADS = 64, POOL_SLOTS_PER_THREAD = 4, POOL_MAX_DEPTH = 32 };

struct slot {
	struct response *r;
	struct diag_list *d;
	bool ready;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t filled;          /* a slot became ready: the consumer waits */
	pthread_cond_t space;           /* a slot was consumed: workers wait */
	const char *const *paths;
	size_t n;
	const struct questionnaire *q;
	size_t next;                    /* next index a worker claims */
	size_t consumed;                /* items handed to the callback so far */
	size_t window;                  /* number of slots */
	bool stop;
	struct slot *slots;
};

int pool_default_threads(void)
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

static void *worker(void *arg)
{
	struct pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next < p->n && p->next >= p->consumed + p->window)
			pthread_cond_wait(&p->space, &p->mu);
		if (p->stop || p->next >= p->n)
			break;
		size_t i = p->next++;
		struct slot *s = &p->slots[i % p->window];
		pthread_mutex_unlock(&p->mu);
		/* The slot is ours: the item window places before us is consumed. */
		diag_clear(s->d);
		struct response *r = response_load(p->paths[i], p->q, s->d);
		pthread_mutex_lock(&p->mu);
		s->r = r;
		s->ready = true;
		pthread_cond_signal(&p->filled);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
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

static bool run_inline(const char *const *paths, size_t n, const struct questionnaire *q,
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
		s.r = response_load(paths[i], q, s.d);
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
	return pthread_mutex_init(&p->mu, NULL) == 0;
}

static void pool_destroy(struct pool *p)
{
	for (size_t i = 0; p->slots && i < p->window; i++) {
		response_free(p->slots[i].r);
		diag_list_free(p->slots[i].d);
	}
	mem_free(p->slots);
}

/* The consumer loop, on the caller's thread. */
static bool consume_all(struct pool *p, pool_fn fn, void *ctx)
{
	for (size_t i = 0; i < p->n; i++) {
		struct slot *s = &p->slots[i % p->window];
		pthread_mutex_lock(&p->mu);
		while (!s->ready)
			pthread_cond_wait(&p->filled, &p->mu);
		pthread_mutex_unlock(&p->mu);
		bool go_on = consume(s, p->paths, i, fn, ctx);
		pthread_mutex_lock(&p->mu);
		s->ready = false;
		p->consumed++;
		p->stop = !go_on;
		pthread_cond_broadcast(&p->space);
		pthread_mutex_unlock(&p->mu);
		if (!go_on)
			return false;
	}
	return true;
}

bool pool_for_each_response(const char *const *paths, size_t n, const struct questionnaire *q,
                            int threads, pool_fn fn, void *ctx, char *err, size_t errlen)
{
	if (threads <= 0)
		threads = pool_default_threads();
	if (threads > POOL_MAX_THREADS)
		threads = POOL_MAX_THREADS;
	if ((size_t)threads > n)
		threads = n > 0 ? (int)n : 1;
	if (threads == 1)
		return run_inline(paths, n, q, fn, ctx, err, errlen);

	struct pool p = { .paths = paths, .n = n, .q = q };
	if (!pool_init(&p, threads)) {
		pool_destroy(&p);
		if (err)
			snprintf(err, errlen, "%s", _("out of memory"));
		return false;
	}
	pthread_cond_init(&p.filled, NULL);
	pthread_cond_init(&p.space, NULL);
	pthread_t tid[POOL_MAX_THREADS];
	int started = 0;
	for (; started < threads; started++)
		if (pthread_create(&tid[started], NULL, worker, &p) != 0)
			break;
	bool ok;
	if (started == 0) {
		ok = false;
		if (err)
			snprintf(err, errlen, "%s", _("cannot start a thread"));
	} else {
		ok = consume_all(&p, fn, ctx);
	}
	pthread_mutex_lock(&p.mu);
	p.stop = true;
	pthread_cond_broadcast(&p.space);
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_cond_destroy(&p.filled);
	pthread_cond_destroy(&p.space);
	pthread_mutex_destroy(&p.mu);
	pool_destroy(&p);
	return ok;
}

/* ---- collecting paths ---- */

static bool push_path(struct pool_paths *p, char *s)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		char **v = mem_realloc(p->v, cap * sizeof(*v));
		if (!v)
			return false;
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n++] = s;
	return true;
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] == '/';
	char *s = mem_alloc(a + b + 2);
	if (s)
		snprintf(s, a + b + 2, "%s%s%s", dir, slash ? "" : "/", name);
	return s;
}

static bool is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in `dir` (hidden ones skipped), sorted; caller frees. */
static bool read_names(const char *dir, struct pool_paths *names, struct diag_list *d)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		diag_error(d, dir, 0, 0, _("cannot read the directory: %s"), strerror(errno));
		return false;
	}
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *s = mem_strdup(e->d_name);
		if (!s || !push_path(names, s)) {
			mem_free(s);
			diag_error(d, dir, 0, 0, "%s", _("out of memory"));
			ok = false;
		}
	}
	closedir(dp);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(char *), cmp_str);
	return ok;
}

static bool walk(struct pool_paths *p, const char *dir, int depth, struct diag_list *d)
{
	if (depth > POOL_MAX_DEPTH) {
		diag_error(d, dir, 0, 0, _("directories nested deeper than %d levels are not read"), POOL_MAX_DEPTH);
		return false;
	}
	struct pool_paths names = { 0 };
	bool ok = read_names(dir, &names, d);
	for (size_t i = 0; ok && i < names.n; i++) {
		char *full = join(dir, names.v[i]);
		struct stat st;
		if (!full) {
			diag_error(d, dir, 0, 0, "%s", _("out of memory"));
			ok = false;
		} else if (lstat(full, &st) != 0) {
			mem_free(full);                 /* vanished meanwhile */
		} else if (S_ISDIR(st.st_mode)) {
			ok = walk(p, full, depth + 1, d);
			mem_free(full);
		} else if (is_yaml_name(names.v[i]) &&
		           (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(full, &st) == 0 &&
		                                    S_ISREG(st.st_mode)))) {
			if (!push_path(p, full)) {
				mem_free(full);
				diag_error(d, dir, 0, 0, "%s", _("out of memory"));
				ok = false;
			}
		} else {
			mem_free(full);
		}
	}
	pool_paths_free(&names);
	return ok;
}

bool pool_paths_add(struct pool_paths *p, const char *path, struct diag_list *d)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return walk(p, path, 0, d);
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
