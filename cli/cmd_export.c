/* peil export [-q Q] FILE... --format FORMAT [-o OUT] [--baseline OLD]
 * [--peers DIR|ROUND] [--same-size] [--min-peers K] [--csv-sep C] [--bom] [--appendix|--no-appendix] [--public] [--force]:
 * a scorecard for the council. The export is written into memory first and
 * then atomically, so a failure never leaves half a file (exit 3). With
 * several files, -o names a directory and the peers are read once
 * (cli/export_batch.c). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/export_args.h"
#include "cli/options.h"
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

/* The options that need checking or converting, in the order given. */
static int export_option(void *args, enum cli_opt opt, const char *arg)
{
	struct export_args *a = args;
	char names[128];
	switch (opt) {
	case CLI_OPT_appendix: a->appendix = 1; break;
	case CLI_OPT_no_appendix: a->appendix = -1; break;
	case CLI_OPT_format:
		if (!export_format_parse(arg, &a->format))
			return cli_usage_error("export", _("--format takes one of %s, not '%s'"),
			                       export_format_names(names, sizeof names, ", "), arg);
		break;
	case CLI_OPT_csv_sep:
		if (!parse_sep(arg, &a->csv_sep))
			return cli_usage_error("export", _("--csv-sep takes one of , ; | or tab, not '%s'"), arg);
		break;
	case CLI_OPT_min_peers:
		if (!peer_parse_min("export", arg, &a->po.min_peers))
			return EXIT_USAGE;
		break;
	default:
		break;
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

const struct cli_hooks export_hooks = { .size = sizeof(struct export_args), .option = export_option,
                                        .help = format_help };

/* After the options: the files, and what goes with one or several. */
static int take_files(int argc, char **argv, struct export_args *a)
{
	a->po.same_size = a->v.same_size;
	a->files = argv;
	a->nfiles = argc;
	struct stat st;
	a->batch = a->nfiles > 1 || (stat(a->files[0], &st) == 0 && S_ISDIR(st.st_mode));
	if (a->batch && !a->v.out)
		return cli_usage_error("export", "%s", _("with several files, -o names the directory for the scorecards"));
	if (a->batch && a->v.baseline)
		return cli_usage_error("export", "%s", _("--baseline belongs to one file: export the files one by one"));
	if (!a->v.format) {
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
	if (!peer_source_read(&ps, a->v.peers, q))
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

int cmd_export(void *args, int argc, char **argv)
{
	struct export_args *a = args;
	int rc = take_files(argc, argv, a);
	if (rc != CLI_CONTINUE)
		return rc;
	if (a->batch)
		return export_batch(a);
	a->file = a->files[0];
	struct questionnaire *q;
	struct response *r, *base = NULL;
	if (!cli_load_response(a->v.qarg, a->file, &q, &r))
		return EXIT_INVALID;
	/* Never over its own inputs, nor over any response file (unless
	 * --force): `export r.yaml -o r.yaml` would turn the answers into HTML. */
	const char *inputs[] = { a->file, q->path, a->v.baseline, a->v.peers };
	struct outpath_rules rules = { .inputs = inputs, .ninputs = 4, .force = a->v.force };
	if ((rc = cli_check_output(a->v.out, &rules)) != EXIT_OK) {
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
	if (a->v.baseline && !(base = cli_load_previous_with(q, a->v.baseline)))
		goto done;
	if (base && !(sb = score_compute(q, base))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		goto done;
	}
	if (base)
		cli_compare_warn("export", a->v.baseline, base, sb, a->file, r, s);
	if (a->v.peers && !load_peers(a, q, r, s, &peers, &pdomains))
		goto done;
	struct export_options o = {
		.q = q, .r = r, .baseline = base, .peers = a->v.peers ? &peers : NULL,
		.scores = s, .base_scores = sb,
		.lang = cli_lang(q), .csv_sep = a->csv_sep, .csv_bom = a->v.bom,
		.appendix = a->appendix, .public = a->v.public,
	};
	rc = export_write_file(a, &o, a->v.out, &rules);
done:
	scorecard_free(s);
	scorecard_free(sb);
	mem_free(pdomains);
	response_free(base);
	response_free(r);
	questionnaire_free(q);
	return rc;
}
