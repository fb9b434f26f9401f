#include "exports/score_json.h"

static void number_or_null(struct jsonw *w, const char *key, bool has, double v)
{
	if (has)
		jsonw_knumber(w, key, v);
	else
		jsonw_knull(w, key);
}

void score_json_fields(struct jsonw *w, const struct questionnaire *q,
                       const struct response *r, const struct scorecard *s)
{
	score_json_fields_ext(w, q, r, s, NULL);
}

void score_json_fields_ext(struct jsonw *w, const struct questionnaire *q, const struct response *r,
                           const struct scorecard *s, const struct score_json_hooks *h)
{
	jsonw_key(w, "questionnaire");
	jsonw_object(w);
	jsonw_kstring(w, "id", q->id);
	jsonw_kstring(w, "version", q->version);
	jsonw_object_end(w);
	jsonw_kstring(w, "organisation", response_organisation(r));
	jsonw_kstring(w, "date", response_date(r));
	jsonw_knumber(w, "progress", s->progress);
	jsonw_key(w, "overall");
	jsonw_object(w);
	number_or_null(w, "score", s->has_overall, s->overall);
	number_or_null(w, "level", s->has_overall, s->overall_level);
	if (h && h->overall)
		h->overall(w, h->ctx);
	jsonw_object_end(w);
	jsonw_key(w, "domains");
	jsonw_array(w);
	for (int d = 0; d < s->ndomains; d++) {
		const struct domain_score *ds = &s->domains[d];
		jsonw_object(w);
		jsonw_kstring(w, "id", q->domains[d].id);
		number_or_null(w, "score", ds->has_score, ds->score);
		number_or_null(w, "level", ds->has_score, ds->level);
		number_or_null(w, "target", ds->has_target, ds->target);
		number_or_null(w, "gap", ds->has_target && ds->has_score, ds->gap);
		jsonw_kint(w, "answered", ds->answered);
		jsonw_kint(w, "na", ds->na);
		jsonw_kint(w, "unknown", ds->unknown);
		jsonw_kint(w, "open", ds->open);
		jsonw_kint(w, "hidden", ds->hidden);
		jsonw_kint(w, "unconfirmed", ds->unconfirmed);
		jsonw_kint(w, "total", ds->total);
		if (h && h->domain)
			h->domain(w, d, h->ctx);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_key(w, "priorities");
	jsonw_array(w);
	for (int i = 0; i < s->npriorities; i++) {
		const struct priority *p = &s->priorities[i];
		jsonw_object(w);
		jsonw_kstring(w, "question", q->questions[p->question].id);
		jsonw_kstring(w, "domain", q->domains[p->domain].id);
		jsonw_kint(w, "level", p->level);
		jsonw_kint(w, "target", p->target);
		if (h && h->priority)
			h->priority(w, p, h->ctx);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}
