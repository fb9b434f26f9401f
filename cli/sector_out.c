/* peil sector as text (one table per domain), CSV (open data: UTF-8 and
 * RFC 4180; with `--csv-sep ';'` a decimal comma for spreadsheets set to
 * Dutch, and --bom) and JSON (SPEC). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/sector.h"
#include "core/i18n.h"
#include "core/num.h"
#include "exports/export.h"
#include "exports/jsonw.h"

/* A cell's figures and a change's, in the order of the text columns, the
 * CSV header and the JSON keys. */
enum { NCELL = 6, NCHANGE = 4 };
static const char *const cell_keys[NCELL] = { "mean", "p10", "p25", "median", "p75", "p90" };
static const char *const change_keys[NCHANGE] = { "mean_change", "median_change", "improved", "declined" };

/* A row of figures: a cell's (one class's distribution in one domain) or
 * a change's (the same class's change since the baseline). */
struct figures {
	int domain;
	const char *cls;
	long n;                 /* the organisations counted, or the pairs */
	bool has;               /* false: withheld */
	int nfig;
	double fig[NCELL];
};

static struct figures of_cell(const struct sector_cell *c)
{
	return (struct figures){ c->domain, c->cls, c->n, c->has, NCELL,
	                         { c->mean, c->p10, c->p25, c->median, c->p75, c->p90 } };
}

static struct figures of_change(const struct sector_change *c)
{
	return (struct figures){ c->domain, c->cls, c->pairs, c->has, NCHANGE,
	                         { c->mean_change, c->median_change, c->improved, c->declined } };
}

static const char *class_label(const char *cls)
{
	return strcmp(cls, "all") ? cls : _("all");
}

static const char *nlang(const struct sector_view *v)
{
	return v->q->langs[v->lang];
}

static void score_cell(struct cli_table *t, const struct sector_view *v, bool has, double x)
{
	char buf[NUM_LEN];
	cli_table_cell(t, num_score(buf, nlang(v), has, x));
}

static void change_cell(struct cli_table *t, const struct sector_view *v, bool has, double x)
{
	char buf[NUM_LEN];
	num_fixed(buf, nlang(v), x, 2);
	if (has)
		cli_table_cellf(t, "%s%s", x >= 0.005 ? "+" : "", buf);
	else
		cli_table_cell(t, "—");
}

static void share_cell(struct cli_table *t, bool has, double share)
{
	if (has)
		cli_table_cellf(t, "%ld%%", num_round(share * 100));
	else
		cli_table_cell(t, "—");
}

/* A change's figures: two changes, then two shares. */
static void figure_cell(struct cli_table *t, const struct sector_view *v, const struct figures *r, int i,
                        bool change)
{
	if (!change)
		score_cell(t, v, r->has, r->fig[i]);
	else if (i < 2)
		change_cell(t, v, r->has, r->fig[i]);
	else
		share_cell(t, r->has, r->fig[i]);
}

/* One domain's table of the classes: their distributions, or their
 * changes since the baseline. */
static void class_table(FILE *f, const struct sector_view *v, int d, bool change)
{
	static const char *const cell_head[2 + NCELL] = { N_("Class"), "n", N_("Mean"), "P10", "P25", N_("Median"),
	                                                  "P75", "P90" };
	static const char *const change_head[2 + NCHANGE] = { N_("Class"), N_("Pairs"), N_("Mean change"),
	                                                      N_("Median change"), N_("Improved"), N_("Declined") };
	struct cli_table *t = change ? cli_table_with_head(2 + NCHANGE, change_head, 1)
	                             : cli_table_with_head(2 + NCELL, cell_head, 1);
	for (int k = 0; k < v->s->nclasses; k++) {
		struct figures r = change ? of_change(sector_change(v->s, d, k)) : of_cell(sector_cell(v->s, d, k));
		cli_table_cell(t, class_label(r.cls));
		cli_table_cellf(t, "%ld", r.n);
		for (int i = 0; i < r.nfig; i++)
			figure_cell(t, v, &r, i, change);
	}
	if (change)
		fprintf(f, "\n  %s\n", _("Change since the baseline (organisations in both rounds):"));
	cli_table_print(t, f);
	cli_table_free(t);
}

void sector_text(const struct sector_view *v, FILE *f)
{
	const struct sector *s = v->s;
	fprintf(f, "%s — %s %s\n", _("Sector picture"), qn_str(v->q, &v->q->title, v->lang), v->q->version);
	fprintf(f, ngettext("%ld organisation", "%ld organisations", (unsigned long)s->organisations), s->organisations);
	if (s->without_class && v->group_by)
		cli_printf(f, _(" (%ld without a value for %s: only in \"all\")"), s->without_class, v->group_by);
	else if (s->without_class)
		fprintf(f, _(" (%ld without population: only in \"all\")"), s->without_class);
	fprintf(f, _(". Figures of a cell with fewer than %d organisations are withheld (—).\n"), s->min_n);
	for (int d = 0; d < s->ndomains; d++) {
		fprintf(f, "\n%s\n", qn_str(v->q, &v->q->domains[d].title, v->lang));
		class_table(f, v, d, false);
		if (s->changes)
			class_table(f, v, d, true);
	}
}

/* ---- CSV ---- */

static void number(FILE *f, const struct sector_view *v, bool has, double x)
{
	fputc(v->csv_sep, f);
	if (!has)
		return;
	char buf[40];
	snprintf(buf, sizeof buf, "%.15g", x);
	if (v->csv_sep == ';')
		for (char *p = buf; *p; p++)
			*p = *p == '.' ? ',' : *p;
	fputs(buf, f);
}

/* A row's count and its figures (empty when withheld). */
static void csv_figures(FILE *f, const struct sector_view *v, const struct figures *r)
{
	fprintf(f, "%c%ld", v->csv_sep, r->n);
	for (int i = 0; i < r->nfig; i++)
		number(f, v, r->has, r->fig[i]);
}

void sector_csv(const struct sector_view *v, FILE *f)
{
	static const char *const head[] = { "domain", "domain_title", "class", "n" };
	const struct sector *s = v->s;
	if (v->csv_bom)
		fputs("\xef\xbb\xbf", f);
	for (int c = 0; c < 4 + NCELL; c++)
		csv_cell(f, c < 4 ? head[c] : cell_keys[c - 4], v->csv_sep, c == 0);
	for (int c = 0; s->changes && c < 1 + NCHANGE; c++)
		csv_cell(f, c ? change_keys[c - 1] : "pairs", v->csv_sep, false);
	fputs("\r\n", f);
	for (int d = 0; d < s->ndomains; d++)
		for (int k = 0; k < s->nclasses; k++) {
			struct figures r = of_cell(sector_cell(s, d, k));
			csv_cell(f, v->q->domains[d].id, v->csv_sep, true);
			csv_cell(f, qn_str(v->q, &v->q->domains[d].title, v->lang), v->csv_sep, false);
			csv_cell(f, r.cls, v->csv_sep, false);
			csv_figures(f, v, &r);
			const struct sector_change *ch = sector_change(s, d, k);
			if (ch) {
				r = of_change(ch);
				csv_figures(f, v, &r);
			}
			fputs("\r\n", f);
		}
}

/* ---- JSON (SPEC) ---- */

/* One row of "cells" or "changes": where it stands, how many it counts
 * (key `count`), and its figures under `keys` (null when withheld). */
static void json_row(struct jsonw *w, const struct sector_view *v, const struct figures *r, const char *count,
                     const char *const *keys)
{
	jsonw_object(w);
	jsonw_kstring(w, "domain", v->q->domains[r->domain].id);
	jsonw_kstring(w, "class", r->cls);
	jsonw_kint(w, count, r->n);
	for (int i = 0; i < r->nfig; i++)
		jsonw_knumber_or_null(w, keys[i], r->has, r->fig[i]);
	jsonw_object_end(w);
}

void sector_json(const struct sector_view *v, FILE *f)
{
	const struct sector *s = v->s;
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_key(&w, "questionnaire");
	jsonw_object(&w);
	jsonw_kstring(&w, "id", v->q->id);
	jsonw_kstring(&w, "version", v->q->version);
	jsonw_object_end(&w);
	jsonw_kint(&w, "organisations", s->organisations);
	jsonw_kint(&w, "min_n", s->min_n);
	jsonw_kstring(&w, "group_by", v->group_by);
	jsonw_key(&w, "cells");
	jsonw_array(&w);
	for (int i = 0; i < s->ndomains * s->nclasses; i++) {
		struct figures r = of_cell(&s->cells[i]);
		json_row(&w, v, &r, "n", cell_keys);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "changes");
	jsonw_array(&w);
	for (int i = 0; s->changes && i < s->ndomains * s->nclasses; i++) {
		struct figures r = of_change(&s->changes[i]);
		json_row(&w, v, &r, "pairs", change_keys);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}
