/* Round files: the model, the reader (with line:column errors) and the
 * writer (core/yemit.h). */
#include "core/round.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/yemit.h"

struct round *round_new(const struct questionnaire *q, const char *date, const char *group_by)
{
	struct round *r = mem_alloc(sizeof(*r));
	if (!r)
		return NULL;
	r->questionnaire = mem_strdup(q->id);
	r->version = mem_strdup(q->version);
	r->group_by = mem_strdup(group_by);
	r->lo = q->levels[0].value;
	r->hi = q->levels[q->nlevels - 1].value;
	if (date && strlen(date) == 10)
		memcpy(r->date, date, 11);
	if (!r->questionnaire || (q->version && !r->version) || (group_by && !r->group_by)) {
		round_free(r);
		return NULL;
	}
	return r;
}

bool round_add(struct round *r, const char *domain, const char *cls, long n, const double *q)
{
	struct round_cell *cells = mem_grow(r->cells, &r->cap, r->ncells, sizeof *cells, 32);
	if (!cells)
		return false;
	r->cells = cells;
	struct round_cell *c = &r->cells[r->ncells];
	memset(c, 0, sizeof(*c));
	c->domain = mem_strdup(domain);
	c->cls = mem_strdup(cls);
	if (!c->domain || !c->cls) {
		mem_free(c->domain);
		mem_free(c->cls);
		return false;
	}
	c->n = n;
	memcpy(c->q, q, sizeof(c->q));
	r->ncells++;
	return true;
}

void round_free(struct round *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncells; i++) {
		mem_free(r->cells[i].domain);
		mem_free(r->cells[i].cls);
	}
	mem_free(r->cells);
	mem_free(r->questionnaire);
	mem_free(r->version);
	mem_free(r->group_by);
	mem_free(r);
}

const struct round_cell *round_find(const struct round *r, const char *domain, const char *cls)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (!strcmp(r->cells[i].domain, domain) && !strcmp(r->cells[i].cls, cls))
			return &r->cells[i];
	return NULL;
}

/* ---- reading ---- */

struct rreader {
	struct schema s;
	const struct questionnaire *q;
	struct round *r;
	bool oom;
};

static bool read_count(struct rreader *R, const struct ynode *n, const char *what, long min, long *out)
{
	int v;
	if (!schema_int(&R->s, n, what, &v))
		return false;
	if (v < min) {
		schema_error(&R->s, n, _("%s: expected at least %ld"), what, min);
		return false;
	}
	*out = v;
	return true;
}

/* The 19 quantiles p5 ... p95: numbers, in ascending order, within the
 * questionnaire's levels when it is known. */
static bool read_quantiles(struct rreader *R, const struct ynode *cell, double *q)
{
	bool ok = true;
	for (int i = 0; i < ROUND_NQ; i++) {
		char key[8];
		snprintf(key, sizeof key, "p%d", (i + 1) * ROUND_STEP);
		const struct ynode *n = schema_require(&R->s, cell, key);
		if (!n || !schema_number(&R->s, n, key, &q[i])) {
			ok = false;
			continue;
		}
		if (R->q && (q[i] < R->q->levels[0].value || q[i] > R->q->levels[R->q->nlevels - 1].value)) {
			schema_error(&R->s, n, _("%s: %g lies outside the questionnaire's levels"), key, q[i]);
			ok = false;
		} else if (ok && i > 0 && q[i] < q[i - 1]) {
			schema_error(&R->s, n, _("%s: the quantiles must not decrease (p%d is %g)"), key, i * ROUND_STEP,
			             q[i - 1]);
			ok = false;
		}
	}
	return ok;
}

static const char *const cell_keys[] = {
	"domain", "class", "n", "p5", "p10", "p15", "p20", "p25", "p30", "p35", "p40", "p45", "p50",
	"p55", "p60", "p65", "p70", "p75", "p80", "p85", "p90", "p95", NULL,
};

static void read_cell(struct rreader *R, const struct ynode *cell)
{
	if (!schema_map(&R->s, cell, _("a cell")))
		return;
	schema_check_keys(&R->s, cell, cell_keys);
	const struct ynode *dn = schema_require(&R->s, cell, "domain");
	const struct ynode *cn = schema_require(&R->s, cell, "class");
	const struct ynode *nn = schema_require(&R->s, cell, "n");
	const char *domain = dn ? schema_string(&R->s, dn, "domain") : NULL;
	const char *cls = cn ? schema_string(&R->s, cn, "class") : NULL;
	long n = 0;
	double q[ROUND_NQ];
	bool ok = domain && cls && nn && read_count(R, nn, "n", 0, &n);
	if (ok && n < ROUND_MIN_N) {
		schema_error(&R->s, nn, _("n: a round file holds no cell of fewer than %d organisations"), ROUND_MIN_N);
		ok = false;
	}
	if (domain && R->q && qn_domain_index(R->q, domain) < 0) {
		schema_error(&R->s, dn, _("domain: '%s' is not a domain of questionnaire '%s'"), domain, R->q->id);
		ok = false;
	}
	if (ok && round_find(R->r, domain, cls)) {
		schema_error(&R->s, cell, _("a second cell for domain '%s' and class '%s'"), domain, cls);
		ok = false;
	}
	if (!read_quantiles(R, cell, q) || !ok)
		return;
	if (!round_add(R->r, domain, cls, n, q))
		R->oom = true;
	else
		R->r->cells[R->r->ncells - 1].line = cell->line;
}

static void read_header(struct rreader *R, const struct ynode *root)
{
	static const char *const keys[] = { "peil-round", "questionnaire", "questionnaire_version", "date",
	                                    "group_by", "organisations", "cells", NULL };
	const struct ynode *n;
	const char *v = schema_header(&R->s, root, keys, "peil-round", &n);
	if (v && R->q && strcmp(v, R->q->id) != 0)
		schema_error(&R->s, n, _("this round is of questionnaire '%s', not '%s' (%s)"), v, R->q->id, R->q->path);
	if (v && !(R->r->questionnaire = mem_strdup(v)))
		R->oom = true;
	if ((n = ynode_get(root, "questionnaire_version")) && (v = schema_string(&R->s, n, "questionnaire_version")) &&
	    !(R->r->version = mem_strdup(v)))
		R->oom = true;
	if ((n = ynode_get(root, "group_by")) && !schema_is_null(n) && (v = schema_string(&R->s, n, "group_by")) &&
	    !(R->r->group_by = mem_strdup(v)))
		R->oom = true;
	if ((n = ynode_get(root, "date")) && schema_date(&R->s, n, "date"))
		memcpy(R->r->date, n->u.str, 11);
	if ((n = schema_require(&R->s, root, "organisations")))
		read_count(R, n, "organisations", 0, &R->r->organisations);
}

struct round *round_from_doc(const struct ydoc *doc, const struct questionnaire *q, struct diag_list *d)
{
	struct rreader R = { .s = { doc->path, d }, .q = q, .r = mem_alloc(sizeof(struct round)) };
	size_t before = diag_errors(d);
	if (!R.r) {
		diag_error(d, doc->path, 0, 0, "%s", _("out of memory"));
		return NULL;
	}
	if (q) {
		R.r->lo = q->levels[0].value;
		R.r->hi = q->levels[q->nlevels - 1].value;
	}
	if (schema_map(&R.s, doc->root, _("a round file"))) {
		read_header(&R, doc->root);
		const struct ynode *cells = schema_require(&R.s, doc->root, "cells");
		if (cells && schema_seq(&R.s, cells, "cells"))
			for (size_t i = 0; i < cells->len && !R.oom; i++)
				read_cell(&R, cells->u.items[i]);
	}
	if (R.oom)
		diag_error(d, doc->path, 0, 0, "%s", _("out of memory"));
	if (R.oom || diag_errors(d) > before) {
		round_free(R.r);
		return NULL;
	}
	return R.r;
}

struct round *round_load(const char *path, const struct questionnaire *q, struct diag_list *d)
{
	struct ydoc *doc = ydoc_load_file(path, d);
	struct round *r = doc ? round_from_doc(doc, q, d) : NULL;
	ydoc_free(doc);
	return r;
}

/* ---- writing ---- */

/* Plain for keys and numbers; every string value double-quoted, so that no
 * class name ("<10k", "100k+") or group value is read back as another type. */
static void put_string(struct yemit *m, const char *key, const char *value)
{
	yemit_pair(m, key, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* Four decimals: finer than any reader needs, short enough to read. */
static void put_cell(struct yemit *m, const struct round_cell *c)
{
	yemit_start(m, true, false);
	put_string(m, "domain", c->domain);
	put_string(m, "class", c->cls);
	yemit_pair_long(m, "n", c->n);
	for (int i = 0; i < ROUND_NQ; i++) {
		char key[8], value[32];
		snprintf(key, sizeof key, "p%d", (i + 1) * ROUND_STEP);
		snprintf(value, sizeof value, "%.4f", c->q[i]);
		yemit_pair(m, key, value, YAML_PLAIN_SCALAR_STYLE);
	}
	yemit_end(m, true);
}

char *round_to_yaml(const struct round *r, size_t *len)
{
	struct yemit *m = yemit_new();
	if (!m)
		return NULL;
	yemit_start(m, true, false);
	yemit_pair_long(m, "peil-round", 1);
	put_string(m, "questionnaire", r->questionnaire);
	if (r->version)
		put_string(m, "questionnaire_version", r->version);
	if (r->date[0])
		yemit_pair(m, "date", r->date, YAML_PLAIN_SCALAR_STYLE);
	if (r->group_by)
		put_string(m, "group_by", r->group_by);
	yemit_pair_long(m, "organisations", r->organisations);
	yemit_scalar(m, "cells", YAML_PLAIN_SCALAR_STYLE);
	yemit_start(m, false, false);
	for (size_t i = 0; i < r->ncells; i++)
		put_cell(m, &r->cells[i]);
	yemit_end(m, false);
	yemit_end(m, true);
	return yemit_finish(m, len);
}
