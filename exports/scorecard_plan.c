/* The scorecard's sections that come from the improvement plan (issue 15),
 * in the order of scorecard.c's `parts` table: what the council is asked
 * to decide (right after the summary), the plan (after the priorities) and
 * what was done since last time (before the changes). Each adds its
 * section only when it has something to say. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/response_plan.h"
#include "exports/doc.h"
#include "scoring/plan.h"

/* "€ 15,000" or "€ 15.000"; cents only when there are. */
static const char *euros(struct xctx *x, double v)
{
	char buf[NUM_LEN];
	return xctx_printf(x, "€ %s", num_grouped(buf, x->nlang, v, v == (double)(long)v ? 0 : 2));
}

static const char *hours(struct xctx *x, double v)
{
	char buf[NUM_LEN];
	return xctx_printf(x, "%s", num_grouped(buf, x->nlang, v, v == (double)(long)v ? 0 : 1));
}

/* The plan's view for today, or NULL (x->oom set) when memory runs out. */
static struct plan_view *view(struct xctx *x)
{
	char today[11];
	plan_today(today);
	struct plan_view *v = plan_compute(x->r, x->s, today);
	if (!v)
		x->oom = true;
	return v;
}

/* The target, marked when it is the organisation's own and when it moved
 * since the baseline: "4 Advanced — raised from 3; own target". */
static const char *target_cell(struct xctx *x, int d)
{
	const struct domain_score *ds = &x->s->domains[d];
	const struct qn_domain *qd = &x->q->domains[d];
	const char *s = xctx_target(x, ds);
	int own, before;
	const struct response *b = x->o->baseline;
	bool had = b && response_target(b, d, &before);
	if (b && ds->has_target && !had)
		s = xctx_printf(x, _("%s — new"), s);
	else if (b && ds->has_target && before != ds->target)
		s = xctx_printf(x, before < ds->target ? _("%s — raised from %d") : _("%s — lowered from %d"), s, before);
	else if (b && !ds->has_target && had)
		s = xctx_printf(x, _("none — was %d"), before);
	if (response_own_target(x->r, d, &own) && (!qd->has_target || own != qd->target))
		s = xctx_printf(x, _("%s (own target)"), s);
	return s;
}

static void targets_table(struct doc *d)
{
	struct xctx *x = d->x;
	const char *head[4] = { _("Domain"), _("Target"), _("Score now"), _("Gap") };
	bool numeric[4] = { false, false, true, false };
	int n = x->s->ndomains;
	const char **cells = doc_cells(d, n * 4);
	if (!cells)
		return;
	for (int i = 0; i < n; i++) {
		const struct domain_score *ds = &x->s->domains[i];
		const char **row = cells + i * 4;
		row[0] = xctx_domain_title(x, i);
		row[1] = target_cell(x, i);
		row[2] = xctx_score(x, ds->has_score, ds->score);
		row[3] = xctx_gap(x, ds);
	}
	doc_table(d, &(struct doc_table){ .ncols = 4, .nrows = n, .head = head, .numeric = numeric, .cells = cells });
}

static const char *decided_words(struct xctx *x)
{
	const struct decision *dec = response_targets_decided(x->r);
	if (!dec)
		return _("not recorded");
	const char *s = dec->by ? dec->by : _("not recorded who");
	if (dec->date[0])
		s = xctx_printf(x, _("%s, on %s"), s, xctx_date(x, dec->date));
	if (dec->reference)
		s = xctx_printf(x, "%s (%s)", s, dec->reference);
	return s;
}

static const char *plan_words(struct xctx *x, const struct plan_view *v)
{
	if (v->nactions == 0)
		return _("no actions yet");
	return xctx_printf(x, ngettext("%d action, %d open; %s and %s staff hours (dropped actions not counted)",
	                               "%d actions, %d open; %s and %s staff hours (dropped actions not counted)",
	                               (unsigned long)v->nactions),
	                   v->nactions, v->nopen, euros(x, v->cost), hours(x, v->hours));
}

/* The priorities no action covers: the choices left open. */
static void uncovered(struct doc *d, const struct plan_view *v)
{
	struct xctx *x = d->x;
	struct doc_item it[XCTX_PRIORITIES];
	int n = v->nuncovered < XCTX_PRIORITIES ? v->nuncovered : XCTX_PRIORITIES;
	if (n == 0)
		return;
	doc_heading(d, 3, _("Priorities without an action"));
	for (int i = 0; i < n; i++) {
		int qi = v->uncovered[i];
		it[i] = (struct doc_item){ xctx_domain_title(x, x->q->questions[qi].domain),
		                           xctx_question_text(x, qi),
		                           xctx_council_advice(x, qi, response_answer(x->r, qi)->level) };
	}
	doc_items(d, true, it, n);
	if (v->nuncovered > n)
		doc_para(d, xctx_printf(x, ngettext("… and %d more.", "… and %d more.",
		                                    (unsigned long)(v->nuncovered - n)), v->nuncovered - n));
}

void scorecard_decision(struct doc *d)
{
	struct xctx *x = d->x;
	bool any_target = false;
	for (int i = 0; i < x->s->ndomains; i++)
		any_target |= x->s->domains[i].has_target;
	if (!any_target && response_nactions(x->r) == 0)
		return;
	struct plan_view *v = view(x);
	if (!v)
		return;
	doc_section(d, "decision", _("What the council is asked to decide"), false);
	if (v->nactions > 0)
		doc_para(d, _("The council is asked to adopt the targets per domain and to make the cost and the "
		              "staff hours of the improvement plan available. Priorities without an action are "
		              "choices still open: take them up, or accept the gap for now."));
	else
		doc_para(d, _("The council is asked to adopt the targets per domain. There is no improvement plan "
		              "yet: no priority has an action with an owner, a date and a cost."));
	targets_table(d);
	struct doc_fact f[4];
	int n = 0;
	f[n++] = (struct doc_fact){ _("Targets set by"), decided_words(x) };
	f[n++] = (struct doc_fact){ _("The plan"), plan_words(x, v) };
	if (v->noverdue > 0)
		f[n++] = (struct doc_fact){ _("Overdue"),
			xctx_printf(x, ngettext("%d action is past its due date", "%d actions are past their due date",
			                        (unsigned long)v->noverdue), v->noverdue) };
	f[n++] = (struct doc_fact){ _("Priorities without an action"),
		xctx_printf(x, _("%d of %d"), v->nuncovered, x->s->npriorities) };
	doc_facts(d, f, n);
	if (v->nactions > 0)            /* without a plan, the priorities section lists them all */
		uncovered(d, v);
	plan_view_free(v);
}

/* "Text A; Text B": the questions an action improves. */
static const char *questions_cell(struct xctx *x, const struct action *a)
{
	const char *s = "";
	for (int i = 0; i < a->nquestions; i++)
		s = xctx_printf(x, "%s%s%s", s, i ? "; " : "", xctx_question_text(x, a->questions[i]));
	return s;
}

static const char *status_cell(struct xctx *x, const struct action *a, bool overdue)
{
	const char *s = action_status_words(a->status);
	if (overdue)
		s = xctx_printf(x, _("%s, overdue"), s);
	if (a->carried_over)
		s = xctx_printf(x, _("%s (carried over, to confirm)"), s);
	if (a->proposal)
		s = xctx_printf(x, _("%s (proposed in the workshop)"), s);
	return s;
}

void scorecard_plan(struct doc *d)
{
	struct xctx *x = d->x;
	enum { NC = 7 };
	if (response_nactions(x->r) == 0)
		return;
	struct plan_view *v = view(x);
	const char **cells = v ? doc_cells(d, (v->nactions + 1) * NC) : NULL;
	if (!cells) {
		plan_view_free(v);
		return;
	}
	const char *head[NC] = { _("Action"), _("Improves"), _("Owner"), _("Due"), _("Status"), _("Cost"), _("Hours") };
	bool numeric[NC] = { false, false, false, false, false, true, true };
	for (int k = 0; k < v->nactions; k++) {
		const struct action *a = response_action(x->r, v->order[k]);
		const char **row = cells + k * NC;
		row[0] = a->title;
		row[1] = questions_cell(x, a);
		row[2] = a->owner ? a->owner : "—";
		row[3] = a->due[0] ? xctx_date(x, a->due) : "—";
		row[4] = status_cell(x, a, v->overdue[v->order[k]]);
		row[5] = a->has_cost ? euros(x, a->cost) : "—";
		row[6] = a->has_hours ? hours(x, a->hours) : "—";
	}
	const char **total = cells + v->nactions * NC;
	total[0] = _("Total (dropped actions not counted)");
	total[5] = euros(x, v->cost);
	total[6] = hours(x, v->hours);
	doc_section(d, "plan", _("The improvement plan"), false);
	doc_para(d, _("What the organisation commits to, by whom and by when, with what it costs in euros "
	              "and in staff hours, by due date."));
	doc_table(d, &(struct doc_table){ .ncols = NC, .nrows = v->nactions + 1, .head = head,
	                                  .numeric = numeric, .cells = cells });
	plan_view_free(v);
}
