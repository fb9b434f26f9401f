#include "exports/compare_json.h"

const char *compare_status_key(enum answer_status s)
{
	switch (s) {
	case ANSWER_LEVEL: return "level";
	case ANSWER_NA: return "na";
	case ANSWER_UNKNOWN: return "unknown";
	case ANSWER_OPEN: break;
	}
	return "open";
}

static void figure_fields(struct jsonw *w, const struct compare_figure *f)
{
	jsonw_knumber_or_null(w, "old", f->has_old, f->old_score);
	jsonw_knumber_or_null(w, "new", f->has_new, f->new_score);
	jsonw_knumber_or_null(w, "delta", f->has_old && f->has_new, f->delta);
	jsonw_knumber_or_null(w, "old_level", f->has_old, f->old_level);
	jsonw_knumber_or_null(w, "new_level", f->has_new, f->new_level);
}

static void change_object(struct jsonw *w, const struct questionnaire *q,
                          const struct question_change *ch)
{
	jsonw_object(w);
	jsonw_kstring(w, "question", q->questions[ch->question].id);
	jsonw_kstring(w, "domain", q->domains[ch->domain].id);
	jsonw_knumber_or_null(w, "old", ch->old_status == ANSWER_LEVEL, ch->old_level);
	jsonw_knumber_or_null(w, "new", ch->new_status == ANSWER_LEVEL, ch->new_level);
	jsonw_kstring(w, "old_status", compare_status_key(ch->old_status));
	jsonw_kstring(w, "new_status", compare_status_key(ch->new_status));
	jsonw_object_end(w);
}

void compare_json_fields(struct jsonw *w, const struct questionnaire *q,
                         const struct comparison *c)
{
	jsonw_key(w, "overall");
	jsonw_object(w);
	figure_fields(w, &c->overall);
	jsonw_object_end(w);
	/* Like for like: over the domains scored in both (issue 20). */
	jsonw_key(w, "common");
	jsonw_object(w);
	jsonw_knumber_or_null(w, "old", c->common.has_old, c->common.old_score);
	jsonw_knumber_or_null(w, "new", c->common.has_new, c->common.new_score);
	jsonw_knumber_or_null(w, "delta", c->common.has_old && c->common.has_new, c->common.delta);
	jsonw_key(w, "domains");
	jsonw_array(w);
	for (int d = 0; d < c->ndomains; d++)
		if (c->in_common[d])
			jsonw_string(w, q->domains[d].id);
	jsonw_array_end(w);
	jsonw_object_end(w);
	jsonw_key(w, "domains");
	jsonw_array(w);
	for (int d = 0; d < c->ndomains; d++) {
		jsonw_object(w);
		jsonw_kstring(w, "id", q->domains[d].id);
		figure_fields(w, &c->domains[d]);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_key(w, "changes");
	jsonw_array(w);
	for (int i = 0; i < c->nchanges; i++)
		change_object(w, q, &c->changes[i]);
	jsonw_array_end(w);
}
