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

/* For writers that add their own fields to the SPEC's objects (the JSON
 * export): each hook is called inside its object, after the SPEC's fields.
 * Any hook may be NULL. */
struct score_json_hooks {
	void (*overall)(struct jsonw *w, void *ctx);
	void (*domain)(struct jsonw *w, int domain, void *ctx);
	void (*priority)(struct jsonw *w, const struct priority *p, void *ctx);
	void *ctx;
};
void score_json_fields_ext(struct jsonw *w, const struct questionnaire *q, const struct response *r,
                           const struct scorecard *s, const struct score_json_hooks *h);

#endif
