/* peil intake: the check a network organisation sends back to the
 * municipalities about the files it collected (cli/cmd_intake.c builds the
 * problems, cli/intake_out.c writes them as text, CSV or JSON). */
#ifndef PEIL_INTAKE_H
#define PEIL_INTAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The kinds of problem: code (for CSV and JSON) and meaning. */
#define INTAKE_PROBLEMS(X) \
	X(INVALID, "invalid")                   /* does not validate */ \
	X(OTHER_QUESTIONNAIRE, "other-questionnaire") \
	X(INCOMPLETE, "incomplete")             /* questions still open */ \
	X(UNCONFIRMED, "unconfirmed")           /* carried over, not confirmed */ \
	X(PROPOSALS, "proposals")               /* a group's proposals, undecided */ \
	X(NO_POPULATION, "no-population") \
	X(SEVERAL_FILES, "several-files")       /* one organisation, several files */ \
	X(OTHER_VERSION, "other-version")       /* of the questionnaire */ \
	X(NAME_DIFFERS, "name-differs")         /* from the registry */ \
	X(NOT_IN_REGISTRY, "not-in-registry") \
	X(NOT_READ, "not-read")                 /* another extension, a questionnaire */ \
	X(NO_FILE, "no-file")                   /* in the registry, no file received */

enum intake_code {
#define X(name, key) INTAKE_##name,
	INTAKE_PROBLEMS(X)
#undef X
	INTAKE_NCODES
};

struct intake_problem {
	const char *organisation;       /* as shown: the registry's name, else the file's; NULL: none */
	const char *organisation_id;    /* or NULL */
	const char *file;               /* or NULL (no-file) */
	enum intake_code code;
	char *message;                  /* translated, one line */
};

struct intake_report {
	size_t files, organisations, with_problems, invalid;
	size_t n, cap;
	struct intake_problem *v;
};

enum intake_format { INTAKE_TEXT, INTAKE_CSV, INTAKE_JSON };

/* The report, sorted by section and name, in format fmt. */
void intake_write(const struct intake_report *r, enum intake_format fmt, FILE *f);

#endif
