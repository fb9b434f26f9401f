/* Reading a collection: each worker thread parses, validates and scores
 * one file and keeps only the figures (flat memory, both cores). */
#include "cli/collection.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/qcache.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/response.h"
#include "core/ydoc.h"
#include "scoring/score.h"

/* A top-level scalar of the document, copied; NULL when absent. */
static char *scalar_of(const struct ydoc *doc, const char *key)
{
	const struct ynode *n = doc && doc->root && doc->root->kind == YNODE_MAP ? ynode_get(doc->root, key) : NULL;
	return n && n->kind == YNODE_SCALAR && *n->u.str ? xstrdup(n->u.str) : NULL;
}

static void first_error(struct cfile *f, const struct diag_list *d)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const struct diag *g = diag_get(d, i);
		if (g->severity != DIAG_ERROR)
			continue;
		char buf[1024];
		snprintf(buf, sizeof buf, "%s:%d:%d: error: %s", g->path, g->line > 0 ? g->line : 1,
		         g->line > 0 && g->col > 0 ? g->col : 1, g->message);
		f->error = xstrdup(buf);
		break;
	}
	f->nerrors = (int)diag_errors(d);
}

/* The figures of a valid response. */
static void take_response(struct cfile *f, const struct questionnaire *q, const struct response *r)
{
	struct scorecard *s = score_compute(q, r);
	f->has = xarray((size_t)q->ndomains, sizeof(bool));
	f->scores = xarray((size_t)q->ndomains, sizeof(double));
	memcpy(f->date, response_date(r), 11);
	f->population = response_population(r);
	f->participants = response_participants(r);
	for (int i = 0; i < q->nquestions; i++)
		f->proposals += response_answer(r, i)->proposal;
	if (s) {
		f->open = s->open;
		f->unconfirmed = s->unconfirmed;
		for (int d = 0; d < q->ndomains; d++) {
			f->has[d] = s->domains[d].has_score;
			f->scores[d] = s->domains[d].score;
		}
	}
	scorecard_free(s);
}

static void read_response(struct collection *c, struct cfile *f, const struct ydoc *doc, struct diag_list *d)
{
	const struct questionnaire *q = NULL;
	if (!f->questionnaire)
		diag_error(d, doc->path, 1, 1, "%s", _("missing required key 'questionnaire'"));
	else if (!qn_valid_id(f->questionnaire))
		diag_error(d, doc->path, 1, 1, _("questionnaire: '%s' is not the id of a questionnaire"), f->questionnaire);
	else if (!(q = strcmp(f->questionnaire, c->q->id) ? qcache_get(c->qc, f->questionnaire) : c->q))
		diag_error(d, doc->path, 1, 1, _("questionnaire '%s' not found or not valid (set PEIL_PATH or use -q)"),
		           f->questionnaire);
	struct response *r = q ? response_from_doc(doc, q, d) : NULL;
	if (!r || diag_errors(d)) {
		f->kind = CF_INVALID;
		first_error(f, d);
	} else if (q != c->q) {
		f->kind = CF_OTHER_QUESTIONNAIRE;
	} else {
		f->kind = CF_RESPONSE;
		take_response(f, q, r);
	}
	response_free(r);
}

/* Runs on the pool's threads; each writes only its own file's entry. */
static struct response *load_file(void *ctx, size_t index, const char *path, struct diag_list *d)
{
	struct collection *c = ctx;
	struct cfile *f = &c->files[index];
	struct ydoc *doc = ydoc_load_file(path, d);
	f->population = -1;
	f->organisation = scalar_of(doc, "organisation");
	f->organisation_id = scalar_of(doc, "organisation_id");
	f->questionnaire = scalar_of(doc, "questionnaire");
	f->version = scalar_of(doc, "questionnaire_version");
	f->group = c->group_by ? scalar_of(doc, c->group_by) : NULL;
	if (doc && doc->root && doc->root->kind == YNODE_MAP && ynode_get(doc->root, "peil"))
		f->kind = CF_QUESTIONNAIRE;
	else if (doc && doc->root && doc->root->kind == YNODE_MAP && ynode_get(doc->root, "peil-round"))
		f->kind = CF_ROUND;
	else if (doc && doc->root && doc->root->kind == YNODE_MAP)
		read_response(c, f, doc, d);
	else {
		if (doc)
			diag_error(d, path, 1, 1, "%s", _("not a response file: expected a mapping of keys"));
		f->kind = CF_INVALID;
		first_error(f, d);
	}
	ydoc_free(doc);
	return NULL;
}

static bool nothing(void *ctx, struct pool_item *it)
{
	(void)ctx;
	(void)it;
	return true;
}

/* -q, else the questionnaire that the first response file names. */
static bool pick_questionnaire(struct collection *c, const char *qarg, const struct pool_paths *p,
                               struct questionnaire **own)
{
	struct diag_list *d = diag_list_new();
	if (qarg) {
		*own = d ? cli_load_questionnaire(qarg, NULL, d) : NULL;
		c->q = *own;
	}
	for (size_t i = 0; !qarg && !c->q && i < p->n; i++) {
		char *id = ydoc_peek_key(p->v[i], "questionnaire");
		if (id && qn_valid_id(id))
			c->q = qcache_get(c->qc, id);
		mem_free(id);
	}
	if (d)
		diag_print(d, stderr, false);
	diag_list_free(d);
	if (!c->q && !qarg)
		cli_printf(stderr, "peil: error: %s\n",
		           _("no response file names a questionnaire that can be found (set PEIL_PATH or use -q)"));
	return c->q != NULL;
}

bool collection_read(struct collection *c, char *const *args, int nargs, const char *qarg,
                     const char *group_by)
{
	memset(c, 0, sizeof(*c));
	c->group_by = group_by;
	struct pool_paths yaml = { 0 }, other = { 0 };
	struct diag_list *d = diag_list_new();
	c->qc = qcache_new(NULL);
	bool ok = d != NULL;
	for (int i = 0; ok && i < nargs; i++)
		ok = pool_paths_collect(&yaml, &other, args[i], d);
	if (d)
		diag_print(d, stderr, false);
	ok = ok && pick_questionnaire(c, qarg, &yaml, &c->own);
	if (ok && c->own) {     /* -q: the cache hands it out for any id */
		qcache_free(c->qc);
		c->qc = qcache_new(c->own);
	}
	c->nfiles = yaml.n + other.n;
	c->files = ok ? xarray(c->nfiles, sizeof(struct cfile)) : NULL;
	for (size_t i = 0; ok && i < yaml.n; i++)
		c->files[i].kind = CF_INVALID;
	char err[256] = "";
	ok = ok && pool_for_each_load((const char *const *)yaml.v, yaml.n, load_file, c, 0, nothing, NULL, err,
	                              sizeof err);
	/* The files take their paths over. */
	for (size_t i = 0; ok && i < c->nfiles; i++) {
		struct pool_paths *from = i < yaml.n ? &yaml : &other;
		size_t k = i < yaml.n ? i : i - yaml.n;
		c->files[i].path = from->v[k];
		from->v[k] = NULL;
		if (i >= yaml.n)
			c->files[i] = (struct cfile){ .path = c->files[i].path, .kind = CF_SKIPPED, .population = -1 };
	}
	if (!ok && d && !diag_errors(d) && c->q)
		cli_printf(stderr, "peil: %s\n", *err ? err : _("out of memory"));
	pool_paths_free(&yaml);
	pool_paths_free(&other);
	diag_list_free(d);
	return ok;
}

void collection_free(struct collection *c)
{
	for (size_t i = 0; c->files && i < c->nfiles; i++) {
		struct cfile *f = &c->files[i];
		mem_free(f->path);
		mem_free(f->error);
		mem_free(f->questionnaire);
		mem_free(f->version);
		mem_free(f->organisation);
		mem_free(f->organisation_id);
		mem_free(f->group);
		mem_free(f->has);
		mem_free(f->scores);
	}
	mem_free(c->files);
	qcache_free(c->qc);
	questionnaire_free(c->own);
	memset(c, 0, sizeof(*c));
}
