/* The questionnaire loader, continued: regions (SPEC: `regions` on the
 * questionnaire and on questions) and regional text variants (nl-BE). */
#include "core/questionnaire_loader.h"

#include <string.h>

#include "core/i18n.h"

/* The index of `code` among the regions, adding it when it is new; -1
 * when there is no room (reported). */
static int region_slot(struct loader *L, const struct ynode *n, const char *code)
{
	struct questionnaire *q = L->q;
	int i = qn_region_index(q, code);
	if (i >= 0)
		return i;
	if (!q->regions && !(q->regions = ql_alloc(L, QN_MAX_REGIONS * sizeof(*q->regions))))
		return -1;
	if (q->nregions == QN_MAX_REGIONS) {
		schema_error(&L->s, n, _("regions: more than %d different regions"), QN_MAX_REGIONS);
		return -1;
	}
	if (!(q->regions[q->nregions] = ql_strdup(L, code)))
		return -1;
	return q->nregions++;
}

static const char *region_code(struct loader *L, const struct ynode *n)
{
	const char *v = schema_string(&L->s, n, "regions");
	if (v && !qn_valid_region(v)) {
		schema_error(&L->s, n, _("regions: '%s' is not a region code like NL or BE-VLG (ISO 3166)"), v);
		return NULL;
	}
	return v;
}

/* The questionnaire's own list: the regions it is written for. */
void ql_read_regions(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)obj, (void)map;
	if (!schema_seq(&L->s, n, "regions"))
		return;
	if (n->len == 0)
		schema_error(&L->s, n, "%s", _("regions: name at least one region, or leave the key out"));
	for (size_t i = 0; i < n->len; i++) {
		const char *v = region_code(L, n->u.items[i]);
		if (v && qn_region_index(L->q, v) >= 0)
			schema_error(&L->s, n->u.items[i], _("regions: '%s' is listed twice"), v);
		else if (v)
			region_slot(L, n->u.items[i], v);
	}
	L->q->nlisted = L->q->nregions;
	L->q->regions_listed = L->q->nregions > 0;
}

/* A question's regions: where it is asked. */
void ql_read_question_regions(struct loader *L, const struct ynode *n, void *obj, const struct ynode *map)
{
	(void)map;
	struct qn_question *qu = obj;
	if (!schema_seq(&L->s, n, "regions"))
		return;
	if (n->len == 0)
		schema_warning(&L->s, n, _("question '%s': an empty regions list; it is asked everywhere"),
		               qu->id ? qu->id : "?");
	bool listed = false;
	for (size_t i = 0; i < n->len; i++) {
		const char *v = region_code(L, n->u.items[i]);
		if (!v)
			continue;
		bool known = qn_region_index(L->q, v) >= 0;
		if (L->q->regions_listed && !known)
			schema_warning(&L->s, n->u.items[i], _("regions: '%s' is not one of the questionnaire's regions"), v);
		listed |= known;
		int slot = region_slot(L, n->u.items[i], v);
		if (slot >= 0)
			qu->regions |= 1u << slot;
	}
	if (L->q->regions_listed && n->len > 0 && !listed)
		schema_warning(&L->s, n, _("question '%s' is asked in none of the questionnaire's regions"),
		               qu->id ? qu->id : "?");
}

/* A text key that names a regional variant: a language of the
 * questionnaire, '-', a country code (nl-BE). Returns its text language
 * index (nlangs + v), registering the variant when it is new, or -1. */
int ql_variant_lang(struct loader *L, const struct ynode *key)
{
	struct questionnaire *q = L->q;
	const char *k = key->u.str, *dash = strchr(k, '-');
	if (!dash || strlen(dash + 1) != 2 || !qn_valid_region(dash + 1))
		return -1;
	int base = -1;
	for (int i = 0; i < q->nlangs; i++)
		if (strlen(q->langs[i]) == (size_t)(dash - k) && !strncmp(q->langs[i], k, (size_t)(dash - k)))
			base = i;
	if (base < 0)
		return -1;
	for (int v = 0; v < q->nvariants; v++)
		if (!strcmp(q->variants[v].tag, k))
			return q->nlangs + v;
	if (q->nvariants == QN_MAX_VARIANTS) {
		schema_error(&L->s, key, _("'%s': more than %d regional variants"), k, QN_MAX_VARIANTS);
		return -1;
	}
	struct qn_variant *v = &q->variants[q->nvariants];
	if (!(v->tag = ql_strdup(L, k)))
		return -1;
	v->base = base;
	memcpy(v->country, dash + 1, 3);
	q->langs[q->nlangs + q->nvariants] = q->langs[base];
	return q->nlangs + q->nvariants++;
}

/* What can only be judged once every question is read. */
void ql_check_regions(struct loader *L)
{
	const struct questionnaire *q = L->q;
	for (int i = 0; q->regions_listed && i < q->nquestions; i++) {
		const struct qn_question *qu = &q->questions[i];
		if (qu->show_if.question < 0 || !qu->id)
			continue;
		for (int r = 0; r < q->nregions; r++)
			if (qn_asked_in(q, i, q->regions[r]) && !qn_asked_in(q, qu->show_if.question, q->regions[r]))
				diag_warning(L->s.d, L->s.path, qu->line, qu->col,
				             _("question '%s' depends on '%s', which is not asked in %s: there it is never shown"),
				             qu->id, q->questions[qu->show_if.question].id, q->regions[r]);
	}
}
