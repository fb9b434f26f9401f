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
	bool previous;          /* response_load_previous() */
	bool older;             /* ... of a file that answered an earlier version */
};

static void no_memory(struct rloader *L)
{
	if (!L->oom)
		diag_error(L->s.d, L->s.path, 0, 0, "%s", _("out of memory"));
	L->oom = true;
}

static bool read_level(struct rloader *L, const struct ynode *n, int *level)
{
	/* One plain digit, nearly every level: what schema_int() would say,
	 * without strtol (hot when reading thousands of files). */
	if (n && n->kind == YNODE_SCALAR && n->plain && n->len == 1 && n->u.str[0] >= '0' && n->u.str[0] <= '9')
		*level = n->u.str[0] - '0';
	else if (!schema_int(&L->s, n, "level", level))
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
	const char **items = mem_array(n->len, sizeof(char *));
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

/* votes: {level: count}, into counts[nlevels] (zeroed by the caller).
 * Two keys for one level (1, 01, +1) are an error, not "the last wins";
 * the counts of one question may add up to RESPONSE_MAX_VOTES, so that
 * every sum of them fits an int (issue 13.6, 13.14). */
static bool read_counts(struct rloader *L, const struct ynode *n, int *counts)
{
	if (!schema_map(&L->s, n, "votes"))
		return false;
	const struct ynode **seen = mem_alloc((size_t)L->q->nlevels * sizeof *seen);
	if (!seen) {
		no_memory(L);
		return false;
	}
	long long total = 0;
	bool ok = true;
	for (size_t i = 0; i < n->len; i++) {
		int level, count;
		const struct ynode *k = n->u.pairs[i].key;
		if (!read_level(L, k, &level))
			continue;
		int li = qn_level_index(L->q, level);
		if (seen[li]) {
			schema_error(&L->s, k, _("votes: '%s' is level %d again (already given as '%s' on line %d)"),
			             k->u.str, level, seen[li]->u.str, seen[li]->line);
			ok = false;
			continue;
		}
		seen[li] = k;
		if (!schema_int(&L->s, n->u.pairs[i].value, "votes", &count))
			continue;
		if (count < 0) {
			schema_error(&L->s, n->u.pairs[i].value, "%s", _("votes: a count cannot be negative"));
		} else if ((total += count) > RESPONSE_MAX_VOTES) {
			schema_error(&L->s, n->u.pairs[i].value, _("votes: the counts of one question add up to more than %d"),
			             RESPONSE_MAX_VOTES);
			ok = false;
			break;
		} else {
			counts[li] = count;
		}
	}
	mem_free(seen);
	return ok;
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
static int read_status_count(struct rloader *L, const struct ynode *n, const char *key)
{
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
		int na = read_status_count(L, ynode_get(round, "votes_na"), "votes_na");
		int unknown = read_status_count(L, ynode_get(round, "votes_unknown"), "votes_unknown");
		ok = response_add_round(L->r, qi, counts, na, unknown);
	}
	if (!ok)
		no_memory(L);
	mem_free(counts);
}

/* The values of an answer's keys, found in one pass (this is the hot loop
 * when reading thousands of files). */
struct answer_keys {
	const struct ynode *level, *status, *note, *evidence, *votes, *votes_na, *votes_unknown,
	                   *rounds, *carried_over, *recheck, *proposal, *accepted, *note_last_year;
};

static const struct ynode **answer_slot(struct answer_keys *k, const char *s)
{
	/* By the first letter, then one strcmp: this runs for every key of
	 * every answer. */
	switch (s[0]) {
	case 'l': return !strcmp(s, "level") ? &k->level : NULL;
	case 's': return !strcmp(s, "status") ? &k->status : NULL;
	case 'n': return !strcmp(s, "note") ? &k->note : !strcmp(s, "note_last_year") ? &k->note_last_year : NULL;
	case 'e': return !strcmp(s, "evidence") ? &k->evidence : NULL;
	case 'v': return !strcmp(s, "votes") ? &k->votes : !strcmp(s, "votes_na") ? &k->votes_na :
	                 !strcmp(s, "votes_unknown") ? &k->votes_unknown : NULL;
	case 'r': return !strcmp(s, "rounds") ? &k->rounds : !strcmp(s, "recheck") ? &k->recheck : NULL;
	case 'c': return !strcmp(s, "carried_over") ? &k->carried_over : NULL;
	case 'p': return !strcmp(s, "proposal") ? &k->proposal : NULL;
	case 'a': return !strcmp(s, "accepted") ? &k->accepted : NULL;
	default: return NULL;
	}
}

static bool find_answer_keys(const struct ynode *m, struct answer_keys *k)
{
	bool known = true;
	for (size_t i = 0; i < m->len; i++) {
		const char *s = m->u.pairs[i].key->u.str;
		const struct ynode **slot = answer_slot(k, s);
		if (slot)
			*slot = m->u.pairs[i].value;
		else
			known &= !strncmp(s, "x-", 2);
	}
	return known;
}

/* Sets the level or status directly: the setters would also stamp today's
 * date, which the file's own `date` replaces at the end anyway. */
static void read_level_or_status(struct rloader *L, const char *id, int qi, const struct answer_keys *k)
{
	struct answer *a = &L->r->answers[qi];
	int level;
	if (k->level && k->status) {
		schema_error(&L->s, k->status, "%s", _("an answer has either a level or a status, not both"));
	} else if (k->level && read_level(L, k->level, &level)) {
		a->status = ANSWER_LEVEL;
		a->level = level;
	} else if (k->status) {
		const char *v = schema_string(&L->s, k->status, "status");
		if (v && !strcmp(v, "na")) {
			if (L->q->questions[qi].allow_na)
				a->status = ANSWER_NA;
			else if (L->older)      /* last year's n/a to what is now a duty: to be answered */
				schema_warning(&L->s, k->status, _("'%s' no longer allows \"not applicable\" in "
				                                   "version %s; the question is open again"),
				               id, L->q->version ? L->q->version : "?");
			else
				schema_error(&L->s, k->status, _("'%s' does not allow \"not applicable\""), id);
		} else if (v && !strcmp(v, "unknown")) {
			a->status = ANSWER_UNKNOWN;
		} else if (v) {
			schema_error(&L->s, k->status, _("status '%s': expected na or unknown"), v);
		}
	}
}

static void read_answer(struct rloader *L, const struct ynode *key, const struct ynode *m);

/* An earlier version's answer to a question this version no longer has:
 * moved to the question that replaces it (unless that one has an answer of
 * its own), to be answered again; else left out. Both with a warning. */
static void carry_unknown(struct rloader *L, const struct ynode *key, const struct ynode *m)
{
	const char *v = L->q->version ? L->q->version : "?";
	int to = qn_replacement(L->q, key->u.str);
	if (to < 0 || L->r->answers[to].status != ANSWER_OPEN || L->r->answers[to].note) {
		schema_warning(&L->s, key, _("'%s' is not a question of version %s; its answer is left out"),
		               key->u.str, v);
		return;
	}
	struct ynode k = *key;
	k.u.str = (char *)L->q->questions[to].id;
	L->previous = false;            /* read it as an answer to `to` */
	read_answer(L, &k, m);
	L->previous = true;
	L->r->answers[to].recheck = L->r->answers[to].status != ANSWER_OPEN;
	schema_warning(&L->s, key, _("'%s' is now '%s' in version %s: its answer is carried over, to be checked"),
	               key->u.str, L->q->questions[to].id, v);
}

static void read_answer(struct rloader *L, const struct ynode *key, const struct ynode *m)
{
	static const char *const keys[] = { "level", "status", "note", "evidence", "votes",
	                                    "votes_na", "votes_unknown", "rounds",
	                                    "carried_over", "recheck", "proposal", "accepted", "note_last_year",
	                                    NULL };
	int qi = qn_question_index(L->q, key->u.str);
	if (qi < 0 && L->previous) {
		carry_unknown(L, key, m);
		return;
	}
	if (qi < 0) {
		schema_error(&L->s, key, _("'%s' is not a question of questionnaire '%s'"), key->u.str, L->q->id);
		return;
	}
	if (L->previous && L->r->answers[qi].status != ANSWER_OPEN)
		answer_clear(&L->r->answers[qi]);       /* its own answer wins over a replaced one */
	if (!schema_map(&L->s, m, key->u.str))
		return;
	struct answer_keys k = { 0 };
	if (!find_answer_keys(m, &k))
		schema_check_keys(&L->s, m, keys);      /* says which, with a suggestion */
	read_level_or_status(L, key->u.str, qi, &k);
	struct answer *a = &L->r->answers[qi];
	const char *note;
	/* Scalars in the tree are sanitised already: a plain copy will do. */
	if (k.note && !schema_is_null(k.note) && (note = schema_string(&L->s, k.note, "note")) &&
	    *note && !(a->note = mem_strdup(note)))
		no_memory(L);
	if (k.evidence && !schema_is_null(k.evidence))
		read_evidence(L, k.evidence, qi);
	if (k.votes)
		read_votes(L, k.votes, qi);
	if (k.votes_na || k.votes_unknown)
		response_set_vote_statuses(L->r, qi, read_status_count(L, k.votes_na, "votes_na"),
		                           read_status_count(L, k.votes_unknown, "votes_unknown"));
	if (k.rounds)
		read_rounds(L, k.rounds, qi);
	bool flag;
	if (k.carried_over && schema_bool(&L->s, k.carried_over, "carried_over", &flag))
		a->carried_over = flag;
	if (k.recheck && schema_bool(&L->s, k.recheck, "recheck", &flag))
		a->recheck = flag;
	if (k.proposal && schema_bool(&L->s, k.proposal, "proposal", &flag))
		a->proposal = flag;
	if (k.accepted && schema_bool(&L->s, k.accepted, "accepted", &flag))
		a->accepted = flag;
	if (k.note_last_year && schema_bool(&L->s, k.note_last_year, "note_last_year", &flag))
		a->note_last_year = flag && a->note;
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

static void read_region(struct rloader *L, const struct ynode *n, const char *v)
{
	if (!qn_valid_region(v)) {
		schema_error(&L->s, n, _("region: '%s' is not a region code like NL or BE-VLG (ISO 3166)"), v);
		return;
	}
	if (L->q->regions_listed && qn_region_index(L->q, v) < 0)
		schema_warning(&L->s, n, _("region: '%s' is not one of the questionnaire's regions; only the questions for every region are asked"), v);
	if (!response_set_region(L->r, v))
		no_memory(L);
}

/* Checks the header; false when the file is for another questionnaire,
 * in which case its answers are not worth checking question by question. */
static bool read_header(struct rloader *L, const struct ynode *root)
{
	static const char *const keys[] = { "peil-responses", "questionnaire", "questionnaire_version",
	                                    "organisation", "organisation_id", "region", "respondent", "role", "date",
	                                    "population", "participants", "session", "targets", "targets_decided",
	                                    "plan", "answers", NULL };
	const struct ynode *qn = ynode_get(root, "peil");
	if (qn && !ynode_get(root, "peil-responses")) {
		/* One clear message instead of a dozen unknown keys. */
		schema_error(&L->s, qn, "%s", _("this is a questionnaire (key 'peil'), not a response file "
		                                "(key 'peil-responses'): give a questionnaire with -q"));
		return false;
	}
	const struct ynode *n;
	const char *id = schema_header(&L->s, root, keys, "peil-responses", &n);
	if (id && strcmp(id, L->q->id) != 0) {
		schema_error(&L->s, n, _("this file answers questionnaire '%s', not '%s' (%s)"), id, L->q->id, L->q->path);
		return false;
	}
	const char *v;
	if ((n = ynode_get(root, "questionnaire_version")) && (v = schema_string(&L->s, n, "questionnaire_version"))) {
		if (L->q->version && strcmp(v, L->q->version) != 0)
			schema_warning(&L->s, n, _("answers version %s of the questionnaire; this is version %s"), v, L->q->version);
		if (!(L->r->answered_version = mem_strdup(v)))
			no_memory(L);
	}
	if ((n = ynode_get(root, "region")) && !schema_is_null(n) && (v = schema_string(&L->s, n, "region")))
		read_region(L, n, v);
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
	bool *hidden = mem_array((size_t)L->q->nquestions, sizeof(bool));
	if (!hidden) {
		no_memory(L);
		return;
	}
	response_hidden_all(L->r, hidden);
	/* Rare: look up the key (for its line) only for a hidden answer. */
	for (int qi = 0; qi < L->q->nquestions; qi++) {
		const struct ynode *key = NULL;
		if (L->r->answers[qi].status != ANSWER_LEVEL || !hidden[qi])
			continue;
		for (size_t i = 0; !key && i < answers->len; i++)
			if (!strcmp(answers->u.pairs[i].key->u.str, L->q->questions[qi].id))
				key = answers->u.pairs[i].key;
		if (!qn_asked_in(L->q, qi, response_region(L->r)))
			schema_warning(&L->s, key, _("'%s' is not asked in region %s; its answer is not counted"),
			               L->q->questions[qi].id, response_region(L->r) ? response_region(L->r) : "-");
		else
			schema_warning(&L->s, key, _("'%s' is hidden by its show_if condition; its answer is not counted"),
			               L->q->questions[qi].id);
	}
	mem_free(hidden);
}

static struct response *from_doc(const struct ydoc *doc, const struct questionnaire *q,
                                 struct diag_list *d, bool previous)
{
	struct rloader L = { .s = { doc->path, d }, .q = q, .previous = previous };
	size_t errors_before = diag_errors(d);
	if (!doc->root)
		return NULL;
	if (doc->root->kind != YNODE_MAP) {     /* translated only when it is said */
		schema_map(&L.s, doc->root, _("response file"));
		return NULL;
	}
	L.r = response_new(q, "");
	if (!L.r) {
		no_memory(&L);
		return NULL;
	}
	if (read_header(&L, doc->root)) {
		L.older = previous && L.r->answered_version && q->version &&
		          strcmp(L.r->answered_version, q->version) != 0;
		const struct ynode *answers = ynode_get(doc->root, "answers");
		if (answers && !schema_is_null(answers) && schema_map(&L.s, answers, "answers")) {
			for (size_t i = 0; i < answers->len; i++)
				read_answer(&L, answers->u.pairs[i].key, answers->u.pairs[i].value);
			warn_hidden_answers(&L, answers);
		}
		for (int i = 0; previous && i < q->nquestions; i++)
			L.r->answers[i].recheck |= L.r->answers[i].status != ANSWER_OPEN &&
			                           qn_needs_recheck(q, i, L.r->answered_version);
		/* After the answers: an action's questions are checked, not its levels. */
		if (!response_plan_read(L.r, &L.s, doc->root, previous) || !response_session_read(L.r, &L.s, doc->root))
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

struct response *response_from_doc(const struct ydoc *doc, const struct questionnaire *q,
                                   struct diag_list *d)
{
	return from_doc(doc, q, d, false);
}

/* A loaded file's response, with the warning about a missing end marker. */
static struct response *from_file_doc(const struct ydoc *doc, const struct questionnaire *q,
                                      struct diag_list *d, bool previous)
{
	struct response *r = from_doc(doc, q, d, previous);
	if (r && doc->refused) {
		response_free(r);       /* a refused alias: reported, not loaded */
		r = NULL;
	}
	if (r && !doc->explicit_end)
		diag_warning(d, doc->path, 0, 0, "%s",
		             _("no end marker '...': the file may have been cut short (peil writes one)"));
	return r;
}

struct response *response_load_doc(const struct ydoc *doc, const struct questionnaire *q,
                                   struct diag_list *d)
{
	return from_file_doc(doc, q, d, false);
}

static struct response *load(const char *path, const struct questionnaire *q,
                             struct diag_list *d, bool previous)
{
	struct ydoc *doc = ydoc_load_file(path, d);
	struct response *r = doc ? from_file_doc(doc, q, d, previous) : NULL;
	ydoc_free(doc);
	return r;
}

struct response *response_load(const char *path, const struct questionnaire *q,
                               struct diag_list *d)
{
	return load(path, q, d, false);
}

struct response *response_load_previous(const char *path, const struct questionnaire *q,
                                        struct diag_list *d)
{
	return load(path, q, d, true);
}
