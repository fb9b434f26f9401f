/* peil export FILE... -o DIR: every municipality's scorecard in one run.
 * The questionnaire and the peers are read once; each file is then loaded,
 * compared with the peers (never with itself) and written to DIR/NAME.EXT,
 * NAME being the file's name without .yaml or .yml. A directory stands for
 * its *.yaml and *.yml files (a questionnaire among them is left out). A
 * file that does not load is reported and skipped; the others are still
 * written (exit 1). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/export_args.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "core/path.h"
#include "core/pool.h"
#include "core/ydoc.h"
#include "scoring/score.h"

/* DIR/NAME.EXT for path. */
static char *output_name(const char *dir, const char *path, const char *ext)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (path_is_yaml(base))
		n -= base[n - 4] == '.' ? 4 : 5;
	size_t len = strlen(dir) + n + strlen(ext) + 3;
	char *out = xmalloc(len);
	snprintf(out, len, "%s/%.*s.%s", dir, (int)n, base, ext);
	return out;
}

/* Two files of one name (from different directories) would overwrite each
 * other's scorecard: the second is refused. */
static bool taken(char **outs, int n, const char *out)
{
	for (int i = 0; i < n; i++)
		if (outs[i] && !strcmp(outs[i], out))
			return true;
	return false;
}

struct batch {
	const struct export_args *a;
	struct pool_paths files;
	const struct questionnaire *q;
	struct peer_source ps;
	struct export_peer_domain *domains;
	char **outs;
	int written, failed;
};

static void one(struct batch *b, int i)
{
	const struct export_args *a = b->a;
	const char *path = b->files.v[i];
	char *out = output_name(a->v.out, path, export_format_ext(a->format));
	struct response *r = cli_load_response_with(b->q, path);
	struct export_peers peers;
	struct scorecard *s = r ? score_compute(b->q, r) : NULL;     /* once: for the peers and the export */
	bool ok = s != NULL;
	if (r && !s)
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
	if (ok && taken(b->outs, i, out)) {
		cli_printf(stderr, _("%s: error: a scorecard of another file of this name is already in %s\n"), path, out);
		ok = false;
	}
	if (ok && a->v.peers)
		ok = export_peer_figures(a, &b->ps, b->q, r, s, path, &peers, b->domains, false);
	if (ok) {
		const char *inputs[] = { path, b->q->path, a->v.peers };
		struct outpath_rules rules = { .inputs = inputs, .ninputs = 3, .force = a->v.force };
		struct export_options o = {
			.q = b->q, .r = r, .peers = a->v.peers ? &peers : NULL, .scores = s, .lang = cli_lang(b->q),
			.csv_sep = a->csv_sep, .csv_bom = a->v.bom, .appendix = a->appendix,
			.public = a->v.public,
		};
		ok = export_write_file(a, &o, out, &rules) == EXIT_OK;
	}
	if (ok) {
		b->outs[i] = out;
		b->written++;
	} else {
		mem_free(out);
		b->failed++;
	}
	scorecard_free(s);
	response_free(r);
}

static bool prepare(struct batch *b)
{
	const struct export_args *a = b->a;
	struct stat st;
	if (lookup_mkdirs(a->v.out) != 0 || stat(a->v.out, &st) != 0 || !S_ISDIR(st.st_mode)) {
		cli_printf(stderr, _("%s: error: cannot make the directory for the scorecards: %s\n"), a->v.out,
		           strerror(errno ? errno : ENOTDIR));
		return false;
	}
	b->outs = xarray(b->files.n, sizeof(char *));
	b->domains = xarray((size_t)b->q->ndomains, sizeof(*b->domains));
	if (!a->v.peers)
		return true;
	if (!peer_source_read(&b->ps, a->v.peers, b->q))
		return false;
	peer_source_summary("export", &b->ps, NULL);
	return true;
}

/* The operands, directories expanded, questionnaires left out. */
static bool expand(struct batch *b)
{
	struct diag_list *d = diag_list_new();
	struct pool_paths all = { 0 };
	bool ok = d != NULL;
	for (int i = 0; ok && i < b->a->nfiles; i++)
		ok = pool_paths_add(&all, b->a->files[i], d);
	for (size_t i = 0; ok && i < all.n; i++) {
		char *v = ydoc_peek_key(all.v[i], "peil");
		if (!v)
			ok = pool_paths_add(&b->files, all.v[i], d);
		mem_free(v);
	}
	diag_print(d, stderr, false);
	diag_list_free(d);
	pool_paths_free(&all);
	return ok;
}

/* The questionnaire: -q, else the one the first response file names. */
static struct questionnaire *questionnaire(const struct export_args *a, const struct pool_paths *files)
{
	const char *first = files->n ? files->v[0] : NULL;
	for (size_t i = 0; !a->v.qarg && i < files->n; i++) {
		char *id = ydoc_peek_key(files->v[i], "questionnaire");
		mem_free(id);
		if (id) {
			first = files->v[i];
			break;
		}
	}
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = d && (first || a->v.qarg) ? cli_load_questionnaire(a->v.qarg, first, d) : NULL;
	diag_print(d, stderr, false);
	diag_list_free(d);
	if (!first && d)
		cli_printf(stderr, "peil export: %s\n", _("no response files among the files named"));
	return q;
}

int export_batch(const struct export_args *a)
{
	struct batch b = { .a = a };
	struct questionnaire *q = expand(&b) ? questionnaire(a, &b.files) : NULL;
	if (!q) {
		pool_paths_free(&b.files);
		return EXIT_INVALID;
	}
	b.q = q;
	bool ok = prepare(&b);
	for (size_t i = 0; ok && i < b.files.n; i++)
		one(&b, (int)i);
	if (ok)
		cli_printf(stderr, ngettext("peil export: %d scorecard written to %s", "peil export: %d scorecards written to %s",
		                            (unsigned long)b.written), b.written, a->v.out);
	if (ok && b.failed)
		fprintf(stderr, ngettext("; %d file failed\n", "; %d files failed\n", (unsigned long)b.failed), b.failed);
	else if (ok)
		fputc('\n', stderr);
	for (size_t i = 0; b.outs && i < b.files.n; i++)
		mem_free(b.outs[i]);
	mem_free(b.outs);
	mem_free(b.domains);
	peer_source_free(&b.ps);
	pool_paths_free(&b.files);
	questionnaire_free(q);
	return !ok || b.failed ? EXIT_INVALID : EXIT_OK;
}
