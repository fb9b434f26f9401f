/* The improvement plan as `peil plan` and the scorecard show it (SPEC:
 * "plan --format json"): actions by due date, overdue ones flagged, the
 * priorities no action covers, and the totals. Pure; no I/O. */
#ifndef PEIL_PLAN_H
#define PEIL_PLAN_H

#include <stdbool.h>

#include "core/response_plan.h"
#include "scoring/score.h"

struct plan_view {
	int nactions;
	int *order;             /* action indexes: by due date (none last), then id */
	bool *overdue;          /* per action index: open and due before today */
	int noverdue, nopen;
	int nuncovered;
	int *uncovered;         /* question indexes, in priority order */
	double cost, hours;     /* over the actions that are not dropped */
};

/* today is YYYY-MM-DD (plan_today()). NULL only when memory runs out. */
struct plan_view *plan_compute(const struct response *r, const struct scorecard *s, const char *today);
void plan_view_free(struct plan_view *v);      /* NULL is fine */

/* Today for deadlines: SOURCE_DATE_EPOCH (UTC) where set, else local time. */
void plan_today(char buf[11]);
/* True when an action that is not dropped names question qi. */
bool plan_covers(const struct response *r, int qi);

/* The same for every question at once (score --format json, the
 * scorecard): built in one pass over the plan. NULL when memory runs out. */
struct plan_index;
struct plan_index *plan_index_new(const struct response *r);
/* The actions naming question qi, in file order; returns how many. */
int plan_index_get(const struct plan_index *x, int qi, const int **actions);
void plan_index_free(struct plan_index *x);    /* NULL is fine */

/* Next year: what became of the actions (SPEC: "actions done since then
 * appear in the scorecard as done"). One entry per action of last year's
 * plan that was not dropped then, followed by the actions of this year's
 * plan that are done and were not in last year's; matched by id. */
struct followup {
	int old_index, new_index;       /* -1 when not in that file */
	enum action_status status;      /* now: this year's status, else last year's */
	bool gone;                      /* open last year, not in this year's plan */
	int up, same, down, unanswered; /* its questions: level now against then */
};
/* old may be NULL (no baseline): then this year's done actions only.
 * Returns how many (out owns an array the caller frees with mem_free), or
 * -1 when memory runs out. Both responses answer the same questionnaire. */
int plan_followup(const struct response *old, const struct response *now, struct followup **out);
/* Level then and now of question qi; false for either side without a level. */
bool plan_levels(const struct response *old, const struct response *now, int qi, int *then, int *level);

#endif
