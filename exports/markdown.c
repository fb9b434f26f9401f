/* The scorecard as Markdown (CommonMark with GitHub tables). Every text is
 * escaped so that it reads as the text it is: no HTML, links, emphasis,
 * headings or lists can come out of a note or a name. */
#include <string.h>

#include "core/i18n.h"
#include "exports/doc.h"

enum md_mode {
	MD_PARA,        /* a paragraph: newlines are hard line breaks */
	MD_ITEM,        /* inside a list item: continuation lines indented */
	MD_TABLE,       /* a table cell: one line, | escaped, newlines as <br> */
	MD_LINE,        /* a heading: one line, newlines as spaces */
};

/* At the start of a line: what would make it a list, heading, quote,
 * setext underline or thematic break is escaped. Returns bytes consumed. */
static size_t line_start(FILE *f, const char *s)
{
	size_t digits = strspn(s, "0123456789");
	if (digits && (s[digits] == '.' || s[digits] == ')')) {
		fwrite(s, 1, digits, f);
		fputc('\\', f);
		fputc(s[digits], f);
		return digits + 1;
	}
	if (*s == '-' || *s == '+' || *s == '=') {
		fputc('\\', f);
		fputc(*s, f);
		return 1;
	}
	return 0;
}

static void md_text(FILE *f, const char *s, enum md_mode mode)
{
	bool at_start = mode != MD_TABLE;
	if (!s)
		return;
	while (*s) {
		if (at_start) {
			s += strspn(s, " \t");     /* leading blanks could make a code block */
			s += line_start(f, s);
			at_start = false;
			continue;
		}
		unsigned long cp;
		size_t n = xs_next(s, &cp);
		s += n;
		if (cp == '\n') {
			if (mode == MD_TABLE)
				fputs("<br>", f);
			else if (mode == MD_LINE)
				fputc(' ', f);
			else
				fputs(mode == MD_ITEM ? "\\\n   " : "\\\n", f);
			at_start = mode == MD_PARA || mode == MD_ITEM;
		} else if (cp == '\t') {
			fputc(' ', f);
		} else if (cp < 0x80 && strchr("\\`*_[]<>|#~&!", (int)cp)) {
			fputc('\\', f);
			fputc((int)cp, f);
		} else {
			xs_put(f, cp);
		}
	}
}

static void md_begin(struct doc *d, const char *title, const char *subtitle)
{
	fputs("# ", d->f);
	md_text(d->f, title, MD_LINE);
	fputs("\n\n*", d->f);
	md_text(d->f, subtitle, MD_LINE);
	fputs("*\n", d->f);
}

static void md_end(struct doc *d)
{
	(void)d;
}

static void md_section(struct doc *d, const char *id, const char *title, bool new_page)
{
	(void)id;
	(void)new_page;
	fputs("\n## ", d->f);
	md_text(d->f, title, MD_LINE);
	fputc('\n', d->f);
}

static void md_heading(struct doc *d, int level, const char *title)
{
	fprintf(d->f, "\n%.*s ", level < 6 ? level : 6, "######");
	md_text(d->f, title, MD_LINE);
	fputc('\n', d->f);
}

static void md_para(struct doc *d, const char *text)
{
	fputc('\n', d->f);
	md_text(d->f, text, MD_PARA);
	fputc('\n', d->f);
}

static void md_facts(struct doc *d, const struct doc_fact *fa, int n)
{
	fputc('\n', d->f);
	for (int i = 0; i < n; i++) {
		fputs("- **", d->f);
		md_text(d->f, fa[i].key, MD_LINE);
		fputs(":** ", d->f);
		md_text(d->f, fa[i].value, MD_ITEM);
		fputc('\n', d->f);
	}
}

static void md_row(FILE *f, const char *const *cells, int n)
{
	fputc('|', f);
	for (int c = 0; c < n; c++) {
		fputc(' ', f);
		md_text(f, cells[c] && *cells[c] ? cells[c] : " ", MD_TABLE);
		fputs(" |", f);
	}
	fputc('\n', f);
}

static void md_table(struct doc *d, const struct doc_table *t)
{
	fputc('\n', d->f);
	md_row(d->f, t->head, t->ncols);
	fputc('|', d->f);
	for (int c = 0; c < t->ncols; c++)
		fputs(t->numeric[c] ? " ---: |" : " --- |", d->f);
	fputc('\n', d->f);
	for (int r = 0; r < t->nrows; r++)
		md_row(d->f, t->cells + r * t->ncols, t->ncols);
}

static void md_items(struct doc *d, bool ordered, const struct doc_item *it, int n)
{
	fputc('\n', d->f);
	for (int i = 0; i < n; i++) {
		if (ordered)
			fprintf(d->f, "%d. **", i + 1);
		else
			fputs("-  **", d->f);
		md_text(d->f, it[i].title, MD_LINE);
		fputs("**\\\n   ", d->f);
		md_text(d->f, it[i].text, MD_ITEM);
		if (it[i].detail && *it[i].detail) {
			fputs("\\\n   *", d->f);
			md_text(d->f, it[i].detail, MD_ITEM);
			fputc('*', d->f);
		}
		fputc('\n', d->f);
	}
}

const struct doc_ops markdown_ops = {
	.begin = md_begin,
	.end = md_end,
	.section = md_section,
	.heading = md_heading,
	.para = md_para,
	.facts = md_facts,
	.table = md_table,
	.items = md_items,
	.chart = NULL,
};
