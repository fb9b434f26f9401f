#include "core/words.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

char *words_level(char *buf, size_t len, const struct questionnaire *q, bool has, int level, int lang)
{
	if (has)
		snprintf(buf, len, "%d %s", level, qn_level_label(q, level, lang));
	else
		snprintf(buf, len, "—");
	return buf;
}

static const char *status_word(enum answer_status s, unsigned flags)
{
	switch (s) {
	case ANSWER_NA:
		/* TRANSLATORS: short for "not applicable", in narrow columns. */
		return flags & WORDS_SHORT ? _("n/a") : _("not applicable");
	case ANSWER_UNKNOWN:
		return _("don't know");
	case ANSWER_LEVEL:
	case ANSWER_OPEN:
		break;
	}
	return _("open");
}

char *words_answer(char *buf, size_t len, const struct questionnaire *q, enum answer_status s,
                   int level, int lang, unsigned flags)
{
	if (s == ANSWER_LEVEL)
		return words_level(buf, len, q, true, level, lang);
	snprintf(buf, len, "%s", status_word(s, flags));
	return buf;
}

char *words_response(char *buf, size_t len, const struct response *r, int qi, int lang, unsigned flags)
{
	if (response_hidden(r, qi)) {
		snprintf(buf, len, "%s", _("not asked"));
		return buf;
	}
	const struct answer *a = response_answer(r, qi);
	words_answer(buf, len, response_questionnaire(r), a->status, a->level, lang, flags);
	if (a->status != ANSWER_LEVEL || !(flags & WORDS_STATE))
		return buf;
	size_t n = strlen(buf);
	if (a->proposal)
		snprintf(buf + n, len - n, " (%s)", _("proposed, not yet decided"));
	else if (a->carried_over)
		snprintf(buf + n, len - n, " (%s)", _("carried over, not yet confirmed"));
	return buf;
}

const char *words_state(const struct response *r, int qi)
{
	if (response_hidden(r, qi))
		return _("not asked");
	const struct answer *a = response_answer(r, qi);
	if (a->status != ANSWER_LEVEL)
		return status_word(a->status, 0);
	if (a->proposal)
		return _("proposed, not yet decided");
	return a->carried_over ? _("carried over, not yet confirmed") : _("answered");
}

char *words_unconfirmed(char *buf, size_t len, int n)
{
	if (n <= 0)
		buf[0] = '\0';
	else
		snprintf(buf, len, ngettext("%d answer carried over from last time is not yet confirmed; "
		                            "the scores count it as given.",
		                            "%d answers carried over from last time are not yet confirmed; "
		                            "the scores count them as given.", (unsigned long)n), n);
	return buf;
}

char *words_outliers(char *buf, size_t len, const struct questionnaire *q, const bool *outlier, int n)
{
	char levels[160] = "";
	size_t used = 0;
	buf[0] = '\0';
	if (n <= 0)
		return buf;
	for (int i = 0, k = 0; i < q->nlevels && used < sizeof levels; i++) {
		if (!outlier[i])
			continue;
		int m = snprintf(levels + used, sizeof levels - used, "%s%d", k++ ? _(" or ") : "", q->levels[i].value);
		used += m > 0 ? (size_t)m : 0;
	}
	if (n == 1)
		snprintf(buf, len, _("one participant chose %s"), levels);
	else
		snprintf(buf, len, ngettext("%d participant chose %s", "%d participants chose %s", (unsigned long)n), n,
		         levels);
	return buf;
}
