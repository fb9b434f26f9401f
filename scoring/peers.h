/* Peer benchmarking (SPEC: `benchmark`, `sector`): where one municipality
 * stands among its peers, per domain, without exposing any single peer.
 *
 * Pure: no files are read here. The caller (cli/peer_files.c) streams the
 * peer files and adds one record per file to a peer_set, which keeps only
 * what the figures need (names, dates, sizes and domain scores) and
 * resolves organisations: peers are organisations, not files. */
#ifndef PEIL_PEERS_H
#define PEIL_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/round.h"

/* Size classes by population. Lower bounds are inclusive, upper bounds
 * exclusive: 9,999 is <10k, 10,000 is 10–20k, 100,000 is 100k+. */
enum size_class {
	SIZE_UNKNOWN = -1,      /* no population given */
	SIZE_LT10K,             /* < 10,000 */
	SIZE_10K_20K,           /* 10,000 – 19,999 */
	SIZE_20K_50K,           /* 20,000 – 49,999 */
	SIZE_50K_100K,          /* 50,000 – 99,999 */
	SIZE_100K_PLUS,         /* >= 100,000 */
	SIZE_NCLASSES
};

enum size_class peers_size_class(long population);     /* < 0: SIZE_UNKNOWN */
/* "<10k", "10–20k", "20–50k", "50–100k", "100k+" (as in the SPEC), or NULL
 * for SIZE_UNKNOWN. Not translated: it is an identifier in JSON too. */
const char *peers_size_class_name(enum size_class c);

/* Statistics on `sorted` (ascending, n values). Scores closer than
 * PEERS_TIE_EPSILON count as ties (scores are means of small integers; two
 * equal means may differ in the last bit). */
#define PEERS_TIE_EPSILON 1e-9
/* Mid-rank percentile of x: (peers below + half the ties) / n * 100.
 * n must be > 0. */
double peers_percentile(const double *sorted, size_t n, double x);
/* Quantile p in [0, 1], interpolating linearly between the order
 * statistics around position (n - 1) * p (0-based). n must be > 0. */
double peers_quantile(const double *sorted, size_t n, double p);
/* The mid-rank percentile of x read from published quantiles of n values:
 * q[i] at (i + 1) * step percent, ascending. Within one step of the exact
 * percentile for n >= 10 (see peers.c; tests/unit/test_peers.c). */
double peers_percentile_from_quantiles(const double *q, int nq, int step, long n, double x);

/* The privacy rules (SPEC): never fewer than PEERS_MIN_FLOOR peers for any
 * figure, no quartiles below PEERS_QUARTILE_MIN (they would be single
 * municipalities' exact scores). */
enum { PEERS_DEFAULT_MIN = 5, PEERS_MIN_FLOOR = 5, PEERS_QUARTILE_MIN = 10 };

/* ---- organisations ---- */

/* The key under which names are compared: ASCII letters in lower case,
 * white space collapsed to one space and trimmed, a leading "gemeente "
 * (or Flemish "stad ") dropped: "  GEMEENTE  Midsluis" is "midsluis".
 * Writes at most cap - 1 bytes and a NUL. */
void peers_name_key(const char *name, char *out, size_t cap);

/* One file as the caller read it; everything is copied by peer_set_add. */
struct peer_record {
	const char *organisation;
	const char *organisation_id;    /* NULL: none */
	const char *date;               /* YYYY-MM-DD */
	long population;                /* -1: unknown */
	const char *group;              /* --group-by value, or NULL */
	const bool *has;                /* per domain: a score */
	const double *scores;
};

/* An organisation: the latest of its files. */
struct peer_org {
	const char *organisation, *organisation_id, *date, *group;
	const char *key;                /* "#CODE" or "=name key" */
	const char *name_key;           /* "=name key" of the kept file */
	long population;
	size_t order;                   /* the kept file's place in the adds */
	int files;                      /* files of this organisation */
	const bool *has;
	const double *scores;
};

struct peer_set;

struct peer_set *peer_set_new(int ndomains);
/* In path order (the last of equal dates wins). False: out of memory. */
bool peer_set_add(struct peer_set *s, const struct peer_record *r);
/* Resolves the organisations once all files are added: the same code is
 * the same organisation; a file without a code joins the organisation
 * whose files with a code carry its name (when exactly one code does),
 * else its name key is its identity. Of each organisation the latest date
 * counts. False: out of memory. */
bool peer_set_finish(struct peer_set *s);
void peer_set_free(struct peer_set *s);         /* NULL is fine */
int peer_set_ndomains(const struct peer_set *s);
size_t peer_set_files(const struct peer_set *s);
size_t peer_set_count(const struct peer_set *s);        /* organisations */
const struct peer_org *peer_set_org(const struct peer_set *s, size_t i);   /* by key */
/* The organisation `r` names (the same rules as finish), or NULL. */
const struct peer_org *peer_set_find(const struct peer_set *s, const char *organisation,
                                     const char *organisation_id);
/* True when org is the organisation named by (organisation, id): equal
 * codes, or equal name keys where either side has no code. Conservative:
 * a municipality is never its own peer under another spelling. */
bool peer_is_same(const struct peer_org *org, const char *organisation, const char *organisation_id);

/* ---- figures for one municipality ---- */

struct peer_options {
	bool same_size;         /* only peers in self's size class */
	int min_peers;          /* fewer peers with a score: no figures; 0 = default */
};

/* Per domain, as shown to the user. */
struct peer_domain {
	bool has_score;         /* the assessed municipality has a score here */
	double score;
	int n;                  /* peers with a score in this domain */
	bool has_figures;       /* n >= min_peers: the percentile is given */
	bool has_quartiles;     /* and n >= PEERS_QUARTILE_MIN: p25, median, p75 too */
	double p25, median, p75;
	bool has_percentile;    /* has_figures && has_score */
	double percentile;      /* 0..100, mid-rank */
};

/* Organisations (and their files) that did not count. */
struct peer_counts {
	size_t peers;           /* organisations counted as peers */
	size_t self_files;      /* files of the assessed organisation */
	size_t older;           /* older files of a peer (its latest counts) */
	size_t other_size;      /* --same-size: peers in another size class */
	size_t no_population;   /* --same-size: peers without a population */
};

/* The assessed municipality. */
struct peer_self {
	const char *organisation, *organisation_id;
	long population;
	const bool *has;        /* per domain */
	const double *scores;
};

struct peer_figures;

/* Figures for `self` among the organisations of a finished set. NULL: out
 * of memory. The set may serve many municipalities (batch scorecards). */
struct peer_figures *peers_figures(const struct peer_set *s, const struct peer_self *self,
                                   const struct peer_options *o);
/* The same from a round file: the cell of self's size class with
 * --same-size, else "all"; the percentile read from the quantiles. NULL:
 * out of memory. */
struct peer_figures *peers_figures_from_round(const struct round *r, const char *const *domain_ids,
                                              int ndomains, const struct peer_self *self,
                                              const struct peer_options *o);
void peers_free(struct peer_figures *pf);      /* NULL is fine */

const struct peer_counts *peers_counts(const struct peer_figures *pf);
/* Self's class (also without --same-size, for display). */
enum size_class peers_self_class(const struct peer_figures *pf);
bool peers_same_size(const struct peer_figures *pf);
int peers_min_peers(const struct peer_figures *pf);
/* Domain i (questionnaire order); the pointer lives as long as pf. */
const struct peer_domain *peers_domain(const struct peer_figures *pf, int domain);

/* Lower level: fill figures from scores already collected (used by
 * peers_figures and by tests). Sorts `scores` in place. */
void peers_fill_domain(struct peer_domain *out, double *scores, size_t n, int min_peers,
                       bool has_score, double score);

#endif
