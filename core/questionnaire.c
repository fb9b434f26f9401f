/* Loading and validating a questionnaire (SPEC: "Questionnaire format").
 *
 * One pass over the YAML tree: every mapping is read through a table of its
 * fields (key, reader, where the value goes), every string is copied into the
 * questionnaire's arena as it is read, and question ids go into the one hash
 * table that lookups use afterwards. Adding a field is one table row (plus
 * a reader, when it is not a text). */
#include "core/questionnaire_loader.h"

#include <stddef.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"

static void *reported(struct loader *L, void *p)
{
	if (!p && !L->oom) {
		L->oom = true;
		diag_error(L->s.d, L->s.path, 0, 0, "%s", _("out of memory"));
	}
	return p;
}

void *ql_alloc(struct loader *L, size_t size)
{
	return reported(L, arena_alloc(L->a, size));
}

void *ql_array(struct loader *L, size_t n, size_t size)
{
	return reported(L, arena_array(L->a, n, size));
}

const char *ql_strdup(struct loader *L, const char *s)
{
	char *d = s ? ql_alloc(L, strlen(s) + 1) : NULL;
	return d ? strcpy(d, s) : NULL;
}

const char *ql_string(struct loader *L, const struct ynode *n, const char *what)
{
	return ql_strdup(L, schema_string(&L->s, n, what));
}

const char *ql_id(struct loader *L, const struct ynode *n)
{
	const char *v = ql_string(L, n, "id");
	if (v && !qn_valid_id(v))
		schema_error(&L->s, n, _("id '%s': use lower-case letters, digits, '.', '_' and '-'"), v);
	return v;
}

bool ql_list(struct loader *L, const struct ynode *n, const char *what, const char *empty)
{
	if (!schema_seq(&L->s, n, what))
		return false;
	if (n->len == 0) {
		schema_error(&L->s, n, "%s", empty);
		return false;
	}
	return true;
}

/* Reads the keys of `map` that `fields` names, in the table's order (so that
 * what a reader needs is read before it), and reports unknown and missing
 * keys. A reader is also called without a value when the row says so. */
void ql_fields(struct loader *L, const struct ynode *map, const struct ql_field *fields,
               size_t n, void *obj)
{
	const char *names[QL_MAX_FIELDS + 1];
	const struct ynode *value[QL_MAX_FIELDS] = { NULL };
	for (size_t i = 0; i < n; i++)
		names[i] = fields[i].key;
	names[n] = NULL;
	schema_check_keys(&L->s, map, names);
	for (size_t p = 0; p < map->len; p++)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(map->u.pairs[p].key->u.str, fields[i].key)) {
				value[i] = map->u.pairs[p].value;
				break;
			}
	for (size_t i = 0; i < n; i++) {
		const struct ql_field *f = &fields[i];
		if (!value[i] && f->flags & QL_REQUIRED)
			schema_error(&L->s, map, _("missing required key '%s'"), f->key);
		if (f->read == NULL && value[i])        /* a text */
			*(struct qn_text *)((char *)obj + f->offset) = ql_text(L, value[i], f->key);
		else if (f->read && (value[i] || f->flags & QL_ALWAYS))
			f->read(L, value[i], obj, map);
	}
}

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The one index of question ids: filled as questions are read (duplicate
 * and show_if checks use it), kept for qn_question_index(). */
int ql_question_find(const struct questionnaire *q, const char *id)
{
	const struct qn_private *p = q->priv;
	if (!p->qhash)
		return -1;
	for (unsigned h = hash_str(id) & p->qmask; p->qhash[h]; h = (h + 1) & p->qmask)
		if (!strcmp(q->questions[p->qhash[h] - 1].id, id))
			return p->qhash[h] - 1;
	return -1;
}

static void remember_question(struct loader *L, int index)
{
	struct qn_private *p = L->q->priv;
	unsigned h = hash_str(L->q->questions[index].id) & p->qmask;
	while (p->qhash[h])
		h = (h + 1) & p->qmask;
	p->qhash[h] = index + 1;
}

int qn_question_index(const struct questionnaire *q, const char *id)
{
	return ql_question_find(q, id);
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

/* ---- the header ---- */

static void read_format(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)obj, (void)map;
	schema_format_version(&L->s, n, "peil");
}

static void read_qn_id(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct questionnaire *q = obj;
	if ((q->id = ql_string(L, n, "id")) && !qn_valid_id(q->id))
		schema_error(&L->s, n, _("id '%s': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"), q->id);
}

static void read_version(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	((struct questionnaire *)obj)->version = ql_string(L, n, "version");
}

static void read_languages(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct questionnaire *q = obj;
	if (!ql_list(L, n, "languages", _("languages: name at least one language")))
		return;
	/* Room for the regional variants too (see qn_lang_base()). */
	const char **langs = ql_alloc(L, (n->len + QN_MAX_VARIANTS) * sizeof(*langs));
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
		else if (!(langs[count++] = ql_strdup(L, v)))
			return;
	}
	q->langs = langs;
	q->nlangs = count;
}

/* ---- levels ---- */

static void read_level_value(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_level *lv = obj;
	L->level_ok = schema_int(&L->s, n, "value", &lv->value);
	if (L->level_ok && lv > L->q->levels && lv->value <= lv[-1].value) {
		schema_error(&L->s, n, _("levels: values must be strictly ascending (%d after %d)"),
		             lv->value, lv[-1].value);
		L->level_ok = false;
	}
}

static const struct ql_field level_fields[] = {
	{ "label", QL_REQUIRED, QL_TEXT(struct qn_level, label) },
	{ "description", 0, QL_TEXT(struct qn_level, description) },
	{ "value", QL_REQUIRED, 0, read_level_value },
};

static void read_levels(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct questionnaire *q = obj;
	if (!schema_seq(&L->s, n, "levels"))
		return;
	if (n->len < 2) {
		schema_error(&L->s, n, "%s", _("levels: define at least two levels"));
		return;
	}
	struct qn_level *levels = ql_alloc(L, n->len * sizeof(*levels));
	if (!levels)
		return;
	q->levels = levels;
	int count = 0;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *m = n->u.items[i];
		if (!schema_map(&L->s, m, "levels"))
			continue;
		L->level_ok = false;
		ql_fields(L, m, level_fields, QL_COUNT(level_fields), &levels[count]);
		if (L->level_ok)
			count++;
		else
			memset(&levels[count], 0, sizeof levels[count]);
	}
	q->nlevels = count;
}

/* ---- domains ---- */

static void read_domain_id(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_domain *d = obj;
	const char *v = ql_id(L, n);
	for (const struct qn_domain *o = L->q->domains; v && o < d; o++)
		if (o->id && !strcmp(o->id, v))
			schema_error(&L->s, n, _("duplicate domain id '%s'"), v);
	d->id = v;
}

static void read_domain_weight(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_domain *d = obj;
	if (schema_number(&L->s, n, "weight", &d->weight) && d->weight <= 0) {
		schema_error(&L->s, n, "%s", _("weight: a domain's weight must be more than 0"));
		d->weight = 1;
	}
}

static void read_target(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_domain *d = obj;
	if (!schema_int(&L->s, n, "target", &d->target))
		return;
	if (qn_level_index(L->q, d->target) < 0)
		schema_error(&L->s, n, _("target %d is not one of the defined levels"), d->target);
	else
		d->has_target = true;
}

static void read_questions(struct loader *L, const struct ynode *qs, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_domain *d = obj;
	if (!schema_seq(&L->s, qs, "questions"))
		return;
	if (qs->len == 0)
		schema_error(&L->s, qs, "%s", _("questions: a domain needs at least one question"));
	struct questionnaire *q = L->q;
	for (size_t i = 0; i < qs->len; i++) {
		if (!schema_map(&L->s, qs->u.items[i], "questions"))
			continue;
		struct qn_question *qu = (struct qn_question *)&q->questions[q->nquestions];
		*qu = (struct qn_question){ .domain = (int)(d - q->domains), .weight = 1, .allow_na = true,
		                            .line = qs->u.items[i]->line, .col = qs->u.items[i]->col,
		                            .show_if.question = -1 };
		ql_read_question(L, qs->u.items[i], qu);
		if (qu->id && ql_question_find(q, qu->id) < 0)
			remember_question(L, q->nquestions);
		q->nquestions++;
	}
	d->count = q->nquestions - d->first;
}

static const struct ql_field domain_fields[] = {
	{ "id", QL_REQUIRED, 0, read_domain_id },
	{ "title", QL_REQUIRED, QL_TEXT(struct qn_domain, title) },
	{ "description", 0, QL_TEXT(struct qn_domain, description) },
	{ "weight", 0, 0, read_domain_weight },
	{ "target", 0, 0, read_target },
	{ "questions", QL_REQUIRED, 0, read_questions },
};

/* Sizes the arrays (and the id index) once, from the number of questions. */
static bool size_domains(struct loader *L, const struct ynode *n)
{
	struct questionnaire *q = L->q;
	size_t total = 0;
	for (size_t i = 0; i < n->len; i++) {
		const struct ynode *qs = ynode_get(n->u.items[i], "questions");
		if (qs && qs->kind == YNODE_SEQ)
			total += qs->len;
	}
	unsigned size = 16;
	while (size < total * 2)
		size *= 2;
	q->domains = ql_alloc(L, n->len * sizeof(struct qn_domain));
	q->questions = ql_array(L, total, sizeof(struct qn_question));
	q->priv->qhash = ql_alloc(L, size * sizeof(int));
	q->priv->qmask = size - 1;
	return q->domains && q->questions && q->priv->qhash;
}

static void read_domains(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct questionnaire *q = obj;
	if (!ql_list(L, n, "domains", _("domains: define at least one domain")))
		return;
	if (!size_domains(L, n))
		return;
	for (size_t i = 0; i < n->len; i++) {
		if (!schema_map(&L->s, n->u.items[i], "domains"))
			continue;
		struct qn_domain *d = (struct qn_domain *)&q->domains[q->ndomains++];
		*d = (struct qn_domain){ .weight = 1, .first = q->nquestions };
		ql_fields(L, n->u.items[i], domain_fields, QL_COUNT(domain_fields), d);
	}
}

static const struct ql_field questionnaire_fields[] = {
	{ "peil", QL_REQUIRED, 0, read_format },
	{ "id", QL_REQUIRED, 0, read_qn_id },
	{ "version", QL_REQUIRED, 0, read_version },
	{ "languages", QL_REQUIRED, 0, read_languages },
	{ "regions", 0, 0, ql_read_regions },
	{ "title", QL_REQUIRED, QL_TEXT(struct questionnaire, title) },
	{ "description", 0, QL_TEXT(struct questionnaire, description) },
	{ "levels", QL_REQUIRED, 0, read_levels },
	{ "domains", QL_REQUIRED, 0, read_domains },
};

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
	q->path = ql_strdup(&L, doc->path);
	ql_fields(&L, doc->root, questionnaire_fields, QL_COUNT(questionnaire_fields), q);
	if (!L.oom) {           /* every error, not just the first */
		ql_check_replaces(&L);
		ql_check_regions(&L);
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
	/* Refused aliases leave a tree; report what else is wrong, load nothing. */
	struct questionnaire *q = questionnaire_from_doc(doc, d);
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
