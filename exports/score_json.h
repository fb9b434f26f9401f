/* The `score` JSON object of the SPEC, shared by `peil score --format json`
 * and the JSON export (which adds its own fields to the same object). */
#ifndef PEIL_SCORE_JSON_H
#define PEIL_SCORE_JSON_H

#include "core/questionnaire.h"
#include "core/response.h"
#include "exports/jsonw.h"
#include "scoring/score.h"

/* Writes the SPEC's fields into an object the caller has opened. */
void score_json_fields(struct jsonw *w, const struct questionnaire *q,
                       const struct response *r, const struct scorecard *s);

#endif
