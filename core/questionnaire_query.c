/* Read-only queries on a loaded questionnaire: lookups by id or value,
 * texts in a language, levels for scores. (Loading is questionnaire.c.) */
#include <ctype.h>
#include <stdlib.h>
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

/* Binary search: the loader keeps only strictly ascending values. A linear
 * scan made loading and exporting a questionnaire of N levels cost N^2
 * (every answer and every vote looks its level up). */
int qn_level_index(const struct questionnaire *q, int value)
{
	int lo = 0, hi = q->nlevels - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (q->levels[mid].value == value)
			return mid;
		if (q->levels[mid].value < value)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int qn_lang_index(const struct questionnaire *q, const char *lang)
{
	for (int i = 0; i < q->nlangs; i++)
		if (q->langs[i] && !strcmp(q->langs[i], lang))
			return i;
	return -1;
}

/* The number of text languages (nlangs + nvariants). */
static int qn_text_langs(const struct questionnaire *q)
{
	return q->nlangs + q->nvariants;
}

int qn_lang_base(const struct questionnaire *q, int lang)
{
	if (lang >= q->nlangs && lang < qn_text_langs(q))
		return q->variants[lang - q->nlangs].base;
	return lang >= 0 && lang < q->nlangs ? lang : 0;
}

const char *qn_tr(const struct questionnaire *q, const struct qn_text *t, int lang)
{
	if (!t->tr)
		return NULL;
	if (lang >= q->nlangs && lang < qn_text_langs(q) && t->tr[lang])
		return t->tr[lang];
	return t->tr[qn_lang_base(q, lang)];
}

static const char *country_end(const char *region)
{
	const char *dash = strchr(region, '-');
	return dash ? dash : region + strlen(region);
}

int qn_text_lang(const struct questionnaire *q, int lang, const char *region)
{
	int base = qn_lang_base(q, lang);
	if (!region)
		region = qn_default_region(q);
	if (!region)
		return base;
	size_t n = (size_t)(country_end(region) - region);
	for (int v = 0; v < q->nvariants; v++)
		if (q->variants[v].base == base && strlen(q->variants[v].country) == n &&
		    !strncmp(q->variants[v].country, region, n))
			return q->nlangs + v;
	return base;
}

int qn_region_index(const struct questionnaire *q, const char *region)
{
	for (int i = 0; region && i < q->nregions; i++)
		if (!strcmp(q->regions[i], region))
			return i;
	return -1;
}

const char *qn_default_region(const struct questionnaire *q)
{
	return q->regions_listed && q->nregions > 0 ? q->regions[0] : NULL;
}

bool qn_asked_in(const struct questionnaire *q, int question, const char *region)
{
	unsigned want = q->questions[question].regions;
	if (!want)
		return true;
	int ri = qn_region_index(q, region ? region : qn_default_region(q));
	return ri >= 0 && (want >> ri & 1u);
}

bool qn_valid_region(const char *s)
{
	/* ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision. */
	if (!isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]))
		return false;
	if (!s[2])
		return true;
	size_t n = strlen(s + 3);
	if (s[2] != '-' || n < 1 || n > 3)
		return false;
	for (const char *c = s + 3; *c; c++)
		if (!isupper((unsigned char)*c) && !isdigit((unsigned char)*c))
			return false;
	return true;
}

int qn_version_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
		} else if (*a != *b) {
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		} else {
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
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

int qn_replacement(const struct questionnaire *q, const char *old_id)
{
	for (int i = 0; i < q->nquestions; i++)
		for (int j = 0; j < q->questions[i].nreplaces; j++)
			if (!strcmp(q->questions[i].replaces[j], old_id))
				return i;
	return -1;
}

bool qn_needs_recheck(const struct questionnaire *q, int question, const char *answered)
{
	const char *changed = q->questions[question].changed_in;
	return changed && answered && qn_version_cmp(answered, changed) < 0;
}

bool qn_shared(const struct questionnaire *q, int question)
{
	unsigned m = q->questions[question].regions;
	if (!m)
		return true;
	if (q->nlisted == 0)
		return false;
	unsigned all = q->nlisted >= 32 ? ~0u : (1u << q->nlisted) - 1;
	return (m & all) == all;
}

int qn_shared_count(const struct questionnaire *q)
{
	int n = 0;
	for (int i = 0; i < q->nquestions; i++)
		n += qn_shared(q, i);
	return n;
}
