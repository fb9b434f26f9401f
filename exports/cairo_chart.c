/* The scorecard's charts drawn with cairo, as vectors (PDF) or pixels (the
 * ODT's fallback PNG), from the same description the SVG uses. Marks
 * differ in shape and line pattern as well as colour, and every value is
 * written beside its mark, as in the SVG. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exports/cairo_doc.h"

enum { RADAR_LABEL_W = 92 };
static const double RADAR_H = 250, BAR_BLOCK = 52, BAR_PEER = 11, BAR_TOP = 16;

void cx_color(cairo_t *cr, int series)
{
	static const double rgb[][3] = {
		[DOC_SCORE] = { 0, 0x72 / 255.0, 0xb2 / 255.0 },
		[DOC_TARGET] = { 0xd5 / 255.0, 0x5e / 255.0, 0 },
		[DOC_BASE] = { 0x1b / 255.0, 0x1b / 255.0, 0x1b / 255.0 },
		[DOC_PEER] = { 0x8c / 255.0, 0x8c / 255.0, 0x8c / 255.0 },
	};
	switch (series) {
	case CX_INK: cairo_set_source_rgb(cr, 0x1b / 255.0, 0x1b / 255.0, 0x1b / 255.0); return;
	case CX_MUTED: cairo_set_source_rgb(cr, 0x4d / 255.0, 0x4d / 255.0, 0x4d / 255.0); return;
	case CX_LINE: cairo_set_source_rgb(cr, 0xc4 / 255.0, 0xc4 / 255.0, 0xc4 / 255.0); return;
	case CX_BAND: cairo_set_source_rgb(cr, 0xe3 / 255.0, 0xe3 / 255.0, 0xe3 / 255.0); return;
	case CX_WHITE: cairo_set_source_rgb(cr, 1, 1, 1); return;
	default: cairo_set_source_rgb(cr, rgb[series][0], rgb[series][1], rgb[series][2]);
	}
}

/* The line pattern of a series: solid score, dashed target, dotted
 * before, dash-dot peers. */
static void pattern(cairo_t *cr, int series)
{
	static const double dash[] = { 5, 3 }, dot[] = { 1.4, 2 }, dashdot[] = { 7, 2, 1.4, 2 };
	cx_color(cr, series);
	switch (series) {
	case DOC_TARGET: cairo_set_dash(cr, dash, 2, 0); cairo_set_line_width(cr, 1.4); break;
	case DOC_BASE: cairo_set_dash(cr, dot, 2, 0); cairo_set_line_width(cr, 1.3); break;
	case DOC_PEER: cairo_set_dash(cr, dashdot, 4, 0); cairo_set_line_width(cr, 1.3); break;
	default: cairo_set_dash(cr, NULL, 0, 0); cairo_set_line_width(cr, 1.8);
	}
}

/* Circle (score), diamond (target), square (before), triangle (peers). */
static void marker(cairo_t *cr, int series, double x, double y)
{
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 1.2);
	switch (series) {
	case DOC_SCORE: cairo_arc(cr, x, y, 3.2, 0, 2 * M_PI); break;
	case DOC_TARGET:
		cairo_move_to(cr, x, y - 4);
		cairo_line_to(cr, x + 4, y);
		cairo_line_to(cr, x, y + 4);
		cairo_line_to(cr, x - 4, y);
		cairo_close_path(cr);
		cx_color(cr, CX_WHITE);
		cairo_fill_preserve(cr);
		cx_color(cr, DOC_TARGET);
		cairo_stroke(cr);
		return;
	case DOC_BASE: cairo_rectangle(cr, x - 2.6, y - 2.6, 5.2, 5.2); break;
	default:
		cairo_move_to(cr, x, y - 4);
		cairo_line_to(cr, x + 4, y + 3.4);
		cairo_line_to(cr, x - 4, y + 3.4);
		cairo_close_path(cr);
	}
	cx_color(cr, series);
	cairo_fill(cr);
}

/* Radar position of value v on domain d's spoke; the centre is 0. */
static void radar_xy(const struct doc_chart *c, int d, double v, double cx, double cy, double r,
                     double *px, double *py)
{
	int lo = c->levels[0], hi = c->levels[c->nlevels - 1];
	double base = lo > 0 ? 0 : lo, t = hi > base ? (v - base) / (hi - base) : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	double a = -M_PI / 2 + 2 * M_PI * d / c->ndomains;
	*px = cx + r * t * cos(a);
	*py = cy + r * t * sin(a);
}

static void radar_path(cairo_t *cr, const struct doc_chart *c, int series, bool p25, bool p75, double cx,
                       double cy, double r)
{
	for (int d = 0; d < c->ndomains; d++) {
		const struct doc_chart_domain *cd = &c->domains[d];
		double v = p25 ? cd->p25 : p75 ? cd->p75 : cd->v[series], px, py;
		radar_xy(c, d, v, cx, cy, r, &px, &py);
		if (d == 0)
			cairo_move_to(cr, px, py);
		else
			cairo_line_to(cr, px, py);
	}
	cairo_close_path(cr);
}

static bool series_complete(const struct doc_chart *c, int series)
{
	for (int d = 0; d < c->ndomains; d++)
		if (!c->domains[d].has[series])
			return false;
	return true;
}

static void radar_series(cairo_t *cr, const struct doc_chart *c, int s, double cx, double cy, double r)
{
	if (series_complete(c, s)) {
		radar_path(cr, c, s, false, false, cx, cy, r);
		if (s == DOC_SCORE) {
			cairo_set_source_rgba(cr, 0, 0x72 / 255.0, 0xb2 / 255.0, 0.14);
			cairo_fill_preserve(cr);
		}
		pattern(cr, s);
		cairo_stroke(cr);
	}
	for (int d = 0; d < c->ndomains; d++) {
		double px, py;
		if (!c->domains[d].has[s])
			continue;
		radar_xy(c, d, c->domains[d].v[s], cx, cy, r, &px, &py);
		marker(cr, s, px, py);
	}
}

static void radar_grid(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double cx, double cy, double r)
{
	double px, py, qx, qy;
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 0.6);
	for (int l = 0; l < c->nlevels; l++) {
		for (int d = 0; d < c->ndomains; d++) {
			radar_xy(c, d, c->levels[l], cx, cy, r, &px, &py);
			if (d == 0)
				cairo_move_to(cr, px, py);
			else
				cairo_line_to(cr, px, py);
		}
		cairo_close_path(cr);
		cx_color(cr, CX_LINE);
		cairo_stroke(cr);
	}
	for (int d = 0; d < c->ndomains; d++) {
		radar_xy(c, d, c->levels[c->nlevels - 1], cx, cy, r, &px, &py);
		cairo_move_to(cr, cx, cy);
		cairo_line_to(cr, px, py);
	}
	cx_color(cr, CX_MUTED);
	cairo_set_line_width(cr, 0.4);
	cairo_stroke(cr);
	/* ring numbers halfway between the first two spokes */
	for (int l = 0; l < c->nlevels; l++) {
		char n[16];
		snprintf(n, sizeof n, "%d", c->levels[l]);
		radar_xy(c, 0, c->levels[l], cx, cy, r, &px, &py);
		radar_xy(c, 1, c->levels[l], cx, cy, r, &qx, &qy);
		cx_color(cr, CX_MUTED);
		cx_text(cr, pc, n, 6.5, CX_REGULAR, (px + qx) / 2 - 10, (py + qy) / 2 - 4.5, 20, CX_CENTER);
	}
}

/* The width a side label takes: its longest word, or the whole title when
 * that fits in RADAR_LABEL_W. */
static double label_width(PangoContext *pc, const char *title)
{
	PangoLayout *l = cx_layout(pc, title, 7.5, CX_BOLD, 0, CX_LEFT);
	PangoRectangle full, word;
	pango_layout_get_extents(l, NULL, &full);
	pango_layout_set_width(l, 1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_get_extents(l, NULL, &word);
	g_object_unref(l);
	double f = (double)full.width / PANGO_SCALE, w = (double)word.width / PANGO_SCALE;
	return f <= RADAR_LABEL_W ? f : w > RADAR_LABEL_W ? w : RADAR_LABEL_W;
}

/* The radius that leaves room for the labels beside the chart. */
static double radar_radius(PangoContext *pc, const struct doc_chart *c, double w, double h)
{
	double side = 0;
	for (int d = 0; d < c->ndomains; d++) {
		double a = -M_PI / 2 + 2 * M_PI * d / c->ndomains;
		if (fabs(cos(a)) > 0.05) {
			double lw = label_width(pc, c->domains[d].title) * fabs(cos(a));
			side = lw > side ? lw : side;
		}
	}
	double r = w / 2 - side - 12;
	return r < h / 2 - 30 ? r : h / 2 - 30;
}

/* A score beside its point, on a white halo (as the HTML's paint-order
 * stroke): the target's dashed line and the spokes run under it. */
static void value_text(cairo_t *cr, PangoContext *pc, const char *s, double size, double x, double y, double w,
                       enum cx_align al)
{
	PangoLayout *l = cx_layout(pc, s, size, CX_BOLD, w, al);
	cairo_save(cr);
	cairo_move_to(cr, x, y);
	pango_cairo_layout_path(cr, l);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 2.4);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
	cairo_restore(cr);
	cx_color(cr, DOC_SCORE);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void radar_labels(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double cx, double cy, double r)
{
	for (int d = 0; d < c->ndomains; d++) {
		double a = -M_PI / 2 + 2 * M_PI * d / c->ndomains, ca = cos(a), sa = sin(a);
		double lx = cx + (r + 8) * ca, ly = cy + (r + 8) * sa;
		enum cx_align al = ca > 0.05 ? CX_LEFT : ca < -0.05 ? CX_RIGHT : CX_CENTER;
		double lw = al == CX_CENTER ? RADAR_LABEL_W : label_width(pc, c->domains[d].title);
		PangoLayout *l = cx_layout(pc, c->domains[d].title, 7.5, CX_BOLD, lw + 0.5, al);
		double h = cx_height(l);
		double x = al == CX_LEFT ? lx : al == CX_RIGHT ? lx - lw - 0.5 : lx - RADAR_LABEL_W / 2.0;
		double y = sa < -0.5 ? ly - h : sa > 0.5 ? ly : ly - h / 2;
		cx_color(cr, CX_INK);
		cairo_move_to(cr, x, y);
		pango_cairo_show_layout(cr, l);
		g_object_unref(l);
		if (!c->domains[d].has[DOC_SCORE])
			continue;
		double px, py;
		radar_xy(c, d, c->domains[d].v[DOC_SCORE], cx, cy, r, &px, &py);
		value_text(cr, pc, c->domains[d].score_text, 7.5, px + 9 * ca - (al == CX_RIGHT ? 40 : 0) -
		           (al == CX_CENTER ? 20 : 0), py + 9 * sa - 5, 40, al);
	}
}

/* The keyed radar: its radius, the room for the numbers and scores
 * around it, and how far below the centre its lowest spoke reaches (a
 * pentagon's base is at 0.81 r, a diamond's point at r). */
enum { KEY_SIDE = 20, KEY_TOP = 16, KEY_BOTTOM = 14 };
static double keyed_radius(double w)
{
	return w / 2 - KEY_SIDE;
}

static double lowest_spoke(const struct doc_chart *c)
{
	double low = 0;
	for (int d = 0; d < c->ndomains; d++) {
		double sa = sin(-M_PI / 2 + 2 * M_PI * d / c->ndomains);
		low = sa > low ? sa : low;
	}
	return low;
}

double cx_radar_height(const struct doc_chart *c, double w, bool keys)
{
	if (keys)       /* no empty band under a pentagon: page 1 needs the room */
		return keyed_radius(w) * (1 + lowest_spoke(c)) + KEY_TOP + KEY_BOTTOM;
	return w < RADAR_H ? w : RADAR_H;      /* the labels above and below fit in it */
}

/* Numbers instead of names at the spokes (a narrow radar beside text);
 * cx_radar_keys lists the names. */
static void radar_numbers(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double cx, double cy, double r)
{
	for (int d = 0; d < c->ndomains; d++) {
		double a = -M_PI / 2 + 2 * M_PI * d / c->ndomains, ca = cos(a), sa = sin(a);
		char n[16];
		snprintf(n, sizeof n, "%d", d + 1);
		cx_color(cr, CX_INK);
		cx_text(cr, pc, n, 8, CX_BOLD, cx + (r + 9) * ca - 10, cy + (r + 9) * sa - 5.5, 20, CX_CENTER);
		if (!c->domains[d].has[DOC_SCORE])
			continue;
		double px, py;
		radar_xy(c, d, c->domains[d].v[DOC_SCORE], cx, cy, r, &px, &py);
		/* beside the point, away from it on the spoke's side (as
		 * radar_labels does): centred on a side spoke, the text sat on
		 * the point and the score line */
		enum cx_align al = ca > 0.05 ? CX_LEFT : ca < -0.05 ? CX_RIGHT : CX_CENTER;
		double tx = px + 9 * ca - (al == CX_RIGHT ? 40 : al == CX_CENTER ? 20 : 0);
		value_text(cr, pc, c->domains[d].score_text, 7, tx, py + 9 * sa - 5, 40, al);
	}
}

double cx_radar_keys(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w)
{
	double h = 0;
	for (int d = 0; d < c->ndomains; d++) {
		char *line = g_strdup_printf("%d  %s: %s", d + 1, c->domains[d].title, c->domains[d].score_text);
		if (cr)
			cx_color(cr, CX_INK);
		h += cx_text(cr, pc, line, 7.5, CX_REGULAR, x, y + h, w, CX_LEFT);
		g_free(line);
	}
	return h;
}

double cx_radar(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w, bool keys)
{
	double h = cx_radar_height(c, w, keys), cx = x + w / 2;
	double r = keys ? keyed_radius(w) : radar_radius(pc, c, w, h);
	double cy = keys ? y + KEY_TOP + r : y + h / 2;
	cairo_save(cr);
	if (c->series[DOC_PEER] && series_complete(c, DOC_PEER)) {
		radar_path(cr, c, DOC_PEER, false, true, cx, cy, r);
		radar_path(cr, c, DOC_PEER, true, false, cx, cy, r);
		cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
		cx_color(cr, CX_BAND);
		cairo_fill(cr);
		cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	}
	radar_grid(cr, pc, c, cx, cy, r);
	if (c->series[DOC_BASE])
		radar_series(cr, c, DOC_BASE, cx, cy, r);
	radar_series(cr, c, DOC_TARGET, cx, cy, r);
	radar_series(cr, c, DOC_SCORE, cx, cy, r);
	if (c->series[DOC_PEER])
		radar_series(cr, c, DOC_PEER, cx, cy, r);     /* on top, dash-dot */
	if (keys)
		radar_numbers(cr, pc, c, cx, cy, r);
	else
		radar_labels(cr, pc, c, cx, cy, r);
	cairo_restore(cr);
	return h;
}

static double bar_block(const struct doc_chart *c)
{
	return BAR_BLOCK + (c->series[DOC_PEER] ? BAR_PEER : 0);
}

double cx_bars_height(const struct doc_chart *c, double w)
{
	(void)w;
	return BAR_TOP + c->ndomains * bar_block(c);
}

static double bar_x(const struct doc_chart *c, double v, double x, double w)
{
	int lo = c->levels[0], hi = c->levels[c->nlevels - 1];
	double t = hi > lo ? (v - lo) / (hi - lo) : 0;       /* the track starts at the first level */
	return x + w * (t < 0 ? 0 : t > 1 ? 1 : t);
}

static void vline(cairo_t *cr, int series, double x, double y1, double y2)
{
	pattern(cr, series);
	cairo_move_to(cr, x, y1);
	cairo_line_to(cr, x, y2);
	cairo_stroke(cr);
}

static void bar(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, int d, double x, double y, double w)
{
	const struct doc_chart_domain *cd = &c->domains[d];
	cx_color(cr, CX_INK);
	cx_text(cr, pc, cd->title, 8.5, CX_BOLD, x, y, w, CX_LEFT);
	double ty = y + 14;
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 0.6);
	cairo_rectangle(cr, x, ty, w, 12);
	cx_color(cr, CX_LINE);
	cairo_stroke(cr);
	for (int l = 0; l < c->nlevels; l++) {
		cairo_set_line_width(cr, 0.4);
		cx_color(cr, CX_LINE);
		cairo_move_to(cr, bar_x(c, c->levels[l], x, w), ty);
		cairo_line_to(cr, bar_x(c, c->levels[l], x, w), ty + 12);
		cairo_stroke(cr);
	}
	if (cd->has[DOC_PEER]) {
		cx_color(cr, CX_BAND);
		cairo_rectangle(cr, bar_x(c, cd->p25, x, w), ty - 1, bar_x(c, cd->p75, x, w) - bar_x(c, cd->p25, x, w), 14);
		cairo_fill(cr);
		vline(cr, DOC_PEER, bar_x(c, cd->v[DOC_PEER], x, w), ty - 3, ty + 15);
		marker(cr, DOC_PEER, bar_x(c, cd->v[DOC_PEER], x, w), ty + 18);
	}
	if (cd->has[DOC_SCORE]) {
		cx_color(cr, DOC_SCORE);
		cairo_rectangle(cr, x, ty + 3, bar_x(c, cd->v[DOC_SCORE], x, w) - x, 6);
		cairo_fill(cr);
	}
	if (cd->has[DOC_BASE]) {
		vline(cr, DOC_BASE, bar_x(c, cd->v[DOC_BASE], x, w), ty - 3, ty + 15);
		marker(cr, DOC_BASE, bar_x(c, cd->v[DOC_BASE], x, w), ty + 18);
	}
	if (cd->has[DOC_TARGET]) {
		vline(cr, DOC_TARGET, bar_x(c, cd->v[DOC_TARGET], x, w), ty - 3, ty + 15);
		marker(cr, DOC_TARGET, bar_x(c, cd->v[DOC_TARGET], x, w), ty - 3);
	}
	cx_color(cr, CX_MUTED);
	double fy = ty + 23 + cx_text(cr, pc, cd->figures, 7.5, CX_REGULAR, x, ty + 23, w, CX_LEFT);
	if (cd->peer_figures)
		cx_text(cr, pc, cd->peer_figures, 7.5, CX_REGULAR, x, fy, w, CX_LEFT);
}

double cx_bars(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w)
{
	double inner = w - 12;
	cairo_save(cr);
	for (int l = 0; l < c->nlevels; l++) {
		char n[16];
		snprintf(n, sizeof n, "%d", c->levels[l]);
		cx_color(cr, CX_MUTED);
		cx_text(cr, pc, n, 7, CX_REGULAR, bar_x(c, c->levels[l], x + 6, inner) - 10, y, 20, CX_CENTER);
	}
	for (int d = 0; d < c->ndomains; d++)
		bar(cr, pc, c, d, x + 6, y + BAR_TOP + d * bar_block(c), inner);
	cairo_restore(cr);
	return cx_bars_height(c, w);
}

double cx_legend(cairo_t *cr, PangoContext *pc, const struct doc_chart *c, double x, double y, double w)
{
	double cx = x, cy = y, line = 12;
	for (int s = 0; s < DOC_NSERIES; s++) {
		if (!c->series[s])
			continue;
		PangoLayout *l = cx_layout(pc, c->legend[s], 7.5, CX_REGULAR, 0, CX_LEFT);
		int tw, th;
		pango_layout_get_size(l, &tw, &th);
		double item = 26 + (double)tw / PANGO_SCALE + 14;
		if (cx > x && cx + item > x + w) {
			cx = x;
			cy += line;
		}
		if (cr) {
			cairo_save(cr);
			if (s == DOC_PEER) {
				cx_color(cr, CX_BAND);
				cairo_rectangle(cr, cx, cy + 2, 20, 7);
				cairo_fill(cr);
			}
			pattern(cr, s);
			cairo_move_to(cr, cx, cy + 5.5);
			cairo_line_to(cr, cx + 20, cy + 5.5);
			cairo_stroke(cr);
			marker(cr, s, cx + 10, cy + 5.5);
			cx_color(cr, CX_INK);
			cairo_move_to(cr, cx + 25, cy);
			pango_cairo_show_layout(cr, l);
			cairo_restore(cr);
		}
		g_object_unref(l);
		cx += item;
	}
	return cy - y + line;
}

struct png_buf {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

static cairo_status_t png_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct png_buf *b = closure;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 16384;
		while (cap < b->len + n)
			cap *= 2;
		unsigned char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	return CAIRO_STATUS_SUCCESS;
}

bool cx_chart_png(const struct doc_chart *c, enum doc_chart_kind which, double w, double scale,
                  unsigned char **png, size_t *len, double *h)
{
	*h = (which == DOC_RADAR ? cx_radar_height(c, w, false) : cx_bars_height(c, w)) + 4;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * scale),
	                                                (int)ceil(*h * scale));
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	cx_color(cr, CX_WHITE);
	cairo_paint(cr);
	PangoContext *pc = cx_context(cr);
	if (which == DOC_RADAR)
		cx_radar(cr, pc, c, 0, 2, w, false);
	else
		cx_bars(cr, pc, c, 0, 2, w);
	g_object_unref(pc);
	cairo_destroy(cr);
	struct png_buf b = { 0 };
	bool ok = cairo_surface_write_to_png_stream(s, png_write, &b) == CAIRO_STATUS_SUCCESS && !b.failed;
	cairo_surface_destroy(s);
	if (!ok) {
		free(b.p);
		return false;
	}
	*png = b.p;
	*len = b.len;
	return true;
}
