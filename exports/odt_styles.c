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
	snprintf(level, sizeof level, "%d", p->outline);
	bool heading = !strcmp(p->name, "Heading");
	odt_start(o, w, "style:style", "style:name", p->name, "style:display-name", p->display, "style:family",
	          "paragraph", "style:parent-style-name", p->parent, "style:default-outline-level",
	          p->outline ? level : NULL, "style:next-style-name", p->outline ? "Text_20_body" : NULL,
	          "style:class", p->outline ? "text" : NULL, NULL);
	if (p->above || p->align || heading)
		odt_empty(o, w, "style:paragraph-properties", "fo:margin-top", p->above, "fo:margin-bottom",
		          p->above ? p->below : NULL, "fo:text-align", p->align, "fo:keep-with-next",
		          heading ? "always" : NULL, NULL);
	if (p->size || p->bold || p->color || !strcmp(p->name, "Subtitle"))
		odt_empty(o, w, "style:text-properties", "fo:font-size", p->size, "fo:font-weight",
		          p->bold ? "bold" : "normal", "fo:color", p->color, NULL);
	odt_end(o, w);
}

static void defaults(struct odt *o, xmlTextWriterPtr w)
{
	bool nl = o->d->lang && !strcmp(o->d->lang, "nl");
	odt_start(o, w, "style:default-style", "style:family", "paragraph", NULL);
	odt_empty(o, w, "style:paragraph-properties", "fo:orphans", "2", "fo:widows", "2", NULL);
	odt_empty(o, w, "style:text-properties", "style:font-name", "DejaVu Sans", "fo:font-size", "10pt",
	          "fo:language", nl ? "nl" : "en", "fo:country", nl ? "NL" : "GB", NULL);
	odt_end(o, w);
}

static void text_style(struct odt *o, xmlTextWriterPtr w, const char *name, const char *display,
                       const char *prop, const char *value)
{
	odt_start(o, w, "style:style", "style:name", name, "style:display-name", display, "style:family", "text",
	          NULL);
	odt_empty(o, w, "style:text-properties", prop, value, NULL);
	odt_end(o, w);
}

static void list_style(struct odt *o, xmlTextWriterPtr w, const char *name, const char *display, bool numbered)
{
	odt_start(o, w, "text:list-style", "style:name", name, "style:display-name", display, NULL);
	odt_start(o, w, numbered ? "text:list-level-style-number" : "text:list-level-style-bullet", "text:level", "1",
	          "style:num-suffix", numbered ? "." : NULL, "style:num-format", numbered ? "1" : NULL,
	          "text:bullet-char", numbered ? NULL : "•", NULL);
	odt_start(o, w, "style:list-level-properties", "text:list-level-position-and-space-mode", "label-alignment",
	          NULL);
	odt_empty(o, w, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
	          "text:list-tab-stop-position", "0.7cm", "fo:text-indent", "-0.6cm", "fo:margin-left", "0.7cm", NULL);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
}

/* Headings carry outline levels without numbers. */
static void outline_style(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "text:outline-style", "style:name", "Outline", NULL);
	for (int l = 1; l <= 3; l++) {
		char level[12];
		snprintf(level, sizeof level, "%d", l);
		odt_empty(o, w, "text:outline-level-style", "text:level", level, "style:num-format", "", NULL);
	}
	odt_end(o, w);
}

static void page(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "office:automatic-styles", NULL);
	odt_start(o, w, "style:page-layout", "style:name", "A4", NULL);
	odt_empty(o, w, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm",
	          "style:print-orientation", "portrait", "fo:margin-top", "2cm", "fo:margin-bottom", "1.5cm",
	          "fo:margin-left", "2cm", "fo:margin-right", "2cm", NULL);
	odt_start(o, w, "style:footer-style", NULL);
	odt_empty(o, w, "style:header-footer-properties", "fo:min-height", "0.6cm", "fo:margin-top", "0.4cm", NULL);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	/* the footer: organisation and date, then "page n of m" as fields */
	odt_start(o, w, "office:master-styles", NULL);
	odt_start(o, w, "style:master-page", "style:name", "Standard", "style:page-layout-name", "A4", NULL);
	odt_start(o, w, "style:footer", NULL);
	odt_start(o, w, "text:p", "text:style-name", "Footer", NULL);
	odt_text(o, w, o->d->footer);
	odt_text(o, w, " — ");
	odt_text(o, w, _("page"));
	odt_text(o, w, " ");
	odt_start(o, w, "text:page-number", "text:select-page", "current", NULL);
	odt_text(o, w, "1");
	odt_end(o, w);
	odt_text(o, w, " ");
	odt_text(o, w, _("of"));
	odt_text(o, w, " ");
	odt_start(o, w, "text:page-count", NULL);
	odt_text(o, w, "1");
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
	odt_end(o, w);
}

void odt_styles(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "office:font-face-decls", NULL);
	odt_empty(o, w, "style:font-face", "style:name", "DejaVu Sans", "svg:font-family", "'DejaVu Sans'",
	          "style:font-family-generic", "swiss", NULL);
	odt_end(o, w);
	odt_start(o, w, "office:styles", NULL);
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
}
