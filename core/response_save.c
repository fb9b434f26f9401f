/* Writing response files (core/yemit.h), then atomically. */
#include "core/response_private.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/atomic.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/yemit.h"

/* Plain text that a YAML reader would take for something else — a bool,
 * null, a number or a date — must be quoted to stay a string. */
static bool looks_like_other_type(const char *s)
{
	static const char *const words[] = { "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
		"null", "Null", "NULL", "~", NULL };
	if (!*s || strchr("0123456789+-.", *s) || *s == ' ' || s[strlen(s) - 1] == ' ')
		return true;
	for (const char *const *w = words; *w; w++)
		if (!strcmp(s, *w))
			return true;
	return false;
}

static void string(struct yemit *m, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	if (strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (looks_like_other_type(s))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	yemit_scalar(m, s, style);
}

/* Euros and hours: whole numbers as such, fractions as written. */
static void amount(struct yemit *m, const char *key, bool has, double v)
{
	char buf[40];
	if (!has)
		return;
	snprintf(buf, sizeof buf, "%.15g", v);
	yemit_pair(m, key, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void key_string(struct yemit *m, const char *key, const char *value)
{
	if (!value)
		return;
	yemit_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	string(m, value);
}

static void emit_votes(struct yemit *m, const struct questionnaire *q, const int *votes)
{
	yemit_scalar(m, "votes", YAML_PLAIN_SCALAR_STYLE);
	yemit_start(m, true, true);
	for (int i = 0; i < q->nlevels; i++) {
		yemit_long(m, q->levels[i].value);
		yemit_long(m, votes[i]);
	}
	yemit_end(m, true);
}

/* Votes for "not applicable" and "don't know": written only when there are. */
static void emit_vote_statuses(struct yemit *m, int na, int unknown)
{
	if (na > 0)
		yemit_pair_long(m, "votes_na", na);
	if (unknown > 0)
		yemit_pair_long(m, "votes_unknown", unknown);
}

static bool has_votes(const struct answer *a)
{
	return a->votes || a->votes_na > 0 || a->votes_unknown > 0 || a->nrounds > 0;
}

static void key_date(struct yemit *m, const char *key, const char *date)
{
	if (!date[0])
		return;
	yemit_pair(m, key, date, YAML_PLAIN_SCALAR_STYLE);
}

static void key_true(struct yemit *m, const char *key, bool flag)
{
	if (!flag)
		return;
	yemit_pair(m, key, "true", YAML_PLAIN_SCALAR_STYLE);
}

static void emit_answer(struct yemit *m, const struct response *r, int qi)
{
	const struct questionnaire *q = r->q;
	const struct answer *a = &r->answers[qi];
	bool simple = !a->note && a->nevidence == 0 && !has_votes(a);
	string(m, q->questions[qi].id);     /* an id like `no` or `1.0` is quoted too */
	yemit_start(m, true, simple);
	if (a->status == ANSWER_LEVEL) {
		yemit_pair_long(m, "level", a->level);
	} else if (a->status != ANSWER_OPEN) {
		key_string(m, "status", a->status == ANSWER_NA ? "na" : "unknown");
	}
	key_string(m, "note", a->note);
	if (a->nevidence > 0) {
		yemit_scalar(m, "evidence", YAML_PLAIN_SCALAR_STYLE);
		yemit_start(m, false, true);
		for (int i = 0; i < a->nevidence; i++)
			string(m, a->evidence[i]);
		yemit_end(m, false);
	}
	if (a->votes)
		emit_votes(m, q, a->votes);
	emit_vote_statuses(m, a->votes_na, a->votes_unknown);
	if (a->nrounds > 0) {
		yemit_scalar(m, "rounds", YAML_PLAIN_SCALAR_STYLE);
		yemit_start(m, false, false);
		for (int i = 0; i < a->nrounds; i++) {
			yemit_start(m, true, true);
			emit_votes(m, q, a->rounds[i].votes);
			emit_vote_statuses(m, a->rounds[i].na, a->rounds[i].unknown);
			yemit_end(m, true);
		}
		yemit_end(m, false);
	}
	key_true(m, "carried_over", a->carried_over);
	key_true(m, "note_last_year", a->note_last_year && a->note);
	key_true(m, "recheck", a->recheck);
	key_true(m, "proposal", a->proposal);
	key_true(m, "accepted", a->accepted);
	yemit_end(m, true);
}

/* session: the facts of a group's session (core/response_session.h). */
static void emit_session(struct yemit *m, const struct response *r)
{
	const struct session_facts *f = &r->session;
	if (f->kind == SESSION_NONE && f->stopped_at < 0 && !f->minutes && !f->seconds && !f->npeople)
		return;
	yemit_scalar(m, "session", YAML_PLAIN_SCALAR_STYLE);
	yemit_start(m, true, false);
	key_string(m, "kind", response_session_kind_key(f->kind));
	if (f->stopped_at >= 0)
		key_string(m, "stopped_at", r->q->questions[f->stopped_at].id);
	if (f->minutes > 0) {
		yemit_pair_long(m, "minutes", f->minutes);
	}
	if (f->seconds > 0) {
		yemit_pair_long(m, "seconds", f->seconds);
	}
	if (f->npeople > 0) {
		yemit_scalar(m, "people", YAML_PLAIN_SCALAR_STYLE);
		yemit_start(m, false, false);
		for (int i = 0; i < f->npeople; i++) {
			yemit_start(m, true, true);
			key_string(m, "name", f->people[i].name);
			key_string(m, "role", f->people[i].role);
			yemit_end(m, true);
		}
		yemit_end(m, false);
	}
	yemit_end(m, true);
}

static void emit_action(struct yemit *m, const struct response *r, const struct action *a)
{
	yemit_start(m, true, false);
	key_string(m, "id", a->id);
	key_string(m, "title", a->title);
	yemit_scalar(m, "questions", YAML_PLAIN_SCALAR_STYLE);
	yemit_start(m, false, true);
	for (int i = 0; i < a->nquestions; i++)
		string(m, r->q->questions[a->questions[i]].id);
	yemit_end(m, false);
	key_string(m, "owner", a->owner);
	key_date(m, "due", a->due);
	key_string(m, "status", action_status_key(a->status));
	amount(m, "cost", a->has_cost, a->cost);
	amount(m, "hours", a->has_hours, a->hours);
	key_string(m, "note", a->note);
	key_true(m, "carried_over", a->carried_over);
	key_true(m, "proposal", a->proposal);
	yemit_end(m, true);
}

/* targets_decided and plan, between the targets and the answers. */
static void emit_plan(struct yemit *m, const struct response *r)
{
	const struct decision *d = r->decided;
	if (d) {
		yemit_scalar(m, "targets_decided", YAML_PLAIN_SCALAR_STYLE);
		yemit_start(m, true, true);
		key_string(m, "by", d->by);
		key_date(m, "date", d->date);
		key_string(m, "reference", d->reference);
		yemit_end(m, true);
	}
	if (r->nactions == 0)
		return;
	yemit_scalar(m, "plan", YAML_PLAIN_SCALAR_STYLE);
	yemit_start(m, false, false);
	for (int i = 0; i < r->nactions; i++)
		emit_action(m, r, &r->actions[i]);
	yemit_end(m, false);
}

static bool answer_is_empty(const struct answer *a)
{
	return a->status == ANSWER_OPEN && !a->note && a->nevidence == 0 && !has_votes(a);
}

static void emit_body(struct yemit *m, const struct response *r)
{
	const struct questionnaire *q = r->q;
	yemit_start(m, true, false);
	yemit_pair_long(m, "peil-responses", 1);
	key_string(m, "questionnaire", q->id);
	if (q->version) {
		yemit_pair(m, "questionnaire_version", q->version, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	}
	key_string(m, "organisation", r->organisation);
	key_string(m, "organisation_id", r->organisation_id);
	key_string(m, "region", r->region);
	key_string(m, "respondent", r->respondent);
	key_string(m, "role", r->role);
	yemit_pair(m, "date", r->date, YAML_PLAIN_SCALAR_STYLE);
	if (r->population >= 0) {
		yemit_pair_long(m, "population", r->population);
	}
	if (r->participants > 0) {
		yemit_pair_long(m, "participants", r->participants);
	}
	emit_session(m, r);
	bool any_target = false;
	for (int d = 0; d < q->ndomains; d++)
		any_target |= r->has_target[d];
	if (any_target) {
		yemit_scalar(m, "targets", YAML_PLAIN_SCALAR_STYLE);
		yemit_start(m, true, true);
		for (int d = 0; d < q->ndomains; d++) {
			if (!r->has_target[d])
				continue;
			string(m, q->domains[d].id);
			yemit_long(m, r->target[d]);
		}
		yemit_end(m, true);
	}
	emit_plan(m, r);
	yemit_scalar(m, "answers", YAML_PLAIN_SCALAR_STYLE);
	bool any = false;
	for (int i = 0; i < q->nquestions; i++)
		any |= !answer_is_empty(&r->answers[i]);
	yemit_start(m, true, !any);
	for (int i = 0; i < q->nquestions; i++)
		if (!answer_is_empty(&r->answers[i]))
			emit_answer(m, r, i);
	yemit_end(m, true);
	yemit_end(m, true);
}

char *response_to_yaml(const struct response *r, size_t *len)
{
	struct yemit *m = yemit_new();
	if (!m)
		return NULL;
	emit_body(m, r);
	return yemit_finish(m, len);
}

bool response_save(const struct response *r, const char *path, char *err, size_t errlen)
{
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	if (!yaml) {
		snprintf(err, errlen, "%s", _("cannot produce the YAML text (out of memory?)"));
		return false;
	}
	/* Notes describe weaknesses: owner-only by default. */
	bool ok = atomic_write(path, yaml, len, S_IRUSR | S_IWUSR, false, true, err, errlen);
	mem_free(yaml);
	return ok;
}
