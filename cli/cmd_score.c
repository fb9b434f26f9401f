/* peil score FILE [--format text|json]: the figures of one response. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "exports/score_json.h"
#include "scoring/score.h"

/* Pads by code points, so accented titles line up in the table. */
static void cell(FILE *f, const char *s, int width)
{
	int n = (int)text_codepoints(s);
	fputs(s, f);
	do
		fputc(' ', f);      /* at least one, so long titles never run on */
	while (++n < width);
}

static void figure(FILE *f, bool has, double v, int width)
{
	char buf[32];
	if (has)
		snprintf(buf, sizeof buf, "%.2f", v);
	else
		snprintf(buf, sizeof buf, "—");
	cell(f, buf, width);
}

static void level_cell(FILE *f, const struct questionnaire *q, bool has, int level, int lang, int width)
{
	char buf[128];
	if (has)
		snprintf(buf, sizeof buf, "%d %s", level, qn_level_label(q, level, lang));
	else
		snprintf(buf, sizeof buf, "—");
	cell(f, buf, width);
}

static void print_text(FILE *f, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s)
{
	int lang = cli_lang(q);
	fprintf(f, "%s — %s %s (%s)\n", response_organisation(r), qn_str(q, &q->title, lang),
	        q->version, response_date(r));
	fprintf(f, _("Progress: %.0f%% (%d of %d questions answered, %d not applicable, %d don't know)\n\n"),
	        s->progress * 100, s->answered + s->na + s->unknown, s->total, s->na, s->unknown);
	int w = 10;
	for (int d = 0; d < q->ndomains; d++) {
		int n = (int)text_codepoints(qn_str(q, &q->domains[d].title, lang));
		if (n > w)
			w = n < 60 ? n : 60;
	}
	cell(f, _("Domain"), w + 2);
	cell(f, _("Score"), 7);
	cell(f, _("Level"), 18);
	cell(f, _("Target"), 8);
	cell(f, _("Gap"), 7);
	fprintf(f, "%s\n", _("Answered"));
	for (int d = 0; d < q->ndomains; d++) {
		const struct domain_score *ds = &s->domains[d];
		cell(f, qn_str(q, &q->domains[d].title, lang), w + 2);
		figure(f, ds->has_score, ds->score, 7);
		level_cell(f, q, ds->has_score, ds->level, lang, 18);
		char t[16];
		snprintf(t, sizeof t, ds->has_target ? "%d" : "—", ds->target);
		cell(f, t, 8);
		figure(f, ds->has_target && ds->has_score, ds->gap, 7);
		fprintf(f, "%d/%d\n", ds->answered + ds->na + ds->unknown, ds->total);
	}
	cell(f, _("Overall"), w + 2);
	figure(f, s->has_overall, s->overall, 7);
	level_cell(f, q, s->has_overall, s->overall_level, lang, 18);
	fputc('\n', f);
	if (s->npriorities == 0)
		return;
	fprintf(f, "\n%s\n", _("Priorities (largest gap to the target first)"));
	for (int i = 0; i < s->npriorities && i < 10; i++) {
		const struct priority *p = &s->priorities[i];
		const struct qn_question *qu = &q->questions[p->question];
		fprintf(f, "%2d. %s — %s %d → %d\n", i + 1, qn_str(q, &qu->text, lang), _("level"), p->level, p->target);
		const char *advice = qn_tr(q, &qu->answers[qn_level_index(q, p->level)].advice, lang);
		if (advice)
			fprintf(f, "    %s\n", advice);
	}
	if (s->npriorities > 10)
		fprintf(f, _("    … and %d more\n"), s->npriorities - 10);
}

int cmd_score(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *qarg = NULL;
	bool json = false;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq:f:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			cli_command_help("score", stdout);
			return EXIT_OK;
		case 'q':
			qarg = optarg;
			break;
		case 'f':
			if (!cli_parse_format(optarg, &json))
				return cli_usage_error("score", _("--format takes text or json, not '%s'"), optarg);
			break;
		default:
			return cli_usage_error("score", _("unknown option or missing value: '%s'"), argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("score", "%s", _("name exactly one response file"));
	struct questionnaire *q;
	struct response *r;
	if (!cli_load_response(qarg, argv[optind], &q, &r))
		return EXIT_INVALID;
	struct scorecard *s = score_compute(q, r);
	int rc = EXIT_OK;
	if (!s) {
		fprintf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
	} else if (json) {
		struct jsonw w;
		jsonw_init(&w, stdout, true);
		jsonw_object(&w);
		score_json_fields(&w, q, r, s);
		jsonw_object_end(&w);
	} else {
		print_text(stdout, q, r, s);
	}
	if (fflush(stdout) != 0)
		rc = EXIT_WRITE;
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	return rc;
}
