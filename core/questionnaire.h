/* The questionnaire: levels, domains, questions and their answers.
 *
 * Immutable after loading: everything outside the loader sees it as
 * `const struct questionnaire *`. Questions are stored flat, in file order;
 * a domain owns the range [first, first + count). Other objects refer to
 * questions, domains and levels by index, never by pointer.
 *
 * Texts exist in every language of `langs` (the loader guarantees it);
 * an optional text that was absent has tr == NULL. */
#ifndef PEIL_QUESTIONNAIRE_H
#define PEIL_QUESTIONNAIRE_H

#include <stdbool.h>

#include "core/diag.h"

/* Regional variants of a language (nl-BE) a questionnaire may hold. */
enum { QN_MAX_VARIANTS = 4 };

struct qn_text {
	const char **tr;        /* one string per language, or NULL when absent */
};

struct qn_level {
	int value;
	struct qn_text label, description;
};

struct qn_answer {
	int level;              /* a level value, in level order */
	struct qn_text text, advice;
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
	int line;               /* where it is defined, for messages */
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
	const char **langs;     /* langs[0] is the default */
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

/* The text in language `lang` (an index; out of range: the default), or
 * NULL when the text is absent. */
const char *qn_tr(const struct questionnaire *q, const struct qn_text *t, int lang);
/* Same, or "" when absent. */
const char *qn_str(const struct questionnaire *q, const struct qn_text *t, int lang);

/* Label of level value `value` ("Defined"), or "" if not a level. */
const char *qn_level_label(const struct questionnaire *q, int value, int lang);

/* The highest level value <= score (scores are means of level values, so
 * one exists); used for domain and overall levels. */
int qn_level_for_score(const struct questionnaire *q, double score);

/* True if `s` is a valid id: [a-z0-9][a-z0-9._-]* */
bool qn_valid_id(const char *s);

#endif
