/* The scorecard's charts as SVG, drawn from the charts' description in the
 * document model (doc.h), for the HTML page and the ODT. Every mark has its
 * own shape and line pattern, and its value is written beside it, so that
 * nothing rests on colour alone. Coordinates are printed with the C locale.
 * At phone width the SVG shrinks to about 0.55: the phone CSS then raises
 * the font sizes (every text stays at 12 px or more), shows numbered keys
 * instead of the radar's long domain names (the page lists them under the
 * chart) and leaves the figures under the bars to the table that follows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/doc.h"
#include "exports/html.h"

enum { RADAR_W = 700, RADAR_H = 440, RADAR_R = 150, BAR_W = 640, BAR_L = 16, BAR_BLOCK = 80,
       BAR_TOP = 28 };

static void num(FILE *f, double v)
{
	fprintf(f, "%.1f", isfinite(v) ? v : 0.0);
}

static void pt(FILE *f, double x, double y)
{
	num(f, x);
	fputc(',', f);
	num(f, y);
	fputc(' ', f);
}

/* Position of value v on the radar's 0..1 scale, from 0 at the centre, so
 * that level 1 of 1..5 is a ring of its own. */
static double frac_radar(const struct doc_chart *c, double v)
{
	int lo = c->levels[0], hi = c->levels[c->nlevels - 1];
	double base = lo > 0 ? 0 : lo;
	double t = hi > base ? (v - base) / (hi - base) : 0;
	return t < 0 ? 0 : t > 1 ? 1 : t;
}

/* Position on a bar's track, which starts at the scale's first level
 * (issue 16 item 8: no unlabelled 0). */
static double frac_bar(const struct doc_chart *c, double v)
{
	int lo = c->levels[0], hi = c->levels[c->nlevels - 1];
	double t = hi > lo ? (v - lo) / (hi - lo) : 0;
	return t < 0 ? 0 : t > 1 ? 1 : t;
}

static void marker(FILE *f, const char *kind, double x, double y)
{
	if (!strcmp(kind, "score")) {
		fputs("<circle class=\"m-score\" cx=\"", f);
		num(f, x);
		fputs("\" cy=\"", f);
		num(f, y);
		fputs("\" r=\"5\"/>", f);
		return;
	}
	if (!strcmp(kind, "base")) {
		fputs("<rect class=\"m-base\" x=\"", f);
		num(f, x - 4);
		fputs("\" y=\"", f);
		num(f, y - 4);
		fputs("\" width=\"8\" height=\"8\"/>", f);
		return;
	}
	bool target = !strcmp(kind, "target");
	fprintf(f, "<polygon class=\"m-%s\" points=\"", target ? "target" : "peer");
	if (target) {
		pt(f, x, y - 6);
		pt(f, x + 6, y);
		pt(f, x, y + 6);
		pt(f, x - 6, y);
	} else {
		pt(f, x, y - 6);
		pt(f, x + 6, y + 5);
		pt(f, x - 6, y + 5);
	}
	fputs("\"/>", f);
}

void svg_legend_mark(FILE *f, const char *kind)
{
	fputs("<svg viewBox=\"0 0 28 14\" aria-hidden=\"true\">", f);
	if (!strcmp(kind, "peer"))
		fputs("<rect class=\"band\" x=\"1\" y=\"2\" width=\"26\" height=\"10\"/>", f);
	fprintf(f, "<line class=\"l-%s\" x1=\"1\" y1=\"7\" x2=\"27\" y2=\"7\"/>", kind);
	marker(f, kind, 14, 7);
	fputs("</svg>", f);
}

static bool series_value(const struct doc_chart *c, enum doc_series s, int d, double *v)
{
	*v = c->domains[d].v[s];
	return c->domains[d].has[s];
}

static void radar_xy(const struct doc_chart *x, int d, double v, double *px, double *py)
{
	double a = -M_PI / 2 + 2 * M_PI * d / x->ndomains;
	double r = RADAR_R * frac_radar(x, v);
	*px = RADAR_W / 2.0 + r * cos(a);
	*py = RADAR_H / 2.0 + r * sin(a);
}

/* A series: its polygon when every domain has a value, markers always. */
static void radar_series(FILE *f, const struct doc_chart *x, enum doc_series s)
{
	static const char *const kinds[] = { "score", "target", "base", "peer" };
	int n = x->ndomains, have = 0;
	double v, px, py;
	for (int d = 0; d < n; d++)
		have += series_value(x, s, d, &v);
	if (have == n) {
		fprintf(f, "<polygon class=\"l-%s\" points=\"", kinds[s]);
		for (int d = 0; d < n; d++) {
			series_value(x, s, d, &v);
			radar_xy(x, d, v, &px, &py);
			pt(f, px, py);
		}
		fputs("\"/>\n", f);
	}
	for (int d = 0; d < n; d++) {
		if (!series_value(x, s, d, &v))
			continue;
		radar_xy(x, d, v, &px, &py);
		marker(f, kinds[s], px, py);
	}
	fputc('\n', f);
}

/* Splits s at spaces into at most 4 lines of about `width` code points:
 * line i is s[start[i] .. start[i] + len[i]). Returns the number of lines. */
static int wrap(const char *s, int width, size_t start[4], size_t len[4])
{
	int n = 0;
	size_t pos = 0, total = strlen(s);
	while (pos < total && n < 4) {
		size_t cut = total - pos, cps = 0, last_space = 0;
		for (size_t i = pos; i < total; i++) {
			if (((unsigned char)s[i] & 0xc0) != 0x80 && ++cps > (size_t)width && last_space) {
				cut = last_space - pos;
				break;
			}
			if (s[i] == ' ')
				last_space = i;
		}
		start[n] = pos;
		len[n++] = cut;
		pos += cut;
		pos += strspn(s + pos, " ");
	}
	return n;
}

/* A label wrapped into <tspan>s; `valign` 0: first line at y, 1: last
 * line at y, 0.5: centred on y. */
static void wrapped_text(FILE *f, const char *s, double x, double y, const char *anchor,
                         int width, double valign)
{
	size_t start[4], len[4];
	int n = wrap(s, width, start, len);
	fputs("<text class=\"label\" x=\"", f);
	num(f, x);
	fputs("\" y=\"", f);
	num(f, y);
	fprintf(f, "\" text-anchor=\"%s\">", anchor);
	for (int i = 0; i < n; i++) {
		char buf[256];
		size_t k = len[i] < sizeof buf - 1 ? len[i] : sizeof buf - 1;
		while (k > 0 && k < len[i] && ((unsigned char)s[start[i] + k] & 0xc0) == 0x80)
			k--;        /* never cut a character in half */
		memcpy(buf, s + start[i], k);
		buf[k] = '\0';
		fputs("<tspan x=\"", f);
		num(f, x);
		/* in em, so that the lines stay apart at any font size */
		double dy = i ? 1.1 : -valign * (n - 1) * 1.1;
		fprintf(f, "\" dy=\"%.2fem\">", dy == 0 ? 0.0 : dy);
		html_escape(f, buf, HTML_NL_SPACE);
		fputs("</tspan>", f);
	}
	fputs("</text>\n", f);
}

static void radar_grid(FILE *f, const struct doc_chart *x)
{
	double px, py;
	for (int l = 0; l < x->nlevels; l++) {
		fputs("<polygon class=\"grid\" points=\"", f);
		for (int d = 0; d < x->ndomains; d++) {
			radar_xy(x, d, x->levels[l], &px, &py);
			pt(f, px, py);
		}
		fputs("\"/>\n", f);
		/* The ring's number halfway between the first two spokes, where
		 * no mark sits. */
		double qx, qy;
		radar_xy(x, 0, x->levels[l], &px, &py);
		radar_xy(x, 1, x->levels[l], &qx, &qy);
		fputs("<text class=\"small ring\" text-anchor=\"middle\" x=\"", f);
		num(f, (px + qx) / 2);
		fputs("\" y=\"", f);
		num(f, (py + qy) / 2 + 4);
		fprintf(f, "\">%d</text>\n", x->levels[l]);
	}
	for (int d = 0; d < x->ndomains; d++) {
		radar_xy(x, d, x->levels[x->nlevels - 1], &px, &py);
		fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"", RADAR_W / 2, RADAR_H / 2);
		num(f, px);
		fputs("\" y2=\"", f);
		num(f, py);
		fputs("\"/>\n", f);
	}
}

static void radar_labels(FILE *f, const struct doc_chart *x, bool keys)
{
	for (int d = 0; d < x->ndomains; d++) {
		double a = -M_PI / 2 + 2 * M_PI * d / x->ndomains;
		double lx = RADAR_W / 2.0 + (RADAR_R + 16) * cos(a), ly = RADAR_H / 2.0 + (RADAR_R + 16) * sin(a);
		/* Only labels straight above or below the centre are centred:
		 * neighbours near the bottom must not grow into each other. */
		const char *anchor = cos(a) > 0.05 ? "start" : cos(a) < -0.05 ? "end" : "middle";
		double valign = 0.5;
		if (sin(a) < -0.5) {
			ly -= 6;        /* above the chart: grow upwards */
			valign = 1;
		} else if (sin(a) > 0.5) {
			ly += 12;       /* below: grow downwards */
			valign = 0;
		} else {
			ly += 4;
		}
		wrapped_text(f, x->domains[d].title, lx, ly, anchor, x->ndomains > 8 ? 13 : 16, valign);
		if (keys) {     /* numbers for the phone layout, which hides the names */
			fputs("<text class=\"key\" x=\"", f);
			num(f, lx);
			fputs("\" y=\"", f);
			num(f, ly + (valign == 0 ? 8 : valign == 1 ? -2 : 4));
			fprintf(f, "\" text-anchor=\"%s\">%d</text>\n", anchor, d + 1);
		}
		double v;
		if (!series_value(x, DOC_SCORE, d, &v))
			continue;
		double px, py;
		radar_xy(x, d, v, &px, &py);
		fputs("<text class=\"value\" x=\"", f);
		num(f, px + 12 * cos(a) + (cos(a) >= 0 ? 4 : -4));
		fputs("\" y=\"", f);
		num(f, py + 12 * sin(a) + 4);
		fprintf(f, "\" text-anchor=\"%s\">", anchor);
		html_escape(f, x->domains[d].score_text, HTML_NL_SPACE);
		fputs("</text>\n", f);
	}
}

static void chart_title(FILE *f, const struct doc_chart *x, const char *title)
{
	fputs("<title>", f);        /* the first <title> child names the image */
	html_escape(f, title, HTML_NL_SPACE);
	fputs("</title>\n<desc>", f);
	for (int d = 0; d < x->ndomains; d++) {
		html_escape(f, x->domains[d].words, HTML_NL_SPACE);
		fputs(d + 1 < x->ndomains ? "; " : ".", f);
	}
	fputs("</desc>\n", f);
}

/* The peers' middle half as a ring between their p25 and p75 polygons
 * (drawn only when every domain has peer figures). */
static void radar_band(FILE *f, const struct doc_chart *x)
{
	double px, py;
	for (int d = 0; d < x->ndomains; d++)
		if (!x->domains[d].has[DOC_PEER])
			return;
	fputs("<path class=\"band\" fill-rule=\"evenodd\" d=\"", f);
	for (int ring = 0; ring < 2; ring++) {
		for (int d = 0; d < x->ndomains; d++) {
			const struct doc_chart_domain *c = &x->domains[d];
			radar_xy(x, d, ring ? c->p25 : c->p75, &px, &py);
			fputc(d ? 'L' : 'M', f);
			pt(f, px, py);
		}
		fputs("Z ", f);
	}
	fputs("\"/>\n", f);
}

void svg_radar(FILE *f, const struct doc_chart *x, bool keys)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">\n", RADAR_W, RADAR_H);
	chart_title(f, x, doc_chart_title(DOC_RADAR));
	if (x->series[DOC_PEER])
		radar_band(f, x);
	radar_grid(f, x);
	if (x->series[DOC_BASE])
		radar_series(f, x, DOC_BASE);
	radar_series(f, x, DOC_TARGET);
	radar_series(f, x, DOC_SCORE);
	/* The peers' median on top, dashed: where it equals the score, both
	 * stay visible (issue 16 item 7). */
	if (x->series[DOC_PEER])
		radar_series(f, x, DOC_PEER);
	radar_labels(f, x, keys);
	fputs("</svg>\n", f);
}

static double bar_x(const struct doc_chart *x, double v)
{
	return BAR_L + (BAR_W - 2 * BAR_L) * frac_bar(x, v);
}

static void vline(FILE *f, const char *cls, double x, double y1, double y2)
{
	fprintf(f, "<line class=\"%s\" x1=\"", cls);
	num(f, x);
	fputs("\" x2=\"", f);
	num(f, x);
	fputs("\" y1=\"", f);
	num(f, y1);
	fputs("\" y2=\"", f);
	num(f, y2);
	fputs("\"/>", f);
}

static void rect(FILE *f, const char *cls, double x1, double y, double x2, double h)
{
	fprintf(f, "<rect class=\"%s\" x=\"", cls);
	num(f, x1);
	fputs("\" y=\"", f);
	num(f, y);
	fputs("\" width=\"", f);
	num(f, x2 > x1 ? x2 - x1 : 0);
	fputs("\" height=\"", f);
	num(f, h);
	fputs("\"/>", f);
}

static int bar_block(const struct doc_chart *x)
{
	return BAR_BLOCK + (x->series[DOC_PEER] ? 24 : 0);
}

static void bar(FILE *f, const struct doc_chart *x, int d, double y)
{
	const struct doc_chart_domain *c = &x->domains[d];
	fprintf(f, "<text class=\"label blabel\" x=\"%d\" y=\"", BAR_L);
	num(f, y + 12);
	fputs("\">", f);
	html_escape(f, c->title, HTML_NL_SPACE);
	fputs("</text>\n", f);
	rect(f, "track", BAR_L, y + 24, BAR_W - BAR_L, 20);
	for (int l = 0; l < x->nlevels; l++)
		vline(f, "grid", bar_x(x, x->levels[l]), y + 24, y + 44);
	if (c->has[DOC_PEER]) {
		rect(f, "band", bar_x(x, c->p25), y + 22, bar_x(x, c->p75), 24);
		vline(f, "l-peer", bar_x(x, c->v[DOC_PEER]), y + 20, y + 48);
		marker(f, "peer", bar_x(x, c->v[DOC_PEER]), y + 52);
	}
	if (c->has[DOC_SCORE])
		rect(f, "m-score", BAR_L, y + 28, bar_x(x, c->v[DOC_SCORE]), 12);
	if (c->has[DOC_BASE]) {
		vline(f, "l-base", bar_x(x, c->v[DOC_BASE]), y + 20, y + 48);
		marker(f, "base", bar_x(x, c->v[DOC_BASE]), y + 52);
	}
	if (c->has[DOC_TARGET]) {
		vline(f, "l-target", bar_x(x, c->v[DOC_TARGET]), y + 20, y + 48);
		marker(f, "target", bar_x(x, c->v[DOC_TARGET]), y + 20);
	}
	fprintf(f, "\n<text class=\"figs\" x=\"%d\" y=\"", BAR_L);
	num(f, y + 74);
	fputs("\">", f);
	html_escape(f, c->figures, HTML_NL_SPACE);
	if (c->peer_figures) {
		fprintf(f, "<tspan x=\"%d\" dy=\"1.25em\">", BAR_L);
		html_escape(f, c->peer_figures, HTML_NL_SPACE);
		fputs("</tspan>", f);
	}
	fputs("</text>\n", f);
}

void svg_bars(FILE *f, const struct doc_chart *x)
{
	int h = BAR_TOP + x->ndomains * bar_block(x) + 4;
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">\n", BAR_W, h);
	chart_title(f, x, x->title ? x->title : doc_chart_title(DOC_BARS));
	for (int l = 0; l < x->nlevels; l++) {
		fputs("<text class=\"small\" text-anchor=\"middle\" x=\"", f);
		num(f, bar_x(x, x->levels[l]));
		fprintf(f, "\" y=\"14\">%d</text>", x->levels[l]);
	}
	fputc('\n', f);
	for (int d = 0; d < x->ndomains; d++)
		bar(f, x, d, BAR_TOP + d * bar_block(x));
	fputs("</svg>\n", f);
}

/* The chart rules of the page's CSS with the colours written out: an SVG
 * on its own has no page to inherit them from. */
static const char standalone_css[] =
	"text{font-family:'DejaVu Sans',sans-serif;fill:" HC_INK "}"
	".grid{stroke:" HC_LINE ";fill:none}.axis{stroke:" HC_MUTED ";stroke-width:.6}"
	".small{font-size:11px;fill:" HC_MUTED "}.key{display:none}"
	".label{font-size:13px;font-weight:bold}.value{font-size:12px;font-weight:bold}.figs{font-size:12px}"
	".m-score{stroke:" HC_SCORE ";fill:" HC_SCORE "}"
	".l-score{stroke:" HC_SCORE ";stroke-width:2.5;fill:" HC_SCORE ";fill-opacity:.14}"
	".l-target{stroke:" HC_TARGET ";stroke-width:2;stroke-dasharray:7 4;fill:none}"
	".m-target{stroke:" HC_TARGET ";fill:#fff;stroke-width:2}"
	".l-base{stroke:" HC_INK ";stroke-width:1.8;stroke-dasharray:2 3;fill:none}"
	".m-base{stroke:" HC_INK ";fill:" HC_INK "}"
	".l-peer{stroke:" HC_PEER ";stroke-width:1.8;stroke-dasharray:10 3 2 3;fill:none}"
	".m-peer{stroke:" HC_PEER ";fill:" HC_PEER "}"
	".band{fill:" HC_BAND ";stroke:" HC_PEER ";stroke-width:.8}.track{fill:#fff;stroke:" HC_LINE "}";

void svg_standalone(FILE *f, const struct doc_chart *c, int which)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return;
	if (which == DOC_RADAR)
		svg_radar(mem, c, false);
	else
		svg_bars(mem, c);
	if (fclose(mem) != 0 || !buf) {
		free(buf);
		return;
	}
	/* the same drawing, with a <style> right after the opening tag */
	char *open_end = strchr(buf, '>');
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	if (open_end) {
		fwrite(buf, 1, (size_t)(open_end + 1 - buf), f);
		fprintf(f, "\n<style>%s</style>", standalone_css);
		fputs(open_end + 1, f);
	}
	free(buf);
}
