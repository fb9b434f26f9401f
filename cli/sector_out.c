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
	struct cli_table *t = cli_table_new(8);
	for (int c = 0; c < 8; c++) {
		cli_table_cell(t, c == 0 || c == 2 || c == 5 ? _(head[c]) : head[c]);
		if (c > 0)
			cli_table_align_right(t, c);
	}
	for (int k = 0; k < v->s->nclasses; k++) {
		const struct sector_cell *c = sector_cell(v->s, d, k);
		cli_table_cell(t, class_label(c->cls));
		cli_table_cellf(t, "%ld", c->n);
		score_cell(t, v, c->has, c->mean);
		score_cell(t, v, c->has, c->p10);
		score_cell(t, v, c->has, c->p25);
		score_cell(t, v, c->has, c->median);
		score_cell(t, v, c->has, c->p75);
		score_cell(t, v, c->has, c->p90);
	}
	cli_table_print(t, f);
	cli_table_free(t);
}

static void changes(FILE *f, const struct sector_view *v, int d)
{
	static const char *const head[] = { N_("Class"), N_("Pairs"), N_("Mean change"), N_("Median change"),
	                                    N_("Improved"), N_("Declined") };
	struct cli_table *t = cli_table_new(6);
	for (int c = 0; c < 6; c++) {
		cli_table_cell(t, _(head[c]));
		if (c > 0)
			cli_table_align_right(t, c);
	}
	for (int k = 0; k < v->s->nclasses; k++) {
		const struct sector_change *c = sector_change(v->s, d, k);
		cli_table_cell(t, class_label(c->cls));
		cli_table_cellf(t, "%ld", c->pairs);
		change_cell(t, v, c->has, c->mean_change);
		change_cell(t, v, c->has, c->median_change);
		share_cell(t, c->has, c->improved);
		share_cell(t, c->has, c->declined);
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
	static const char *const head[] = { "domain", "domain_title", "class", "n", "mean", "p10", "p25", "median",
	                                    "p75", "p90", "pairs", "mean_change", "median_change", "improved",
	                                    "declined" };
	const struct sector *s = v->s;
	int ncols = s->changes ? 15 : 10;
	if (v->csv_bom)
		fputs("\xef\xbb\xbf", f);
	for (int c = 0; c < ncols; c++)
		csv_cell(f, head[c], v->csv_sep, c == 0);
	fputs("\r\n", f);
	for (int d = 0; d < s->ndomains; d++)
		for (int k = 0; k < s->nclasses; k++) {
			const struct sector_cell *c = sector_cell(s, d, k);
			csv_cell(f, v->q->domains[d].id, v->csv_sep, true);
			csv_cell(f, qn_str(v->q, &v->q->domains[d].title, v->lang), v->csv_sep, false);
			csv_cell(f, c->cls, v->csv_sep, false);
			fprintf(f, "%c%ld", v->csv_sep, c->n);
			const double fig[] = { c->mean, c->p10, c->p25, c->median, c->p75, c->p90 };
			for (int i = 0; i < 6; i++)
				number(f, v, c->has, fig[i]);
			const struct sector_change *ch = sector_change(s, d, k);
			if (ch) {
				fprintf(f, "%c%ld", v->csv_sep, ch->pairs);
				const double cf[] = { ch->mean_change, ch->median_change, ch->improved, ch->declined };
				for (int i = 0; i < 4; i++)
					number(f, v, ch->has, cf[i]);
			}
			fputs("\r\n", f);
		}
}

/* ---- JSON (SPEC) ---- */

static void json_cell(struct jsonw *w, const struct sector_view *v, const struct sector_cell *c)
{
	jsonw_object(w);
	jsonw_kstring(w, "domain", v->q->domains[c->domain].id);
	jsonw_kstring(w, "class", c->cls);
	jsonw_kint(w, "n", c->n);
	jsonw_knumber_or_null(w, "mean", c->has, c->mean);
	jsonw_knumber_or_null(w, "p10", c->has, c->p10);
	jsonw_knumber_or_null(w, "p25", c->has, c->p25);
	jsonw_knumber_or_null(w, "median", c->has, c->median);
	jsonw_knumber_or_null(w, "p75", c->has, c->p75);
	jsonw_knumber_or_null(w, "p90", c->has, c->p90);
	jsonw_object_end(w);
}

static void json_change(struct jsonw *w, const struct sector_view *v, const struct sector_change *c)
{
	jsonw_object(w);
	jsonw_kstring(w, "domain", v->q->domains[c->domain].id);
	jsonw_kstring(w, "class", c->cls);
	jsonw_kint(w, "pairs", c->pairs);
	jsonw_knumber_or_null(w, "mean_change", c->has, c->mean_change);
	jsonw_knumber_or_null(w, "median_change", c->has, c->median_change);
	jsonw_knumber_or_null(w, "improved", c->has, c->improved);
	jsonw_knumber_or_null(w, "declined", c->has, c->declined);
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
	for (int i = 0; i < s->ndomains * s->nclasses; i++)
		json_cell(&w, v, &s->cells[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "changes");
	jsonw_array(&w);
	for (int i = 0; s->changes && i < s->ndomains * s->nclasses; i++)
		json_change(&w, v, &s->changes[i]);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}
