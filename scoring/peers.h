/* Peer benchmarking (SPEC: `benchmark`): where one municipality stands among
 * its peers, per domain, without exposing any single peer.
 *
 * Peers are streamed: each peer file is parsed (in parallel, core/pool.h),
 * scored, and only its domain scores are kept (8 bytes per peer and domain);
 * responses are freed at once. Shared by `peil benchmark` and
 * `peil export --peers DIR`. */
#ifndef PEIL_PEERS_H
#define PEIL_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/questionnaire.h"
#include "core/response.h"

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

enum { PEERS_DEFAULT_MIN = 5 };

struct peer_options {
	bool same_size;         /* only peers in self's size class */
	int min_peers;          /* fewer peers with a score: no figures; 0 = default */
	int threads;            /* parser threads; 0 = pool_default_threads() */
	/* When set, each invalid peer file's diagnostics go here as they come
	 * (borrowed for the call), instead of piling up in peers_compute's d:
	 * memory then stays flat however many files are broken. */
	void (*on_invalid)(void *ctx, const struct diag_list *file_diags);
	void *ctx;
};

/* Per domain, as shown to the user. */
struct peer_domain {
	bool has_score;         /* the assessed municipality has a score here */
	double score;
	int n;                  /* peers with a score in this domain */
	bool has_figures;       /* n >= min_peers: the figures below are valid */
	double p25, median, p75;
	bool has_percentile;    /* has_figures && has_score */
	double percentile;      /* 0..100, mid-rank */
};

/* Why files in DIR did not count as peers. */
struct peer_counts {
	size_t files;           /* *.yaml files found */
	size_t peers;           /* counted as peers */
	size_t invalid;         /* did not parse or validate (reported to d) */
	size_t questionnaires;  /* a questionnaire kept with the files (not reported) */
	size_t same_org;        /* organisation equal to the assessed one */
	size_t other_size;      /* --same-size: another (or unknown) size class */
};

struct peer_figures;

/* Reads every *.yaml in `dir` (recursively, in name order) as a peer of
 * `self`. Errors of peer files that do not validate go to `d`, or to
 * o->on_invalid when set (each such file is skipped and counted as invalid); a questionnaire among them is
 * skipped and counted as such. Returns NULL only when `dir` cannot
 * be read or memory runs out (reported to d), or when o->same_size is set
 * and `self` has no population (reported to d with self's path "-"). Free
 * with peers_free(). `q` and `self` are borrowed for the call only. */
struct peer_figures *peers_compute(const struct questionnaire *q, const struct response *self,
                                   const char *dir, const struct peer_options *o,
                                   struct diag_list *d);
void peers_free(struct peer_figures *pf);      /* NULL is fine */

const struct peer_counts *peers_counts(const struct peer_figures *pf);
/* Self's class (also without --same-size, for display). */
enum size_class peers_self_class(const struct peer_figures *pf);
bool peers_same_size(const struct peer_figures *pf);
int peers_min_peers(const struct peer_figures *pf);
int peers_ndomains(const struct peer_figures *pf);
/* Domain i (questionnaire order); the pointer lives as long as pf. */
const struct peer_domain *peers_domain(const struct peer_figures *pf, int domain);

/* Lower level: fill figures from scores already collected (used by
 * peers_compute and by tests). Sorts `scores` in place. */
void peers_fill_domain(struct peer_domain *out, double *scores, size_t n, int min_peers,
                       bool has_score, double score);

#endif
