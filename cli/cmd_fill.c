/* peil fill (and plain `peil`): answer a questionnaire in the TUI, or in
 * plain mode where there is no usable terminal. This file only finds the
 * files; tui/ and cli/plain.c do the work. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/assessments.h"
#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/options.h"
#include "cli/plain.h"
#include "cli/xalloc.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "core/path.h"
#include "core/ydoc.h"
#include "tui/tui.h"

/* A new file in the data dir, named once its organisation is known (at
 * the prompt of the TUI or of plain mode): the name and its lock. */
struct naming {
	const char *dir, *fallback;     /* the data dir; the questionnaire's id */
	char *path;
	struct lock *lock;
};

static const char *name_new_file(void *ctx, const char *organisation, char *err, size_t errlen)
{
	struct naming *n = ctx;
	char *p = assessment_new_path(n->dir, organisation, n->fallback);
	struct lock *l = p ? lock_acquire(p, err, errlen) : NULL;
	if (!l) {
		if (!p)
			snprintf(err, errlen, "%s", _("999 files of this name already exist in the data directory"));
		mem_free(p);
		return NULL;
	}
	lock_release(n->lock);
	mem_free(n->path);
	n->lock = l;
	n->path = p;
	return p;
}

/* The options (cli/options.h) and what they take; --respondent and --role
 * say who answers: into the file, no hand-editing. */
static int check(int argc, char **argv, const struct cli_values *a)
{
	if (argc > 0)
		return cli_usage_error("fill", _("unexpected argument '%s' (the file goes after -o)"), argv[0]);
	if (a->organisation && !*a->organisation)
		return cli_usage_error("fill", "%s", _("--organisation needs a name"));
	if (a->region && !qn_valid_region(a->region))
		return cli_usage_error("fill", _("--region: '%s' is not a region code like NL or BE-VLG"), a->region);
	if (a->respondent && !*a->respondent)
		return cli_usage_error("fill", "%s", _("--respondent needs a name"));
	if (a->role && !*a->role)
		return cli_usage_error("fill", "%s", _("--role needs a role (e.g. CIO)"));
	return CLI_CONTINUE;
}

/* A new response on the questionnaire (-q, --from's, or the default). */
static int start_new(const struct cli_values *fa, struct questionnaire **q, struct response **r)
{
	struct response *old = NULL;
	struct diag_list *d = diag_list_new();
	*q = cli_load_questionnaire(fa->qarg, fa->from, d);
	diag_print(d, stderr, false);
	diag_list_free(d);
	if (!*q)
		return EXIT_INVALID;
	if (fa->region && (*q)->regions_listed && qn_region_index(*q, fa->region) < 0) {
		cli_usage_error("fill", _("--region: '%s' is not one of the questionnaire's regions"), fa->region);
		return EXIT_USAGE;
	}
	/* Last year's file may answer an earlier version: carried by id. */
	if (fa->from && !(old = cli_load_previous_with(*q, fa->from)))
		return EXIT_INVALID;
	*r = response_new(*q, fa->organisation);
	bool ok = *r && (!old || response_carry_over(*r, old));
	ok = ok && (!fa->region || response_set_region(*r, fa->region));
	if (ok)
		i18n_set_region(response_region(*r));
	response_free(old);
	if (!ok) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* Bare `peil`: the only assessment in dir, or the one chosen from a short
 * list when there are several (the newest without a terminal to ask on);
 * *path stays NULL for a new one. -1: q at the chooser (nothing to do). */
static int pick_assessment(const char *dir, char **path)
{
	struct assessment *v;
	int n = assessments_list(dir, &v), k = 0;
	if (n > 1 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		k = assessment_choose(dir, v, n, stdin, stdout);
	if (n > 0 && k >= 0)
		*path = xstrdup(v[k].path);
	assessments_free(v, n);
	return n > 0 && k == ASSESSMENT_QUIT ? -1 : EXIT_OK;
}

/* Where the assessment goes: -o, else (bare `peil`) the one in the data
 * dir, else a new file there. *exists says whether to resume. */
static int choose_path(const struct cli_values *fa, char **path, bool *exists)
{
	*path = NULL;
	if (fa->out) {
		*path = xstrdup(fa->out);
	} else {
		char *dir = config_assessment_dir(cli_config(), 1);
		if (!dir) {
			cli_printf(stderr, "peil: %s\n", _("no data directory for assessments (set HOME or XDG_DATA_HOME, or use -o FILE)"));
			return EXIT_WRITE;
		}
		bool bare = !fa->qarg && !fa->organisation && !fa->from;
		int rc = bare ? pick_assessment(dir, path) : EXIT_OK;
		if (!*path && rc == EXIT_OK)
			*path = xstrdup(dir);           /* a directory: named once q is known */
		mem_free(dir);
		if (rc != EXIT_OK)
			return rc;
	}
	struct stat st;
	*exists = stat(*path, &st) == 0 && S_ISREG(st.st_mode);
	return EXIT_OK;
}

/* After the TUI, where the answers are, as plain mode says it: the full
 * path, for a file in the data dir that the user never named. */
static void say_where(const char *path)
{
	char *full = realpath(path, NULL);
	if (full)
		cli_printf(stdout, _("Your answers are saved in %s\n"), full);
	free(full);
}

static int fill_plain(const struct questionnaire *q, struct response *r, const char *path, struct naming *naming)
{
	const struct plain_naming pn = { name_new_file, naming };
	return naming ? plain_fill_named(q, r, path, &pn, stdin, stdout) : plain_fill(q, r, path, stdin, stdout);
}

static int run_tui(const struct questionnaire *q, struct response *r, const char *path, bool is_new,
                   const char *notice, struct naming *naming)
{
	struct tui_fill_options o = {
		.lang = cli_lang(q),
		/* --from brought the name along: no prompt for it (SPEC). */
		.ask_organisation = is_new && !*response_organisation(r),
		.notice = notice,
		.name_file = naming ? name_new_file : NULL,
		.name_ctx = naming,
	};
	cli_theme(&o.no_color, &o.high_contrast);
	char err[512];
	int sig = 0;
	enum tui_status st = tui_run_fill(q, r, path, &o, &sig, err, sizeof err);
	if (st == TUI_DONE)
		say_where(naming && naming->path ? naming->path : path);
	if (st == TUI_NO_TERMINAL) {
		cli_printf(stderr, "peil: %s\n", err);
		cli_printf(stderr, "peil: %s\n", _("continuing in plain mode"));
		return fill_plain(q, r, path, naming);
	}
	return cli_tui_exit(st, sig, err);
}

/* Loads the assessment at *path, or starts a new one (then a path in the
 * data dir named after the organisation replaces the directory in *path
 * when there was no -o; *later when the organisation is still to be asked). */
static int open_assessment(const struct cli_values *fa, bool exists, char **path,
                           struct questionnaire **q, struct response **r, bool *later)
{
	*later = false;
	if (exists && fa->from)
		return cli_usage_error("fill", _("%s exists already: --from starts a new assessment (choose another -o)"),
		                       *path);
	if (exists) {
		if (!cli_load_response(fa->qarg, *path, q, r))
			return EXIT_INVALID;
		bool ok = (!fa->organisation || response_set_organisation(*r, fa->organisation)) &&
		          (!fa->region || response_set_region(*r, fa->region));
		return ok ? EXIT_OK : EXIT_INVALID;
	}
	int rc = start_new(fa, q, r);
	if (rc == EXIT_OK && !fa->out) {
		if (!*response_organisation(*r)) {
			*later = true;
			return EXIT_OK;
		}
		char *p = assessment_new_path(*path, response_organisation(*r), (*q)->id);
		mem_free(*path);
		*path = p;
		rc = p ? EXIT_OK : EXIT_WRITE;
	}
	return rc;
}

int cmd_fill(void *args, int argc, char **argv)
{
	const struct cli_values *fa = args;
	int rc = check(argc, argv, fa);
	if (rc != CLI_CONTINUE)
		return rc;
	char *path, err[512], notice[640] = "";
	bool exists, later;
	if ((rc = choose_path(fa, &path, &exists)) != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct questionnaire *q = NULL;
	struct response *r = NULL;
	struct lock *lock = NULL;
	/* The lock before the file: another peil that saves and quits between
	 * our reading the file and locking it would leave us its old answers.
	 * A new file in the data dir is named (and locked) once q is known. */
	if (exists || fa->out) {
		if (!(lock = cli_take_lock(path, notice, sizeof notice))) {
			rc = EXIT_WRITE;
			goto out;
		}
		exists = cli_is_file(path);         /* it may have appeared meanwhile */
	}
	if ((rc = open_assessment(fa, exists, &path, &q, &r, &later)) != EXIT_OK)
		goto out;
	struct naming naming = { .dir = path, .fallback = q->id };
	if ((fa->respondent && !response_set_respondent(r, fa->respondent)) ||
	    (fa->role && !response_set_role(r, fa->role))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
		goto out;
	}
	if (!lock && !later && !(lock = cli_take_lock(path, notice, sizeof notice))) {
		rc = EXIT_WRITE;
		goto out;
	}
	bool plain = fa->plain || !tui_terminal_usable();
	/* Piped answers would be taken for the name ("3" as the organisation,
	 * every answer shifted): a new file from a pipe needs --organisation. */
	if (plain && !exists && !*response_organisation(r) && !isatty(STDIN_FILENO)) {
		rc = cli_usage_error("fill", "%s", _("the input is not a terminal: give the organisation of a new "
		                                     "assessment with --organisation NAME"));
		goto out;
	}
	/* A named new file is written at once, so that a bad path shows now
	 * and quitting at once leaves it (--from's too); plain mode does this
	 * itself. */
	if ((exists ? fa->respondent || fa->role : *response_organisation(r) != '\0') && !plain &&
	    !response_save(r, path, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		rc = EXIT_WRITE;
		goto out;
	}
	rc = plain ? fill_plain(q, r, path, later ? &naming : NULL)
	           : run_tui(q, r, path, !exists, notice[0] ? notice : NULL, later ? &naming : NULL);
	lock_release(naming.lock);
	mem_free(naming.path);
out:
	lock_release(lock);
	response_free(r);
	questionnaire_free(q);
	mem_free(path);
	return cli_end_as_signalled(rc);
}
