/* peil fill (and plain `peil`): answer a questionnaire in the TUI, or in
 * plain mode where there is no usable terminal. This file only finds the
 * files; tui/ and cli/plain.c do the work. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/plain.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "core/path.h"
#include "core/ydoc.h"
#include "tui/tui.h"

struct fill_args {
	const char *qarg, *out, *organisation, *from, *region;
	const char *respondent, *role;  /* who answers: into the file, no hand-editing */
	bool plain;
};

static bool is_response_file(const char *path)
{
	char *v = ydoc_peek_key(path, "peil-responses");
	bool yes = v != NULL;
	mem_free(v);
	return yes;
}

/* The most recently changed response file in dir, or NULL. */
static char *latest_assessment(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char *best = NULL;
	struct timespec best_t = { 0, 0 };
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!path_is_yaml(e->d_name) || e->d_name[0] == '.')
			continue;
		char *p = path_join(dir, e->d_name);
		struct stat st;
		if (!p)
			break;
		bool newer = stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		             (!best || st.st_mtim.tv_sec > best_t.tv_sec ||
		              (st.st_mtim.tv_sec == best_t.tv_sec && st.st_mtim.tv_nsec > best_t.tv_nsec));
		if (newer && is_response_file(p)) {
			mem_free(best);
			best = p;
			best_t = st.st_mtim;
		} else {
			mem_free(p);
		}
	}
	closedir(d);
	return best;
}

static int parse(int argc, char **argv, struct fill_args *a)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "organisation", required_argument, NULL, 'O' },
		{ "organization", required_argument, NULL, 'O' },
		{ "from", required_argument, NULL, 'F' },
		{ "region", required_argument, NULL, 'R' },
		{ "respondent", required_argument, NULL, 'W' },
		{ "role", required_argument, NULL, 'r' },
		{ "plain", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hq:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			cli_command_help("fill", stdout);
			return EXIT_OK;
		case 'q': a->qarg = optarg; break;
		case 'o': a->out = optarg; break;
		case 'O': a->organisation = optarg; break;
		case 'F': a->from = optarg; break;
		case 'R': a->region = optarg; break;
		case 'W': a->respondent = optarg; break;
		case 'r': a->role = optarg; break;
		case 'P': a->plain = true; break;
		default:
			return cli_usage_error("fill", _("unknown option or missing value: '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("fill", _("unexpected argument '%s' (the file goes after -o)"), argv[optind]);
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
static int start_new(const struct fill_args *fa, struct questionnaire **q, struct response **r)
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

/* Where the assessment goes: -o, else (bare `peil`) the latest one in the
 * data dir, else a new file there. *exists says whether to resume. */
static int choose_path(const struct fill_args *fa, char **path, bool *exists)
{
	*path = NULL;
	if (fa->out) {
		*path = mem_strdup(fa->out);
	} else {
		char *dir = config_assessment_dir(cli_config(), 1);
		if (!dir) {
			cli_printf(stderr, "peil: %s\n", _("no data directory for assessments (set HOME or XDG_DATA_HOME, or use -o FILE)"));
			return EXIT_WRITE;
		}
		bool bare = !fa->qarg && !fa->organisation && !fa->from;
		*path = bare ? latest_assessment(dir) : NULL;
		if (!*path)
			*path = mem_strdup(dir);        /* a directory: named once q is known */
		mem_free(dir);
	}
	struct stat st;
	*exists = stat(*path, &st) == 0 && S_ISREG(st.st_mode);
	return *path ? EXIT_OK : EXIT_WRITE;
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

static int run_tui(const struct questionnaire *q, struct response *r, const char *path, bool is_new,
                   const char *notice)
{
	struct tui_fill_options o = {
		.lang = cli_lang(q),
		/* --from brought the name along: no prompt for it (SPEC). */
		.ask_organisation = is_new && !*response_organisation(r),
		.notice = notice,
	};
	cli_theme(&o.no_color, &o.high_contrast);
	char err[512];
	int sig = 0;
	enum tui_status st = tui_run_fill(q, r, path, &o, &sig, err, sizeof err);
	if (st == TUI_DONE)
		say_where(path);
	if (st == TUI_NO_TERMINAL) {
		cli_printf(stderr, "peil: %s\n", err);
		cli_printf(stderr, "peil: %s\n", _("continuing in plain mode"));
		return plain_fill(q, r, path, stdin, stdout);
	}
	return cli_tui_exit(st, sig, err);
}

/* Loads the assessment at *path, or starts a new one (then a path in the
 * data dir replaces the directory in *path when there was no -o). */
static int open_assessment(const struct fill_args *fa, bool exists, char **path,
                           struct questionnaire **q, struct response **r)
{
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
		char *p = cli_dated_path(*path, (*q)->id);
		mem_free(*path);
		*path = p;
		rc = p ? EXIT_OK : EXIT_WRITE;
	}
	return rc;
}

int cmd_fill(int argc, char **argv)
{
	struct fill_args fa;
	int rc = parse(argc, argv, &fa);
	if (rc != CLI_CONTINUE)
		return rc;
	char *path, err[512], notice[640];
	bool exists;
	if ((rc = choose_path(&fa, &path, &exists)) != EXIT_OK)
		return rc;
	struct questionnaire *q = NULL;
	struct response *r = NULL;
	struct lock *lock = NULL;
	/* The lock before the file: another peil that saves and quits between
	 * our reading the file and locking it would leave us its old answers.
	 * A new file in the data dir is named (and locked) once q is known. */
	if (exists || fa.out) {
		if (!(lock = cli_take_lock(path, notice, sizeof notice))) {
			rc = EXIT_WRITE;
			goto out;
		}
		exists = cli_is_file(path);         /* it may have appeared meanwhile */
	}
	if ((rc = open_assessment(&fa, exists, &path, &q, &r)) != EXIT_OK)
		goto out;
	if ((fa.respondent && !response_set_respondent(r, fa.respondent)) ||
	    (fa.role && !response_set_role(r, fa.role))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
		goto out;
	}
	if (!lock && !(lock = cli_take_lock(path, notice, sizeof notice))) {
		rc = EXIT_WRITE;
		goto out;
	}
	bool plain = fa.plain || !tui_terminal_usable();
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
	if ((exists ? fa.respondent || fa.role : *response_organisation(r) != '\0') && !plain &&
	    !response_save(r, path, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		rc = EXIT_WRITE;
		goto out;
	}
	rc = plain ? plain_fill(q, r, path, stdin, stdout)
	           : run_tui(q, r, path, !exists, notice[0] ? notice : NULL);
out:
	lock_release(lock);
	response_free(r);
	questionnaire_free(q);
	mem_free(path);
	return cli_end_as_signalled(rc);
}
