/* The questionnaire loader, continued: texts, questions and their answers. */
#include "core/questionnaire_loader.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

/* schema_string() takes a quoted "" as a text; a questionnaire text must say something. */
static const char *text_value(struct loader *L, const struct ynode *n, const char *what)
{
	const char *v = schema_string(&L->s, n, what);
	if (v && !*v) {
		schema_error(&L->s, n, _("%s: expected a text, found nothing"), what);
		return NULL;
	}
	return ql_strdup(L, v);
}

static void warn_identical(struct loader *L, const struct ynode *n, const char *what,
                           const char **tr)
{
	const struct questionnaire *q = L->q;
	for (int i = 0; i < q->nlangs; i++)
		for (int j = i + 1; j < q->nlangs; j++)
			if (!strcmp(tr[i], tr[j]))
				schema_warning(&L->s, n, _("%s: the '%s' and '%s' texts are identical"),
				               what, q->langs[i], q->langs[j]);
}

struct qn_text ql_text(struct loader *L, const struct ynode *n, const char *what)
{
	struct qn_text t = { NULL };
	const struct questionnaire *q = L->q;
	const char **tr = ql_alloc(L, (size_t)(q->nlangs + QN_MAX_VARIANTS) * sizeof(*tr));
	if (!tr)
		return t;
	if (n->kind == YNODE_SCALAR) {
		const char *v = text_value(L, n, what);
		for (int i = 0; v && i < q->nlangs; i++)
			tr[i] = v;      /* one copy for every language */
		t.tr = v ? tr : NULL;
		return t;
	}
	if (n->kind != YNODE_MAP) {
		schema_error(&L->s, n, _("%s: expected a text or a mapping from language to text"), what);
		return t;
	}
	bool complete = true;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *k = n->u.pairs[i].key;
		int li = qn_lang_index(q, k->u.str);
		if (li < 0 && (li = ql_variant_lang(L, k)) >= 0) {
			tr[li] = text_value(L, n->u.pairs[i].value, what);
			complete &= tr[li] != NULL;
		} else if (li < 0) {
			schema_error(&L->s, k, _("%s: '%s' is not one of the questionnaire's languages"), what, k->u.str);
			complete = false;
		} else if (!(tr[li] = text_value(L, n->u.pairs[i].value, what))) {
			complete = false;
		}
	}
	for (int i = 0; i < q->nlangs; i++) {
		if (!tr[i] && ynode_get(n, q->langs[i]) == NULL) {
			schema_error(&L->s, n, _("%s: missing the '%s' translation"), what, q->langs[i]);
			complete = false;
		}
	}
	for (int v = 0; complete && v < q->nvariants; v++) {
		const char *var = tr[q->nlangs + v], *base = tr[q->variants[v].base];
		if (var && !strcmp(var, base))
			schema_warning(&L->s, n, _("%s: the '%s' and '%s' texts are identical"),
			               what, q->langs[q->variants[v].base], q->variants[v].tag);
	}
	if (complete) {
		warn_identical(L, n, what, tr);
		t.tr = tr;
	}
	return t;
}

/* ---- answers ---- */

static void read_answer_level(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	L->level_ok = schema_int(&L->s, n, "level", &((struct qn_answer *)obj)->level);
}

static const struct ql_field answer_fields[] = {
	{ "text", QL_REQUIRED, QL_TEXT(struct qn_answer, text) },
	{ "advice", 0, QL_TEXT(struct qn_answer, advice) },
	{ "council", 0, QL_TEXT(struct qn_answer, council) },
	{ "level", QL_REQUIRED, 0, read_answer_level },
};

/* Puts answer `a` (number i in the file, read from `lvn`) in its level's
 * place; false when it has none. */
static bool place_answer(struct loader *L, const struct ynode *lvn, size_t i,
                         const struct qn_answer *a, struct qn_answer *answers, bool *seen)
{
	const struct questionnaire *q = L->q;
	int li = qn_level_index(q, a->level);
	if (li < 0) {
		/* Without a valid scale (reported already) every answer would look wrong. */
		if (q->nlevels >= 2)
			schema_error(&L->s, lvn, _("answer for level %d, which is not one of the defined levels"), a->level);
		return false;
	}
	if (seen[li]) {
		schema_error(&L->s, lvn, _("a second answer for level %d"), a->level);
		return false;
	}
	seen[li] = true;
	if ((size_t)li != i)
		schema_error(&L->s, lvn, _("answers must follow the level order: level %d is answer %zu"),
		             a->level, i + 1);
	answers[li] = *a;
	return true;
}

static void read_answers(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	const struct questionnaire *q = L->q;
	if (!schema_seq(&L->s, n, "answers"))
		return;
	struct qn_answer *answers = ql_array(L, (size_t)q->nlevels, sizeof(*answers));
	bool *seen = ql_array(L, (size_t)q->nlevels, sizeof(*seen));
	if (!answers || !seen)
		return;
	char no_advice[128] = "";      /* levels below the top without advice */
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *m = n->u.items[i];
		if (!schema_map(&L->s, m, "answers"))
			continue;
		struct qn_answer a = { 0 };
		L->level_ok = false;
		ql_fields(L, m, answer_fields, QL_COUNT(answer_fields), &a);
		if (!L->level_ok || !place_answer(L, ynode_get(m, "level"), i, &a, answers, seen))
			continue;
		size_t used = strlen(no_advice);
		if (!a.advice.tr && qn_level_index(q, a.level) < q->nlevels - 1 && used < sizeof no_advice - 16)
			snprintf(no_advice + used, sizeof no_advice - used, "%s%d", used ? ", " : "", a.level);
	}
	for (int li = 0; q->nlevels >= 2 && li < q->nlevels; li++)
		if (!seen[li])
			schema_error(&L->s, n, _("answers: no answer for level %d"), q->levels[li].value);
	if (no_advice[0])
		schema_warning(&L->s, n, _("answers: no advice (the next step) for level %s"), no_advice);
	qu->answers = answers;
}

/* ---- questions ---- */

static void read_question_id(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	const char *v = ql_id(L, n);
	int first = v ? ql_question_find(L->q, v) : -1;
	if (first >= 0)
		schema_error(&L->s, n, _("duplicate question id '%s' (first at line %d)"), v,
		             L->q->questions[first].line);
	qu->id = v;
}

static void read_help(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	struct qn_question *qu = obj;
	if (n)
		qu->help = ql_text(L, n, "help");
	else
		schema_warning(&L->s, map, _("question '%s' has no help"), qu->id ? qu->id : "?");
}

static void read_question_weight(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	if (schema_number(&L->s, n, "weight", &qu->weight) && qu->weight < 0) {
		schema_error(&L->s, n, "%s", _("weight: a question's weight must be 0 or more"));
		qu->weight = 0;
	}
}

static void read_allow_na(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	schema_bool(&L->s, n, "allow_na", &((struct qn_question *)obj)->allow_na);
}

static void read_show_if(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	static const char *const keys[] = { "question", "min", "max", NULL };
	(void)map;
	struct qn_question *qu = obj;
	if (!schema_map(&L->s, n, "show_if"))
		return;
	schema_check_keys(&L->s, n, keys);
	const struct ynode *qn = schema_require(&L->s, n, "question");
	const char *id = qn ? schema_string(&L->s, qn, "show_if.question") : NULL;
	if (id) {
		/* Only earlier questions are in the index yet (itself is not). */
		int target = ql_question_find(L->q, id);
		if (target < 0)
			schema_error(&L->s, qn, _("show_if: '%s' is not an earlier question"), id);
		qu->show_if.question = target;
	}
	const struct ynode *min = ynode_get(n, "min"), *max = ynode_get(n, "max");
	if (min)
		qu->show_if.has_min = schema_int(&L->s, min, "show_if.min", &qu->show_if.min);
	if (max)
		qu->show_if.has_max = schema_int(&L->s, max, "show_if.max", &qu->show_if.max);
	if (!min && !max)
		schema_error(&L->s, n, "%s", _("show_if: give min, max or both"));
}

static void read_changed_in(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	qu->changed_in = ql_string(L, n, "changed_in");
	if (qu->changed_in && L->q->version && qn_version_cmp(qu->changed_in, L->q->version) > 0)
		schema_error(&L->s, n, _("changed_in: %s is later than this version (%s)"), qu->changed_in,
		             L->q->version);
}

static void read_replaces(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	const char *one;
	if (n->kind == YNODE_SCALAR) {          /* one id, or a list of them */
		const char **ids = ql_alloc(L, sizeof(*ids));
		if (ids && (one = ql_string(L, n, "replaces")) && qn_valid_id(one)) {
			ids[0] = one;
			qu->replaces = ids;
			qu->nreplaces = 1;
		} else if (ids && one) {
			schema_error(&L->s, n, _("replaces: '%s' is not a question id"), one);
		}
		return;
	}
	if (!schema_seq(&L->s, n, "replaces"))
		return;
	const char **ids = ql_array(L, n->len, sizeof(*ids));
	for (size_t i = 0; ids && i < n->len; i++) {
		if (!(one = ql_string(L, n->u.items[i], "replaces")))
			continue;
		if (qn_valid_id(one))
			ids[qu->nreplaces++] = one;
		else
			schema_error(&L->s, n->u.items[i], _("replaces: '%s' is not a question id"), one);
	}
	qu->replaces = ids;
}

void ql_check_replaces(struct loader *L)
{
	const struct questionnaire *q = L->q;
	for (int i = 0; i < q->nquestions; i++)
		for (int j = 0; j < q->questions[i].nreplaces; j++) {
			const char *id = q->questions[i].replaces[j];
			if (!q->questions[i].id)
				continue;
			if (ql_question_find(q, id) >= 0 && strcmp(id, q->questions[i].id) != 0)
				diag_error(L->s.d, L->s.path, q->questions[i].line, q->questions[i].col,
				           _("replaces: '%s' is a question of this version; only an earlier version's ids can be replaced"), id);
			for (int k = 0; k < i; k++)
				for (int m = 0; m < q->questions[k].nreplaces; m++)
					if (!strcmp(q->questions[k].replaces[m], id))
						diag_error(L->s.d, L->s.path, q->questions[i].line, q->questions[i].col,
						           _("replaces: '%s' is replaced by '%s' already"), id, q->questions[k].id);
		}
}

static const struct ql_field question_fields[] = {
	{ "id", QL_REQUIRED, 0, read_question_id },
	{ "text", QL_REQUIRED, QL_TEXT(struct qn_question, text) },
	{ "help", QL_ALWAYS, 0, read_help },
	{ "weight", 0, 0, read_question_weight },
	{ "allow_na", 0, 0, read_allow_na },
	{ "show_if", 0, 0, read_show_if },
	{ "regions", 0, 0, ql_read_question_regions },
	{ "changed_in", 0, 0, read_changed_in },
	{ "replaces", 0, 0, read_replaces },
	{ "answers", QL_REQUIRED, 0, read_answers },
};

void ql_read_question(struct loader *L, const struct ynode *map, struct qn_question *qu)
{
	ql_fields(L, map, question_fields, QL_COUNT(question_fields), qu);
}
