/* `peil workshop`: deciding is an explicit act (issue 19, defects 2 and
 * 4). A level only proposed from the votes is not a decision until the
 * facilitator confirms it, and a decision while votes are missing and
 * hidden needs the same key twice. "Accept all agreed proposals" turns the
 * proposals on questions that are not contested into decisions in one
 * confirmed step, each marked `accepted` in the file. */
#include <stdlib.h>

#include "core/i18n.h"
#include "core/response_session.h"
#include "core/words.h"
#include "tui/workshop_screens.h"

static bool same(const struct pending *p, int qi, enum answer_status st, int level)
{
	return p->qi == qi && p->st == st && (st != ANSWER_LEVEL || p->level == level);
}

bool workshop_deciding(void *ctx, struct app *a, int qi, enum answer_status st, int level, bool highlighted)
{
	struct workshop *w = ctx;
	const struct answer *ans = response_answer(a->s->r, qi);
	if (same(&w->pending, qi, st, level)) {
		w->pending.qi = -1;
		return true;
	}
	char what[160];
	words_answer(what, sizeof what, a->s->q, st, level, a->s->lang, 0);
	/* Enter on the highlighted proposal must not decide silently (defect
	 * 2); typing its number, or clicking it, is an explicit choice. */
	bool proposed = highlighted && ans->proposal && ans->status == st && (st != ANSWER_LEVEL || ans->level == level);
	int N = w->o->participants, n = N > 0 ? workshop_room_votes(w, a, qi) : 0;
	bool blind = N > 0 && n < N && !workshop_revealed(w, a, qi);
	if (blind)
		app_message(a, true, _("Only %d of %d voted, still hidden. Decide %s anyway? Same key again: yes."),
		            n, N, what);
	else if (proposed)
		app_message(a, true, _("%s is only proposed. Decide it? Same key again: yes."), what);
	else
		return true;
	w->pending = (struct pending){ qi, st, level };
	return false;
}

/* The proposals that `A` would accept: on a question not contested, where
 * not many said they don't know. */
static int agreed_proposals(const struct workshop *w, const struct app *a, bool apply)
{
	const struct questionnaire *q = a->s->q;
	int n = 0;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct answer *ans = response_answer(a->s->r, qi);
		char flag[128];
		/* Contested, or many don't know: for the room to discuss. */
		if (!ans->proposal || response_hidden(a->s->r, qi) || !workshop_revealed(w, a, qi) ||
		    workshop_contested(w, a, qi) || workshop_unknown_flag(w, a, qi, flag, sizeof flag))
			continue;
		n++;
		if (!apply)
			continue;
		enum answer_status st = ans->status;
		bool ok = st == ANSWER_LEVEL ? response_set_level(a->s->r, qi, ans->level)
		                             : response_set_status(a->s->r, qi, st);
		if (ok)
			response_set_accepted(a->s->r, qi, true);
	}
	return n;
}

int workshop_accept_agreed(struct workshop *w, struct app *a)
{
	int n = agreed_proposals(w, a, false);
	if (n == 0) {
		w->accept_asked = false;
		app_message(a, false, "%s", _("No proposal on a question that is not contested is left to accept."));
		return TUI_HANDLED;
	}
	if (!w->accept_asked) {
		w->accept_asked = true;
		app_message(a, true, ngettext("Accept %d proposal on a question that is not contested as the group's "
		                              "answer? Press A again; another key cancels.",
		                              "Accept %d proposals on questions that are not contested as the group's "
		                              "answers? Press A again; another key cancels.", (unsigned long)n), n);
		return TUI_HANDLED;
	}
	w->accept_asked = false;
	agreed_proposals(w, a, true);
	app_message(a, false, ngettext("%d proposal accepted; the file marks it as accepted in one step.",
	                               "%d proposals accepted; the file marks them as accepted in one step.",
	                               (unsigned long)n), n);
	return TUI_HANDLED | TUI_CHANGED;
}
