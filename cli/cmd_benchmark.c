/* peil benchmark [-q Q] FILE --peers DIR|ROUND.yaml [--same-size] [--min-peers K]
 *                [--format text|json] [--strict]
 * Where one municipality stands among its peers, per domain. */
#include <langinfo.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/i18n.h"
#include "cli/peer_files.h"
#include "core/num.h"
#include "exports/jsonw.h"
#include "scoring/peers.h"

/* ---- text output ---- */

enum { BAR_WIDTH = 41 };

struct glyphs {
	const char *track, *band, *median, *mark;
};

static const struct glyphs *glyphs(void)
{
	static const struct glyphs utf8 = { "·", "░", "│", "●" };
	static const struct glyphs ascii = { ".", "=", "|", "*" };
	const char *cs = nl_langinfo(CODESET);
	return cs && !strcmp(cs, "UTF-8") ? &utf8 : &ascii;
}

static int column(const struct questionnaire *q, double x)
{
	double lo = q->levels[0].value, hi = q->levels[q->nlevels - 1].value;
	double t = hi > lo ? (x - lo) / (hi - lo) : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return (int)lround(t * (BAR_WIDTH - 1));
}

/* The scale from the lowest to the highest level: the peers' middle half
 * as a band, their median, and the municipality's own mark on top. */
static void bar_line(char *buf, size_t cap, const struct questionnaire *q, const struct peer_domain *pd,
                     const struct glyphs *g)
{
	int c25 = -1, c75 = -2, cmed = -1, cself = -1;
	if (pd->has_quartiles) {
		c25 = column(q, pd->p25);
		c75 = column(q, pd->p75);
		cmed = column(q, pd->median);
	}
	if (pd->has_score)
		cself = column(q, pd->score);
	size_t len = (size_t)snprintf(buf, cap, "  %d ", q->levels[0].value);
	for (int c = 0; c < BAR_WIDTH && len < cap; c++) {
		const char *s = g->track;
		if (c == cself)
			s = g->mark;
		else if (c == cmed)
			s = g->median;
		else if (c >= c25 && c <= c75)
			s = g->band;
		len += (size_t)snprintf(buf + len, cap - len, "%s", s);
	}
	if (len < cap)
		snprintf(buf + len, cap - len, " %d", q->levels[q->nlevels - 1].value);
}

static void num(struct cli_table *t, const char *nlang, bool has, double v, int decimals)
{
	char buf[NUM_LEN];
	cli_table_cell(t, has ? num_fixed(buf, nlang, v, decimals) : "—");
}

static void print_heading(FILE *f, const struct peer_figures *pf, const char *org)
{
	const struct peer_counts *c = peers_counts(pf);
	const char *cls = peers_size_class_name(peers_self_class(pf));
	fprintf(f, "%s — ", org);
	fprintf(f, ngettext("compared with %zu peer", "compared with %zu peers", c->peers), c->peers);
	if (peers_same_size(pf))
		fprintf(f, _(" of the same size (%s inhabitants)"), cls);
	else if (cls)
		fprintf(f, _(" of every size (own size class: %s)"), cls);
	fputs("\n\n", f);
}

static void domain_rows(struct cli_table *t, const struct questionnaire *q, const struct peer_figures *pf,
                        int d, int lang)
{
	char line[256];
	const struct peer_domain *pd = peers_domain(pf, d);
	cli_table_cell(t, qn_str(q, &q->domains[d].title, lang));
	const char *nl = q->langs[lang];
	num(t, nl, pd->has_score, pd->score, 2);
	num(t, nl, pd->has_percentile, pd->percentile, 0);
	num(t, nl, pd->has_quartiles, pd->p25, 2);
	num(t, nl, pd->has_quartiles, pd->median, 2);
	num(t, nl, pd->has_quartiles, pd->p75, 2);
	cli_table_cellf(t, "%d", pd->n);
	bar_line(line, sizeof line, q, pd, glyphs());
	cli_table_line(t, line);
	if (!pd->has_figures) {
		snprintf(line, sizeof line, _("    fewer than %d peers with a score here: no comparison shown"),
		         peers_min_peers(pf));
		cli_table_line(t, line);
	} else if (!pd->has_quartiles) {
		snprintf(line, sizeof line, _("    fewer than %d peers here: no quartiles, they would be single "
		                              "municipalities' scores"), PEERS_QUARTILE_MIN);
		cli_table_line(t, line);
	}
}

static void print_text(FILE *f, const struct questionnaire *q, const struct peer_figures *pf,
                       const char *org, int shared)
{
	static const char *const head[] = { N_("Domain"), N_("Score"), N_("Pctl"), N_("P25"),
	                                    N_("Median"), N_("P75"), "n" };
	const struct glyphs *g = glyphs();
	int lang = cli_lang(q);
	struct cli_table *t = cli_table_with_head(7, head, 1);
	cli_table_max_width(t, 0, CLI_TITLE_MAX);
	for (int d = 0; d < q->ndomains; d++)
		domain_rows(t, q, pf, d, lang);
	print_heading(f, pf, org);
	if (shared > 0)
		fprintf(f, _("The peers include municipalities in another region: every score here is on the %d "
		             "of %d questions that all regions share.\n\n"), shared, q->nquestions);
	cli_table_print(t, f);
	cli_table_free(t);
	bool quartiles = false;
	for (int d = 0; d < q->ndomains; d++)
		quartiles = quartiles || peers_domain(pf, d)->has_quartiles;
	if (quartiles)
		fprintf(f, "\n%s %s   %s %s   %s %s\n", g->band, _("middle half of the peers (P25–P75)"),
		        g->median, _("median"), g->mark, org);
	else
		fprintf(f, "\n%s %s\n", g->mark, org);
	fprintf(f, "%s\n", _("Pctl: the share of peers scoring lower (ties count half), in percent."));
}

/* ---- JSON output (SPEC) ---- */

static void print_json(FILE *f, const struct questionnaire *q, const struct peer_figures *pf,
                       const char *org, int shared)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_kstring(&w, "organisation", org);
	jsonw_kint(&w, "peers", (long)peers_counts(pf)->peers);
	jsonw_kstring(&w, "size_class", peers_size_class_name(peers_self_class(pf)));
	jsonw_kbool(&w, "same_size", peers_same_size(pf));
	jsonw_kint(&w, "min_peers", peers_min_peers(pf));
	if (shared > 0)         /* peers in other regions: compared on these */
		jsonw_kint(&w, "shared_questions", shared);
	jsonw_key(&w, "domains");
	jsonw_array(&w);
	for (int d = 0; d < q->ndomains; d++) {
		const struct peer_domain *pd = peers_domain(pf, d);
		jsonw_object(&w);
		jsonw_kstring(&w, "id", q->domains[d].id);
		jsonw_knumber_or_null(&w, "score", pd->has_score, pd->score);
		jsonw_knumber_or_null(&w, "percentile", pd->has_percentile, pd->percentile);
		jsonw_knumber_or_null(&w, "p25", pd->has_quartiles, pd->p25);
		jsonw_knumber_or_null(&w, "median", pd->has_quartiles, pd->median);
		jsonw_knumber_or_null(&w, "p75", pd->has_quartiles, pd->p75);
		jsonw_kint(&w, "n", pd->n);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}

/* ---- the command ---- */

struct bench_args {
	struct cli_values v;    /* the options as given (cli/options.h) */
	struct peer_options po;
};

static int bench_option(void *args, enum cli_opt opt, const char *arg)
{
	struct bench_args *b = args;
	if (opt == CLI_OPT_min_peers && !peer_parse_min("benchmark", arg, &b->po.min_peers))
		return EXIT_USAGE;
	return CLI_CONTINUE;
}

const struct cli_hooks benchmark_hooks = { .formats = cli_text_json, .bad_format = CLI_TEXT_JSON_ERROR,
                                           .size = sizeof(struct bench_args), .option = bench_option };

int cmd_benchmark(void *args, int argc, char **argv)
{
	struct bench_args *b = args;
	const struct cli_values *a = &b->v;
	struct peer_options po = b->po;
	(void)argc;             /* one, as the parser checked */
	if (!a->peers)
		return cli_usage_error("benchmark", "%s", _("--peers DIR or --peers ROUND.yaml is required"));
	const char *file = argv[0];
	po.same_size = a->same_size;
	struct questionnaire *q;
	struct response *self;
	if (!cli_load_response(a->qarg, file, &q, &self))
		return EXIT_INVALID;
	struct peer_source ps = { 0 };
	struct peer_figures *pf = NULL;
	int rc = EXIT_INVALID;
	if (po.same_size && response_population(self) < 0)
		cli_diag(stderr, file, 1, 1, DIAG_ERROR, "%s",
		         _("--same-size needs the population of the assessed municipality (key 'population')"));
	else if (peer_source_read(&ps, a->peers, q) && (pf = peer_source_figures(&ps, q, self, NULL, &po)))
		peer_source_summary("benchmark", &ps, pf);
	if (pf && !(a->strict && ps.counts.invalid > 0)) {
		rc = EXIT_OK;
		if (a->format_index == 1) {
			print_json(stdout, q, pf, response_organisation(self), peer_source_shared(&ps, q, self));
		} else {
			print_text(stdout, q, pf, response_organisation(self), peer_source_shared(&ps, q, self));
		}
		if (rc == EXIT_OK && (fflush(stdout) != 0 || ferror(stdout)))
			rc = EXIT_WRITE;
	}
	peer_source_free(&ps);
	peers_free(pf);
	response_free(self);
	questionnaire_free(q);
	return rc;
}
