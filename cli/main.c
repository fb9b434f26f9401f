/* peil — municipal digital maturity self-assessment. Entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/options.h"
#include "cli/xalloc.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/path.h"
#include "tui/tui.h"

/* The commands, in the order peil --help lists them: name, function,
 * synopsis, summary, option rows (cli/options.h), how many operands and
 * the error when that is off, and the command's hooks. */
static const struct command commands[] = {
	{ "fill", cmd_fill, "peil fill [-q Q] [-o FILE] [--organisation NAME] [--region R] [--respondent NAME] [--role ROLE] [--from OLD] [--plain]",
	  N_("answer a questionnaire in the terminal; resumes FILE if it exists"), CMD_FILL, 0, 0, NULL, NULL },
	{ "workshop", cmd_workshop, "peil workshop [-q Q] [-o FILE] [--participants N [--serve [ADDR:]PORT [--tls-cert F --tls-key F]]] [--anonymous | --names] [--large] [--minutes M] [--organisation NAME] [RESPONSES...]",
	  N_("facilitate a group session: merge respondents or vote in the room"), CMD_WORKSHOP, 0, 0, NULL, &workshop_hooks },
	{ "validate", cmd_validate, "peil validate [-q Q] FILE|DIR...",
	  N_("check questionnaires and response files"), CMD_VALIDATE, 1, 0, N_("name at least one file"), NULL },
	{ "score", cmd_score, "peil score [-q Q] FILE [--format text|json]",
	  N_("scores, levels, gaps and priorities of a response file"), CMD_SCORE, 1, 1,
	  N_("name exactly one response file"), &cli_text_json_hooks },
	{ "plan", cmd_plan, "peil plan [-q Q] FILE [--format text|json|csv]",
	  N_("the improvement plan: actions, owners, due dates, status, costs"), CMD_PLAN, 1, 1,
	  N_("name exactly one response file"), &plan_hooks },
	{ "export", cmd_export, "peil export [-q Q] FILE... --format FORMAT [-o OUT] [--baseline OLD] [--peers DIR|ROUND.yaml] "
	  "[--same-size] [--min-peers K] [--csv-sep C] [--bom] [--appendix|--no-appendix] [--public] [--force]",
	  N_("a scorecard for the council"), CMD_EXPORT, 1, 0, N_("name a response file"), &export_hooks },
	{ "aggregate", cmd_aggregate, "peil aggregate [-q Q] FILE|DIR... [-o MERGED] [--format text|json] [--strict] [--force]",
	  N_("merge respondents: group statistics and disagreement"), CMD_AGGREGATE, 1, 0,
	  N_("name the respondents' files or directories"), &cli_text_json_hooks },
	{ "compare", cmd_compare, "peil compare [-q Q] OLD NEW [--format text|json]",
	  N_("what changed since last time"), CMD_COMPARE, 2, 2, N_("name two response files: OLD and NEW"),
	  &cli_text_json_hooks },
	{ "benchmark", cmd_benchmark, "peil benchmark [-q Q] FILE --peers DIR|ROUND.yaml [--same-size] [--min-peers K] [--format text|json] [--strict]",
	  N_("compare with peer municipalities"), CMD_BENCHMARK, 1, 1, N_("name exactly one response file"),
	  &benchmark_hooks },
	{ "intake", cmd_intake, "peil intake [-q Q] DIR... [--registry CSV] [--format text|csv|json]",
	  N_("check a collection of response files: per organisation, what is wrong or missing"), CMD_INTAKE, 1, 0,
	  N_("name at least one directory of response files"), &intake_hooks },
	{ "sector", cmd_sector, "peil sector [-q Q] DIR... [--baseline DIR...] [--registry CSV] [--group-by FIELD] "
	  "[--min-n K] [--format text|csv|json|md|html|round] [--csv-sep C] [--bom] [-o OUT]",
	  N_("the sector picture: per domain and size class, the distribution of scores"), CMD_SECTOR, 1, 0,
	  N_("name at least one directory of response files"), &sector_hooks },
};
enum { NCOMMANDS = sizeof commands / sizeof *commands };

static const struct command *find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* Edits between a and b (insert, delete, change, swap two neighbours),
 * for "did you mean"; names are short. */
static int distance(const char *a, const char *b)
{
	enum { MAX = 32 };
	int la = (int)strlen(a), lb = (int)strlen(b), d[MAX + 1][MAX + 1];
	if (la > MAX || lb > MAX)
		return MAX;
	for (int i = 0; i <= la; i++)
		for (int j = 0; j <= lb; j++) {
			if (!i || !j) {
				d[i][j] = i + j;
				continue;
			}
			int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			best = d[i - 1][j] + 1 < best ? d[i - 1][j] + 1 : best;
			best = d[i][j - 1] + 1 < best ? d[i][j - 1] + 1 : best;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

/* The command `name` was probably meant to be, or NULL. */
static const char *nearest_command(const char *name)
{
	const char *best = NULL;
	int best_d = 3;
	for (int i = 0; i < NCOMMANDS; i++) {
		int d = distance(name, commands[i].name);
		if (d < best_d && d < (int)strlen(commands[i].name) / 2 + 1) {
			best_d = d;
			best = commands[i].name;
		}
	}
	return best;
}

/* `peil FILE.yaml`: a path to an assessment rather than a command. */
static bool names_a_file(const char *arg)
{
	return strchr(arg, '/') || path_is_yaml(arg);
}

/* peil FILE.yaml [OPTION...] runs peil fill -o FILE.yaml [OPTION...]. */
static int fill_file(int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 3, sizeof *args);
	char fill[] = "fill", o[] = "-o";
	int n = 0;
	args[n++] = fill;
	args[n++] = o;
	args[n++] = argv[1];
	for (int i = 2; i < argc; i++)
		args[n++] = argv[i];
	int rc = cli_run(find_command("fill"), n, args);
	free(args);
	return rc;
}

void cli_command_help(const char *name, FILE *out)
{
	const struct command *c = find_command(name);
	if (!c)
		return;
	fprintf(out, "%s: %s\n", _("Usage"), c->synopsis);
	fprintf(out, "  %s\n", _(c->summary));
	fprintf(out, "%s\n", _("Global option: --lang nl|en. See man peil for every option."));
}

static void usage(FILE *out)
{
	fprintf(out, "%s\n\n", _("peil — measure your municipality's digital maturity."));
	fprintf(out, "%s:\n  peil                 %s\n", _("Usage"),
	        _("open the assessment: resume the latest one or start a new one"));
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  peil %-15s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "  peil --help | --version\n\n");
	fprintf(out, "%s\n", _("Global option: --lang nl|en (default: from the locale)."));
	fprintf(out, "%s\n", _("Run 'peil COMMAND --help' for a command's options; 'man peil' for everything."));
}

static void version(void)
{
	printf("peil %s\n", PEIL_VERSION);
	printf("%s\n", _("reads questionnaire format 1 and response format 1"));
	printf("libyaml %s, %s\n", yaml_get_version_string(), tui_curses_version());
}

/* --lang may stand anywhere; take it out before the command sees argv. */
static const char *take_lang(int *argc, char **argv)
{
	const char *lang = NULL;
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--") ) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "--lang") && i + 1 < *argc) {
			lang = argv[++i];
			continue;
		}
		if (!strncmp(argv[i], "--lang=", 7)) {
			lang = argv[i] + 7;
			continue;
		}
		argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return lang;
}

/* The settings file, read once and passed down (cli_config()). Without
 * --lang, its language; its warnings are shown once the interface language
 * is known (read again only then, to word them in that language). */
static struct config *init_language(const char *lang)
{
	struct diag_list *d = diag_list_new();
	struct config *cfg = config_load(NULL, d);
	i18n_init(lang ? lang : config_language(cfg));
	if (diag_count(d) > 0) {
		diag_clear(d);
		config_free(config_load(NULL, d));
		diag_print(d, stderr, true);
	}
	diag_list_free(d);
	cli_config_set(cfg);
	return cfg;
}

static int run(int argc, char **argv, const char *lang)
{
	if (lang && strcmp(lang, "nl") && strcmp(lang, "en")) {
		cli_printf(stderr, "peil: %s\n", _("--lang takes nl or en"));
		return EXIT_USAGE;
	}
	if (argc < 2) {
		char fill[] = "fill";
		return cli_run(find_command(fill), 1, (char *[]){ fill, NULL });
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		version();
		return EXIT_OK;
	}
	const struct command *c = find_command(argv[1]);
	if (!c && argv[1][0] != '-' && names_a_file(argv[1]))
		return fill_file(argc, argv);
	if (!c) {
		const char *near = argv[1][0] == '-' ? NULL : nearest_command(argv[1]);
		if (argv[1][0] == '-') {
			cli_printf(stderr, _("peil: unknown option '%s'\n"), argv[1]);
		} else if (near) {
			cli_printf(stderr, _("peil: unknown command '%s'; did you mean '%s'?\n"), argv[1], near);
			cli_printf(stderr, "%s\n", _("Run 'peil --help' for the commands."));
			return EXIT_USAGE;
		} else {
			cli_printf(stderr, _("peil: unknown command '%s'\n"), argv[1]);
		}
		usage(stderr);
		return EXIT_USAGE;
	}
	return cli_run(c, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	/* The test hook of cli/xalloc.h: tests/e2e/tui_oom.py. */
	const char *fail = getenv("PEIL_XALLOC_FAIL");
	if (fail && *fail)
		xalloc_fail_from(strtoul(fail, NULL, 10));
	const char *lang = take_lang(&argc, argv);
	struct config *cfg = init_language(lang);
	int rc = run(argc, argv, lang);
	cli_config_set(NULL);
	config_free(cfg);
	return rc;
}
