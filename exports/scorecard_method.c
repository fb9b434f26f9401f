/* The scorecard's explanations: how to read it (before the tables), raised
 * ambitions, the peers' figures, the method and glossary (last) and the
 * appendix with every question, its target and its next step. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/response_plan.h"
#include "exports/doc.h"

void scorecard_reading(struct doc *d)
{
	struct xctx *x = d->x;
	const struct questionnaire *q = x->q;
	int lo = q->levels[0].value, hi = q->levels[q->nlevels - 1].value;
	double example = (q->levels[0].value + q->levels[1].value) / 2.0;
	/* On a page of its own in print, with the domain table after it. */
	doc_section(d, "reading", _("How to read this scorecard"), true);
	doc_para(d, xctx_printf(x, _("Every question describes situations from level %d to level %d. Whoever "
	                             "answered chose the one that fits the organisation best."), lo, hi));
	doc_para(d, xctx_printf(x, _("The score of a domain is the average level of its answers. A score of %s "
	                             "is level %d: a level counts once the score has reached it. The gap to the "
	                             "target is counted in levels. A dash (—) means there is no figure."),
	                        xctx_score(x, true, example), lo));
}

/* Who decided this year's targets and when, as a clause; NULL when the
 * file does not say. */
static const char *decided_clause(struct xctx *x)
{
	const struct decision *dec = response_targets_decided(x->r);
	if (!dec || (!dec->by && !dec->date[0]))
		return NULL;
	if (!dec->date[0])
		return xctx_printf(x, _("decided by %s"), dec->by);
	if (!dec->by)
		return xctx_printf(x, _("decided on %s"), xctx_date(x, dec->date));
	return xctx_printf(x, _("decided by %s on %s"), dec->by, xctx_date(x, dec->date));
}

/* A target that differs from last time's, in words, with who decided it
 * (issue 16 item 3). */
void scorecard_ambitions(struct doc *d)
{
	struct xctx *x = d->x;
	const struct response *b = x->o->baseline;
	const char *why = b ? decided_clause(x) : NULL;
	for (int i = 0; b && i < x->q->ndomains; i++) {
		int was, now;
		bool had = response_target(b, i, &was), has = response_target(x->r, i, &now);
		if (!had || !has || was == now)
			continue;
		const char *title = xctx_domain_title(x, i);
		if (why)
			doc_para(d, xctx_printf(x, now > was ? _("%s: ambition raised from %d to %d since last time (%s).")
			                                     : _("%s: ambition lowered from %d to %d since last time (%s)."),
			                        title, was, now, why));
		else
			doc_para(d, xctx_printf(x, now > was ? _("%s: ambition raised from %d to %d since last time.")
			                                     : _("%s: ambition lowered from %d to %d since last time."),
			                        title, was, now));
	}
}

/* What the peer column means, with this municipality's own figures. */
void scorecard_peer_explanation(struct doc *d)
{
	struct xctx *x = d->x;
	const struct export_peers *p = x->o->peers;
	int ex = -1, odd = -1;
	for (int i = 0; i < x->s->ndomains; i++) {
		const struct export_peer_domain *pd = &p->domains[i];
		const struct domain_score *ds = &x->s->domains[i];
		if (!pd->has_percentile || !ds->has_score)
			continue;
		if (ex < 0)
			ex = i;
		double pct = pd->percentile;
		if (odd < 0 && ((pct >= 50 && ds->score < pd->median - 0.005) || (pct < 50 && ds->score > pd->median + 0.005)))
			odd = i;
	}
	if (ex < 0)
		return;
	long pct = num_round(p->domains[ex].percentile);
	doc_para(d, xctx_printf(x, _("How to read the comparison, with %s as the example: percentile %ld means "
	                             "that %ld in 100 of the %s score lower there. The median (%s) is the middle "
	                             "score of the others."),
	                        xctx_domain_title(x, ex), pct, pct, xctx_peer_group(x),
	                        xctx_score(x, true, p->domains[ex].median)));
	if (odd >= 0)
		doc_para(d, xctx_printf(x, _("In %s the percentile and the median seem to disagree. They do not: the "
		                             "percentile counts equal scores as half lower, and the median is one "
		                             "municipality's score, so near the middle the two can differ a little."),
		                        xctx_domain_title(x, odd)));
}

void scorecard_method(struct doc *d)
{
	struct xctx *x = d->x;
	const struct questionnaire *q = x->q;
	doc_section(d, "method", _("How the scores are made"), false);
	doc_para(d, _("The score of a domain is the average of the levels chosen in it; more important "
	              "questions count more. Its level is the highest level the score has reached. The overall "
	              "score is the average of the domain scores, again weighted by importance."));
	doc_para(d, _("Answers \"not applicable\" and \"don't know\" and open questions are left out. The "
	              "target is the level the organisation wants to reach in a domain. The priorities are "
	              "the answers furthest below the target, the most important first."));
	const char *head[3] = { _("Level"), _("Name"), _("What it means") };
	bool numeric[3] = { true, false, false };
	const char **cells = doc_cells(d, q->nlevels * 3);
	if (!cells)
		return;
	for (int l = 0; l < q->nlevels; l++) {
		cells[l * 3] = xctx_printf(x, "%d", q->levels[l].value);
		cells[l * 3 + 1] = xctx_tr(x, &q->levels[l].label);
		cells[l * 3 + 2] = xctx_tr(x, &q->levels[l].description);
	}
	doc_table(d, &(struct doc_table){ .ncols = 3, .nrows = q->nlevels, .head = head,
	                                  .numeric = numeric, .cells = cells });
}

static void appendix_question(struct doc *d, int qi)
{
	struct xctx *x = d->x;
	const struct answer *a = response_answer(x->r, qi);
	const struct domain_score *ds = &x->s->domains[x->q->questions[qi].domain];
	struct doc_fact f[7];
	int n = 0;
	doc_heading(d, 4, xctx_question_text(x, qi));
	f[n++] = (struct doc_fact){ _("Code"), x->q->questions[qi].id };
	f[n++] = (struct doc_fact){ _("Answer"), xctx_answer(x, qi) };
	if (ds->has_target)
		f[n++] = (struct doc_fact){ _("Target"), xctx_level(x, true, ds->target) };
	const char *step = xctx_next_step(x, qi);
	if (step)
		f[n++] = (struct doc_fact){ _("Next step"), step };
	if (a->note)
		f[n++] = (struct doc_fact){ a->note_last_year ? _("Note (from last year)") : _("Note"), a->note };
	if (a->nevidence)
		f[n++] = (struct doc_fact){ _("Evidence"), xctx_join(x, (const char *const *)a->evidence, a->nevidence, "; ") };
	if (a->votes)
		f[n++] = (struct doc_fact){ _("Votes per level"), xctx_votes(x, qi) };
	doc_facts(d, f, n);
}

void scorecard_appendix(struct doc *d)
{
	struct xctx *x = d->x;
	doc_section(d, "appendix", _("Appendix: every question and answer"), true);
	for (int dom = 0; dom < x->q->ndomains; dom++) {
		const struct qn_domain *qd = &x->q->domains[dom];
		doc_heading(d, 3, xctx_domain_title(x, dom));
		const char *desc = qn_tr(x->q, &qd->description, x->lang);
		if (desc)
			doc_para(d, desc);
		for (int qi = qd->first; qi < qd->first + qd->count; qi++)
			if (qn_asked_in(x->q, qi, response_region(x->r)))   /* another region's: not theirs to read */
				appendix_question(d, qi);
	}
}
