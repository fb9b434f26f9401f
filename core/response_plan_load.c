/* Reading `targets_decided` and `plan` from a response file, with every
 * error at its line and column (SPEC: "Response file format"). */
#include "core/response_private.h"

#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/ydoc.h"

struct ploader {
	const struct schema *s;
	struct response *r;
	bool oom;
	unsigned *seen;         /* per question: the stamp of the last action naming it */
	unsigned stamp;         /* this action's */
	bool previous;          /* an earlier version's file: see response_load_previous() */
};

/* An optional text: absent or null leaves *out NULL. */
static bool opt_text(struct ploader *L, const struct ynode *m, const char *key, const char **out)
{
	const struct ynode *n = ynode_get(m, key);
	*out = NULL;
	if (!n || schema_is_null(n))
		return true;
	return (*out = schema_string(L->s, n, key)) != NULL;
}

static void read_decided(struct ploader *L, const struct ynode *n)
{
	static const char *const keys[] = { "by", "date", "reference", NULL };
	if (!schema_map(L->s, n, "targets_decided"))
		return;
	schema_check_keys(L->s, n, keys);
	const char *by, *reference, *date = NULL;
	bool ok = opt_text(L, n, "by", &by);
	ok &= opt_text(L, n, "reference", &reference);
	const struct ynode *d = ynode_get(n, "date");
	if (d && !schema_is_null(d)) {
		if (schema_date(L->s, d, "targets_decided: date"))
			date = d->u.str;
		else
			ok = false;
	}
	if (ok && !response_set_targets_decided(L->r, by, date, reference))
		L->oom = true;
}

/* A number >= 0, or absent. */
static bool read_amount(struct ploader *L, const struct ynode *m, const char *key,
                        const char *negative, bool *has, double *out)
{
	const struct ynode *n = ynode_get(m, key);
	*has = false;
	if (!n || schema_is_null(n))
		return true;
	if (!schema_number(L->s, n, key, out))
		return false;
	if (*out < 0) {
		schema_error(L->s, n, "%s", negative);
		return false;
	}
	*has = true;
	return true;
}

/* The questions an action names, as indexes into *qs (caller frees). */
static bool read_questions(struct ploader *L, const struct ynode *n, const char *id, int **qs, int *count)
{
	*qs = NULL;
	*count = 0;
	if (!n)
		return false;
	if (n->kind == YNODE_SEQ && n->len == 0) {
		schema_error(L->s, n, _("action '%s': questions: name at least one question"), id);
		return false;
	}
	if (!schema_seq(L->s, n, "questions"))
		return false;
	L->stamp++;
	*qs = mem_alloc(n->len * sizeof(int));
	if (!*qs) {
		L->oom = true;
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < n->len; i++) {
		const char *qid = schema_string(L->s, n->u.items[i], "questions");
		int qi = qid ? qn_question_index(L->r->q, qid) : -1;
		if (qid && qi < 0 && L->previous && (qi = qn_replacement(L->r->q, qid)) < 0) {
			schema_warning(L->s, n->u.items[i], _("action '%s': '%s' is not a question of version %s; left out"),
			               id, qid, L->r->q->version ? L->r->q->version : "?");
			continue;
		}
		if (qid && qi < 0)
			schema_error(L->s, n->u.items[i], _("action '%s': '%s' is not a question of questionnaire '%s'"),
			             id, qid, L->r->q->id);
		if (qi >= 0 && L->seen[qi] == L->stamp) {
			schema_error(L->s, n->u.items[i], _("action '%s': '%s' is named twice"), id, qid);
			qi = -1;
		} else if (qi >= 0) {
			L->seen[qi] = L->stamp;
		}
		if (qi < 0)
			ok = false;
		else
			(*qs)[(*count)++] = qi;
	}
	if (ok && *count == 0) {        /* only in an earlier version's file */
		schema_warning(L->s, n, _("action '%s' left out: none of its questions is in version %s"),
		               id, L->r->q->version ? L->r->q->version : "?");
		return false;
	}
	return ok;
}

static bool read_status(struct ploader *L, const struct ynode *m, enum action_status *st)
{
	const struct ynode *n = schema_require(L->s, m, "status");
	const char *v = n ? schema_string(L->s, n, "status") : NULL;
	if (!v)
		return false;
	if (action_status_parse(v, st))
		return true;
	schema_error(L->s, n, _("status '%s': expected planned, in-progress, done or dropped"), v);
	return false;
}

static bool read_flags(struct ploader *L, const struct ynode *m, struct action *a)
{
	const struct ynode *n;
	bool ok = true;
	if ((n = ynode_get(m, "carried_over")))
		ok &= schema_bool(L->s, n, "carried_over", &a->carried_over);
	if ((n = ynode_get(m, "proposal")))
		ok &= schema_bool(L->s, n, "proposal", &a->proposal);
	return ok;
}

/* The id, checked for form and uniqueness; NULL after an error. */
static const char *read_id(struct ploader *L, const struct ynode *m, const struct ynode *plan, size_t index)
{
	const struct ynode *n = schema_require(L->s, m, "id");
	const char *id = n ? schema_string(L->s, n, "id") : NULL;
	if (!id)
		return NULL;
	if (!action_id_valid(id)) {
		schema_error(L->s, n, _("id '%s': use lower-case letters, digits, '.', '_' and '-'"), id);
		return NULL;
	}
	for (size_t i = 0; i < index; i++) {
		const struct ynode *other = ynode_get(plan->u.items[i], "id");
		if (other && other->kind == YNODE_SCALAR && !strcmp(other->u.str, id)) {
			schema_error(L->s, n, _("duplicate action id '%s' (first at line %d)"), id, other->line);
			return NULL;
		}
	}
	return id;
}

static void read_action(struct ploader *L, const struct ynode *plan, size_t index)
{
	static const char *const keys[] = { "id", "title", "questions", "owner", "due", "status", "cost",
	                                    "hours", "note", "carried_over", "proposal", NULL };
	const struct ynode *m = plan->u.items[index], *n;
	if (!schema_map(L->s, m, "plan"))
		return;
	schema_check_keys(L->s, m, keys);
	struct action a = { 0 };
	int *qs = NULL;
	a.id = read_id(L, m, plan, index);
	bool ok = a.id != NULL;
	const char *shown = a.id ? a.id : "?";
	if ((n = schema_require(L->s, m, "title")))
		ok &= (a.title = schema_string(L->s, n, "title")) != NULL;
	ok &= read_questions(L, schema_require(L->s, m, "questions"), shown, &qs, &a.nquestions);
	a.questions = qs;
	ok &= opt_text(L, m, "owner", &a.owner);
	ok &= opt_text(L, m, "note", &a.note);
	if ((n = ynode_get(m, "due")) && !schema_is_null(n)) {
		if (schema_date(L->s, n, "due"))
			memcpy(a.due, n->u.str, 11);
		else
			ok = false;
	}
	ok &= read_status(L, m, &a.status);
	ok &= read_amount(L, m, "cost", _("cost: expected an amount in euros of 0 or more"), &a.has_cost, &a.cost);
	ok &= read_amount(L, m, "hours", _("hours: expected a number of hours of 0 or more"), &a.has_hours, &a.hours);
	ok &= read_flags(L, m, &a);
	if (ok && !L->oom && !response_add_action(L->r, &a))
		L->oom = true;          /* everything add checks was checked above */
	mem_free(qs);
}

bool response_plan_read(struct response *r, const struct schema *s, const struct ynode *root,
                        bool previous)
{
	struct ploader L = { .s = s, .r = r, .previous = previous };
	const struct ynode *n;
	if ((n = ynode_get(root, "targets_decided")) && !schema_is_null(n))
		read_decided(&L, n);
	if (!(n = ynode_get(root, "plan")) || schema_is_null(n) || !schema_seq(s, n, "plan"))
		return !L.oom;
	L.seen = mem_array((size_t)r->q->nquestions, sizeof(unsigned));
	if (!L.seen)
		return false;
	for (size_t i = 0; i < n->len && !L.oom; i++) {
		if (i == RESPONSE_MAX_ACTIONS) {
			schema_error(s, n->u.items[i], _("plan: more than %d actions"), RESPONSE_MAX_ACTIONS);
			break;
		}
		read_action(&L, n, i);
	}
	mem_free(L.seen);
	return !L.oom;
}
