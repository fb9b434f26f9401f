/* The `compare` JSON object of the SPEC, shared by `peil compare --format
 * json` and the `baseline` object of the JSON export. */
#ifndef PEIL_COMPARE_JSON_H
#define PEIL_COMPARE_JSON_H

#include "core/questionnaire.h"
#include "exports/jsonw.h"
#include "scoring/compare.h"

/* Writes "overall", "domains" and "changes" into an object the caller has
 * opened. */
void compare_json_fields(struct jsonw *w, const struct questionnaire *q,
                         const struct comparison *c);

/* "level", "na", "unknown" or "open": the status words of the JSON exports. */
const char *compare_status_key(enum answer_status s);

#endif
