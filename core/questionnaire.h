/* The questionnaire: levels, domains, questions and their answers.
 *
 * Immutable after loading: everything outside the loader sees it as
 * `const struct questionnaire *`. Questions are stored flat, in file order;
 * a domain owns the range [first, first + count). Other objects refer to
 * questions, domains and levels by index, never by pointer.
 *
 * Texts exist in every language of `langs` (the loader guarantees it);
 * an optional text that was absent has tr == NULL. A text may also have
 * regional variants (nl-BE): a "text language" index below nlangs is a
 * base language, nlangs + v is variant v, which falls back to its base.
 * qn_text_lang() picks the index for a language and an organisation's
 * region. */
#ifndef PEIL_QUESTIONNAIRE_H
#define PEIL_QUESTIONNAIRE_H

#include <stdbool.h>

#include "core/diag.h"

/* Regional variants of a language (nl-BE) and regions a questionnaire may hold. */
enum { QN_MAX_VARIANTS = 4, QN_MAX_REGIONS = 32 };

struct qn_text {
	const char **tr;        /* per text language (nlangs + QN_MAX_VARIANTS; a
	                         * variant may be NULL), or NULL when absent */
};

struct qn_variant {
	const char *tag;        /* "nl-BE" */
	int base;               /* index of its language ("nl") */
	char country[3];        /* "BE": used for organisations in regions of BE */
};

struct qn_level {
	int value;
	struct qn_text label, description;
};

struct qn_answer {
	int level;              /* a level value, in level order */
	struct qn_text text, advice;
	struct qn_text council; /* the advice in plain words for the council (B1); optional */
};

struct qn_show_if {
	int question;           /* index of an earlier question, or -1: always shown */
	bool has_min, has_max;
	int min, max;
};

struct qn_question {
	const char *id;
	int domain;             /* index */
	struct qn_text text, help;
	double weight;          /* >= 0; 0: asked, not scored */
	bool allow_na;
	struct qn_show_if show_if;
	const struct qn_answer *answers;    /* nlevels of them, in level order */
	int line, col;          /* where it is defined, for messages */
	unsigned regions;       /* bit i: asked in q->regions[i]; 0: asked everywhere */
	const char *changed_in; /* the version in which its levels changed meaning, or NULL */
	int nreplaces;
	const char *const *replaces;        /* ids of an earlier version it takes over */
};

struct qn_domain {
	const char *id;
	struct qn_text title, description;
	double weight;          /* > 0 */
	bool has_target;
	int target;             /* a level value */
	int first, count;       /* its questions */
};

struct questionnaire {
	const char *path;
	const char *id, *version;
	int nlangs;
	const char **langs;     /* langs[0] is the default; langs[nlangs + v] is
	                         * variant v's base language code */
	int nvariants;
	struct qn_variant variants[QN_MAX_VARIANTS];
	int nregions;           /* the listed `regions` first, then any others
	                         * that questions name */
	const char **regions;   /* ISO 3166 codes: NL, BE-VLG */
	bool regions_listed;    /* the questionnaire lists `regions` (the first is
	                         * the default region) */
	int nlisted;            /* how many it lists: regions[0..nlisted) */
	struct qn_text title, description;
	int nlevels;
	const struct qn_level *levels;      /* strictly ascending values */
	int ndomains;
	const struct qn_domain *domains;
	int nquestions;
	const struct qn_question *questions;
	struct qn_private *priv;            /* owner of all memory; loader only */
};

/* Loads and validates a questionnaire. Returns NULL when it has errors (all
 * of them reported to d); warnings are reported too. Free with
 * questionnaire_free(). */
struct questionnaire *questionnaire_load(const char *path, struct diag_list *d);
struct ydoc;
struct questionnaire *questionnaire_from_doc(const struct ydoc *doc, struct diag_list *d);
void questionnaire_free(struct questionnaire *q);   /* NULL is fine */

/* Lookups; -1 when not found. */
int qn_question_index(const struct questionnaire *q, const char *id);
int qn_domain_index(const struct questionnaire *q, const char *id);
int qn_level_index(const struct questionnaire *q, int value);
int qn_lang_index(const struct questionnaire *q, const char *lang);   /* "nl", "en" */

/* The text in text language `lang` (an index; a variant falls back to its
 * base language; out of range: the default), or NULL when the text is absent. */
const char *qn_tr(const struct questionnaire *q, const struct qn_text *t, int lang);
/* Same, or "" when absent. */
const char *qn_str(const struct questionnaire *q, const struct qn_text *t, int lang);

/* Label of level value `value` ("Defined"), or "" if not a level. */
const char *qn_level_label(const struct questionnaire *q, int value, int lang);

/* The highest level value <= score (scores are means of level values, so
 * one exists); used for domain and overall levels. */
int qn_level_for_score(const struct questionnaire *q, double score);

/* Regions. The index of a region code, or -1. */
int qn_region_index(const struct questionnaire *q, const char *region);
/* The region of an organisation that names none: the first listed, or NULL. */
const char *qn_default_region(const struct questionnaire *q);
/* Whether question `question` is asked of an organisation in `region`
 * (NULL: the default region). */
bool qn_asked_in(const struct questionnaire *q, int question, const char *region);
/* True when the question is asked in every region the questionnaire
 * lists (or in every region at all): peers in different regions compare
 * on these. qn_shared_count() counts them. */
bool qn_shared(const struct questionnaire *q, int question);
int qn_shared_count(const struct questionnaire *q);
/* True if `s` looks like an ISO 3166 code: NL, BE, BE-VLG. */
bool qn_valid_region(const char *s);

/* The text language for base language `lang` (an index) in `region`: its
 * variant for the region's country (nl-BE for BE-VLG) when the
 * questionnaire has one, else `lang` itself. */
int qn_text_lang(const struct questionnaire *q, int lang, const char *region);
/* The base language of a text language. */
int qn_lang_base(const struct questionnaire *q, int lang);

/* The question that `replaces` an earlier version's question `old_id`, or -1. */
int qn_replacement(const struct questionnaire *q, const char *old_id);
/* True when an answer given to version `answered` must be given again:
 * the question's levels changed meaning in a later version. */
bool qn_needs_recheck(const struct questionnaire *q, int question, const char *answered);

/* Compares two version strings part by part ("2026.1" < "2027.1" <
 * "2027.10"): numbers as numbers, anything else as text. */
int qn_version_cmp(const char *a, const char *b);

/* True if `s` is a valid id: [a-z0-9][a-z0-9._-]* */
bool qn_valid_id(const char *s);

#endif
