/* The answer in words: one place for what the TUI, plain mode, the CLI
 * tables and the exports call a level ("3 In order"), not applicable,
 * don't know, open, not asked, proposed and carried over. Translated
 * through gettext (the interface language), level labels in questionnaire
 * language `lang` (an index into q->langs). */
#ifndef PEIL_WORDS_H
#define PEIL_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"
#include "core/response.h"

enum {
	WORDS_SHORT = 1 << 0,   /* "n/a" for not applicable (narrow columns) */
	WORDS_STATE = 1 << 1,   /* add "(carried over, not yet confirmed)" and
	                         * "(proposed, not yet decided)" to a level */
};

/* A level as "3 In order"; "—" when !has. Returns buf. */
char *words_level(char *buf, size_t len, const struct questionnaire *q, bool has, int level, int lang);

/* An answer from its status and level: "3 In order", "not applicable",
 * "don't know", "open". Returns buf. */
char *words_answer(char *buf, size_t len, const struct questionnaire *q, enum answer_status s,
                   int level, int lang, unsigned flags);

/* Question qi of r in words: as words_answer, and "not asked" for a
 * question hidden by its show_if. Returns buf. */
char *words_response(char *buf, size_t len, const struct response *r, int qi, int lang, unsigned flags);

/* Where question qi stands, without its level: "answered", "carried over,
 * not yet confirmed", "proposed, not yet decided", "not applicable",
 * "don't know", "open" or "not asked" (static, translated). */
const char *words_state(const struct response *r, int qi);

/* The outliers of a question the group agreed on, in words: "one
 * participant chose 5", "2 participants chose 1 or 5" (outlier[i] per
 * level index, n votes on them; scoring/group.h group_outliers). Returns
 * buf ("" when n is 0). */
char *words_outliers(char *buf, size_t len, const struct questionnaire *q, const bool *outlier, int n);
/* The sentence every text output that shows scores adds when answers
 * carried over from last time are still unconfirmed ("" when n is 0). */
char *words_unconfirmed(char *buf, size_t len, int n);

#endif
