/* What the scorecard says, in which order (Markdown and HTML alike). The
 * readers are a council and a college: plain words, figures explained. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "exports/doc.h"
#include "exports/xfmt.h"

static const char **cells_new(struct xctx *x, int n)
{
	const char **c = arena_alloc(x->arena, (size_t)(n ? n : 1) * sizeof(*c));
	if (!c) {
		x->oom = true;
		return NULL;
	}
	for (int i = 0; i < n; i++)
		c[i] = "";
	return c;
}

static void header(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	d->ops->begin(d, response_organisation(x->r),
	              xctx_printf(x, _("Scorecard: %s"), xctx_tr(x, &x->q->title)));
	struct doc_fact f[7];
	int n = 0;
	f[n++] = (struct doc_fact){ _("Organisation"), response_organisation(x->r) };
	f[n++] = (struct doc_fact){ _("Date"), xctx_date(x, response_date(x->r)) };
	f[n++] = (struct doc_fact){ _("Questionnaire"),
		xctx_printf(x, _("%s, version %s"), xctx_tr(x, &x->q->title), x->q->version) };
	f[n++] = (struct doc_fact){ _("Answered by"), xctx_respondent(x) };
	f[n++] = (struct doc_fact){ _("Progress"),
		xctx_printf(x, _("%ld%% — %d of %d questions answered (%d not applicable, %d don't know)"),
		            xfmt_round(s->progress * 100), s->answered + s->na + s->unknown, s->total - s->hidden,
		            s->na, s->unknown) };
	if (x->o->baseline)
		f[n++] = (struct doc_fact){ _("Compared with"),
			xctx_printf(x, _("the assessment of %s"), xctx_date(x, response_date(x->o->baseline))) };
	if (x->o->peers) {
		const struct export_peers *p = x->o->peers;
		f[n++] = (struct doc_fact){ _("Peers"), p->size_class
			? xctx_printf(x, _("%d municipalities of the same size (%s inhabitants)"), p->npeers, p->size_class)
			: xctx_printf(x, _("%d municipalities"), p->npeers) };
	}
	d->ops->facts(d, f, n);
}

static void overall_change(struct doc *d)
{
	struct xctx *x = d->x;
	const struct compare_figure *c = &x->cmp->overall;
	const char *date = xctx_date(x, response_date(x->o->baseline));
	if (!c->has_old || !c->has_new)
		return;
	int dir = compare_direction(c->delta);
	char num[32];
	xfmt_number(num, sizeof num, dir < 0 ? -c->delta : c->delta, 2, x->comma);
	const char *from = xctx_score(x, true, c->old_score), *to = xctx_score(x, true, c->new_score);
	if (dir > 0)
		d->ops->para(d, xctx_printf(x, _("Since %s the overall score went up by %s, from %s to %s."),
		                            date, num, from, to));
	else if (dir < 0)
		d->ops->para(d, xctx_printf(x, _("Since %s the overall score went down by %s, from %s to %s."),
		                            date, num, from, to));
	else
		d->ops->para(d, xctx_printf(x, _("Since %s the overall score stayed the same (%s)."), date, to));
}

static void summary(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	const struct questionnaire *q = x->q;
	d->ops->section(d, "summary", _("In short"), false);
	if (!s->has_overall) {
		d->ops->para(d, _("There is no score yet: no question has been answered with a level."));
	} else {
		int li = qn_level_index(q, s->overall_level);
		d->ops->para(d, xctx_printf(x, _("Overall level: %s (score %s on a scale from %d to %d)."),
		                            xctx_level(x, true, s->overall_level), xctx_score(x, true, s->overall),
		                            q->levels[0].value, q->levels[q->nlevels - 1].value));
		const char *desc = qn_tr(q, &q->levels[li].description, x->lang);
		if (desc)
			d->ops->para(d, desc);
	}
	if (x->cmp)
		overall_change(d);
	int targets = 0, reached = 0;
	for (int i = 0; i < s->ndomains; i++) {
		const struct domain_score *ds = &s->domains[i];
		if (ds->has_target && ds->has_score) {
			targets++;
			reached += ds->gap < 0.005;
		}
	}
	if (targets)
		d->ops->para(d, xctx_printf(x, ngettext("Target reached in %d of %d domain.",
		                                        "Target reached in %d of %d domains.",
		                                        (unsigned long)targets), reached, targets));
	if (d->ops->chart)
		d->ops->chart(d, DOC_RADAR);
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
		head[c++] = _("Among peers");
	const char **cells = cells_new(x, s->ndomains * nc);
	if (!cells)
		return;
	for (int i = 0; i < s->ndomains; i++) {
		const struct domain_score *ds = &s->domains[i];
		const char **row = cells + i * nc;
		row[0] = xctx_domain_title(x, i);
		row[1] = xctx_score(x, ds->has_score, ds->score);
		row[2] = xctx_level(x, ds->has_score, ds->level);
		row[3] = xctx_target(x, ds);
		row[4] = xctx_gap(x, ds);
		c = 5;
		if (x->cmp)
			row[c++] = xctx_delta(x, &x->cmp->domains[i]);
		if (x->o->peers)
			row[c++] = xctx_peer(x, i);
	}
	d->ops->section(d, "domains", _("Per domain"), true);
	if (d->ops->chart)
		d->ops->chart(d, DOC_BARS);
	d->ops->table(d, &(struct doc_table){ .caption = NULL, .ncols = nc, .nrows = s->ndomains,
	                                      .head = head, .numeric = numeric, .cells = cells });
	d->ops->para(d, _("The score is the average level of the answers in a domain. The gap is how far "
	                  "the score still is from the target the organisation set itself."));
	if (x->o->peers)
		d->ops->para(d, _("Among peers: the share of peer municipalities that score lower (percentile "
		                  "62: higher than 62 in 100), and the middle score of the peers (median)."));
}

static void strengths(struct doc *d)
{
	struct xctx *x = d->x;
	struct doc_item it[XCTX_STRENGTHS];
	d->ops->section(d, "strengths", _("What goes well"), false);
	if (x->nstrengths == 0) {
		d->ops->para(d, _("No answer has reached its target yet."));
		return;
	}
	for (int i = 0; i < x->nstrengths; i++) {
		int qi = x->strengths[i];
		it[i] = (struct doc_item){ xctx_question_text(x, qi), xctx_answer(x, qi),
		                           xctx_domain_title(x, x->q->questions[qi].domain) };
	}
	d->ops->items(d, false, it, x->nstrengths);
}

static void priorities(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	struct doc_item it[XCTX_PRIORITIES];
	int n = s->npriorities < XCTX_PRIORITIES ? s->npriorities : XCTX_PRIORITIES;
	d->ops->section(d, "priorities", _("Priorities"), false);
	if (n == 0) {
		d->ops->para(d, _("No answer is below its target: there are no priorities."));
		return;
	}
	d->ops->para(d, _("The questions furthest below their target, the most important first, "
	                  "with the next step to take."));
	for (int i = 0; i < n; i++) {
		const struct priority *p = &s->priorities[i];
		const struct qn_question *qu = &x->q->questions[p->question];
		const char *advice = qn_tr(x->q, &qu->answers[qn_level_index(x->q, p->level)].advice, x->lang);
		it[i] = (struct doc_item){
			xctx_question_text(x, p->question),
			xctx_printf(x, _("%s: now %s, target %s."), xctx_domain_title(x, p->domain),
			            xctx_level(x, true, p->level), xctx_level(x, true, p->target)),
			advice ? xctx_printf(x, _("Next step: %s"), advice) : NULL,
		};
	}
	d->ops->items(d, true, it, n);
	if (s->npriorities > n)
		d->ops->para(d, xctx_printf(x, ngettext("There is %d more question below its target; see the appendix.",
		                                        "There are %d more questions below their target; see the appendix.",
		                                        (unsigned long)(s->npriorities - n)), s->npriorities - n));
}

static void coverage(struct doc *d)
{
	struct xctx *x = d->x;
	const struct scorecard *s = x->s;
	const char *head[6] = { _("Domain"), _("Answered"), _("Not applicable"), _("Don't know"),
	                        _("Open"), _("Questions") };
	bool numeric[6] = { false, true, true, true, true, true };
	const char **cells = cells_new(x, (s->ndomains + 1) * 6);
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
	d->ops->section(d, "coverage", _("How complete the answers are"), false);
	d->ops->table(d, &(struct doc_table){ .ncols = 6, .nrows = s->ndomains + 1, .head = head,
	                                      .numeric = numeric, .cells = cells });
	d->ops->para(d, _("Questions answered with \"not applicable\" or \"don't know\", and open questions, "
	                  "do not count in the scores. The more of them a domain has, the less its score says."));
}

void scorecard_write(struct doc *d)
{
	header(d);
	summary(d);
	domains(d);
	strengths(d);
	priorities(d);
	coverage(d);
	scorecard_group(d);
	scorecard_changes(d);
	scorecard_method(d);
	scorecard_appendix(d);
	d->ops->end(d);
}
