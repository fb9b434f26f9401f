/* peil validate [-q Q] FILE|DIR...: questionnaires, response files and
 * round files, told apart by their first key; every error and warning of
 * every file is reported. Directories stand for their *.yaml and *.yml
 * files. Files are checked in parallel (core/pool.h) and each
 * questionnaire is loaded once (cli/qcache.h), in the order given. */
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/qcache.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/round.h"
#include "core/schema.h"
#include "core/ydoc.h"

/* A file with neither format key: guess from the keys it does have, so the
 * message ("missing peil") points at what the author most likely meant. */
static bool looks_like_response(const struct ynode *root)
{
	return ynode_get(root, "peil-responses") || ynode_get(root, "answers") ||
	       (ynode_get(root, "questionnaire") && !ynode_get(root, "peil"));
}

/* The questionnaire a file names (or -q's), reported at its key when it
 * cannot be had. */
static const struct questionnaire *questionnaire_of(struct qcache *qc, bool fixed, const struct ydoc *doc,
                                                   struct diag_list *d)
{
	const struct ynode *qid = ynode_get(doc->root, "questionnaire");
	const struct questionnaire *q = NULL;
	struct schema s = { doc->path, d };
	if (fixed)
		q = qcache_get(qc, NULL);
	else if (!qid)
		schema_error(&s, doc->root, "%s", _("missing required key 'questionnaire'"));
	else if (qid->kind != YNODE_SCALAR)
		schema_error(&s, qid, "%s", _("questionnaire: expected the id of a questionnaire"));
	else if (!qn_valid_id(qid->u.str))
		schema_error(&s, qid, _("questionnaire: '%s' is not the id of a questionnaire"), qid->u.str);
	else if (!(q = qcache_get(qc, qid->u.str)))
		schema_error(&s, qid, _("questionnaire '%s' not found or not valid (set PEIL_PATH or use -q)"),
		             qid->u.str);
	return q;
}

static void validate_response(struct qcache *qc, bool fixed, const struct ydoc *doc, struct diag_list *d)
{
	const struct questionnaire *q = questionnaire_of(qc, fixed, doc, d);
	if (!q)
		return;
	struct response *r = response_from_doc(doc, q, d);
	if (r && !doc->explicit_end)
		diag_warning(d, doc->path, 0, 0, "%s",
		             _("no end marker '...': the file may have been cut short (peil writes one)"));
	response_free(r);
}

/* A round file is checked against its questionnaire when that can be
 * found, else on its own. */
static void validate_round(struct qcache *qc, bool fixed, const struct ydoc *doc, struct diag_list *d)
{
	const struct ynode *qid = ynode_get(doc->root, "questionnaire");
	const struct questionnaire *q = NULL;
	if (fixed || (qid && qid->kind == YNODE_SCALAR && qn_valid_id(qid->u.str)))
		q = questionnaire_of(qc, fixed, doc, d);
	if (q || diag_errors(d) == 0)
		round_free(round_from_doc(doc, q, d));
}

struct vctx {
	struct qcache *qc;
	bool fixed;
	int failed;
};

/* Runs on the pool's threads; the diagnostics go to the item. */
static struct response *validate_one(void *ctx, size_t index, const char *path, struct diag_list *d)
{
	struct vctx *v = ctx;
	(void)index;
	struct ydoc *doc = ydoc_load_file(path, d);
	if (!doc)
		return NULL;
	if (!doc->root || doc->root->kind != YNODE_MAP) {
		struct schema s = { path, d };
		schema_map(&s, doc->root, _("a peil file"));
	} else if (ynode_get(doc->root, "peil-round")) {
		validate_round(v->qc, v->fixed, doc, d);
	} else if (looks_like_response(doc->root)) {
		validate_response(v->qc, v->fixed, doc, d);
	} else {
		questionnaire_free(questionnaire_from_doc(doc, d));
	}
	ydoc_free(doc);
	return NULL;
}

/* In the order given: the file's errors and warnings, or "FILE: ok". */
static bool report(void *ctx, struct pool_item *it)
{
	struct vctx *v = ctx;
	diag_print(it->diags, stderr, true);
	if (diag_errors(it->diags))
		v->failed++;
	else
		cli_printf(stdout, _("%s: ok\n"), it->path);
	return true;
}

static int validate_all(const struct questionnaire *fixed, char **args, int n)
{
	struct pool_paths paths = { 0 };
	struct diag_list *d = diag_list_new();
	struct vctx v = { .qc = qcache_new(fixed), .fixed = fixed != NULL };
	bool ok = d != NULL;
	/* A directory that cannot be read fails the command, after the rest. */
	for (int i = 0; ok && i < n; i++) {
		size_t before = paths.n;
		if (!pool_paths_add(&paths, args[i], d))
			v.failed++;
		else if (paths.n == before) {       /* a directory without any */
			diag_error(d, args[i], 0, 0, "%s", _("no *.yaml or *.yml files in this directory"));
			v.failed++;
		}
	}
	if (d)
		diag_print(d, stderr, true);
	char err[256] = "";
	if (ok && !pool_for_each_load((const char *const *)paths.v, paths.n, validate_one, &v, 0, report, &v, err,
	                              sizeof err))
		ok = false;
	if (!ok)
		fprintf(stderr, "peil: %s\n", _("out of memory"));
	pool_paths_free(&paths);
	qcache_free(v.qc);
	diag_list_free(d);
	return ok && !v.failed ? EXIT_OK : EXIT_INVALID;
}

int cmd_validate(void *args, int argc, char **argv)
{
	const struct cli_values *o = args;
	struct questionnaire *fixed = NULL;
	if (o->qarg) {
		struct diag_list *d = diag_list_new();
		fixed = d ? cli_load_questionnaire(o->qarg, NULL, d) : NULL;
		if (d)
			diag_print(d, stderr, true);
		diag_list_free(d);
		if (!fixed)
			return EXIT_INVALID;
	}
	int rc = validate_all(fixed, argv, argc);
	questionnaire_free(fixed);
	return rc;
}
