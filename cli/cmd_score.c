/* peil score FILE [--format text|json]: the figures of one response. */
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "exports/score_json.h"
#include "scoring/score.h"

static void domain_row(struct cli_table *t, const struct questionnaire *q, const struct domain_score *ds,
                       int d, int lang, int tl)
{
	char a[NUM_LEN], b[128];
	cli_table_cell(t, qn_str(q, &q->domains[d].title, tl));
	cli_table_cell(t, num_score(a, q->langs[lang], ds->has_score, ds->score));
	cli_table_cell(t, words_level(b, sizeof b, q, ds->has_score, ds->level, lang));
	if (ds->has_target)
		cli_table_cellf(t, "%d", ds->target);
	else
		cli_table_cell(t, "—");
	cli_table_cell(t, num_score(a, q->langs[lang], ds->has_target && ds->has_score, ds->gap));
	cli_table_cellf(t, "%d/%d", ds->answered + ds->na + ds->unknown, ds->total - ds->hidden);
}

/* The table of domains. */
static void print_domains(FILE *f, const struct questionnaire *q, const struct scorecard *s, int lang, int tl)
{
	char a[NUM_LEN], b[128];
	static const char *const head[] = { N_("Domain"), N_("Score"), N_("Level"), N_("Target"), N_("Gap"),
	                                    N_("Answered") };
	struct cli_table *t = cli_table_with_head(6, head, 0);
	cli_table_max_width(t, 0, CLI_TITLE_MAX);
	for (int d = 0; d < q->ndomains; d++)
		domain_row(t, q, &s->domains[d], d, lang, tl);
	cli_table_cell(t, _("Overall"));
	cli_table_cell(t, num_score(a, q->langs[lang], s->has_overall, s->overall));
	cli_table_cell(t, words_level(b, sizeof b, q, s->has_overall, s->overall_level, lang));
	for (int i = 0; i < 3; i++)
		cli_table_cell(t, "");
	cli_table_print(t, f);
	cli_table_free(t);
}

static void print_text(FILE *f, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s)
{
	int lang = cli_lang(q);
	int tl = response_text_lang(r, lang);   /* the organisation's region's texts (nl-BE) */
	fprintf(f, "%s — %s %s (%s)\n", response_organisation(r), qn_str(q, &q->title, tl),
	        q->version, response_date(r));
	/* "answered" is what the JSON calls answered: with a level (issue 20, 10.2). */
	fprintf(f, _("Progress: %d%% (%d of %d questions done: %d answered, %d not applicable, %d don't know)\n"),
	        num_done_percent(s->progress), s->answered + s->na + s->unknown, s->total - s->hidden, s->answered,
	        s->na, s->unknown);
	char unconfirmed[256];
	if (*words_unconfirmed(unconfirmed, sizeof unconfirmed, s->unconfirmed))
		fprintf(f, "%s\n", unconfirmed);
	fputc('\n', f);
	print_domains(f, q, s, lang, tl);
	if (s->npriorities == 0)
		return;
	fprintf(f, "\n%s\n", _("Priorities (largest gap to the target first)"));
	for (int i = 0; i < s->npriorities && i < 10; i++) {
		const struct priority *p = &s->priorities[i];
		const struct qn_question *qu = &q->questions[p->question];
		fprintf(f, "%2d. %s — %s %d → %d\n", i + 1, qn_str(q, &qu->text, tl), _("level"), p->level, p->target);
		const char *advice = qn_tr(q, &qu->answers[qn_level_index(q, p->level)].advice, tl);
		if (advice)
			fprintf(f, "    %s\n", advice);
	}
	if (s->npriorities > 10)
		fprintf(f, _("    … and %d more\n"), s->npriorities - 10);
}

int cli_print_scored(const struct cli_values *o, const char *path, cli_scored_fn print)
{
	struct questionnaire *q;
	struct response *r;
	if (!cli_load_response(o->qarg, path, &q, &r))
		return EXIT_INVALID;
	struct scorecard *s = score_compute(q, r);
	int rc = EXIT_OK;
	if (!s || !print(o, q, r, s)) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = EXIT_WRITE;
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	return rc;
}

static bool print_score(const struct cli_values *o, const struct questionnaire *q, const struct response *r,
                        const struct scorecard *s)
{
	if (o->format_index == 0) {
		print_text(stdout, q, r, s);
		return true;
	}
	struct jsonw w;
	jsonw_init(&w, stdout, true);
	jsonw_object(&w);
	score_json_fields(&w, q, r, s);
	jsonw_object_end(&w);
	return true;
}

int cmd_score(void *args, int argc, char **argv)
{
	(void)argc;             /* one, as the parser checked */
	return cli_print_scored(args, argv[0], print_score);
}
