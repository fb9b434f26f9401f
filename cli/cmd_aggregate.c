/* peil aggregate [-q Q] FILE|DIR... [-o MERGED] [--format text|json] [--strict]
 * Merges respondents' files: group statistics and where the group disagrees.
 * Also home of cli_group_load(), which `peil workshop` uses for its files. */
#include <dirent.h>
#include <getopt.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/text.h"
#include "exports/jsonw.h"
#include "scoring/group.h"

/* ---- the files: directories expanded ---- */

struct paths {
	char **v;
	int n, cap;
};

static bool paths_push(struct paths *p, const char *s)
{
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 64;
		char **v = mem_realloc(p->v, (size_t)cap * sizeof *v);
		if (!v)
			return false;
		p->v = v;
		p->cap = cap;
	}
	if (!(p->v[p->n] = mem_strdup(s)))
		return false;
	p->n++;
	return true;
}

static void paths_free(struct paths *p)
{
	for (int i = 0; i < p->n; i++)
		mem_free(p->v[i]);
	mem_free(p->v);
}

/* By bytes, not by locale: the same order on every machine. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

/* Every *.yaml below dir, sorted by name per directory. Hidden entries
 * (editors' and peil's temporary files) and symlinked directories (loops)
 * are skipped. */
static bool expand_dir(struct paths *p, const char *dir, int depth, struct diag_list *d)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, by_name);
	if (n < 0) {
		diag_error(d, dir, 0, 0, "%s", _("cannot read the directory"));
		return true;
	}
	bool ok = true;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t dl = strlen(dir), len = dl + strlen(name) + 2;
		char *full = ok && name[0] != '.' ? mem_alloc(len) : NULL;
		struct stat st;
		if (full) {
			snprintf(full, len, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
			if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (depth < 32)
					ok = expand_dir(p, full, depth + 1, d);
			} else if (is_yaml(name) && stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
				ok = paths_push(p, full);
			}
		} else if (ok && name[0] != '.') {
			ok = false;
		}
		mem_free(full);
		free(names[i]);
	}
	free(names);
	return ok;
}

static bool expand_args(struct paths *p, char *const *args, int nargs, struct diag_list *d)
{
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		int before = p->n;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!expand_dir(p, args[i], 0, d))
				return false;
			if (p->n == before)
				diag_warning(d, args[i], 0, 0, "%s", _("no *.yaml files in this directory"));
		} else if (!paths_push(p, args[i])) {
			return false;
		}
	}
	return true;
}

/* ---- duplicates: a small open-addressing table of 64-bit keys ---- */

struct seen_entry {
	uint64_t h, a, b;       /* h == 0: empty slot */
	int file;
	char *key;              /* owned; NULL for keys that are numbers only */
};

struct seen {
	struct seen_entry *v;
	size_t cap, n;
};

static uint64_t fnv(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < len; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static bool seen_grow(struct seen *t)
{
	size_t cap = t->cap ? t->cap * 2 : 256;
	struct seen_entry *v = mem_alloc(cap * sizeof *v);
	if (!v)
		return false;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->v[i].h)
			continue;
		size_t j = t->v[i].h & (cap - 1);
		while (v[j].h)
			j = (j + 1) & (cap - 1);
		v[j] = t->v[i];
	}
	mem_free(t->v);
	t->v = v;
	t->cap = cap;
	return true;
}

/* Returns the file that had this key before (and keeps the old one), or
 * -1 after adding it; -2 when memory runs out. */
static int seen_add(struct seen *t, uint64_t h, uint64_t a, uint64_t b, const char *key, int file)
{
	h |= 1;
	if (t->n * 2 >= t->cap && !seen_grow(t))
		return -2;
	size_t j = h & (t->cap - 1);
	for (; t->v[j].h; j = (j + 1) & (t->cap - 1)) {
		const struct seen_entry *e = &t->v[j];
		if (e->h == h && e->a == a && e->b == b && (!key || !strcmp(key, e->key)))
			return e->file;
	}
	char *copy = NULL;
	if (key && !(copy = mem_strdup(key)))
		return -2;
	t->v[j] = (struct seen_entry){ h, a, b, file, copy };
	t->n++;
	return -1;
}

static void seen_free(struct seen *t)
{
	for (size_t i = 0; i < t->cap; i++)
		mem_free(t->v[i].key);
	mem_free(t->v);
}

/* A hash of everything a response file says: byte-identical files (a copy
 * handed in twice) always agree, and so do re-saved copies. */
static uint64_t content_hash(const struct questionnaire *q, const struct response *r)
{
	uint64_t h = 14695981039346656037ULL;
	h = fnv_str(h, response_organisation(r));
	h = fnv_str(h, response_respondent(r));
	h = fnv_str(h, response_role(r));
	h = fnv_str(h, response_date(r));
	long pop = response_population(r);
	h = fnv(h, &pop, sizeof pop);
	for (int d = 0; d < q->ndomains; d++) {
		int t = -1;
		response_own_target(r, d, &t);
		h = fnv(h, &t, sizeof t);
	}
	for (int i = 0; i < q->nquestions; i++) {
		const struct answer *a = response_answer(r, i);
		int fixed[2] = { (int)a->status, a->level };
		h = fnv(h, fixed, sizeof fixed);
		h = fnv_str(h, a->note);
		for (int e = 0; e < a->nevidence; e++)
			h = fnv_str(h, a->evidence[e]);
		if (a->votes)
			h = fnv(h, a->votes, (size_t)q->nlevels * sizeof(int));
	}
	return h;
}

/* ---- loading a group ---- */

struct loader {
	const struct questionnaire *q;
	struct paths paths;
	struct seen inodes, contents, people;
	char *organisation;     /* the first valid file's */
	int organisation_file;
	struct diag_list *d;    /* this file's messages */
	int warnings;
};

#define warn(L, path, ...) diag_warning((L)->d, path, 0, 0, __VA_ARGS__)

/* False: leave the file out (it is one already counted). -2 from the table
 * means out of memory, which `*oom` reports. */
static bool check_file(struct loader *L, int i, bool *oom)
{
	struct stat st;
	const char *path = L->paths.v[i];
	if (stat(path, &st) != 0)
		return true;    /* the load says why */
	int was = seen_add(&L->inodes, fnv((uint64_t)st.st_dev, &st.st_ino, sizeof st.st_ino),
	                   (uint64_t)st.st_dev, (uint64_t)st.st_ino, NULL, i);
	*oom = was == -2;
	if (was >= 0)
		warn(L, path, _("the same file as %s; counted once"), L->paths.v[was]);
	return was < 0;
}

static bool check_response(struct loader *L, int i, const struct response *r)
{
	const char *path = L->paths.v[i];
	int was = seen_add(&L->contents, content_hash(L->q, r), 0, 0, NULL, i);
	if (was == -2)
		return false;
	if (was >= 0)
		warn(L, path, _("exactly the same answers as %s (a copy?); both are counted"), L->paths.v[was]);
	const char *who = response_respondent(r), *org = response_organisation(r);
	if (who && was < 0) {
		size_t len = strlen(org) + strlen(who) + 2;
		char *key = mem_alloc(len);
		if (!key)
			return false;
		snprintf(key, len, "%s%c%s", org, 1, who);
		int prev = seen_add(&L->people, fnv_str(14695981039346656037ULL, key), 0, 0, key, i);
		mem_free(key);
		if (prev == -2)
			return false;
		if (prev >= 0)
			warn(L, path, _("respondent '%s' also answered in %s; both are counted"), who, L->paths.v[prev]);
	}
	if (!L->organisation) {
		L->organisation_file = i;
		return (L->organisation = mem_strdup(org)) != NULL;
	}
	if (strcmp(L->organisation, org) != 0)
		warn(L, path, _("organisation '%s' differs from '%s' in %s"), org, L->organisation,
		     L->paths.v[L->organisation_file]);
	return true;
}

static void loader_free(struct loader *L)
{
	paths_free(&L->paths);
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
	diag_print(d, stderr, true);
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
	bool oom = false, use = check_file(L, i, &oom);
	if (oom)
		return stop_oom(st);
	struct response *r = NULL;
	if (use) {      /* a file counted once already: its parse is dropped */
		size_t errors = diag_errors(it->diags);
		L->warnings += (int)(diag_count(it->diags) - errors);
		st->errors += errors;
		diag_print(it->diags, stderr, true);
		r = it->r;
	}
	if (r && !check_response(L, i, r))
		return stop_oom(st);
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
	if (!pool_for_each_response((const char *const *)L->paths.v, (size_t)L->paths.n, L->q, 0,
	                            take_file, &st, err, sizeof err)) {
		fprintf(stderr, "peil: %s\n", st.oom || !*err ? _("out of memory") : err);
		return EXIT_INVALID;
	}
	if (st.errors > 0) {
		fprintf(stderr, _("peil: %d of %d files could not be used; nothing was written\n"),
		        L->paths.n - st.loaded, L->paths.n);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

int cli_group_load(const char *qarg, char *const *args, int nargs, bool strict,
                   struct questionnaire **q, cli_group_fn fn, void *ctx)
{
	struct diag_list *d = diag_list_new();
	struct loader L = { .d = d };
	int rc = EXIT_INVALID;
	*q = NULL;
	if (!d || !expand_args(&L.paths, args, nargs, d)) {
		fprintf(stderr, "peil: %s\n", _("out of memory"));
		goto out;
	}
	if (flush_diags(&L, d) > 0)
		goto out;
	if (L.paths.n == 0) {
		fprintf(stderr, "peil: %s\n", _("no response files found"));
		goto out;
	}
	/* Its authoring warnings are the questionnaire author's business. */
	*q = cli_load_questionnaire(qarg, L.paths.v[0], d);
	diag_print(d, stderr, false);
	diag_clear(d);
	if (!*q)
		goto out;
	L.q = *q;
	rc = load_all(&L, d, fn, ctx);
	if (rc == EXIT_OK && strict && L.warnings > 0) {
		fprintf(stderr, _("peil: %d warnings, and --strict makes them errors; nothing was written\n"),
		        L.warnings);
		rc = EXIT_INVALID;
	}
out:
	loader_free(&L);
	diag_list_free(d);
	return rc;
}

/* ---- the command ---- */

struct agg {
	struct group_acc *acc;
	const struct questionnaire *q;
	char *organisation;     /* the first file's */
	char date[11];          /* the latest answer's */
	long population;
	int *target;            /* per domain: -1 none yet, -2 respondents differ */
	bool oom;
};

static void note_targets(struct agg *A, const struct response *r)
{
	for (int d = 0; d < A->q->ndomains; d++) {
		int t;
		if (!response_own_target(r, d, &t) || A->target[d] == -2)
			continue;
		A->target[d] = A->target[d] == -1 || A->target[d] == t ? t : -2;
	}
}

static bool agg_add(void *ctx, const char *path, struct response *r)
{
	struct agg *A = ctx;
	(void)path;
	if (!A->acc) {
		A->q = response_questionnaire(r);
		A->acc = group_acc_new(A->q);
		A->organisation = mem_strdup(response_organisation(r));
		A->target = mem_alloc((size_t)(A->q->ndomains ? A->q->ndomains : 1) * sizeof(int));
		A->population = -1;
		for (int d = 0; A->target && d < A->q->ndomains; d++)
			A->target[d] = -1;
	}
	bool ok = A->acc && A->organisation && A->target && group_acc_add(A->acc, r);
	if (ok) {
		if (strcmp(response_date(r), A->date) > 0)
			memcpy(A->date, response_date(r), sizeof A->date);
		if (A->population < 0)
			A->population = response_population(r);
		note_targets(A, r);
	}
	response_free(r);       /* memory stays flat however many files */
	return ok;
}

static bool utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && !strcmp(cs, "UTF-8");
}

/* Pads by code points, so accented titles line up. */
static void cell(FILE *f, const char *s, int width)
{
	int n = (int)text_codepoints(s);
	fputs(s, f);
	for (; n < width; n++)
		fputc(' ', f);
}

/* One glyph per level, height relative to the most chosen level. */
static void histogram(FILE *f, const struct questionnaire *q, const struct group_question *g, int width)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ascii[] = "123456789";
	bool u = utf8();
	int top = 0;
	for (int i = 0; i < q->nlevels; i++)
		top = g->counts[i] > top ? g->counts[i] : top;
	for (int i = 0; i < q->nlevels; i++) {
		int c = g->counts[i];
		if (c == 0)
			fputs(u ? "·" : ".", f);
		else if (u)
			fputs(bars[(c * 8 + top - 1) / top - 1], f);
		else
			fputc(ascii[(c * 9 + top - 1) / top - 1], f);
	}
	for (int i = q->nlevels; i < width; i++)
		fputc(' ', f);
}

static void figure(FILE *f, bool has, const char *fmt, double v, int width)
{
	char buf[32];
	if (has)
		snprintf(buf, sizeof buf, fmt, v);
	else
		snprintf(buf, sizeof buf, "%s", utf8() ? "—" : "-");
	cell(f, buf, width);
}

static void question_row(FILE *f, const struct questionnaire *q, const struct group_question *g,
                         int qi, int lang, int hw)
{
	char buf[64];
	fputs(g->contested ? "! " : "  ", f);
	histogram(f, q, g, hw);
	snprintf(buf, sizeof buf, "%d", g->n);
	cell(f, buf, 4);
	figure(f, g->has_stats, "%.2f", g->mean, 6);
	figure(f, g->has_stats, g->median == (int)g->median ? "%.0f" : "%.1f", g->median, 7);
	if (!g->has_stats)
		snprintf(buf, sizeof buf, "%s", utf8() ? "—" : "-");
	else if (g->min == g->max)
		snprintf(buf, sizeof buf, "%d", g->min);
	else
		snprintf(buf, sizeof buf, "%d%s%d", g->min, utf8() ? "–" : "-", g->max);
	cell(f, buf, 7);
	figure(f, g->has_stats, "%.2f", g->sd, 6);
	figure(f, g->has_stats, "%.2f", g->consensus, 10);
	fprintf(f, "%s: %s", q->questions[qi].id, qn_str(q, &q->questions[qi].text, lang));
	if (g->na)
		fprintf(f, _(" (not applicable: %d)"), g->na);
	if (g->unknown)
		fprintf(f, _(" (don't know: %d)"), g->unknown);
	fputc('\n', f);
}

static void print_legend(FILE *f, const struct questionnaire *q, int lang)
{
	fprintf(f, _("! contested: consensus below %.1f, or answers %d or more levels apart.\n"),
	        GROUP_CONTESTED_CONSENSUS, GROUP_CONTESTED_RANGE);
	fprintf(f, "%s", _("Votes: one column per level,"));
	for (int i = 0; i < q->nlevels; i++)
		fprintf(f, " %d %s%s", q->levels[i].value, qn_level_label(q, q->levels[i].value, lang),
		        i + 1 < q->nlevels ? "," : ".\n");
}

static void print_domains(FILE *f, const struct questionnaire *q, const struct group_stats *s, int lang)
{
	int w = 10;
	for (int d = 0; d < q->ndomains; d++) {
		int n = (int)text_codepoints(qn_str(q, &q->domains[d].title, lang));
		w = n > w ? (n < 40 ? n : 40) : w;
	}
	fprintf(f, "\n%s\n", _("Domain scores of the respondents"));
	cell(f, _("Domain"), w + 2);
	cell(f, "n", 5);
	cell(f, _("Mean"), 7);
	cell(f, _("Min"), 7);
	fprintf(f, "%s\n", _("Max"));
	for (int d = 0; d < q->ndomains; d++) {
		const struct group_domain *g = &s->domains[d];
		char n[16];
		snprintf(n, sizeof n, "%d", g->n);
		cell(f, qn_str(q, &q->domains[d].title, lang), w + 2);
		cell(f, n, 5);
		figure(f, g->has_stats, "%.2f", g->mean, 7);
		figure(f, g->has_stats, "%.2f", g->min, 7);
		figure(f, g->has_stats, "%.2f", g->max, 0);
		fputc('\n', f);
	}
}

static void print_text(FILE *f, const struct questionnaire *q, const struct group_stats *s,
                       const char *organisation)
{
	int lang = cli_lang(q), contested = 0;
	int hw = q->nlevels > 5 ? q->nlevels + 2 : 7;
	int *order = mem_alloc((size_t)(q->nquestions ? q->nquestions : 1) * sizeof(int));
	if (!order)
		return;
	group_order(s, order);
	for (int i = 0; i < q->nquestions; i++)
		contested += s->questions[i].contested;
	fprintf(f, "%s (%s %s)\n", qn_str(q, &q->title, lang), q->id, q->version);
	fprintf(f, _("%s: %d respondents; %d of %d questions contested\n\n"), organisation,
	        s->respondents, contested, q->nquestions);
	fputs("  ", f);
	cell(f, _("Votes"), hw);
	cell(f, "n", 4);
	cell(f, _("Mean"), 6);
	cell(f, _("Median"), 7);
	cell(f, _("Range"), 7);
	cell(f, _("SD"), 6);
	cell(f, _("Consensus"), 10);
	fprintf(f, "%s\n", _("Question"));
	for (int i = 0; i < q->nquestions; i++)
		question_row(f, q, &s->questions[order[i]], order[i], lang, hw);
	fputc('\n', f);
	print_legend(f, q, lang);
	print_domains(f, q, s, lang);
	mem_free(order);
}

static void number_or_null(struct jsonw *w, const char *key, bool has, double v)
{
	if (has)
		jsonw_knumber(w, key, v);
	else
		jsonw_knull(w, key);
}

static void json_question(struct jsonw *w, const struct questionnaire *q, const struct group_question *g, int qi)
{
	const struct qn_question *qu = &q->questions[qi];
	jsonw_object(w);
	jsonw_kstring(w, "id", qu->id);
	jsonw_kstring(w, "domain", q->domains[qu->domain].id);
	jsonw_kint(w, "n", g->n);
	jsonw_key(w, "counts");
	jsonw_object(w);
	for (int i = 0; i < q->nlevels; i++) {
		char key[16];
		snprintf(key, sizeof key, "%d", q->levels[i].value);
		jsonw_kint(w, key, g->counts[i]);
	}
	jsonw_object_end(w);
	number_or_null(w, "mean", g->has_stats, g->mean);
	number_or_null(w, "median", g->has_stats, g->median);
	number_or_null(w, "min", g->has_stats, g->min);
	number_or_null(w, "max", g->has_stats, g->max);
	number_or_null(w, "sd", g->has_stats, g->sd);
	number_or_null(w, "consensus", g->has_stats, g->consensus);
	jsonw_kbool(w, "contested", g->contested);
	jsonw_kint(w, "na", g->na);
	jsonw_kint(w, "unknown", g->unknown);
	jsonw_kint(w, "open", g->open);
	jsonw_object_end(w);
}

static void print_json(FILE *f, const struct questionnaire *q, const struct group_stats *s)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_key(&w, "questionnaire");
	jsonw_object(&w);
	jsonw_kstring(&w, "id", q->id);
	jsonw_kstring(&w, "version", q->version);
	jsonw_object_end(&w);
	jsonw_kint(&w, "respondents", s->respondents);
	jsonw_key(&w, "questions");
	jsonw_array(&w);
	for (int i = 0; i < q->nquestions; i++)
		json_question(&w, q, &s->questions[i], i);
	jsonw_array_end(&w);
	jsonw_key(&w, "domains");
	jsonw_array(&w);
	for (int d = 0; d < q->ndomains; d++) {
		const struct group_domain *g = &s->domains[d];
		jsonw_object(&w);
		jsonw_kstring(&w, "id", q->domains[d].id);
		jsonw_kint(&w, "n", g->n);
		number_or_null(&w, "mean", g->has_stats, g->mean);
		number_or_null(&w, "min", g->has_stats, g->min);
		number_or_null(&w, "max", g->has_stats, g->max);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}

/* The merged response file: votes and proposals (see group_apply). */
static int write_merged(const struct agg *A, const struct group_stats *s, const char *out)
{
	const struct questionnaire *q = A->q;
	struct response *r = response_new(q, A->organisation);
	char who[64], err[512];
	snprintf(who, sizeof who, _("group of %d"), s->respondents);
	bool ok = r && response_set_respondent(r, who) && group_apply(q, s, r);
	for (int d = 0; ok && d < q->ndomains; d++) {
		if (A->target[d] >= 0)
			ok = response_set_target(r, d, A->target[d]);
		else if (A->target[d] == -2)
			fprintf(stderr, _("%s:1:1: warning: respondents set different targets for '%s'; the merged file has none of its own\n"),
			        out, q->domains[d].id);
	}
	if (ok) {
		response_set_population(r, A->population);
		ok = response_set_date(r, A->date);   /* last: setters stamp today */
	}
	int rc = EXIT_OK;
	if (!ok) {
		fprintf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_WRITE;
	} else if (!response_save(r, out, err, sizeof err)) {
		fprintf(stderr, "peil: %s\n", err);
		rc = EXIT_WRITE;
	}
	response_free(r);
	return rc;
}

struct agg_args {
	const char *qarg, *out;
	bool json, strict;
};

/* Returns -1 when the arguments are fine, else the exit code. */
static int parse_args(int argc, char **argv, struct agg_args *a)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "strict", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq:o:f:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			cli_command_help("aggregate", stdout);
			return EXIT_OK;
		case 'q':
			a->qarg = optarg;
			break;
		case 'o':
			a->out = optarg;
			break;
		case 'f':
			if (!cli_parse_format(optarg, &a->json))
				return cli_usage_error("aggregate", _("--format takes text or json, not '%s'"), optarg);
			break;
		case 's':
			a->strict = true;
			break;
		default:
			return cli_usage_error("aggregate", _("unknown option or missing value: '%s'"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("aggregate", "%s", _("name the respondents' files or directories"));
	return -1;
}

int cmd_aggregate(int argc, char **argv)
{
	struct agg_args a = { 0 };
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	struct agg A = { .population = -1 };
	struct questionnaire *q = NULL;
	struct group_stats *s = NULL;
	rc = cli_group_load(a.qarg, argv + optind, argc - optind, a.strict, &q, agg_add, &A);
	if (rc == EXIT_OK && !(s = group_finish(A.acc))) {
		fprintf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
	}
	if (rc == EXIT_OK) {
		if (a.json)
			print_json(stdout, q, s);
		else
			print_text(stdout, q, s, A.organisation);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "peil: %s\n", _("cannot write to standard output"));
			rc = EXIT_WRITE;
		}
	}
	if (rc == EXIT_OK && a.out)
		rc = write_merged(&A, s, a.out);
	group_stats_free(s);
	group_acc_free(A.acc);
	mem_free(A.organisation);
	mem_free(A.target);
	questionnaire_free(q);
	return rc;
}
