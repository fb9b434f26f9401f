/* The command line: one file per subcommand, shared helpers in common.c.
 * Only cli/ calls exit(); everything else returns errors as values. */
#ifndef PEIL_CLI_H
#define PEIL_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/questionnaire.h"
#include "core/response.h"

/* Exit codes (SPEC). */
enum {
	EXIT_OK = 0,
	EXIT_INVALID = 1,       /* a file that does not parse or validate */
	EXIT_USAGE = 2,
	EXIT_WRITE = 3,         /* an output could not be written */
};

/* What the option parser and a command's checks of its options return
 * when the command is to go on; anything else is the exit code to return
 * at once: EXIT_OK after --help, EXIT_USAGE after a usage error. */
enum { CLI_CONTINUE = -1 };

/* Each subcommand, in its own file, run by cli_run (cli/options.h): args
 * holds its options, argv its argc operands. */
int cmd_validate(void *args, int argc, char **argv);
int cmd_score(void *args, int argc, char **argv);
int cmd_fill(void *args, int argc, char **argv);
int cmd_workshop(void *args, int argc, char **argv);
int cmd_export(void *args, int argc, char **argv);
int cmd_aggregate(void *args, int argc, char **argv);
int cmd_compare(void *args, int argc, char **argv);
int cmd_benchmark(void *args, int argc, char **argv);
int cmd_intake(void *args, int argc, char **argv);
int cmd_sector(void *args, int argc, char **argv);
int cmd_plan(void *args, int argc, char **argv);

/* score and plan (cli/cmd_score.c): loads one response file and its
 * questionnaire (-q in o), scores it and hands the three to `print`, which
 * writes to stdout and returns false when memory runs out. Returns EXIT_OK,
 * EXIT_INVALID (the file did not load, or memory ran out) or EXIT_WRITE
 * (stdout could not be written). */
struct cli_values;
struct scorecard;
typedef bool (*cli_scored_fn)(const struct cli_values *o, const struct questionnaire *q, const struct response *r,
                              const struct scorecard *s);
int cli_print_scored(const struct cli_values *o, const char *path, cli_scored_fn print);

/* compare's part about the plan (cli/cmd_plan.c): per action of last
 * year's plan whether it was done, and whether its questions went up.
 * False when memory runs out. */
bool cli_print_followup(FILE *f, const struct questionnaire *q, const struct response *old,
                        const struct response *cur);

/* printf for every message that quotes user input (file names, option
 * values, commands): control characters, invalid UTF-8 and inner newlines
 * reach the terminal as U+FFFD, as in the TUI (issue 13.8). */
void cli_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One diagnostic about a file, printed at once to out (stderr when NULL)
 * the way every diagnostic is: "FILE:LINE:COL: error: ...", made safe for
 * the terminal (core/diag.c). */
void cli_diag(FILE *out, const char *path, int line, int col, enum diag_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Prints "peil COMMAND: MESSAGE" to stderr (through cli_printf) and
 * returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints the synopsis of one command (for COMMAND --help). */
void cli_command_help(const char *name, FILE *out);

/* The language index for questionnaire texts: --lang / the environment if
 * the questionnaire has it, else its first language. */
int cli_lang(const struct questionnaire *q);

/* Loads the questionnaire named by -q (`qarg`), or else by the response
 * file's `questionnaire` id, or else the default one. Reports to d. */
struct questionnaire *cli_load_questionnaire(const char *qarg, const char *response_path,
                                             struct diag_list *d);
/* Loads a response file and its questionnaire, printing every error to
 * stderr. Returns false (exit 1) on failure; the caller frees both. */
bool cli_load_response(const char *qarg, const char *path, struct questionnaire **q,
                       struct response **r);

/* Loads a second response file (a baseline, the new side of compare)
 * against an already loaded questionnaire, printing every error to stderr.
 * Returns NULL (exit 1) on failure; the caller frees it. */
struct response *cli_load_response_with(const struct questionnaire *q, const char *path);
/* The same for an earlier assessment (--from, compare's OLD, --baseline):
 * an earlier version's answers are carried by id (response_load_previous). */
struct response *cli_load_previous_with(const struct questionnaire *q, const char *path);

/* Warns on stderr about a comparison a reader should not trust blindly:
 * two organisations, OLD dated after NEW, other questionnaire versions,
 * answers still open or unconfirmed (cli/cmd_compare.c; compare and
 * export --baseline). `command` names the command in the messages; so and
 * sn are the two files' scorecards, computed once by the caller. */
void cli_compare_warn(const char *command, const char *old_path, const struct response *old,
                      const struct scorecard *so, const char *new_path, const struct response *cur,
                      const struct scorecard *sn);

/* Writes a finished buffer to `out` ("-" or NULL: stdout) atomically under
 * the output-path rules of core/outpath.h: never over a non-regular or
 * read-only file, a file another peil holds, or a response file; a new file
 * follows the umask, an existing one keeps its mode. Returns EXIT_OK or
 * EXIT_WRITE (after a message). */
int cli_write_output(const char *out, const char *buf, size_t len);
struct outpath_rules;
/* The same with the command's own rules (its inputs, --force). */
int cli_write_output_checked(const char *out, const char *buf, size_t len,
                             const struct outpath_rules *rules);
/* The rules checked before the work (NULL and "-" pass): EXIT_OK, or
 * EXIT_WRITE after a message. */
int cli_check_output(const char *out, const struct outpath_rules *rules);

/* A group's files (cli/group_files.c; used by aggregate and workshop).
 * Expands directories (every *.yaml below, sorted), loads the questionnaire
 * (-q, else the first file's) into *q (the caller frees it), then each file,
 * printing its errors and warnings. The same file named twice is counted
 * once; a merged group file or a workshop's session (it carries votes) is
 * left out with a note; identical answers, a respondent twice and another
 * organisation are warned about and counted (identical answers: left out
 * with drop_copies). Each valid response goes to fn, which owns it from
 * then on; fn returns false when memory runs out. Returns EXIT_OK, or
 * EXIT_INVALID when a file did not load (or, with strict, on any warning). */
struct cli_group_opts {
	bool strict;
	bool drop_copies;       /* a copy (the same answers as an earlier file) is not counted */
	FILE *out;              /* where the messages go; NULL: stderr */
};
typedef bool (*cli_group_fn)(void *ctx, const char *path, struct response *r);
int cli_group_load(const char *qarg, char *const *args, int nargs, const struct cli_group_opts *o,
                   struct questionnaire **q, cli_group_fn fn, void *ctx);

struct lock;
/* The lock on a response file, or NULL (the reason printed to stderr).
 * Where the file system cannot lock, peil carries on: the warning is printed
 * and copied to `notice` for the TUI's status line (else notice is ""). */
struct lock *cli_take_lock(const char *path, char *notice, size_t len);
bool cli_is_file(const char *path);

/* A text table (cli/table.c) for score, aggregate, compare and benchmark.
 * Each column is as wide as its widest cell, its translated header
 * included, plus two spaces; widths count code points, so accented texts
 * line up. Cells are copied. The last column is never padded. */
struct cli_table;
struct cli_table *cli_table_new(int ncols);
void cli_table_free(struct cli_table *t);       /* NULL is fine */
void cli_table_align_right(struct cli_table *t, int col);
/* A table whose first row is its heading: ncols N_() marked texts,
 * translated here (a text the catalogue lacks, such as "n", stays as it
 * is). The columns from right_from on are right-aligned; 0: none. */
struct cli_table *cli_table_with_head(int ncols, const char *const *head, int right_from);
/* A cell wider than `max` does not widen its column: it ends the line and
 * the rest of its row follows below, in step with the other rows. */
void cli_table_max_width(struct cli_table *t, int col, int max);
/* Appends a cell to the current row; a row is complete after ncols cells.
 * NULL records that memory ran out (for a cell the caller could not make). */
void cli_table_cell(struct cli_table *t, const char *s);
void cli_table_cellf(struct cli_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A line printed as it is between two rows; not measured. */
void cli_table_line(struct cli_table *t, const char *s);
/* Prints the table; false (nothing printed) when memory ran out. */
void cli_table_print(const struct cli_table *t, FILE *f);
enum { CLI_TITLE_MAX = 60 };    /* the widest a title column gets */

#endif
