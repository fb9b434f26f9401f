#include "scoring/compare.h"

#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "scoring/peers.h"
#include "scoring/score.h"

enum answer_status compare_status(const struct response *r, int qi)
{
	if (response_hidden(r, qi))
		return ANSWER_NA;
	return response_answer(r, qi)->status;
}

static struct compare_figure figure(bool has_old, double old_score, int old_level,
                                    bool has_new, double new_score, int new_level)
{
	struct compare_figure f = {
		.has_old = has_old, .has_new = has_new,
		.old_score = has_old ? old_score : 0, .new_score = has_new ? new_score : 0,
		.old_level = has_old ? old_level : 0, .new_level = has_new ? new_level : 0,
	};
	if (has_old && has_new)
		f.delta = new_score - old_score;
	return f;
}

static void collect_changes(const struct questionnaire *q, const struct response *old,
                            const struct response *cur, struct comparison *c)
{
	for (int qi = 0; qi < q->nquestions; qi++) {
		enum answer_status so = compare_status(old, qi), sn = compare_status(cur, qi);
		int lo = so == ANSWER_LEVEL ? response_answer(old, qi)->level : 0;
		int ln = sn == ANSWER_LEVEL ? response_answer(cur, qi)->level : 0;
		if (so == sn && lo == ln)
			continue;
		c->changes[c->nchanges++] = (struct question_change){
			.question = qi, .domain = q->questions[qi].domain,
			.old_status = so, .new_status = sn, .old_level = lo, .new_level = ln,
		};
	}
}

/* The overall score over the domains scored on both sides. */
static void common_figure(const struct questionnaire *q, const struct scorecard *so,
                          const struct scorecard *sn, struct comparison *c)
{
	double wsum = 0, old_sum = 0, new_sum = 0;
	for (int d = 0; d < q->ndomains; d++) {
		const struct domain_score *a = &so->domains[d], *b = &sn->domains[d];
		c->partial = c->partial || a->has_score != b->has_score;
		if (!a->has_score || !b->has_score)
			continue;
		c->in_common[d] = true;
		c->ncommon++;
		wsum += q->domains[d].weight;
		old_sum += q->domains[d].weight * a->score;
		new_sum += q->domains[d].weight * b->score;
	}
	bool has = wsum > 0;
	double o = has ? old_sum / wsum : 0, n = has ? new_sum / wsum : 0;
	c->common = figure(has, o, has ? qn_level_for_score(q, o) : 0, has, n, has ? qn_level_for_score(q, n) : 0);
}

struct comparison *compare_scored(const struct questionnaire *q, const struct response *old,
                                  const struct scorecard *so, const struct response *cur,
                                  const struct scorecard *sn)
{
	struct comparison *c = MEM_BLOCK(struct comparison, MEM_PART(struct comparison, domains, q->ndomains),
	                                 MEM_PART(struct comparison, in_common, q->ndomains),
	                                 MEM_PART(struct comparison, changes, q->nquestions));
	if (!c)
		return NULL;
	c->ndomains = q->ndomains;
	for (int d = 0; d < q->ndomains; d++) {
		const struct domain_score *a = &so->domains[d], *b = &sn->domains[d];
		c->domains[d] = figure(a->has_score, a->score, a->level, b->has_score, b->score, b->level);
	}
	c->overall = figure(so->has_overall, so->overall, so->overall_level,
	                    sn->has_overall, sn->overall, sn->overall_level);
	common_figure(q, so, sn, c);
	collect_changes(q, old, cur, c);
	return c;
}

struct comparison *compare_compute(const struct questionnaire *q, const struct response *old,
                                   const struct response *cur)
{
	struct scorecard *so = score_compute(q, old), *sn = score_compute(q, cur);
	struct comparison *c = so && sn ? compare_scored(q, old, so, cur, sn) : NULL;
	scorecard_free(so);
	scorecard_free(sn);
	return c;
}

unsigned compare_doubts(const struct response *old, const struct response *cur)
{
	unsigned doubts = 0;
	const char *io = response_organisation_id(old), *in = response_organisation_id(cur);
	char ko[256], kn[256];
	peers_name_key(response_organisation(old), ko, sizeof ko);
	peers_name_key(response_organisation(cur), kn, sizeof kn);
	if (io && in ? strcasecmp(io, in) != 0 : strcmp(ko, kn) != 0)
		doubts |= COMPARE_OTHER_ORGANISATION;
	if (strcmp(response_date(old), response_date(cur)) > 0)
		doubts |= COMPARE_OLD_IS_NEWER;
	return doubts;
}

void comparison_free(struct comparison *c)
{
	mem_free(c);
}
