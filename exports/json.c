/* Everything the scorecard shows as JSON: the SPEC's `score` object,
 * extended with texts, answers, baseline, peer and group figures. The
 * shape is documented in exports/JSON.md; fields are only ever added. */
#include <string.h>

#include "core/mem.h"
#include "core/response_session.h"
#include "core/text.h"
#include "exports/compare_json.h"
#include "exports/plan_out.h"
#include "exports/score_json.h"
#include "exports/xctx.h"

/* Texts are sanitised on loading; this makes sure again, since jsonw
 * escapes only C0 controls. */
static void str_value(struct jsonw *w, struct xctx *x, const char *s)
{
	if (!s) {
		jsonw_null(w);
		return;
	}
	size_t len = strlen(s);
	char *buf = mem_alloc(len * 3 + 1);
	if (!buf) {
		x->oom = true;
		jsonw_null(w);
		return;
	}
	text_sanitize(s, len, buf, NULL);
	jsonw_string(w, buf);
	mem_free(buf);
}

static void str(struct jsonw *w, struct xctx *x, const char *key, const char *s)
{
	jsonw_key(w, key);
	str_value(w, x, s);
}

static void overall_extra(struct jsonw *w, void *ctx)
{
	struct xctx *x = ctx;
	str(w, x, "label", x->s->has_overall ? qn_level_label(x->q, x->s->overall_level, x->lang) : NULL);
}

static void peer_fields(struct jsonw *w, const struct export_peer_domain *p)
{
	jsonw_kint(w, "n", p->n);
	jsonw_knumber_or_null(w, "p25", p->has, p->p25);
	jsonw_knumber_or_null(w, "median", p->has, p->median);
	jsonw_knumber_or_null(w, "p75", p->has, p->p75);
	jsonw_knumber_or_null(w, "percentile", p->has_percentile, p->percentile);
}

static void domain_extra(struct jsonw *w, int d, void *ctx)
{
	struct xctx *x = ctx;
	const struct domain_score *ds = &x->s->domains[d];
	str(w, x, "title", xctx_domain_title(x, d));
	str(w, x, "label", ds->has_score ? qn_level_label(x->q, ds->level, x->lang) : NULL);
	jsonw_knumber(w, "weight", x->q->domains[d].weight);
	jsonw_key(w, "change");
	if (x->cmp) {
		const struct compare_figure *c = &x->cmp->domains[d];
		jsonw_object(w);
		jsonw_knumber_or_null(w, "old", c->has_old, c->old_score);
		jsonw_knumber_or_null(w, "delta", c->has_old && c->has_new, c->delta);
		jsonw_knumber_or_null(w, "old_level", c->has_old, c->old_level);
		jsonw_object_end(w);
	} else {
		jsonw_null(w);
	}
	jsonw_key(w, "peers");
	if (x->o->peers) {
		jsonw_object(w);
		peer_fields(w, &x->o->peers->domains[d]);
		jsonw_object_end(w);
	} else {
		jsonw_null(w);
	}
}

static void priority_extra(struct jsonw *w, const struct priority *p, void *ctx)
{
	struct xctx *x = ctx;
	const struct qn_question *qu = &x->q->questions[p->question];
	str(w, x, "text", xctx_question_text(x, p->question));
	str(w, x, "advice", qn_tr(x->q, &qu->answers[qn_level_index(x->q, p->level)].advice, x->lang));
	jsonw_knumber(w, "weight", p->weight);
}

static void votes_fields(struct jsonw *w, struct xctx *x, int qi)
{
	const struct answer *a = response_answer(x->r, qi);
	jsonw_key(w, "votes");
	if (!a->votes) {
		jsonw_null(w);
		jsonw_knull(w, "consensus");
		jsonw_knull(w, "contested");
		return;
	}
	jsonw_object(w);
	for (int l = 0; l < x->q->nlevels; l++) {
		char key[24];
		snprintf(key, sizeof key, "%d", x->q->levels[l].value);
		jsonw_kint(w, key, a->votes[l]);
	}
	jsonw_object_end(w);
	const struct group_question *g = &x->votes[qi];
	jsonw_knumber_or_null(w, "consensus", g->has_stats, g->consensus);
	jsonw_kbool(w, "contested", g->has_stats && g->contested);
}

static void answer_object(struct jsonw *w, struct xctx *x, int qi)
{
	const struct qn_question *qu = &x->q->questions[qi];
	const struct answer *a = response_answer(x->r, qi);
	bool hidden = response_hidden(x->r, qi), level = a->status == ANSWER_LEVEL && !hidden;
	jsonw_object(w);
	jsonw_kstring(w, "question", qu->id);
	jsonw_kstring(w, "domain", x->q->domains[qu->domain].id);
	str(w, x, "text", xctx_question_text(x, qi));
	jsonw_kstring(w, "status", compare_status_key(compare_status(x->r, qi)));
	jsonw_kbool(w, "hidden", hidden);
	jsonw_knumber_or_null(w, "level", level, a->level);
	str(w, x, "label", level ? qn_level_label(x->q, a->level, x->lang) : NULL);
	str(w, x, "answer", level ? xctx_tr(x, &qu->answers[qn_level_index(x->q, a->level)].text) : NULL);
	str(w, x, "note", a->note);
	jsonw_key(w, "evidence");
	jsonw_array(w);
	for (int i = 0; i < a->nevidence; i++)
		str_value(w, x, a->evidence[i]);
	jsonw_array_end(w);
	jsonw_kbool(w, "carried_over", a->carried_over);
	jsonw_kbool(w, "proposal", a->proposal);
	votes_fields(w, x, qi);
	jsonw_object_end(w);
}

static void strengths(struct jsonw *w, struct xctx *x)
{
	jsonw_key(w, "strengths");
	jsonw_array(w);
	for (int i = 0; i < x->nstrengths; i++) {
		int qi = x->strengths[i];
		jsonw_object(w);
		jsonw_kstring(w, "question", x->q->questions[qi].id);
		jsonw_kstring(w, "domain", x->q->domains[x->q->questions[qi].domain].id);
		jsonw_kint(w, "level", response_answer(x->r, qi)->level);
		str(w, x, "text", xctx_question_text(x, qi));
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

static void baseline(struct jsonw *w, struct xctx *x)
{
	if (!jsonw_kobject_or_null(w, "baseline", x->cmp))
		return;
	str(w, x, "organisation", response_organisation(x->o->baseline));
	jsonw_kstring(w, "date", response_date(x->o->baseline));
	compare_json_fields(w, x->q, x->cmp);
	if (!plan_json_followup(w, x->o->baseline, x->r))
		x->oom = true;
	jsonw_object_end(w);
}

/* The decision cycle: who set the targets, and the plan as `peil plan
 * --format json` gives it, with each action's note and flags. */
static void plan(struct jsonw *w, struct xctx *x)
{
	char today[11];
	plan_today(today);
	jsonw_key(w, "targets_decided");
	plan_json_decided(w, x->r);
	struct plan_view *v = plan_compute(x->r, x->s, today);
	if (!jsonw_kobject_or_null(w, "plan", v)) {
		x->oom = true;
		return;
	}
	plan_json_fields(w, x->r, v, true);
	jsonw_object_end(w);
	plan_view_free(v);
}

static void peers(struct jsonw *w, struct xctx *x)
{
	const struct export_peers *p = x->o->peers;
	if (!jsonw_kobject_or_null(w, "peers", p))
		return;
	jsonw_kint(w, "peers", p->npeers);
	str(w, x, "size_class", p->size_class);
	jsonw_key(w, "domains");
	jsonw_array(w);
	for (int d = 0; d < x->q->ndomains; d++) {
		jsonw_object(w);
		jsonw_kstring(w, "id", x->q->domains[d].id);
		peer_fields(w, &p->domains[d]);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_object_end(w);
}

/* The facts of the session (core/response_session.h), null for a file
 * without them. */
static void session(struct jsonw *w, struct xctx *x)
{
	const struct session_facts *f = response_session(x->r);
	jsonw_key(w, "session");
	if (f->kind == SESSION_NONE) {
		jsonw_null(w);
		return;
	}
	jsonw_object(w);
	jsonw_kstring(w, "kind", response_session_kind_key(f->kind));
	jsonw_knumber_or_null(w, "minutes", f->minutes > 0, f->minutes);
	jsonw_kint(w, "seconds", f->seconds);
	int accepted = 0;
	for (int qi = 0; qi < x->q->nquestions; qi++)
		accepted += response_answer(x->r, qi)->accepted;
	jsonw_kint(w, "accepted", accepted);
	jsonw_key(w, "people");
	jsonw_array(w);
	for (int i = 0; i < f->npeople; i++) {
		jsonw_object(w);
		str(w, x, "name", f->people[i].name);
		str(w, x, "role", f->people[i].role);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_object_end(w);
}

static void group(struct jsonw *w, struct xctx *x)
{
	if (!jsonw_kobject_or_null(w, "group", x->votes))
		return;
	int contested, voted = xctx_voted(x, &contested);
	double mean;
	int n = response_participants(x->r);
	jsonw_knumber_or_null(w, "participants", n > 0, n);
	jsonw_kint(w, "questions_with_votes", voted);
	jsonw_kint(w, "contested", contested);
	jsonw_kint(w, "proposals", xctx_proposals(x));
	bool has = xctx_mean_consensus(x->votes, x->q->nquestions, &mean);
	jsonw_knumber_or_null(w, "mean_consensus", has, mean);
	has = xctx_mean_consensus(x->base_votes, x->q->nquestions, &mean);
	jsonw_knumber_or_null(w, "baseline_mean_consensus", has, mean);
	session(w, x);
	jsonw_object_end(w);
}

static void header_fields(struct jsonw *w, struct xctx *x)
{
	long pop = response_population(x->r);
	int n = response_participants(x->r);
	jsonw_kstring(w, "format", "peil-export");
	jsonw_kint(w, "format_version", 1);
	jsonw_kstring(w, "language", x->q->langs[x->lang]);
	str(w, x, "title", xctx_tr(x, &x->q->title));
	str(w, x, "respondent", response_respondent(x->r));
	str(w, x, "role", response_role(x->r));
	jsonw_knumber_or_null(w, "participants", n > 0, n);
	jsonw_knumber_or_null(w, "population", pop >= 0, (double)pop);
	jsonw_key(w, "levels");
	jsonw_array(w);
	for (int l = 0; l < x->q->nlevels; l++) {
		jsonw_object(w);
		jsonw_kint(w, "value", x->q->levels[l].value);
		str(w, x, "label", xctx_tr(x, &x->q->levels[l].label));
		str(w, x, "description", qn_tr(x->q, &x->q->levels[l].description, x->lang));
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

bool json_write(struct xctx *x, FILE *f)
{
	struct jsonw w;
	struct score_json_hooks h = { overall_extra, domain_extra, priority_extra, x };
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	score_json_fields_ext(&w, x->q, x->r, x->s, &h);
	header_fields(&w, x);
	strengths(&w, x);
	plan(&w, x);
	jsonw_key(&w, "answers");
	jsonw_array(&w);
	for (int qi = 0; qi < x->q->nquestions; qi++)
		answer_object(&w, x, qi);
	jsonw_array_end(&w);
	baseline(&w, x);
	peers(&w, x);
	group(&w, x);
	jsonw_object_end(&w);
	return !x->oom;
}
