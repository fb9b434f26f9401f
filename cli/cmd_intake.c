/* peil intake [-q Q] DIR... [--registry CSV] [--format text|csv|json]:
 * per organisation, one line per problem with the files collected. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/collection.h"
#include "cli/intake.h"
#include "cli/registry.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "scoring/peers.h"

enum { KEY_LEN = 256 };

/* One file as intake sees it: which organisation, and its registry row. */
struct ifile {
	const struct cfile *f;
	size_t order;
	const struct registry_row *row;
	const char *id;                 /* the file's code, else the registry's */
	char key[KEY_LEN];              /* "#CODE", "=name key" or "@path" */
};

struct intake {
	const struct collection *c;
	const struct registry *reg;
	struct intake_report *r;
	bool *seen;                     /* registry rows with a file */
};

static void add(struct intake *in, const struct ifile *x, const char *file, enum intake_code code,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add(struct intake *in, const struct ifile *x, const char *file, enum intake_code code,
                const char *fmt, ...)
{
	struct intake_report *r = in->r;
	r->v = xgrow(r->v, &r->cap, r->n, sizeof *r->v, 64);
	char msg[1200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct intake_problem *p = &r->v[r->n];
	*p = (struct intake_problem){
		.organisation = x ? (x->row ? x->row->name : x->f->organisation) : NULL,
		.organisation_id = x ? x->id : NULL, .file = file, .code = code, .message = xstrdup(msg),
	};
	r->n++;
}

static bool counts(const struct cfile *f)
{
	return f->kind != CF_SKIPPED && f->kind != CF_QUESTIONNAIRE && f->kind != CF_ROUND;
}

static void identify(struct intake *in, struct ifile *x, const struct cfile *f, size_t order)
{
	x->f = f;
	x->order = order;
	x->row = registry_find(in->reg, f->organisation_id, f->organisation);
	x->id = f->organisation_id ? f->organisation_id : x->row ? x->row->id : NULL;
	if (x->row)
		in->seen[x->row - registry_row(in->reg, 0)] = true;
	if (x->id) {
		snprintf(x->key, sizeof x->key, "#%s", x->id);
		for (char *p = x->key; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	} else if (f->organisation) {
		x->key[0] = '=';
		peers_name_key(f->organisation, x->key + 1, sizeof x->key - 1);
	} else {
		snprintf(x->key, sizeof x->key, "@%s", f->path);
	}
}

struct named {
	char name[KEY_LEN];
	const struct ifile *x;          /* one with a code */
	bool several;                   /* codes differ for this name */
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

/* As for peers: a file without a code joins the organisation whose files
 * with a code carry its name, when exactly one code does. */
static void adopt_codes(struct ifile *v, size_t n)
{
	struct named *m = xarray(n, sizeof(*m));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].key[0] == '#' && v[i].f->organisation) {
			peers_name_key(v[i].f->organisation, m[k].name, sizeof m[k].name);
			m[k++].x = &v[i];
		}
	qsort(m, k, sizeof(*m), by_name);
	for (size_t i = 1; i < k; i++)
		if (!strcmp(m[i].name, m[i - 1].name) && strcmp(m[i].x->key, m[i - 1].x->key) != 0)
			m[i].several = m[i - 1].several = true;
	for (size_t i = 0; i < n; i++) {
		struct named want, *hit;
		if (v[i].key[0] != '=')
			continue;
		snprintf(want.name, sizeof want.name, "%s", v[i].key + 1);
		hit = bsearch(&want, m, k, sizeof(*m), by_name);
		while (hit && hit > m && !strcmp(hit[-1].name, want.name))
			hit--;          /* the start of the run */
		bool several = false;
		for (size_t j = hit ? (size_t)(hit - m) : k; j < k && !strcmp(m[j].name, want.name); j++)
			several = several || m[j].several;
		if (hit && !several) {
			memcpy(v[i].key, hit->x->key, sizeof v[i].key);
			v[i].id = hit->x->id;
		}
	}
	free(m);
}

static int by_key_date(const void *pa, const void *pb)
{
	const struct ifile *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (!c)
		c = strcmp(a->f->date, b->f->date);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* The problems of one file, whatever else the organisation sent. */
static void file_problems(struct intake *in, const struct ifile *x)
{
	const struct cfile *f = x->f;
	if (f->kind == CF_INVALID) {
		if (f->nerrors > 1)
			add(in, x, f->path, INTAKE_INVALID, ngettext("does not validate: %s (and %d more error)",
			                                             "does not validate: %s (and %d more errors)",
			                                             (unsigned long)(f->nerrors - 1)),
			    f->error ? f->error : "?", f->nerrors - 1);
		else
			add(in, x, f->path, INTAKE_INVALID, _("does not validate: %s"), f->error ? f->error : "?");
	} else if (f->kind == CF_OTHER_QUESTIONNAIRE) {
		add(in, x, f->path, INTAKE_OTHER_QUESTIONNAIRE, _("answers questionnaire '%s', not '%s'"),
		    f->questionnaire, in->c->q->id);
	}
}

/* The problems of the file that counts for the organisation. */
static void counted_problems(struct intake *in, const struct ifile *x)
{
	const struct cfile *f = x->f;
	const struct questionnaire *q = in->c->q;
	if (f->open > 0)
		add(in, x, f->path, INTAKE_INCOMPLETE, ngettext("incomplete: %d question open",
		                                                "incomplete: %d questions open", (unsigned long)f->open),
		    f->open);
	if (f->unconfirmed > 0)
		add(in, x, f->path, INTAKE_UNCONFIRMED,
		    ngettext("%d answer carried over from last time is not confirmed",
		             "%d answers carried over from last time are not confirmed", (unsigned long)f->unconfirmed),
		    f->unconfirmed);
	if (f->proposals > 0)
		add(in, x, f->path, INTAKE_PROPOSALS,
		    ngettext("%d answer is a group's proposal, not yet decided",
		             "%d answers are a group's proposals, not yet decided", (unsigned long)f->proposals),
		    f->proposals);
	if (f->population < 0 && !(x->row && x->row->population >= 0))
		add(in, x, f->path, INTAKE_NO_POPULATION, "%s",
		    _("no population: the organisation counts in no size class"));
	if (f->version && q->version && strcmp(f->version, q->version) != 0)
		add(in, x, f->path, INTAKE_OTHER_VERSION, _("answers version %s of the questionnaire, not %s"),
		    f->version, q->version);
	char a[KEY_LEN], b[KEY_LEN];
	peers_name_key(f->organisation, a, sizeof a);
	if (x->row)
		peers_name_key(x->row->name, b, sizeof b);
	if (x->row && strcmp(a, b) != 0)
		add(in, x, f->path, INTAKE_NAME_DIFFERS, _("the name '%s' differs from the registry's '%s'"),
		    f->organisation, x->row->name);
	if (in->reg && !x->row)
		add(in, x, f->path, INTAKE_NOT_IN_REGISTRY, "%s",
		    x->f->organisation_id ? _("its organisation_id is not in the registry")
		                          : _("not in the registry (by name); add its organisation_id"));
}

/* One organisation: v[0..n) share a key, oldest first. */
static void organisation(struct intake *in, const struct ifile *v, size_t n)
{
	size_t before = in->r->n;
	const struct ifile *latest = NULL;
	for (size_t i = 0; i < n; i++) {
		file_problems(in, &v[i]);
		if (v[i].f->kind == CF_RESPONSE)
			latest = &v[i];
	}
	for (size_t i = 0; latest && i < n; i++)
		if (&v[i] != latest)
			add(in, &v[i], v[i].f->path, INTAKE_SEVERAL_FILES,
			    _("another file of this organisation, not counted: the latest valid one is %s (%s)"),
			    latest->f->path, latest->f->date);
	if (latest)
		counted_problems(in, latest);
	in->r->organisations += v[0].key[0] != '@';
	in->r->with_problems += in->r->n > before;
}

static void not_read(struct intake *in)
{
	for (size_t i = 0; i < in->c->nfiles; i++) {
		const struct cfile *f = &in->c->files[i];
		if (f->kind == CF_SKIPPED)
			add(in, NULL, f->path, INTAKE_NOT_READ, "%s", _("not read: not a .yaml or .yml file"));
		else if (f->kind == CF_QUESTIONNAIRE)
			add(in, NULL, f->path, INTAKE_NOT_READ, "%s", _("not read: a questionnaire, not a response file"));
		else if (f->kind == CF_ROUND)
			add(in, NULL, f->path, INTAKE_NOT_READ, "%s", _("not read: a round file, not a response file"));
	}
	for (size_t i = 0; i < registry_count(in->reg); i++) {
		const struct registry_row *row = registry_row(in->reg, i);
		struct ifile x = { .row = row, .id = row->id };
		if (!in->seen[i])
			add(in, &x, NULL, INTAKE_NO_FILE, "%s", _("in the registry, but no file was received"));
	}
}

static void build(struct intake *in)
{
	const struct collection *c = in->c;
	struct ifile *v = xarray(c->nfiles, sizeof(*v));
	in->seen = xmalloc(registry_count(in->reg) + 1);
	size_t n = 0;
	for (size_t i = 0; i < c->nfiles; i++) {
		in->r->invalid += c->files[i].kind == CF_INVALID;
		if (counts(&c->files[i]))
			identify(in, &v[n++], &c->files[i], i);
	}
	adopt_codes(v, n);
	qsort(v, n, sizeof(*v), by_key_date);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && !strcmp(v[j].key, v[i].key); j++)
			;
		organisation(in, &v[i], j - i);
	}
	not_read(in);
	in->r->files = c->nfiles;
	free(v);
}

static const char *const formats[] = { "text", "csv", "json", NULL };       /* enum intake_format */
const struct cli_hooks intake_hooks = { .formats = formats, .bad_format = N_("--format takes text, csv or json, not '%s'") };

int cmd_intake(void *args, int argc, char **argv)
{
	const struct cli_values *o = args;
	enum intake_format fmt = (enum intake_format)o->format_index;
	struct registry *reg = NULL;
	if (o->registry && !(reg = registry_load(o->registry)))
		return EXIT_INVALID;
	struct collection c;
	struct intake_report report = { 0 };
	struct intake in = { .c = &c, .reg = reg, .r = &report };
	int rc = EXIT_INVALID;
	if (collection_read(&c, argv, argc, o->qarg, NULL)) {
		build(&in);
		intake_write(&report, fmt, stdout);
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = EXIT_WRITE;
		else
			rc = report.invalid ? EXIT_INVALID : EXIT_OK;
	}
	for (size_t i = 0; i < report.n; i++)
		mem_free(report.v[i].message);
	mem_free(report.v);
	mem_free(in.seen);
	collection_free(&c);
	registry_free(reg);
	return rc;
}
