/* The plan as data: the SPEC's `plan --format json` fields and the CSV
 * table of actions, shared by `peil plan` and the scorecard exports. */
#ifndef PEIL_PLAN_OUT_H
#define PEIL_PLAN_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "exports/jsonw.h"
#include "scoring/plan.h"

/* "actions", "uncovered" and "totals" into an object the caller opened.
 * With `more`, each action also carries its note and whether it was
 * carried over or proposed (the JSON export; `peil plan` keeps to the SPEC). */
void plan_json_fields(struct jsonw *w, const struct response *r, const struct plan_view *v, bool more);
/* `targets_decided` as an object, or null. */
void plan_json_decided(struct jsonw *w, const struct response *r);

/* "actions": what became of last year's plan (scoring/plan.h
 * plan_followup): per action its id, title, status now, whether it is in
 * each file, and its questions' levels then and now. false on OOM. */
bool plan_json_followup(struct jsonw *w, const struct response *old, const struct response *now);

/* The actions as CSV rows (header first, CRLF, RFC 4180 quoting, by due
 * date as in the JSON), in exports/csv.c. */
void plan_csv_write(FILE *f, const struct response *r, const struct plan_view *v, char sep);

#endif
