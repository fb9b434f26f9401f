/* A network organisation's collection of response files, as `peil intake`
 * and `peil sector` read it: every file below the directories named, each
 * checked against the questionnaire it names (loaded once, cli/qcache.h),
 * on every core (core/pool.h), reduced to what the reports need. */
#ifndef PEIL_COLLECTION_H
#define PEIL_COLLECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"

enum cfile_kind {
	CF_RESPONSE,            /* valid, answers the collection's questionnaire */
	CF_INVALID,             /* does not parse or validate */
	CF_OTHER_QUESTIONNAIRE, /* a response to another questionnaire (id) */
	CF_QUESTIONNAIRE,       /* a questionnaire kept among the files */
	CF_ROUND,               /* a round file kept among them */
	CF_SKIPPED,             /* another extension: not read */
};

struct cfile {
	char *path;
	enum cfile_kind kind;
	char *error;            /* CF_INVALID: the first error, "FILE:LINE:COL: error: ..." */
	int nerrors;
	char *questionnaire, *version;          /* as the file says, or NULL */
	char *organisation, *organisation_id;   /* as the file says (also when invalid, if readable) */
	char date[11];
	long population;        /* -1: none */
	int participants;       /* > 0: a group's file */
	int open, unconfirmed, proposals;
	char *group;            /* the --group-by field's value in the file, or NULL */
	bool *has;              /* CF_RESPONSE: per domain of the collection's questionnaire */
	double *scores;
};

struct collection {
	const struct questionnaire *q;  /* the collection's: -q, else the first file's */
	const char *group_by;           /* a top-level key of response files, or NULL */
	size_t nfiles;
	struct cfile *files;            /* in path order, skipped ones included */
	struct qcache *qc;
	struct questionnaire *own;      /* -q's, owned */
};

/* Reads every file below args (directories, or files). Prints errors about
 * the paths themselves (FILE: error: ...) and returns false on those or
 * when no questionnaire can be had; the files' own problems are kept in
 * the collection, not printed. */
bool collection_read(struct collection *c, char *const *args, int nargs, const char *qarg,
                     const char *group_by);
void collection_free(struct collection *c);

#endif
