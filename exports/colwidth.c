/* Column widths of a table, the way a browser lays out an automatic
 * table, shared by the PDF (in points) and the ODT (in characters) so the
 * two cannot lay out a table differently. Pure: no cairo, no XML. */
#include <stdlib.h>

#include "exports/doc.h"

/* When the longest words do not fit side by side: figures keep their
 * width, and so do the columns whose longest word is short (a date, a
 * status, an owner); the columns with the longest words share what is
 * left equally and break inside words. Shrinking every column alike broke
 * "€ 14.000" and "in uitvoering, te laat" in the plan's table. */
static void squeeze(int n, const double *min, const bool *numeric, double smin, double total, double *w)
{
	bool *kept = n > 0 ? calloc((size_t)n, sizeof(*kept)) : NULL;
	double room = total;
	int open = 0;
	for (int c = 0; kept && c < n; c++) {
		kept[c] = numeric[c];
		room -= kept[c] ? min[c] : 0;
		open += !kept[c];
	}
	for (bool changed = true; kept && changed && open > 0 && room > 0;) {
		changed = false;
		double share = room / open;
		for (int c = 0; c < n; c++)
			if (!kept[c] && min[c] <= share) {
				kept[c] = changed = true;
				room -= min[c];
				open--;
			}
	}
	for (int c = 0; c < n; c++) {
		if (!kept || room <= 0)
			w[c] = min[c] * total / smin;   /* the figures alone are too wide */
		else
			w[c] = kept[c] ? min[c] : room / open;
	}
	free(kept);
}

/* When the unwrapped cells do not fit side by side: a column of short
 * phrases (its widest cell at most an eighth of the table and an equal
 * share of the room left) keeps them whole, "1,57 niveau" on one line
 * instead of two; the other columns share the rest in proportion to how
 * much wider each would like to be, as a browser does. A wider limit
 * made longer columns wrap more and tables taller. w holds each column's
 * widest cell. */
enum { SHORT = 8 };
static void whole_short(int n, const double *min, double total, double *w)
{
	bool *kept = calloc((size_t)n, sizeof(*kept));
	double room = total, lo = 0, hi = 0;
	int open = n;
	for (bool changed = true; kept && changed && open > 0;) {
		changed = false;
		for (int c = 0; c < n; c++)
			if (!kept[c] && w[c] <= room / open && w[c] <= total / SHORT) {
				kept[c] = changed = true;
				room -= w[c];
				open--;
			}
	}
	for (int c = 0; c < n; c++)
		if (!kept || !kept[c]) {
			lo += min[c];
			hi += w[c];
		}
	if (kept && lo > room) {        /* the kept ones leave too little: as before */
		free(kept);
		kept = NULL;
		room = total;
		lo = hi = 0;
		for (int c = 0; c < n; c++) {
			lo += min[c];
			hi += w[c];
		}
	}
	for (int c = 0; c < n; c++)
		if (!kept || !kept[c])
			w[c] = min[c] + (w[c] - min[c]) * (room - lo) / (hi - lo);
	free(kept);
}

void doc_column_widths(int n, const double *min, const double *max, const bool *numeric, double total, double *w)
{
	double smin = 0, smax = 0;
	if (n <= 0)
		return;
	for (int c = 0; c < n; c++) {
		w[c] = max[c] > min[c] ? max[c] : min[c];
		smin += min[c];
		smax += w[c];
	}
	if (smin > total) {
		squeeze(n, min, numeric, smin, total, w);
		return;
	}
	if (smax <= total) {
		for (int c = 0; c < n; c++)
			w[c] += (total - smax) * w[c] / smax;
		return;
	}
	whole_short(n, min, total, w);
}
