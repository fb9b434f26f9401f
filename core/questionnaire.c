/* Loading and validating a questionnaire (SPEC: "Questionnaire format"). */
#include "core/questionnaire.h"

#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/ydoc.h"

struct qn_private {
	struct arena *arena;
	int *qhash;             /* open addressing over question ids: index + 1 */
	unsigned qmask;
};

struct loader {
	struct schema s;
	struct questionnaire *q;
	struct arena *a;
	bool oom;
	int *seen;              /* questions read so far by id (index + 1), so that */
	unsigned seen_mask;     /* duplicate and show_if checks stay linear */
};

static unsigned hash_str(const char *s);

/* The first question read so far with this id, or -1. */
static int earlier_question(const struct loader *L, const char *id)
{
	if (!L->seen)
		return -1;
	for (unsigned h = hash_str(id) & L->seen_mask; L->seen[h]; h = (h + 1) & L->seen_mask)
		if (!strcmp(L->q->questions[L->seen[h] - 1].id, id))
			return L->seen[h] - 1;
	return -1;
}

static void remember_question(struct loader *L, int index)
{
	unsigned h = hash_str(L->q->questions[index].id) & L->seen_mask;
	while (L->seen[h])
		h = (h + 1) & L->seen_mask;
	L->seen[h] = index + 1;
}

static void *lalloc(struct loader *L, size_t size)
{
	void *p = arena_alloc(L->a, size);
	if (!p && !L->oom) {
		L->oom = true;
		diag_error(L->s.d, L->s.path, 0, 0, "%s", _("out of memory"));
	}
	return p;
}

static const char *lstrdup(struct loader *L, const char *s)
{
	char *d = lalloc(L, strlen(s) + 1);
	return d ? strcpy(d, s) : NULL;
}

static bool valid_lang(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 12)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (i >= 2 && (s[i] == '-' || s[i] == '_' ||
		      (s[i] >= 'A' && s[i] <= 'Z')))))
			return false;
	return true;
}

/* schema_string() takes a quoted "" as a text; a questionnaire text must say something. */
static const char *text_value(struct loader *L, const struct ynode *n, const char *what)
{
	const char *v = schema_string(&L->s, n, what);
	if (v && !*v) {
		schema_error(&L->s, n, _("%s: expected a text, found nothing"), what);
		return NULL;
	}
	return v;
}

/* A text: one string for every language, or a mapping language -> string. */
static struct qn_text read_text(struct loader *L, const struct ynode *n, const char *what)
{
	struct qn_text t = { NULL };
	struct questionnaire *q = L->q;
	if (!n)
		return t;
	const char **tr = lalloc(L, (size_t)(q->nlangs ? q->nlangs : 1) * sizeof(*tr));
	if (!tr)
		return t;
	if (n->kind == YNODE_SCALAR) {
		const char *v = text_value(L, n, what);
		if (!v)
			return t;
		for (int i = 0; i < q->nlangs; i++)
			tr[i] = v;
		t.tr = tr;
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
		if (li < 0) {
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
	for (int i = 0; complete && i < q->nlangs; i++)
		for (int j = i + 1; j < q->nlangs; j++)
			if (!strcmp(tr[i], tr[j]))
				schema_warning(&L->s, n, _("%s: the '%s' and '%s' texts are identical"),
				               what, q->langs[i], q->langs[j]);
	if (complete)
		t.tr = tr;
	return t;
}

static void read_languages(struct loader *L, const struct ynode *root)
{
	const struct ynode *n = schema_require(&L->s, root, "languages");
	if (!n || !schema_seq(&L->s, n, "languages"))
		return;
	if (n->len == 0) {
		schema_error(&L->s, n, "%s", _("languages: name at least one language"));
		return;
	}
	const char **langs = lalloc(L, n->len * sizeof(*langs));
	if (!langs)
		return;
	int count = 0;
	for (size_t i = 0; i < n->len; i++) {
		const char *v = schema_string(&L->s, n->u.items[i], "languages");
		if (!v)
			continue;
		if (!valid_lang(v)) {
			schema_error(&L->s, n->u.items[i], _("languages: '%s' is not a language code like nl or en"), v);
			continue;
		}
		bool dup = false;
		for (int j = 0; j < count; j++)
			dup |= !strcmp(langs[j], v);
		if (dup)
			schema_error(&L->s, n->u.items[i], _("languages: '%s' is listed twice"), v);
		else
			langs[count++] = v;
	}
	L->q->langs = langs;
	L->q->nlangs = count;
}

static void read_levels(struct loader *L, const struct ynode *root)
{
	static const char *const keys[] = { "value", "label", "description", NULL };
	const struct ynode *n = schema_require(&L->s, root, "levels");
	if (!n || !schema_seq(&L->s, n, "levels"))
		return;
	if (n->len < 2) {
		schema_error(&L->s, n, "%s", _("levels: define at least two levels"));
		return;
	}
	struct qn_level *levels = lalloc(L, n->len * sizeof(*levels));
	if (!levels)
		return;
	int count = 0;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *m = n->u.items[i];
		if (!schema_map(&L->s, m, "levels"))
			continue;
		schema_check_keys(&L->s, m, keys);
		struct qn_level *lv = &levels[count];
		const struct ynode *v = schema_require(&L->s, m, "value");
		const struct ynode *label = schema_require(&L->s, m, "label");
		lv->label = read_text(L, label, "label");
		lv->description = read_text(L, ynode_get(m, "description"), "description");
		if (!v || !schema_int(&L->s, v, "value", &lv->value))
			continue;
		if (count > 0 && lv->value <= levels[count - 1].value) {
			schema_error(&L->s, v, _("levels: values must be strictly ascending (%d after %d)"),
			             lv->value, levels[count - 1].value);
			continue;
		}
		count++;
	}
	L->q->levels = levels;
	L->q->nlevels = count;
}

static void read_answers(struct loader *L, const struct ynode *n, struct qn_question *qu)
{
	static const char *const keys[] = { "level", "text", "advice", NULL };
	const struct questionnaire *q = L->q;
	if (!schema_seq(&L->s, n, "answers"))
		return;
	struct qn_answer *answers = lalloc(L, (size_t)(q->nlevels ? q->nlevels : 1) * sizeof(*answers));
	if (!answers)
		return;
	bool *seen = lalloc(L, (size_t)(q->nlevels ? q->nlevels : 1) * sizeof(*seen));
	if (!seen)
		return;
	char no_advice[128] = "";      /* levels below the top without advice */
	/* Without a valid scale (reported already) every answer would look wrong. */
	bool levels_ok = q->nlevels >= 2;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *m = n->u.items[i];
		if (!schema_map(&L->s, m, "answers"))
			continue;
		schema_check_keys(&L->s, m, keys);
		const struct ynode *lvn = schema_require(&L->s, m, "level");
		const struct ynode *text = schema_require(&L->s, m, "text");
		struct qn_answer a = { 0 };
		a.text = read_text(L, text, "text");
		a.advice = read_text(L, ynode_get(m, "advice"), "advice");
		if (!lvn || !schema_int(&L->s, lvn, "level", &a.level))
			continue;
		int li = qn_level_index(q, a.level);
		if (li < 0) {
			if (levels_ok)
				schema_error(&L->s, lvn, _("answer for level %d, which is not one of the defined levels"), a.level);
		} else if (seen[li]) {
			schema_error(&L->s, lvn, _("a second answer for level %d"), a.level);
		} else {
			seen[li] = true;
			if ((size_t)li != i)
				schema_error(&L->s, lvn, _("answers must follow the level order: level %d is answer %zu"),
				             a.level, i + 1);
			size_t used = strlen(no_advice);
			if (!a.advice.tr && li < q->nlevels - 1 && used < sizeof no_advice - 16)
				snprintf(no_advice + used, sizeof no_advice - used, "%s%d", used ? ", " : "", a.level);
			answers[li] = a;
		}
	}
	for (int li = 0; levels_ok && li < q->nlevels; li++)
		if (!seen[li])
			schema_error(&L->s, n, _("answers: no answer for level %d"), q->levels[li].value);
	if (no_advice[0])
		schema_warning(&L->s, n, _("answers: no advice (the next step) for level %s"), no_advice);
	qu->answers = answers;
}

static void read_show_if(struct loader *L, const struct ynode *n, struct qn_question *qu, int index)
{
	static const char *const keys[] = { "question", "min", "max", NULL };
	qu->show_if.question = -1;
	if (!n || !schema_map(&L->s, n, "show_if"))
		return;
	schema_check_keys(&L->s, n, keys);
	const struct ynode *qn = schema_require(&L->s, n, "question");
	const char *id = qn ? schema_string(&L->s, qn, "show_if.question") : NULL;
	if (id) {
		int target = earlier_question(L, id);
		if (target >= index)            /* itself */
			target = -1;
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

static void read_question(struct loader *L, const struct ynode *m, int dom, int index)
{
	static const char *const keys[] = { "id", "text", "help", "weight", "allow_na", "show_if", "answers", NULL };
	struct qn_question *qu = (struct qn_question *)&L->q->questions[index];
	qu->domain = dom;
	qu->weight = 1;
	qu->allow_na = true;
	qu->line = m->line;
	qu->show_if.question = -1;
	schema_check_keys(&L->s, m, keys);
	const struct ynode *id = schema_require(&L->s, m, "id");
	const char *v = id ? schema_string(&L->s, id, "id") : NULL;
	if (v && !qn_valid_id(v))
		schema_error(&L->s, id, _("id '%s': use lower-case letters, digits, '.', '_' and '-'"), v);
	if (v) {
		int first = earlier_question(L, v);
		qu->id = v;
		if (first >= 0)
			schema_error(&L->s, id, _("duplicate question id '%s' (first at line %d)"), v,
			             L->q->questions[first].line);
		else
			remember_question(L, index);
	}
	qu->text = read_text(L, schema_require(&L->s, m, "text"), "text");
	const struct ynode *help = ynode_get(m, "help");
	if (help)
		qu->help = read_text(L, help, "help");
	else
		schema_warning(&L->s, m, _("question '%s' has no help"), v ? v : "?");
	const struct ynode *w = ynode_get(m, "weight");
	if (w && schema_number(&L->s, w, "weight", &qu->weight) && qu->weight < 0) {
		schema_error(&L->s, w, "%s", _("weight: a question's weight must be 0 or more"));
		qu->weight = 0;
	}
	const struct ynode *na = ynode_get(m, "allow_na");
	if (na)
		schema_bool(&L->s, na, "allow_na", &qu->allow_na);
	read_show_if(L, ynode_get(m, "show_if"), qu, index);
	const struct ynode *answers = schema_require(&L->s, m, "answers");
	if (answers)
		read_answers(L, answers, qu);
}

static void read_domain(struct loader *L, const struct ynode *m, int dom, int *nq)
{
	static const char *const keys[] = { "id", "title", "description", "weight", "target", "questions", NULL };
	struct qn_domain *d = (struct qn_domain *)&L->q->domains[dom];
	d->weight = 1;
	d->first = *nq;
	schema_check_keys(&L->s, m, keys);
	const struct ynode *id = schema_require(&L->s, m, "id");
	const char *v = id ? schema_string(&L->s, id, "id") : NULL;
	if (v && !qn_valid_id(v))
		schema_error(&L->s, id, _("id '%s': use lower-case letters, digits, '.', '_' and '-'"), v);
	for (int i = 0; v && i < dom; i++)
		if (L->q->domains[i].id && !strcmp(L->q->domains[i].id, v))
			schema_error(&L->s, id, _("duplicate domain id '%s'"), v);
	d->id = v;
	d->title = read_text(L, schema_require(&L->s, m, "title"), "title");
	d->description = read_text(L, ynode_get(m, "description"), "description");
	const struct ynode *w = ynode_get(m, "weight");
	if (w && schema_number(&L->s, w, "weight", &d->weight) && d->weight <= 0) {
		schema_error(&L->s, w, "%s", _("weight: a domain's weight must be more than 0"));
		d->weight = 1;
	}
	const struct ynode *t = ynode_get(m, "target");
	if (t && schema_int(&L->s, t, "target", &d->target)) {
		if (qn_level_index(L->q, d->target) < 0)
			schema_error(&L->s, t, _("target %d is not one of the defined levels"), d->target);
		else
			d->has_target = true;
	}
	const struct ynode *qs = schema_require(&L->s, m, "questions");
	if (!qs || !schema_seq(&L->s, qs, "questions"))
		return;
	if (qs->len == 0)
		schema_error(&L->s, qs, "%s", _("questions: a domain needs at least one question"));
	for (size_t i = 0; i < qs->len; i++) {
		if (!schema_map(&L->s, qs->u.items[i], "questions"))
			continue;
		read_question(L, qs->u.items[i], dom, (*nq)++);
	}
	d->count = *nq - d->first;
}

static void read_domains(struct loader *L, const struct ynode *root)
{
	const struct ynode *n = schema_require(&L->s, root, "domains");
	if (!n || !schema_seq(&L->s, n, "domains"))
		return;
	if (n->len == 0) {
		schema_error(&L->s, n, "%s", _("domains: define at least one domain"));
		return;
	}
	size_t total = 0;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *qs = ynode_get(n->u.items[i], "questions");
		if (qs && qs->kind == YNODE_SEQ)
			total += qs->len;
	}
	L->q->domains = lalloc(L, n->len * sizeof(struct qn_domain));
	L->q->questions = lalloc(L, (total ? total : 1) * sizeof(struct qn_question));
	unsigned size = 16;
	while (size < total * 2)
		size *= 2;
	L->seen = lalloc(L, size * sizeof(int));
	L->seen_mask = size - 1;
	if (!L->q->domains || !L->q->questions || !L->seen)
		return;
	int nq = 0, nd = 0;
	for (size_t i = 0; i < n->len; i++)
		if (schema_map(&L->s, n->u.items[i], "domains"))
			read_domain(L, n->u.items[i], nd++, &nq);
	L->q->ndomains = nd;
	L->q->nquestions = nq;
}

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void build_index(struct loader *L)
{
	struct qn_private *p = L->q->priv;
	unsigned size = 16;
	while (size < (unsigned)L->q->nquestions * 2)
		size *= 2;
	p->qhash = lalloc(L, size * sizeof(int));
	if (!p->qhash)
		return;
	p->qmask = size - 1;
	for (int i = 0; i < L->q->nquestions; i++) {
		unsigned h = hash_str(L->q->questions[i].id) & p->qmask;
		while (p->qhash[h])
			h = (h + 1) & p->qmask;
		p->qhash[h] = i + 1;
	}
}

static void read_header(struct loader *L, const struct ynode *root)
{
	static const char *const keys[] = { "peil", "id", "version", "languages", "title",
	                                    "description", "levels", "domains", NULL };
	struct questionnaire *q = L->q;
	schema_check_keys(&L->s, root, keys);
	const struct ynode *fmt = schema_require(&L->s, root, "peil");
	int version;
	if (fmt && schema_int(&L->s, fmt, "peil", &version) && version != 1)
		schema_error(&L->s, fmt, _("format version %d is not supported; this peil reads version 1"), version);
	const struct ynode *id = schema_require(&L->s, root, "id");
	if (id && (q->id = schema_string(&L->s, id, "id")) && !qn_valid_id(q->id))
		schema_error(&L->s, id, _("id '%s': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"), q->id);
	const struct ynode *ver = schema_require(&L->s, root, "version");
	if (ver)
		q->version = schema_string(&L->s, ver, "version");
	read_languages(L, root);
	q->title = read_text(L, schema_require(&L->s, root, "title"), "title");
	q->description = read_text(L, ynode_get(root, "description"), "description");
}

/* Strings point into the doc until here; the questionnaire must own them. */
static void copy_text(struct loader *L, struct qn_text *t)
{
	if (!t->tr)
		return;
	for (int i = 0; i < L->q->nlangs; i++) {
		const char *prev = i > 0 && t->tr[i] == t->tr[i - 1] ? t->tr[i - 1] : NULL;
		t->tr[i] = prev ? t->tr[i - 1] : lstrdup(L, t->tr[i]);
		if (!t->tr[i])
			return;
	}
}

static void take_ownership(struct loader *L)
{
	struct questionnaire *q = L->q;
	q->id = q->id ? lstrdup(L, q->id) : NULL;
	q->version = q->version ? lstrdup(L, q->version) : NULL;
	for (int i = 0; i < q->nlangs; i++)
		q->langs[i] = lstrdup(L, q->langs[i]);
	copy_text(L, &q->title);
	copy_text(L, &q->description);
	for (int i = 0; i < q->nlevels; i++) {
		struct qn_level *lv = (struct qn_level *)&q->levels[i];
		copy_text(L, &lv->label);
		copy_text(L, &lv->description);
	}
	for (int i = 0; i < q->ndomains; i++) {
		struct qn_domain *d = (struct qn_domain *)&q->domains[i];
		d->id = lstrdup(L, d->id);
		copy_text(L, &d->title);
		copy_text(L, &d->description);
	}
	for (int i = 0; i < q->nquestions; i++) {
		struct qn_question *qu = (struct qn_question *)&q->questions[i];
		qu->id = lstrdup(L, qu->id);
		copy_text(L, &qu->text);
		copy_text(L, &qu->help);
		for (int j = 0; j < q->nlevels; j++) {
			struct qn_answer *a = (struct qn_answer *)&qu->answers[j];
			copy_text(L, &a->text);
			copy_text(L, &a->advice);
		}
	}
}

struct questionnaire *questionnaire_from_doc(const struct ydoc *doc, struct diag_list *d)
{
	struct loader L = { .s = { doc->path, d } };
	size_t errors_before = diag_errors(d);
	if (!doc->root || !schema_map(&L.s, doc->root, _("questionnaire")))
		return NULL;
	struct questionnaire *q = mem_alloc(sizeof(*q));
	struct qn_private *p = q ? mem_alloc(sizeof(*p)) : NULL;
	struct arena *a = p ? arena_new() : NULL;
	if (!a) {
		mem_free(q);
		mem_free(p);
		diag_error(d, doc->path, 0, 0, "%s", _("out of memory"));
		return NULL;
	}
	q->priv = p;
	p->arena = a;
	L.q = q;
	L.a = a;
	read_header(&L, doc->root);
	read_levels(&L, doc->root);
	read_domains(&L, doc->root);
	if (diag_errors(d) == errors_before) {
		q->path = lstrdup(&L, doc->path);
		take_ownership(&L);
		build_index(&L);
	}
	if (diag_errors(d) > errors_before || L.oom) {
		questionnaire_free(q);
		return NULL;
	}
	return q;
}

struct questionnaire *questionnaire_load(const char *path, struct diag_list *d)
{
	/* Counted before the YAML is read: duplicate keys and aliases are
	 * reported there, and they must fail the load too. */
	size_t errors = diag_errors(d);
	struct ydoc *doc = ydoc_load_file(path, d);
	if (!doc)
		return NULL;
	struct questionnaire *q = NULL;
	/* Refused aliases leave a tree; report what else is wrong, load nothing. */
	q = questionnaire_from_doc(doc, d);
	if (q && diag_errors(d) > errors) {
		questionnaire_free(q);
		q = NULL;
	}
	ydoc_free(doc);
	return q;
}

void questionnaire_free(struct questionnaire *q)
{
	if (!q)
		return;
	if (q->priv)
		arena_free(q->priv->arena);
	mem_free(q->priv);
	mem_free(q);
}

int qn_question_index(const struct questionnaire *q, const char *id)
{
	const struct qn_private *p = q->priv;
	if (!p->qhash)
		return -1;
	for (unsigned h = hash_str(id) & p->qmask; p->qhash[h]; h = (h + 1) & p->qmask)
		if (!strcmp(q->questions[p->qhash[h] - 1].id, id))
			return p->qhash[h] - 1;
	return -1;
}
