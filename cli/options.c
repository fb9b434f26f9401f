/* The one parse loop of the subcommands, over the table of cli/options.h. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/xalloc.h"
#include "core/i18n.h"

const char *const cli_text_json[] = { "text", "json", NULL };
const struct cli_hooks cli_text_json_hooks = { .formats = cli_text_json, .bad_format = CLI_TEXT_JSON_ERROR };

struct row {
	const char *name;
	char letter;            /* the short option, or 0 */
	int has_arg;
	unsigned cmds;
};

#define CLI_ROW_(m, l, s, k, c) { l, s, CLI_HAS_##k##_, c },
#define CLI_HAS_FLAG_ no_argument
#define CLI_HAS_ARG_ required_argument
static const struct row rows[CLI_NOPTS] = { CLI_OPTIONS(CLI_ROW_) };

struct alias {
	const char *name;
	enum cli_opt opt;
};
#define CLI_ALIAS_(l, m) { l, CLI_OPT_##m },
static const struct alias aliases[] = { CLI_ALIASES(CLI_ALIAS_) };
enum { NALIASES = sizeof aliases / sizeof *aliases };

/* getopt's value for an option: its short letter, so that -q and
 * --questionnaire are one case, else a number past every character. */
static int value_of(enum cli_opt o)
{
	return rows[o].letter ? rows[o].letter : 256 + (int)o;
}

static int opt_of(int value)
{
	for (int o = 0; o < CLI_NOPTS; o++)
		if (value_of((enum cli_opt)o) == value)
			return o;
	return -1;
}

/* The getopt tables of one command: its rows and their aliases. */
static void build(unsigned cmd, struct option *longs, char *shorts)
{
	int n = 0;
	for (int o = 0; o < CLI_NOPTS; o++) {
		if (!(rows[o].cmds & cmd))
			continue;
		longs[n++] = (struct option){ rows[o].name, rows[o].has_arg, NULL, value_of((enum cli_opt)o) };
		if (rows[o].letter) {
			*shorts++ = rows[o].letter;
			if (rows[o].has_arg)
				*shorts++ = ':';
		}
	}
	for (int i = 0; i < NALIASES; i++)
		if (rows[aliases[i].opt].cmds & cmd)
			longs[n++] = (struct option){ aliases[i].name, rows[aliases[i].opt].has_arg, NULL,
			                              value_of(aliases[i].opt) };
	longs[n] = (struct option){ NULL, 0, NULL, 0 };
	*shorts = '\0';
}

/* Keeps the value of option o in v under its member. */
static void store(struct cli_values *v, enum cli_opt o, const char *arg)
{
	switch (o) {
#define CLI_STORE_FLAG_(m) v->m = true
#define CLI_STORE_ARG_(m) v->m = arg
#define CLI_STORE_(m, l, s, k, c) case CLI_OPT_##m: CLI_STORE_##k##_(m); break;
	CLI_OPTIONS(CLI_STORE_)
	case CLI_NOPTS: break;
	}
}

static int take_format(const struct command *c, struct cli_values *v, const char *arg)
{
	for (int i = 0; c->hooks->formats[i]; i++)
		if (!strcmp(arg, c->hooks->formats[i])) {
			v->format_index = i;
			return CLI_CONTINUE;
		}
	return cli_usage_error(c->name, _(c->hooks->bad_format), arg);
}

/* After the options: the number of operands. */
static int check_operands(const struct command *c, int n)
{
	if (n < c->min || (c->max > 0 && n > c->max))
		return cli_usage_error(c->name, "%s", _(c->operands));
	return CLI_CONTINUE;
}

/* Parses argv into v (zeroed first; the start of args): CLI_CONTINUE with
 * the operands from optind, or the exit code. */
static int parse(const struct command *c, int argc, char **argv, struct cli_values *v, void *args)
{
	static const struct cli_hooks none;
	const struct cli_hooks *h = c->hooks ? c->hooks : &none;
	struct option longs[CLI_NOPTS + NALIASES + 1];
	char shorts[2 * CLI_NOPTS + 1];
	build(c->cmd, longs, shorts);
	memset(v, 0, sizeof *v);
	opterr = 0;
	optind = 1;
	int opt;
	while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		int o = opt_of(opt), rc = CLI_CONTINUE;
		if (o < 0)              /* '?': getopt's unknown option or missing value */
			return cli_usage_error(c->name, _("unknown option or missing value: '%s'"), argv[optind - 1]);
		if (o == CLI_OPT_help) {
			cli_command_help(c->name, stdout);
			if (h->help)
				h->help(stdout);
			return EXIT_OK;
		}
		store(v, (enum cli_opt)o, optarg);
		if (o == CLI_OPT_format && h->formats)
			rc = take_format(c, v, optarg);
		if (rc == CLI_CONTINUE && h->option)
			rc = h->option(args, (enum cli_opt)o, optarg);
		if (rc != CLI_CONTINUE)
			return rc;
	}
	return check_operands(c, argc - optind);
}

int cli_run(const struct command *c, int argc, char **argv)
{
	struct cli_values values;
	void *args = c->hooks && c->hooks->size ? xcalloc(1, c->hooks->size) : &values;
	int rc = parse(c, argc, argv, args, args);
	if (rc == CLI_CONTINUE)
		rc = c->run(args, argc - optind, argv + optind);
	if (args != &values)
		free(args);
	return rc;
}
