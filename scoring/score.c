#include "scoring/score.h"

#include <stdlib.h>

#include "core/mem.h"

static void count_question(const struct questionnaire *q, const struct response *r, int qi,
                           bool hidden, struct domain_score *ds, double *num, double *den)
{
	const struct answer *a = response_answer(r, qi);
	double w = q->questions[qi].weight;
	ds->total++;
	if (hidden) {
		ds->hidden++;
		return;
	}
	ds->unconfirmed += a->carried_over;
	switch (a->status) {
	case ANSWER_OPEN:
		ds->open++;
		break;
	case ANSWER_NA:
		ds->na++;
		break;
	case ANSWER_UNKNOWN:
		ds->unknown++;
		break;
	case ANSWER_LEVEL:
		ds->answered++;
		if (w > 0) {
			*num += w * a->level;
			*den += w;
		}
		break;
	}
}

static int cmp_priority(const void *pa, const void *pb)
{
	const struct priority *a = pa, *b = pb;
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	if (a->domain_gap != b->domain_gap)
		return a->domain_gap > b->domain_gap ? -1 : 1;
	return a->question - b->question;       /* stable: questionnaire order */
}

static void collect_priorities(const struct questionnaire *q, const struct response *r,
                               const bool *hidden, struct scorecard *s)
{
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct qn_question *qu = &q->questions[qi];
		const struct domain_score *ds = &s->domains[qu->domain];
		const struct answer *a = response_answer(r, qi);
		if (a->status != ANSWER_LEVEL || qu->weight <= 0 || hidden[qi])
			continue;
		if (!ds->has_target || a->level >= ds->target)
			continue;
		s->priorities[s->npriorities++] = (struct priority){
			.question = qi, .domain = qu->domain, .level = a->level, .target = ds->target,
			.weight = (ds->target - a->level) * qu->weight * q->domains[qu->domain].weight,
			.domain_gap = ds->has_score ? ds->gap : 0,
		};
	}
	qsort(s->priorities, (size_t)s->npriorities, sizeof(struct priority), cmp_priority);
}

/* `hidden`: the caller's nquestions flags to fill, or NULL; priorities:
 * whether to list them (an aggregate of many files needs only the figures). */
static struct scorecard *compute(const struct questionnaire *q, const struct response *r, bool shared,
                                 bool *hidden_out, bool priorities)
{
	struct scorecard *s = MEM_BLOCK(struct scorecard, MEM_PART(struct scorecard, domains, q->ndomains),
	                                MEM_PART(struct scorecard, priorities, priorities ? q->nquestions : 0));
	bool *hidden = hidden_out ? hidden_out : mem_array((size_t)q->nquestions, sizeof(bool));
	if (!s || !hidden) {
		if (!hidden_out)
			mem_free(hidden);
		scorecard_free(s);
		return NULL;
	}
	s->ndomains = q->ndomains;
	response_hidden_all(r, hidden);
	for (int qi = 0; shared && qi < q->nquestions; qi++)
		hidden[qi] |= !qn_shared(q, qi);
	double sum = 0, weights = 0;
	for (int d = 0; d < q->ndomains; d++) {
		struct domain_score *ds = &s->domains[d];
		const struct qn_domain *dom = &q->domains[d];
		double num = 0, den = 0;
		for (int qi = dom->first; qi < dom->first + dom->count; qi++)
			count_question(q, r, qi, hidden[qi], ds, &num, &den);
		if (den > 0) {
			ds->has_score = true;
			ds->score = num / den;
			ds->level = qn_level_for_score(q, ds->score);
			sum += dom->weight * ds->score;
			weights += dom->weight;
		}
		ds->has_target = response_target(r, d, &ds->target);
		if (ds->has_target && ds->has_score)
			ds->gap = ds->target - ds->score;
		s->answered += ds->answered;
		s->na += ds->na;
		s->unknown += ds->unknown;
		s->open += ds->open;
		s->hidden += ds->hidden;
		s->total += ds->total;
		s->unconfirmed += ds->unconfirmed;
	}
	if (weights > 0) {
		s->has_overall = true;
		s->overall = sum / weights;
		s->overall_level = qn_level_for_score(q, s->overall);
	}
	int asked = s->total - s->hidden;
	s->progress = asked ? (double)(s->answered + s->na + s->unknown) / asked : 0.0;
	if (priorities)
		collect_priorities(q, r, hidden, s);
	if (!hidden_out)
		mem_free(hidden);
	return s;
}

struct scorecard *score_compute(const struct questionnaire *q, const struct response *r)
{
	return compute(q, r, false, NULL, true);
}

struct scorecard *score_figures(const struct questionnaire *q, const struct response *r, bool shared,
                                bool *hidden)
{
	return compute(q, r, shared, hidden, false);
}

struct scorecard *score_compute_shared(const struct questionnaire *q, const struct response *r)
{
	return compute(q, r, true, NULL, true);
}

void scorecard_free(struct scorecard *s)
{
	mem_free(s);
}

struct strength {
	int question;
	double margin;          /* level above target (or the level itself) */
};

static int cmp_strength(const void *pa, const void *pb)
{
	const struct strength *a = pa, *b = pb;
	if (a->margin != b->margin)
		return a->margin > b->margin ? -1 : 1;
	return a->question - b->question;
}

int score_strengths(const struct questionnaire *q, const struct response *r,
                    const struct scorecard *s, int *out, int max)
{
	struct strength *all = mem_array((size_t)q->nquestions, sizeof(*all));
	bool *hidden = mem_array((size_t)q->nquestions, sizeof(bool));
	if (!all || !hidden) {
		mem_free(all);
		mem_free(hidden);
		return 0;
	}
	response_hidden_all(r, hidden);
	int n = 0;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct qn_question *qu = &q->questions[qi];
		const struct answer *a = response_answer(r, qi);
		const struct domain_score *ds = &s->domains[qu->domain];
		if (a->status != ANSWER_LEVEL || qu->weight <= 0 || hidden[qi])
			continue;
		if (ds->has_target && a->level < ds->target)
			continue;
		all[n++] = (struct strength){ qi, (a->level - (ds->has_target ? ds->target : 0)) * qu->weight
		                                  + a->level * 1e-3 };
	}
	qsort(all, (size_t)n, sizeof(*all), cmp_strength);
	int count = n < max ? n : max;
	for (int i = 0; i < count; i++)
		out[i] = all[i].question;
	mem_free(all);
	mem_free(hidden);
	return count;
}
