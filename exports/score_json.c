#include "exports/score_json.h"

#include "scoring/plan.h"

/* SPEC: the ids of the plan's actions (not dropped) that name the question,
 * in file order. Without the index (memory ran out) the slow way. */
static void priority_actions(struct jsonw *w, const struct response *r, const struct plan_index *x, int qi)
{
	jsonw_key(w, "actions");
	jsonw_array(w);
	if (x) {
		const int *ids;
		int n = plan_index_get(x, qi, &ids);
		for (int k = 0; k < n; k++)
			jsonw_string(w, response_action(r, ids[k])->id);
	} else {
		for (int i = 0; i < response_nactions(r); i++) {
			const struct action *a = response_action(r, i);
			if (a->status != ACTION_DROPPED && action_names(a, qi))
				jsonw_string(w, a->id);
		}
	}
	jsonw_array_end(w);
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
	jsonw_knumber_or_null(w, "score", s->has_overall, s->overall);
	jsonw_knumber_or_null(w, "level", s->has_overall, s->overall_level);
	if (h && h->overall)
		h->overall(w, h->ctx);
	jsonw_object_end(w);
	jsonw_key(w, "domains");
	jsonw_array(w);
	for (int d = 0; d < s->ndomains; d++) {
		const struct domain_score *ds = &s->domains[d];
		jsonw_object(w);
		jsonw_kstring(w, "id", q->domains[d].id);
		jsonw_knumber_or_null(w, "score", ds->has_score, ds->score);
		jsonw_knumber_or_null(w, "level", ds->has_score, ds->level);
		jsonw_knumber_or_null(w, "target", ds->has_target, ds->target);
		jsonw_knumber_or_null(w, "gap", ds->has_target && ds->has_score, ds->gap);
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
	struct plan_index *x = plan_index_new(r);
	for (int i = 0; i < s->npriorities; i++) {
		const struct priority *p = &s->priorities[i];
		jsonw_object(w);
		jsonw_kstring(w, "question", q->questions[p->question].id);
		jsonw_kstring(w, "domain", q->domains[p->domain].id);
		jsonw_kint(w, "level", p->level);
		jsonw_kint(w, "target", p->target);
		priority_actions(w, r, x, p->question);
		if (h && h->priority)
			h->priority(w, p, h->ctx);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	plan_index_free(x);
}
