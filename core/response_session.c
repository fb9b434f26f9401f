/* The facts of a group's session (core/response_session.h): the model,
 * its setters and reading `session` from a response file. Writing is in
 * response_save.c with the rest of the file. */
#include "core/response_private.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/text.h"
#include "core/ydoc.h"

void response_session_init(struct response *r)
{
	r->session = (struct session_facts){ .stopped_at = -1 };
}

void response_clear_people(struct response *r)
{
	for (int i = 0; i < r->session.npeople; i++) {
		mem_free((void *)r->people[i].name);
		mem_free((void *)r->people[i].role);
	}
	r->session.npeople = 0;
}

void response_session_free(struct response *r)
{
	response_clear_people(r);
	mem_free(r->people);
	r->people = NULL;
	r->session.people = NULL;
}

const struct session_facts *response_session(const struct response *r)
{
	return &r->session;
}

char *response_session_words(char *buf, size_t len, const struct response *r)
{
	int n = r->participants;
	switch (r->session.kind) {
	case SESSION_REVIEW:
		snprintf(buf, len, ngettext("a workshop with %d participant, on their own answers",
		                            "a workshop with %d participants, on their own answers", (unsigned long)n), n);
		break;
	case SESSION_LIVE:
		snprintf(buf, len, ngettext("a workshop with %d participant, voting in the room",
		                            "a workshop with %d participants, voting in the room", (unsigned long)n), n);
		break;
	case SESSION_MERGED:
		snprintf(buf, len, ngettext("the merged answers of %d respondent", "the merged answers of %d respondents",
		                            (unsigned long)n), n);
		break;
	default:
		if (n > 0)
			snprintf(buf, len, ngettext("group session with %d participant", "group session with %d participants",
			                            (unsigned long)n), n);
		else
			buf[0] = '\0';
	}
	return buf;
}

const char *response_group_respondent(const struct response *r)
{
	const char *who = r->respondent;
	int n, used = 0;
	if (who && r->participants > 0 &&
	    ((sscanf(who, "group of %d%n", &n, &used) == 1 && !who[used]) ||
	     (sscanf(who, "groep van %d%n", &n, &used) == 1 && !who[used])))
		return NULL;
	return who;
}

void response_set_session_kind(struct response *r, enum session_kind kind)
{
	r->session.kind = kind;
}

void response_set_stopped_at(struct response *r, int question)
{
	r->session.stopped_at = question >= 0 && question < r->q->nquestions ? question : -1;
}

void response_set_session_minutes(struct response *r, int minutes)
{
	r->session.minutes = minutes > 0 && minutes <= SESSION_MAX_MINUTES ? minutes : 0;
}

void response_set_session_seconds(struct response *r, long seconds)
{
	r->session.seconds = seconds > 0 ? seconds : 0;
}

void response_set_accepted(struct response *r, int question, bool accepted)
{
	r->answers[question].accepted = accepted;
}

/* A copy that is safe to show on a terminal (core/text.h). */
static char *clean_copy(const char *s)
{
	size_t len = strlen(s);
	if (text_is_safe(s, len))
		return mem_strndup(s, len);
	char *copy = mem_alloc(len * 3 + 1);
	if (copy)
		text_sanitize(s, len, copy, NULL);
	return copy;
}

bool response_add_person(struct response *r, const char *name, const char *role)
{
	struct session_facts *f = &r->session;
	if (!name || !*name || f->npeople >= SESSION_MAX_PEOPLE)
		return false;
	if (f->npeople == r->cappeople) {
		int cap = r->cappeople ? r->cappeople * 2 : 8;
		struct session_person *v = mem_realloc(r->people, (size_t)cap * sizeof *v);
		if (!v)
			return false;
		r->people = v;
		r->cappeople = cap;
	}
	char *n = clean_copy(name), *ro = role && *role ? clean_copy(role) : NULL;
	if (!n || (role && *role && !ro)) {
		mem_free(n);
		mem_free(ro);
		return false;
	}
	r->people[f->npeople++] = (struct session_person){ n, ro };
	f->people = r->people;
	return true;
}

/* ---- reading `session` ---- */

static const char *const kinds[] = { [SESSION_REVIEW] = "review", [SESSION_LIVE] = "live",
                                     [SESSION_MERGED] = "merged" };

const char *response_session_kind_key(enum session_kind kind)
{
	return kind > SESSION_NONE && kind <= SESSION_MERGED ? kinds[kind] : NULL;
}

static void read_kind(struct response *r, const struct schema *s, const struct ynode *n)
{
	const char *v = schema_string(s, n, "kind");
	if (!v)
		return;
	for (int k = SESSION_REVIEW; k <= SESSION_MERGED; k++)
		if (!strcmp(v, kinds[k])) {
			r->session.kind = (enum session_kind)k;
			return;
		}
	schema_error(s, n, _("session kind '%s' is not one of review, live, merged"), v);
}

static void read_count(const struct schema *s, const struct ynode *n, const char *what, int max, int *out)
{
	int v;
	if (!schema_int(s, n, what, &v))
		return;
	if (v < 0 || v > max)
		schema_error(s, n, _("%s: expected a number from 0 to %d"), what, max);
	else
		*out = v;
}

static bool read_people(struct response *r, const struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = { "name", "role", NULL };
	if (!schema_seq(s, n, "people"))
		return true;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *p = n->u.items[i], *v;
		if (!schema_map(s, p, "people"))
			continue;
		schema_check_keys(s, p, keys);
		const char *name = (v = schema_require(s, p, "name")) ? schema_string(s, v, "name") : NULL;
		const char *role = (v = ynode_get(p, "role")) && !schema_is_null(v) ? schema_string(s, v, "role") : NULL;
		if (!name)
			continue;
		if (r->session.npeople >= SESSION_MAX_PEOPLE) {
			schema_error(s, p, _("people: more than %d"), SESSION_MAX_PEOPLE);
			return true;
		}
		if (!response_add_person(r, name, role))
			return false;
	}
	return true;
}

bool response_session_read(struct response *r, const struct schema *s, const struct ynode *root)
{
	static const char *const keys[] = { "kind", "stopped_at", "minutes", "seconds", "people", NULL };
	const struct ynode *m = ynode_get(root, "session"), *n;
	if (!m || schema_is_null(m) || !schema_map(s, m, "session"))
		return true;
	schema_check_keys(s, m, keys);
	if ((n = ynode_get(m, "kind")))
		read_kind(r, s, n);
	const char *id;
	if ((n = ynode_get(m, "stopped_at")) && (id = schema_string(s, n, "stopped_at"))) {
		int qi = qn_question_index(r->q, id);
		if (qi < 0)     /* a newer questionnaire dropped it: start at the top */
			schema_warning(s, n, _("stopped_at: no question '%s' in this questionnaire"), id);
		r->session.stopped_at = qi;
	}
	if ((n = ynode_get(m, "minutes")))
		read_count(s, n, "minutes", SESSION_MAX_MINUTES, &r->session.minutes);
	int sec = 0;
	if ((n = ynode_get(m, "seconds"))) {
		read_count(s, n, "seconds", 366 * 24 * 3600, &sec);
		r->session.seconds = sec;
	}
	return (n = ynode_get(m, "people")) ? read_people(r, s, n) : true;
}
