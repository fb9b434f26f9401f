/* The respondents' files of a group, for `peil aggregate` and `peil
 * workshop` (cli_group_load in cli/cli.h): directories expanded, every file
 * parsed (on core/pool.h's worker threads) and checked against the
 * questionnaire, duplicates and other organisations warned about. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/response_session.h"

/* ---- the files: directories expanded (core/pool.h) ---- */

static bool expand_args(struct pool_paths *p, char *const *args, int nargs, struct diag_list *d)
{
	for (int i = 0; i < nargs; i++) {
		size_t before = p->n;
		struct stat st;
		if (!pool_paths_add(p, args[i], d))
			return false;
		if (p->n == before && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
			diag_warning(d, args[i], 0, 0, "%s", _("no *.yaml files in this directory"));
	}
	return true;
}

/* ---- duplicates: an open-addressing table of 64-bit keys ----
 * Sized once for the number of files (each file adds at most one entry):
 * no rehashing, and the slots are indexes into a dense list of entries,
 * so 10,000 files touch a few hundred KB, not megabytes of fresh pages. */

struct seen_entry {
	uint64_t a, b;          /* the identity: (device, inode), or (hash, 0) */
	char *key;              /* owned; NULL for keys that are numbers only */
	int file;
};

struct seen {
	uint32_t *slot;         /* 1 + index into v; 0: empty */
	size_t mask;
	struct seen_entry *v;
	size_t n, room;
};

/* Eight bytes per multiply: a byte-wise FNV over every note of 10,000
 * files was a chain of multiplies, each waiting for the last (issue 14).
 * The tail's length goes into its free top byte. */
static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 32);
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	for (; len >= 8; s += 8, len -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = mix(h, w);
	}
	uint64_t w = 0;
	memcpy(&w, s, len);
	return mix(h, w | (uint64_t)len << 56);
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	return hash_bytes(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void seen_init(struct seen *t, size_t files)
{
	size_t cap = 16;
	while (cap < 2 * files)
		cap *= 2;
	t->slot = xarray(cap, sizeof *t->slot);
	t->mask = cap - 1;
	t->v = xarray(files, sizeof *t->v);
	t->room = files;
}

/* Returns the file that had this key before (and keeps the old one), or
 * -1 after adding it. h places the key; a, b and key identify it. */
static int seen_add(struct seen *t, uint64_t h, uint64_t a, uint64_t b, const char *key, int file)
{
	size_t j = h & t->mask;
	for (; t->slot[j]; j = (j + 1) & t->mask) {
		const struct seen_entry *e = &t->v[t->slot[j] - 1];
		if (e->a == a && e->b == b && (!key || !strcmp(key, e->key)))
			return e->file;
	}
	if (t->n == t->room)    /* not reached: one entry per file at most */
		return -1;
	t->v[t->n] = (struct seen_entry){ a, b, xstrdup(key), file };
	t->slot[j] = (uint32_t)++t->n;
	return -1;
}

static void seen_free(struct seen *t)
{
	for (size_t i = 0; i < t->n; i++)
		mem_free(t->v[i].key);
	mem_free(t->v);
	mem_free(t->slot);
}

/* A hash of everything a response file says: byte-identical files (a copy
 * handed in twice) always agree, and so do re-saved copies. */
static uint64_t content_hash(const struct questionnaire *q, const struct response *r)
{
	uint64_t h = 14695981039346656037ULL;
	h = hash_str(h, response_organisation(r));
	h = hash_str(h, response_respondent(r));
	h = hash_str(h, response_role(r));
	h = hash_str(h, response_date(r));
	long pop = response_population(r);
	h = hash_bytes(h, &pop, sizeof pop);
	for (int d = 0; d < q->ndomains; d++) {
		int t = -1;
		response_own_target(r, d, &t);
		h = hash_bytes(h, &t, sizeof t);
	}
	for (int i = 0; i < q->nquestions; i++) {
		const struct answer *a = response_answer(r, i);
		int fixed[2] = { (int)a->status, a->level };
		h = hash_bytes(h, fixed, sizeof fixed);
		h = hash_str(h, a->note);
		for (int e = 0; e < a->nevidence; e++)
			h = hash_str(h, a->evidence[e]);
		if (a->votes)
			h = hash_bytes(h, a->votes, (size_t)q->nlevels * sizeof(int));
	}
	return h;
}

/* ---- loading a group ---- */

struct loader {
	const struct questionnaire *q;
	struct pool_paths paths;
	struct seen inodes, contents, people;
	char *organisation;     /* the first valid file's */
	const char *differs;    /* its warning, translated once: a group of
	                         * other organisations' files warns per file */
	int organisation_file;
	struct diag_list *d;    /* this file's messages */
	int warnings;
	bool drop_copies;
	FILE *out;              /* where messages go */
};

#define warn(L, path, ...) diag_warning((L)->d, path, 0, 0, __VA_ARGS__)

/* False: leave the file out (it is one already counted). */
static bool check_file(struct loader *L, int i)
{
	struct stat st;
	const char *path = L->paths.v[i];
	if (stat(path, &st) != 0)
		return true;    /* the load says why */
	int was = seen_add(&L->inodes, hash_bytes((uint64_t)st.st_dev, &st.st_ino, sizeof st.st_ino),
	                   (uint64_t)st.st_dev, (uint64_t)st.st_ino, NULL, i);
	if (was >= 0)
		warn(L, path, _("the same file as %s; counted once"), L->paths.v[was]);
	return was < 0;
}

/* 1: count it; 0: leave it out (a copy, with drop_copies). */
static int check_response(struct loader *L, int i, const struct response *r)
{
	const char *path = L->paths.v[i];
	uint64_t h = content_hash(L->q, r);
	int was = seen_add(&L->contents, h, h, 0, NULL, i);
	if (was >= 0 && L->drop_copies) {
		/* A file handed in twice would count one person twice. */
		warn(L, path, _("exactly the same answers as %s: a copy, counted once"), L->paths.v[was]);
		return 0;
	}
	if (was >= 0)
		warn(L, path, _("exactly the same answers as %s (a copy?); both are counted"), L->paths.v[was]);
	const char *who = response_respondent(r), *org = response_organisation(r);
	if (who && was < 0) {
		size_t len = strlen(org) + strlen(who) + 2;
		char *key = xmalloc(len);
		snprintf(key, len, "%s%c%s", org, 1, who);
		uint64_t hk = hash_str(14695981039346656037ULL, key);
		int prev = seen_add(&L->people, hk, hk, 0, key, i);
		free(key);
		if (prev >= 0)
			warn(L, path, _("respondent '%s' also answered in %s; both are counted"), who, L->paths.v[prev]);
	}
	if (!L->organisation) {
		L->organisation_file = i;
		L->organisation = xstrdup(org);
		return 1;
	}
	if (strcmp(L->organisation, org) != 0) {
		if (!L->differs)
			L->differs = _("organisation '%s' differs from '%s' in %s");
		warn(L, path, L->differs, org, L->organisation, L->paths.v[L->organisation_file]);
	}
	return 1;
}

static void loader_free(struct loader *L)
{
	pool_paths_free(&L->paths);
	seen_free(&L->inodes);
	seen_free(&L->contents);
	seen_free(&L->people);
	mem_free(L->organisation);
}

/* Prints and forgets one file's diagnostics, so memory stays flat. */
static size_t flush_diags(struct loader *L, struct diag_list *d)
{
	size_t errors = diag_errors(d);
	L->warnings += (int)(diag_count(d) - errors);
	diag_print(d, L->out, true);
	diag_clear(d);
	return errors;
}

/* Files are parsed on worker threads (core/pool.h) and handed to take_file
 * one at a time, in order, on this thread: the checks and fn need no lock. */
struct load_state {
	struct loader *L;
	struct diag_list *d;
	cli_group_fn fn;
	void *ctx;
	size_t errors;
	int loaded;
	bool oom;
};

/* A merged group file: participants, or votes on any question. */
static bool is_group_file(const struct questionnaire *q, const struct response *r)
{
	if (response_participants(r) > 0 || response_session(r)->kind != SESSION_NONE)
		return true;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct answer *a = response_answer(r, qi);
		if (a->votes || a->votes_na || a->votes_unknown || a->nrounds)
			return true;
	}
	return false;
}

static bool stop_oom(struct load_state *st)
{
	st->oom = true;
	return false;
}

static bool take_file(void *arg, struct pool_item *it)
{
	struct load_state *st = arg;
	struct loader *L = st->L;
	int i = (int)it->index;
	bool use = check_file(L, i);
	struct response *r = NULL;
	if (use) {      /* a file counted once already: its parse is dropped */
		size_t errors = diag_errors(it->diags);
		L->warnings += (int)(diag_count(it->diags) - errors);
		st->errors += errors;
		diag_print(it->diags, L->out, true);
		r = it->r;
	}
	if (r && is_group_file(L->q, r)) {
		/* Written by an earlier aggregate or workshop, perhaps into this
		 * very directory: counting its votes as one more respondent would
		 * skew every figure (issue 13.11). Not a warning: --strict runs
		 * that rewrite DIR/group.yaml must keep working. */
		cli_diag(L->out, it->path, 1, 1, DIAG_NOTE, "%s",
		         _("a merged group file (it carries votes), not one respondent's answers; left out"));
		r = NULL;       /* it->r still owns it */
	}
	int use_it = r ? check_response(L, i, r) : 0;
	if (use_it == 0)
		r = NULL;       /* a copy: it->r still owns it */
	st->errors += flush_diags(L, st->d);
	if (r) {
		it->r = NULL;                   /* fn owns it now */
		st->loaded++;
		if (!st->fn(st->ctx, it->path, r))
			return stop_oom(st);
	}
	return true;
}

static int load_all(struct loader *L, struct diag_list *d, cli_group_fn fn, void *ctx)
{
	struct load_state st = { .L = L, .d = d, .fn = fn, .ctx = ctx };
	char err[256] = "";
	seen_init(&L->inodes, L->paths.n);
	seen_init(&L->contents, L->paths.n);
	seen_init(&L->people, L->paths.n);
	if (!pool_for_each_response((const char *const *)L->paths.v, (size_t)L->paths.n, L->q, 0,
	                            take_file, &st, err, sizeof err)) {
		cli_printf(L->out, "peil: %s\n", st.oom || !*err ? _("out of memory") : err);
		return EXIT_INVALID;
	}
	if (st.errors > 0) {
		cli_printf(L->out, _("peil: %d of %d files could not be used; nothing was written\n"),
		        (int)L->paths.n - st.loaded, (int)L->paths.n);
		return EXIT_INVALID;
	}
	if (st.loaded == 0) {   /* every file was a group's (or a copy): nobody's answers to count */
		cli_printf(L->out, "peil: %s\n", _("no respondent's file is left once the session and group files "
		                                    "are left out"));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

int cli_group_load(const char *qarg, char *const *args, int nargs, const struct cli_group_opts *o,
                   struct questionnaire **q, cli_group_fn fn, void *ctx)
{
	struct diag_list *d = diag_list_new();
	struct loader L = { .d = d, .drop_copies = o && o->drop_copies, .out = o && o->out ? o->out : stderr };
	/* stderr writes each message at once: 10,000 files of other
	 * organisations are 10,000 system calls. A buffered stream on the same
	 * descriptor (line-buffered on a terminal) writes them in blocks; all
	 * of this function's messages go through it, so their order holds. */
	FILE *own = NULL;
	if (L.out == stderr) {
		int fd = dup(STDERR_FILENO);
		own = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (!own && fd >= 0)
			close(fd);
		L.out = own ? own : stderr;
	}
	bool strict = o && o->strict;
	int rc = EXIT_INVALID;
	*q = NULL;
	if (!d) {
		cli_printf(L.out, "peil: %s\n", _("out of memory"));
		goto out;
	}
	bool listed = expand_args(&L.paths, args, nargs, d);
	if (flush_diags(&L, d) > 0 || !listed)
		goto out;
	if (L.paths.n == 0) {
		cli_printf(L.out, "peil: %s\n", _("no response files found"));
		goto out;
	}
	/* Its authoring warnings are the questionnaire author's business. */
	*q = cli_load_questionnaire(qarg, L.paths.v[0], d);
	diag_print(d, L.out, false);
	diag_clear(d);
	if (!*q)
		goto out;
	L.q = *q;
	rc = load_all(&L, d, fn, ctx);
	if (rc == EXIT_OK && strict && L.warnings > 0) {
		cli_printf(L.out, _("peil: %d warnings, and --strict makes them errors; nothing was written\n"),
		        L.warnings);
		rc = EXIT_INVALID;
	}
out:
	if (own)
		fclose(own);
	loader_free(&L);
	diag_list_free(d);
	return rc;
}
