/* The scorecard's middle sections: the priorities, how complete the answers
 * are, the group session and the changes since the baseline. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/words.h"
#include "exports/doc.h"

static const char *consensus_words(struct xctx *x, const struct group_question *g)
{
	char buf[NUM_LEN];
	if (!g || !g->has_stats)
		return "—";
	return xctx_printf(x, "%s", num_stat(buf, x->nlang, true, g->consensus));
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
	doc_table(d, &(struct doc_table){ .ncols = nc, .nrows = row, .head = head,
	                                      .numeric = numeric, .cells = cells });
}

/* Agreed questions with an outlier: not contested, and said so ("one
 * participant chose 5"), so that a single vote far from the rest is
 * neither hidden nor mistaken for disagreement (issue 19). */
static void outliers(struct doc *d)
{
	struct xctx *x = d->x;
	int nq = x->q->nquestions, n = 0;
	bool *out = arena_alloc(x->arena, (size_t)x->q->nlevels * sizeof(bool));
	struct doc_item *items = doc_array(d, nq, sizeof(*items));
	if (!out || !items) {
		x->oom = true;
		return;
	}
	for (int qi = 0; qi < nq; qi++) {
		int votes = x->votes[qi].has_stats ? group_outliers(x->q, &x->votes[qi], out) : 0;
		char who[200];
		if (votes > 0)
			items[n++] = (struct doc_item){ xctx_question_text(x, qi),
			                                xctx_printf(x, "%s", words_outliers(who, sizeof who, x->q, out, votes)),
			                                NULL };
	}
	if (n == 0)
		return;
	doc_para(d, xctx_printf(x, ngettext("%d question is agreed, with an outlier: the middle half of the group "
	                                        "agreed, and one or a few chose a level far from the rest.",
	                                        "%d questions are agreed, with an outlier: the middle half of the "
	                                        "group agreed, and one or a few chose a level far from the rest.",
	                                        (unsigned long)n), n));
	doc_items(d, false, items, n);
}

void scorecard_group(struct doc *d)
{
	struct xctx *x = d->x;
	int contested, voted = xctx_voted(x, &contested);
	if (!x->votes)
		return;
	doc_section(d, "group", _("How the group scored"), false);
	int n = response_participants(x->r);
	if (n > 0)
		doc_para(d, xctx_printf(x, ngettext("%d participant voted.", "%d participants voted.",
		                                        (unsigned long)n), n));
	doc_para(d, xctx_printf(x, ngettext("%d of %d question is contested: the group did not agree "
	                                        "(a consensus below 0.6, or the middle half of the votes more "
	                                        "than one level apart).",
	                                        "%d of %d questions are contested: the group did not agree "
	                                        "(a consensus below 0.6, or the middle half of the votes more "
	                                        "than one level apart).", (unsigned long)voted),
	                            contested, voted));
	if (contested)
		contested_table(d, contested);
	outliers(d);
	int proposed = xctx_proposals(x);
	if (proposed)
		doc_para(d, xctx_printf(x, ngettext("%d answer is only proposed: the median of the votes, "
		                                        "until the group decides. The scores above count it as given.",
		                                        "%d answers are only proposed: the median of the votes, "
		                                        "until the group decides. The scores above count them as given.",
		                                        (unsigned long)proposed), proposed));
	double now, before;
	char a[NUM_LEN], b[NUM_LEN];
	if (!xctx_mean_consensus(x->votes, x->q->nquestions, &now))
		return;
	num_stat(a, x->nlang, true, now);
	if (xctx_mean_consensus(x->base_votes, x->q->nquestions, &before))
		doc_para(d, xctx_printf(x, _("Average consensus: %s; at the assessment of %s it was %s "
		                                 "(1 means everybody gave the same answer)."),
		                            a, xctx_date(x, response_date(x->o->baseline)),
		                            num_stat(b, x->nlang, true, before)));
	else
		doc_para(d, xctx_printf(x, _("Average consensus: %s (1 means everybody gave the same answer)."), a));
}

static const char *change_words(struct xctx *x, enum answer_status s, int level)
{
	char buf[256];
	return xctx_printf(x, "%s", words_answer(buf, sizeof buf, x->q, s, level, x->lang, 0));
}

/* Whether a change is a real one (a level to another level) or one of the
 * other kinds the summary counts. */
enum change_kind { CH_UP, CH_DOWN, CH_NEW, CH_OTHER, CH_NKINDS };

static enum change_kind change_kind(const struct question_change *ch)
{
	if (ch->old_status == ANSWER_LEVEL && ch->new_status == ANSWER_LEVEL)
		return ch->new_level > ch->old_level ? CH_UP : CH_DOWN;
	if (ch->new_status == ANSWER_LEVEL)
		return CH_NEW;
	return CH_OTHER;
}

static void changes_table(struct doc *d, bool real)
{
	struct xctx *x = d->x;
	const struct comparison *c = x->cmp;
	const char *head[4] = { _("Question"), _("Domain"), _("Before"), _("Now") };
	bool numeric[4] = { false, false, false, false };
	const char **cells = doc_cells(d, c->nchanges * 4);
	if (!cells)
		return;
	int n = 0;
	for (int i = 0; i < c->nchanges; i++) {
		const struct question_change *ch = &c->changes[i];
		enum change_kind k = change_kind(ch);
		if ((k == CH_UP || k == CH_DOWN) != real)
			continue;
		const char **row = cells + 4 * n++;
		row[0] = xctx_question_text(x, ch->question);
		row[1] = xctx_domain_title(x, ch->domain);
		row[2] = change_words(x, ch->old_status, ch->old_level);
		row[3] = xctx_printf(x, "%s%s", k == CH_UP ? "↑ " : k == CH_DOWN ? "↓ " : "",
		                     change_words(x, ch->new_status, ch->new_level));
	}
	if (n == 0)
		return;
	doc_heading(d, 3, real ? _("Answers that went up or down") : _("Answered for the first time, or otherwise changed"));
	doc_table(d, &(struct doc_table){ .ncols = 4, .nrows = n, .head = head, .numeric = numeric, .cells = cells });
}

void scorecard_changes(struct doc *d)
{
	struct xctx *x = d->x;
	if (!x->cmp)
		return;
	const struct comparison *c = x->cmp;
	doc_section(d, "changes", xctx_printf(x, _("Changes since %s"), xctx_date(x, response_date(x->o->baseline))), false);
	if (c->nchanges == 0) {
		doc_para(d, _("No answer changed."));
		return;
	}
	int n[CH_NKINDS] = { 0 };
	for (int i = 0; i < c->nchanges; i++)
		n[change_kind(&c->changes[i])]++;
	/* TRANSLATORS: "28 higher, 5 newly answered, 0 lower". */
	const char *t = xctx_printf(x, _("%d higher, %d newly answered, %d lower."), n[CH_UP], n[CH_NEW], n[CH_DOWN]);
	if (n[CH_OTHER])
		t = xctx_printf(x, ngettext("%s %d answer changed otherwise (for example to \"don't know\").",
		                            "%s %d answers changed otherwise (for example to \"don't know\").",
		                            (unsigned long)n[CH_OTHER]), t, n[CH_OTHER]);
	doc_para(d, t);
	changes_table(d, true);
	changes_table(d, false);
}

static struct doc_item priority_item(struct xctx *x, const struct priority *p)
{
	const char *advice = xctx_council_advice(x, p->question, p->level);
	return (struct doc_item){
		xctx_question_text(x, p->question),
		xctx_printf(x, _("%s: now %s, target %s."), xctx_domain_title(x, p->domain),
		            xctx_level(x, true, p->level), xctx_level(x, true, p->target)),
		advice ? xctx_printf(x, _("Next step: %s"), advice) : NULL,
	};
}

/* Per domain its single largest priority (the first in the ordered list),
 * so that a domain with a big gap is never missing from the agenda. */
static void priorities_per_domain(struct doc *d, int shown)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	const char *head[3] = { _("Domain"), _("Largest step"), _("Now → target") };
	bool numeric[3] = { false, false, false };
	const char **cells = doc_cells(d, s->ndomains * 3);
	if (!cells)
		return;
	int n = 0, beyond = 0;
	for (int dom = 0; dom < s->ndomains; dom++) {
		for (int i = 0; i < s->npriorities; i++) {
			const struct priority *p = &s->priorities[i];
			if (p->domain != dom)
				continue;
			const char **row = cells + 3 * n++;
			row[0] = xctx_domain_title(x, dom);
			row[1] = xctx_question_text(x, p->question);
			row[2] = xctx_printf(x, "%d → %d", p->level, p->target);
			beyond += i >= shown;
			break;
		}
	}
	if (n < 2 || beyond == 0)
		return;         /* the list above already covers every domain */
	doc_heading(d, 3, _("The largest step in each domain"));
	doc_table(d, &(struct doc_table){ .ncols = 3, .nrows = n, .head = head, .numeric = numeric, .cells = cells });
}

void scorecard_priorities(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	struct doc_item it[XCTX_PRIORITIES];
	int n = s->npriorities < XCTX_PRIORITIES ? s->npriorities : XCTX_PRIORITIES;
	doc_section(d, "priorities", _("Priorities"), false);
	if (n == 0) {
		doc_para(d, _("No answer is below its target: there are no priorities."));
		return;
	}
	doc_para(d, _("The questions furthest below their target, the most important first, "
	              "with the next step to take."));
	for (int i = 0; i < n; i++)
		it[i] = priority_item(x, &s->priorities[i]);
	doc_items(d, true, it, n);
	priorities_per_domain(d, n);
	if (s->npriorities > n)
		doc_para(d, xctx_printf(x, ngettext("There is %d more question below its target; the appendix gives "
		                                    "the target and the next step for every question.",
		                                    "There are %d more questions below their target; the appendix gives "
		                                    "the target and the next step for every question.",
		                                    (unsigned long)(s->npriorities - n)), s->npriorities - n));
}

void scorecard_coverage(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	const char *head[6] = { _("Domain"), _("Answered"), _("Not applicable"), _("Don't know"),
	                        _("Open"), _("Questions") };
	bool numeric[6] = { false, true, true, true, true, true };
	const char **cells = doc_cells(d, (s->ndomains + 1) * 6);
	if (!cells)
		return;
	for (int i = 0; i <= s->ndomains; i++) {
		const struct domain_score *ds = &s->domains[i < s->ndomains ? i : 0];
		int a = ds->answered, na = ds->na, u = ds->unknown, o = ds->open, t = ds->total - ds->hidden;
		if (i == s->ndomains) {
			a = s->answered; na = s->na; u = s->unknown; o = s->open; t = s->total - s->hidden;
		}
		const char **row = cells + i * 6;
		row[0] = i < s->ndomains ? xctx_domain_title(x, i) : _("All domains");
		row[1] = xctx_printf(x, "%d", a);
		row[2] = xctx_printf(x, "%d", na);
		row[3] = xctx_printf(x, "%d", u);
		row[4] = xctx_printf(x, "%d", o);
		row[5] = xctx_printf(x, "%d", t);
	}
	doc_section(d, "coverage", _("How complete the answers are"), false);
	doc_table(d, &(struct doc_table){ .ncols = 6, .nrows = s->ndomains + 1, .head = head,
	                                  .numeric = numeric, .cells = cells });
	doc_para(d, _("Questions answered with \"not applicable\" or \"don't know\", and open questions, "
	              "do not count in the scores. The more of them a domain has, the less its score says."));
}
