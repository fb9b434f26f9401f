/* Reading peers for `benchmark --peers` and `export --peers`: a directory
 * of response files (streamed through core/pool.h into a peer set), or a
 * round file. The directory reading that scoring/ must not do. */
#ifndef PEIL_PEER_FILES_H
#define PEIL_PEER_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/questionnaire.h"
#include "core/response.h"
#include "core/round.h"
#include "scoring/peers.h"

/* What reading the files found. */
struct peer_read_counts {
	size_t files;           /* response files read (*.yaml, *.yml) */
	size_t invalid;         /* did not parse or validate */
	size_t questionnaires;  /* a questionnaire kept beside them */
	size_t other;           /* other files, not read (another extension) */
};

struct peer_source {
	const char *path;               /* as given */
	struct peer_set *set;           /* a directory's organisations, or NULL */
	/* The same organisations scored on the questions every region shares,
	 * when the questionnaire has questions for one region only; and the
	 * peers' regions (bit i: q->regions[i], bit 31: any other). */
	struct peer_set *shared;
	unsigned regions;
	struct round *round;            /* or a round file */
	struct peer_read_counts counts;
};

/* Reads `path` against q. Errors about the path itself or a round file are
 * printed (FILE:LINE:COL); peer files that do not validate are only
 * counted: their names belong in `peil intake`'s report, not in output that
 * may be forwarded to one municipality. False (exit 1) on failure. */
bool peer_source_read(struct peer_source *ps, const char *path, const struct questionnaire *q);
void peer_source_free(struct peer_source *ps);

/* Self's figures among the source's organisations (or from its round).
 * `scores`: self's scorecard when the caller has it (used unless the
 * comparison is on the shared questions), else NULL.
 * NULL: out of memory (reported). */
struct scorecard;
struct peer_figures *peer_source_figures(const struct peer_source *ps, const struct questionnaire *q,
                                         const struct response *self, const struct scorecard *scores,
                                         const struct peer_options *o);

/* When self and the peers are in different regions, they are compared on
 * the questions all regions share: their number; else 0. */
int peer_source_shared(const struct peer_source *ps, const struct questionnaire *q,
                       const struct response *self);
/* The line on stderr that says what was read and why files did not count,
 * in plural forms: "peil COMMAND: DIR: 12 files read, 8 peers; not counted:
 * ...". pf NULL: the organisations read, before any is compared. */
void peer_source_summary(const char *command, const struct peer_source *ps, const struct peer_figures *pf);

/* One count of a summary line: nothing when n is 0, ", " before all but
 * the first; `fmt` is a translated plural form with one %zu. */
void cli_count_part(FILE *f, bool *first, const char *fmt, size_t n) __attribute__((format(printf, 3, 0)));

/* Parses --min-peers: a whole number of at least PEERS_MIN_FLOOR. False:
 * a usage error was printed. */
bool peer_parse_min(const char *command, const char *arg, int *out);

#endif
