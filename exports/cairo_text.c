/* Text for the cairo-drawn documents: pango layouts in points. */
#include <stdlib.h>

#include "exports/cairo_doc.h"

PangoContext *cx_context(cairo_t *cr)
{
	PangoContext *pc = pango_cairo_create_context(cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);
	return pc;
}

PangoLayout *cx_layout(PangoContext *pc, const char *s, double size, int style, double width,
                       enum cx_align align)
{
	PangoLayout *l = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_from_string(CX_FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (style & CX_BOLD)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (style & CX_ITALIC)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align == CX_CENTER ? PANGO_ALIGN_CENTER
	                              : align == CX_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	char *clean = xs_sanitize(s);      /* no control or bidi characters reach the page */
	pango_layout_set_text(l, clean ? clean : "", -1);
	free(clean);
	return l;
}

double cx_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

double cx_text(cairo_t *cr, PangoContext *pc, const char *s, double size, int style, double x, double y,
               double width, enum cx_align align)
{
	PangoLayout *l = cx_layout(pc, s, size, style, width, align);
	double h = cx_height(l);
	if (cr) {
		cairo_move_to(cr, x, y);
		pango_cairo_show_layout(cr, l);
	}
	g_object_unref(l);
	return h;
}
