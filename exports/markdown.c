/* The scorecard as Markdown (CommonMark with GitHub tables), from the
 * document model. Every text is escaped so that it reads as the text it
 * is: no HTML, links, emphasis, headings or lists can come out of a note or
 * a name, and no bare URL, www. or e-mail address becomes a link under
 * GitHub's autolink extension (':' and '.' are backslash-escaped, an
 * address goes into a code span).
 * Hard line breaks are two trailing spaces, which every renderer knows. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

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

/* Whether the character at s (inside text t) would start or continue an
 * autolink in GFM: the ':' of "://", the '.' of a word-initial "www.", any
 * '@' (e-mail addresses, mailto: and xmpp: links). */
static bool breaks_autolink(const char *t, const char *s)
{
	if (*s == ':')
		return s[1] == '/' && s[2] == '/';
	if (*s == '@')
		return true;
	if (*s != '.' || s - t < 3 || strncasecmp(s - 3, "www", 3) != 0)
		return false;
	return s - t == 3 || !isalnum((unsigned char)s[-4]);
}

/* GitHub's autolinks turn name@host.tld into a mailto: link even when the
 * '@' is escaped, so an address-like run goes into a code span, where no
 * link is made. Returns the run's length at s (0: not an address). */
static size_t address_run(const char *t, const char *s)
{
	static const char word[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-@";
	if (s > t && strchr(word, s[-1]) && s[-1])
		return 0;               /* only from the start of a run */
	size_t n = strspn(s, word);
	while (n && strchr(".-_", s[n - 1]))
		n--;            /* a full stop after an address ends the sentence */
	const char *at = memchr(s, '@', n);
	return at && at > s && at + 1 < s + n ? n : 0;
}

static void md_text(FILE *f, const char *s, enum md_mode mode)
{
	bool at_start = mode != MD_TABLE;
	const char *t = s;
	if (!s)
		return;
	while (*s) {
		if (at_start) {
			s += strspn(s, " \t");     /* leading blanks could make a code block */
			s += line_start(f, s);
			at_start = false;
			continue;
		}
		size_t run = address_run(t, s);
		if (run) {
			fputc('`', f);
			fwrite(s, 1, run, f);
			fputc('`', f);
			s += run;
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
				fputs(mode == MD_ITEM ? "  \n   " : "  \n", f);
			at_start = mode == MD_PARA || mode == MD_ITEM;
		} else if (cp == '\t') {
			fputc(' ', f);
		} else if ((cp < 0x80 && strchr("\\`*_[]<>|#~&!", (int)cp)) || breaks_autolink(t, s - n)) {
			fputc('\\', f);
			fputc((int)cp, f);
		} else {
			xs_put(f, cp);
		}
	}
}

static void md_section(void *w, const struct doc_block *b)
{
	FILE *f = w;
	fputs("\n## ", f);
	md_text(f, b->title, MD_LINE);
	fputc('\n', f);
}

static void md_heading(void *w, const struct doc_block *b)
{
	FILE *f = w;
	fprintf(f, "\n%.*s ", b->level < 6 ? b->level : 6, "######");
	md_text(f, b->title, MD_LINE);
	fputc('\n', f);
}

static void md_para(void *w, const struct doc_block *b)
{
	FILE *f = w;
	fputc('\n', f);
	if (b->kind == DOC_NOTE)
		fputs("> ", f);
	md_text(f, b->text, MD_PARA);
	fputc('\n', f);
}

static void md_facts(void *w, const struct doc_block *b)
{
	FILE *f = w;
	const struct doc_fact *fa = b->facts;
	fputc('\n', f);
	for (int i = 0; i < b->n; i++) {
		fputs("- **", f);
		md_text(f, fa[i].key, MD_LINE);
		fputs(":** ", f);
		md_text(f, fa[i].value, MD_ITEM);
		fputc('\n', f);
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

static void md_table(void *w, const struct doc_block *b)
{
	FILE *f = w;
	const struct doc_table *t = &b->table;
	fputc('\n', f);
	md_row(f, t->head, t->ncols);
	fputc('|', f);
	for (int c = 0; c < t->ncols; c++)
		fputs(t->numeric[c] ? " ---: |" : " --- |", f);
	fputc('\n', f);
	for (int r = 0; r < t->nrows; r++)
		md_row(f, t->cells + r * t->ncols, t->ncols);
}

static void md_items(void *w, const struct doc_block *b)
{
	FILE *f = w;
	const struct doc_item *it = b->items;
	fputc('\n', f);
	for (int i = 0; i < b->n; i++) {
		if (b->ordered)
			fprintf(f, "%d. **", i + 1);
		else
			fputs("-  **", f);
		md_text(f, it[i].title, MD_LINE);
		fputs("**  \n   ", f);
		md_text(f, it[i].text, MD_ITEM);
		if (it[i].detail && *it[i].detail) {
			fputs("  \n   *", f);
			md_text(f, it[i].detail, MD_ITEM);
			fputc('*', f);
		}
		fputc('\n', f);
	}
}

/* Markdown has no charts: the tables next to them carry every figure. */
bool md_render(const struct doc *d, FILE *f)
{
	fputs("# ", f);
	md_text(f, d->title, MD_LINE);
	fputs("\n\n*", f);
	md_text(f, d->subtitle, MD_LINE);
	fputs("*\n", f);
	static doc_layout_fn *const layout[DOC_NKINDS] = {
		[DOC_SECTION] = md_section, [DOC_HEADING] = md_heading, [DOC_PARA] = md_para, [DOC_NOTE] = md_para,
		[DOC_FACTS] = md_facts, [DOC_TABLE] = md_table, [DOC_ITEMS] = md_items,
	};
	doc_walk(d, layout, f);
	return !ferror(f);
}
