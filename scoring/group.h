/* Group statistics (SPEC: "Scoring", group statistics): what a group of
 * respondents answered, per question and per domain.
 *
 * A streaming accumulator: respondents are added one at a time and can be
 * freed right after, so memory depends on the questionnaire, never on the
 * number of respondents (counts per level are all a question needs: mean,
 * median, sd and consensus follow from them exactly, whatever the order in
 * which respondents were added). Two accumulators over disjoint sets of
 * respondents can be merged, for parallel loading.
 *
 * Pure: no I/O. Levels are referred to by index (0..nlevels-1) in `counts`,
 * by value everywhere else. */
#ifndef PEIL_GROUP_H
#define PEIL_GROUP_H

#include <stdbool.h>

#include "core/questionnaire.h"
#include "core/response.h"

/* A question is contested below this consensus, or when the middle half of
 * the group is more than GROUP_CONTESTED_IQR levels apart (p75 - p25, in
 * level values). A single outlier widens the range but not the
 * interquartile range, so it no longer makes a question contested. */
#define GROUP_CONTESTED_CONSENSUS 0.6
#define GROUP_CONTESTED_IQR 1.0
/* An outlier is a vote more than this many levels beyond the middle half
 * (below p25 - 1 or above p75 + 1) on a question that is not contested:
 * 3 3 3 3 3 3 5 is agreed, with one participant at 5. */
#define GROUP_OUTLIER_LEVELS 1.0

struct group_question {
	int n;                  /* respondents who chose a level */
	const int *counts;      /* per level index; owned by the stats */
	int na, unknown, open;  /* the others; hidden (show_if) counts as na */
	bool has_stats;         /* n > 0; the figures below are 0 otherwise */
	double mean, median, sd, consensus;
	double iqr;             /* p75 - p25, quartiles interpolated at (n-1)p */
	double p25, p75;        /* the quartiles themselves (level values) */
	int min, max;           /* level values */
	bool contested;
};

struct group_domain {
	int n;                  /* respondents with a score in this domain */
	bool has_stats;         /* n > 0 */
	double mean, min, max;  /* of those respondents' domain scores */
};

struct group_stats {
	int respondents;
	int nquestions, ndomains;
	struct group_question *questions;   /* questionnaire order */
	struct group_domain *domains;
	int *counts;            /* storage behind questions[i].counts */
	/* The respondents' regions: bit i for q->regions[i], bit 31 for any
	 * other. With more than one, only the shared questions (asked in every
	 * region, qn_shared) are answered by all; there are shared_questions. */
	unsigned regions;
	int shared_questions;
};
/* The number of regions the respondents come from. */
int group_nregions(const struct group_stats *s);

struct group_acc;

/* NULL when memory runs out. The questionnaire is borrowed and must
 * outlive the accumulator. */
struct group_acc *group_acc_new(const struct questionnaire *q);
void group_acc_free(struct group_acc *a);                   /* NULL is fine */

/* Counts one respondent (r answers a's questionnaire). The response is
 * not kept. False (and nothing counted) when memory runs out. */
bool group_acc_add(struct group_acc *a, const struct response *r);
/* Adds the respondents counted in `from` to `into` (same questionnaire). */
void group_acc_merge(struct group_acc *into, const struct group_acc *from);
int group_acc_respondents(const struct group_acc *a);

/* The statistics so far; NULL when memory runs out. Free with
 * group_stats_free(). */
struct group_stats *group_finish(const struct group_acc *a);
void group_stats_free(struct group_stats *s);               /* NULL is fine */

/* The statistics of one question from its counts per level index (as in a
 * session's `votes`); na/unknown/open are left 0. `out->counts` is set to
 * `counts`, which stays the caller's. */
void group_question_stats(const struct questionnaire *q, const int *counts,
                          struct group_question *out);

/* The statistics of a group's session from its votes (a merged file or a
 * workshop session): per question from the answer's `votes`, n = 0 where
 * there are none; respondents = the file's participants; domains have no
 * figures (nobody's domain scores are in the file). NULL when memory runs
 * out. Free with group_stats_free(). For exports: what was contested. */
struct group_stats *group_from_votes(const struct questionnaire *q, const struct response *r);

/* Marks outlier[i] (nlevels) for the levels that are outliers of an
 * agreed question (GROUP_OUTLIER_LEVELS); returns the votes on them (0 on
 * a contested question: there the whole spread is the point). */
int group_outliers(const struct questionnaire *q, const struct group_question *g, bool *outlier);

/* The level a group is proposed to take: the lower median (the middle
 * vote; of the two middle votes, the lower one). It is always a level that
 * somebody chose, and never claims more than half the group saw.
 * Returns false when nobody chose a level. */
bool group_proposal(const struct questionnaire *q, const struct group_question *g, int *level);

/* Writes a group's figures into r, a response to the same questionnaire:
 * `participants`, and per question the votes (all zero where nobody chose
 * a level), `votes_na` and `votes_unknown`, and, where somebody chose a
 * level, the proposal (group_proposal), marked as a proposal. Where nobody
 * chose a level: not applicable if at least as many said so as said
 * "don't know" (and the question allows it), else don't know, else open;
 * those are proposals too (nobody decided them).
 * A proposal that the proposals themselves hide (show_if) is not set; its
 * votes are. Notes and evidence are left alone. False when memory runs out. */
bool group_apply(const struct questionnaire *q, const struct group_stats *s, struct response *r);

/* The same for a workshop's session, resumed or new: every question's
 * votes (and n/a and don't know counts) from s, and a proposal where the
 * group has not decided yet; a decision taken stays. */
bool group_apply_undecided(const struct questionnaire *q, const struct group_stats *s, struct response *r);

/* Writes the question indexes into out[nquestions], most contested first:
 * contested before not, then by consensus (lowest first), then by range
 * (widest first); questions nobody answered with a level last; ties in
 * questionnaire order. */
void group_order(const struct group_stats *s, int *out);

#endif
