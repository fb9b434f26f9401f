/* styles.xml of the ODT: named paragraph styles (the headings with their
 * outline levels, body text, table text, notes), list styles, the A4 page
 * with a footer that counts pages. The content uses only these names and
 * no direct formatting, so a clerk who changes "Heading 1" changes every
 * section heading. */
#include <string.h>

#include "core/i18n.h"
#include "exports/html.h"
#include "exports/odt.h"

/* name, display name, parent, outline level (0: none), font size, bold,
 * colour (or NULL), space above and below in cm, alignment (or NULL). */
static const struct pstyle {
	const char *name, *display, *parent;
	int outline;
	const char *size;
	bool bold;
	const char *color, *above, *below, *align;
} pstyles[] = {
	{ "Standard", "Standard", NULL, 0, NULL, false, NULL, NULL, NULL, NULL },
	{ "Text_20_body", "Text body", "Standard", 0, NULL, false, NULL, "0cm", "0.18cm", NULL },
	{ "Heading", "Heading", "Standard", 0, NULL, true, NULL, "0.42cm", "0.2cm", NULL },
	{ "Title", "Title", "Heading", 0, "22pt", true, NULL, "0cm", "0.1cm", NULL },
	{ "Subtitle", "Subtitle", "Heading", 0, "13pt", false, HC_MUTED, "0cm", "0.4cm", NULL },
	{ "Heading_20_1", "Heading 1", "Heading", 1, "15pt", true, NULL, "0.6cm", "0.2cm", NULL },
	{ "Heading_20_2", "Heading 2", "Heading", 2, "12pt", true, NULL, "0.4cm", "0.15cm", NULL },
	{ "Heading_20_3", "Heading 3", "Heading", 3, "10.5pt", true, NULL, "0.3cm", "0.1cm", NULL },
	{ "Table_20_Contents", "Table Contents", "Standard", 0, "9pt", false, NULL, "0cm", "0cm", NULL },
	{ "Table_20_Heading", "Table Heading", "Table_20_Contents", 0, NULL, true, NULL, NULL, NULL, NULL },
	{ "Table_20_Number", "Table Number", "Table_20_Contents", 0, NULL, false, NULL, NULL, NULL, "end" },
	{ "Table_20_Number_20_Heading", "Table Number Heading", "Table_20_Heading", 0, NULL, true, NULL, NULL, NULL,
	  "end" },
	{ "Note", "Note", "Text_20_body", 0, "9pt", false, HC_MUTED, NULL, NULL, NULL },
	{ "Fact", "Fact", "Text_20_body", 0, NULL, false, NULL, "0cm", "0.05cm", NULL },
	{ "Caption", "Caption", "Standard", 0, "10pt", true, NULL, "0.2cm", "0.1cm", NULL },
	{ "Footer", "Footer", "Standard", 0, "8pt", false, HC_MUTED, NULL, NULL, NULL },
};

static void pstyle(struct odt *o, xmlTextWriterPtr w, const struct pstyle *p)
{
	char level[8];
	odt_start(o, w, "style:style");
	odt_attr(o, w, "style:name", p->name);
	odt_attr(o, w, "style:display-name", p->display);
	odt_attr(o, w, "style:family", "paragraph");
	if (p->parent)
		odt_attr(o, w, "style:parent-style-name", p->parent);
	if (p->outline) {
		snprintf(level, sizeof level, "%d", p->outline);
		odt_attr(o, w, "style:default-outline-level", level);
		odt_attr(o, w, "style:next-style-name", "Text_20_body");
		odt_attr(o, w, "style:class", "text");
	}
	if (p->above || p->align || !strcmp(p->name, "Heading")) {
		odt_start(o, w, "style:paragraph-properties");
		if (p->above) {
			odt_attr(o, w, "fo:margin-top", p->above);
			odt_attr(o, w, "fo:margin-bottom", p->below);
		}
		if (p->align)
			odt_attr(o, w, "fo:text-align", p->align);
		if (!strcmp(p->name, "Heading"))
			odt_attr(o, w, "fo:keep-with-next", "always");
		odt_end(o, w);
	}
	if (p->size || p->bold || p->color || !strcmp(p->name, "Subtitle")) {
		odt_start(o, w, "style:text-properties");
		if (p->size)
			odt_attr(o, w, "fo:font-size", p->size);
		odt_attr(o, w, "fo:font-weight", p->bold ? "bold" : "normal");
		if (p->color)
			odt_attr(o, w, "fo:color", p->color);
		odt_end(o, w);
	}
	odt_end(o, w);
}

static void defaults(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "style:default-style");
	odt_attr(o, w, "style:family", "paragraph");
	odt_start(o, w, "style:paragraph-properties");
	odt_attr(o, w, "fo:orphans", "2");
	odt_attr(o, w, "fo:widows", "2");
	odt_end(o, w);
	odt_start(o, w, "style:text-properties");
	odt_attr(o, w, "style:font-name", "DejaVu Sans");
	odt_attr(o, w, "fo:font-size", "10pt");
	odt_attr(o, w, "fo:language", o->d->lang && !strcmp(o->d->lang, "nl") ? "nl" : "en");
	odt_attr(o, w, "fo:country", o->d->lang && !strcmp(o->d->lang, "nl") ? "NL" : "GB");
	odt_end(o, w);
	odt_end(o, w);
}

static void text_style(struct odt *o, xmlTextWriterPtr w, const char *name, const char *display,
                       const char *prop, const char *value)
{
	odt_start(o, w, "style:style");
	odt_attr(o, w, "style:name", name);
	odt_attr(o, w, "style:display-name", display);
	odt_attr(o, w, "style:family", "text");
	odt_start(o, w, "style:text-properties");
	odt_attr(o, w, prop, value);
	odt_end(o, w);
	odt_end(o, w);
}

static void list_style(struct odt *o, xmlTextWriterPtr w, const char *name, const char *display, bool numbered)
{
	odt_start(o, w, "text:list-style");
	odt_attr(o, w, "style:name", name);
	odt_attr(o, w, "style:display-name", display);
	odt_start(o, w, numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
	odt_attr(o, w, "text:level", "1");
	if (numbered) {
		odt_attr(o, w, "style:num-suffix", ".");
		odt_attr(o, w, "style:num-format", "1");
	} else {
		odt_attr(o, w, "text:bullet-char", "•");
	}
	odt_start(o, w, "style:list-level-properties");
	odt_attr(o, w, "text:list-level-position-and-space-mode", "label-alignment");
	odt_start(o, w, "style:list-level-label-alignment");
	odt_attr(o, w, "text:label-followed-by", "listtab");
	odt_attr(o, w, "text:list-tab-stop-position", "0.7cm");
	odt_attr(o, w, "fo:text-indent", "-0.6cm");
	odt_attr(o, w, "fo:margin-left", "0.7cm");
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
}

/* Headings carry outline levels without numbers. */
static void outline_style(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "text:outline-style");
	odt_attr(o, w, "style:name", "Outline");
	for (int l = 1; l <= 3; l++) {
		char level[12];
		snprintf(level, sizeof level, "%d", l);
		odt_start(o, w, "text:outline-level-style");
		odt_attr(o, w, "text:level", level);
		odt_attr(o, w, "style:num-format", "");
		odt_end(o, w);
	}
	odt_end(o, w);
}

static void page(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "office:automatic-styles");
	odt_start(o, w, "style:page-layout");
	odt_attr(o, w, "style:name", "A4");
	odt_start(o, w, "style:page-layout-properties");
	static const char *const props[][2] = {
		{ "fo:page-width", "21cm" }, { "fo:page-height", "29.7cm" }, { "style:print-orientation", "portrait" },
		{ "fo:margin-top", "2cm" }, { "fo:margin-bottom", "1.5cm" }, { "fo:margin-left", "2cm" },
		{ "fo:margin-right", "2cm" },
	};
	for (size_t i = 0; i < sizeof props / sizeof *props; i++)
		odt_attr(o, w, props[i][0], props[i][1]);
	odt_end(o, w);
	odt_start(o, w, "style:footer-style");
	odt_start(o, w, "style:header-footer-properties");
	odt_attr(o, w, "fo:min-height", "0.6cm");
	odt_attr(o, w, "fo:margin-top", "0.4cm");
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	/* the footer: organisation and date, then "page n of m" as fields */
	odt_start(o, w, "office:master-styles");
	odt_start(o, w, "style:master-page");
	odt_attr(o, w, "style:name", "Standard");
	odt_attr(o, w, "style:page-layout-name", "A4");
	odt_start(o, w, "style:footer");
	odt_start(o, w, "text:p");
	odt_attr(o, w, "text:style-name", "Footer");
	odt_text(o, w, o->d->footer);
	odt_text(o, w, " — ");
	odt_text(o, w, _("page"));
	odt_text(o, w, " ");
	odt_start(o, w, "text:page-number");
	odt_attr(o, w, "text:select-page", "current");
	odt_text(o, w, "1");
	odt_end(o, w);
	odt_text(o, w, " ");
	odt_text(o, w, _("of"));
	odt_text(o, w, " ");
	odt_start(o, w, "text:page-count");
	odt_text(o, w, "1");
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
}

xmlBufferPtr odt_styles(struct odt *o)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = odt_part_begin(o, &buf);
	if (!w)
		return odt_part_end(o, w, buf);
	odt_start(o, w, "office:document-styles");
	odt_namespaces(o, w);
	odt_start(o, w, "office:font-face-decls");
	odt_start(o, w, "style:font-face");
	odt_attr(o, w, "style:name", "DejaVu Sans");
	odt_attr(o, w, "svg:font-family", "'DejaVu Sans'");
	odt_attr(o, w, "style:font-family-generic", "swiss");
	odt_end(o, w);
	odt_end(o, w);
	odt_start(o, w, "office:styles");
	defaults(o, w);
	for (size_t i = 0; i < sizeof pstyles / sizeof *pstyles; i++)
		pstyle(o, w, &pstyles[i]);
	text_style(o, w, "Strong_20_Emphasis", "Strong Emphasis", "fo:font-weight", "bold");
	text_style(o, w, "Emphasis", "Emphasis", "fo:font-style", "italic");
	list_style(o, w, "Numbering_20_123", "Numbering 123", true);
	list_style(o, w, "List_20_1", "List 1", false);
	outline_style(o, w);
	odt_end(o, w);
	page(o, w);
	odt_end(o, w);
	return odt_part_end(o, w, buf);
}
