/* Loading and validating a response file (SPEC: "Response file format"). */
#include "core/response_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/ydoc.h"

struct rloader {
	struct schema s;
	struct response *r;
	const struct questionnaire *q;
	bool oom;
};

static void no_memory(struct rloader *L)
{
	if (!L->oom)
		diag_error(L->s.d, L->s.path, 0, 0, "%s", _("out of memory"));
	L->oom = true;
}

static bool read_level(struct rloader *L, const struct ynode *n, int *level)
{
	if (!schema_int(&L->s, n, "level", level))
		return false;
	if (qn_level_index(L->q, *level) < 0) {
		schema_error(&L->s, n, _("level %d is not one of the questionnaire's levels"), *level);
		return false;
	}
	return true;
}

static void read_evidence(struct rloader *L, const struct ynode *n, int qi)
{
	const char *one;
	if (n->kind == YNODE_SCALAR) {
		if ((one = schema_string(&L->s, n, "evidence")) && !response_set_evidence(L->r, qi, &one, 1))
			no_memory(L);
		return;
	}
	if (!schema_seq(&L->s, n, "evidence"))
		return;
	const char **items = mem_alloc((n->len ? n->len : 1) * sizeof(char *));
	if (!items) {
		no_memory(L);
		return;
	}
	int count = 0;
	for (size_t i = 0; i < n->len; i++)
		if ((items[count] = schema_string(&L->s, n->u.items[i], "evidence")))
			count++;
	if (!response_set_evidence(L->r, qi, items, count))
		no_memory(L);
	mem_free(items);
}

/* votes: {level: count}, into counts[nlevels] (zeroed by the caller). */
static bool read_counts(struct rloader *L, const struct ynode *n, int *counts)
{
	if (!schema_map(&L->s, n, "votes"))
		return false;
	for (size_t i = 0; i < n->len; i++) {
		int level, count;
		const struct ynode *k = n->u.pairs[i].key;
		if (!read_level(L, k, &level))
			continue;
		if (!schema_int(&L->s, n->u.pairs[i].value, "votes", &count))
			continue;
		if (count < 0)
			schema_error(&L->s, n->u.pairs[i].value, "%s", _("votes: a count cannot be negative"));
		else
			counts[qn_level_index(L->q, level)] = count;
	}
	return true;
}

static void read_votes(struct rloader *L, const struct ynode *n, int qi)
{
	int *counts = mem_alloc((size_t)L->q->nlevels * sizeof(int));
	if (!counts) {
		no_memory(L);
		return;
	}
	memset(counts, 0, (size_t)L->q->nlevels * sizeof(int));
	if (read_counts(L, n, counts) && !response_set_votes(L->r, qi, counts))
		no_memory(L);
	mem_free(counts);
}

/* votes_na / votes_unknown: a count >= 0, 0 when absent or wrong. */
static int read_status_count(struct rloader *L, const struct ynode *m, const char *key)
{
	const struct ynode *n = ynode_get(m, key);
	int count = 0;
	if (!n || !schema_int(&L->s, n, key, &count))
		return 0;
	if (count < 0) {
		schema_error(&L->s, n, _("%s: a count cannot be negative"), key);
		return 0;
	}
	return count;
}

/* rounds: the earlier rounds of votes, each {votes, votes_na, votes_unknown}. */
static void read_rounds(struct rloader *L, const struct ynode *n, int qi)
{
	static const char *const keys[] = { "votes", "votes_na", "votes_unknown", NULL };
	if (!schema_seq(&L->s, n, "rounds"))
		return;
	int *counts = mem_alloc((size_t)L->q->nlevels * sizeof(int));
	bool ok = counts != NULL;
	for (size_t i = 0; ok && i < n->len; i++) {
		const struct ynode *round = n->u.items[i], *v;
		if (!schema_map(&L->s, round, "rounds"))
			continue;
		schema_check_keys(&L->s, round, keys);
		memset(counts, 0, (size_t)L->q->nlevels * sizeof(int));
		if ((v = ynode_get(round, "votes")))
			read_counts(L, v, counts);
		ok = response_add_round(L->r, qi, counts, read_status_count(L, round, "votes_na"),
		                        read_status_count(L, round, "votes_unknown"));
	}
	if (!ok)
		no_memory(L);
	mem_free(counts);
}

static void read_answer(struct rloader *L, const struct ynode *key, const struct ynode *m)
{
	static const char *const keys[] = { "level", "status", "note", "evidence", "votes",
	                                    "votes_na", "votes_unknown", "rounds",
	                                    "carried_over", "proposal", NULL };
	int qi = qn_question_index(L->q, key->u.str);
	if (qi < 0) {
		schema_error(&L->s, key, _("'%s' is not a question of questionnaire '%s'"), key->u.str, L->q->id);
		return;
	}
	if (!schema_map(&L->s, m, key->u.str))
		return;
	schema_check_keys(&L->s, m, keys);
	const struct ynode *lv = ynode_get(m, "level"), *st = ynode_get(m, "status");
	int level;
	if (lv && st) {
		schema_error(&L->s, st, "%s", _("an answer has either a level or a status, not both"));
	} else if (lv && read_level(L, lv, &level)) {
		response_set_level(L->r, qi, level);
	} else if (st) {
		const char *v = schema_string(&L->s, st, "status");
		if (v && !strcmp(v, "na")) {
			if (!L->q->questions[qi].allow_na)
				schema_error(&L->s, st, _("'%s' does not allow \"not applicable\""), key->u.str);
			else
				response_set_status(L->r, qi, ANSWER_NA);
		} else if (v && !strcmp(v, "unknown")) {
			response_set_status(L->r, qi, ANSWER_UNKNOWN);
		} else if (v) {
			schema_error(&L->s, st, _("status '%s': expected na or unknown"), v);
		}
	}
	const struct ynode *n;
	const char *note;
	if ((n = ynode_get(m, "note")) && !schema_is_null(n) &&
	    (note = schema_string(&L->s, n, "note")) && !response_set_note(L->r, qi, note))
		no_memory(L);
	if ((n = ynode_get(m, "evidence")) && !schema_is_null(n))
		read_evidence(L, n, qi);
	if ((n = ynode_get(m, "votes")))
		read_votes(L, n, qi);
	response_set_vote_statuses(L->r, qi, read_status_count(L, m, "votes_na"),
	                           read_status_count(L, m, "votes_unknown"));
	if ((n = ynode_get(m, "rounds")))
		read_rounds(L, n, qi);
	bool flag;
	if ((n = ynode_get(m, "carried_over")) && schema_bool(&L->s, n, "carried_over", &flag))
		L->r->answers[qi].carried_over = flag;
	if ((n = ynode_get(m, "proposal")) && schema_bool(&L->s, n, "proposal", &flag))
		L->r->answers[qi].proposal = flag;
}

static void read_targets(struct rloader *L, const struct ynode *n)
{
	if (!schema_map(&L->s, n, "targets"))
		return;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
		int d = qn_domain_index(L->q, k->u.str), level;
		if (d < 0) {
			schema_error(&L->s, k, _("targets: '%s' is not a domain of the questionnaire"), k->u.str);
			continue;
		}
		if (schema_is_null(v))
			continue;
		if (!schema_int(&L->s, v, "targets", &level))
			continue;
		if (!response_set_target(L->r, d, level))
			schema_error(&L->s, v, _("targets: %d is not one of the questionnaire's levels"), level);
	}
}

/* A code as the statistics offices write it: letters, digits, '-' and
 * '.', at most 32 (CBS "GM0363", NIS "44021"). */
static void read_organisation_id(struct rloader *L, const struct ynode *n, const char *v)
{
	size_t len = strlen(v);
	bool ok = len > 0 && len <= 32;
	for (size_t i = 0; ok && i < len; i++)
		ok = isalnum((unsigned char)v[i]) || v[i] == '-' || v[i] == '.';
	if (!ok)
		schema_error(&L->s, n, _("organisation_id: '%s' is not a code such as GM0363 (CBS) or 44021 (NIS)"), v);
	else if (!response_set_organisation_id(L->r, v))
		no_memory(L);
}

/* Checks the header; false when the file is for another questionnaire,
 * in which case its answers are not worth checking question by question. */
static bool read_header(struct rloader *L, const struct ynode *root)
{
	static const char *const keys[] = { "peil-responses", "questionnaire", "questionnaire_version",
	                                    "organisation", "organisation_id", "respondent", "role", "date",
	                                    "population", "participants", "targets", "targets_decided", "plan",
	                                    "answers", NULL };
	schema_check_keys(&L->s, root, keys);
	const struct ynode *n = schema_require(&L->s, root, "peil-responses");
	int version;
	if (n && schema_int(&L->s, n, "peil-responses", &version) && version != 1)
		schema_error(&L->s, n, _("format version %d is not supported; this peil reads version 1"), version);
	const char *id = NULL;
	if ((n = schema_require(&L->s, root, "questionnaire")))
		id = schema_string(&L->s, n, "questionnaire");
	if (id && strcmp(id, L->q->id) != 0) {
		schema_error(&L->s, n, _("this file answers questionnaire '%s', not '%s' (%s)"), id, L->q->id, L->q->path);
		return false;
	}
	const char *v;
	if ((n = ynode_get(root, "questionnaire_version")) && (v = schema_string(&L->s, n, "questionnaire_version")) &&
	    L->q->version && strcmp(v, L->q->version) != 0)
		schema_warning(&L->s, n, _("answers version %s of the questionnaire; this is version %s"), v, L->q->version);
	if ((n = schema_require(&L->s, root, "organisation")) && (v = schema_string(&L->s, n, "organisation")) &&
	    !response_set_organisation(L->r, v))
		no_memory(L);
	if ((n = ynode_get(root, "organisation_id")) && !schema_is_null(n) &&
	    (v = schema_string(&L->s, n, "organisation_id")))
		read_organisation_id(L, n, v);
	if ((n = ynode_get(root, "respondent")) && !schema_is_null(n) &&
	    (v = schema_string(&L->s, n, "respondent")) && !response_set_respondent(L->r, v))
		no_memory(L);
	if ((n = ynode_get(root, "role")) && !schema_is_null(n) &&
	    (v = schema_string(&L->s, n, "role")) && !response_set_role(L->r, v))
		no_memory(L);
	int number;
	if ((n = ynode_get(root, "population")) && !schema_is_null(n) &&
	    schema_int(&L->s, n, "population", &number)) {
		if (number < 0)
			schema_error(&L->s, n, "%s", _("population: expected a number of inhabitants"));
		else
			response_set_population(L->r, number);
	}
	if ((n = ynode_get(root, "participants")) && schema_int(&L->s, n, "participants", &number))
		response_set_participants(L->r, number);
	if ((n = ynode_get(root, "targets")) && !schema_is_null(n))
		read_targets(L, n);
	return true;
}

static void warn_hidden_answers(struct rloader *L, const struct ynode *answers)
{
	bool *hidden = mem_alloc((size_t)(L->q->nquestions ? L->q->nquestions : 1) * sizeof(bool));
	if (!hidden) {
		no_memory(L);
		return;
	}
	response_hidden_all(L->r, hidden);
	for (size_t i = 0; i < answers->len; i++) {
		int qi = qn_question_index(L->q, answers->u.pairs[i].key->u.str);
		if (qi >= 0 && L->r->answers[qi].status == ANSWER_LEVEL && hidden[qi])
			schema_warning(&L->s, answers->u.pairs[i].key,
			               _("'%s' is hidden by its show_if condition; its answer is not counted"),
			               L->q->questions[qi].id);
	}
	mem_free(hidden);
}

struct response *response_from_doc(const struct ydoc *doc, const struct questionnaire *q,
                                   struct diag_list *d)
{
	struct rloader L = { .s = { doc->path, d }, .q = q };
	size_t errors_before = diag_errors(d);
	if (!doc->root || !schema_map(&L.s, doc->root, _("response file")))
		return NULL;
	L.r = response_new(q, "");
	if (!L.r) {
		no_memory(&L);
		return NULL;
	}
	if (read_header(&L, doc->root)) {
		const struct ynode *answers = ynode_get(doc->root, "answers");
		if (answers && !schema_is_null(answers) && schema_map(&L.s, answers, "answers")) {
			for (size_t i = 0; i < answers->len; i++)
				read_answer(&L, answers->u.pairs[i].key, answers->u.pairs[i].value);
			warn_hidden_answers(&L, answers);
		}
		/* After the answers: an action's questions are checked, not its levels. */
		if (!response_plan_read(L.r, &L.s, doc->root))
			no_memory(&L);
		/* Last: the setters above stamp today's date on every change. */
		const struct ynode *date = schema_require(&L.s, doc->root, "date");
		if (date && schema_date(&L.s, date, "date"))
			response_set_date(L.r, date->u.str);
	}
	if (diag_errors(d) > errors_before || L.oom) {
		response_free(L.r);
		return NULL;
	}
	return L.r;
}

struct response *response_load(const char *path, const struct questionnaire *q,
                               struct diag_list *d)
{
	size_t errors_before = diag_errors(d);
	struct ydoc *doc = ydoc_load_file(path, d);
	if (!doc)
		return NULL;
	struct response *r = response_from_doc(doc, q, d);
	if (r && diag_errors(d) > errors_before) {
		response_free(r);       /* a refused alias: reported, not loaded */
		r = NULL;
	}
	if (r && !doc->explicit_end)
		diag_warning(d, path, 0, 0, "%s",
		             _("no end marker '...': the file may have been cut short (peil writes one)"));
	ydoc_free(doc);
	return r;
}
