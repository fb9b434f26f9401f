#include "scoring/group.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "scoring/score.h"

struct dom_acc {
	int n;
	double sum, min, max;
};

struct group_acc {
	const struct questionnaire *q;
	int respondents;
	int *counts;            /* nquestions x nlevels */
	int *other;             /* nquestions x 3: na, unknown, open */
	struct dom_acc *domains;
	unsigned regions;       /* as in group_stats */
	bool *hidden;           /* nquestions: the current response's */
};

struct group_acc *group_acc_new(const struct questionnaire *q)
{
	size_t nq = (size_t)q->nquestions;
	struct group_acc *a = MEM_BLOCK(struct group_acc, MEM_PART(struct group_acc, counts, nq * (size_t)q->nlevels),
	                                MEM_PART(struct group_acc, other, nq * 3),
	                                MEM_PART(struct group_acc, domains, q->ndomains),
	                                MEM_PART(struct group_acc, hidden, nq));
	if (a)
		a->q = q;
	return a;
}

void group_acc_free(struct group_acc *a)
{
	mem_free(a);
}

static void dom_add(struct dom_acc *d, int n, double sum, double min, double max)
{
	if (n == 0)
		return;
	if (d->n == 0 || min < d->min)
		d->min = min;
	if (d->n == 0 || max > d->max)
		d->max = max;
	d->n += n;
	d->sum += sum;
}

bool group_acc_add(struct group_acc *a, const struct response *r)
{
	const struct questionnaire *q = a->q;
	/* Scored first: if it fails, nothing has been counted. */
	struct scorecard *s = score_figures(q, r, false, a->hidden);
	if (!s)
		return false;
	for (int d = 0; d < q->ndomains; d++)
		if (s->domains[d].has_score)
			dom_add(&a->domains[d], 1, s->domains[d].score, s->domains[d].score,
			        s->domains[d].score);
	scorecard_free(s);
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct answer *ans = response_answer(r, qi);
		int *other = &a->other[qi * 3];
		if (a->hidden[qi] || ans->status == ANSWER_NA)
			other[0]++;
		else if (ans->status == ANSWER_UNKNOWN)
			other[1]++;
		else if (ans->status == ANSWER_OPEN)
			other[2]++;
		else
			a->counts[qi * q->nlevels + qn_level_index(q, ans->level)]++;
	}
	int ri = qn_region_index(q, response_region(r));
	a->regions |= ri >= 0 && ri < 31 ? 1u << ri : 1u << 31;
	a->respondents++;
	return true;
}

int group_nregions(const struct group_stats *s)
{
	int n = 0;
	for (unsigned m = s->regions; m; m &= m - 1)
		n++;
	return n;
}

void group_acc_merge(struct group_acc *into, const struct group_acc *from)
{
	const struct questionnaire *q = into->q;
	for (int i = 0; i < q->nquestions * q->nlevels; i++)
		into->counts[i] += from->counts[i];
	for (int i = 0; i < q->nquestions * 3; i++)
		into->other[i] += from->other[i];
	for (int d = 0; d < q->ndomains; d++) {
		const struct dom_acc *f = &from->domains[d];
		dom_add(&into->domains[d], f->n, f->sum, f->min, f->max);
	}
	into->respondents += from->respondents;
	into->regions |= from->regions;
}

int group_acc_respondents(const struct group_acc *a)
{
	return a->respondents;
}

/* The value of the k-th smallest vote (0-based). Counts are summed in 64
 * bits: three counts just below a file's limit would pass INT_MAX. */
static int nth_value(const struct questionnaire *q, const int *counts, long long k)
{
	long long seen = 0;
	for (int i = 0; i < q->nlevels; i++) {
		seen += counts[i];
		if (k < seen)
			return q->levels[i].value;
	}
	return q->levels[q->nlevels - 1].value;
}

/* The p-quantile of the votes: linear interpolation between the order
 * statistics around position (n-1)p, 0-based (SPEC, as in benchmark). */
static double quantile(const struct questionnaire *q, const int *counts, long long n, double p)
{
	double pos = (double)(n - 1) * p;
	long long lo = (long long)pos, hi = lo + 1 < n ? lo + 1 : n - 1;
	double a = nth_value(q, counts, lo), b = nth_value(q, counts, hi);
	return a + (b - a) * (pos - (double)lo);
}

void group_question_stats(const struct questionnaire *q, const int *counts,
                          struct group_question *g)
{
	*g = (struct group_question){ .counts = counts };
	double sum = 0;
	long long n = 0;
	for (int i = 0; i < q->nlevels; i++) {
		n += counts[i] > 0 ? counts[i] : 0;
		sum += (double)counts[i] * q->levels[i].value;
	}
	if (n == 0)
		return;
	g->n = n < INT_MAX ? (int)n : INT_MAX;  /* files hold at most RESPONSE_MAX_VOTES */
	g->has_stats = true;
	g->mean = sum / (double)n;
	g->min = nth_value(q, counts, 0);
	g->max = nth_value(q, counts, n - 1);
	if (n % 2)
		g->median = nth_value(q, counts, n / 2);
	else
		g->median = (nth_value(q, counts, n / 2 - 1) + nth_value(q, counts, n / 2)) / 2.0;
	/* Tastle & Wierman (2007): 1 + sum p_i log2(1 - |X_i - mean| / width),
	 * width being the whole scale, not just the levels chosen. */
	double width = q->levels[q->nlevels - 1].value - q->levels[0].value;
	double var = 0, cns = 1;
	for (int i = 0; i < q->nlevels; i++) {
		if (counts[i] <= 0)
			continue;
		double p = (double)counts[i] / (double)n, dev = q->levels[i].value - g->mean;
		var += p * dev * dev;
		double x = 1 - fabs(dev) / width;
		cns += x > 0 ? p * log2(x) : -p * 64;  /* x > 0 always, barring rounding */
	}
	g->sd = sqrt(var);
	/* In 0..1 by definition; rounding must not say otherwise. */
	g->consensus = cns < 0 ? 0 : cns > 1 ? 1 : cns;
	g->p25 = quantile(q, counts, n, 0.25);
	g->p75 = quantile(q, counts, n, 0.75);
	g->iqr = g->p75 - g->p25;
	g->contested = g->consensus < GROUP_CONTESTED_CONSENSUS || g->iqr > GROUP_CONTESTED_IQR + 1e-9;
}

static struct group_stats *stats_new(const struct questionnaire *q)
{
	size_t nq = (size_t)q->nquestions;
	struct group_stats *s = MEM_BLOCK(struct group_stats, MEM_PART(struct group_stats, questions, nq),
	                                  MEM_PART(struct group_stats, domains, q->ndomains),
	                                  MEM_PART(struct group_stats, counts, nq * (size_t)q->nlevels));
	if (!s)
		return NULL;
	s->nquestions = q->nquestions;
	s->ndomains = q->ndomains;
	return s;
}

struct group_stats *group_finish(const struct group_acc *a)
{
	const struct questionnaire *q = a->q;
	struct group_stats *s = stats_new(q);
	if (!s)
		return NULL;
	s->respondents = a->respondents;
	s->regions = a->regions;
	s->shared_questions = qn_shared_count(q);
	for (int qi = 0; qi < q->nquestions; qi++) {
		int *c = &s->counts[qi * q->nlevels];
		for (int i = 0; i < q->nlevels; i++)
			c[i] = a->counts[qi * q->nlevels + i];
		struct group_question *g = &s->questions[qi];
		group_question_stats(q, c, g);
		g->na = a->other[qi * 3];
		g->unknown = a->other[qi * 3 + 1];
		g->open = a->other[qi * 3 + 2];
	}
	for (int d = 0; d < q->ndomains; d++) {
		const struct dom_acc *da = &a->domains[d];
		s->domains[d] = (struct group_domain){
			.n = da->n, .has_stats = da->n > 0,
			.mean = da->n ? da->sum / da->n : 0, .min = da->min, .max = da->max,
		};
	}
	return s;
}

struct group_stats *group_from_votes(const struct questionnaire *q, const struct response *r)
{
	struct group_stats *s = stats_new(q);
	if (!s)
		return NULL;
	s->respondents = response_participants(r);
	for (int qi = 0; qi < q->nquestions; qi++) {
		int *c = &s->counts[qi * q->nlevels];
		const int *v = response_answer(r, qi)->votes;
		for (int i = 0; v && i < q->nlevels; i++)
			c[i] = v[i];
		group_question_stats(q, c, &s->questions[qi]);
	}
	return s;
}

void group_stats_free(struct group_stats *s)
{
	mem_free(s);
}

bool group_proposal(const struct questionnaire *q, const struct group_question *g, int *level)
{
	if (g->n == 0)
		return false;
	*level = nth_value(q, g->counts, (g->n - 1) / 2);
	return true;
}

struct order_key {
	int index;
	const struct group_question *g;
};

static int cmp_order(const void *pa, const void *pb)
{
	const struct order_key *ka = pa, *kb = pb;
	const struct group_question *a = ka->g, *b = kb->g;
	if (a->has_stats != b->has_stats)
		return a->has_stats ? -1 : 1;
	if (a->has_stats) {
		if (a->contested != b->contested)
			return a->contested ? -1 : 1;
		if (a->consensus != b->consensus)
			return a->consensus < b->consensus ? -1 : 1;
		if (a->max - a->min != b->max - b->min)
			return (b->max - b->min) - (a->max - a->min);
	}
	return ka->index - kb->index;
}

void group_order(const struct group_stats *s, int *out)
{
	struct order_key *keys = mem_array((size_t)s->nquestions, sizeof *keys);
	if (!keys) {
		/* Still a valid order, if not the most useful one. */
		for (int i = 0; i < s->nquestions; i++)
			out[i] = i;
		return;
	}
	for (int i = 0; i < s->nquestions; i++)
		keys[i] = (struct order_key){ i, &s->questions[i] };
	qsort(keys, (size_t)s->nquestions, sizeof *keys, cmp_order);
	for (int i = 0; i < s->nquestions; i++)
		out[i] = keys[i].index;
	mem_free(keys);
}

static bool apply_question(const struct questionnaire *q, const struct group_question *g,
                           int qi, struct response *r, bool keep_decided)
{
	int level;
	if (!response_set_votes(r, qi, g->counts) ||  /* every question, as SPEC says */
	    !response_set_vote_statuses(r, qi, g->na, g->unknown))
		return false;
	const struct answer *a = response_answer(r, qi);
	if (keep_decided && a->status != ANSWER_OPEN && !a->proposal)
		return true;    /* the group decided it: the votes change, the decision stays */
	bool ok;
	if (group_proposal(q, g, &level)) {
		if (!response_set_level(r, qi, level))
			return false;
		if (response_hidden(r, qi))
			return response_set_status(r, qi, ANSWER_OPEN);
		ok = true;
	} else if (g->na > 0 && g->na >= g->unknown && q->questions[qi].allow_na) {
		ok = response_set_status(r, qi, ANSWER_NA);
	} else if (g->unknown > 0) {
		ok = response_set_status(r, qi, ANSWER_UNKNOWN);
	} else {
		return response_set_status(r, qi, ANSWER_OPEN);
	}
	/* Nobody decided anything yet: every answer here is a proposal. */
	response_set_proposal(r, qi, ok);
	return ok;
}

static bool apply_all(const struct questionnaire *q, const struct group_stats *s, struct response *r,
                      bool undecided)
{
	response_set_participants(r, s->respondents);
	/* In questionnaire order: a show_if names an earlier question, whose
	 * proposal is then already in place. */
	for (int qi = 0; qi < q->nquestions; qi++)
		if (!apply_question(q, &s->questions[qi], qi, r, undecided))
			return false;
	return true;
}

bool group_apply(const struct questionnaire *q, const struct group_stats *s, struct response *r)
{
	return apply_all(q, s, r, false);
}

bool group_apply_undecided(const struct questionnaire *q, const struct group_stats *s, struct response *r)
{
	return apply_all(q, s, r, true);
}

int group_outliers(const struct questionnaire *q, const struct group_question *g, bool *outlier)
{
	int n = 0;
	for (int i = 0; i < q->nlevels; i++) {
		int v = q->levels[i].value;
		/* More than a level beyond the middle half of the group. */
		outlier[i] = g->has_stats && !g->contested && g->counts[i] > 0 &&
		             (v < g->p25 - GROUP_OUTLIER_LEVELS - 1e-9 || v > g->p75 + GROUP_OUTLIER_LEVELS + 1e-9);
		n += outlier[i] ? g->counts[i] : 0;
	}
	return n;
}
