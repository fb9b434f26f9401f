/* The scorecard's later sections: the group session, the changes since the
 * baseline, the method and the appendix with every answer. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "exports/doc.h"
#include "exports/xfmt.h"

static const char *consensus_words(struct xctx *x, const struct group_question *g)
{
	char buf[32];
	if (!g || !g->has_stats)
		return "—";
	return xctx_printf(x, "%s", xfmt_number(buf, sizeof buf, g->consensus, 2, x->comma));
}

static void contested_table(struct doc *d, int ncontested)
{
	struct xctx *x = d->x;
	bool before = x->base_votes != NULL;
	int nc = 5 + before;
	const char *head[6] = { _("Question"), _("Votes per level"), _("Lowest – highest"), _("Consensus") };
	bool numeric[6] = { false, false, false, true, true, false };   /* the consensus columns */
	int c = 4;
	if (before)
		head[c++] = _("Consensus before");
	head[c] = _("Group's answer");
	numeric[c] = false;             /* words: a level, or a proposal */
	const char **cells = arena_alloc(x->arena, (size_t)(ncontested * nc) * sizeof(*cells));
	if (!cells) {
		x->oom = true;
		return;
	}
	int row = 0;
	for (int qi = 0; qi < x->q->nquestions && row < ncontested; qi++) {
		const struct group_question *g = &x->votes[qi];
		if (!g->has_stats || !g->contested)
			continue;
		const char **r = cells + row++ * nc;
		r[0] = xctx_question_text(x, qi);
		r[1] = xctx_votes(x, qi);
		r[2] = xctx_printf(x, "%d – %d", g->min, g->max);
		r[3] = consensus_words(x, g);
		c = 4;
		if (before)
			r[c++] = consensus_words(x, &x->base_votes[qi]);
		r[c] = xctx_group_answer(x, qi);
	}
	d->ops->table(d, &(struct doc_table){ .ncols = nc, .nrows = row, .head = head,
	                                      .numeric = numeric, .cells = cells });
}

void scorecard_group(struct doc *d)
{
	struct xctx *x = d->x;
	int contested, voted = xctx_voted(x, &contested);
	if (!x->votes)
		return;
	d->ops->section(d, "group", _("How the group scored"), false);
	int n = response_participants(x->r);
	if (n > 0)
		d->ops->para(d, xctx_printf(x, ngettext("%d participant voted.", "%d participants voted.",
		                                        (unsigned long)n), n));
	d->ops->para(d, xctx_printf(x, ngettext("%d of %d question is contested: the votes were far apart "
	                                        "(a consensus below 0.6, or the middle half of the votes more "
	                                        "than one level apart).",
	                                        "%d of %d questions are contested: the votes were far apart "
	                                        "(a consensus below 0.6, or the middle half of the votes more "
	                                        "than one level apart).", (unsigned long)voted),
	                            contested, voted));
	if (contested)
		contested_table(d, contested);
	int proposed = xctx_proposals(x);
	if (proposed)
		d->ops->para(d, xctx_printf(x, ngettext("%d answer is only proposed: the median of the votes, "
		                                        "until the group decides. The scores above count it as given.",
		                                        "%d answers are only proposed: the median of the votes, "
		                                        "until the group decides. The scores above count them as given.",
		                                        (unsigned long)proposed), proposed));
	double now, before;
	char a[32], b[32];
	if (!xctx_mean_consensus(x->votes, x->q->nquestions, &now))
		return;
	xfmt_number(a, sizeof a, now, 2, x->comma);
	if (xctx_mean_consensus(x->base_votes, x->q->nquestions, &before))
		d->ops->para(d, xctx_printf(x, _("Average consensus: %s; at the assessment of %s it was %s "
		                                 "(1 means everybody gave the same answer)."),
		                            a, xctx_date(x, response_date(x->o->baseline)),
		                            xfmt_number(b, sizeof b, before, 2, x->comma)));
	else
		d->ops->para(d, xctx_printf(x, _("Average consensus: %s (1 means everybody gave the same answer)."), a));
}

static const char *change_words(struct xctx *x, enum answer_status s, int level)
{
	switch (s) {
	case ANSWER_LEVEL: return xctx_level(x, true, level);
	case ANSWER_NA: return _("not applicable");
	case ANSWER_UNKNOWN: return _("don't know");
	case ANSWER_OPEN: break;
	}
	return _("open");
}

void scorecard_changes(struct doc *d)
{
	struct xctx *x = d->x;
	if (!x->cmp)
		return;
	const struct comparison *c = x->cmp;
	d->ops->section(d, "changes", xctx_printf(x, _("Changes since %s"), xctx_date(x, response_date(x->o->baseline))), false);
	if (c->nchanges == 0) {
		d->ops->para(d, _("No answer changed."));
		return;
	}
	const char *head[4] = { _("Question"), _("Domain"), _("Before"), _("Now") };
	bool numeric[4] = { false, false, false, false };
	const char **cells = arena_alloc(x->arena, (size_t)(c->nchanges * 4) * sizeof(*cells));
	if (!cells) {
		x->oom = true;
		return;
	}
	for (int i = 0; i < c->nchanges; i++) {
		const struct question_change *ch = &c->changes[i];
		const char *arrow = "";
		if (ch->old_status == ANSWER_LEVEL && ch->new_status == ANSWER_LEVEL)
			arrow = ch->new_level > ch->old_level ? "↑ " : "↓ ";
		cells[i * 4] = xctx_question_text(x, ch->question);
		cells[i * 4 + 1] = xctx_domain_title(x, ch->domain);
		cells[i * 4 + 2] = change_words(x, ch->old_status, ch->old_level);
		cells[i * 4 + 3] = xctx_printf(x, "%s%s", arrow, change_words(x, ch->new_status, ch->new_level));
	}
	d->ops->table(d, &(struct doc_table){ .ncols = 4, .nrows = c->nchanges, .head = head,
	                                      .numeric = numeric, .cells = cells });
}

void scorecard_method(struct doc *d)
{
	struct xctx *x = d->x;
	const struct questionnaire *q = x->q;
	int lo = q->levels[0].value, hi = q->levels[q->nlevels - 1].value;
	d->ops->section(d, "method", _("How to read this scorecard"), false);
	d->ops->para(d, xctx_printf(x, _("Every question describes situations from level %d to level %d. "
	                                 "Whoever answered chose the one that fits the organisation best."),
	                            lo, hi));
	double example = (q->levels[0].value + q->levels[1].value) / 2.0;
	d->ops->para(d, xctx_printf(x, _("The score of a domain is the average of the levels chosen in it; more "
	                                 "important questions count more. Its level is the highest level the "
	                                 "score has reached: a score of %s is level %d. The overall score is the "
	                                 "average of the domain scores, again weighted by importance."),
	                            xctx_score(x, true, example), lo));
	d->ops->para(d, _("Answers \"not applicable\" and \"don't know\" and open questions are left out. The "
	                  "target is the level the organisation wants to reach in a domain. The priorities are "
	                  "the answers furthest below the target, the most important first."));
	const char *head[3] = { _("Level"), _("Name"), _("What it means") };
	bool numeric[3] = { true, false, false };
	const char **cells = arena_alloc(x->arena, (size_t)(q->nlevels * 3) * sizeof(*cells));
	if (!cells) {
		x->oom = true;
		return;
	}
	for (int l = 0; l < q->nlevels; l++) {
		cells[l * 3] = xctx_printf(x, "%d", q->levels[l].value);
		cells[l * 3 + 1] = xctx_tr(x, &q->levels[l].label);
		cells[l * 3 + 2] = xctx_tr(x, &q->levels[l].description);
	}
	d->ops->table(d, &(struct doc_table){ .ncols = 3, .nrows = q->nlevels, .head = head,
	                                      .numeric = numeric, .cells = cells });
}

static const char *evidence_words(struct xctx *x, const struct answer *a)
{
	const char *s = "";
	for (int i = 0; i < a->nevidence; i++)
		s = xctx_printf(x, "%s%s%s", s, i ? "; " : "", a->evidence[i]);
	return s;
}

static void appendix_question(struct doc *d, int qi)
{
	struct xctx *x = d->x;
	const struct answer *a = response_answer(x->r, qi);
	struct doc_fact f[5];
	int n = 0;
	d->ops->heading(d, 4, xctx_question_text(x, qi));
	f[n++] = (struct doc_fact){ _("Code"), x->q->questions[qi].id };
	f[n++] = (struct doc_fact){ _("Answer"), xctx_answer(x, qi) };
	if (a->note)
		f[n++] = (struct doc_fact){ _("Note"), a->note };
	if (a->nevidence)
		f[n++] = (struct doc_fact){ _("Evidence"), evidence_words(x, a) };
	if (a->votes)
		f[n++] = (struct doc_fact){ _("Votes per level"), xctx_votes(x, qi) };
	d->ops->facts(d, f, n);
}

void scorecard_appendix(struct doc *d)
{
	struct xctx *x = d->x;
	d->ops->section(d, "appendix", _("Appendix: every question and answer"), true);
	for (int dom = 0; dom < x->q->ndomains; dom++) {
		const struct qn_domain *qd = &x->q->domains[dom];
		d->ops->heading(d, 3, xctx_domain_title(x, dom));
		const char *desc = qn_tr(x->q, &qd->description, x->lang);
		if (desc)
			d->ops->para(d, desc);
		for (int qi = qd->first; qi < qd->first + qd->count; qi++)
			appendix_question(d, qi);
	}
}
