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
	":root{--ink:#1b1b1b;--muted:#4d4d4d;--line:#c4c4c4;--score:#0072b2;--target:#d55e00;"
	"--base:#1b1b1b;--peer:#8c8c8c;--band:#e3e3e3}\n"
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
	".table-wrap{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.3rem .45rem;border-bottom:1px solid var(--line);"
	"overflow-wrap:break-word}\n"
	"thead th{border-bottom:2px solid var(--ink)}\n"
	"tbody th{font-weight:600}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.num{white-space:nowrap}\n"
	"ol.items li,ul.items li{margin:0 0 .7rem}\n"
	".detail{display:block;color:var(--muted)}\n"
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
	/* charts shrink to the screen: larger type inside keeps it legible */
	"svg .label{font-size:19px}svg .blabel{font-size:17px}svg .value{font-size:17px}"
	"svg .figs{font-size:16px}svg .small{font-size:15px}}\n"
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}.table-wrap{overflow:visible}"
	"table{font-size:9.5pt}h2{margin-top:1.2rem}"
	"section.new-page{break-before:page}table,figure,li,dl.facts,.q{break-inside:avoid}"
	"h2,h3,h4{break-after:avoid}thead{display:table-header-group}tr{break-inside:avoid}"
	"figure.radar>svg{max-width:15cm}figure.bars>svg{max-width:16cm}p{orphans:3;widows:3}}\n";

void html_escape(FILE *f, const char *s, bool br)
{
	while (s && *s) {
		unsigned long cp;
		s += xs_next(s, &cp);
		switch (cp) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\n': fputs(br ? "<br>" : " ", f); break;
		default: xs_put(f, cp);
		}
	}
}

static void close_section(struct doc *d)
{
	if (d->open_sections) {
		fputs("</section>\n", d->f);
		d->open_sections = 0;
	}
}

static void h_begin(struct doc *d, const char *title, const char *subtitle)
{
	FILE *f = d->f;
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	html_escape(f, d->x->q->langs[d->x->lang], false);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"generator\" content=\"peil\">\n<title>", f);
	html_escape(f, title, false);
	fputs(" — ", f);
	html_escape(f, subtitle, false);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", css);
	html_escape(f, title, false);
	fputs("</h1>\n<p class=\"subtitle\">", f);
	html_escape(f, subtitle, false);
	fputs("</p>\n", f);
}

static void h_end(struct doc *d)
{
	close_section(d);
	fputs("</main>\n</body>\n</html>\n", d->f);
}

static void h_section(struct doc *d, const char *id, const char *title, bool new_page)
{
	if (!strcmp(id, "summary"))
		fputs("</header>\n<main>\n", d->f);
	close_section(d);
	fputs("<section id=\"", d->f);
	html_escape(d->f, id, false);
	fprintf(d->f, "\"%s>\n<h2>", new_page ? " class=\"new-page\"" : "");
	html_escape(d->f, title, false);
	fputs("</h2>\n", d->f);
	d->open_sections = 1;
}

static void h_heading(struct doc *d, int level, const char *title)
{
	level = level < 3 ? 3 : level > 6 ? 6 : level;
	fprintf(d->f, "<h%d>", level);
	html_escape(d->f, title, false);
	fprintf(d->f, "</h%d>\n", level);
}

static void h_para(struct doc *d, const char *text)
{
	fputs("<p>", d->f);
	html_escape(d->f, text, true);
	fputs("</p>\n", d->f);
}

static void h_facts(struct doc *d, const struct doc_fact *fa, int n)
{
	fputs("<dl class=\"facts\">\n", d->f);
	for (int i = 0; i < n; i++) {
		fputs("<dt>", d->f);
		html_escape(d->f, fa[i].key, false);
		fputs("</dt><dd>", d->f);
		html_escape(d->f, fa[i].value, true);
		fputs("</dd>\n", d->f);
	}
	fputs("</dl>\n", d->f);
}

static void h_table(struct doc *d, const struct doc_table *t)
{
	FILE *f = d->f;
	fputs("<div class=\"table-wrap\"><table>\n", f);
	if (t->caption) {
		fputs("<caption>", f);
		html_escape(f, t->caption, false);
		fputs("</caption>\n", f);
	}
	fputs("<thead><tr>", f);
	for (int c = 0; c < t->ncols; c++) {
		fprintf(f, "<th scope=\"col\"%s>", t->numeric[c] ? " class=\"num\"" : "");
		html_escape(f, t->head[c], false);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int r = 0; r < t->nrows; r++) {
		fputs("<tr>", f);
		for (int c = 0; c < t->ncols; c++) {
			/* The first column names the row, for screen readers. */
			const char *tag = c == 0 ? "th" : "td";
			fprintf(f, "<%s%s%s>", tag, c == 0 ? " scope=\"row\"" : "",
			        t->numeric[c] ? " class=\"num\"" : "");
			html_escape(f, t->cells[r * t->ncols + c], true);
			fprintf(f, "</%s>", tag);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

static void h_items(struct doc *d, bool ordered, const struct doc_item *it, int n)
{
	FILE *f = d->f;
	fprintf(f, "<%s class=\"items\">\n", ordered ? "ol" : "ul");
	for (int i = 0; i < n; i++) {
		fputs("<li><strong>", f);
		html_escape(f, it[i].title, true);
		fputs("</strong><br>", f);
		html_escape(f, it[i].text, true);
		if (it[i].detail && *it[i].detail) {
			fputs("<span class=\"detail\">", f);
			html_escape(f, it[i].detail, true);
			fputs("</span>", f);
		}
		fputs("</li>\n", f);
	}
	fprintf(f, "</%s>\n", ordered ? "ol" : "ul");
}

static void legend(struct doc *d)
{
	struct xctx *x = d->x;
	const char *kinds[4] = { "score", "target", "base", "peer" };
	const char *words[4] = { _("score"), _("target"), _("before"), _("peers: median, middle half") };
	bool shown[4] = { true, true, x->cmp != NULL, x->o->peers != NULL };
	fputs("<ul class=\"legend\">\n", d->f);
	for (int i = 0; i < 4; i++) {
		if (!shown[i])
			continue;
		fputs("<li>", d->f);
		svg_legend_mark(d->f, kinds[i]);
		html_escape(d->f, words[i], false);
		fputs("</li>\n", d->f);
	}
	fputs("</ul>\n", d->f);
}

static void h_chart(struct doc *d, int which)
{
	struct xctx *x = d->x;
	if (which == DOC_RADAR && x->q->ndomains < 3)
		return;         /* a radar of one or two axes says nothing */
	fprintf(d->f, "<figure class=\"%s\">\n<figcaption>", which == DOC_RADAR ? "radar" : "bars");
	html_escape(d->f, which == DOC_RADAR ? _("The domains at a glance") : _("Score per domain"), false);
	fputs("</figcaption>\n", d->f);
	if (which == DOC_RADAR)
		svg_radar(d->f, x);
	else
		svg_bars(d->f, x);
	legend(d);
	fputs("</figure>\n", d->f);
}

const struct doc_ops html_ops = {
	.begin = h_begin,
	.end = h_end,
	.section = h_section,
	.heading = h_heading,
	.para = h_para,
	.facts = h_facts,
	.table = h_table,
	.items = h_items,
	.chart = h_chart,
};
