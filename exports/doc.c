/* The document model's blocks and the charts' figures. Blocks grow in a
 * doubling array; everything else goes into the export's arena. */
#include "exports/doc.h"

#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"

static struct doc_block *add(struct doc *d, enum doc_kind kind)
{
	if (d->nblocks == d->cap) {
		int cap = d->cap ? 2 * d->cap : 64;
		struct doc_block *b = mem_realloc(d->blocks, (size_t)cap * sizeof(*b));
		if (!b) {
			d->x->oom = true;
			return NULL;
		}
		d->blocks = b;
		d->cap = cap;
	}
	struct doc_block *b = &d->blocks[d->nblocks++];
	*b = (struct doc_block){ .kind = kind };
	return b;
}

void *doc_array(struct doc *d, int n, size_t size)
{
	void *c = arena_array(d->x->arena, (size_t)(n > 0 ? n : 0), size);
	if (!c)
		d->x->oom = true;
	return c;
}

/* A copy of n elements of `size` bytes in the arena. */
static void *copy(struct doc *d, const void *p, int n, size_t size)
{
	void *c = doc_array(d, n, size);
	if (c && n > 0)
		memcpy(c, p, (size_t)n * size);
	return c;
}

void doc_section(struct doc *d, const char *id, const char *title, bool new_page)
{
	struct doc_block *b = add(d, DOC_SECTION);
	if (b) {
		b->id = id;
		b->title = title;
		b->new_page = new_page;
	}
}

void doc_heading(struct doc *d, int level, const char *title)
{
	struct doc_block *b = add(d, DOC_HEADING);
	if (b) {
		b->level = level;
		b->title = title;
	}
}

void doc_para(struct doc *d, const char *text)
{
	struct doc_block *b = add(d, DOC_PARA);
	if (b)
		b->text = text;
}

void doc_note(struct doc *d, const char *text)
{
	struct doc_block *b = add(d, DOC_NOTE);
	if (b)
		b->text = text;
}

void doc_facts(struct doc *d, const struct doc_fact *f, int n)
{
	struct doc_block *b = add(d, DOC_FACTS);
	if (b) {
		b->facts = copy(d, f, n, sizeof(*f));
		b->n = b->facts ? n : 0;
	}
}

void doc_table(struct doc *d, const struct doc_table *t)
{
	struct doc_block *b = add(d, DOC_TABLE);
	if (!b)
		return;
	b->table = *t;
	b->table.head = copy(d, t->head, t->ncols, sizeof(*t->head));
	b->table.numeric = copy(d, t->numeric, t->ncols, sizeof(*t->numeric));
	if (!b->table.head || !b->table.numeric || !t->cells)
		b->table.nrows = b->table.ncols = 0;
}

void doc_items(struct doc *d, bool ordered, const struct doc_item *it, int n)
{
	struct doc_block *b = add(d, DOC_ITEMS);
	if (b) {
		b->ordered = ordered;
		b->items = copy(d, it, n, sizeof(*it));
		b->n = b->items ? n : 0;
	}
}

void doc_chart(struct doc *d, enum doc_chart_kind which)
{
	if (which == DOC_RADAR && d->chart.ndomains < 3)
		return;         /* a radar of one or two axes says nothing */
	struct doc_block *b = add(d, DOC_CHART);
	if (b)
		b->chart = which;
}

void doc_chart_of(struct doc *d, enum doc_chart_kind which, const struct doc_chart *c)
{
	struct doc_block *b = add(d, DOC_CHART);
	if (b) {
		b->chart = which;
		b->data = c;
	}
}

const char **doc_cells(struct doc *d, int n)
{
	const char **c = doc_array(d, n, sizeof(*c));
	for (int i = 0; c && i < n; i++)
		c[i] = "";
	return c;
}

const char *doc_chart_caption(enum doc_chart_kind which)
{
	return which == DOC_RADAR ? _("The domains at a glance") : _("Score per domain");
}

const char *doc_chart_title(enum doc_chart_kind which)
{
	return which == DOC_RADAR ? _("Radar chart of the domains") : _("Bar chart of the score per domain");
}

/* What a screen reader says for a chart: every figure in words. */
static const char *domain_words(struct xctx *x, int d)
{
	const struct domain_score *ds = &x->s->domains[d];
	const char *s = xctx_printf(x, _("%s: score %s, target %s"), xctx_domain_title(x, d),
	                            xctx_score(x, ds->has_score, ds->score), ds->has_target
	                            ? xctx_printf(x, "%d", ds->target) : "—");
	if (x->cmp)
		s = xctx_printf(x, _("%s, before %s"), s, xctx_score(x, x->cmp->domains[d].has_old,
		                                                      x->cmp->domains[d].old_score));
	if (x->o->peers && x->o->peers->domains[d].has) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		s = xctx_printf(x, _("%s, peers: median %s, middle half %s to %s"), s,
		                xctx_score(x, true, p->median), xctx_score(x, true, p->p25),
		                xctx_score(x, true, p->p75));
	}
	return s;
}

/* The figures under a bar: every mark's value in words; the peers' on a
 * line of their own (NULL without peer figures). */
static const char *bar_words(struct xctx *x, int d, const char **peers)
{
	const struct domain_score *ds = &x->s->domains[d];
	const char *s = xctx_printf(x, _("score %s"), xctx_score(x, ds->has_score, ds->score));
	if (ds->has_target)
		s = xctx_printf(x, _("%s · target %d"), s, ds->target);
	if (x->cmp && x->cmp->domains[d].has_old)
		s = xctx_printf(x, _("%s · before %s (%s)"), s, xctx_score(x, true, x->cmp->domains[d].old_score),
		                xctx_delta(x, &x->cmp->domains[d]));
	*peers = NULL;
	if (x->o->peers && x->o->peers->domains[d].has) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		*peers = xctx_printf(x, _("peers: median %s, middle half %s–%s"), xctx_score(x, true, p->median),
		                     xctx_score(x, true, p->p25), xctx_score(x, true, p->p75));
	}
	return s;
}

static void chart_domain(struct xctx *x, int d, struct doc_chart_domain *c)
{
	const struct domain_score *ds = &x->s->domains[d];
	c->title = xctx_domain_title(x, d);
	c->has[DOC_SCORE] = ds->has_score;
	c->v[DOC_SCORE] = ds->score;
	c->has[DOC_TARGET] = ds->has_target;
	c->v[DOC_TARGET] = ds->target;
	if (x->cmp) {
		c->has[DOC_BASE] = x->cmp->domains[d].has_old;
		c->v[DOC_BASE] = x->cmp->domains[d].old_score;
	}
	if (x->o->peers && x->o->peers->domains[d].has) {
		const struct export_peer_domain *p = &x->o->peers->domains[d];
		c->has[DOC_PEER] = true;
		c->v[DOC_PEER] = p->median;
		c->p25 = p->p25;
		c->p75 = p->p75;
	}
	c->score_text = xctx_score(x, ds->has_score, ds->score);
	c->figures = bar_words(x, d, &c->peer_figures);
	c->words = domain_words(x, d);
}

bool doc_chart_describe(struct doc *d)
{
	struct xctx *x = d->x;
	const struct questionnaire *q = x->q;
	struct doc_chart_domain *dom = arena_array(x->arena, (size_t)q->ndomains, sizeof(*dom));
	int *levels = arena_array(x->arena, (size_t)q->nlevels, sizeof(*levels));
	if (!dom || !levels)
		return false;
	for (int i = 0; i < q->ndomains; i++)
		chart_domain(x, i, &dom[i]);
	for (int l = 0; l < q->nlevels; l++)
		levels[l] = q->levels[l].value;
	d->chart = (struct doc_chart){
		.ndomains = q->ndomains, .domains = dom, .nlevels = q->nlevels, .levels = levels,
		.series = { true, true, x->cmp != NULL, x->o->peers != NULL },
		.legend = { _("score"), _("target"), _("before"), _("peers: median, middle half") },
	};
	return true;
}

void doc_free(struct doc *d)
{
	mem_free(d->blocks);
	d->blocks = NULL;
	d->nblocks = d->cap = 0;
}

void doc_walk(const struct doc *d, doc_layout_fn *const layout[DOC_NKINDS], void *w)
{
	for (int i = 0; i < d->nblocks; i++)
		if (layout[d->blocks[i].kind])
			layout[d->blocks[i].kind](w, &d->blocks[i]);
}
