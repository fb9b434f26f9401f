/* Peer benchmarking: the statistics, and the figures of one municipality
 * among the organisations of a peer set or in a round file. */
#include "scoring/peers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

enum size_class peers_size_class(long population)
{
	if (population < 0)
		return SIZE_UNKNOWN;
	if (population < 10000)
		return SIZE_LT10K;
	if (population < 20000)
		return SIZE_10K_20K;
	if (population < 50000)
		return SIZE_20K_50K;
	if (population < 100000)
		return SIZE_50K_100K;
	return SIZE_100K_PLUS;
}

const char *peers_size_class_name(enum size_class c)
{
	static const char *const names[SIZE_NCLASSES] = {
		"<10k", "10–20k", "20–50k", "50–100k", "100k+",
	};
	return c >= 0 && c < SIZE_NCLASSES ? names[c] : NULL;
}

double peers_percentile(const double *sorted, size_t n, double x)
{
	size_t below = 0, ties = 0;
	for (size_t i = 0; i < n; i++) {
		if (sorted[i] < x - PEERS_TIE_EPSILON)
			below++;
		else if (sorted[i] <= x + PEERS_TIE_EPSILON)
			ties++;
		else
			break;
	}
	return ((double)below + ties / 2.0) / (double)n * 100.0;
}

double peers_quantile(const double *sorted, size_t n, double p)
{
	double pos = (double)(n - 1) * p;
	size_t lo = (size_t)floor(pos);
	if (lo + 1 >= n)
		return sorted[n - 1];
	double frac = pos - (double)lo;
	return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac;
}

/* Round files keep four decimals: values that close are ties. */
#define ROUND_TIE_EPSILON 0.00005

/* Reading a percentile from published quantiles. The quantile at p of n
 * values sits at position (n - 1) p; so whatever the unpublished values
 * are, the values below x number at least floor(pos) + 1 for every
 * quantile under x and at most ceil(pos) for the first one at or above
 * x, and likewise for the values at or below x. The exact mid-rank
 * percentile lies between these bounds, which are at most one quantile
 * step apart on either side of their middle (for n >= 10); within them
 * the estimate follows a straight line between the quantiles. */
struct qcurve {
	const double *q;
	int nq, step;
	long n;
};

/* floor and ceil of the position of quantile i (1-based), exactly. */
static long pos_floor(const struct qcurve *c, int i)
{
	return (c->n - 1) * i * c->step / 100;
}

static long pos_ceil(const struct qcurve *c, int i)
{
	return ((c->n - 1) * i * c->step + 99) / 100;
}

/* The mid-rank percentile of the value at quantile i's position. */
static double cp(const struct qcurve *c, int i)
{
	return ((double)(c->n - 1) * i * c->step / 100.0 + 0.5) / (double)c->n * 100;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

double peers_percentile_from_quantiles(const double *q, int nq, int step, long n, double x)
{
	const struct qcurve c = { q, nq, step, n > 0 ? n : 1 };
	int j = 1, k;
	while (j <= nq && q[j - 1] < x - ROUND_TIE_EPSILON)
		j++;                    /* the first quantile at or above x */
	for (k = j - 1; k < nq && q[k] <= x + ROUND_TIE_EPSILON; k++)
		;                       /* k: the last quantile at or below x */
	double below_lo = j > 1 ? pos_floor(&c, j - 1) + 1 : 0;
	double below_hi = j <= nq ? pos_ceil(&c, j) : c.n;
	double le_lo = k >= 1 ? pos_floor(&c, k) + 1 : 0;
	double le_hi = k < nq ? pos_ceil(&c, k + 1) : c.n;
	double lo = (below_lo + le_lo) / 2 / c.n * 100, hi = (below_hi + le_hi) / 2 / c.n * 100;
	if (k >= j || j == 1 || j > nq)         /* on a quantile, or in a tail */
		return (lo + hi) / 2;
	double line = cp(&c, j - 1) + (cp(&c, j) - cp(&c, j - 1)) * (x - q[j - 2]) / (q[j - 1] - q[j - 2]);
	/* no further than one step from either bound */
	return clamp(line, hi - step > lo ? hi - step : lo, lo + step < hi ? lo + step : hi);
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

void peers_fill_domain(struct peer_domain *out, double *scores, size_t n, int min_peers,
                       bool has_score, double score)
{
	memset(out, 0, sizeof(*out));
	out->has_score = has_score;
	out->score = has_score ? score : 0;
	out->n = (int)n;
	if (min_peers < PEERS_MIN_FLOOR)
		min_peers = PEERS_MIN_FLOOR;
	if (n < (size_t)min_peers)
		return;
	qsort(scores, n, sizeof(double), cmp_double);
	out->has_figures = true;
	out->has_quartiles = n >= PEERS_QUARTILE_MIN;
	if (out->has_quartiles) {
		out->p25 = peers_quantile(scores, n, 0.25);
		out->median = peers_quantile(scores, n, 0.5);
		out->p75 = peers_quantile(scores, n, 0.75);
	}
	if (has_score) {
		out->has_percentile = true;
		out->percentile = peers_percentile(scores, n, score);
	}
}


/* ---- one municipality's figures ---- */

struct peer_figures {
	int ndomains;
	int min_peers;
	bool same_size;
	enum size_class self_class;
	struct peer_counts counts;
	struct peer_domain *domains;
};

static struct peer_figures *figures_new(int ndomains, const struct peer_self *self,
                                        const struct peer_options *o)
{
	struct peer_figures *pf = MEM_BLOCK(struct peer_figures, MEM_PART(struct peer_figures, domains, ndomains));
	if (!pf)
		return NULL;
	pf->ndomains = ndomains;
	pf->min_peers = o && o->min_peers > PEERS_MIN_FLOOR ? o->min_peers : PEERS_DEFAULT_MIN;
	pf->same_size = o && o->same_size;
	pf->self_class = peers_size_class(self->population);
	return pf;
}

/* Whether org counts as a peer of self; counts why not. */
static bool counts_as_peer(const struct peer_org *org, const struct peer_self *self,
                           const struct peer_figures *pf, struct peer_counts *c)
{
	if (peer_is_same(org, self->organisation, self->organisation_id)) {
		c->self_files += (size_t)org->files;
		return false;
	}
	c->older += (size_t)(org->files - 1);
	if (pf->same_size) {
		enum size_class k = peers_size_class(org->population);
		if (k == SIZE_UNKNOWN) {
			c->no_population++;
			return false;
		}
		if (k != pf->self_class) {
			c->other_size++;
			return false;
		}
	}
	c->peers++;
	return true;
}

struct peer_figures *peers_figures(const struct peer_set *s, const struct peer_self *self,
                                   const struct peer_options *o)
{
	int nd = peer_set_ndomains(s);
	size_t n = peer_set_count(s);
	struct peer_figures *pf = figures_new(nd, self, o);
	bool *use = mem_array(n, sizeof(bool));
	double *v = mem_array(n, sizeof(double));
	if (!pf || !use || !v) {
		peers_free(pf);
		pf = NULL;
	}
	for (size_t i = 0; pf && i < n; i++)
		use[i] = counts_as_peer(peer_set_org(s, i), self, pf, &pf->counts);
	for (int d = 0; pf && d < nd; d++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			const struct peer_org *org = peer_set_org(s, i);
			if (use[i] && org->has[d])
				v[k++] = org->scores[d];
		}
		peers_fill_domain(&pf->domains[d], v, k, pf->min_peers, self->has[d], self->scores[d]);
	}
	mem_free(use);
	mem_free(v);
	return pf;
}

struct peer_figures *peers_figures_from_round(const struct round *r, const char *const *domain_ids,
                                              int ndomains, const struct peer_self *self,
                                              const struct peer_options *o)
{
	struct peer_figures *pf = figures_new(ndomains, self, o);
	if (!pf)
		return NULL;
	const char *cls = pf->same_size ? peers_size_class_name(pf->self_class) : "all";
	pf->counts.peers = (size_t)(r->organisations > 0 ? r->organisations : 0);
	for (int d = 0; cls && d < ndomains; d++) {
		struct peer_domain *out = &pf->domains[d];
		const struct round_cell *c = round_find(r, domain_ids[d], cls);
		out->has_score = self->has[d];
		out->score = self->has[d] ? self->scores[d] : 0;
		out->n = c ? (int)c->n : 0;
		if (!c || c->n < pf->min_peers)
			continue;
		out->has_figures = true;
		out->has_quartiles = c->n >= PEERS_QUARTILE_MIN;
		out->p25 = c->q[25 / ROUND_STEP - 1];
		out->median = c->q[50 / ROUND_STEP - 1];
		out->p75 = c->q[75 / ROUND_STEP - 1];
		out->has_percentile = self->has[d];
		if (self->has[d])
			out->percentile = peers_percentile_from_quantiles(c->q, ROUND_NQ, ROUND_STEP, c->n,
			                                                  self->scores[d]);
	}
	return pf;
}

void peers_free(struct peer_figures *pf)
{
	mem_free(pf);
}

const struct peer_counts *peers_counts(const struct peer_figures *pf) { return &pf->counts; }
enum size_class peers_self_class(const struct peer_figures *pf) { return pf->self_class; }
bool peers_same_size(const struct peer_figures *pf) { return pf->same_size; }
int peers_min_peers(const struct peer_figures *pf) { return pf->min_peers; }

const struct peer_domain *peers_domain(const struct peer_figures *pf, int domain)
{
	return domain >= 0 && domain < pf->ndomains ? &pf->domains[domain] : NULL;
}
