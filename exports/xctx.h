/* What every exporter needs, computed once per export: scores, the
 * comparison with the baseline, strengths, group statistics, and the
 * figures and words as a reader sees them. Private to exports/.
 *
 * Strings returned by the xctx_* helpers live in the context's arena until
 * xctx_free(); on out-of-memory they are "" and x->oom is set, which makes
 * export_write() fail. */
#ifndef PEIL_XCTX_H
#define PEIL_XCTX_H

#include <stdbool.h>
#include <stddef.h>

#include "exports/export.h"
#include "scoring/compare.h"
#include "scoring/group.h"
#include "scoring/score.h"

enum { XCTX_STRENGTHS = 3, XCTX_PRIORITIES = 5 };

struct xctx {
	const struct export_options *o;
	const struct questionnaire *q;
	const struct response *r;
	int lang;
	const char *nlang;              /* the numbers' language: q->langs[lang] */
	bool oom;
	struct arena *arena;
	const struct scorecard *s;
	const struct scorecard *base;   /* the baseline's scores, or NULL */
	struct scorecard *own_s, *own_base;     /* those computed here (not given) */
	struct comparison *cmp;         /* baseline -> r, or NULL */
	int strengths[XCTX_STRENGTHS];
	int nstrengths;
	/* Per question when any answer carries votes (a group session), else
	 * NULL; has_stats is false for questions without votes. */
	struct group_question *votes;
	struct group_question *base_votes;      /* the baseline's, or NULL */
};

bool xctx_init(struct xctx *x, const struct export_options *o);
void xctx_free(struct xctx *x);

/* printf into the arena. */
const char *xctx_printf(struct xctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A questionnaire text in the export's language ("" when absent). */
const char *xctx_tr(const struct xctx *x, const struct qn_text *t);
const char *xctx_domain_title(const struct xctx *x, int d);
const char *xctx_question_text(const struct xctx *x, int qi);

/* Figures: "2.63" or "2,63", "—" when !has. */
const char *xctx_score(struct xctx *x, bool has, double v);
/* "↑ +0.40", "↓ -0.25", "= 0.00", "—" when a side has no score. */
const char *xctx_delta(struct xctx *x, const struct compare_figure *c);
/* "3 In order", "—" when !has. */
const char *xctx_level(struct xctx *x, bool has, int level);
/* A distance on the scale with its unit: "1.36 levels" ("1,36 niveau"). */
const char *xctx_levels(struct xctx *x, double v);
/* "12 other municipalities", or "12 comparable municipalities" when the
 * peers are limited to the same size (--same-size). */
const char *xctx_peer_group(struct xctx *x);
/* "0.60 levels", "reached", "—". */
const char *xctx_gap(struct xctx *x, const struct domain_score *ds);
/* The target as "4 Advanced" or "—". */
const char *xctx_target(struct xctx *x, const struct domain_score *ds);
/* "percentile 62 (median 2.90)", "too few peers", "" without peers. */
const char *xctx_peer(struct xctx *x, int d);
/* A date for readers: "30 June 2026" ("30 juni 2026"); as given when it
 * is not YYYY-MM-DD. */
const char *xctx_date(struct xctx *x, const char *ymd);
/* Who answered: "A. Jansen (CIO)", "group session with 12 participants". */
const char *xctx_respondent(struct xctx *x);
/* The status of an answer in words: "answered", "not applicable", ...;
 * a level proposed from a group's votes is "proposed, not yet decided". */
const char *xctx_status_word(const struct xctx *x, int qi);
/* The group's answer as the contested table shows it: "3 In order", or,
 * while it is only proposed, "proposed: level 3 In order (median), not yet
 * decided"; the status word when there is no level. */
const char *xctx_group_answer(struct xctx *x, int qi);
/* Answers with a level that is still a proposal (shown, not hidden). */
int xctx_proposals(const struct xctx *x);
/* The answer in words: "3 In order — Both" or the status word, plus a
 * remark when carried over or only proposed. */
const char *xctx_answer(struct xctx *x, int qi);
/* "1: 1, 2: 5, 3: 2" (level value: votes; levels nobody chose left out). */
const char *xctx_votes(struct xctx *x, int qi);

/* items joined by sep, built in one pass (linear in their total size). */
const char *xctx_join(struct xctx *x, const char *const *items, int n, const char *sep);
/* The advice for the council from `level` of question qi: its plain
 * `council` text (B1) where the questionnaire has one, else its advice. */
const char *xctx_council_advice(const struct xctx *x, int qi, int level);
/* The advice for the level given (the next step), or NULL. */
const char *xctx_next_step(const struct xctx *x, int qi);

/* Number of questions with votes, and how many are contested. */
int xctx_voted(const struct xctx *x, int *contested);
/* Mean consensus over questions with votes; false when none. */
bool xctx_mean_consensus(const struct group_question *g, int n, double *mean);

/* The format writers behind export_write(), declared from their rows in
 * EXPORT_FORMATS (export.h): a new format needs no declaration of its own.
 * They return false only on out-of-memory. */
#define EXPORT_DECL(id, name, ext, writer, label, help) bool writer(struct xctx *x, FILE *f);
EXPORT_FORMATS(EXPORT_DECL)
#undef EXPORT_DECL

/* Walks a UTF-8 string by code point: returns the bytes consumed (>= 1 at
 * a non-empty s) and the code point, with invalid bytes and code points
 * that must never reach a reader (SPEC: control characters, bidi
 * overrides) turned into U+FFFD. */
size_t xs_next(const char *s, unsigned long *cp);
/* A copy of s (malloc'd; NULL when memory runs out) with every invalid
 * byte and unsafe code point as U+FFFD, for libraries that take UTF-8. */
char *xs_sanitize(const char *s);
/* Writes code point cp as UTF-8. */
void xs_put(FILE *f, unsigned long cp);

#endif
