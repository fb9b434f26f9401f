/* The response model and its setters. */
#include "core/response_private.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"
#include "core/text.h"

void response_today(char buf[11])
{
	/* SOURCE_DATE_EPOCH makes dates reproducible (tests, golden files). */
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	bool utc = epoch && *epoch;
	time_t now = utc ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	/* Loading a file sets every answer and each set stamps the date: the
	 * conversion is done once per second (per thread), not per answer. */
	static _Thread_local time_t last = (time_t)-1;
	static _Thread_local bool last_utc;
	static _Thread_local char last_buf[11];
	if (now == last && utc == last_utc && now != (time_t)-1) {
		memcpy(buf, last_buf, 11);
		return;
	}
	struct tm tm;
	if (utc ? !gmtime_r(&now, &tm) : !localtime_r(&now, &tm))
		memset(&tm, 0, sizeof tm);
	if (!strftime(buf, 11, "%Y-%m-%d", &tm))
		strcpy(buf, "1970-01-01");
	last = now;
	last_utc = utc;
	memcpy(last_buf, buf, 11);
}

struct response *response_new(const struct questionnaire *q, const char *organisation)
{
	struct response *r = mem_alloc(sizeof(*r));
	if (!r)
		return NULL;
	r->q = q;
	r->population = -1;
	response_session_init(r);
	/* Sanitised like every other text: it may come from the command line. */
	response_set_organisation(r, organisation);
	r->has_target = mem_alloc((size_t)q->ndomains * sizeof(bool));
	r->target = mem_alloc((size_t)q->ndomains * sizeof(int));
	r->answers = mem_alloc((size_t)q->nquestions * sizeof(struct answer));
	if (!r->organisation || !r->has_target || !r->target || !r->answers) {
		response_free(r);
		return NULL;
	}
	response_today(r->date);
	return r;
}

static void free_evidence(const char *const *items, int n)
{
	for (int i = 0; i < n; i++)
		mem_free((void *)items[i]);
	mem_free((void *)items);
}

void answer_clear(struct answer *a)
{
	mem_free((void *)a->note);
	free_evidence(a->evidence, a->nevidence);
	mem_free((void *)a->votes);
	answer_free_rounds(a);
	memset(a, 0, sizeof(*a));
}

void response_free(struct response *r)
{
	if (!r)
		return;
	for (int i = 0; r->answers && i < r->q->nquestions; i++)
		answer_clear(&r->answers[i]);
	mem_free(r->answers);
	response_plan_free(r);
	response_session_free(r);
	mem_free((void *)r->organisation);
	mem_free((void *)r->organisation_id);
	mem_free((void *)r->region);
	mem_free((void *)r->answered_version);
	mem_free((void *)r->respondent);
	mem_free((void *)r->role);
	mem_free(r->has_target);
	mem_free(r->target);
	mem_free(r);
}

const struct questionnaire *response_questionnaire(const struct response *r) { return r->q; }
const char *response_organisation(const struct response *r) { return r->organisation; }
const char *response_organisation_id(const struct response *r) { return r->organisation_id; }
const char *response_respondent(const struct response *r) { return r->respondent; }
const char *response_role(const struct response *r) { return r->role; }
const char *response_date(const struct response *r) { return r->date; }
long response_population(const struct response *r) { return r->population; }
int response_participants(const struct response *r) { return r->participants; }

bool response_own_target(const struct response *r, int domain, int *level)
{
	if (domain < 0 || domain >= r->q->ndomains || !r->has_target[domain])
		return false;
	*level = r->target[domain];
	return true;
}

bool response_target(const struct response *r, int domain, int *level)
{
	if (response_own_target(r, domain, level))
		return true;
	if (domain < 0 || domain >= r->q->ndomains || !r->q->domains[domain].has_target)
		return false;
	*level = r->q->domains[domain].target;
	return true;
}

const struct answer *response_answer(const struct response *r, int question)
{
	return &r->answers[question];
}

/* The condition itself, on the answer of the question it names. */
static bool shown_by(const struct response *r, const struct qn_show_if *c)
{
	const struct answer *a = &r->answers[c->question];
	if (a->status != ANSWER_LEVEL)
		return false;
	return !((c->has_min && a->level < c->min) || (c->has_max && a->level > c->max));
}

/* The SPEC's rule (and its reference, checks/oracle.py): the condition
 * looks at the level recorded for the earlier question, even when that
 * question is itself hidden and its answer not counted. Chains are not
 * followed, so scores agree with every other implementation of the rule. */
bool response_hidden(const struct response *r, int question)
{
	const struct qn_show_if *c = &r->q->questions[question].show_if;
	if (!qn_asked_in(r->q, question, response_region(r)))
		return true;
	return c->question >= 0 && !shown_by(r, c);
}

void response_hidden_all(const struct response *r, bool *hidden)
{
	for (int i = 0; i < r->q->nquestions; i++)
		hidden[i] = response_hidden(r, i);
}

static void touch(struct response *r)
{
	response_today(r->date);
}

/* A carried-over answer that changes leaves its note behind: mark it. */
static void mark_note(struct answer *a, enum answer_status status, int level)
{
	if (a->carried_over && a->note && (a->status != status || a->level != level))
		a->note_last_year = true;
}

/* An answer given now: no longer carried over, to recheck or proposed. */
static bool set_answer(struct response *r, int question, enum answer_status status, int level)
{
	struct answer *a = &r->answers[question];
	mark_note(a, status, level);
	a->status = status;
	a->level = level;
	a->carried_over = false;
	a->recheck = false;
	a->proposal = false;
	a->accepted = false;
	touch(r);
	return true;
}

bool response_set_level(struct response *r, int question, int level)
{
	if (qn_level_index(r->q, level) < 0)
		return false;
	return set_answer(r, question, ANSWER_LEVEL, level);
}

bool response_set_status(struct response *r, int question, enum answer_status status)
{
	if (status == ANSWER_LEVEL)
		return false;
	if (status == ANSWER_NA && !r->q->questions[question].allow_na)
		return false;
	return set_answer(r, question, status, 0);
}

/* Replaces *field by a sanitised copy of s (NULL or "" clears it when
 * empty_is_null). */
static bool set_string(const char **field, const char *s, bool empty_is_null)
{
	char *copy = NULL;
	if (s && (*s || !empty_is_null)) {
		size_t len = strlen(s);
		bool safe = text_is_safe(s, len);
		copy = safe ? mem_strndup(s, len) : mem_alloc(len * 3 + 1);
		if (!copy)
			return false;
		if (!safe)
			text_sanitize(s, len, copy, NULL);
	}
	mem_free((void *)*field);
	*field = copy;
	return true;
}

bool response_set_note(struct response *r, int question, const char *note)
{
	struct answer *a = &r->answers[question];
	bool same = (a->note && note && !strcmp(a->note, note)) || (!a->note && (!note || !*note));
	if (!set_string(&a->note, note, true))
		return false;
	if (!same)
		a->note_last_year = false;      /* edited: it is this year's now */
	touch(r);
	return true;
}

bool response_set_evidence(struct response *r, int question, const char *const *items, int n)
{
	const char **copy = n > 0 ? mem_alloc((size_t)n * sizeof(char *)) : NULL;
	if (n > 0 && !copy)
		return false;
	for (int i = 0; i < n; i++) {
		if (!set_string(&copy[i], items[i], false)) {
			free_evidence(copy, i);
			return false;
		}
	}
	struct answer *a = &r->answers[question];
	free_evidence(a->evidence, a->nevidence);
	a->evidence = copy;
	a->nevidence = n;
	touch(r);
	return true;
}

bool response_set_votes(struct response *r, int question, const int *counts)
{
	struct answer *a = &r->answers[question];
	if (!counts) {
		mem_free((void *)a->votes);
		a->votes = NULL;
		return true;
	}
	int *v = a->votes ? (int *)a->votes : mem_alloc((size_t)r->q->nlevels * sizeof(int));
	if (!v)
		return false;
	for (int i = 0; i < r->q->nlevels; i++)
		v[i] = counts[i] < 0 ? 0 : counts[i];
	a->votes = v;
	touch(r);
	return true;
}

void response_set_carried_over(struct response *r, int question, bool carried)
{
	r->answers[question].carried_over = carried;
	r->answers[question].recheck &= carried;
}

void response_set_proposal(struct response *r, int question, bool proposal)
{
	r->answers[question].proposal = proposal;
}

void response_confirm(struct response *r, int question)
{
	if (r->answers[question].carried_over) {
		r->answers[question].carried_over = false;
		r->answers[question].recheck = false;
		touch(r);
	}
}

void response_answer_state(const struct response *r, int question, struct answer_state *st)
{
	const struct answer *a = &r->answers[question];
	*st = (struct answer_state){ a->status, a->level, a->carried_over, a->recheck, a->proposal, a->accepted,
	                             a->note_last_year };
}

void response_restore_state(struct response *r, int question, const struct answer_state *st)
{
	struct answer *a = &r->answers[question];
	a->status = st->status;
	a->level = st->status == ANSWER_LEVEL ? st->level : 0;
	a->carried_over = st->carried_over;
	a->recheck = st->recheck;
	a->proposal = st->proposal;
	a->accepted = st->accepted;
	a->note_last_year = st->note_last_year && a->note;
	touch(r);
}

bool response_set_organisation(struct response *r, const char *s)
{
	return set_string(&r->organisation, s ? s : "", false);
}

bool response_set_organisation_id(struct response *r, const char *s)
{
	return set_string(&r->organisation_id, s, true);
}

bool response_set_respondent(struct response *r, const char *s)
{
	return set_string(&r->respondent, s, true);
}

bool response_set_role(struct response *r, const char *s)
{
	return set_string(&r->role, s, true);
}

bool response_set_date(struct response *r, const char *s)
{
	if (!s || strlen(s) != 10)
		return false;
	memcpy(r->date, s, 11);
	return true;
}

void response_set_population(struct response *r, long population)
{
	r->population = population < 0 ? -1 : population;
}

void response_set_participants(struct response *r, int n)
{
	r->participants = n < 0 ? 0 : n;
}

bool response_set_target(struct response *r, int domain, int level)
{
	if (domain < 0 || domain >= r->q->ndomains || qn_level_index(r->q, level) < 0)
		return false;
	r->has_target[domain] = true;
	r->target[domain] = level;
	return true;
}

void response_clear_target(struct response *r, int domain)
{
	if (domain >= 0 && domain < r->q->ndomains)
		r->has_target[domain] = false;
}

bool response_carry_over(struct response *r, const struct response *old)
{
	if (old->q != r->q && strcmp(old->q->id, r->q->id) != 0)
		return false;
	if (!r->organisation_id && old->organisation_id &&
	    !response_set_organisation_id(r, old->organisation_id))
		return false;
	for (int d = 0; d < r->q->ndomains; d++) {
		int t;
		if (response_own_target(old, d, &t))
			response_set_target(r, d, t);
	}
	for (int i = 0; i < r->q->nquestions; i++) {
		const struct answer *o = &old->answers[i];
		if (o->status == ANSWER_OPEN && !o->note)
			continue;
		bool ok = true;
		if (o->status == ANSWER_LEVEL)
			ok = response_set_level(r, i, o->level);
		else if (o->status != ANSWER_OPEN)
			ok = response_set_status(r, i, o->status);
		ok = ok && response_set_note(r, i, o->note);
		ok = ok && response_set_evidence(r, i, o->evidence, o->nevidence);
		if (!ok)
			return false;
		r->answers[i].carried_over = o->status != ANSWER_OPEN;
		r->answers[i].note_last_year = o->note_last_year;
		r->answers[i].recheck = o->recheck && o->status != ANSWER_OPEN;
	}
	/* SPEC: --from also carries who we are and what we set out to do. */
	if (!*r->organisation && !response_set_organisation(r, old->organisation))
		return false;
	if (r->population < 0)
		r->population = old->population;
	if (!response_organisation_id(r) && response_organisation_id(old) &&
	    !response_set_organisation_id(r, response_organisation_id(old)))
		return false;
	if (!r->region && old->region && !response_set_region(r, old->region))
		return false;
	return response_carry_plan(r, old);
}
