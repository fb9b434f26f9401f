/* Reading --peers: a directory of response files or a round file. */
#include "cli/peer_files.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/pool.h"
#include "core/ydoc.h"
#include "scoring/score.h"

bool peer_parse_min(const char *command, const char *arg, int *out)
{
	char *end;
	long k = strtol(arg, &end, 10);
	if (*end || end == arg || k < PEERS_MIN_FLOOR || k > INT_MAX) {
		cli_usage_error(command, _("--min-peers takes a number of at least %d (fewer would single out "
		                           "municipalities), not '%s'"), PEERS_MIN_FLOOR, arg);
		return false;
	}
	*out = (int)k;
	return true;
}

struct reader {
	const struct questionnaire *q;
	struct peer_source *ps;
	bool *has;
	double *scores;
	bool oom;
};

static bool add_scored(struct reader *R, const struct response *r, struct peer_set *set, bool shared)
{
	struct scorecard *s = score_figures(R->q, r, shared, NULL);
	if (!s)
		return false;
	for (int d = 0; d < R->q->ndomains; d++) {
		R->has[d] = s->domains[d].has_score;
		R->scores[d] = s->domains[d].score;
	}
	scorecard_free(s);
	struct peer_record rec = {
		.organisation = response_organisation(r), .organisation_id = response_organisation_id(r),
		.date = response_date(r), .population = response_population(r),
		.has = R->has, .scores = R->scores,
	};
	return peer_set_add(set, &rec);
}

/* One file through the pool: a peer record, or counted as not one. */
static bool take_file(void *ctx, struct pool_item *it)
{
	struct reader *R = ctx;
	if (!it->r) {
		/* A questionnaire is often kept beside the files it was answered
		 * with: not a broken peer. Only failed files pay for the look. */
		char *v = ydoc_peek_key(it->path, "peil");
		if (v)
			R->ps->counts.questionnaires++;
		else
			R->ps->counts.invalid++;
		mem_free(v);
		return true;
	}
	int ri = qn_region_index(R->q, response_region(it->r));
	R->ps->regions |= ri >= 0 && ri < 31 ? 1u << ri : 1u << 31;
	R->oom = !add_scored(R, it->r, R->ps->set, false) ||
	         (R->ps->shared && !add_scored(R, it->r, R->ps->shared, true));
	return !R->oom;
}

static bool read_dir(struct peer_source *ps, const char *path, const struct questionnaire *q)
{
	struct diag_list *d = diag_list_new();
	struct pool_paths files = { 0 }, other = { 0 };
	size_t nd = (size_t)q->ndomains;
	struct reader R = { .q = q, .ps = ps, .has = xarray(nd, sizeof(bool)),
	                    .scores = xarray(nd, sizeof(double)) };
	ps->set = peer_set_new(q->ndomains);
	bool regional = qn_shared_count(q) < q->nquestions;
	if (regional)
		ps->shared = peer_set_new(q->ndomains);
	bool ok = d && ps->set && (!regional || ps->shared);
	R.oom = !ok;
	ok = ok && pool_paths_collect(&files, &other, path, d);
	if (ok) {
		ps->counts.files = files.n;
		ps->counts.other = other.n;
		char err[256] = "";
		ok = pool_for_each_response((const char *const *)files.v, files.n, q, 0, take_file, &R, err, sizeof err);
		ok = ok && !R.oom && peer_set_finish(ps->set) && (!ps->shared || peer_set_finish(ps->shared));
		R.oom = !ok;
	}
	if (d)
		diag_print(d, stderr, true);   /* also the subdirectories skipped */
	if (R.oom || !d)
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
	pool_paths_free(&files);
	pool_paths_free(&other);
	mem_free(R.has);
	mem_free(R.scores);
	diag_list_free(d);
	return ok;
}

static bool read_round(struct peer_source *ps, const char *path, const struct questionnaire *q)
{
	struct diag_list *d = diag_list_new();
	if (!d) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		return false;
	}
	ps->round = round_load(path, q, d);
	diag_print(d, stderr, false);
	diag_list_free(d);
	return ps->round != NULL;
}

bool peer_source_read(struct peer_source *ps, const char *path, const struct questionnaire *q)
{
	memset(ps, 0, sizeof(*ps));
	ps->path = path;
	struct stat st;
	if (stat(path, &st) != 0) {
		cli_printf(stderr, _("%s: error: cannot read the peers: %s\n"), path, strerror(errno));
		return false;
	}
	bool ok = false;
	char *v = S_ISDIR(st.st_mode) ? NULL : ydoc_peek_key(path, "peil-round");
	if (S_ISDIR(st.st_mode))
		ok = read_dir(ps, path, q);
	else if (v)
		ok = read_round(ps, path, q);
	else
		cli_printf(stderr, _("%s: error: --peers needs a directory of response files or a round file "
		                  "(peil sector --format round)\n"), path);
	mem_free(v);
	if (!ok)
		peer_source_free(ps);
	return ok;
}

void peer_source_free(struct peer_source *ps)
{
	peer_set_free(ps->set);
	peer_set_free(ps->shared);
	round_free(ps->round);
	memset(ps, 0, sizeof(*ps));
}

int peer_source_shared(const struct peer_source *ps, const struct questionnaire *q,
                       const struct response *self)
{
	if (!ps->shared)
		return 0;
	int ri = qn_region_index(q, response_region(self));
	unsigned all = ps->regions | (ri >= 0 && ri < 31 ? 1u << ri : 1u << 31);
	return all & (all - 1) ? qn_shared_count(q) : 0;       /* more than one region */
}

struct peer_figures *peer_source_figures(const struct peer_source *ps, const struct questionnaire *q,
                                         const struct response *self, const struct scorecard *given,
                                         const struct peer_options *o)
{
	bool shared = peer_source_shared(ps, q, self) > 0;
	struct scorecard *own = shared ? score_compute_shared(q, self) : given ? NULL : score_compute(q, self);
	const struct scorecard *s = own ? own : shared ? NULL : given;
	size_t nd = (size_t)q->ndomains;
	bool *has = xarray(nd, sizeof(bool));
	double *scores = xarray(nd, sizeof(double));
	const char **ids = xarray(nd, sizeof(char *));
	struct peer_figures *pf = NULL;
	if (s) {
		for (int d = 0; d < q->ndomains; d++) {
			has[d] = s->domains[d].has_score;
			scores[d] = s->domains[d].score;
			ids[d] = q->domains[d].id;
		}
		struct peer_self me = {
			.organisation = response_organisation(self), .organisation_id = response_organisation_id(self),
			.population = response_population(self), .has = has, .scores = scores,
		};
		pf = ps->round ? peers_figures_from_round(ps->round, ids, q->ndomains, &me, o)
		               : peers_figures(shared ? ps->shared : ps->set, &me, o);
	}
	if (!pf)
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
	scorecard_free(own);
	mem_free(has);
	mem_free(scores);
	mem_free(ids);
	return pf;
}

void cli_count_part(FILE *f, bool *first, const char *s, size_t n)
{
	if (!n)
		return;
	fputs(*first ? "" : ", ", f);
	fprintf(f, s, n);
	*first = false;
}

void peer_source_summary(const char *command, const struct peer_source *ps, const struct peer_figures *pf)
{
	/* Without figures (before a batch): the organisations, and their
	 * older files. */
	struct peer_counts all = { 0 };
	if (!pf && ps->set) {
		all.peers = peer_set_count(ps->set);
		all.older = peer_set_files(ps->set) - all.peers;
	}
	const struct peer_counts *c = pf ? peers_counts(pf) : &all;
	FILE *f = stderr;
	fprintf(f, "peil %s: %s: ", command, ps->path);
	if (ps->round) {
		fprintf(f, ngettext("a round file of %ld organisation", "a round file of %ld organisations",
		                    (unsigned long)ps->round->organisations), ps->round->organisations);
		fprintf(f, _(" (%s); this municipality may be one of them\n"), ps->round->date[0] ? ps->round->date : "?");
		return;
	}
	const struct peer_read_counts *r = &ps->counts;
	fprintf(f, ngettext("%zu file read", "%zu files read", r->files), r->files);
	if (pf)
		fprintf(f, ngettext(", %zu peer", ", %zu peers", c->peers), c->peers);
	else
		fprintf(f, ngettext(", %zu organisation", ", %zu organisations", c->peers), c->peers);
	size_t skipped = r->invalid + r->questionnaires + r->other + c->self_files + c->older + c->other_size +
	                 c->no_population;
	if (skipped)
		fputs(_("; not counted: "), f);
	bool first = true;
	cli_count_part(f, &first, ngettext("%zu invalid file", "%zu invalid files", r->invalid), r->invalid);
	cli_count_part(f, &first, ngettext("%zu file of this organisation", "%zu files of this organisation",
	                         c->self_files), c->self_files);
	cli_count_part(f, &first, ngettext("%zu older file of a peer", "%zu older files of peers", c->older), c->older);
	cli_count_part(f, &first, ngettext("%zu peer of another size class", "%zu peers of another size class",
	                         c->other_size), c->other_size);
	cli_count_part(f, &first, ngettext("%zu peer without population", "%zu peers without population",
	                         c->no_population), c->no_population);
	cli_count_part(f, &first, ngettext("%zu questionnaire", "%zu questionnaires", r->questionnaires), r->questionnaires);
	cli_count_part(f, &first, ngettext("%zu other file (not .yaml or .yml)", "%zu other files (not .yaml or .yml)",
	                         r->other), r->other);
	fputc('\n', f);
	if (r->invalid)
		fprintf(f, _("peil %s: `peil intake %s` lists the files that did not count and why\n"), command,
		        ps->path);
}
