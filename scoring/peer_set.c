/* Peers are organisations, not files: which files belong to one
 * organisation, and which of them counts (SPEC: `benchmark`). */
#include "scoring/peers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"

enum { KEY_MAX = 256 };

static bool starts_with_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	return !strncmp(s, word, n) && s[n] == ' ';
}

void peers_name_key(const char *name, char *out, size_t cap)
{
	size_t n = 0;
	bool space = false;
	for (const char *p = name ? name : ""; *p && n + 1 < cap; p++) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c)) {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < cap)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	out[n] = '\0';
	static const char *const prefixes[] = { "gemeente", "stad", NULL };
	for (const char *const *w = prefixes; *w; w++)
		if (starts_with_word(out, *w)) {
			size_t k = strlen(*w) + 1;
			memmove(out, out + k, n - k + 1);
			break;
		}
}

/* Codes compare without regard to case: "gm0363" is "GM0363". */
static char *code_key(const char *id)
{
	size_t n = strlen(id);
	char *k = mem_alloc(n + 2);
	if (!k)
		return NULL;
	k[0] = '#';
	for (size_t i = 0; i < n; i++)
		k[i + 1] = (char)toupper((unsigned char)id[i]);
	return k;
}

struct rec {
	struct peer_org org;    /* the strings and scores below are owned */
	char *name_key;         /* "=name key" */
	bool kept;              /* the latest file of its organisation */
};

struct peer_set {
	int ndomains;
	size_t n, cap;
	struct rec *recs;       /* in the order added */
	size_t norgs;
	struct rec **orgs;      /* kept ones, sorted by key */
	struct rec **by_name;   /* the same, sorted by name key */
	bool finished;
};

struct peer_set *peer_set_new(int ndomains)
{
	struct peer_set *s = mem_alloc(sizeof(*s));
	if (s)
		s->ndomains = ndomains;
	return s;
}

static void rec_free(struct rec *r)
{
	if (r->org.key != r->name_key)
		mem_free((void *)r->org.key);
	mem_free(r->name_key);
	mem_free((void *)r->org.organisation);
	mem_free((void *)r->org.organisation_id);
	mem_free((void *)r->org.date);
	mem_free((void *)r->org.group);
	mem_free((void *)r->org.has);
	mem_free((void *)r->org.scores);
}

void peer_set_free(struct peer_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		rec_free(&s->recs[i]);
	mem_free(s->recs);
	mem_free(s->orgs);
	mem_free(s->by_name);
	mem_free(s);
}

static char *name_key_of(const char *organisation)
{
	char buf[KEY_MAX];
	buf[0] = '=';
	peers_name_key(organisation, buf + 1, sizeof buf - 1);
	return mem_strdup(buf);
}

static bool rec_fill(struct rec *r, const struct peer_record *in, int nd, size_t order)
{
	bool *has = mem_array((size_t)nd, sizeof(bool));
	double *scores = mem_array((size_t)nd, sizeof(double));
	r->org = (struct peer_org){
		.organisation = mem_strdup(in->organisation ? in->organisation : ""),
		.organisation_id = mem_strdup(in->organisation_id),
		.date = mem_strdup(in->date ? in->date : ""),
		.group = mem_strdup(in->group),
		.population = in->population, .order = order, .files = 1,
		.has = has, .scores = scores,
	};
	r->name_key = name_key_of(r->org.organisation);
	r->org.name_key = r->name_key;
	r->org.key = in->organisation_id ? code_key(in->organisation_id) : r->name_key;
	if (has && scores) {
		memcpy(has, in->has, (size_t)nd * sizeof(bool));
		memcpy(scores, in->scores, (size_t)nd * sizeof(double));
	}
	return has && scores && r->org.organisation && r->org.date && r->name_key && r->org.key &&
	       (!in->organisation_id || r->org.organisation_id) && (!in->group || r->org.group);
}

bool peer_set_add(struct peer_set *s, const struct peer_record *in)
{
	struct rec *v = mem_grow(s->recs, &s->cap, s->n, sizeof *v, 256);
	if (!v)
		return false;
	s->recs = v;
	struct rec *r = &s->recs[s->n];
	memset(r, 0, sizeof(*r));
	bool ok = rec_fill(r, in, s->ndomains, s->n);
	if (!ok)
		rec_free(r);
	else
		s->n++;
	return ok;
}

static int by_name_key(const void *a, const void *b)
{
	const struct rec *x = *(struct rec *const *)a, *y = *(struct rec *const *)b;
	int c = strcmp(x->name_key, y->name_key);
	if (c)
		return c;
	/* files with a code first, so that a run's codes are together */
	return (y->org.organisation_id != NULL) - (x->org.organisation_id != NULL);
}

/* A file without a code takes the code that its name carries elsewhere,
 * when exactly one code does. */
static bool adopt_codes(struct rec **v, size_t n)
{
	qsort(v, n, sizeof(*v), by_name_key);
	for (size_t i = 0, j; i < n; i = j) {
		const char *code = NULL;
		bool several = false;
		for (j = i; j < n && !strcmp(v[j]->name_key, v[i]->name_key); j++)
			if (v[j]->org.organisation_id) {
				several = several || (code && strcmp(code, v[j]->org.key) != 0);
				code = v[j]->org.key;
			}
		if (!code || several)
			continue;
		for (size_t k = i; k < j; k++)
			if (!v[k]->org.organisation_id && !(v[k]->org.key = mem_strdup(code)))
				return false;
	}
	return true;
}

static int by_key_date_order(const void *a, const void *b)
{
	const struct rec *x = *(struct rec *const *)a, *y = *(struct rec *const *)b;
	int c = strcmp(x->org.key, y->org.key);
	if (!c)
		c = strcmp(x->org.date, y->org.date);
	if (!c)
		c = (x->org.order > y->org.order) - (x->org.order < y->org.order);
	return c;
}

bool peer_set_finish(struct peer_set *s)
{
	struct rec **v = mem_array(s->n, sizeof(*v));
	if (!v)
		return false;
	for (size_t i = 0; i < s->n; i++)
		v[i] = &s->recs[i];
	if (!adopt_codes(v, s->n)) {
		mem_free(v);
		return false;
	}
	qsort(v, s->n, sizeof(*v), by_key_date_order);
	size_t k = 0;
	for (size_t i = 0, j; i < s->n; i = j) {
		for (j = i; j < s->n && !strcmp(v[j]->org.key, v[i]->org.key); j++)
			;
		v[j - 1]->kept = true;
		v[j - 1]->org.files = (int)(j - i);
		v[k++] = v[j - 1];
	}
	mem_free(s->orgs);
	mem_free(s->by_name);
	s->orgs = v;
	s->norgs = k;
	s->by_name = mem_array(k, sizeof(*v));
	if (!s->by_name)
		return false;
	memcpy(s->by_name, v, k * sizeof(*v));
	qsort(s->by_name, k, sizeof(*v), by_name_key);
	s->finished = true;
	return true;
}

int peer_set_ndomains(const struct peer_set *s) { return s->ndomains; }
size_t peer_set_files(const struct peer_set *s) { return s->n; }
size_t peer_set_count(const struct peer_set *s) { return s->finished ? s->norgs : 0; }

const struct peer_org *peer_set_org(const struct peer_set *s, size_t i)
{
	return s->finished && i < s->norgs ? &s->orgs[i]->org : NULL;
}

bool peer_is_same(const struct peer_org *org, const char *organisation, const char *organisation_id)
{
	if (org->organisation_id && organisation_id)
		return !strcasecmp(org->organisation_id, organisation_id);
	/* An organisation that adopted a code is still found by that code. */
	if (organisation_id && org->key[0] == '#' && !strcasecmp(org->key + 1, organisation_id))
		return true;
	char key[KEY_MAX];
	key[0] = '=';
	peers_name_key(organisation, key + 1, sizeof key - 1);
	return !strcmp(key, org->name_key);
}

/* The first of v[0..n) (sorted by cmp on field) equal to key, or n. */
static size_t lower_bound(struct rec *const *v, size_t n, const char *key, bool by_name)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(by_name ? v[mid]->name_key : v[mid]->org.key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct peer_org *peer_set_find(const struct peer_set *s, const char *organisation,
                                     const char *organisation_id)
{
	if (!s->finished)
		return NULL;
	char key[KEY_MAX];
	if (organisation_id) {
		char *k = code_key(organisation_id);
		size_t i = k ? lower_bound(s->orgs, s->norgs, k, false) : s->norgs;
		bool found = i < s->norgs && !strcmp(s->orgs[i]->org.key, k);
		mem_free(k);
		if (found)
			return &s->orgs[i]->org;
	}
	key[0] = '=';
	peers_name_key(organisation, key + 1, sizeof key - 1);
	for (size_t i = lower_bound(s->by_name, s->norgs, key, true);
	     i < s->norgs && !strcmp(s->by_name[i]->name_key, key); i++)
		if (peer_is_same(&s->by_name[i]->org, organisation, organisation_id))
			return &s->by_name[i]->org;
	return NULL;
}
