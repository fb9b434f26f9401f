/* Text tables for score, aggregate, compare and benchmark (see cli.h).
 *
 * Widths are measured on the cells themselves, translated headers
 * included, so a Dutch header or a long level name never runs into the
 * next column. The table is small (a row per domain or question), so it
 * is simply kept in memory until it is printed. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/text.h"

enum { TABLE_GAP = 2 };         /* spaces between two columns */

struct cli_table {
	int ncols;
	char **cells;           /* the entries: cells row by row, and free lines */
	bool *line;             /* per entry: a free line, not a cell */
	size_t n, cap;          /* entries used and allocated */
	int *max;               /* per column: the widest a cell may make it */
	bool *right;            /* per column: right-aligned */
};

struct cli_table *cli_table_new(int ncols)
{
	struct cli_table *t = xmalloc(sizeof *t);
	t->ncols = ncols > 0 ? ncols : 1;
	t->max = xarray((size_t)t->ncols, sizeof *t->max);
	t->right = xarray((size_t)t->ncols, sizeof *t->right);
	return t;
}

struct cli_table *cli_table_with_head(int ncols, const char *const *head, int right_from)
{
	struct cli_table *t = cli_table_new(ncols);
	for (int c = 0; c < ncols; c++) {
		cli_table_cell(t, _(head[c]));
		if (right_from > 0 && c >= right_from)
			cli_table_align_right(t, c);
	}
	return t;
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		mem_free(t->cells[i]);
	mem_free(t->cells);
	mem_free(t->line);
	mem_free(t->max);
	mem_free(t->right);
	mem_free(t);
}

void cli_table_align_right(struct cli_table *t, int col)
{
	if (t && col >= 0 && col < t->ncols)
		t->right[col] = true;
}

void cli_table_max_width(struct cli_table *t, int col, int max)
{
	if (t && col >= 0 && col < t->ncols)
		t->max[col] = max;
}

static void push(struct cli_table *t, char *s, bool line)
{
	if (t->n == t->cap) {
		size_t cap = t->cap;
		t->cells = xgrow(t->cells, &cap, t->n, sizeof *t->cells, 64);
		t->line = xrealloc(t->line, cap * sizeof *t->line);
		t->cap = cap;
	}
	t->line[t->n] = line;
	t->cells[t->n++] = s;
}

void cli_table_cell(struct cli_table *t, const char *s)
{
	if (t)
		push(t, xstrdup(s ? s : ""), false);
}

void cli_table_cellf(struct cli_table *t, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	cli_table_cell(t, buf);
}

void cli_table_line(struct cli_table *t, const char *s)
{
	if (t)
		push(t, xstrdup(s), true);
}

static void spaces(FILE *f, int n)
{
	for (; n > 0; n--)
		fputc(' ', f);
}

/* Column widths: the widest cell within the column's maximum. */
static void measure(const struct cli_table *t, int *w)
{
	int col = 0;
	for (int c = 0; c < t->ncols; c++)
		w[c] = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (t->line[i])
			continue;
		int n = (int)text_codepoints(t->cells[i]);
		if (t->max[col] > 0 && n > t->max[col])
			n = 0;          /* a line of its own (print_row) */
		if (n > w[col])
			w[col] = n;
		col = (col + 1) % t->ncols;
	}
}

/* One row of ncols cells; trailing empty cells are left out, the last
 * column is never padded. A left-aligned cell wider than its column (past
 * its maximum) ends the line, and the row goes on below, in step. */
static void print_row(const struct cli_table *t, char *const *row, const int *w, FILE *f)
{
	int last = t->ncols - 1, at = 0;
	while (last > 0 && !*row[last])
		last--;
	for (int c = 0; c <= last; c++) {
		int n = (int)text_codepoints(row[c]);
		if (t->right[c])
			spaces(f, w[c] - n);
		fputs(row[c], f);
		if (c == last)
			break;
		if (!t->right[c] && n > w[c]) {
			fputc('\n', f);
			spaces(f, at + w[c] + TABLE_GAP);
		} else {
			spaces(f, (t->right[c] ? 0 : w[c] - n) + TABLE_GAP);
		}
		at += w[c] + TABLE_GAP;
	}
	fputc('\n', f);
}

void cli_table_print(const struct cli_table *t, FILE *f)
{
	int *w = xarray((size_t)t->ncols, sizeof *w);
	measure(t, w);
	for (size_t i = 0; i < t->n;) {
		if (t->line[i]) {
			fprintf(f, "%s\n", t->cells[i++]);
		} else if (i + (size_t)t->ncols <= t->n) {
			print_row(t, t->cells + i, w, f);
			i += (size_t)t->ncols;
		} else {
			break;          /* an unfinished last row: a caller's bug */
		}
	}
	free(w);
}
