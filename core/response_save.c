/* Writing response files with libyaml's emitter, then atomically. */
#include "core/response_private.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/atomic.h"
#include "core/i18n.h"
#include "core/mem.h"

struct outbuf {
	char *data;
	size_t len, cap;
	bool oom;
};

static int collect(void *ctx, unsigned char *buf, size_t size)
{
	struct outbuf *o = ctx;
	if (o->len + size + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		while (cap < o->len + size + 1)
			cap *= 2;
		char *d = mem_realloc(o->data, cap);
		if (!d) {
			o->oom = true;
			return 0;
		}
		o->data = d;
		o->cap = cap;
	}
	memcpy(o->data + o->len, buf, size);
	o->len += size;
	o->data[o->len] = '\0';
	return 1;
}

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

struct emit {
	yaml_emitter_t e;
	bool ok;
};

/* yaml_emitter_emit() takes the event, also when it fails. */
static void put(struct emit *m, yaml_event_t *ev)
{
	if (!m->ok)
		yaml_event_delete(ev);
	else if (!yaml_emitter_emit(&m->e, ev))
		m->ok = false;
}

static void scalar(struct emit *m, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (!m->ok)
		return;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, style)) {
		m->ok = false;
		return;
	}
	put(m, &ev);
}

static void string(struct emit *m, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	if (strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (looks_like_other_type(s))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	scalar(m, s, style);
}

static void number(struct emit *m, long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	scalar(m, buf, YAML_PLAIN_SCALAR_STYLE);
}

/* Euros and hours: whole numbers as such, fractions as written. */
static void amount(struct emit *m, const char *key, bool has, double v)
{
	char buf[40];
	if (!has)
		return;
	snprintf(buf, sizeof buf, "%.15g", v);
	scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	scalar(m, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void key_string(struct emit *m, const char *key, const char *value)
{
	if (!value)
		return;
	scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	string(m, value);
}

static void start(struct emit *m, bool map, bool flow)
{
	yaml_event_t ev;
	yaml_mapping_style_t ms = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE;
	yaml_sequence_style_t ss = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE;
	int ok = map ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, ms)
	             : yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, ss);
	if (!ok)
		m->ok = false;
	else
		put(m, &ev);
}

static void end(struct emit *m, bool map)
{
	yaml_event_t ev;
	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	put(m, &ev);
}

static void emit_votes(struct emit *m, const struct questionnaire *q, const int *votes)
{
	scalar(m, "votes", YAML_PLAIN_SCALAR_STYLE);
	start(m, true, true);
	for (int i = 0; i < q->nlevels; i++) {
		number(m, q->levels[i].value);
		number(m, votes[i]);
	}
	end(m, true);
}

/* Votes for "not applicable" and "don't know": written only when there are. */
static void emit_vote_statuses(struct emit *m, int na, int unknown)
{
	if (na > 0) {
		scalar(m, "votes_na", YAML_PLAIN_SCALAR_STYLE);
		number(m, na);
	}
	if (unknown > 0) {
		scalar(m, "votes_unknown", YAML_PLAIN_SCALAR_STYLE);
		number(m, unknown);
	}
}

static bool has_votes(const struct answer *a)
{
	return a->votes || a->votes_na > 0 || a->votes_unknown > 0 || a->nrounds > 0;
}

static void key_date(struct emit *m, const char *key, const char *date)
{
	if (!date[0])
		return;
	scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	scalar(m, date, YAML_PLAIN_SCALAR_STYLE);
}

static void key_true(struct emit *m, const char *key, bool flag)
{
	if (!flag)
		return;
	scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	scalar(m, "true", YAML_PLAIN_SCALAR_STYLE);
}

static void emit_answer(struct emit *m, const struct response *r, int qi)
{
	const struct questionnaire *q = r->q;
	const struct answer *a = &r->answers[qi];
	bool simple = !a->note && a->nevidence == 0 && !has_votes(a);
	string(m, q->questions[qi].id);     /* an id like `no` or `1.0` is quoted too */
	start(m, true, simple);
	if (a->status == ANSWER_LEVEL) {
		scalar(m, "level", YAML_PLAIN_SCALAR_STYLE);
		number(m, a->level);
	} else if (a->status != ANSWER_OPEN) {
		key_string(m, "status", a->status == ANSWER_NA ? "na" : "unknown");
	}
	key_string(m, "note", a->note);
	if (a->nevidence > 0) {
		scalar(m, "evidence", YAML_PLAIN_SCALAR_STYLE);
		start(m, false, true);
		for (int i = 0; i < a->nevidence; i++)
			string(m, a->evidence[i]);
		end(m, false);
	}
	if (a->votes)
		emit_votes(m, q, a->votes);
	emit_vote_statuses(m, a->votes_na, a->votes_unknown);
	if (a->nrounds > 0) {
		scalar(m, "rounds", YAML_PLAIN_SCALAR_STYLE);
		start(m, false, false);
		for (int i = 0; i < a->nrounds; i++) {
			start(m, true, true);
			emit_votes(m, q, a->rounds[i].votes);
			emit_vote_statuses(m, a->rounds[i].na, a->rounds[i].unknown);
			end(m, true);
		}
		end(m, false);
	}
	key_true(m, "carried_over", a->carried_over);
	key_true(m, "note_last_year", a->note_last_year && a->note);
	key_true(m, "recheck", a->recheck);
	key_true(m, "proposal", a->proposal);
	key_true(m, "accepted", a->accepted);
	end(m, true);
}

/* session: the facts of a group's session (core/response_session.h). */
static void emit_session(struct emit *m, const struct response *r)
{
	const struct session_facts *f = &r->session;
	if (f->kind == SESSION_NONE && f->stopped_at < 0 && !f->minutes && !f->seconds && !f->npeople)
		return;
	scalar(m, "session", YAML_PLAIN_SCALAR_STYLE);
	start(m, true, false);
	key_string(m, "kind", response_session_kind_key(f->kind));
	if (f->stopped_at >= 0)
		key_string(m, "stopped_at", r->q->questions[f->stopped_at].id);
	if (f->minutes > 0) {
		scalar(m, "minutes", YAML_PLAIN_SCALAR_STYLE);
		number(m, f->minutes);
	}
	if (f->seconds > 0) {
		scalar(m, "seconds", YAML_PLAIN_SCALAR_STYLE);
		number(m, f->seconds);
	}
	if (f->npeople > 0) {
		scalar(m, "people", YAML_PLAIN_SCALAR_STYLE);
		start(m, false, false);
		for (int i = 0; i < f->npeople; i++) {
			start(m, true, true);
			key_string(m, "name", f->people[i].name);
			key_string(m, "role", f->people[i].role);
			end(m, true);
		}
		end(m, false);
	}
	end(m, true);
}

static void emit_action(struct emit *m, const struct response *r, const struct action *a)
{
	start(m, true, false);
	key_string(m, "id", a->id);
	key_string(m, "title", a->title);
	scalar(m, "questions", YAML_PLAIN_SCALAR_STYLE);
	start(m, false, true);
	for (int i = 0; i < a->nquestions; i++)
		string(m, r->q->questions[a->questions[i]].id);
	end(m, false);
	key_string(m, "owner", a->owner);
	key_date(m, "due", a->due);
	key_string(m, "status", action_status_key(a->status));
	amount(m, "cost", a->has_cost, a->cost);
	amount(m, "hours", a->has_hours, a->hours);
	key_string(m, "note", a->note);
	key_true(m, "carried_over", a->carried_over);
	key_true(m, "proposal", a->proposal);
	end(m, true);
}

/* targets_decided and plan, between the targets and the answers. */
static void emit_plan(struct emit *m, const struct response *r)
{
	const struct decision *d = r->decided;
	if (d) {
		scalar(m, "targets_decided", YAML_PLAIN_SCALAR_STYLE);
		start(m, true, true);
		key_string(m, "by", d->by);
		key_date(m, "date", d->date);
		key_string(m, "reference", d->reference);
		end(m, true);
	}
	if (r->nactions == 0)
		return;
	scalar(m, "plan", YAML_PLAIN_SCALAR_STYLE);
	start(m, false, false);
	for (int i = 0; i < r->nactions; i++)
		emit_action(m, r, &r->actions[i]);
	end(m, false);
}

static bool answer_is_empty(const struct answer *a)
{
	return a->status == ANSWER_OPEN && !a->note && a->nevidence == 0 && !has_votes(a);
}

static void emit_body(struct emit *m, const struct response *r)
{
	const struct questionnaire *q = r->q;
	start(m, true, false);
	scalar(m, "peil-responses", YAML_PLAIN_SCALAR_STYLE);
	number(m, 1);
	key_string(m, "questionnaire", q->id);
	if (q->version) {
		scalar(m, "questionnaire_version", YAML_PLAIN_SCALAR_STYLE);
		scalar(m, q->version, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	}
	key_string(m, "organisation", r->organisation);
	key_string(m, "organisation_id", r->organisation_id);
	key_string(m, "region", r->region);
	key_string(m, "respondent", r->respondent);
	key_string(m, "role", r->role);
	scalar(m, "date", YAML_PLAIN_SCALAR_STYLE);
	scalar(m, r->date, YAML_PLAIN_SCALAR_STYLE);
	if (r->population >= 0) {
		scalar(m, "population", YAML_PLAIN_SCALAR_STYLE);
		number(m, r->population);
	}
	if (r->participants > 0) {
		scalar(m, "participants", YAML_PLAIN_SCALAR_STYLE);
		number(m, r->participants);
	}
	emit_session(m, r);
	bool any_target = false;
	for (int d = 0; d < q->ndomains; d++)
		any_target |= r->has_target[d];
	if (any_target) {
		scalar(m, "targets", YAML_PLAIN_SCALAR_STYLE);
		start(m, true, true);
		for (int d = 0; d < q->ndomains; d++) {
			if (!r->has_target[d])
				continue;
			string(m, q->domains[d].id);
			number(m, r->target[d]);
		}
		end(m, true);
	}
	emit_plan(m, r);
	scalar(m, "answers", YAML_PLAIN_SCALAR_STYLE);
	bool any = false;
	for (int i = 0; i < q->nquestions; i++)
		any |= !answer_is_empty(&r->answers[i]);
	start(m, true, !any);
	for (int i = 0; i < q->nquestions; i++)
		if (!answer_is_empty(&r->answers[i]))
			emit_answer(m, r, i);
	end(m, true);
	end(m, true);
}

char *response_to_yaml(const struct response *r, size_t *len)
{
	struct outbuf out = { 0 };
	struct emit m = { .ok = true };
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&m.e))
		return NULL;
	yaml_emitter_set_output(&m.e, collect, &out);
	yaml_emitter_set_unicode(&m.e, 1);
	yaml_emitter_set_width(&m.e, -1);
	yaml_emitter_set_indent(&m.e, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	put(&m, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	put(&m, &ev);
	emit_body(&m, r);
	/* An explicit end marker makes a file cut short elsewhere detectable. */
	yaml_document_end_event_initialize(&ev, 0);
	put(&m, &ev);
	yaml_stream_end_event_initialize(&ev);
	put(&m, &ev);
	if (m.ok && !yaml_emitter_flush(&m.e))
		m.ok = false;
	yaml_emitter_delete(&m.e);
	if (!m.ok || out.oom) {
		mem_free(out.data);
		return NULL;
	}
	*len = out.len;
	return out.data;
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
