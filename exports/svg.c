/* The scorecard's charts as inline SVG. Every mark has its own shape and
 * line pattern, and its value is written beside it, so that nothing rests
 * on colour alone. Coordinates are printed with the C locale. */
#include <math.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/html.h"
#include "exports/xfmt.h"

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

/* Position of value v on a 0..1 scale: level 1 of 1..5 is not at zero
 * length, since it is a level reached too. */
static double frac(const struct questionnaire *q, double v)
{
	int lo = q->levels[0].value, hi = q->levels[q->nlevels - 1].value;
	double base = lo > 0 ? 0 : lo;
	double t = hi > base ? (v - base) / (hi - base) : 0;
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

/* Which value a radar series has for domain d. */
enum series { S_SCORE, S_TARGET, S_BASE, S_PEER };

static bool series_value(const struct xctx *x, enum series s, int d, double *v)
{
	const struct domain_score *ds = &x->s->domains[d];
	switch (s) {
	case S_SCORE:
		*v = ds->score;
		return ds->has_score;
	case S_TARGET:
		*v = ds->target;
		return ds->has_target;
	case S_BASE:
		*v = x->cmp ? x->cmp->domains[d].old_score : 0;
		return x->cmp && x->cmp->domains[d].has_old;
	case S_PEER:
		*v = x->o->peers ? x->o->peers->domains[d].median : 0;
		return x->o->peers && x->o->peers->domains[d].has;
	}
	return false;
}

static void radar_xy(const struct xctx *x, int d, double v, double *px, double *py)
{
	double a = -M_PI / 2 + 2 * M_PI * d / x->q->ndomains;
	double r = RADAR_R * frac(x->q, v);
	*px = RADAR_W / 2.0 + r * cos(a);
	*py = RADAR_H / 2.0 + r * sin(a);
}

/* A series: its polygon when every domain has a value, markers always. */
static void radar_series(FILE *f, const struct xctx *x, enum series s)
{
	static const char *const kinds[] = { "score", "target", "base", "peer" };
	int n = x->q->ndomains, have = 0;
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
		html_escape(f, buf, false);
		fputs("</tspan>", f);
	}
	fputs("</text>\n", f);
}

static void radar_grid(FILE *f, const struct xctx *x)
{
	const struct questionnaire *q = x->q;
	double px, py;
	for (int l = 0; l < q->nlevels; l++) {
		fputs("<polygon class=\"grid\" points=\"", f);
		for (int d = 0; d < q->ndomains; d++) {
			radar_xy(x, d, q->levels[l].value, &px, &py);
			pt(f, px, py);
		}
		fputs("\"/>\n", f);
		/* The ring's number halfway between the first two spokes, where
		 * no mark sits. */
		double qx, qy;
		radar_xy(x, 0, q->levels[l].value, &px, &py);
		radar_xy(x, 1, q->levels[l].value, &qx, &qy);
		fputs("<text class=\"small ring\" text-anchor=\"middle\" x=\"", f);
		num(f, (px + qx) / 2);
		fputs("\" y=\"", f);
		num(f, (py + qy) / 2 + 4);
		fprintf(f, "\">%d</text>\n", q->levels[l].value);
	}
	for (int d = 0; d < q->ndomains; d++) {
		radar_xy(x, d, q->levels[q->nlevels - 1].value, &px, &py);
		fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"", RADAR_W / 2, RADAR_H / 2);
		num(f, px);
		fputs("\" y2=\"", f);
		num(f, py);
		fputs("\"/>\n", f);
	}
}

static void radar_labels(FILE *f, struct xctx *x)
{
	for (int d = 0; d < x->q->ndomains; d++) {
		double a = -M_PI / 2 + 2 * M_PI * d / x->q->ndomains;
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
		wrapped_text(f, xctx_domain_title(x, d), lx, ly, anchor, x->q->ndomains > 8 ? 13 : 16, valign);
		double v;
		if (!series_value(x, S_SCORE, d, &v))
			continue;
		double px, py;
		radar_xy(x, d, v, &px, &py);
		fputs("<text class=\"value\" x=\"", f);
		num(f, px + 12 * cos(a) + (cos(a) >= 0 ? 4 : -4));
		fputs("\" y=\"", f);
		num(f, py + 12 * sin(a) + 4);
		fprintf(f, "\" text-anchor=\"%s\">", anchor);
		html_escape(f, xctx_score(x, true, v), false);
		fputs("</text>\n", f);
	}
}

/* What a screen reader says for a chart: every figure in words. */
static const char *domain_words(struct xctx *x, int d)
{
	const struct domain_score *ds = &x->s->domains[d];
	const char *s = xctx_printf(x, _("%s: score %s, target %s"), xctx_domain_title(x, d),
	                            xctx_score(x, ds->has_score, ds->score), ds->has_target
	                            ? xctx_printf(x, "%d", ds->target) : "—");
	if (x->cmp)
		s = xctx_printf(x, _("%s, before %s"), s, xctx_score(x, x->cmp->domains[d].has_old,
		                                                      x->cmp->domains[d].old_score));
	if (x->o->peers && x->o->peers->domains[d].has) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		s = xctx_printf(x, _("%s, peers: median %s, middle half %s to %s"), s,
		                xctx_score(x, true, p->median), xctx_score(x, true, p->p25),
		                xctx_score(x, true, p->p75));
	}
	return s;
}

static void chart_title(FILE *f, struct xctx *x, const char *title)
{
	fputs("<title>", f);        /* the first <title> child names the image */
	html_escape(f, title, false);
	fputs("</title>\n<desc>", f);
	for (int d = 0; d < x->q->ndomains; d++) {
		html_escape(f, domain_words(x, d), false);
		fputs(d + 1 < x->q->ndomains ? "; " : ".", f);
	}
	fputs("</desc>\n", f);
}

void svg_radar(FILE *f, struct xctx *x)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">\n", RADAR_W, RADAR_H);
	chart_title(f, x, _("Radar chart of the domains"));
	radar_grid(f, x);
	if (x->o->peers)
		radar_series(f, x, S_PEER);
	if (x->cmp)
		radar_series(f, x, S_BASE);
	radar_series(f, x, S_TARGET);
	radar_series(f, x, S_SCORE);
	radar_labels(f, x);
	fputs("</svg>\n", f);
}

static double bar_x(const struct xctx *x, double v)
{
	return BAR_L + (BAR_W - 2 * BAR_L) * frac(x->q, v);
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

/* The figures under a bar: every mark's value in words; the peers' on a
 * line of their own (NULL without peer figures). */
static const char *bar_words(struct xctx *x, int d, const char **peers)
{
	const struct domain_score *ds = &x->s->domains[d];
	const char *s = xctx_printf(x, _("score %s"), xctx_score(x, ds->has_score, ds->score));
	if (ds->has_target)
		s = xctx_printf(x, _("%s · target %d"), s, ds->target);
	if (x->cmp && x->cmp->domains[d].has_old)
		s = xctx_printf(x, _("%s · before %s (%s)"), s, xctx_score(x, true, x->cmp->domains[d].old_score),
		                xctx_delta(x, &x->cmp->domains[d]));
	*peers = NULL;
	if (x->o->peers && x->o->peers->domains[d].has) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		*peers = xctx_printf(x, _("peers: median %s, middle half %s–%s"), xctx_score(x, true, p->median),
		                     xctx_score(x, true, p->p25), xctx_score(x, true, p->p75));
	}
	return s;
}

static int bar_block(const struct xctx *x)
{
	return BAR_BLOCK + (x->o->peers ? 20 : 0);
}

static void bar(FILE *f, struct xctx *x, int d, double y)
{
	const struct domain_score *ds = &x->s->domains[d];
	const struct questionnaire *q = x->q;
	double v;
	fprintf(f, "<text class=\"label blabel\" x=\"%d\" y=\"", BAR_L);
	num(f, y + 12);
	fputs("\">", f);
	html_escape(f, xctx_domain_title(x, d), false);
	fputs("</text>\n", f);
	rect(f, "track", BAR_L, y + 24, BAR_W - BAR_L, 20);
	for (int l = 0; l < q->nlevels; l++)
		vline(f, "grid", bar_x(x, q->levels[l].value), y + 24, y + 44);
	if (series_value(x, S_PEER, d, &v)) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		rect(f, "band", bar_x(x, p->p25), y + 22, bar_x(x, p->p75), 24);
		vline(f, "l-peer", bar_x(x, v), y + 20, y + 48);
		marker(f, "peer", bar_x(x, v), y + 52);
	}
	if (ds->has_score)
		rect(f, "m-score", BAR_L, y + 28, bar_x(x, ds->score), 12);
	if (series_value(x, S_BASE, d, &v)) {
		vline(f, "l-base", bar_x(x, v), y + 20, y + 48);
		marker(f, "base", bar_x(x, v), y + 52);
	}
	if (ds->has_target) {
		vline(f, "l-target", bar_x(x, ds->target), y + 20, y + 48);
		marker(f, "target", bar_x(x, ds->target), y + 20);
	}
	const char *peers, *own = bar_words(x, d, &peers);
	fprintf(f, "\n<text class=\"figs\" x=\"%d\" y=\"", BAR_L);
	num(f, y + 72);
	fputs("\">", f);
	html_escape(f, own, false);
	if (peers) {
		fprintf(f, "<tspan x=\"%d\" dy=\"20\">", BAR_L);
		html_escape(f, peers, false);
		fputs("</tspan>", f);
	}
	fputs("</text>\n", f);
}

void svg_bars(FILE *f, struct xctx *x)
{
	const struct questionnaire *q = x->q;
	int h = BAR_TOP + q->ndomains * bar_block(x) + 4;
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\">\n", BAR_W, h);
	chart_title(f, x, _("Bar chart of the score per domain"));
	for (int l = 0; l < q->nlevels; l++) {
		fputs("<text class=\"small\" text-anchor=\"middle\" x=\"", f);
		num(f, bar_x(x, q->levels[l].value));
		fprintf(f, "\" y=\"14\">%d</text>", q->levels[l].value);
	}
	fputc('\n', f);
	for (int d = 0; d < q->ndomains; d++)
		bar(f, x, d, BAR_TOP + d * bar_block(x));
	fputs("</svg>\n", f);
}
