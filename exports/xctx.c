#include "exports/xctx.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/response_session.h"
#include "core/text.h"
#include "core/words.h"

static bool compute_votes(struct xctx *x, const struct response *r, struct group_question **out)
{
	const struct questionnaire *q = x->q;
	bool any = false;
	for (int qi = 0; qi < q->nquestions; qi++)
		any |= response_answer(r, qi)->votes != NULL;
	*out = NULL;
	if (!any)
		return true;
	*out = mem_alloc((size_t)q->nquestions * sizeof(**out));
	if (!*out)
		return false;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const int *votes = response_answer(r, qi)->votes;
		if (votes)
			group_question_stats(q, votes, &(*out)[qi]);
	}
	return true;
}

bool xctx_init(struct xctx *x, const struct export_options *o)
{
	/* The organisation's regional texts (nl-BE) where the questionnaire has them. */
	*x = (struct xctx){ .o = o, .q = o->q, .r = o->r, .lang = response_text_lang(o->r, o->lang) };
	x->nlang = x->q->langs[x->lang];
	x->arena = arena_new();
	/* Each file is scored once: by the caller (who warned about it) or here. */
	x->s = o->scores ? o->scores : (x->own_s = score_compute(x->q, x->r));
	if (!x->arena || !x->s)
		return false;
	x->nstrengths = score_strengths(x->q, x->r, x->s, x->strengths, XCTX_STRENGTHS);
	if (!compute_votes(x, x->r, &x->votes))
		return false;
	if (o->baseline) {
		x->base = o->base_scores ? o->base_scores : (x->own_base = score_compute(x->q, o->baseline));
		/* The comparison reuses both scorecards. */
		x->cmp = x->base ? compare_scored(x->q, o->baseline, x->base, x->r, x->s) : NULL;
		if (!x->cmp || !compute_votes(x, o->baseline, &x->base_votes))
			return false;
	}
	return true;
}

void xctx_free(struct xctx *x)
{
	arena_free(x->arena);
	scorecard_free(x->own_s);
	scorecard_free(x->own_base);
	comparison_free(x->cmp);
	mem_free(x->votes);
	mem_free(x->base_votes);
	x->arena = NULL;
	x->s = x->base = x->own_s = x->own_base = NULL;
	x->cmp = NULL;
	x->votes = x->base_votes = NULL;
}

static const char *vprintf_arena(struct xctx *x, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *buf = n >= 0 && x->arena ? arena_alloc(x->arena, (size_t)n + 1) : NULL;
	if (!buf) {
		x->oom = true;
		return "";
	}
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	return buf;
}

const char *xctx_printf(struct xctx *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *s = vprintf_arena(x, fmt, ap);
	va_end(ap);
	return s;
}

const char *xctx_tr(const struct xctx *x, const struct qn_text *t)
{
	return qn_str(x->q, t, x->lang);
}

const char *xctx_domain_title(const struct xctx *x, int d)
{
	return xctx_tr(x, &x->q->domains[d].title);
}

const char *xctx_question_text(const struct xctx *x, int qi)
{
	return xctx_tr(x, &x->q->questions[qi].text);
}

const char *xctx_score(struct xctx *x, bool has, double v)
{
	char buf[NUM_LEN];
	if (!has)
		return "—";
	return xctx_printf(x, "%s", num_score(buf, x->nlang, true, v));
}

const char *xctx_delta(struct xctx *x, const struct compare_figure *c)
{
	char buf[NUM_LEN];
	if (!c->has_old || !c->has_new)
		return "—";
	int dir = num_direction(c->old_score, c->new_score);
	return xctx_printf(x, "%s %s", dir > 0 ? "↑" : dir < 0 ? "↓" : "=",
	                   num_delta(buf, x->nlang, c->old_score, c->new_score));
}

const char *xctx_level(struct xctx *x, bool has, int level)
{
	char buf[256];
	return xctx_printf(x, "%s", words_level(buf, sizeof buf, x->q, has, level, x->lang));
}

const char *xctx_gap(struct xctx *x, const struct domain_score *ds)
{
	if (!ds->has_target || !ds->has_score)
		return "—";
	if (ds->gap < 0.005)
		return _("reached");
	return xctx_levels(x, ds->gap);
}

const char *xctx_levels(struct xctx *x, double v)
{
	char buf[NUM_LEN];
	num_score(buf, x->nlang, true, v);
	/* TRANSLATORS: a distance on the maturity scale: "1.36 levels". */
	return xctx_printf(x, _("%s levels"), buf);
}

const char *xctx_peer_group(struct xctx *x)
{
	const struct export_peers *p = x->o->peers;
	if (p && p->size_class)
		return xctx_printf(x, ngettext("%d comparable municipality", "%d comparable municipalities",
		                               (unsigned long)p->npeers), p->npeers);
	return xctx_printf(x, ngettext("%d other municipality", "%d other municipalities",
	                               (unsigned long)(p ? p->npeers : 0)), p ? p->npeers : 0);
}

const char *xctx_target(struct xctx *x, const struct domain_score *ds)
{
	return xctx_level(x, ds->has_target, ds->target);
}

const char *xctx_peer(struct xctx *x, int d)
{
	const struct export_peers *p = x->o->peers;
	if (!p)
		return "";
	const struct export_peer_domain *pd = &p->domains[d];
	if (!pd->has && !pd->has_percentile)
		return _("too few peers");
	if (!pd->has)           /* 5 to 9 peers: no quartiles (issue 20) */
		return xctx_printf(x, _("percentile %ld (%d peers)"), num_round(pd->percentile), pd->n);
	if (!pd->has_percentile)
		return xctx_printf(x, _("median %s (%d peers)"), xctx_score(x, true, pd->median), pd->n);
	return xctx_printf(x, _("percentile %ld (median %s)"), num_round(pd->percentile),
	                   xctx_score(x, true, pd->median));
}

const char *xctx_date(struct xctx *x, const char *ymd)
{
	static const char *const months[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
		N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
	};
	int y, m, d;
	char rest;
	if (!ymd || sscanf(ymd, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || m < 1 || m > 12)
		return ymd ? ymd : "";
	/* TRANSLATORS: a date: day, month name, year ("30 June 2026"). */
	return xctx_printf(x, _("%1$d %2$s %3$d"), d, _(months[m - 1]), y);
}

const char *xctx_respondent(struct xctx *x)
{
	int n = response_participants(x->r);
	const char *who = response_respondent(x->r), *role = response_role(x->r);
	if (n > 0) {
		/* The file holds facts; the words are this export's language's. */
		char words[200];
		const char *group = xctx_printf(x, "%s", response_session_words(words, sizeof words, x->r));
		who = response_group_respondent(x->r);
		return who ? xctx_printf(x, "%s (%s)", who, group) : group;
	}
	if (who && role)
		return xctx_printf(x, "%s (%s)", who, role);
	if (who || role)
		return who ? who : role;
	/* The public version has no name: say it was left out, not unknown. */
	return x->o->public ? _("the organisation (name left out)") : _("not recorded");
}

const char *xctx_status_word(const struct xctx *x, int qi)
{
	return words_state(x->r, qi);
}

const char *xctx_answer(struct xctx *x, int qi)
{
	const struct answer *a = response_answer(x->r, qi);
	if (response_hidden(x->r, qi))
		return _("not asked (it depends on an earlier answer)");
	if (a->status != ANSWER_LEVEL)
		return xctx_status_word(x, qi);
	const struct qn_question *qu = &x->q->questions[qi];
	const char *text = xctx_tr(x, &qu->answers[qn_level_index(x->q, a->level)].text);
	const char *s = xctx_printf(x, "%s — %s", xctx_level(x, true, a->level), text);
	if (a->proposal)
		s = xctx_printf(x, "%s (%s)", s, _("proposed from the votes, not yet decided"));
	if (a->recheck)
		s = xctx_printf(x, "%s (%s)", s, _("carried over from last time; the question changed, to be checked"));
	else if (a->carried_over)
		s = xctx_printf(x, "%s (%s)", s, _("carried over from last time, not yet confirmed"));
	return s;
}

const char *xctx_group_answer(struct xctx *x, int qi)
{
	const struct answer *a = response_answer(x->r, qi);
	if (a->status != ANSWER_LEVEL || response_hidden(x->r, qi))
		return xctx_status_word(x, qi);
	const char *level = xctx_level(x, true, a->level);
	if (!a->proposal)
		return level;
	/* TRANSLATORS: %s is a level, "3 In order"; the median of the votes. */
	return xctx_printf(x, _("proposed: level %s (median), not yet decided"), level);
}

int xctx_proposals(const struct xctx *x)
{
	int n = 0;
	for (int qi = 0; qi < x->q->nquestions; qi++) {
		const struct answer *a = response_answer(x->r, qi);
		n += a->proposal && a->status == ANSWER_LEVEL && !response_hidden(x->r, qi);
	}
	return n;
}

const char *xctx_votes(struct xctx *x, int qi)
{
	const int *votes = response_answer(x->r, qi)->votes;
	if (!votes)
		return "";
	/* "1: 5, 2: 3": at most 2 * 11 digits and ", : " per level, written
	 * once into a buffer of that size (linear in the number of levels). */
	size_t cap = (size_t)x->q->nlevels * 28 + 1, len = 0;
	char *s = arena_alloc(x->arena, cap);
	if (!s) {
		x->oom = true;
		return "";
	}
	for (int l = 0; l < x->q->nlevels; l++)
		if (votes[l])
			len += (size_t)snprintf(s + len, cap - len, "%s%d: %d", len ? ", " : "", x->q->levels[l].value,
			                        votes[l]);
	return s;
}

const char *xctx_join(struct xctx *x, const char *const *items, int n, const char *sep)
{
	size_t len = 1, seplen = strlen(sep);
	for (int i = 0; i < n; i++)
		len += strlen(items[i]) + (i ? seplen : 0);
	char *s = arena_alloc(x->arena, len), *p = s;
	if (!s) {
		x->oom = true;
		return "";
	}
	for (int i = 0; i < n; i++) {
		size_t k = strlen(items[i]);
		if (i) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		memcpy(p, items[i], k);
		p += k;
	}
	*p = '\0';
	return s;
}

const char *xctx_council_advice(const struct xctx *x, int qi, int level)
{
	const struct qn_answer *ans = &x->q->questions[qi].answers[qn_level_index(x->q, level)];
	const char *plain = qn_tr(x->q, &ans->council, x->lang);
	return plain ? plain : qn_tr(x->q, &ans->advice, x->lang);
}

const char *xctx_next_step(const struct xctx *x, int qi)
{
	const struct answer *a = response_answer(x->r, qi);
	if (a->status != ANSWER_LEVEL || response_hidden(x->r, qi))
		return NULL;
	const struct qn_question *qu = &x->q->questions[qi];
	return qn_tr(x->q, &qu->answers[qn_level_index(x->q, a->level)].advice, x->lang);
}

int xctx_voted(const struct xctx *x, int *contested)
{
	int n = 0;
	*contested = 0;
	for (int qi = 0; x->votes && qi < x->q->nquestions; qi++) {
		if (!x->votes[qi].has_stats)
			continue;
		n++;
		*contested += x->votes[qi].contested;
	}
	return n;
}

bool xctx_mean_consensus(const struct group_question *g, int n, double *mean)
{
	double sum = 0;
	int k = 0;
	for (int i = 0; g && i < n; i++) {
		if (g[i].has_stats) {
			sum += g[i].consensus;
			k++;
		}
	}
	if (k == 0)
		return false;
	*mean = sum / k;
	return true;
}

size_t xs_next(const char *s, unsigned long *cp)
{
	size_t n = text_utf8_decode(s, strnlen(s, 4), cp);
	if (n == 0 || text_is_unsafe_codepoint(*cp)) {
		*cp = 0xfffd;
		return n ? n : 1;
	}
	return n;
}

void xs_put(FILE *f, unsigned long cp)
{
	if (cp < 0x80) {
		fputc((int)cp, f);
	} else if (cp < 0x800) {
		fputc((int)(0xc0 | (cp >> 6)), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	} else if (cp < 0x10000) {
		fputc((int)(0xe0 | (cp >> 12)), f);
		fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	} else {
		fputc((int)(0xf0 | (cp >> 18)), f);
		fputc((int)(0x80 | ((cp >> 12) & 0x3f)), f);
		fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	}
}

static size_t xs_encode(unsigned long cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

char *xs_sanitize(const char *s)
{
	size_t n = s ? strlen(s) : 0, len = 0;
	char *out = malloc(3 * n + 1);         /* a byte becomes at most U+FFFD */
	while (out && s && *s) {
		unsigned long cp;
		s += xs_next(s, &cp);
		len += xs_encode(cp, out + len);
	}
	if (out)
		out[len] = '\0';
	return out;
}
