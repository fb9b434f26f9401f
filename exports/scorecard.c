/* What the scorecard says, in which order, for every format: it builds the
 * document model (doc.h) once; the writers only lay it out. The readers
 * are a council and a college: plain words (B1), every figure explained
 * where it first appears.
 *
 * The order is the `parts` table in doc_build(): one function per section.
 * Page 1 of the PDF answers "where are we, where do we want to be, what do
 * you ask of us": the facts, the summary with the radar, the decision.
 *
 * ADDING A SECTION (e.g. for the improvement plan, issue 15): write one
 * function `void scorecard_NAME(struct doc *d)` that starts with
 * doc_section(d, "NAME", title, new_page) and then adds blocks (doc_para,
 * doc_table, doc_items, doc_facts, doc_note); put it in the `parts` table
 * where it belongs. Adding nothing (no section) is fine when there is
 * nothing to say. Three slots are waiting in scorecard_plan.c, already in
 * the table: scorecard_decision (what the council is asked to decide,
 * right after the summary, on page 1), scorecard_plan (the plan, after the
 * priorities) and scorecard_done (done since last time, before the
 * changes). Every writer (md, html, pdf, odt) then shows the section with
 * no further change; strings are plain text, figures go through
 * xctx_score() and friends, and everything lives in x->arena. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/words.h"
#include "exports/doc.h"

/* "the assessment of 30 June 2025" and who answered then, if it differs. */
static void respondent_change(struct doc *d)
{
	struct xctx *x = d->x;
	const struct response *b = x->o->baseline;
	const char *ow = response_respondent(b), *nw = response_respondent(x->r);
	const char *orl = response_role(b), *nrl = response_role(x->r);
	bool same_who = (!ow && !nw) || (ow && nw && !strcmp(ow, nw));
	bool same_role = (!orl && !nrl) || (orl && nrl && !strcmp(orl, nrl));
	if (same_who && same_role)
		return;
	const char *before = ow && orl ? xctx_printf(x, "%s (%s)", ow, orl) : ow ? ow : orl ? orl : _("not recorded");
	doc_para(d, xctx_printf(x, _("Last time the questions were answered by %s; this time by %s. "
	                             "Keep this in mind when comparing."), before, xctx_respondent(x)));
}

static void header(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	d->title = response_organisation(x->r);
	d->subtitle = xctx_printf(x, _("Scorecard: %s"), xctx_tr(x, &x->q->title));
	d->date = response_date(x->r);
	d->footer = xctx_printf(x, "%s · %s", response_organisation(x->r), xctx_date(x, d->date));
	struct doc_fact f[9];
	char unconfirmed[256];
	int n = 0;
	f[n++] = (struct doc_fact){ _("Organisation"), response_organisation(x->r) };
	f[n++] = (struct doc_fact){ _("Date"), xctx_date(x, response_date(x->r)) };
	f[n++] = (struct doc_fact){ _("Questionnaire"),
		xctx_printf(x, _("%s, version %s"), xctx_tr(x, &x->q->title), x->q->version) };
	f[n++] = (struct doc_fact){ _("Answered by"), xctx_respondent(x) };
	if (x->o->public)
		f[n++] = (struct doc_fact){ _("Version"),
			_("public: without the notes, the evidence and the respondent's name") };
	f[n++] = (struct doc_fact){ _("Progress"),
		xctx_printf(x, _("%ld%% — %d of %d questions done: %d answered, %d not applicable, %d don't know"),
		            (long)num_done_percent(s->progress), s->answered + s->na + s->unknown, s->total - s->hidden,
		            s->answered, s->na, s->unknown) };
	if (*words_unconfirmed(unconfirmed, sizeof unconfirmed, s->unconfirmed))
		f[n++] = (struct doc_fact){ _("Not yet confirmed"), xctx_printf(x, "%s", unconfirmed) };
	if (x->o->baseline)
		f[n++] = (struct doc_fact){ _("Compared with"),
			xctx_printf(x, _("the assessment of %s"), xctx_date(x, response_date(x->o->baseline))) };
	if (x->o->peers) {
		const struct export_peers *p = x->o->peers;
		f[n++] = (struct doc_fact){ _("Peers"), p->size_class
			? xctx_printf(x, _("%d comparable municipalities (the same size: %s inhabitants)"),
			              p->npeers, p->size_class)
			: xctx_printf(x, _("%d other municipalities (of every size)"), p->npeers) };
	}
	doc_facts(d, f, n);
}

/* Which domains a like-for-like change leaves out (issue 20, defect 8). */
static const char *left_out(struct xctx *x)
{
	const char *list = "";
	for (int d = 0; d < x->q->ndomains; d++) {
		const struct compare_figure *f = &x->cmp->domains[d];
		if (x->cmp->in_common[d] || (!f->has_old && !f->has_new))
			continue;
		list = xctx_printf(x, "%s%s%s", list, *list ? ", " : "", xctx_domain_title(x, d));
	}
	return list;
}

static void overall_change(struct doc *d)
{
	struct xctx *x = d->x;
	/* A domain scored only once would move the overall score without
	 * anything having changed: compare like for like. */
	const struct compare_figure *c = x->cmp->partial ? &x->cmp->common : &x->cmp->overall;
	const char *date = xctx_date(x, response_date(x->o->baseline));
	if (!c->has_old || !c->has_new)
		return;
	int dir = num_direction(c->old_score, c->new_score);
	char buf[NUM_LEN];
	/* The change as the reader can check it from the two figures shown,
	 * without its sign: the sentence says up or down. */
	const char *num = num_delta(buf, x->nlang, c->old_score, c->new_score);
	num += *num == '+' || *num == '-';
	const char *from = xctx_score(x, true, c->old_score), *to = xctx_score(x, true, c->new_score);
	if (dir > 0)
		doc_para(d, xctx_printf(x, _("Since %s the overall score went up by %s, from %s to %s."),
		                        date, num, from, to));
	else if (dir < 0)
		doc_para(d, xctx_printf(x, _("Since %s the overall score went down by %s, from %s to %s."),
		                        date, num, from, to));
	else
		doc_para(d, xctx_printf(x, _("Since %s the overall score stayed the same (%s)."), date, to));
	if (x->cmp->partial)
		doc_para(d, xctx_printf(x, _("The change is measured over the domains scored both times; "
		                             "left out: %s."), left_out(x)));
}

/* Where the organisation wants to be: targets reached, the largest gap. */
static void targets(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	int n = 0, reached = 0, widest = -1;
	for (int i = 0; i < s->ndomains; i++) {
		const struct domain_score *ds = &s->domains[i];
		if (!ds->has_target || !ds->has_score)
			continue;
		n++;
		reached += ds->gap < 0.005;
		if (ds->gap >= 0.005 && (widest < 0 || ds->gap > s->domains[widest].gap))
			widest = i;
	}
	if (!n)
		return;
	const char *t = xctx_printf(x, ngettext("Target reached in %d of %d domain.",
	                                        "Target reached in %d of %d domains.", (unsigned long)n), reached, n);
	if (widest >= 0)
		t = xctx_printf(x, _("%s The largest gap is in %s: %s to go to level %d."), t,
		                xctx_domain_title(x, widest), xctx_levels(x, s->domains[widest].gap),
		                s->domains[widest].target);
	doc_para(d, t);
}

/* With --peers: how many domains score above the other municipalities'
 * median, in one sentence. */
static void peers_summary(struct doc *d)
{
	struct xctx *x = d->x;
	const struct export_peers *p = x->o->peers;
	int n = 0, above = 0;
	for (int i = 0; p && i < x->s->ndomains; i++) {
		const struct domain_score *ds = &x->s->domains[i];
		if (!p->domains[i].has || !ds->has_score)
			continue;
		n++;
		above += ds->score > p->domains[i].median + 0.005;
	}
	if (!p)
		return;
	if (!n) {
		doc_para(d, _("There are too few other municipalities to compare with."));
		return;
	}
	doc_para(d, xctx_printf(x, ngettext("Compared with %s: above their median in %d of %d domain.",
	                                    "Compared with %s: above their median in %d of %d domains.",
	                                    (unsigned long)n),
	                        xctx_peer_group(x), above, n));
}

static void summary(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	const struct questionnaire *q = x->q;
	doc_section(d, "summary", _("In short"), false);
	if (response_participants(x->r) > 0)    /* a group: "a workshop with 7 participants, …" */
		doc_para(d, xctx_printf(x, _("This is a self-assessment by %s. The figures are the group's own "
		                             "judgement, not an audit."), xctx_respondent(x)));
	else
		doc_para(d, xctx_printf(x, _("This is a self-assessment: %s answered the questions. The figures are "
		                             "their own judgement, not an audit."), xctx_respondent(x)));
	if (x->o->baseline)
		respondent_change(d);
	if (!s->has_overall) {
		doc_para(d, _("There is no score yet: no question has been answered with a level."));
	} else {
		int li = qn_level_index(q, s->overall_level);
		doc_para(d, xctx_printf(x, _("Overall level: %s (score %s on a scale from %d to %d). A score of %s "
		                             "means level %d: a level counts once the score has reached it."),
		                        xctx_level(x, true, s->overall_level), xctx_score(x, true, s->overall),
		                        q->levels[0].value, q->levels[q->nlevels - 1].value,
		                        xctx_score(x, true, s->overall), s->overall_level));
		const char *desc = qn_tr(q, &q->levels[li].description, x->lang);
		if (desc)
			doc_para(d, desc);
	}
	if (x->cmp)
		overall_change(d);
	targets(d);
	peers_summary(d);
	doc_chart(d, DOC_RADAR);
}

/* "2 Repeatable", or "1 Initial → 2 Repeatable" when it changed. */
static const char *level_cell(struct xctx *x, int i)
{
	const struct domain_score *ds = &x->s->domains[i];
	const char *now = xctx_level(x, ds->has_score, ds->level);
	if (!x->cmp)
		return now;
	const struct compare_figure *c = &x->cmp->domains[i];
	if (!c->has_old || (c->has_new && c->old_level == c->new_level))
		return now;
	return xctx_printf(x, "%s → %s", xctx_level(x, true, c->old_level), now);
}

static void domains(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	int nc = 5 + (x->cmp != NULL) + (x->o->peers != NULL);
	const char *head[7] = { _("Domain"), _("Score"), _("Level"), _("Target"), _("Gap to target") };
	bool numeric[7] = { false, true, false, false, true, true, false };
	int c = 5;
	if (x->cmp)
		head[c++] = _("Since last time");
	if (x->o->peers)
		head[c++] = x->o->peers->size_class ? _("Among comparable municipalities")
		                                    : _("Among other municipalities");
	const char **cells = doc_cells(d, s->ndomains * nc);
	if (!cells)
		return;
	for (int i = 0; i < s->ndomains; i++) {
		const struct domain_score *ds = &s->domains[i];
		const char **row = cells + i * nc;
		row[0] = xctx_domain_title(x, i);
		row[1] = xctx_score(x, ds->has_score, ds->score);
		row[2] = level_cell(x, i);
		row[3] = xctx_target(x, ds);
		row[4] = xctx_gap(x, ds);
		c = 5;
		if (x->cmp)
			row[c++] = xctx_delta(x, &x->cmp->domains[i]);
		if (x->o->peers)
			row[c++] = xctx_peer(x, i);
	}
	doc_section(d, "domains", _("Per domain"), false);
	doc_chart(d, DOC_BARS);
	doc_table(d, &(struct doc_table){ .caption = NULL, .ncols = nc, .nrows = s->ndomains,
	                                  .head = head, .numeric = numeric, .cells = cells });
	scorecard_ambitions(d);
	if (x->o->peers)
		scorecard_peer_explanation(d);
}

static void strengths(struct doc *d)
{
	struct xctx *x = d->x;
	struct doc_item it[XCTX_STRENGTHS];
	doc_section(d, "strengths", _("What goes well"), false);
	if (x->nstrengths == 0) {
		doc_para(d, _("No answer has reached its target yet."));
		return;
	}
	for (int i = 0; i < x->nstrengths; i++) {
		int qi = x->strengths[i];
		it[i] = (struct doc_item){ xctx_question_text(x, qi), xctx_answer(x, qi),
		                           xctx_domain_title(x, x->q->questions[qi].domain) };
	}
	doc_items(d, false, it, x->nstrengths);
}

static void appendix(struct doc *d)
{
	if (d->appendix)
		scorecard_appendix(d);
}

bool doc_build(struct doc *d, struct xctx *x, bool with_appendix)
{
	static void (*const parts[])(struct doc *) = {
		summary, scorecard_decision, scorecard_reading, domains, strengths, scorecard_priorities,
		scorecard_plan, scorecard_done, scorecard_changes, scorecard_group, scorecard_session, scorecard_coverage,
		scorecard_method, scorecard_glossary, appendix,
	};
	*d = (struct doc){ .x = x, .lang = x->q->langs[x->lang], .appendix = with_appendix,
	                   .author = xctx_respondent(x) };
	if (!doc_chart_describe(d)) {
		x->oom = true;
		return false;
	}
	header(d);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		parts[i](d);
	return !x->oom;
}
