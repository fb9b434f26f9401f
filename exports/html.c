/* The scorecard as one self-contained HTML5 file: inline CSS and SVG, no
 * scripts, no external resources (the Content-Security-Policy forbids
 * them too, as a second line of defence behind the escaping). Readable on
 * a phone; prints on A4 with page breaks between the main parts. */
#include <string.h>

#include "core/i18n.h"
#include "exports/doc.h"
#include "exports/html.h"

/* Colours from the Okabe–Ito palette (safe for colour-blind readers); every
 * mark also differs in shape and dash pattern, so greyscale print works. */
static const char css[] =
	"@page{size:A4;margin:16mm 14mm}\n"
	":root{--ink:" HC_INK ";--muted:" HC_MUTED ";--line:" HC_LINE ";--score:" HC_SCORE ";--target:" HC_TARGET
	";--base:" HC_INK ";--peer:" HC_PEER ";--band:" HC_BAND "}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%}\n"
	"body{margin:0 auto;max-width:52rem;padding:1rem 1rem 3rem;color:var(--ink);background:#fff;"
	"font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",sans-serif}\n"
	"h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 .2rem}\n"
	"h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}\n"
	"h3{font-size:1.1rem;margin:1.4rem 0 .4rem}\n"
	"h4{font-size:1rem;margin:1rem 0 .2rem}\n"
	".subtitle{margin:0 0 1rem;color:var(--muted);font-size:1.1rem}\n"
	"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}\n"
	"dl.facts dt{font-weight:600}\n"
	"dl.facts dd{margin:0;overflow-wrap:break-word}\n"
	"table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.3rem .45rem;border-bottom:1px solid var(--line);"
	"overflow-wrap:break-word}\n"
	"thead th{border-bottom:2px solid var(--ink)}\n"
	"tbody th{font-weight:600}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.num{white-space:nowrap}\n"
	"ol.items li,ul.items li{margin:0 0 .7rem}\n"
	".detail{display:block;color:var(--muted)}\n"
	".note{color:var(--muted);font-size:.95rem}\n"
	"figure{margin:1rem 0}\n"
	"figure>svg{display:block;width:100%;height:auto;max-width:40rem}\n"
	"figcaption{font-weight:600;margin-bottom:.3rem}\n"
	"ul.legend{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;"
	"font-size:.9rem}\n"
	"ul.legend svg{display:inline-block;width:28px;height:14px;vertical-align:middle;margin-right:.3rem}\n"
	"svg text{font-family:inherit;fill:var(--ink)}\n"
	"svg .grid{stroke:var(--line);fill:none}\n"
	"svg .axis{stroke:var(--muted);stroke-width:.6}\n"
	"svg .small{font-size:11px;fill:var(--muted)}\n"
	"svg .key{display:none;font-weight:700}\n"
	"ol.radar-keys{display:none;margin:.3rem 0;padding-left:1.6rem}\n"
	"svg .ring{paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
	"svg .label{font-size:13px;font-weight:600}\n"
	"svg .value{font-size:12px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
	"svg .figs{font-size:12px}\n"
	"svg .m-score{stroke:var(--score);fill:var(--score)}\n"
	"svg .l-score{stroke:var(--score);stroke-width:2.5;fill:var(--score);fill-opacity:.14}\n"
	"svg .l-target{stroke:var(--target);stroke-width:2;stroke-dasharray:7 4;fill:none}\n"
	"svg .m-target{stroke:var(--target);fill:#fff;stroke-width:2}\n"
	"svg .l-base{stroke:var(--base);stroke-width:1.8;stroke-dasharray:2 3;fill:none}\n"
	"svg .m-base{stroke:var(--base);fill:var(--base)}\n"
	"svg .l-peer{stroke:var(--peer);stroke-width:1.8;stroke-dasharray:10 3 2 3;fill:none}\n"
	"svg .m-peer{stroke:var(--peer);fill:var(--peer)}\n"
	"svg .band{fill:var(--band);stroke:var(--peer);stroke-width:.8}\n"
	"svg .track{fill:#fff;stroke:var(--line)}\n"
	"@media (max-width:36rem){body{font-size:15px;padding:.6rem}dl.facts{grid-template-columns:1fr}"
	"dl.facts dt{margin-top:.4rem}h1{font-size:1.5rem}"
	/* tables become one card per row: every cell with its column's name,
	 * so nothing goes off-screen and nothing needs scrolling */
	"table,tbody,tr,th,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;"
	"clip:rect(0 0 0 0);white-space:nowrap}"
	"tbody tr{border-bottom:1px solid var(--line);padding:.35rem 0}"
	"tbody th,td{border:0;padding:.1rem 0}td.num{text-align:left;white-space:normal}"
	"td::before{content:attr(data-label) \": \";font-weight:600}"
	/* charts shrink to the screen (to about 0.6): larger type inside keeps
	 * it at 12 px or more */
	"svg .label{font-size:23px}svg .value{font-size:23px}svg .small{font-size:23px}"
	"svg .key{display:inline;font-size:24px}figure.radar svg .label{display:none}"
	"ol.radar-keys{display:block}svg .figs{display:none}}\n"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}"
	"table{font-size:9.5pt}h2{margin-top:1.2rem}"
	"section.new-page{break-before:page}table,figure,li,dl.facts,.q{break-inside:avoid}"
	"h2,h3,h4{break-after:avoid}thead{display:table-header-group}tr{break-inside:avoid}"
	"figure.radar>svg{max-width:15cm}figure.bars>svg{max-width:16cm}p{orphans:3;widows:3}}\n";

/* s inside a CSS string "...": quotes, backslashes and newlines escaped,
 * unsafe code points as U+FFFD, < escaped so no </style> can occur. */
static void css_string(FILE *f, const char *s)
{
	while (s && *s) {
		unsigned long cp;
		s += xs_next(s, &cp);
		if (cp == '"' || cp == '\\' || cp == '<' || cp == '\n')
			fprintf(f, "\\%lx ", cp);
		else
			xs_put(f, cp);
	}
}

static void h_begin(FILE *f, const struct doc *d)
{
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	html_escape(f, d->lang, HTML_NL_SPACE);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"generator\" content=\"peil\">\n<title>", f);
	html_escape(f, d->title, HTML_NL_SPACE);
	fputs(" — ", f);
	html_escape(f, d->subtitle, HTML_NL_SPACE);
	fputs("</title>\n<style>\n", f);
	fputs(css, f);
	/* The printed page's footer (print CSS, issue 16 item 14): the
	 * organisation and "page n of m", so no browser header is needed. */
	fputs("@page{@bottom-left{content:\"", f);
	css_string(f, d->title);
	fputs("\";font:8pt sans-serif;color:#4d4d4d}@bottom-right{content:\"", f);
	css_string(f, _("page"));
	fputs(" \" counter(page) \" ", f);
	css_string(f, _("of"));
	fputs(" \" counter(pages);font:8pt sans-serif;color:#4d4d4d}}\n</style>\n</head>\n<body>\n<header>\n<h1>", f);
	html_escape(f, d->title, HTML_NL_SPACE);
	fputs("</h1>\n<p class=\"subtitle\">", f);
	html_escape(f, d->subtitle, HTML_NL_SPACE);
	fputs("</p>\n", f);
}

/* The writer's state: where the page is, for the sections. */
struct hw {
	FILE *f;
	const struct doc *d;
	bool open, in_main;     /* a <section>, the <main> after the <header> */
};

static void h_section(void *w, const struct doc_block *b)
{
	struct hw *h = w;
	FILE *f = h->f;
	if (!h->in_main) {
		fputs("</header>\n<main>\n", f);
		h->in_main = true;
	}
	if (h->open)
		fputs("</section>\n", f);
	fputs("<section id=\"", f);
	html_escape(f, b->id, HTML_NL_SPACE);
	fprintf(f, "\"%s>\n<h2>", b->new_page ? " class=\"new-page\"" : "");
	html_escape(f, b->title, HTML_NL_SPACE);
	fputs("</h2>\n", f);
	h->open = true;
}

static void h_heading(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	int level = b->level < 3 ? 3 : b->level > 6 ? 6 : b->level;
	fprintf(f, "<h%d>", level);
	html_escape(f, b->title, HTML_NL_SPACE);
	fprintf(f, "</h%d>\n", level);
}

static void h_para(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	fputs(b->kind == DOC_NOTE ? "<p class=\"note\">" : "<p>", f);
	html_escape(f, b->text, HTML_NL_BR);
	fputs("</p>\n", f);
}

static void h_facts(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	const struct doc_fact *fa = b->facts;
	fputs("<dl class=\"facts\">\n", f);
	for (int i = 0; i < b->n; i++) {
		fputs("<dt>", f);
		html_escape(f, fa[i].key, HTML_NL_SPACE);
		fputs("</dt><dd>", f);
		html_escape(f, fa[i].value, HTML_NL_BR);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n", f);
}

/* A table that turns into one card per row on a narrow screen: every cell
 * carries its column's name (data-label), shown by the phone CSS. */
static void h_table(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	const struct doc_table *t = &b->table;
	fputs("<table>\n", f);
	if (t->caption) {
		fputs("<caption>", f);
		html_escape(f, t->caption, HTML_NL_SPACE);
		fputs("</caption>\n", f);
	}
	fputs("<thead><tr>", f);
	for (int c = 0; c < t->ncols; c++) {
		fprintf(f, "<th scope=\"col\"%s>", t->numeric[c] ? " class=\"num\"" : "");
		html_escape(f, t->head[c], HTML_NL_SPACE);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int r = 0; r < t->nrows; r++) {
		fputs("<tr>", f);
		for (int c = 0; c < t->ncols; c++) {
			/* The first column names the row, for screen readers. */
			const char *tag = c == 0 ? "th" : "td";
			fprintf(f, "<%s%s%s data-label=\"", tag, c == 0 ? " scope=\"row\"" : "",
			        t->numeric[c] ? " class=\"num\"" : "");
			html_escape(f, t->head[c], HTML_NL_SPACE);
			fputs("\">", f);
			html_escape(f, t->cells[r * t->ncols + c], HTML_NL_BR);
			fprintf(f, "</%s>", tag);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void h_items(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	const struct doc_item *it = b->items;
	fprintf(f, "<%s class=\"items\">\n", b->ordered ? "ol" : "ul");
	for (int i = 0; i < b->n; i++) {
		fputs("<li><strong>", f);
		html_escape(f, it[i].title, HTML_NL_BR);
		fputs("</strong><br>", f);
		html_escape(f, it[i].text, HTML_NL_BR);
		if (it[i].detail && *it[i].detail) {
			fputs("<span class=\"detail\">", f);
			html_escape(f, it[i].detail, HTML_NL_BR);
			fputs("</span>", f);
		}
		fputs("</li>\n", f);
	}
	fprintf(f, "</%s>\n", b->ordered ? "ol" : "ul");
}

static void legend(FILE *f, const struct doc_chart *c)
{
	static const char *const kinds[DOC_NSERIES] = { "score", "target", "base", "peer" };
	fputs("<ul class=\"legend\">\n", f);
	for (int i = 0; i < DOC_NSERIES; i++) {
		if (!c->series[i])
			continue;
		fputs("<li>", f);
		svg_legend_mark(f, kinds[i]);
		html_escape(f, c->legend[i], HTML_NL_SPACE);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

static void h_chart(void *w, const struct doc_block *b)
{
	FILE *f = ((struct hw *)w)->f;
	enum doc_chart_kind which = b->chart;
	const struct doc_chart *c = b->data ? b->data : &((struct hw *)w)->d->chart;
	fprintf(f, "<figure class=\"%s\">\n<figcaption>", which == DOC_RADAR ? "radar" : "bars");
	html_escape(f, c->caption ? c->caption : doc_chart_caption(which), HTML_NL_SPACE);
	fputs("</figcaption>\n", f);
	if (which == DOC_RADAR) {
		svg_radar(f, c, true);
		/* On a phone the radar shows numbers; these are their names. */
		fputs("<ol class=\"radar-keys\" aria-hidden=\"true\">\n", f);
		for (int i = 0; i < c->ndomains; i++) {
			fputs("<li>", f);
			html_escape(f, c->domains[i].title, HTML_NL_SPACE);
			fputs(": ", f);
			html_escape(f, c->domains[i].score_text, HTML_NL_SPACE);
			fputs("</li>\n", f);
		}
		fputs("</ol>\n", f);
	} else {
		svg_bars(f, c);
	}
	legend(f, c);
	fputs("</figure>\n", f);
}

bool html_render(const struct doc *d, FILE *f)
{
	static doc_layout_fn *const layout[DOC_NKINDS] = {
		[DOC_SECTION] = h_section, [DOC_HEADING] = h_heading, [DOC_PARA] = h_para, [DOC_NOTE] = h_para,
		[DOC_FACTS] = h_facts, [DOC_TABLE] = h_table, [DOC_ITEMS] = h_items, [DOC_CHART] = h_chart,
	};
	struct hw h = { .f = f, .d = d };
	h_begin(f, d);
	doc_walk(d, layout, &h);
	if (h.open)
		fputs("</section>\n", f);
	fputs(h.in_main ? "</main>\n</body>\n</html>\n" : "</header>\n</body>\n</html>\n", f);
	return !ferror(f);
}
