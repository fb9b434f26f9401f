/* peil benchmark [-q Q] FILE --peers DIR [--same-size] [--min-peers K]
 *                [--format text|json] [--strict]
 * Where one municipality stands among its peers, per domain. */
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "exports/jsonw.h"
#include "scoring/peers.h"

struct bench_args {
	const char *qarg, *file, *dir;
	bool json, strict;
	struct peer_options o;
};

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
static void print_bar(FILE *f, const struct questionnaire *q, const struct peer_domain *pd,
                      const struct glyphs *g)
{
	int c25 = -1, c75 = -2, cmed = -1, cself = -1;
	if (pd->has_figures) {
		c25 = column(q, pd->p25);
		c75 = column(q, pd->p75);
		cmed = column(q, pd->median);
	}
	if (pd->has_score)
		cself = column(q, pd->score);
	fprintf(f, "  %d ", q->levels[0].value);
	for (int c = 0; c < BAR_WIDTH; c++) {
		const char *s = g->track;
		if (c == cself)
			s = g->mark;
		else if (c == cmed)
			s = g->median;
		else if (c >= c25 && c <= c75)
			s = g->band;
		fputs(s, f);
	}
	fprintf(f, " %d\n", q->levels[q->nlevels - 1].value);
}

static void cell(FILE *f, const char *s, int width, bool right)
{
	int n = (int)text_codepoints(s);
	if (right)
		for (; n < width; n++)
			fputc(' ', f);
	fputs(s, f);
	if (!right)
		for (; n < width; n++)
			fputc(' ', f);
}

static void num(FILE *f, bool has, const char *fmt, double v, int width)
{
	char buf[32];
	if (has)
		snprintf(buf, sizeof buf, fmt, v);
	else
		snprintf(buf, sizeof buf, "—");
	cell(f, buf, width, true);
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

static void print_text(FILE *f, const struct questionnaire *q, const struct peer_figures *pf,
                       const char *org)
{
	const struct glyphs *g = glyphs();
	int lang = cli_lang(q);
	int w = 12;
	for (int d = 0; d < q->ndomains; d++) {
		int n = (int)text_codepoints(qn_str(q, &q->domains[d].title, lang));
		if (n > w)
			w = n < 40 ? n : 40;
	}
	print_heading(f, pf, org);
	cell(f, _("Domain"), w + 1, false);
	cell(f, _("Score"), 6, true);
	cell(f, _("Pctl"), 6, true);
	cell(f, _("P25"), 6, true);
	cell(f, _("Median"), 8, true);
	cell(f, _("P75"), 6, true);
	cell(f, "n", 7, true);
	fputc('\n', f);
	for (int d = 0; d < q->ndomains; d++) {
		const struct peer_domain *pd = peers_domain(pf, d);
		cell(f, qn_str(q, &q->domains[d].title, lang), w + 1, false);
		num(f, pd->has_score, "%.2f", pd->score, 6);
		num(f, pd->has_percentile, "%.0f", pd->percentile, 6);
		num(f, pd->has_figures, "%.2f", pd->p25, 6);
		num(f, pd->has_figures, "%.2f", pd->median, 8);
		num(f, pd->has_figures, "%.2f", pd->p75, 6);
		fprintf(f, "%7d\n", pd->n);
		print_bar(f, q, pd, g);
		if (!pd->has_figures)
			fprintf(f, _("    fewer than %d peers with a score here: no comparison shown\n"),
			        peers_min_peers(pf));
	}
	fprintf(f, "\n%s %s   %s %s   %s %s\n", g->band, _("middle half of the peers (P25–P75)"),
	        g->median, _("median"), g->mark, org);
	fprintf(f, "%s\n", _("Pctl: the share of peers scoring lower (ties count half), in percent."));
}

/* ---- JSON output (SPEC) ---- */

static void knum(struct jsonw *w, const char *key, bool has, double v)
{
	if (has)
		jsonw_knumber(w, key, v);
	else
		jsonw_knull(w, key);
}

static void print_json(FILE *f, const struct questionnaire *q, const struct peer_figures *pf,
                       const char *org)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_kstring(&w, "organisation", org);
	jsonw_kint(&w, "peers", (long)peers_counts(pf)->peers);
	jsonw_kstring(&w, "size_class", peers_size_class_name(peers_self_class(pf)));
	jsonw_kbool(&w, "same_size", peers_same_size(pf));
	jsonw_kint(&w, "min_peers", peers_min_peers(pf));
	jsonw_key(&w, "domains");
	jsonw_array(&w);
	for (int d = 0; d < q->ndomains; d++) {
		const struct peer_domain *pd = peers_domain(pf, d);
		jsonw_object(&w);
		jsonw_kstring(&w, "id", q->domains[d].id);
		knum(&w, "score", pd->has_score, pd->score);
		knum(&w, "percentile", pd->has_percentile, pd->percentile);
		knum(&w, "p25", pd->has_figures, pd->p25);
		knum(&w, "median", pd->has_figures, pd->median);
		knum(&w, "p75", pd->has_figures, pd->p75);
		jsonw_kint(&w, "n", pd->n);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}

/* ---- the command ---- */

/* One line that always says what was read and why files did not count. */
static void print_summary(const struct peer_figures *pf, const char *dir)
{
	const struct peer_counts *c = peers_counts(pf);
	fprintf(stderr, _("peil benchmark: %s: %zu files read, %zu peers; skipped: %zu invalid, "
	                  "%zu same organisation, %zu other size class; questionnaires: %zu\n"),
	        dir, c->files, c->peers, c->invalid, c->same_org, c->other_size, c->questionnaires);
}

static int parse_args(int argc, char **argv, struct bench_args *a)
{
	enum { OPT_SAME = 256, OPT_MIN, OPT_STRICT, OPT_PEERS };
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "peers", required_argument, NULL, OPT_PEERS },
		{ "same-size", no_argument, NULL, OPT_SAME },
		{ "min-peers", required_argument, NULL, OPT_MIN },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char *end;
	long k;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq:f:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			cli_command_help("benchmark", stdout);
			return -1;
		case 'q': a->qarg = optarg; break;
		case OPT_PEERS: a->dir = optarg; break;
		case OPT_SAME: a->o.same_size = true; break;
		case OPT_STRICT: a->strict = true; break;
		case 'f':
			if (!cli_parse_format(optarg, &a->json))
				return cli_usage_error("benchmark", _("--format takes text or json, not '%s'"), optarg);
			break;
		case OPT_MIN:
			k = strtol(optarg, &end, 10);
			if (*end || end == optarg || k < 1 || k > INT_MAX)
				return cli_usage_error("benchmark", _("--min-peers takes a number of at least 1, not '%s'"),
				                       optarg);
			a->o.min_peers = (int)k;
			break;
		default:
			return cli_usage_error("benchmark", _("unknown option or missing value: '%s'"), argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("benchmark", "%s", _("name exactly one response file"));
	if (!a->dir)
		return cli_usage_error("benchmark", "%s", _("--peers DIR is required"));
	a->file = argv[optind];
	return EXIT_OK;
}

/* Each broken peer's errors are printed as they come: flat memory. */
static void print_invalid(void *ctx, const struct diag_list *file_diags)
{
	(void)ctx;
	diag_print(file_diags, stderr, false);
}

int cmd_benchmark(int argc, char **argv)
{
	struct bench_args a = { .o = { .on_invalid = print_invalid } };
	int rc = parse_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct questionnaire *q;
	struct response *self;
	if (!cli_load_response(a.qarg, a.file, &q, &self))
		return EXIT_INVALID;
	if (a.o.same_size && response_population(self) < 0) {
		fprintf(stderr, _("%s:1:1: error: --same-size needs the population of the assessed "
		                  "municipality (key 'population')\n"), a.file);
		response_free(self);
		questionnaire_free(q);
		return EXIT_INVALID;
	}
	struct diag_list *d = diag_list_new();
	struct peer_figures *pf = d ? peers_compute(q, self, a.dir, &a.o, d) : NULL;
	if (d)
		diag_print(d, stderr, false);
	if (!pf) {
		rc = EXIT_INVALID;
	} else {
		print_summary(pf, a.dir);
		if (a.strict && peers_counts(pf)->invalid > 0) {
			rc = EXIT_INVALID;
		} else {
			if (a.json)
				print_json(stdout, q, pf, response_organisation(self));
			else
				print_text(stdout, q, pf, response_organisation(self));
			if (fflush(stdout) != 0 || ferror(stdout))
				rc = EXIT_WRITE;
		}
	}
	peers_free(pf);
	diag_list_free(d);
	response_free(self);
	questionnaire_free(q);
	return rc;
}
