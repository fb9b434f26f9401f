/* The plan's JSON (SPEC: "plan --format json"). */
#include "exports/plan_out.h"

#include "core/mem.h"

static void amount(struct jsonw *w, const char *key, bool has, double v)
{
	if (has)
		jsonw_knumber(w, key, v);
	else
		jsonw_knull(w, key);
}

static void action(struct jsonw *w, const struct response *r, const struct action *a, bool overdue,
                   bool more)
{
	const struct questionnaire *q = response_questionnaire(r);
	jsonw_object(w);
	jsonw_kstring(w, "id", a->id);
	jsonw_kstring(w, "title", a->title);
	jsonw_key(w, "questions");
	jsonw_array(w);
	for (int k = 0; k < a->nquestions; k++)
		jsonw_string(w, q->questions[a->questions[k]].id);
	jsonw_array_end(w);
	jsonw_kstring(w, "owner", a->owner);
	jsonw_kstring(w, "due", a->due[0] ? a->due : NULL);
	jsonw_kstring(w, "status", action_status_key(a->status));
	amount(w, "cost", a->has_cost, a->cost);
	amount(w, "hours", a->has_hours, a->hours);
	jsonw_kbool(w, "overdue", overdue);
	if (more) {
		jsonw_kstring(w, "note", a->note);
		jsonw_kbool(w, "carried_over", a->carried_over);
		jsonw_kbool(w, "proposal", a->proposal);
	}
	jsonw_object_end(w);
}

void plan_json_fields(struct jsonw *w, const struct response *r, const struct plan_view *v, bool more)
{
	const struct questionnaire *q = response_questionnaire(r);
	jsonw_key(w, "actions");
	jsonw_array(w);
	for (int k = 0; k < v->nactions; k++)
		action(w, r, response_action(r, v->order[k]), v->overdue[v->order[k]], more);
	jsonw_array_end(w);
	jsonw_key(w, "uncovered");
	jsonw_array(w);
	for (int i = 0; i < v->nuncovered; i++)
		jsonw_string(w, q->questions[v->uncovered[i]].id);
	jsonw_array_end(w);
	jsonw_key(w, "totals");
	jsonw_object(w);
	jsonw_knumber(w, "cost", v->cost);
	jsonw_knumber(w, "hours", v->hours);
	jsonw_object_end(w);
}

void plan_json_decided(struct jsonw *w, const struct response *r)
{
	const struct decision *d = response_targets_decided(r);
	if (!d) {
		jsonw_null(w);
		return;
	}
	jsonw_object(w);
	jsonw_kstring(w, "by", d->by);
	jsonw_kstring(w, "date", d->date[0] ? d->date : NULL);
	jsonw_kstring(w, "reference", d->reference);
	jsonw_object_end(w);
}

static void level_or_null(struct jsonw *w, const char *key, const struct response *r, int qi)
{
	const struct answer *a = r ? response_answer(r, qi) : NULL;
	if (a && a->status == ANSWER_LEVEL)
		jsonw_kint(w, key, a->level);
	else
		jsonw_knull(w, key);
}

bool plan_json_followup(struct jsonw *w, const struct response *old, const struct response *now)
{
	const struct questionnaire *q = response_questionnaire(now);
	struct followup *f;
	int n = plan_followup(old, now, &f);
	if (n < 0)
		return false;
	jsonw_key(w, "actions");
	jsonw_array(w);
	for (int i = 0; i < n; i++) {
		const struct action *a = f[i].new_index >= 0 ? response_action(now, f[i].new_index)
		                                             : response_action(old, f[i].old_index);
		jsonw_object(w);
		jsonw_kstring(w, "id", a->id);
		jsonw_kstring(w, "title", a->title);
		jsonw_kstring(w, "status", action_status_key(f[i].status));
		jsonw_kbool(w, "in_old", f[i].old_index >= 0);
		jsonw_kbool(w, "in_new", f[i].new_index >= 0);
		jsonw_key(w, "questions");
		jsonw_array(w);
		for (int k = 0; k < a->nquestions; k++) {
			int qi = a->questions[k];
			jsonw_object(w);
			jsonw_kstring(w, "question", q->questions[qi].id);
			level_or_null(w, "old", old, qi);
			level_or_null(w, "new", now, qi);
			jsonw_object_end(w);
		}
		jsonw_array_end(w);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	mem_free(f);
	return true;
}
