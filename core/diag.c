#include "core/diag.h"

#include <stdarg.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/text.h"

struct diag_list {
	struct diag *items;
	size_t n, cap;
	bool out_of_memory;
	/* Counts of the file added to last, so that a file with a million
	 * problems costs O(1) per problem, not a scan of the list. */
	char *count_path;
	size_t count_errors, count_warnings;
	/* Errors past the cap are not kept but still counted: loaders compare
	 * diag_errors() before and after to know whether they failed. */
	size_t dropped;
};

struct diag_list *diag_list_new(void)
{
	return mem_alloc(sizeof(struct diag_list));
}

void diag_clear(struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		mem_free((char *)d->items[i].path);
		mem_free((char *)d->items[i].message);
	}
	d->n = 0;
	d->dropped = 0;
	d->out_of_memory = false;
	mem_free(d->count_path);
	d->count_path = NULL;
}

void diag_list_free(struct diag_list *d)
{
	if (!d)
		return;
	diag_clear(d);
	mem_free(d->items);
	mem_free(d);
}

static bool push(struct diag_list *d, const char *path, int line, int col,
                 enum diag_severity sev, const char *msg)
{
	struct diag *items = mem_grow(d->items, &d->cap, d->n, sizeof *items, 8);
	if (!items)
		return false;
	d->items = items;
	char *p = mem_strdup(path ? path : "-");
	char *m = mem_strdup(msg);
	if (!p || !m) {
		mem_free(p);
		mem_free(m);
		return false;
	}
	d->items[d->n++] = (struct diag){ p, line, col, sev, m };
	return true;
}

/* Drops a UTF-8 sequence that the end of the buffer cut in two. */
static void trim_utf8(char *buf, size_t len)
{
	size_t start = len;
	while (start > 0 && ((unsigned char)buf[start - 1] & 0xc0) == 0x80)
		start--;
	if (start == 0 || ((unsigned char)buf[start - 1] & 0x80) == 0)
		return;
	unsigned char lead = (unsigned char)buf[start - 1];
	size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
	if (len - (start - 1) < need)
		buf[start - 1] = '\0';
}

/* Points the cached counts at `path`, counting once when it changes. */
static void count_for(struct diag_list *d, const char *path)
{
	if (d->count_path && !strcmp(d->count_path, path))
		return;
	mem_free(d->count_path);
	d->count_path = mem_strdup(path);       /* NULL: recount next time */
	d->count_errors = d->count_warnings = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (strcmp(d->items[i].path, path) != 0)
			continue;
		++*(d->items[i].severity == DIAG_ERROR ? &d->count_errors : &d->count_warnings);
	}
}

void diag_add(struct diag_list *d, const char *path, int line, int col,
              enum diag_severity sev, const char *fmt, ...)
{
	if (!d)
		return;
	count_for(d, path ? path : "-");
	size_t errors = d->count_errors, warnings = d->count_warnings;
	if (sev == DIAG_ERROR && errors > DIAG_MAX_ERRORS_PER_FILE) {
		d->dropped++;
		return;
	}
	if (sev == DIAG_WARNING && warnings > DIAG_MAX_WARNINGS_PER_FILE)
		return;
	char buf[1024];
	if (sev == DIAG_ERROR && errors == DIAG_MAX_ERRORS_PER_FILE) {
		snprintf(buf, sizeof buf, "%s", _("too many errors; stopping here"));
	} else if (sev == DIAG_WARNING && warnings == DIAG_MAX_WARNINGS_PER_FILE) {
		snprintf(buf, sizeof buf, "%s", _("too many warnings; not showing more"));
	} else {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(buf, sizeof buf, fmt, ap);
		va_end(ap);
		if (n >= (int)sizeof buf)       /* cut: never half a UTF-8 character */
			trim_utf8(buf, sizeof buf - 1);
	}
	if (!push(d, path, line, col, sev, buf))
		d->out_of_memory = true;
	else if (d->count_path)
		++*(sev == DIAG_ERROR ? &d->count_errors : &d->count_warnings);
}

size_t diag_count(const struct diag_list *d)
{
	return d ? d->n : 0;
}

const struct diag *diag_get(const struct diag_list *d, size_t i)
{
	return i < d->n ? &d->items[i] : NULL;
}

size_t diag_errors(const struct diag_list *d)
{
	size_t n = d ? d->dropped + (d->out_of_memory ? 1 : 0) : 0;
	for (size_t i = 0; d && i < d->n; i++)
		n += d->items[i].severity == DIAG_ERROR;
	return n;
}

/* Output is gathered in a line buffer and written in one go: stderr is
 * unbuffered, and a write per character made `aggregate` of 10,000 files
 * a third slower. Longer lines are written in pieces. */
struct line {
	FILE *out;
	size_t n;
	char buf[1024];
};

static void line_put(struct line *l, const char *s, size_t n)
{
	if (l->n + n > sizeof l->buf) {
		fwrite(l->buf, 1, l->n, l->out);
		l->n = 0;
	}
	if (n > sizeof l->buf) {
		fwrite(s, 1, n, l->out);
		return;
	}
	memcpy(l->buf + l->n, s, n);
	l->n += n;
}

/* File names come from directories full of other people's files, and
 * messages quote them: control characters never reach the terminal. */
static void put_safe(struct line *l, const char *s)
{
	for (size_t len = strlen(s); len > 0;) {
		/* Printable ASCII, most of any message, goes in runs undecoded. */
		size_t run = 0;
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f)
			run++;
		if (run) {
			line_put(l, s, run);
			s += run;
			len -= run;
			continue;
		}
		unsigned long cp;
		size_t n = text_utf8_decode(s, len, &cp);
		if (n == 0 || text_is_unsafe_codepoint(cp) || cp == '\n')
			line_put(l, "\xef\xbf\xbd", 3);
		else
			line_put(l, s, n);
		s += n ? n : 1;
		len -= n ? n : 1;
	}
}

void diag_print(const struct diag_list *d, FILE *out, bool with_warnings)
{
	for (size_t i = 0; d && i < d->n; i++) {
		const struct diag *g = &d->items[i];
		if (g->severity == DIAG_WARNING && !with_warnings)
			continue;
		const char *kind = g->severity == DIAG_ERROR ? "error" : g->severity == DIAG_NOTE ? "note" : "warning";
		struct line l = { .out = out };
		char mark[64];
		/* FILE:LINE:COL (SPEC), or FILE: alone for a problem without a
		 * position (a file that cannot be opened, a directory). */
		put_safe(&l, g->path);
		int n = g->line > 0 ? snprintf(mark, sizeof mark, ":%d:%d: %s: ", g->line, g->col > 0 ? g->col : 1, kind)
		                    : snprintf(mark, sizeof mark, ": %s: ", kind);
		line_put(&l, mark, (size_t)n);
		put_safe(&l, g->message);
		line_put(&l, "\n", 1);
		fwrite(l.buf, 1, l.n, out);
	}
	if (d && d->out_of_memory)
		fprintf(out, "peil: error: %s\n", _("out of memory; some messages were lost"));
}
