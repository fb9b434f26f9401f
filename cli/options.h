/* Every option of the subcommands, in one table (tig-style), and the one
 * parse loop that reads them (cli/options.c).
 *
 * A row: X(member, long name, short letter or 0, FLAG or ARG, the commands
 * that take it). The loop keeps each option's value in struct cli_values
 * under `member` (a flag: true; an argument: the last one given), so a
 * command whose options only need storing writes no option code at all.
 * Adding an option: one row here, a line in doc/peil.1 (tests/e2e/unix_man.sh
 * reads the long names from this table) and in scripts/peil.bash-completion
 * (tests/e2e/unix_completion.sh checks it offers each command's options).
 * Adding a command: its CMD_ bit here, its cmd_NAME in cli/cli.h and its
 * row in cli/main.c's command table (operands, hooks), which cli_run
 * parses by. */
#ifndef PEIL_CLI_OPTIONS_H
#define PEIL_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The commands, as the table's last column names them. */
enum {
	CMD_FILL = 1 << 0, CMD_WORKSHOP = 1 << 1, CMD_VALIDATE = 1 << 2, CMD_SCORE = 1 << 3,
	CMD_PLAN = 1 << 4, CMD_EXPORT = 1 << 5, CMD_AGGREGATE = 1 << 6, CMD_COMPARE = 1 << 7,
	CMD_BENCHMARK = 1 << 8, CMD_INTAKE = 1 << 9, CMD_SECTOR = 1 << 10,
	CMD_ALL = (1 << 11) - 1,
};

#define CLI_OPTIONS(X) \
	X(help,         "help",          'h', FLAG, CMD_ALL) \
	X(qarg,         "questionnaire", 'q', ARG,  CMD_ALL) \
	X(format,       "format",        'f', ARG,  CMD_ALL & ~(CMD_FILL | CMD_WORKSHOP | CMD_VALIDATE)) \
	X(out,          "output",        'o', ARG,  CMD_FILL | CMD_WORKSHOP | CMD_EXPORT | CMD_AGGREGATE | CMD_SECTOR) \
	X(organisation, "organisation",  0,   ARG,  CMD_FILL | CMD_WORKSHOP) \
	X(from,         "from",          0,   ARG,  CMD_FILL) \
	X(region,       "region",        0,   ARG,  CMD_FILL) \
	X(respondent,   "respondent",    0,   ARG,  CMD_FILL) \
	X(role,         "role",          0,   ARG,  CMD_FILL) \
	X(plain,        "plain",         0,   FLAG, CMD_FILL) \
	X(participants, "participants",  0,   ARG,  CMD_WORKSHOP) \
	X(anonymous,    "anonymous",     0,   FLAG, CMD_WORKSHOP) \
	X(names,        "names",         0,   FLAG, CMD_WORKSHOP) \
	X(large,        "large",         0,   FLAG, CMD_WORKSHOP) \
	X(minutes,      "minutes",       0,   ARG,  CMD_WORKSHOP) \
	X(serve,        "serve",         0,   ARG,  CMD_WORKSHOP) \
	X(tls_cert,     "tls-cert",      0,   ARG,  CMD_WORKSHOP) \
	X(tls_key,      "tls-key",       0,   ARG,  CMD_WORKSHOP) \
	X(baseline,     "baseline",      0,   ARG,  CMD_EXPORT | CMD_SECTOR) \
	X(peers,        "peers",         0,   ARG,  CMD_EXPORT | CMD_BENCHMARK) \
	X(same_size,    "same-size",     0,   FLAG, CMD_EXPORT | CMD_BENCHMARK) \
	X(min_peers,    "min-peers",     0,   ARG,  CMD_EXPORT | CMD_BENCHMARK) \
	X(csv_sep,      "csv-sep",       0,   ARG,  CMD_EXPORT | CMD_SECTOR) \
	X(bom,          "bom",           0,   FLAG, CMD_EXPORT | CMD_SECTOR) \
	X(appendix,     "appendix",      0,   FLAG, CMD_EXPORT) \
	X(no_appendix,  "no-appendix",   0,   FLAG, CMD_EXPORT) \
	X(public,       "public",        0,   FLAG, CMD_EXPORT) \
	X(force,        "force",         0,   FLAG, CMD_EXPORT | CMD_AGGREGATE) \
	X(strict,       "strict",        0,   FLAG, CMD_AGGREGATE | CMD_BENCHMARK) \
	X(registry,     "registry",      0,   ARG,  CMD_INTAKE | CMD_SECTOR) \
	X(group_by,     "group-by",      0,   ARG,  CMD_SECTOR) \
	X(min_n,        "min-n",         0,   ARG,  CMD_SECTOR)

/* Other spellings: A(long name, the member it sets). */
#define CLI_ALIASES(A) \
	A("organization", organisation)

#define CLI_OPT_ENUM_(m, l, s, k, c) CLI_OPT_##m,
enum cli_opt { CLI_OPTIONS(CLI_OPT_ENUM_) CLI_NOPTS };
#undef CLI_OPT_ENUM_

#define CLI_VALUE_FLAG_(m) bool m;
#define CLI_VALUE_ARG_(m) const char *m;
#define CLI_VALUE_(m, l, s, k, c) CLI_VALUE_##k##_(m)
struct cli_values {
	CLI_OPTIONS(CLI_VALUE_)
	int format_index;       /* --format's place in cli_parser.formats (0 without --format) */
};
#undef CLI_VALUE_
#undef CLI_VALUE_ARG_
#undef CLI_VALUE_FLAG_

/* What a command adds to reading its line (any field may be 0 or NULL). */
struct cli_hooks {
	/* --format's values, NULL-terminated, with the N_() usage error
	 * ("... not '%s'") for any other; NULL: `option` checks it. */
	const char *const *formats;
	const char *bad_format;
	/* The size of the command's own struct for its options, whose first
	 * member is the struct cli_values: what `option` keeps there as it
	 * goes. 0: the values alone. */
	size_t size;
	/* Called for each option in turn once it is stored, with that struct,
	 * for a value that needs checking or converting: CLI_CONTINUE, or the
	 * exit code after a usage error. */
	int (*option)(void *args, enum cli_opt opt, const char *arg);
	void (*help)(FILE *out);        /* more for --help, after the synopsis */
};

/* A row of the command table (cli/main.c). */
struct command {
	const char *name;
	/* Runs once the options are read: args is the command's struct
	 * (hooks->size) or else the struct cli_values; argv holds the argc
	 * operands. Returns the exit code. */
	int (*run)(void *args, int argc, char **argv);
	const char *synopsis;   /* untranslated; shown in --help */
	const char *summary;    /* N_() marked */
	unsigned cmd;           /* its CMD_ bit: the option rows it takes */
	int min, max;           /* how many operands (max 0: any number) */
	const char *operands;   /* N_(): the usage error when that number is off */
	const struct cli_hooks *hooks;  /* NULL: none */
};

/* Runs command c on argv (argv[0] is its name): parses the options into
 * its struct, then runs it. Returns EXIT_OK after --help, EXIT_USAGE after
 * a usage error (an unknown option, a missing or bad value, the wrong
 * number of operands), else what the command returns. */
int cli_run(const struct command *c, int argc, char **argv);

/* The hooks of the commands that have them (each in its cmd_NAME.c). */
extern const struct cli_hooks plan_hooks, export_hooks, benchmark_hooks, intake_hooks, sector_hooks,
	workshop_hooks;

/* --format text|json, shared by score, compare, aggregate and benchmark:
 * format_index 1 for json. */
extern const char *const cli_text_json[];
#define CLI_TEXT_JSON_ERROR N_("--format takes text or json, not '%s'")
extern const struct cli_hooks cli_text_json_hooks;

#endif
