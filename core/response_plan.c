/* The plan and the targets' decision: model and setters. */
#include "core/response_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/text.h"

static const char *const status_keys[ACTION_NSTATUS] = {
	"planned", "in-progress", "done", "dropped",
};

const char *action_status_key(enum action_status s)
{
	return s >= 0 && s < ACTION_NSTATUS ? status_keys[s] : "planned";
}

bool action_status_parse(const char *s, enum action_status *out)
{
	for (int i = 0; s && i < ACTION_NSTATUS; i++) {
		if (!strcmp(s, status_keys[i])) {
			*out = (enum action_status)i;
			return true;
		}
	}
	return false;
}

const char *action_status_words(enum action_status s)
{
	switch (s) {
	case ACTION_IN_PROGRESS: return _("in progress");
	case ACTION_DONE: return _("done");
	case ACTION_DROPPED: return _("dropped");
	default: return _("planned");
	}
}

bool action_id_valid(const char *id)
{
	return id && qn_valid_id(id);        /* the questionnaire's rule */
}

bool action_is_open(const struct action *a)
{
	return a->status == ACTION_PLANNED || a->status == ACTION_IN_PROGRESS;
}

bool action_names(const struct action *a, int qi)
{
	for (int i = 0; i < a->nquestions; i++)
		if (a->questions[i] == qi)
			return true;
	return false;
}

int response_nactions(const struct response *r) { return r->nactions; }

const struct action *response_action(const struct response *r, int i)
{
	return i >= 0 && i < r->nactions ? &r->actions[i] : NULL;
}

int response_find_action(const struct response *r, const char *id)
{
	for (int i = 0; id && i < r->nactions; i++)
		if (!strcmp(r->actions[i].id, id))
			return i;
	return -1;
}

/* A sanitised copy (control characters replaced, valid UTF-8); NULL for
 * NULL or "" when empty_is_null. *ok turns false when memory runs out. */
static char *text_copy(const char *s, bool empty_is_null, bool *ok)
{
	if (!s || (!*s && empty_is_null))
		return NULL;
	size_t len = strlen(s);
	char *copy = mem_alloc(len * 3 + 1);
	if (!copy)
		*ok = false;
	else
		text_sanitize(s, len, copy, NULL);
	return copy;
}

static void action_clear(struct action *a)
{
	mem_free((void *)a->id);
	mem_free((void *)a->title);
	mem_free((void *)a->questions);
	mem_free((void *)a->owner);
	mem_free((void *)a->note);
	memset(a, 0, sizeof *a);
}

static void decision_free(struct decision *d)
{
	if (!d)
		return;
	mem_free((void *)d->by);
	mem_free((void *)d->reference);
	mem_free(d);
}

void response_plan_free(struct response *r)
{
	for (int i = 0; i < r->nactions; i++)
		action_clear(&r->actions[i]);
	mem_free(r->actions);
	r->actions = NULL;
	r->nactions = 0;
	decision_free(r->decided);
	r->decided = NULL;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Sorting a copy keeps a long list linear-logarithmic. */
static bool has_duplicate(const int *v, int n)
{
	int *s = mem_array((size_t)n, sizeof(int));
	if (!s)
		return true;
	memcpy(s, v, (size_t)n * sizeof(int));
	qsort(s, (size_t)n, sizeof(int), cmp_int);
	bool dup = false;
	for (int i = 1; i < n && !dup; i++)
		dup = s[i] == s[i - 1];
	mem_free(s);
	return dup;
}

/* Everything but the id's uniqueness. */
static bool action_valid(const struct response *r, const struct action *a)
{
	if (!action_id_valid(a->id) || !a->title || !*a->title || a->nquestions < 1 || !a->questions)
		return false;
	for (int i = 0; i < a->nquestions; i++)
		if (a->questions[i] < 0 || a->questions[i] >= r->q->nquestions)
			return false;
	if (has_duplicate(a->questions, a->nquestions))
		return false;
	if (a->due[0] && !schema_valid_date(a->due))
		return false;
	if ((a->has_cost && !(a->cost >= 0)) || (a->has_hours && !(a->hours >= 0)))
		return false;
	return a->status >= 0 && a->status < ACTION_NSTATUS;
}

/* A deep copy of a into *out; false (out cleared) when memory runs out. */
static bool action_copy(struct action *out, const struct action *a)
{
	bool ok = true;
	*out = *a;
	out->id = mem_strdup(a->id);
	out->title = text_copy(a->title, false, &ok);
	out->owner = text_copy(a->owner, true, &ok);
	out->note = text_copy(a->note, true, &ok);
	int *qs = mem_alloc((size_t)a->nquestions * sizeof(int));
	if (qs)
		memcpy(qs, a->questions, (size_t)a->nquestions * sizeof(int));
	out->questions = qs;
	if (!ok || !out->id || !qs) {
		action_clear(out);
		return false;
	}
	return true;
}

bool response_replace_action(struct response *r, int i, const struct action *a)
{
	if (i < 0 || i >= r->nactions || !action_valid(r, a))
		return false;
	int other = response_find_action(r, a->id);
	if (other >= 0 && other != i)
		return false;
	struct action copy;
	if (!action_copy(&copy, a))
		return false;
	action_clear(&r->actions[i]);
	r->actions[i] = copy;
	response_today(r->date);
	return true;
}

bool response_add_action(struct response *r, const struct action *a)
{
	if (r->nactions >= RESPONSE_MAX_ACTIONS || !action_valid(r, a) || response_find_action(r, a->id) >= 0)
		return false;
	struct action *grown = mem_realloc(r->actions, (size_t)(r->nactions + 1) * sizeof *grown);
	if (!grown)
		return false;
	r->actions = grown;
	if (!action_copy(&r->actions[r->nactions], a))
		return false;
	r->nactions++;
	response_today(r->date);
	return true;
}

bool response_remove_action(struct response *r, int i)
{
	if (i < 0 || i >= r->nactions)
		return false;
	action_clear(&r->actions[i]);
	memmove(&r->actions[i], &r->actions[i + 1], (size_t)(r->nactions - i - 1) * sizeof *r->actions);
	r->nactions--;
	response_today(r->date);
	return true;
}

bool response_set_action_status(struct response *r, int i, enum action_status s)
{
	if (i < 0 || i >= r->nactions || s < 0 || s >= ACTION_NSTATUS)
		return false;
	r->actions[i].status = s;
	r->actions[i].carried_over = false;
	response_today(r->date);
	return true;
}

char *response_new_action_id(const struct response *r, const char *base)
{
	char stem[48];
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *c = (const unsigned char *)(base ? base : ""); *c && n < 40; c++) {
		char ch = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (n > 0 && ch == '.');
		if (keep) {
			stem[n++] = ch;
			dash = false;
		} else if (n > 0 && !dash) {
			stem[n++] = '-';
			dash = true;
		}
	}
	while (n > 0 && (stem[n - 1] == '-' || stem[n - 1] == '.'))
		n--;
	if (n == 0)
		memcpy(stem, "action", n = 6);
	stem[n] = '\0';
	char id[64];
	snprintf(id, sizeof id, "%s", stem);
	for (int k = 2; response_find_action(r, id) >= 0; k++)
		snprintf(id, sizeof id, "%s-%d", stem, k);
	return mem_strdup(id);
}

const struct decision *response_targets_decided(const struct response *r)
{
	return r->decided;
}

bool response_set_targets_decided(struct response *r, const char *by, const char *date,
                                  const char *reference)
{
	if (date && *date && !schema_valid_date(date))
		return false;
	if ((!by || !*by) && (!date || !*date) && (!reference || !*reference)) {
		decision_free(r->decided);
		r->decided = NULL;
		return true;
	}
	bool ok = true;
	struct decision *d = mem_alloc(sizeof *d);
	if (!d)
		return false;
	d->by = text_copy(by, true, &ok);
	d->reference = text_copy(reference, true, &ok);
	if (date && *date)
		memcpy(d->date, date, 11);
	if (!ok) {
		decision_free(d);
		return false;
	}
	decision_free(r->decided);
	r->decided = d;
	response_today(r->date);
	return true;
}

/* Last year's action on this questionnaire: questions mapped by id. */
static bool carry_action(struct response *r, const struct response *old, const struct action *a)
{
	int *qs = mem_alloc((size_t)a->nquestions * sizeof(int));
	if (!qs)
		return false;
	int n = 0;
	for (int i = 0; i < a->nquestions; i++) {
		int qi = qn_question_index(r->q, old->q->questions[a->questions[i]].id);
		if (qi >= 0)
			qs[n++] = qi;
	}
	struct action copy = *a;
	copy.questions = qs;
	copy.nquestions = n;
	copy.carried_over = true;
	copy.proposal = false;
	/* An id taken already (the new file has its own plan) keeps the new one. */
	bool ok = n == 0 || response_find_action(r, a->id) >= 0 || response_add_action(r, &copy);
	mem_free(qs);
	return ok;
}

bool response_carry_plan(struct response *r, const struct response *old)
{
	for (int i = 0; i < old->nactions; i++)
		if (action_is_open(&old->actions[i]) && !carry_action(r, old, &old->actions[i]))
			return false;
	const struct decision *d = old->decided;
	return !d || response_set_targets_decided(r, d->by, d->date, d->reference);
}
