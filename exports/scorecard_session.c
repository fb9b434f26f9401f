/* The session summary for the group (issue 19): who took part, per
 * question the decision and its reason, where the group departed from the
 * median of its votes, the rounds, and the actions proposed during the
 * session. A section of the document model, so every format (md, html,
 * pdf, odt) carries it, worded in the export's language from the facts the
 * session file keeps (core/response_session.h). Only for a workshop's
 * session file. */
#include <math.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/response_plan.h"
#include "core/response_session.h"
#include "core/words.h"
#include "exports/doc.h"

static bool decided(const struct xctx *x, int qi)
{
	const struct answer *a = response_answer(x->r, qi);
	return a->status != ANSWER_OPEN && !a->proposal && !response_hidden(x->r, qi);
}

/* The facts: what kind of session, when, how long, how far it came. */
static void session_facts(struct doc *d, const struct session_facts *f)
{
	struct xctx *x = d->x;
	int ndecided = 0, accepted = 0, visible = 0;
	for (int qi = 0; qi < x->q->nquestions; qi++) {
		visible += !response_hidden(x->r, qi);
		ndecided += decided(x, qi);
		accepted += decided(x, qi) && response_answer(x->r, qi)->accepted;
	}
	char words[200], t[NUM_LEN], plan[NUM_LEN];
	struct doc_fact fa[4];
	int n = 0;
	fa[n++] = (struct doc_fact){ _("Session"), xctx_printf(x, "%s", response_session_words(words, sizeof words, x->r)) };
	fa[n++] = (struct doc_fact){ _("Date"), xctx_date(x, response_date(x->r)) };
	if (f->seconds > 0 || f->minutes > 0)
		fa[n++] = (struct doc_fact){ _("Time taken"),
			f->minutes > 0 ? xctx_printf(x, _("%s (planned: %s)"), num_duration(t, f->seconds),
			                             num_duration(plan, (long)f->minutes * 60))
			               : xctx_printf(x, "%s", num_duration(t, f->seconds)) };
	const char *dec = xctx_printf(x, ngettext("%d of %d question", "%d of %d questions", (unsigned long)visible),
	                              ndecided, visible);
	if (accepted)
		dec = xctx_printf(x, ngettext("%s, %d of them accepted in one step as an agreed proposal",
		                              "%s, %d of them accepted in one step as agreed proposals",
		                              (unsigned long)accepted), dec, accepted);
	fa[n++] = (struct doc_fact){ _("Decided"), dec };
	doc_facts(d, fa, n);
}

static void people(struct doc *d, const struct session_facts *f)
{
	struct xctx *x = d->x;
	if (f->npeople == 0) {
		if (f->kind == SESSION_REVIEW)
			doc_para(d, _("The participants are not named: the session kept their names out."));
		return;
	}
	struct doc_item *it = arena_alloc(x->arena, (size_t)f->npeople * sizeof(*it));
	if (!it) {
		x->oom = true;
		return;
	}
	for (int i = 0; i < f->npeople; i++)
		it[i] = (struct doc_item){ f->people[i].name, f->people[i].role ? f->people[i].role : "", NULL };
	doc_heading(d, 3, _("Who took part"));
	doc_items(d, false, it, f->npeople);
}

/* The median of the votes in words ("2.5"), or "—" without votes. */
static const char *median(struct xctx *x, int qi)
{
	char buf[NUM_LEN];
	const struct group_question *g = x->votes ? &x->votes[qi] : NULL;
	return g && g->has_stats ? xctx_printf(x, "%s", num_median(buf, x->nlang, true, g->median)) : "—";
}

static void decisions(struct doc *d)
{
	struct xctx *x = d->x;
	int nq = x->q->nquestions, rows = 0;
	for (int qi = 0; qi < nq; qi++)
		rows += decided(x, qi);
	if (rows == 0) {
		doc_para(d, _("No question was decided in this session yet."));
		return;
	}
	enum { NC = 5 };
	static const bool numeric[NC] = { true, false, false, true, false };
	const char *head[NC] = { _("No."), _("Question"), _("Decision"), _("Median of the votes"), _("Reason") };
	const char **cells = doc_cells(d, rows * NC);
	if (!cells)
		return;
	int r = 0;
	for (int qi = 0; qi < nq; qi++) {
		if (!decided(x, qi))
			continue;
		const struct answer *a = response_answer(x->r, qi);
		const char **c = cells + r++ * NC;
		c[0] = xctx_printf(x, "%d", qi + 1);
		c[1] = xctx_question_text(x, qi);
		c[2] = a->accepted ? xctx_printf(x, _("%s (accepted as agreed)"), xctx_group_answer(x, qi))
		                   : xctx_group_answer(x, qi);
		c[3] = median(x, qi);
		c[4] = a->note ? a->note : "";
	}
	doc_heading(d, 3, _("What the group decided"));
	doc_table(d, &(struct doc_table){ .ncols = NC, .nrows = rows, .head = head, .numeric = numeric,
	                                      .cells = cells });
}

/* A level more than half a level from the median: not the middle vote
 * (nor one of the two middle votes). */
static void departures(struct doc *d)
{
	struct xctx *x = d->x;
	int nq = x->q->nquestions, n = 0;
	struct doc_item *it = x->votes ? doc_array(d, nq, sizeof(*it)) : NULL;
	if (!it)
		return;
	for (int qi = 0; qi < nq; qi++) {
		const struct answer *a = response_answer(x->r, qi);
		const struct group_question *g = &x->votes[qi];
		if (!decided(x, qi) || a->status != ANSWER_LEVEL || !g->has_stats || fabs(a->level - g->median) <= 0.5)
			continue;
		it[n++] = (struct doc_item){ xctx_question_text(x, qi),
			xctx_printf(x, _("decided %s; the median of the votes was %s."), xctx_level(x, true, a->level),
			            median(x, qi)), a->note };
	}
	if (n == 0)
		return;
	doc_heading(d, 3, _("Where the group departed from the median"));
	doc_items(d, false, it, n);
}

static const char *round_words(struct xctx *x, const int *votes, int na, int unknown)
{
	struct group_question g;
	char cons[NUM_LEN];
	const char *s = "";
	for (int l = 0; l < x->q->nlevels; l++)
		if (votes[l])
			s = xctx_printf(x, "%s%s%d: %d", s, *s ? ", " : "", x->q->levels[l].value, votes[l]);
	if (na || unknown)
		s = xctx_printf(x, _("%s; not applicable %d, don't know %d"), s, na, unknown);
	group_question_stats(x->q, votes, &g);
	if (g.has_stats)
		s = xctx_printf(x, _("%s (consensus %s)"), s, num_stat(cons, x->nlang, true, g.consensus));
	return s;
}

static void rounds(struct doc *d)
{
	struct xctx *x = d->x;
	int nq = x->q->nquestions, n = 0;
	struct doc_item *it = doc_array(d, nq, sizeof(*it));
	if (!it)
		return;
	for (int qi = 0; qi < nq; qi++) {
		const struct answer *a = response_answer(x->r, qi);
		if (a->nrounds == 0)
			continue;
		const char *s = "";
		for (int r = 0; r < a->nrounds; r++)
			s = xctx_printf(x, _("%sround %d: %s; "), s, r + 1,
			                round_words(x, a->rounds[r].votes, a->rounds[r].na, a->rounds[r].unknown));
		if (a->votes)
			s = xctx_printf(x, _("%sround %d: %s."), s, a->nrounds + 1,
			                round_words(x, a->votes, a->votes_na, a->votes_unknown));
		it[n++] = (struct doc_item){ xctx_question_text(x, qi), s, NULL };
	}
	if (n == 0)
		return;
	doc_heading(d, 3, _("Rounds"));
	doc_para(d, _("Where the group voted again after discussing, every round's votes:"));
	doc_items(d, false, it, n);
}

static void proposed_actions(struct doc *d)
{
	struct xctx *x = d->x;
	int na = response_nactions(x->r), n = 0;
	struct doc_item *it = doc_array(d, na, sizeof(*it));
	if (!it)
		return;
	for (int i = 0; i < na; i++) {
		const struct action *a = response_action(x->r, i);
		if (!a->proposal)
			continue;
		const char *qs = "";
		for (int k = 0; k < a->nquestions; k++)
			qs = xctx_printf(x, "%s%s%s", qs, k ? "; " : "", xctx_question_text(x, a->questions[k]));
		const char *who = a->owner ? xctx_printf(x, _("owner: %s"), a->owner) : NULL;
		it[n++] = (struct doc_item){ a->title, qs, who };
	}
	if (n == 0)
		return;
	doc_heading(d, 3, _("Actions proposed during the session"));
	doc_items(d, false, it, n);
}

void scorecard_session(struct doc *d)
{
	struct xctx *x = d->x;
	const struct session_facts *f = response_session(x->r);
	if (f->kind != SESSION_REVIEW && f->kind != SESSION_LIVE)
		return;
	doc_section(d, "session", _("The session"), false);
	session_facts(d, f);
	people(d, f);
	decisions(d);
	departures(d);
	rounds(d);
	proposed_actions(d);
}
