/* peil export's options, shared by cli/cmd_export.c (one scorecard) and
 * cli/export_batch.c (one per file, the peers read once). */
#ifndef PEIL_EXPORT_ARGS_H
#define PEIL_EXPORT_ARGS_H

#include <stdbool.h>

#include "cli/options.h"
#include "cli/peer_files.h"
#include "core/outpath.h"
#include "exports/export.h"
#include "scoring/peers.h"

struct export_args {
	struct cli_values v;    /* the options as given (cli/options.h): qarg, out, baseline, peers, bom,
	                           force, public (without notes, evidence and the respondent's name) */
	const char *file;
	char **files;           /* the FILE operands */
	int nfiles;
	bool batch;             /* several files, or a directory: -o is a directory */
	enum export_format format;
	char csv_sep;
	int appendix;           /* 1 --appendix, -1 --no-appendix, 0 the format's default */
	struct peer_options po;
};

/* The exporters' peer figures of r (domains: q->ndomains of them), with
 * the summary line on stderr when asked; s is r's scorecard. False after a
 * message. */
bool export_peer_figures(const struct export_args *a, const struct peer_source *ps, const struct questionnaire *q,
                         const struct response *r, const struct scorecard *s, const char *path,
                         struct export_peers *ep, struct export_peer_domain *domains, bool summary);
/* Renders o in a->format and writes it to `out` atomically: EXIT_OK or
 * EXIT_WRITE. */
int export_write_file(const struct export_args *a, const struct export_options *o, const char *out,
                      const struct outpath_rules *rules);
/* Several files: a scorecard each in the directory a->out. */
int export_batch(const struct export_args *a);

#endif
