/* The one exporter interface: a scorecard of one response as Markdown,
 * self-contained HTML, CSV or JSON, written to a stream.
 *
 * Used by `peil export` (which writes into a memory stream and then hands
 * the buffer to the atomic writer) and by the TUI's export dialog.
 * Exporters are pure functions of their options: they read the
 * questionnaire and responses, compute scores themselves and never touch
 * the file system. Fixed wording goes through gettext (the caller sets the
 * message language); questionnaire texts are taken in `lang`. */
#ifndef PEIL_EXPORT_H
#define PEIL_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/questionnaire.h"
#include "core/response.h"

enum export_format {
	EXPORT_MD,
	EXPORT_HTML,
	EXPORT_CSV,
	EXPORT_JSON,
};
enum { EXPORT_NFORMATS = 4 };

/* Peer figures for one domain, as `peil benchmark` computes them. The
 * exporters only print these; cli/ fills them from scoring/peers. */
struct export_peer_domain {
	bool has;               /* false: too few peers, nothing is shown */
	int n;                  /* peers with a score in this domain */
	double p25, median, p75;
	bool has_percentile;    /* has, and this response has a score here */
	double percentile;      /* mid-rank percentile of this response, 0..100 */
};

struct export_peers {
	int npeers;                              /* peer files read */
	const char *size_class;                  /* NULL: all sizes */
	const struct export_peer_domain *domains; /* q->ndomains of them */
};

struct export_options {
	const struct questionnaire *q;      /* borrowed */
	const struct response *r;           /* borrowed; the assessment shown */
	const struct response *baseline;    /* last time's response, or NULL */
	const struct export_peers *peers;   /* or NULL */
	int lang;               /* language index into q->langs */
	char csv_sep;           /* ',' (default when 0) or ';' ... */
	bool csv_bom;           /* start the CSV with a UTF-8 BOM */
};

/* "md" (or "markdown"), "html", "csv", "json"; false for anything else. */
bool export_format_parse(const char *s, enum export_format *f);
/* "md", "html", "csv", "json": also the usual file name extension. */
const char *export_format_name(enum export_format f);

/* Writes the export to out. Returns false when memory runs out or a write
 * to out fails (ferror); what was written so far is then to be thrown away,
 * which is why callers write into a buffer first. */
bool export_write(enum export_format f, const struct export_options *o, FILE *out);

/* Writes the export to `path` atomically (nothing half-written is left
 * behind on failure). For the TUI; `err` says why on failure. */
bool export_to_file(enum export_format f, const struct export_options *o,
                    const char *path, char *err, size_t errlen);

#endif
