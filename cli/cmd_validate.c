/* peil validate FILE...: questionnaires and response files, told apart by
 * their first key; every error and warning of every file is reported. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/schema.h"
#include "core/ydoc.h"

/* A file with neither format key: guess from the keys it does have, so the
 * message ("missing peil") points at what the author most likely meant. */
static bool looks_like_response(const struct ynode *root)
{
	return ynode_get(root, "peil-responses") || ynode_get(root, "answers") ||
	       (ynode_get(root, "questionnaire") && !ynode_get(root, "peil"));
}

static void validate_response(const char *qarg, const struct ydoc *doc, struct diag_list *d)
{
	const struct ynode *qid = ynode_get(doc->root, "questionnaire");
	struct questionnaire *q = NULL;
	if (qarg) {
		q = cli_load_questionnaire(qarg, NULL, d);
	} else if (qid && qid->kind == YNODE_SCALAR && qn_valid_id(qid->u.str)) {
		struct diag_list *inner = diag_list_new();
		q = cli_load_questionnaire(qid->u.str, NULL, inner);
		if (!q)
			diag_error(d, doc->path, qid->line, qid->col,
			           _("questionnaire '%s' not found or not valid (set PEIL_PATH or use -q)"), qid->u.str);
		diag_list_free(inner);
	}
	if (!q) {
		struct schema s = { doc->path, d };
		if (!qid)
			schema_error(&s, doc->root, "%s", _("missing required key 'questionnaire'"));
		else if (!qarg && qid->kind != YNODE_SCALAR)
			schema_error(&s, qid, "%s", _("questionnaire: expected the id of a questionnaire"));
		else if (!qarg && !qn_valid_id(qid->u.str))
			schema_error(&s, qid, _("questionnaire: '%s' is not the id of a questionnaire"), qid->u.str);
		return;
	}
	struct response *r = response_from_doc(doc, q, d);
	if (r && !doc->explicit_end)
		diag_warning(d, doc->path, 0, 0, "%s",
		             _("no end marker '...': the file may have been cut short (peil writes one)"));
	response_free(r);
	questionnaire_free(q);
}

static void validate_one(const char *qarg, const char *path, struct diag_list *d)
{
	struct ydoc *doc = ydoc_load_file(path, d);
	if (!doc)
		return;
	if (!doc->root || doc->root->kind != YNODE_MAP) {
		struct schema s = { path, d };
		schema_map(&s, doc->root, _("a peil file"));
	} else if (looks_like_response(doc->root)) {
		validate_response(qarg, doc, d);
	} else {
		questionnaire_free(questionnaire_from_doc(doc, d));
	}
	ydoc_free(doc);
}

int cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	const char *qarg = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq:", opts, NULL)) != -1) {
		if (c == 'h') {
			cli_command_help("validate", stdout);
			return EXIT_OK;
		}
		if (c == 'q')
			qarg = optarg;
		else
			return cli_usage_error("validate", _("unknown option '%s'"), argv[optind - 1]);
	}
	if (optind >= argc)
		return cli_usage_error("validate", "%s", _("name at least one file"));
	int failed = 0;
	for (int i = optind; i < argc; i++) {
		struct diag_list *d = diag_list_new();
		if (!d)
			return EXIT_INVALID;
		validate_one(qarg, argv[i], d);
		diag_print(d, stderr, true);
		if (diag_errors(d))
			failed++;
		else
			cli_printf(stdout, _("%s: ok\n"), argv[i]);
		diag_list_free(d);
	}
	return failed ? EXIT_INVALID : EXIT_OK;
}
