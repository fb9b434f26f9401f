/* Peer benchmarking: stream peer files, keep their domain scores only. */
#include "scoring/peers.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/ydoc.h"
#include "scoring/score.h"

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
	if (min_peers < 1)
		min_peers = 1;
	if (n < (size_t)min_peers)
		return;
	qsort(scores, n, sizeof(double), cmp_double);
	out->has_figures = true;
	out->p25 = peers_quantile(scores, n, 0.25);
	out->median = peers_quantile(scores, n, 0.5);
	out->p75 = peers_quantile(scores, n, 0.75);
	if (has_score) {
		out->has_percentile = true;
		out->percentile = peers_percentile(scores, n, score);
	}
}

/* ---- streaming the peers ---- */

struct score_vec {
	double *v;
	size_t n, cap;
};

struct peer_figures {
	int ndomains;
	int min_peers;
	bool same_size;
	enum size_class self_class;
	struct peer_counts counts;
	struct peer_domain *domains;
};

struct collect {
	const struct questionnaire *q;
	const char *self_org;
	enum size_class want_class;     /* SIZE_UNKNOWN: every size */
	struct score_vec *vecs;         /* one per domain */
	struct peer_counts *counts;
	struct diag_list *d;
	void (*on_invalid)(void *ctx, const struct diag_list *file_diags);
	void *on_invalid_ctx;
	bool oom;
};

static bool vec_push(struct score_vec *s, double x)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		double *v = mem_realloc(s->v, cap * sizeof(double));
		if (!v)
			return false;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = x;
	return true;
}

/* Keeps the errors of a skipped file (not its warnings: peers are read in
 * bulk, and a warning does not stop a file from counting). */
static void keep_errors(struct diag_list *to, const struct diag_list *from)
{
	for (size_t i = 0; i < diag_count(from); i++) {
		const struct diag *g = diag_get(from, i);
		if (g->severity == DIAG_ERROR)
			diag_add(to, g->path, g->line, g->col, DIAG_ERROR, "%s", g->message);
	}
}

static bool take_peer(void *ctx, struct pool_item *it)
{
	struct collect *c = ctx;
	if (!it->r) {
		/* A questionnaire is often kept beside the files it was answered
		 * with: not a broken peer. Only failed files pay for the look. */
		char *v = ydoc_peek_key(it->path, "peil");
		if (v) {
			c->counts->questionnaires++;
			mem_free(v);
		} else {
			c->counts->invalid++;
			if (c->on_invalid)
				c->on_invalid(c->on_invalid_ctx, it->diags);
			else
				keep_errors(c->d, it->diags);
		}
		return true;
	}
	if (c->self_org && !strcmp(response_organisation(it->r), c->self_org)) {
		c->counts->same_org++;
		return true;
	}
	if (c->want_class != SIZE_UNKNOWN &&
	    peers_size_class(response_population(it->r)) != c->want_class) {
		c->counts->other_size++;
		return true;
	}
	struct scorecard *s = score_compute(c->q, it->r);
	if (!s) {
		c->oom = true;
		return false;
	}
	c->counts->peers++;
	for (int i = 0; i < c->q->ndomains; i++)
		if (s->domains[i].has_score && !vec_push(&c->vecs[i], s->domains[i].score))
			c->oom = true;
	scorecard_free(s);
	return !c->oom;
}

static struct peer_figures *figures_new(const struct questionnaire *q, const struct response *self,
                                        const struct peer_options *o)
{
	struct peer_figures *pf = mem_alloc(sizeof(*pf));
	if (!pf)
		return NULL;
	pf->ndomains = q->ndomains;
	pf->min_peers = o && o->min_peers > 0 ? o->min_peers : PEERS_DEFAULT_MIN;
	pf->same_size = o && o->same_size;
	pf->self_class = peers_size_class(response_population(self));
	pf->domains = mem_alloc((size_t)(q->ndomains ? q->ndomains : 1) * sizeof(struct peer_domain));
	if (!pf->domains) {
		peers_free(pf);
		return NULL;
	}
	return pf;
}

/* Streams the files through the pool into per-domain score vectors. */
static bool collect_scores(const struct questionnaire *q, const struct response *self,
                           const struct pool_paths *paths, struct peer_figures *pf,
                           struct score_vec *vecs, const struct peer_options *o,
                           struct diag_list *d)
{
	struct collect c = {
		.q = q, .self_org = response_organisation(self),
		.want_class = pf->same_size ? pf->self_class : SIZE_UNKNOWN,
		.vecs = vecs, .counts = &pf->counts, .d = d,
		.on_invalid = o ? o->on_invalid : NULL, .on_invalid_ctx = o ? o->ctx : NULL,
	};
	char err[256] = "";
	bool ok = pool_for_each_response((const char *const *)paths->v, paths->n, q, o ? o->threads : 0,
	                                  take_peer, &c, err, sizeof err);
	if (c.oom || !ok) {
		diag_error(d, "-", 0, 0, "%s", c.oom || !*err ? _("out of memory") : err);
		return false;
	}
	return true;
}

static bool check_dir(const char *dir, struct diag_list *d)
{
	struct stat st;
	if (stat(dir, &st) != 0) {
		diag_error(d, dir, 0, 0, _("cannot read the peers' directory: %s"), strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(d, dir, 0, 0, "%s", _("--peers needs a directory of response files"));
		return false;
	}
	return true;
}

struct peer_figures *peers_compute(const struct questionnaire *q, const struct response *self,
                                   const char *dir, const struct peer_options *o,
                                   struct diag_list *d)
{
	struct peer_figures *pf = figures_new(q, self, o);
	struct scorecard *own = score_compute(q, self);
	struct score_vec *vecs = mem_alloc((size_t)(q->ndomains ? q->ndomains : 1) * sizeof(*vecs));
	struct pool_paths paths = { 0 };
	bool ok = pf && own && vecs;
	if (!ok)
		diag_error(d, "-", 0, 0, "%s", _("out of memory"));
	if (ok && pf->same_size && pf->self_class == SIZE_UNKNOWN) {
		diag_error(d, "-", 0, 0, "%s",
		           _("--same-size needs the assessed file's population (key 'population')"));
		ok = false;
	}
	ok = ok && check_dir(dir, d) && pool_paths_add(&paths, dir, d);
	if (ok) {
		pf->counts.files = paths.n;
		ok = collect_scores(q, self, &paths, pf, vecs, o, d);
	}
	for (int i = 0; ok && i < q->ndomains; i++)
		peers_fill_domain(&pf->domains[i], vecs[i].v, vecs[i].n, pf->min_peers,
		                  own->domains[i].has_score, own->domains[i].score);
	for (int i = 0; vecs && i < q->ndomains; i++)
		mem_free(vecs[i].v);
	mem_free(vecs);
	pool_paths_free(&paths);
	scorecard_free(own);
	if (!ok) {
		peers_free(pf);
		return NULL;
	}
	return pf;
}

void peers_free(struct peer_figures *pf)
{
	if (!pf)
		return;
	mem_free(pf->domains);
	mem_free(pf);
}

const struct peer_counts *peers_counts(const struct peer_figures *pf) { return &pf->counts; }
enum size_class peers_self_class(const struct peer_figures *pf) { return pf->self_class; }
bool peers_same_size(const struct peer_figures *pf) { return pf->same_size; }
int peers_min_peers(const struct peer_figures *pf) { return pf->min_peers; }
int peers_ndomains(const struct peer_figures *pf) { return pf->ndomains; }

const struct peer_domain *peers_domain(const struct peer_figures *pf, int domain)
{
	return domain >= 0 && domain < pf->ndomains ? &pf->domains[domain] : NULL;
}
