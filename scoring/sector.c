/* The sector picture: distributions per domain and class, paired changes. */
#include "scoring/sector.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "all", then the size classes or the distinct group values. */
static bool find_classes(struct sector *s, const struct peer_set *cur, bool by_group)
{
	size_t n = peer_set_count(cur);
	s->classes = mem_alloc((by_group ? n + 1 : SIZE_NCLASSES + 1) * sizeof(char *));
	if (!s->classes)
		return false;
	s->classes[s->nclasses++] = "all";
	if (!by_group) {
		for (int c = 0; c < SIZE_NCLASSES; c++)
			s->classes[s->nclasses++] = peers_size_class_name((enum size_class)c);
		return true;
	}
	const char **v = s->classes + 1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (peer_set_org(cur, i)->group)
			v[k++] = peer_set_org(cur, i)->group;
	qsort(v, k, sizeof(*v), cmp_str);
	for (size_t i = 0; i < k; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			s->classes[s->nclasses++] = v[i];
	return true;
}

static int class_of(const struct sector *s, const struct peer_org *o, bool by_group)
{
	if (!by_group) {
		enum size_class c = peers_size_class(o->population);
		return c == SIZE_UNKNOWN ? -1 : (int)c + 1;
	}
	if (!o->group)
		return -1;
	const char **hit = bsearch(&o->group, s->classes + 1, (size_t)s->nclasses - 1, sizeof(char *), cmp_str);
	return hit ? (int)(hit - s->classes) : -1;
}

/* Whether n values are enough to report (at least min_n, at least one);
 * then v sorted and their mean in *mean. */
static bool sort_enough(double *v, size_t n, int min_n, double *mean)
{
	if (n < (size_t)min_n || n == 0)
		return false;
	qsort(v, n, sizeof(double), cmp_double);
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	*mean = sum / (double)n;
	return true;
}

static void fill_cell(struct sector_cell *c, double *v, size_t n, int min_n)
{
	c->n = (long)n;
	c->has = sort_enough(v, n, min_n, &c->mean);
	if (!c->has)
		return;
	for (int i = 0; i < ROUND_NQ; i++)
		c->q[i] = peers_quantile(v, n, (i + 1) * ROUND_STEP / 100.0);
	c->p10 = peers_quantile(v, n, 0.10);
	c->p25 = peers_quantile(v, n, 0.25);
	c->median = peers_quantile(v, n, 0.50);
	c->p75 = peers_quantile(v, n, 0.75);
	c->p90 = peers_quantile(v, n, 0.90);
}

static void fill_change(struct sector_change *c, double *v, size_t n, int min_n)
{
	c->pairs = (long)n;
	c->has = sort_enough(v, n, min_n, &c->mean_change);
	if (!c->has)
		return;
	long up = 0, down = 0;
	for (size_t i = 0; i < n; i++) {
		up += v[i] > PEERS_TIE_EPSILON;
		down += v[i] < -PEERS_TIE_EPSILON;
	}
	c->median_change = peers_quantile(v, n, 0.5);
	c->improved = (double)up / (double)n;
	c->declined = (double)down / (double)n;
}

/* Per domain and class: the scores (or the changes) of the organisations. */
static void compute(struct sector *s, const struct peer_set *cur, const struct peer_set *base,
                    const int *cls, double *v)
{
	size_t n = peer_set_count(cur);
	for (int d = 0; d < s->ndomains; d++)
		for (int k = 0; k < s->nclasses; k++) {
			size_t m = 0, p = 0;
			for (size_t i = 0; i < n; i++) {
				const struct peer_org *o = peer_set_org(cur, i);
				if ((k == 0 || cls[i] == k) && o->has[d])
					v[m++] = o->scores[d];
			}
			struct sector_cell *c = &s->cells[d * s->nclasses + k];
			c->domain = d;
			c->cls = s->classes[k];
			fill_cell(c, v, m, s->min_n);
			if (!base)
				continue;
			for (size_t i = 0; i < n; i++) {
				const struct peer_org *o = peer_set_org(cur, i);
				const struct peer_org *b = (k == 0 || cls[i] == k) && o->has[d]
				                           ? peer_set_find(base, o->organisation, o->organisation_id) : NULL;
				if (b && b->has[d])
					v[p++] = o->scores[d] - b->scores[d];
			}
			struct sector_change *ch = &s->changes[d * s->nclasses + k];
			ch->domain = d;
			ch->cls = s->classes[k];
			fill_change(ch, v, p, s->min_n);
		}
}

struct sector *sector_compute(const struct peer_set *cur, const struct peer_set *base, bool by_group, int min_n)
{
	size_t n = peer_set_count(cur);
	struct sector found = { 0 };    /* the classes, before the cells can be sized */
	int *cls = mem_array(n, sizeof(int));
	double *v = mem_array(n, sizeof(double));
	int nd = peer_set_ndomains(cur);
	struct sector *s = NULL;
	if (cls && v && find_classes(&found, cur, by_group)) {
		size_t ncells = (size_t)nd * (size_t)found.nclasses;
		s = MEM_BLOCK(struct sector, MEM_PART(struct sector, classes, found.nclasses),
		              MEM_PART(struct sector, cells, ncells), MEM_PART(struct sector, changes, base ? ncells : 0));
	}
	if (s) {
		memcpy(s->classes, found.classes, (size_t)found.nclasses * sizeof(*s->classes));
		s->nclasses = found.nclasses;
		s->changes = base ? s->changes : NULL;
		s->ndomains = nd;
		s->min_n = min_n < PEERS_QUARTILE_MIN ? PEERS_QUARTILE_MIN : min_n;
		s->organisations = (long)n;
		for (size_t i = 0; i < n; i++) {
			cls[i] = class_of(s, peer_set_org(cur, i), by_group);
			s->without_class += cls[i] < 0;
		}
		compute(s, cur, base, cls, v);
	}
	mem_free(found.classes);
	mem_free(cls);
	mem_free(v);
	return s;
}

void sector_free(struct sector *s)
{
	mem_free(s);
}

const struct sector_cell *sector_cell(const struct sector *s, int domain, int cls)
{
	return &s->cells[domain * s->nclasses + cls];
}

const struct sector_change *sector_change(const struct sector *s, int domain, int cls)
{
	return s->changes ? &s->changes[domain * s->nclasses + cls] : NULL;
}

struct round *sector_round(const struct sector *s, const struct questionnaire *q, const char *date,
                           const char *group_by)
{
	struct round *r = round_new(q, date, group_by);
	bool ok = r != NULL;
	if (ok)
		r->organisations = s->organisations;
	for (int i = 0; ok && i < s->ndomains * s->nclasses; i++) {
		const struct sector_cell *c = &s->cells[i];
		if (c->has)
			ok = round_add(r, q->domains[c->domain].id, c->cls, c->n, c->q);
	}
	if (!ok) {
		round_free(r);
		return NULL;
	}
	return r;
}
