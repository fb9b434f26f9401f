/* peil compare [-q Q] OLD NEW [--format text|json]: what changed since
 * last time, per domain and per question. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "exports/compare_json.h"
#include "exports/plan_out.h"
#include "exports/xfmt.h"
#include "scoring/compare.h"

static const char *arrow(int dir)
{
	return dir > 0 ? "↑" : dir < 0 ? "↓" : "=";
}

static void level_words(char *buf, size_t len, const struct questionnaire *q,
                        bool has, int level, int lang)
{
	if (has)
		snprintf(buf, len, "%d %s", level, qn_level_label(q, level, lang));
	else
		snprintf(buf, len, "—");
}

static void score_cell(struct cli_table *t, bool has, double v)
{
	char buf[32];
	cli_table_cell(t, has ? xfmt_number(buf, sizeof buf, v, 2, false) : "—");
}

/* "↑ +0.40", "= 0.00", or "—" when a side has no score. */
static void delta_cell(struct cli_table *t, const struct compare_figure *c)
{
	char num[32];
	if (!c->has_old || !c->has_new)
		cli_table_cell(t, "—");
	else
		cli_table_cellf(t, "%s %s", arrow(compare_direction(c->delta)),
		                xfmt_signed(num, sizeof num, c->delta, 2, false));
}

static void figure_row(struct cli_table *t, const struct questionnaire *q, const char *title,
                       const struct compare_figure *c, int lang)
{
	char a[96], b[96];
	cli_table_cell(t, title);
	score_cell(t, c->has_old, c->old_score);
	score_cell(t, c->has_new, c->new_score);
	delta_cell(t, c);
	level_words(a, sizeof a, q, c->has_old, c->old_level, lang);
	level_words(b, sizeof b, q, c->has_new, c->new_level, lang);
	if (c->has_old && c->has_new && c->old_level == c->new_level)
		cli_table_cell(t, b);
	else
		cli_table_cellf(t, "%s → %s", a, b);
}

/* The answer as words: "3 In order", "not applicable", ... */
static void answer_words(char *buf, size_t len, const struct questionnaire *q,
                         enum answer_status s, int level, int lang)
{
	switch (s) {
	case ANSWER_LEVEL:
		level_words(buf, len, q, true, level, lang);
		return;
	case ANSWER_NA:
		snprintf(buf, len, "%s", _("not applicable"));
		return;
	case ANSWER_UNKNOWN:
		snprintf(buf, len, "%s", _("don't know"));
		return;
	case ANSWER_OPEN:
		break;
	}
	snprintf(buf, len, "%s", _("open"));
}

static void print_changes(FILE *f, const struct questionnaire *q, const struct comparison *c,
                          int lang)
{
	if (c->nchanges == 0) {
		fprintf(f, "\n%s\n", _("No answer changed."));
		return;
	}
	fprintf(f, "\n%s (%d)\n", _("Changed answers"), c->nchanges);
	for (int i = 0; i < c->nchanges; i++) {
		const struct question_change *ch = &c->changes[i];
		char a[96], b[96];
		const char *mark = "•";
		if (ch->old_status == ANSWER_LEVEL && ch->new_status == ANSWER_LEVEL)
			mark = arrow(ch->new_level > ch->old_level ? 1 : -1);
		answer_words(a, sizeof a, q, ch->old_status, ch->old_level, lang);
		answer_words(b, sizeof b, q, ch->new_status, ch->new_level, lang);
		fprintf(f, "  %s %s — %s\n      %s → %s\n", mark, q->questions[ch->question].id,
		        qn_str(q, &q->questions[ch->question].text, lang), a, b);
	}
}

/* False when memory runs out. */
static bool print_text(FILE *f, const struct questionnaire *q, const struct response *old,
                       const struct response *cur, const struct comparison *c)
{
	int lang = cli_lang(q);
	fprintf(f, "%s — %s %s\n", response_organisation(cur), qn_str(q, &q->title, lang), q->version);
	fprintf(f, _("Compared: %s (before) with %s (now)\n\n"), response_date(old), response_date(cur));
	struct cli_table *t = cli_table_new(5);
	cli_table_max_width(t, 0, CLI_TITLE_MAX);
	cli_table_cell(t, _("Domain"));
	cli_table_cell(t, _("Before"));
	cli_table_cell(t, _("Now"));
	cli_table_cell(t, _("Change"));
	cli_table_cell(t, _("Level"));
	for (int d = 0; d < q->ndomains; d++)
		figure_row(t, q, qn_str(q, &q->domains[d].title, lang), &c->domains[d], lang);
	figure_row(t, q, _("Overall"), &c->overall, lang);
	bool ok = cli_table_print(t, f);
	cli_table_free(t);
	if (!ok)
		return false;
	print_changes(f, q, c, lang);
	return cli_print_followup(f, q, old, cur);
}

static void print_json(FILE *f, const struct questionnaire *q, const struct response *old,
                       const struct response *cur, const struct comparison *c)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	compare_json_fields(&w, q, c);
	plan_json_followup(&w, old, cur);
	jsonw_kstring(&w, "old_date", response_date(old));
	jsonw_kstring(&w, "new_date", response_date(cur));
	jsonw_object_end(&w);
}

static int run(const char *qarg, const char *old_path, const char *new_path, bool json)
{
	struct questionnaire *q;
	struct response *cur, *old = NULL;
	if (!cli_load_response(qarg, new_path, &q, &cur))
		return EXIT_INVALID;
	int rc = EXIT_INVALID;
	old = cli_load_response_with(q, old_path);
	if (old) {
		struct comparison *c = compare_compute(q, old, cur);
		bool ok = c != NULL;
		if (ok && json)
			print_json(stdout, q, old, cur, c);
		else if (ok)
			ok = print_text(stdout, q, old, cur, c);
		if (!ok)
			fprintf(stderr, "peil: %s\n", _("out of memory"));
		else
			rc = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_WRITE;
		comparison_free(c);
	}
	response_free(old);
	response_free(cur);
	questionnaire_free(q);
	return rc;
}

int cmd_compare(int argc, char **argv)
{
	const char *qarg = NULL;
	bool json = false;
	int rc = cli_parse_q_format("compare", argc, argv, &qarg, &json);
	if (rc >= 0)
		return rc;
	if (argc - optind != 2)
		return cli_usage_error("compare", "%s", _("name two response files: OLD and NEW"));
	return run(qarg, argv[optind], argv[optind + 1], json);
}
