/* peil export [-q Q] FILE... --format FORMAT [-o OUT] [--baseline OLD]
 * [--peers DIR|ROUND] [--same-size] [--min-peers K] [--csv-sep C] [--bom] [--appendix|--no-appendix] [--public] [--force]:
 * a scorecard for the council. The export is written into memory first and
 * then atomically, so a failure never leaves half a file (exit 3). With
 * several files, -o names a directory and the peers are read once
 * (cli/export_batch.c). */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/export_args.h"
#include "cli/peer_files.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/outpath.h"
#include "exports/export.h"
#include "scoring/peers.h"
#include "scoring/score.h"

static bool parse_sep(const char *s, char *sep)
{
	if (!strcmp(s, "tab") || !strcmp(s, "\\t") || !strcmp(s, "\t"))
		*sep = '\t';
	else if (strlen(s) == 1 && strchr(",;|", s[0]))
		*sep = s[0];
	else
		return false;
	return true;
}

static int parse_option(int c, struct export_args *a, char **argv)
{
	switch (c) {
	case 'q': a->qarg = optarg; break;
	case 'o': a->out = optarg; break;
	case 'b': a->baseline = optarg; break;
	case 'p': a->peers = optarg; break;
	case 'B': a->bom = true; break;
	case 'A': a->appendix = 1; break;
	case 'N': a->appendix = -1; break;
	case 'P': a->public = true; break;
	case 'F': a->force = true; break;
	case 'S': a->po.same_size = true; break;
	case 'f':
		if (!export_format_parse(optarg, &a->format)) {
			char names[128];
			return cli_usage_error("export", _("--format takes one of %s, not '%s'"),
			                       export_format_names(names, sizeof names, ", "), optarg);
		}
		a->has_format = true;
		break;
	case 's':
		if (!parse_sep(optarg, &a->csv_sep))
			return cli_usage_error("export", _("--csv-sep takes one of , ; | or tab, not '%s'"), optarg);
		break;
	case 'm':
		if (!peer_parse_min("export", optarg, &a->po.min_peers))
			return EXIT_USAGE;
		break;
	default:
		return cli_usage_error("export", _("unknown option or missing value: '%s'"), argv[optind - 1]);
	}
	return CLI_CONTINUE;
}

/* The formats, one a line ("  pdf   PDF: ..."), from the format table; the
 * bash completion and the man page test read these lines. */
static void format_help(FILE *out)
{
	fprintf(out, "%s\n", _("Formats (--format):"));
	for (int i = 0; i < EXPORT_NFORMATS; i++)
		fprintf(out, "  %-6s %s: %s\n", export_format_name((enum export_format)i),
		        export_format_label((enum export_format)i), export_format_help((enum export_format)i));
}

/* Returns EXIT_OK, a usage error, or -1 after --help. */
static int parse_args(int argc, char **argv, struct export_args *a)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "peers", required_argument, NULL, 'p' },
		{ "same-size", no_argument, NULL, 'S' },
		{ "min-peers", required_argument, NULL, 'm' },
		{ "csv-sep", required_argument, NULL, 's' },
		{ "bom", no_argument, NULL, 'B' },
		{ "appendix", no_argument, NULL, 'A' },
		{ "no-appendix", no_argument, NULL, 'N' },
		{ "force", no_argument, NULL, 'F' },
		{ "public", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq:f:o:", opts, NULL)) != -1) {
		if (c == 'h') {
			cli_command_help("export", stdout);
			format_help(stdout);
			return EXIT_OK;
		}
		int rc = parse_option(c, a, argv);
		if (rc != CLI_CONTINUE)
			return rc;
	}
	if (argc - optind < 1)
		return cli_usage_error("export", "%s", _("name a response file"));
	a->files = argv + optind;
	a->nfiles = argc - optind;
	struct stat st;
	a->batch = a->nfiles > 1 || (stat(a->files[0], &st) == 0 && S_ISDIR(st.st_mode));
	if (a->batch && !a->out)
		return cli_usage_error("export", "%s", _("with several files, -o names the directory for the scorecards"));
	if (a->batch && a->baseline)
		return cli_usage_error("export", "%s", _("--baseline belongs to one file: export the files one by one"));
	if (!a->has_format) {
		char names[128];
		return cli_usage_error("export", _("--format %s is required"),
		                       export_format_names(names, sizeof names, "|"));
	}
	return CLI_CONTINUE;
}

bool export_peer_figures(const struct export_args *a, const struct peer_source *ps, const struct questionnaire *q,
                         const struct response *r, const struct scorecard *s, const char *path,
                         struct export_peers *ep, struct export_peer_domain *domains, bool summary)
{
	if (a->po.same_size && response_population(r) < 0) {
		cli_diag(stderr, path, 1, 1, DIAG_ERROR, "%s",
		         _("--same-size needs the population of the assessed municipality (key 'population')"));
		return false;
	}
	struct peer_figures *pf = peer_source_figures(ps, q, r, s, &a->po);
	if (!pf)
		return false;
	const struct peer_counts *c = peers_counts(pf);
	if (summary)
		peer_source_summary("export", ps, pf);
	for (int i = 0; i < q->ndomains; i++) {
		const struct peer_domain *pd = peers_domain(pf, i);
		domains[i] = (struct export_peer_domain){
			.has = pd->has_quartiles, .n = pd->n, .p25 = pd->p25, .median = pd->median, .p75 = pd->p75,
			.has_percentile = pd->has_percentile, .percentile = pd->percentile,
		};
	}
	*ep = (struct export_peers){
		.npeers = (int)(c->peers < INT_MAX ? c->peers : INT_MAX),
		.size_class = peers_same_size(pf) ? peers_size_class_name(peers_self_class(pf)) : NULL,
		.domains = domains,
	};
	peers_free(pf);
	return true;
}

static bool load_peers(const struct export_args *a, const struct questionnaire *q, const struct response *r,
                       const struct scorecard *s, struct export_peers *ep, struct export_peer_domain **domains)
{
	struct peer_source ps;
	if (!peer_source_read(&ps, a->peers, q))
		return false;
	*domains = xarray((size_t)q->ndomains, sizeof(**domains));
	bool ok = export_peer_figures(a, &ps, q, r, s, a->file, ep, *domains, true);
	peer_source_free(&ps);
	return ok;
}

int export_write_file(const struct export_args *a, const struct export_options *o, const char *out,
                      const struct outpath_rules *rules)
{
	char *buf;
	size_t len;
	bool ok = export_render(a->format, o, &buf, &len);
	int rc = EXIT_WRITE;
	if (!ok)
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
	else
		rc = cli_write_output_checked(out, buf, len, rules);
	free(buf);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	struct export_args a = { 0 };
	int rc = parse_args(argc, argv, &a);
	if (rc != CLI_CONTINUE)
		return rc;
	if (a.batch)
		return export_batch(&a);
	a.file = a.files[0];
	struct questionnaire *q;
	struct response *r, *base = NULL;
	if (!cli_load_response(a.qarg, a.file, &q, &r))
		return EXIT_INVALID;
	/* Never over its own inputs, nor over any response file (unless
	 * --force): `export r.yaml -o r.yaml` would turn the answers into HTML. */
	const char *inputs[] = { a.file, q->path, a.baseline, a.peers };
	struct outpath_rules rules = { .inputs = inputs, .ninputs = 4, .force = a.force };
	if ((rc = cli_check_output(a.out, &rules)) != EXIT_OK) {
		response_free(r);
		questionnaire_free(q);
		return rc;
	}
	struct export_peers peers;
	struct export_peer_domain *pdomains = NULL;
	/* Each file is scored once: for the warnings, the peers and the export. */
	struct scorecard *s = score_compute(q, r), *sb = NULL;
	rc = EXIT_INVALID;
	if (!s) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		goto done;
	}
	if (a.baseline && !(base = cli_load_previous_with(q, a.baseline)))
		goto done;
	if (base && !(sb = score_compute(q, base))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		goto done;
	}
	if (base)
		cli_compare_warn("export", a.baseline, base, sb, a.file, r, s);
	if (a.peers && !load_peers(&a, q, r, s, &peers, &pdomains))
		goto done;
	struct export_options o = {
		.q = q, .r = r, .baseline = base, .peers = a.peers ? &peers : NULL,
		.scores = s, .base_scores = sb,
		.lang = cli_lang(q), .csv_sep = a.csv_sep, .csv_bom = a.bom,
		.appendix = a.appendix, .public = a.public,
	};
	rc = export_write_file(&a, &o, a.out, &rules);
done:
	scorecard_free(s);
	scorecard_free(sb);
	mem_free(pdomains);
	response_free(base);
	response_free(r);
	questionnaire_free(q);
	return rc;
}
