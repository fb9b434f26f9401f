/* The sector picture (SPEC: `sector`): per domain and peer class (plus
 * "all"), the distribution of the organisations' scores, and with a
 * baseline the paired change. Pure: computed from peer sets
 * (scoring/peers.h), one organisation counted once, its latest file.
 *
 * Privacy: every figure of a cell with fewer than min_n organisations
 * (never below PEERS_QUARTILE_MIN) is withheld, so no quantile or mean is
 * one municipality's score. */
#ifndef PEIL_SECTOR_H
#define PEIL_SECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/round.h"
#include "scoring/peers.h"

struct sector_cell {
	int domain;             /* questionnaire index */
	const char *cls;        /* "all", a size class name, or a group value */
	long n;                 /* organisations with a score here */
	bool has;               /* n >= min_n: the figures below are given */
	double mean, p10, p25, median, p75, p90;
	double q[ROUND_NQ];     /* p5, p10, ..., p95 (for round files and charts) */
};

struct sector_change {
	int domain;
	const char *cls;        /* the class this year */
	long pairs;             /* organisations scored here in both rounds */
	bool has;               /* pairs >= min_n */
	double mean_change, median_change;
	double improved, declined;      /* shares of the pairs, 0..1 */
};

struct sector {
	long organisations;     /* counted this year */
	long without_class;     /* in "all" only: no population (or no group value) */
	int ndomains, nclasses;
	const char **classes;   /* "all" first; borrowed from the set or static */
	struct sector_cell *cells;      /* ndomains x nclasses, domain-major */
	struct sector_change *changes;  /* likewise, or NULL without a baseline */
	int min_n;
};

/* by_group: classes are the organisations' `group` values (sorted), else
 * the size classes. `base` may be NULL. NULL: out of memory. */
struct sector *sector_compute(const struct peer_set *cur, const struct peer_set *base, bool by_group, int min_n);
void sector_free(struct sector *s);     /* NULL is fine */

const struct sector_cell *sector_cell(const struct sector *s, int domain, int cls);
const struct sector_change *sector_change(const struct sector *s, int domain, int cls);

/* The round file of a sector: the cells with figures only. NULL: out of
 * memory. */
struct round *sector_round(const struct sector *s, const struct questionnaire *q, const char *date,
                           const char *group_by);

#endif
