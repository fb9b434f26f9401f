/* peil plan FILE [--format text|json|csv]: the improvement plan (SPEC:
 * "plan --format json"). The text is a table a CIO pastes into an e-mail:
 * by due date, overdue ones flagged, totals, and what no action covers. */
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "exports/plan_out.h"

enum plan_format { PLAN_TEXT, PLAN_JSON, PLAN_CSV };

/* Whole euros and hours as such, fractions with two decimals. */
static const char *amount(char *buf, size_t len, bool has, double v, bool comma)
{
	if (!has)
		return "";
	(void)len;      /* NUM_LEN */
	return num_grouped(buf, comma ? "nl" : "en", v, v == (double)(long)v ? 0 : 2);
}

static void action_row(struct cli_table *t, const struct response *r, const struct plan_view *v, int i,
                       bool comma)
{
	const struct action *a = response_action(r, i);
	char buf[64];
	cli_table_cell(t, a->due[0] ? a->due : "—");
	if (v->overdue[i])
		cli_table_cellf(t, "%s, %s", action_status_words(a->status), _("OVERDUE"));
	else
		cli_table_cell(t, action_status_words(a->status));
	cli_table_cell(t, a->title);
	cli_table_cell(t, a->owner ? a->owner : "—");
	cli_table_cell(t, amount(buf, sizeof buf, a->has_cost, a->cost, comma));
	cli_table_cell(t, amount(buf, sizeof buf, a->has_hours, a->hours, comma));
}

static void print_actions(FILE *f, const struct response *r, const struct plan_view *v, bool comma)
{
	char buf[64];
	static const char *const head[] = { N_("Due"), N_("Status"), N_("Action"), N_("Owner"), N_("Cost (EUR)"),
	                                    N_("Hours") };
	struct cli_table *t = cli_table_with_head(6, head, 4);
	cli_table_max_width(t, 2, CLI_TITLE_MAX);
	for (int k = 0; k < v->nactions; k++)
		action_row(t, r, v, v->order[k], comma);
	cli_table_cell(t, _("Total"));
	cli_table_cell(t, "");
	cli_table_cell(t, _("(dropped actions not counted)"));
	cli_table_cell(t, "");
	cli_table_cell(t, amount(buf, sizeof buf, true, v->cost, comma));
	cli_table_cell(t, amount(buf, sizeof buf, true, v->hours, comma));
	cli_table_print(t, f);
	cli_table_free(t);
}

static void print_uncovered(FILE *f, const struct questionnaire *q, const struct scorecard *s,
                            const struct plan_view *v, int lang)
{
	if (v->nuncovered == 0) {
		if (s->npriorities > 0)
			fprintf(f, "\n%s\n", _("Every priority is covered by an action."));
		return;
	}
	fprintf(f, "\n%s\n", _("Priorities without an action (largest gap first):"));
	/* uncovered[] is a subsequence of the priorities, in their order. */
	enum { SHOWN = 10 };            /* an e-mail, not the appendix */
	for (int i = 0, k = 0; i < s->npriorities && k < v->nuncovered && k < SHOWN; i++) {
		const struct priority *p = &s->priorities[i];
		if (p->question != v->uncovered[k])
			continue;
		const struct qn_question *qu = &q->questions[p->question];
		fprintf(f, "%3d. %s (%s) — %s %d → %d\n", ++k, qn_str(q, &qu->text, lang), qu->id, _("level"),
		        p->level, p->target);
	}
	if (v->nuncovered > SHOWN)
		fprintf(f, _("    … and %d more\n"), v->nuncovered - SHOWN);
}

static void print_text(FILE *f, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s, const struct plan_view *v, const char *today)
{
	int lang = cli_lang(q);
	const char *ml = i18n_language();
	bool comma = ml && !strcmp(ml, "nl");
	fprintf(f, _("%s — improvement plan (%s)\n"), response_organisation(r), response_date(r));
	if (v->nactions == 0) {
		fprintf(f, "%s\n", _("The plan has no actions yet."));
	} else {
		fprintf(f, _("%d actions, %d open; %d overdue on %s.\n\n"), v->nactions, v->nopen, v->noverdue, today);
		print_actions(f, r, v, comma);
	}
	print_uncovered(f, q, s, v, response_text_lang(r, lang));   /* the region's texts (nl-BE) */
}

static void write_plan(enum plan_format fmt, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s, const struct plan_view *v, const char *today)
{
	if (fmt == PLAN_CSV) {
		plan_csv_write(stdout, r, v, ',');
		return;
	}
	if (fmt == PLAN_TEXT) {
		print_text(stdout, q, r, s, v, today);
		return;
	}
	struct jsonw w;
	jsonw_init(&w, stdout, true);
	jsonw_object(&w);
	jsonw_kstring(&w, "organisation", response_organisation(r));
	jsonw_kstring(&w, "date", response_date(r));
	plan_json_fields(&w, r, v, false);
	jsonw_object_end(&w);
}

static const char *const formats[] = { "text", "json", "csv", NULL };       /* enum plan_format */
const struct cli_hooks plan_hooks = { .formats = formats, .bad_format = N_("--format takes text, json or csv, not '%s'") };

/* False when memory runs out. */
static bool print_plan(const struct cli_values *o, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s)
{
	char today[11];
	plan_today(today);
	struct plan_view *v = plan_compute(r, s, today);
	if (v)
		write_plan((enum plan_format)o->format_index, q, r, s, v, today);
	plan_view_free(v);
	return v != NULL;
}

int cmd_plan(void *args, int argc, char **argv)
{
	(void)argc;             /* one, as the parser checked */
	return cli_print_scored(args, argv[0], print_plan);
}

static const char *followup_words(const struct followup *f)
{
	if (f->gone)
		return _("no longer in the plan");
	if (f->old_index < 0)
		return _("done (added this year)");
	if (f->status == ACTION_DONE)
		return _("done");
	return f->status == ACTION_DROPPED ? _("dropped") : _("still open");
}

bool cli_print_followup(FILE *f, const struct questionnaire *q, const struct response *old,
                        const struct response *cur)
{
	struct followup *fu;
	int n = plan_followup(old, cur, &fu);
	if (n < 0)
		return false;
	if (n > 0)
		fprintf(f, "\n%s (%d)\n", _("Actions since last time"), n);
	for (int i = 0; i < n; i++) {
		const struct action *a = fu[i].new_index >= 0 ? response_action(cur, fu[i].new_index)
		                                              : response_action(old, fu[i].old_index);
		fprintf(f, "  %s — %s\n", followup_words(&fu[i]), a->title);
		for (int k = 0; k < a->nquestions; k++) {
			int qi = a->questions[k], then, now;
			if (plan_levels(old, cur, qi, &then, &now))
				fprintf(f, "      %s %d → %d (%s)\n", q->questions[qi].id, then, now,
				        now > then ? _("up") : now < then ? _("down") : _("unchanged"));
			else
				fprintf(f, "      %s %s\n", q->questions[qi].id, _("(no level to compare)"));
		}
	}
	mem_free(fu);
	return true;
}
