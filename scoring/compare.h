/* What changed between two responses to the same questionnaire (last year
 * and this year): domain and overall scores and levels, and the answers
 * that differ (SPEC: `compare`). Pure functions; no I/O. */
#ifndef PEIL_COMPARE_H
#define PEIL_COMPARE_H

#include <stdbool.h>

#include "core/questionnaire.h"
#include "core/response.h"
#include "scoring/score.h"

struct compare_figure {
	bool has_old, has_new;  /* false: that side has no score */
	double old_score, new_score;
	int old_level, new_level;       /* valid when has_old / has_new */
	double delta;           /* new - old, valid when both sides have a score */
};

/* One question whose answer differs. A hidden question (show_if not met)
 * counts as not applicable on that side. Notes and evidence alone do not
 * make a change. */
struct question_change {
	int question, domain;
	enum answer_status old_status, new_status;
	int old_level, new_level;       /* valid when the status is ANSWER_LEVEL */
};

struct comparison {
	struct compare_figure overall;
	/* Like for like: the overall score over the domains scored on both
	 * sides only (in_common), with the domain weights. A domain scored on
	 * one side only changes `overall` without anything having changed:
	 * then `partial` is set and the common figure is the one to report. */
	struct compare_figure common;
	bool *in_common;                        /* per domain */
	int ncommon;
	bool partial;                           /* some domain is scored on one side only */
	int ndomains;
	struct compare_figure *domains;         /* q->ndomains, in questionnaire order */
	int nchanges;
	struct question_change *changes;        /* in questionnaire order */
};

/* Both responses must answer q. Returns NULL only when memory runs out.
 * Free with comparison_free(). */
struct comparison *compare_compute(const struct questionnaire *q, const struct response *old,
                                   const struct response *cur);
/* The same from scorecards already computed for old and cur (an export
 * scores each file once and shares the scorecards). */
struct comparison *compare_scored(const struct questionnaire *q, const struct response *old,
                                  const struct scorecard *so, const struct response *cur,
                                  const struct scorecard *sn);
void comparison_free(struct comparison *c);     /* NULL is fine */

/* What makes a comparison doubtful (warned about by compare and export
 * --baseline). */
enum compare_doubt {
	COMPARE_OTHER_ORGANISATION = 1 << 0,    /* another organisation_id, or else another name */
	COMPARE_OLD_IS_NEWER = 1 << 1,          /* OLD's date is after NEW's */
};
unsigned compare_doubts(const struct response *old, const struct response *cur);

/* The status of question qi as compare sees it (hidden: ANSWER_NA). */
enum answer_status compare_status(const struct response *r, int qi);

#endif
