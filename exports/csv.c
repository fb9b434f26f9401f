/* The answers as CSV: one row per question, a header row, UTF-8, RFC 4180
 * quoting with CRLF line ends. Cells that a spreadsheet would run as a
 * formula get a leading apostrophe, so a note cannot become a formula. */
#include <string.h>

#include "core/i18n.h"
#include "exports/plan_out.h"
#include "exports/xctx.h"

void csv_cell(FILE *f, const char *s, char sep, bool first)
{
	if (!first)
		fputc(sep, f);
	if (!s)
		return;
	bool formula = *s && strchr("=+-@\t\r", *s);
	bool quote = formula || strpbrk(s, "\"\r\n") || strchr(s, sep);
	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	while (*s) {
		unsigned long cp;
		s += xs_next(s, &cp);
		if (cp == '"')
			fputs("\"\"", f);
		else
			xs_put(f, cp);
	}
	if (quote)
		fputc('"', f);
}

static void number_cell(FILE *f, bool has, int v, char sep)
{
	fputc(sep, f);
	if (has)
		fprintf(f, "%d", v);
}

static void row(FILE *f, struct xctx *x, int qi, char sep)
{
	const struct qn_question *qu = &x->q->questions[qi];
	const struct answer *a = response_answer(x->r, qi);
	const struct domain_score *ds = &x->s->domains[qu->domain];
	bool level = a->status == ANSWER_LEVEL && !response_hidden(x->r, qi);
	csv_cell(f, xctx_domain_title(x, qu->domain), sep, true);
	csv_cell(f, qu->id, sep, false);
	csv_cell(f, xctx_question_text(x, qi), sep, false);
	number_cell(f, level, a->level, sep);
	csv_cell(f, level ? qn_level_label(x->q, a->level, x->lang) : "", sep, false);
	csv_cell(f, xctx_status_word(x, qi), sep, false);
	number_cell(f, ds->has_target, ds->target, sep);
	csv_cell(f, a->note, sep, false);
	csv_cell(f, xctx_join(x, (const char *const *)a->evidence, a->nevidence, "\n"), sep, false);
	/* the levels still to go to the target, and the advice for the level given */
	number_cell(f, level && ds->has_target, level && a->level < ds->target ? ds->target - a->level : 0, sep);
	csv_cell(f, xctx_next_step(x, qi), sep, false);
	if (x->o->baseline) {
		/* last time's level and the change in levels, as compare counts them */
		enum answer_status was = compare_status(x->o->baseline, qi);
		int old = response_answer(x->o->baseline, qi)->level;
		number_cell(f, was == ANSWER_LEVEL, old, sep);
		number_cell(f, was == ANSWER_LEVEL && level, a->level - old, sep);
	}
	fputs("\r\n", f);
}

/* The improvement plan, when there is one, as a second table after one
 * empty line: the same rows as `peil plan --format csv`. */
static bool plan_section(FILE *f, struct xctx *x, char sep)
{
	char today[11];
	if (response_nactions(x->r) == 0)
		return true;
	plan_today(today);
	struct plan_view *v = plan_compute(x->r, x->s, today);
	if (!v)
		return false;
	fputs("\r\n", f);
	plan_csv_write(f, x->r, v, sep);
	plan_view_free(v);
	return true;
}

static void figure_cell(FILE *f, bool has, double v, char sep)
{
	fputc(sep, f);
	if (has)
		fprintf(f, "%.15g", v);
}

/* With --peers: a table of the domains after an empty line, so that the
 * peer figures reach the spreadsheet too (issue 20, defect 5). */
static void peers_section(FILE *f, struct xctx *x, char sep)
{
	const struct export_peers *p = x->o->peers;
	if (!p)
		return;
	const char *head[] = { _("Domain"), _("Domain code"), _("Score"), _("Peers with a score"), _("Percentile"),
	                       _("Peers P25"), _("Peers median"), _("Peers P75") };
	fputs("\r\n", f);
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(f, head[i], sep, i == 0);
	fputs("\r\n", f);
	for (int d = 0; d < x->q->ndomains; d++) {
		const struct export_peer_domain *pd = &p->domains[d];
		const struct domain_score *ds = &x->s->domains[d];
		csv_cell(f, xctx_domain_title(x, d), sep, true);
		csv_cell(f, x->q->domains[d].id, sep, false);
		figure_cell(f, ds->has_score, ds->score, sep);
		fprintf(f, "%c%d", sep, pd->n);
		figure_cell(f, pd->has_percentile, pd->percentile, sep);
		figure_cell(f, pd->has, pd->p25, sep);
		figure_cell(f, pd->has, pd->median, sep);
		figure_cell(f, pd->has, pd->p75, sep);
		fputs("\r\n", f);
	}
}

bool csv_write(struct xctx *x, FILE *f)
{
	char sep = x->o->csv_sep ? x->o->csv_sep : ',';
	const char *head[] = { _("Domain"), _("Question code"), _("Question"), _("Level"), _("Level name"),
	                       _("Status"), _("Target"), _("Note"), _("Evidence"), _("Levels to target"),
	                       _("Next step"), _("Level last time"), _("Change in levels") };
	size_t ncols = sizeof head / sizeof *head - (x->o->baseline ? 0 : 2);
	if (x->o->csv_bom)
		fputs("\xef\xbb\xbf", f);
	for (size_t i = 0; i < ncols; i++)
		csv_cell(f, head[i], sep, i == 0);
	fputs("\r\n", f);
	for (int qi = 0; qi < x->q->nquestions; qi++)
		if (qn_asked_in(x->q, qi, response_region(x->r)))     /* as the appendix: the region's questions */
			row(f, x, qi, sep);
	peers_section(f, x, sep);
	return plan_section(f, x, sep);
}

static void amount_cell(FILE *f, bool has, double v, char sep)
{
	fputc(sep, f);
	if (has)
		fprintf(f, "%.15g", v);
}

void plan_csv_write(FILE *f, const struct response *r, const struct plan_view *v, char sep)
{
	const struct questionnaire *q = response_questionnaire(r);
	const char *head[] = { _("Action"), _("Title"), _("Questions"), _("Owner"), _("Due"), _("Status"),
	                       _("Overdue"), _("Cost (EUR)"), _("Hours"), _("Note") };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(f, head[i], sep, i == 0);
	fputs("\r\n", f);
	for (int k = 0; k < v->nactions; k++) {
		const struct action *a = response_action(r, v->order[k]);
		csv_cell(f, a->id, sep, true);
		csv_cell(f, a->title, sep, false);
		fputc(sep, f);
		for (int i = 0; i < a->nquestions; i++)     /* ids hold no quotes or separators */
			fprintf(f, "%s%s", i ? " " : "", q->questions[a->questions[i]].id);
		csv_cell(f, a->owner, sep, false);
		csv_cell(f, a->due, sep, false);
		csv_cell(f, action_status_key(a->status), sep, false);
		csv_cell(f, v->overdue[v->order[k]] ? _("yes") : "", sep, false);
		amount_cell(f, a->has_cost, a->cost, sep);
		amount_cell(f, a->has_hours, a->hours, sep);
		csv_cell(f, a->note, sep, false);
		fputs("\r\n", f);
	}
}
