/* The one exporter interface: a scorecard of one response as Markdown,
 * self-contained HTML, CSV or JSON, written to a stream.
 *
 * Used by `peil export` and by the TUI's export dialog, which both write
 * into a memory stream and then hand the buffer to the atomic writer.
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

struct scorecard;

/* One row per export format; this table is the only list of them. It
 * makes the enum, `--format` parsing and help, the TUI's export dialog,
 * the man page check and the bash completion (both through `peil export
 * --help`). Adding a format means its writer plus one row here.
 *   X(ID, name for --format, file extension, writer, label, when to use it)
 * The writer is `bool writer(struct xctx *, FILE *)`, declared from this
 * row in exports/xctx.h; label and help are marked for translation. */
#define EXPORT_FORMATS(X) \
	X(MD, "md", "md", md_write, N_("Markdown"), \
	  N_("plain text with headings and tables: for a wiki, an e-mail or a repository")) \
	X(HTML, "html", "html", html_write, N_("HTML"), \
	  N_("one self-contained web page: for the website, the intranet or a phone")) \
	X(PDF, "pdf", "pdf", pdf_write, N_("PDF"), \
	  N_("A4 pages to file or print: for the council's papers (add --appendix for every answer)")) \
	X(ODT, "odt", "odt", odt_write, N_("ODT"), \
	  N_("an OpenDocument text to edit in LibreOffice or Word: for the accompanying letter")) \
	X(CSV, "csv", "csv", csv_write, N_("CSV"), \
	  N_("one row per question: for a spreadsheet")) \
	X(JSON, "json", "json", json_write, N_("JSON"), \
	  N_("every figure, for other tools (exports/JSON.md)")) \
	X(ICS, "ics", "ics", ics_write, N_("Calendar"), \
	  N_("the plan's open actions as to-dos with due dates: for Outlook, Thunderbird or a phone"))

enum export_format {
#define EXPORT_ENUM(id, name, ext, writer, label, help) EXPORT_##id,
	EXPORT_FORMATS(EXPORT_ENUM)
#undef EXPORT_ENUM
	EXPORT_NFORMATS
};

/* Peer figures for one domain, as `peil benchmark` computes them. The
 * exporters only print these; cli/ fills them from scoring/peers. */
struct export_peer_domain {
	bool has;               /* the quartiles: at least 10 peers (else null) */
	int n;                  /* peers with a score in this domain */
	double p25, median, p75;
	bool has_percentile;    /* at least --min-peers, and this response has a score */
	double percentile;      /* mid-rank percentile of this response, 0..100 */
};

struct export_peers {
	int npeers;                              /* peer files read */
	const char *size_class;                  /* NULL: all sizes */
	const struct export_peer_domain *domains; /* q->ndomains of them */
};

/* The sector picture (`peil sector --format md|html`, exports/sector_doc.c):
 * the same document model and writers as the scorecard, a band chart per
 * domain over the classes. False on out-of-memory. */
struct sector;
struct export_sector {
	const struct questionnaire *q;
	const struct sector *s;
	const struct sector *base;      /* last round's picture: its median marked; or NULL */
	const char *group_by;           /* NULL: size classes */
	int lang;                       /* into q->langs */
	const char *date;               /* YYYY-MM-DD, shown */
};
bool export_sector(const struct export_sector *e, bool html, FILE *f);

/* One CSV field (exports/csv.c): RFC 4180 quoting, a leading apostrophe
 * where a spreadsheet would run the text as a formula, unsafe code points
 * as U+FFFD; a separator before it unless `first`. Also for the CSV of
 * `peil intake` and `peil sector`. */
void csv_cell(FILE *f, const char *s, char sep, bool first);

struct export_options {
	const struct questionnaire *q;      /* borrowed */
	const struct response *r;           /* borrowed; the assessment shown */
	const struct response *baseline;    /* last time's response, or NULL */
	const struct export_peers *peers;   /* or NULL */
	/* r's and the baseline's scorecards when the caller has them
	 * (score_compute() of q and r, of q and baseline), else NULL: each
	 * file is scored once per export. Borrowed. */
	const struct scorecard *scores, *base_scores;
	int lang;               /* language index into q->langs */
	char csv_sep;           /* ',' (default when 0) or ';' ... */
	bool csv_bom;           /* start the CSV with a UTF-8 BOM */
	int appendix;           /* 1 with, -1 without the appendix of every answer,
	                         * 0 the format's default (on; off in the PDF) */
	bool public;            /* the public version: without notes, evidence and
	                         * the respondent's name (response_public_copy) */
};

/* A format by its --format name ("markdown" also means md); false for
 * anything else. */
bool export_format_parse(const char *s, enum export_format *f);
/* Its --format name, e.g. "md". */
const char *export_format_name(enum export_format f);
/* The usual file name extension, e.g. "md". */
const char *export_format_ext(enum export_format f);
/* Its label ("Markdown") and when to use it, translated. */
const char *export_format_label(enum export_format f);
const char *export_format_help(enum export_format f);
/* Every --format name joined by sep ("md|html|..."), into buf. */
const char *export_format_names(char *buf, size_t len, const char *sep);

/* The export rendered into memory: *buf (free() it) of *len bytes, to be
 * written atomically by the caller. False when memory runs out (nothing to
 * free then). */
bool export_render(enum export_format f, const struct export_options *o, char **buf, size_t *len);

/* Writes the export to out. Returns false when memory runs out or a write
 * to out fails (ferror); what was written so far is then to be thrown away,
 * which is why callers write into a buffer first. */
bool export_write(enum export_format f, const struct export_options *o, FILE *out);

#endif
