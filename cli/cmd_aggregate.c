/* peil aggregate [-q Q] FILE|DIR... [-o MERGED] [--format text|json] [--strict] [--force]
 * Merges respondents' files: group statistics and where the group disagrees.
 * The files are read by cli_group_load() (cli/group_files.c). */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/outpath.h"
#include "core/response_session.h"
#include "exports/jsonw.h"
#include "scoring/group.h"

/* ---- the command ---- */

struct agg {
	struct group_acc *acc;
	const struct questionnaire *q;
	char *organisation;     /* the first file's */
	char date[11];          /* the latest answer's */
	long population;
	int *target;            /* per domain: -1 none yet, -2 respondents differ */
	bool oom;
	struct stat out;        /* the existing output file, when has_out */
	bool has_out, out_is_input;
};

static void note_targets(struct agg *A, const struct response *r)
{
	for (int d = 0; d < A->q->ndomains; d++) {
		int t;
		if (!response_own_target(r, d, &t) || A->target[d] == -2)
			continue;
		A->target[d] = A->target[d] == -1 || A->target[d] == t ? t : -2;
	}
}

static bool agg_add(void *ctx, const char *path, struct response *r)
{
	struct agg *A = ctx;
	struct stat st;
	if (A->has_out && stat(path, &st) == 0 && st.st_dev == A->out.st_dev && st.st_ino == A->out.st_ino)
		A->out_is_input = true;
	if (!A->acc) {
		A->q = response_questionnaire(r);
		A->acc = group_acc_new(A->q);
		A->organisation = xstrdup(response_organisation(r));
		A->target = xarray((size_t)A->q->ndomains, sizeof(int));
		A->population = -1;
		for (int d = 0; d < A->q->ndomains; d++)
			A->target[d] = -1;
	}
	bool ok = A->acc && group_acc_add(A->acc, r);
	if (ok) {
		if (strcmp(response_date(r), A->date) > 0)
			memcpy(A->date, response_date(r), sizeof A->date);
		if (A->population < 0)
			A->population = response_population(r);
		note_targets(A, r);
	}
	response_free(r);       /* memory stays flat however many files */
	return ok;
}

static bool utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && !strcmp(cs, "UTF-8");
}

static const char *dash(void)
{
	return utf8() ? "—" : "-";
}

/* "! " for a contested question, then one glyph per level, its height
 * relative to the most chosen level. */
static void votes_cell(struct cli_table *t, const struct questionnaire *q, const struct group_question *g)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char *const ascii[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };
	size_t cap = 3 + (size_t)q->nlevels * 3, len = 2;  /* a glyph is at most 3 bytes */
	char *buf = xmalloc(cap);
	bool u = utf8();
	int top = 0;
	for (int i = 0; i < q->nlevels; i++)
		top = g->counts[i] > top ? g->counts[i] : top;
	memcpy(buf, g->contested ? "! " : "  ", 2);
	for (int i = 0; i < q->nlevels; i++) {
		int c = g->counts[i];
		const char *s = c == 0 ? (u ? "·" : ".")
		                : u ? bars[(c * 8 + top - 1) / top - 1] : ascii[(c * 9 + top - 1) / top - 1];
		len += (size_t)snprintf(buf + len, cap - len, "%s", s);
	}
	cli_table_cell(t, buf);
	mem_free(buf);
}

static void figure(struct cli_table *t, const char *nlang, bool has, double v)
{
	char buf[NUM_LEN];
	cli_table_cell(t, has ? num_stat(buf, nlang, true, v) : dash());
}

static void question_row(struct cli_table *t, const struct questionnaire *q, const struct group_question *g,
                         int qi, int lang)
{
	char buf[64];
	votes_cell(t, q, g);
	cli_table_cellf(t, "%d", g->n);
	char med[NUM_LEN];
	figure(t, q->langs[lang], g->has_stats, g->mean);
	cli_table_cell(t, g->has_stats ? num_median(med, q->langs[lang], true, g->median) : dash());
	if (!g->has_stats)
		snprintf(buf, sizeof buf, "%s", dash());
	else if (g->min == g->max)
		snprintf(buf, sizeof buf, "%d", g->min);
	else
		snprintf(buf, sizeof buf, "%d%s%d", g->min, utf8() ? "–" : "-", g->max);
	cli_table_cell(t, buf);
	figure(t, q->langs[lang], g->has_stats, g->sd);
	figure(t, q->langs[lang], g->has_stats, g->consensus);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	if (!m)
		xalloc_die();
	fprintf(m, "%s: %s", q->questions[qi].id, qn_str(q, &q->questions[qi].text, lang));
	if (g->na)
		fprintf(m, _(" (not applicable: %d)"), g->na);
	if (g->unknown)
		fprintf(m, _(" (don't know: %d)"), g->unknown);
	if (fclose(m) != 0)         /* a memory stream fails only for memory */
		xalloc_die();
	cli_table_cell(t, text);
	free(text);
}

static void print_legend(FILE *f, const struct questionnaire *q, int lang)
{
	char c[NUM_LEN], iqr[NUM_LEN];
	fprintf(f, _("! contested: consensus below %s, or the middle half of the answers more than %s level apart.\n"),
	        num_fixed(c, q->langs[lang], GROUP_CONTESTED_CONSENSUS, 1),
	        num_median(iqr, q->langs[lang], true, GROUP_CONTESTED_IQR));
	fprintf(f, "%s", _("Votes: one column per level,"));
	for (int i = 0; i < q->nlevels; i++)
		fprintf(f, " %d %s%s", q->levels[i].value, qn_level_label(q, q->levels[i].value, lang),
		        i + 1 < q->nlevels ? "," : ".\n");
}

static void print_domains(FILE *f, const struct questionnaire *q, const struct group_stats *s, int lang)
{
	static const char *const head[] = { N_("Domain"), "n", N_("Mean"), N_("Min"), N_("Max") };
	struct cli_table *t = cli_table_with_head(5, head, 0);
	cli_table_max_width(t, 0, CLI_TITLE_MAX);
	for (int d = 0; d < q->ndomains; d++) {
		const struct group_domain *g = &s->domains[d];
		cli_table_cell(t, qn_str(q, &q->domains[d].title, lang));
		cli_table_cellf(t, "%d", g->n);
		figure(t, q->langs[lang], g->has_stats, g->mean);
		figure(t, q->langs[lang], g->has_stats, g->min);
		figure(t, q->langs[lang], g->has_stats, g->max);
	}
	fprintf(f, "\n%s\n", _("Domain scores of the respondents"));
	cli_table_print(t, f);
	cli_table_free(t);
}

static void print_questions(FILE *f, const struct questionnaire *q, const struct group_stats *s,
                            const int *order, int lang)
{
	static const char *const head[] = { N_("Votes"), "n", N_("Mean"), N_("Median"), N_("Range"),
	                                    N_("SD"), N_("Consensus"), N_("Question") };
	struct cli_table *t = cli_table_new(8);
	for (int c = 0; c < 8; c++)
		cli_table_cellf(t, "%s%s", c == 0 ? "  " : "", c == 1 ? head[c] : _(head[c]));
	for (int i = 0; i < q->nquestions; i++)
		question_row(t, q, &s->questions[order[i]], order[i], lang);
	cli_table_print(t, f);
	cli_table_free(t);
}

static void print_text(FILE *f, const struct questionnaire *q, const struct group_stats *s,
                       const char *organisation)
{
	int lang = cli_lang(q), contested = 0;
	int *order = xarray((size_t)q->nquestions, sizeof(int));
	group_order(s, order);
	for (int i = 0; i < q->nquestions; i++)
		contested += s->questions[i].contested;
	fprintf(f, "%s (%s %s)\n", qn_str(q, &q->title, lang), q->id, q->version);
	fprintf(f, ngettext("%s: %d respondent; %d of %d questions contested\n\n",
	                    "%s: %d respondents; %d of %d questions contested\n\n", s->respondents), organisation,
	        s->respondents, contested, q->nquestions);
	if (group_nregions(s) > 1)      /* only the shared questions have every respondent */
		fprintf(f, _("The respondents come from %d regions; they share %d of the %d questions.\n\n"),
		        group_nregions(s), s->shared_questions, q->nquestions);
	print_questions(f, q, s, order, lang);
	free(order);
	fputc('\n', f);
	print_legend(f, q, lang);
	print_domains(f, q, s, lang);
}

static void json_question(struct jsonw *w, const struct questionnaire *q, const struct group_question *g, int qi)
{
	const struct qn_question *qu = &q->questions[qi];
	jsonw_object(w);
	jsonw_kstring(w, "id", qu->id);
	jsonw_kstring(w, "domain", q->domains[qu->domain].id);
	jsonw_kint(w, "n", g->n);
	jsonw_key(w, "counts");
	jsonw_object(w);
	for (int i = 0; i < q->nlevels; i++) {
		char key[16];
		snprintf(key, sizeof key, "%d", q->levels[i].value);
		jsonw_kint(w, key, g->counts[i]);
	}
	jsonw_object_end(w);
	static const char *const keys[] = { "mean", "median", "min", "max", "sd", "iqr", "consensus" };
	const double stats[] = { g->mean, g->median, g->min, g->max, g->sd, g->iqr, g->consensus };
	for (int i = 0; i < 7; i++)
		jsonw_knumber_or_null(w, keys[i], g->has_stats, stats[i]);
	jsonw_kbool(w, "contested", g->contested);
	jsonw_kint(w, "na", g->na);
	jsonw_kint(w, "unknown", g->unknown);
	jsonw_kint(w, "open", g->open);
	jsonw_object_end(w);
}

static void print_json(FILE *f, const struct questionnaire *q, const struct group_stats *s)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_key(&w, "questionnaire");
	jsonw_object(&w);
	jsonw_kstring(&w, "id", q->id);
	jsonw_kstring(&w, "version", q->version);
	jsonw_object_end(&w);
	jsonw_kint(&w, "respondents", s->respondents);
	if (group_nregions(s) > 1) {
		jsonw_kint(&w, "regions", group_nregions(s));
		jsonw_kint(&w, "shared_questions", s->shared_questions);
	}
	jsonw_key(&w, "questions");
	jsonw_array(&w);
	for (int i = 0; i < q->nquestions; i++)
		json_question(&w, q, &s->questions[i], i);
	jsonw_array_end(&w);
	jsonw_key(&w, "domains");
	jsonw_array(&w);
	for (int d = 0; d < q->ndomains; d++) {
		const struct group_domain *g = &s->domains[d];
		jsonw_object(&w);
		jsonw_kstring(&w, "id", q->domains[d].id);
		jsonw_kint(&w, "n", g->n);
		jsonw_knumber_or_null(&w, "mean", g->has_stats, g->mean);
		jsonw_knumber_or_null(&w, "min", g->has_stats, g->min);
		jsonw_knumber_or_null(&w, "max", g->has_stats, g->max);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}

/* The merged response file: votes and proposals (see group_apply). */
static int save_merged(const struct agg *A, const struct group_stats *s, const char *out)
{
	const struct questionnaire *q = A->q;
	struct response *r = response_new(q, A->organisation);
	char err[512];
	/* The facts (a merged file of N respondents), not a label in the
	 * language of this run: each export words them (issue 19, defect 9). */
	bool ok = r && group_apply(q, s, r);
	if (ok)
		response_set_session_kind(r, SESSION_MERGED);
	for (int d = 0; ok && d < q->ndomains; d++) {
		if (A->target[d] >= 0)
			ok = response_set_target(r, d, A->target[d]);
		else if (A->target[d] == -2)
			cli_diag(stderr, out, 1, 1, DIAG_WARNING,
			         _("respondents set different targets for '%s'; the merged file has none of its own"),
			         q->domains[d].id);
	}
	if (ok) {
		response_set_population(r, A->population);
		ok = response_set_date(r, A->date);   /* last: setters stamp today */
	}
	int rc = EXIT_OK;
	if (!ok) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_WRITE;
	} else if (!response_save(r, out, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		rc = EXIT_WRITE;
	}
	response_free(r);
	return rc;
}

static int write_merged(const struct agg *A, const struct group_stats *s, const char *out, bool force)
{
	if (A->out_is_input && !force) {
		fputs("peil: ", stderr);
		cli_printf(stderr, _("%s is one of the files this output is made from; writing there "
		                  "would destroy it (choose another file, or --force)"), out);
		fputc('\n', stderr);
		return EXIT_WRITE;
	}
	/* Like every output: under the lock, never over another kind of file.
	 * A merged group file from an earlier run may be replaced. */
	struct outpath_rules rules = { .force = force, .group_ok = true };
	char notice[640];
	struct lock *lock = cli_take_lock(out, notice, sizeof notice);
	if (!lock)
		return EXIT_WRITE;
	int rc = cli_check_output(out, &rules);
	if (rc == EXIT_OK)
		rc = save_merged(A, s, out);
	lock_release(lock);
	return rc;
}

int cmd_aggregate(void *args, int argc, char **argv)
{
	const struct cli_values *a = args;
	struct agg A = { .population = -1 };
	struct questionnaire *q = NULL;
	struct group_stats *s = NULL;
	/* The files named (directories are expanded later, see agg_add). */
	struct outpath_rules rules = { .inputs = (const char *const *)argv, .ninputs = (size_t)argc,
	                               .force = a->force, .group_ok = true };
	int rc;
	if (a->out && (rc = cli_check_output(a->out, &rules)) != EXIT_OK)
		return rc;
	A.has_out = a->out && stat(a->out, &A.out) == 0;
	struct cli_group_opts go = { .strict = a->strict };
	rc = cli_group_load(a->qarg, argv, argc, &go, &q, agg_add, &A);
	if (rc == EXIT_OK && !(s = group_finish(A.acc))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
	}
	if (rc == EXIT_OK) {
		if (a->format_index == 1) {
			print_json(stdout, q, s);
		} else {
			print_text(stdout, q, s, A.organisation);
		}
		if (rc == EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
			cli_printf(stderr, "peil: %s\n", _("cannot write to standard output"));
			rc = EXIT_WRITE;
		}
	}
	if (rc == EXIT_OK && a->out)
		rc = write_merged(&A, s, a->out, a->force);
	group_stats_free(s);
	group_acc_free(A.acc);
	mem_free(A.organisation);
	mem_free(A.target);
	questionnaire_free(q);
	return rc;
}
