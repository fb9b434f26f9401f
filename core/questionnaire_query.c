/* Read-only queries on a loaded questionnaire: lookups by id or value,
 * texts in a language, levels for scores. (Loading is questionnaire.c.) */
#include <string.h>

#include "core/questionnaire.h"

bool qn_valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("._-", *s)))
			return false;
	return true;
}

int qn_domain_index(const struct questionnaire *q, const char *id)
{
	for (int i = 0; i < q->ndomains; i++)
		if (q->domains[i].id && !strcmp(q->domains[i].id, id))
			return i;
	return -1;
}

int qn_level_index(const struct questionnaire *q, int value)
{
	for (int i = 0; i < q->nlevels; i++)
		if (q->levels[i].value == value)
			return i;
	return -1;
}

int qn_lang_index(const struct questionnaire *q, const char *lang)
{
	for (int i = 0; i < q->nlangs; i++)
		if (q->langs[i] && !strcmp(q->langs[i], lang))
			return i;
	return -1;
}

const char *qn_tr(const struct questionnaire *q, const struct qn_text *t, int lang)
{
	if (!t->tr)
		return NULL;
	return t->tr[lang >= 0 && lang < q->nlangs ? lang : 0];
}

const char *qn_str(const struct questionnaire *q, const struct qn_text *t, int lang)
{
	const char *s = qn_tr(q, t, lang);
	return s ? s : "";
}

const char *qn_level_label(const struct questionnaire *q, int value, int lang)
{
	int li = qn_level_index(q, value);
	return li < 0 ? "" : qn_str(q, &q->levels[li].label, lang);
}

int qn_level_for_score(const struct questionnaire *q, double score)
{
	int best = q->levels[0].value;
	for (int i = 0; i < q->nlevels; i++)
		if (q->levels[i].value <= score + 1e-9)
			best = q->levels[i].value;
	return best;
}
