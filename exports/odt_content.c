/* content.xml of the ODT: the document model as ODF elements: headings
 * with outline levels, paragraphs, lists, real tables (header rows that
 * repeat, rows kept whole) and the charts as frames with an SVG image and
 * its PNG fallback. Formatting comes from the named styles in styles.xml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/odt.h"

static void el_text(struct odt *o, xmlTextWriterPtr w, const char *el, const char *style, const char *text)
{
	odt_start(o, w, el, "text:style-name", style, NULL);
	odt_text(o, w, text);
	odt_end(o, w);
}

static void auto_style(struct odt *o, xmlTextWriterPtr w, const char *name, const char *family,
                       const char *parent, const char *props, const char *k1, const char *v1,
                       const char *k2, const char *v2)
{
	odt_start(o, w, "style:style", "style:name", name, "style:family", family, "style:parent-style-name",
	          parent, NULL);
	odt_empty(o, w, props, k1, v1, k2, v2, NULL);
	odt_end(o, w);
}

/* Characters of s (code points): all of it, and its longest word. */
static void text_chars(const char *s, int *all, int *word)
{
	int run = 0;
	*all = *word = 0;
	for (const char *p = s ? s : ""; *p; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;       /* count code points */
		++*all;
		run = *p == ' ' ? 0 : run + 1;
		*word = run > *word ? run : *word;
	}
}

/* The columns' widths in characters, laid out as the PDF lays them out
 * (doc_column_widths): a domain name is not broken while a figure column
 * stays narrow, and a figure ("€ 14.000") is never broken. 17 cm holds
 * about 86 characters of the table's type; 2 more per cell for its padding. */
static void column_widths(const struct doc_table *t, double *w)
{
	enum { PAD = 2 };
	double *min = malloc((size_t)t->ncols * 2 * sizeof(*min)), *max = min ? min + t->ncols : NULL;
	for (int c = 0; c < t->ncols; c++) {
		int all, word;
		if (!min) {
			w[c] = 1;
			continue;
		}
		text_chars(t->head[c], &all, &word);
		min[c] = max[c] = word + PAD;   /* the header may wrap between words */
		for (int r = 0; r < t->nrows; r++) {
			text_chars(t->cells[r * t->ncols + c], &all, &word);
			word = t->numeric[c] ? all : word;
			min[c] = word + PAD > min[c] ? word + PAD : min[c];
			max[c] = all + PAD > max[c] ? all + PAD : max[c];
		}
	}
	if (min)
		doc_column_widths(t->ncols, min, max, t->numeric, 86, w);
	free(min);
}

static void column_styles(struct odt *o, xmlTextWriterPtr w)
{
	int number = 0;
	for (int i = 0; i < o->d->nblocks; i++) {
		const struct doc_table *t = &o->d->blocks[i].table;
		if (o->d->blocks[i].kind != DOC_TABLE || t->ncols <= 0)
			continue;
		number++;
		double *cw = malloc((size_t)t->ncols * sizeof(*cw));
		if (cw)
			column_widths(t, cw);
		for (int c = 0; c < t->ncols; c++) {
			char name[32], share[16];
			snprintf(name, sizeof name, "T%dC%d", number, c);
			snprintf(share, sizeof share, "%d*", cw ? (int)(cw[c] * 100 + 0.5) : 100);
			auto_style(o, w, name, "table-column", NULL, "style:table-column-properties",
			           "style:rel-column-width", share, NULL, NULL);
		}
		free(cw);
	}
}

static void automatic_styles(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "office:automatic-styles", NULL);
	column_styles(o, w);
	auto_style(o, w, "Tbl", "table", NULL, "style:table-properties", "style:width", "17cm", "table:align",
	           "margins");
	auto_style(o, w, "Row", "table-row", NULL, "style:table-row-properties", "fo:keep-together", "always",
	           NULL, NULL);
	auto_style(o, w, "Cell", "table-cell", NULL, "style:table-cell-properties", "fo:padding", "0.08cm",
	           "fo:border-bottom", "0.5pt solid #c4c4c4");
	auto_style(o, w, "HeadCell", "table-cell", NULL, "style:table-cell-properties", "fo:padding", "0.08cm",
	           "fo:border-bottom", "1pt solid #1b1b1b");
	auto_style(o, w, "H1_break", "paragraph", "Heading_20_1", "style:paragraph-properties", "fo:break-before",
	           "page", NULL, NULL);
	odt_end(o, w);
}

static void heading(struct odt *o, xmlTextWriterPtr w, const struct doc_block *b)
{
	int level = b->kind == DOC_SECTION ? 1 : b->level <= 3 ? 2 : 3;
	char lv[4], style[32];
	snprintf(lv, sizeof lv, "%d", level);
	snprintf(style, sizeof style, "Heading_20_%d", level);
	odt_start(o, w, "text:h", "text:style-name", b->kind == DOC_SECTION && b->new_page ? "H1_break" : style,
	          "text:outline-level", lv, NULL);
	odt_text(o, w, b->title);
	odt_end(o, w);
}

static void facts(struct odt *o, xmlTextWriterPtr w, const struct doc_fact *f, int n)
{
	for (int i = 0; i < n; i++) {
		odt_start(o, w, "text:p", "text:style-name", "Fact", NULL);
		el_text(o, w, "text:span", "Strong_20_Emphasis", f[i].key);
		odt_text(o, w, ": ");
		odt_text(o, w, f[i].value);
		odt_end(o, w);
	}
}

static void row(struct odt *o, xmlTextWriterPtr w, const struct doc_table *t, const char *const *cells, bool head)
{
	odt_start(o, w, "table:table-row", "table:style-name", "Row", NULL);
	for (int c = 0; c < t->ncols; c++) {
		odt_start(o, w, "table:table-cell", "table:style-name", head ? "HeadCell" : "Cell", "office:value-type",
		          "string", NULL);
		const char *style = head ? (t->numeric[c] ? "Table_20_Number_20_Heading" : "Table_20_Heading")
		                         : t->numeric[c] ? "Table_20_Number" : c == 0 ? "Table_20_Heading"
		                                                                      : "Table_20_Contents";
		el_text(o, w, "text:p", style, cells[c]);
		odt_end(o, w);
	}
	odt_end(o, w);
}

static void table(struct odt *o, xmlTextWriterPtr w, const struct doc_table *t, int number)
{
	char name[32];
	if (t->ncols <= 0)
		return;
	snprintf(name, sizeof name, "Table%d", number);
	odt_start(o, w, "table:table", "table:name", name, "table:style-name", "Tbl", NULL);
	for (int c = 0; c < t->ncols; c++) {
		char col[32];
		snprintf(col, sizeof col, "T%dC%d", number, c);
		odt_empty(o, w, "table:table-column", "table:style-name", col, NULL);
	}
	odt_start(o, w, "table:table-header-rows", NULL);       /* repeated on every page */
	row(o, w, t, t->head, true);
	odt_end(o, w);
	for (int r = 0; r < t->nrows; r++)
		row(o, w, t, t->cells + r * t->ncols, false);
	odt_end(o, w);
}

static void items(struct odt *o, xmlTextWriterPtr w, const struct doc_block *b)
{
	odt_start(o, w, "text:list", "text:style-name", b->ordered ? "Numbering_20_123" : "List_20_1", NULL);
	for (int i = 0; i < b->n; i++) {
		const struct doc_item *it = &b->items[i];
		odt_start(o, w, "text:list-item", NULL);
		odt_start(o, w, "text:p", "text:style-name", "Text_20_body", NULL);
		el_text(o, w, "text:span", "Strong_20_Emphasis", it->title);
		odt_text(o, w, "\n");
		odt_text(o, w, it->text);
		if (it->detail && *it->detail) {
			odt_text(o, w, "\n");
			el_text(o, w, "text:span", "Emphasis", it->detail);
		}
		odt_end(o, w);
		odt_end(o, w);
	}
	odt_end(o, w);
}

static void image(struct odt *o, xmlTextWriterPtr w, const char *name)
{
	char href[64];
	snprintf(href, sizeof href, "Pictures/%s", name);
	odt_empty(o, w, "draw:image", "xlink:href", href, "xlink:type", "simple", "xlink:show", "embed",
	          "xlink:actuate", "onLoad", NULL);
}

/* The SVG first; the PNG as the fallback for readers without SVG. */
static void chart(struct odt *o, xmlTextWriterPtr w, enum doc_chart_kind which)
{
	const struct odt_picture *p = &o->pics[which];
	char width[32], height[32];
	if (!p->svg)
		return;
	snprintf(width, sizeof width, "%.2fcm", p->w_cm);
	snprintf(height, sizeof height, "%.2fcm", p->h_cm);
	el_text(o, w, "text:p", "Caption", doc_chart_caption(which));
	odt_start(o, w, "text:p", "text:style-name", "Standard", NULL);
	odt_start(o, w, "draw:frame", "draw:name", which == DOC_RADAR ? "radar" : "bars", "text:anchor-type",
	          "as-char", "svg:width", width, "svg:height", height, NULL);
	image(o, w, p->svg_name);
	image(o, w, p->png_name);
	odt_start(o, w, "svg:title", NULL);
	odt_text(o, w, doc_chart_title(which));
	odt_end(o, w);
	odt_start(o, w, "svg:desc", NULL);
	for (int d = 0; d < o->d->chart.ndomains; d++) {
		odt_text(o, w, o->d->chart.domains[d].words);
		odt_text(o, w, d + 1 < o->d->chart.ndomains ? "; " : ".");
	}
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
}

/* The layouts for doc_walk; the part's writer and the tables' count
 * travel beside the odt. */
struct ow {
	struct odt *o;
	xmlTextWriterPtr w;
	int tables;
};

static void o_heading(void *c, const struct doc_block *b)
{
	heading(((struct ow *)c)->o, ((struct ow *)c)->w, b);
}

static void o_facts(void *c, const struct doc_block *b)
{
	facts(((struct ow *)c)->o, ((struct ow *)c)->w, b->facts, b->n);
}

static void o_items(void *c, const struct doc_block *b)
{
	items(((struct ow *)c)->o, ((struct ow *)c)->w, b);
}

static void o_chart(void *c, const struct doc_block *b)
{
	chart(((struct ow *)c)->o, ((struct ow *)c)->w, b->chart);
}

static void o_para(void *c, const struct doc_block *b)
{
	struct ow *x = c;
	el_text(x->o, x->w, "text:p", b->kind == DOC_NOTE ? "Note" : "Text_20_body", b->text);
}

static void o_table(void *c, const struct doc_block *b)
{
	struct ow *x = c;
	table(x->o, x->w, &b->table, ++x->tables);
}

static void body(struct odt *o, xmlTextWriterPtr w)
{
	static doc_layout_fn *const layout[DOC_NKINDS] = {
		[DOC_SECTION] = o_heading, [DOC_HEADING] = o_heading, [DOC_PARA] = o_para, [DOC_NOTE] = o_para,
		[DOC_FACTS] = o_facts, [DOC_TABLE] = o_table, [DOC_ITEMS] = o_items, [DOC_CHART] = o_chart,
	};
	struct ow x = { .o = o, .w = w };
	el_text(o, w, "text:p", "Title", o->d->title);
	el_text(o, w, "text:p", "Subtitle", o->d->subtitle);
	doc_walk(o->d, layout, &x);
}

void odt_content(struct odt *o, xmlTextWriterPtr w)
{
	automatic_styles(o, w);
	odt_start(o, w, "office:body", NULL);
	odt_start(o, w, "office:text", NULL);
	body(o, w);
	odt_end(o, w);
	odt_end(o, w);
}
