/* Scores, levels, gaps and priorities (SPEC: "Scoring"). Pure functions of
 * a questionnaire and a response; no I/O. */
#ifndef PEIL_SCORE_H
#define PEIL_SCORE_H

#include <stdbool.h>

#include "core/questionnaire.h"
#include "core/response.h"

struct domain_score {
	bool has_score;
	double score;           /* sum(w * level) / sum(w) over scored answers */
	int level;              /* highest level value <= score (if has_score) */
	bool has_target;
	int target;
	double gap;             /* target - score (if both) */
	/* Every question counts in total and in exactly one of answered, na,
	 * unknown, open and hidden (not asked: show_if not met, another
	 * region). unconfirmed counts the carried-over answers among the asked
	 * ones that nobody has confirmed yet; they are scored as usual. */
	int answered, na, unknown, open, hidden, total;
	int unconfirmed;
};

struct priority {
	int question, domain;
	int level, target;
	double weight;          /* (target - level) * question weight * domain weight */
	double domain_gap;      /* the domain's gap, for ties (0 without a score) */
};

struct scorecard {
	int ndomains;
	struct domain_score *domains;
	bool has_overall;
	double overall;
	int overall_level;
	double progress;        /* (answered + na + unknown) / (total - hidden) */
	int answered, na, unknown, open, hidden, total, unconfirmed;
	int npriorities;
	struct priority *priorities;    /* largest first; ties: the domain with the
	                                 * larger gap, then questionnaire order */
};

/* Returns NULL only when memory runs out. Free with scorecard_free(). */
struct scorecard *score_compute(const struct questionnaire *q, const struct response *r);
/* The same on the questions every region shares (qn_shared): the others
 * count as hidden. What peers in different regions are compared on. */
struct scorecard *score_compute_shared(const struct questionnaire *q, const struct response *r);
/* The figures only, for reading many files (aggregate, peers): domains and
 * overall as score_compute() (or _shared()) has them, no priorities
 * (npriorities 0); which questions are hidden for r goes into hidden
 * (nquestions of them) when it is not NULL. */
struct scorecard *score_figures(const struct questionnaire *q, const struct response *r, bool shared,
                                bool *hidden);
void scorecard_free(struct scorecard *s);      /* NULL is fine */

/* The questions with the highest levels, for "what goes well": scored
 * answers at or above their domain target (or the top levels when no
 * target), best first. Writes up to max question indexes; returns count. */
int score_strengths(const struct questionnaire *q, const struct response *r,
                    const struct scorecard *s, int *out, int max);

#endif
