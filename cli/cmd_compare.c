/* peil compare [-q Q] OLD NEW [--format text|json]: what changed since
 * last time, per domain and per question. */
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/words.h"
#include "core/ydoc.h"
#include "exports/compare_json.h"
#include "exports/plan_out.h"
#include "scoring/compare.h"
#include "scoring/score.h"

static const char *arrow(int dir)
{
	return dir > 0 ? "↑" : dir < 0 ? "↓" : "=";
}

static void score_cell(struct cli_table *t, const char *nlang, bool has, double v)
{
	char buf[NUM_LEN];
	cli_table_cell(t, num_score(buf, nlang, has, v));
}

/* "↑ +0.40", "= 0.00", or "—" when a side has no score: the change
 * between the two figures as shown. */
static void delta_cell(struct cli_table *t, const char *nlang, const struct compare_figure *c)
{
	char num[NUM_LEN];
	if (!c->has_old || !c->has_new)
		cli_table_cell(t, "—");
	else
		cli_table_cellf(t, "%s %s", arrow(num_direction(c->old_score, c->new_score)),
		                num_delta(num, nlang, c->old_score, c->new_score));
}

static void figure_row(struct cli_table *t, const struct questionnaire *q, const char *title,
                       const struct compare_figure *c, int lang)
{
	char a[96], b[96];
	cli_table_cell(t, title);
	score_cell(t, q->langs[lang], c->has_old, c->old_score);
	score_cell(t, q->langs[lang], c->has_new, c->new_score);
	delta_cell(t, q->langs[lang], c);
	words_level(a, sizeof a, q, c->has_old, c->old_level, lang);
	words_level(b, sizeof b, q, c->has_new, c->new_level, lang);
	if (c->has_old && c->has_new && c->old_level == c->new_level)
		cli_table_cell(t, b);
	else
		cli_table_cellf(t, "%s → %s", a, b);
}

static void print_changes(FILE *f, const struct questionnaire *q, const struct comparison *c,
                          int lang, int tl)
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
		words_answer(a, sizeof a, q, ch->old_status, ch->old_level, lang, 0);
		words_answer(b, sizeof b, q, ch->new_status, ch->new_level, lang, 0);
		fprintf(f, "  %s %s — %s\n      %s → %s\n", mark, q->questions[ch->question].id,
		        qn_str(q, &q->questions[ch->question].text, tl), a, b);
	}
}

/* The scores count carried-over answers as given: say how many, per side. */
static void print_unconfirmed(FILE *f, const struct scorecard *so, const struct scorecard *sn)
{
	const struct scorecard *side[2] = { so, sn };
	const char *label[2] = { _("Before:"), _("Now:") };
	for (int i = 0; i < 2; i++) {
		char buf[256];
		if (*words_unconfirmed(buf, sizeof buf, side[i]->unconfirmed))
			fprintf(f, "%s %s\n", label[i], buf);
	}
	fputc('\n', f);
}

/* False when memory runs out. */
/* Defect 8 of issue 20: "Overall" compares different sets of domains when
 * a domain is scored on one side only; say which, and that the like-for-like
 * row leaves them out. */
static void print_left_out(FILE *f, const struct questionnaire *q, const struct comparison *c, int tl)
{
	fprintf(f, "\n%s", _("Like for like: over the domains scored both times; left out:"));
	for (int d = 0, n = 0; d < q->ndomains; d++) {
		const struct compare_figure *x = &c->domains[d];
		if (c->in_common[d] || (!x->has_old && !x->has_new))
			continue;
		fprintf(f, "%s %s (%s)", n++ ? "," : "", qn_str(q, &q->domains[d].title, tl),
		        x->has_old ? _("no score now") : _("no score before"));
	}
	fputc('\n', f);
}

static bool print_text(FILE *f, const struct questionnaire *q, const struct response *old,
                       const struct response *cur, const struct comparison *c,
                       const struct scorecard *so, const struct scorecard *sn)
{
	int lang = cli_lang(q);
	int tl = response_text_lang(cur, lang);         /* the organisation's region's texts (nl-BE) */
	fprintf(f, "%s — %s %s\n", response_organisation(cur), qn_str(q, &q->title, tl), q->version);
	fprintf(f, _("Compared: %s (before) with %s (now)\n"), response_date(old), response_date(cur));
	print_unconfirmed(f, so, sn);
	static const char *const head[] = { N_("Domain"), N_("Before"), N_("Now"), N_("Change"), N_("Level") };
	struct cli_table *t = cli_table_with_head(5, head, 0);
	cli_table_max_width(t, 0, CLI_TITLE_MAX);
	for (int d = 0; d < q->ndomains; d++)
		figure_row(t, q, qn_str(q, &q->domains[d].title, tl), &c->domains[d], lang);
	figure_row(t, q, _("Overall"), &c->overall, lang);
	if (c->partial)
		figure_row(t, q, _("Overall, like for like"), &c->common, lang);
	cli_table_print(t, f);
	cli_table_free(t);
	if (c->partial)
		print_left_out(f, q, c, tl);
	print_changes(f, q, c, lang, tl);
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
	jsonw_key(&w, "organisations");
	jsonw_object(&w);
	jsonw_kstring(&w, "old", response_organisation(old));
	jsonw_kstring(&w, "new", response_organisation(cur));
	jsonw_object_end(&w);
	jsonw_object_end(&w);
}

/* A comparison a reader should not trust blindly: other organisations,
 * other questionnaire versions, answers still open or unconfirmed. */
static void warn_unfinished(const char *path, const struct scorecard *s)
{
	if (s->open > 0)
		cli_printf(stderr, ngettext("%s: warning: %d question is still open\n",
		                         "%s: warning: %d questions are still open\n", (unsigned long)s->open),
		        path, s->open);
	if (s->unconfirmed > 0)
		cli_printf(stderr, ngettext("%s: warning: %d answer carried over from last time is not yet confirmed\n",
		                         "%s: warning: %d answers carried over from last time are not yet confirmed\n",
		                         (unsigned long)s->unconfirmed), path, s->unconfirmed);
}

void cli_compare_warn(const char *command, const char *old_path, const struct response *old,
                      const struct scorecard *so, const char *new_path, const struct response *cur,
                      const struct scorecard *sn)
{
	/* One organisation: the same organisation_id, else the same name give
	 * or take case, spaces and "Gemeente " (as for peers). */
	unsigned doubts = compare_doubts(old, cur);
	if (doubts & COMPARE_OTHER_ORGANISATION)
		cli_printf(stderr, _("peil %s: warning: the files are of different organisations: '%s' (%s) and '%s' (%s)\n"),
		        command, response_organisation(old), old_path, response_organisation(cur), new_path);
	if (doubts & COMPARE_OLD_IS_NEWER)
		cli_printf(stderr, _("peil %s: warning: the earlier file is dated after the later one: %s (%s) and %s (%s); "
		                  "are the two swapped?\n"),
		        command, response_date(old), old_path, response_date(cur), new_path);
	/* As the files say (read with them, not again). */
	const char *vo = response_answered_version(old), *vn = response_answered_version(cur);
	if (vo && vn && strcmp(vo, vn) != 0)
		cli_printf(stderr, _("peil %s: warning: the files answer different versions of the questionnaire: "
		                  "%s (%s) and %s (%s)\n"), command, vo, old_path, vn, new_path);
	warn_unfinished(old_path, so);
	warn_unfinished(new_path, sn);
}

static int compare_files(const char *qarg, const char *old_path, const char *new_path, bool json)
{
	struct questionnaire *q;
	struct response *cur, *old = NULL;
	if (!cli_load_response(qarg, new_path, &q, &cur))
		return EXIT_INVALID;
	int rc = EXIT_INVALID;
	old = cli_load_previous_with(q, old_path);
	if (old) {
		/* Each file scored once: for the warnings, the comparison and the text. */
		struct scorecard *so = score_compute(q, old), *sn = score_compute(q, cur);
		struct comparison *c = NULL;
		if (so && sn) {
			cli_compare_warn("compare", old_path, old, so, new_path, cur, sn);
			c = compare_scored(q, old, so, cur, sn);
		}
		bool ok = c != NULL;
		if (ok && json)
			print_json(stdout, q, old, cur, c);
		else if (ok)
			ok = print_text(stdout, q, old, cur, c, so, sn);
		scorecard_free(so);
		scorecard_free(sn);
		if (!ok)
			cli_printf(stderr, "peil: %s\n", _("out of memory"));
		else
			rc = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_WRITE;
		comparison_free(c);
	}
	response_free(old);
	response_free(cur);
	questionnaire_free(q);
	return rc;
}

int cmd_compare(void *args, int argc, char **argv)
{
	const struct cli_values *o = args;
	(void)argc;             /* two, as the parser checked */
	return compare_files(o->qarg, argv[0], argv[1], o->format_index == 1);
}
