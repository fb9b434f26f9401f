/* The sector picture as a document (the scorecard's model and writers):
 * an overview, then per domain a band chart over the classes (the middle
 * half as a band, the median as a line, last round's median as a dotted
 * mark) and a table with every figure; with a baseline, the changes. */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "exports/doc.h"
#include "exports/export.h"
#include "exports/html.h"
#include "scoring/sector.h"

struct sdoc {
	struct doc d;
	struct xctx x;
	const struct export_sector *e;
	const char *lang;
};

static const char *fig(struct sdoc *sd, bool has, double v)
{
	char buf[NUM_LEN];
	return xctx_printf(&sd->x, "%s", num_score(buf, sd->lang, has, v));
}

static const char *class_label(const char *cls)
{
	return strcmp(cls, "all") ? cls : _("all organisations");
}

/* The last round's cell of the same domain and class, if it has figures. */
static const struct sector_cell *before(const struct sdoc *sd, int d, const char *cls)
{
	const struct sector *b = sd->e->base;
	for (int k = 0; b && k < b->nclasses; k++)
		if (!strcmp(b->classes[k], cls))
			return sector_cell(b, d, k)->has ? sector_cell(b, d, k) : NULL;
	return NULL;
}

static void chart_row(struct sdoc *sd, int d, int k, struct doc_chart_domain *row)
{
	const struct sector_cell *c = sector_cell(sd->e->s, d, k), *b = before(sd, d, c->cls);
	row->title = xctx_printf(&sd->x, "%s (n = %ld)", class_label(c->cls), c->n);
	row->has[DOC_PEER] = c->has;
	row->v[DOC_PEER] = c->median;
	row->p25 = c->p25;
	row->p75 = c->p75;
	row->has[DOC_BASE] = b != NULL;
	row->v[DOC_BASE] = b ? b->median : 0;
	if (!c->has) {
		row->figures = xctx_printf(&sd->x, _("fewer than %d organisations: withheld"), sd->e->s->min_n);
		row->words = xctx_printf(&sd->x, "%s: %s", row->title, row->figures);
		return;
	}
	row->figures = xctx_printf(&sd->x, _("median %s, middle half %s–%s, P10 %s, P90 %s, mean %s"),
	                           fig(sd, true, c->median), fig(sd, true, c->p25), fig(sd, true, c->p75),
	                           fig(sd, true, c->p10), fig(sd, true, c->p90), fig(sd, true, c->mean));
	if (b)
		row->peer_figures = xctx_printf(&sd->x, _("last round: median %s"), fig(sd, true, b->median));
	row->words = xctx_printf(&sd->x, "%s: %s%s%s", row->title, row->figures, b ? "; " : "",
	                         b ? row->peer_figures : "");
}

static void chart(struct sdoc *sd, int d)
{
	const struct sector *s = sd->e->s;
	const struct questionnaire *q = sd->e->q;
	struct doc_chart *c = arena_alloc(sd->x.arena, sizeof(*c));
	struct doc_chart_domain *rows = arena_alloc(sd->x.arena, (size_t)s->nclasses * sizeof(*rows));
	int *levels = arena_alloc(sd->x.arena, (size_t)q->nlevels * sizeof(int));
	if (!c || !rows || !levels) {
		sd->x.oom = true;
		return;
	}
	for (int l = 0; l < q->nlevels; l++)
		levels[l] = q->levels[l].value;
	for (int k = 0; k < s->nclasses; k++)
		chart_row(sd, d, k, &rows[k]);
	*c = (struct doc_chart){
		.ndomains = s->nclasses, .domains = rows, .nlevels = q->nlevels, .levels = levels,
		.series = { [DOC_PEER] = true, [DOC_BASE] = sd->e->base != NULL },
		.legend = { [DOC_PEER] = _("median and middle half (P25–P75) of the organisations"),
		            [DOC_BASE] = _("median last round") },
		.caption = xctx_printf(&sd->x, _("%s: scores per class"), xctx_domain_title(&sd->x, d)),
		.title = xctx_printf(&sd->x, _("Band chart of %s per class"), xctx_domain_title(&sd->x, d)),
	};
	doc_chart_of(&sd->d, DOC_BARS, c);
}

/* Writes the cells of class k's row of domain d into r. */
typedef void class_row_fn(struct sdoc *sd, int d, int k, const char **r);

/* A table of domain d with one row per class, filled by row(). */
static void class_table(struct sdoc *sd, int d, const char *caption, int ncols, const char *const *head,
                        const bool *numeric, class_row_fn *row)
{
	int nclasses = sd->e->s->nclasses;
	const char **cells = doc_cells(&sd->d, ncols * nclasses);
	if (!cells)
		return;
	for (int k = 0; k < nclasses; k++)
		row(sd, d, k, cells + ncols * k);
	doc_table(&sd->d, &(struct doc_table){ .caption = caption, .ncols = ncols, .nrows = nclasses, .head = head,
	                                       .numeric = numeric, .cells = cells });
}

static void distribution_row(struct sdoc *sd, int d, int k, const char **r)
{
	const struct sector_cell *c = sector_cell(sd->e->s, d, k);
	r[0] = class_label(c->cls);
	r[1] = xctx_printf(&sd->x, "%ld", c->n);
	const double v[] = { c->mean, c->p10, c->p25, c->median, c->p75, c->p90 };
	for (int i = 0; i < 6; i++)
		r[2 + i] = fig(sd, c->has, v[i]);
}

static void distribution_table(struct sdoc *sd, int d)
{
	static const bool numeric[8] = { false, true, true, true, true, true, true, true };
	const char *head[8] = { _("Class"), "n", _("Mean"), "P10", "P25", _("Median"), "P75", "P90" };
	class_table(sd, d, NULL, 8, head, numeric, distribution_row);
}

static const char *signed_fig(struct sdoc *sd, bool has, double v)
{
	char buf[NUM_LEN];
	num_fixed(buf, sd->lang, v, 2);
	return has ? xctx_printf(&sd->x, "%s%s", v >= 0.005 ? "+" : "", buf) : "—";
}

static void change_row(struct sdoc *sd, int d, int k, const char **r)
{
	const struct sector_change *c = sector_change(sd->e->s, d, k);
	r[0] = class_label(c->cls);
	r[1] = xctx_printf(&sd->x, "%ld", c->pairs);
	r[2] = signed_fig(sd, c->has, c->mean_change);
	r[3] = signed_fig(sd, c->has, c->median_change);
	r[4] = c->has ? xctx_printf(&sd->x, "%ld%%", num_round(c->improved * 100)) : "—";
	r[5] = c->has ? xctx_printf(&sd->x, "%ld%%", num_round(c->declined * 100)) : "—";
}

static void change_table(struct sdoc *sd, int d)
{
	static const bool numeric[6] = { false, true, true, true, true, true };
	const char *head[6] = { _("Class"), _("Pairs"), _("Mean change"), _("Median change"), _("Improved"),
	                        _("Declined") };
	class_table(sd, d, _("Change since last round: the organisations in both rounds"), 6, head, numeric,
	            change_row);
}

static void overview(struct sdoc *sd)
{
	const struct export_sector *e = sd->e;
	struct doc_fact f[4];
	int n = 0;
	f[n++] = (struct doc_fact){ _("Organisations"), xctx_printf(&sd->x, "%ld", e->s->organisations) };
	f[n++] = (struct doc_fact){ _("Questionnaire"), xctx_printf(&sd->x, "%s, %s", xctx_tr(&sd->x, &e->q->title),
	                                                             e->q->version) };
	f[n++] = (struct doc_fact){ _("Classes"), e->group_by ? xctx_printf(&sd->x, _("by %s"), e->group_by)
	                                                      : _("by population: <10k, 10–20k, 20–50k, 50–100k, 100k+") };
	if (e->date)
		f[n++] = (struct doc_fact){ _("Date"), e->date };
	doc_section(&sd->d, "overview", _("Overview"), false);
	doc_facts(&sd->d, f, n);
	doc_para(&sd->d, xctx_printf(&sd->x, _("Each organisation counts once, with its latest file. Every figure of "
	                                       "a class with fewer than %d organisations is withheld, so that no "
	                                       "figure is one municipality's score."), e->s->min_n));
	doc_para(&sd->d, _("In the charts the band is the middle half of the organisations (from P25 to P75) and the "
	                   "line in it their median; P10 and P90 and the mean are written under each band."));
}

static bool build(struct sdoc *sd)
{
	const struct export_sector *e = sd->e;
	sd->d = (struct doc){ .x = &sd->x, .lang = sd->lang, .title = _("Sector picture"),
		.subtitle = xctx_printf(&sd->x, "%s %s", xctx_tr(&sd->x, &e->q->title), e->q->version),
		.date = e->date, .footer = _("Sector picture") };
	overview(sd);
	for (int d = 0; d < e->q->ndomains && !sd->x.oom; d++) {
		doc_section(&sd->d, e->q->domains[d].id, xctx_domain_title(&sd->x, d), false);
		chart(sd, d);
		distribution_table(sd, d);
		if (e->s->changes)
			change_table(sd, d);
	}
	return !sd->x.oom;
}

bool export_sector(const struct export_sector *e, bool html, FILE *f)
{
	struct sdoc sd = { .e = e };
	struct export_options o = { .q = e->q, .lang = e->lang };
	sd.x = (struct xctx){ .o = &o, .q = e->q, .lang = e->lang, .arena = arena_new() };
	if (sd.x.lang < 0 || sd.x.lang >= e->q->nlangs)
		sd.x.lang = 0;
	sd.x.nlang = sd.lang = e->q->langs[sd.x.lang];
	bool ok = sd.x.arena && build(&sd);
	if (ok && html)
		html_render(&sd.d, f);
	else if (ok)
		md_render(&sd.d, f);
	doc_free(&sd.d);
	arena_free(sd.x.arena);
	return ok;
}
