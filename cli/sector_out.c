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

static void cell_figures(const struct sector_cell *c, double fig[NCELL])
{
	const double f[NCELL] = { c->mean, c->p10, c->p25, c->median, c->p75, c->p90 };
	memcpy(fig, f, sizeof f);
}

static void change_figures(const struct sector_change *c, double fig[NCHANGE])
{
	const double f[NCHANGE] = { c->mean_change, c->median_change, c->improved, c->declined };
	memcpy(fig, f, sizeof f);
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

static void distribution(FILE *f, const struct sector_view *v, int d)
{
	static const char *const head[] = { N_("Class"), "n", N_("Mean"), "P10", "P25", N_("Median"), "P75", "P90" };
	struct cli_table *t = cli_table_with_head(8, head, 1);
	for (int k = 0; k < v->s->nclasses; k++) {
		const struct sector_cell *c = sector_cell(v->s, d, k);
		double fig[NCELL];
		cell_figures(c, fig);
		cli_table_cell(t, class_label(c->cls));
		cli_table_cellf(t, "%ld", c->n);
		for (int i = 0; i < NCELL; i++)
			score_cell(t, v, c->has, fig[i]);
	}
	cli_table_print(t, f);
	cli_table_free(t);
}

static void changes(FILE *f, const struct sector_view *v, int d)
{
	static const char *const head[] = { N_("Class"), N_("Pairs"), N_("Mean change"), N_("Median change"),
	                                    N_("Improved"), N_("Declined") };
	struct cli_table *t = cli_table_with_head(6, head, 1);
	for (int k = 0; k < v->s->nclasses; k++) {
		const struct sector_change *c = sector_change(v->s, d, k);
		double fig[NCHANGE];
		change_figures(c, fig);
		cli_table_cell(t, class_label(c->cls));
		cli_table_cellf(t, "%ld", c->pairs);
		for (int i = 0; i < NCHANGE; i++) {       /* two changes, then two shares */
			if (i < 2)
				change_cell(t, v, c->has, fig[i]);
			else
				share_cell(t, c->has, fig[i]);
		}
	}
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
		distribution(f, v, d);
		if (s->changes)
			changes(f, v, d);
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

void sector_csv(const struct sector_view *v, FILE *f)
{
	static const char *const head[] = { "domain", "domain_title", "class", "n" };
	const struct sector *s = v->s;
	double fig[NCELL];
	if (v->csv_bom)
		fputs("\xef\xbb\xbf", f);
	for (int c = 0; c < 4 + NCELL; c++)
		csv_cell(f, c < 4 ? head[c] : cell_keys[c - 4], v->csv_sep, c == 0);
	for (int c = 0; s->changes && c < 1 + NCHANGE; c++)
		csv_cell(f, c ? change_keys[c - 1] : "pairs", v->csv_sep, false);
	fputs("\r\n", f);
	for (int d = 0; d < s->ndomains; d++)
		for (int k = 0; k < s->nclasses; k++) {
			const struct sector_cell *c = sector_cell(s, d, k);
			csv_cell(f, v->q->domains[d].id, v->csv_sep, true);
			csv_cell(f, qn_str(v->q, &v->q->domains[d].title, v->lang), v->csv_sep, false);
			csv_cell(f, c->cls, v->csv_sep, false);
			fprintf(f, "%c%ld", v->csv_sep, c->n);
			cell_figures(c, fig);
			for (int i = 0; i < NCELL; i++)
				number(f, v, c->has, fig[i]);
			const struct sector_change *ch = sector_change(s, d, k);
			if (ch) {
				fprintf(f, "%c%ld", v->csv_sep, ch->pairs);
				change_figures(ch, fig);
				for (int i = 0; i < NCHANGE; i++)
					number(f, v, ch->has, fig[i]);
			}
			fputs("\r\n", f);
		}
}

/* ---- JSON (SPEC) ---- */

/* One row of "cells" or "changes": where it stands, how many it counts
 * (key `count`), and its figures (null when withheld). */
struct json_row {
	int domain;
	const char *cls, *count;
	long n;
	bool has;
	const char *const *keys;
	int nfig;
};

static void json_row(struct jsonw *w, const struct sector_view *v, const struct json_row *r, const double *fig)
{
	jsonw_object(w);
	jsonw_kstring(w, "domain", v->q->domains[r->domain].id);
	jsonw_kstring(w, "class", r->cls);
	jsonw_kint(w, r->count, r->n);
	for (int i = 0; i < r->nfig; i++)
		jsonw_knumber_or_null(w, r->keys[i], r->has, fig[i]);
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
	double fig[NCELL];
	for (int i = 0; i < s->ndomains * s->nclasses; i++) {
		const struct sector_cell *c = &s->cells[i];
		cell_figures(c, fig);
		json_row(&w, v, &(struct json_row){ c->domain, c->cls, "n", c->n, c->has, cell_keys, NCELL }, fig);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "changes");
	jsonw_array(&w);
	for (int i = 0; s->changes && i < s->ndomains * s->nclasses; i++) {
		const struct sector_change *c = &s->changes[i];
		change_figures(c, fig);
		json_row(&w, v, &(struct json_row){ c->domain, c->cls, "pairs", c->pairs, c->has, change_keys, NCHANGE },
		         fig);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}
