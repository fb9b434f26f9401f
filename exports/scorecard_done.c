/* The scorecard's "done since last time": which actions of last year's
 * plan were done, and whether the questions they named went up. Without a
 * baseline, the actions this file marks as done. */
#include "core/i18n.h"
#include "core/mem.h"
#include "core/response_plan.h"
#include "exports/doc.h"
#include "scoring/plan.h"

/* "Text: 2 → 3 (up)" per question; without a baseline "Text: now 3". */
static const char *effect_cell(struct xctx *x, const struct action *a)
{
	const struct response *b = x->o->baseline;
	const char *s = "";
	for (int i = 0; i < a->nquestions; i++) {
		int qi = a->questions[i], then, now;
		const char *effect;
		if (plan_levels(b, x->r, qi, &then, &now))
			effect = xctx_printf(x, "%d → %d (%s)", then, now,
			                     now > then ? _("up") : now < then ? _("down") : _("unchanged"));
		else if (response_answer(x->r, qi)->status == ANSWER_LEVEL)
			effect = xctx_printf(x, _("now %d"), response_answer(x->r, qi)->level);
		else
			effect = xctx_status_word(x, qi);
		s = xctx_printf(x, "%s%s%s: %s", s, i ? "; " : "", xctx_question_text(x, qi), effect);
	}
	return s;
}

/* "Of the 6 actions planned last time, 3 are done, 2 still open, 1 dropped." */
static void tally(struct doc *d, const struct followup *f, int n)
{
	struct xctx *x = d->x;
	int planned = 0, done = 0, open = 0, dropped = 0, gone = 0;
	for (int i = 0; i < n; i++) {
		if (f[i].old_index < 0)
			continue;
		planned++;
		done += f[i].status == ACTION_DONE;
		dropped += f[i].status == ACTION_DROPPED;
		gone += f[i].gone;
		open += !f[i].gone && action_is_open(&(struct action){ .status = f[i].status });
	}
	if (planned == 0)
		return;
	const char *s = xctx_printf(x, ngettext("Of the %d action planned last time, %d is done, %d still open "
	                                        "and %d dropped.",
	                                        "Of the %d actions planned last time, %d are done, %d still open "
	                                        "and %d dropped.", (unsigned long)planned),
	                            planned, done, open, dropped);
	if (gone > 0)
		s = xctx_printf(x, ngettext("%s %d open action is no longer in the plan.",
		                            "%s %d open actions are no longer in the plan.", (unsigned long)gone), s, gone);
	doc_para(d, s);
}

void scorecard_done(struct doc *d)
{
	struct xctx *x = d->x;
	const struct response *b = x->o->baseline;
	struct followup *f;
	int n = plan_followup(b, x->r, &f), ndone = 0;
	if (n < 0) {
		x->oom = true;
		return;
	}
	for (int i = 0; i < n; i++)
		ndone += f[i].status == ACTION_DONE;
	const char **cells = ndone > 0 ? doc_cells(d, ndone * 3) : NULL;
	if (n == 0 || (ndone > 0 && !cells)) {
		mem_free(f);
		return;
	}
	doc_section(d, "done", _("Done since last time"), false);
	tally(d, f, n);
	if (ndone == 0)
		doc_para(d, _("No action of the plan is done yet."));
	const char *head[3] = { _("Action"), _("Owner"), b ? _("Its questions: level then → now") : _("Its questions") };
	bool numeric[3] = { false, false, false };
	for (int i = 0, row = 0; i < n; i++) {
		if (f[i].status != ACTION_DONE)
			continue;
		const struct action *a = f[i].new_index >= 0 ? response_action(x->r, f[i].new_index)
		                                             : response_action(b, f[i].old_index);
		cells[row * 3] = a->title;
		cells[row * 3 + 1] = a->owner ? a->owner : "—";
		cells[row * 3 + 2] = effect_cell(x, a);
		row++;
	}
	if (ndone > 0)
		doc_table(d, &(struct doc_table){ .ncols = 3, .nrows = ndone, .head = head,
		                                  .numeric = numeric, .cells = cells });
	if (!b && ndone > 0)
		doc_note(d, _("Export with --baseline and last year's file to see whether these questions went up."));
	mem_free(f);
}
