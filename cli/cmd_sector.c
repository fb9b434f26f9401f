/* peil sector [-q Q] DIR... [--baseline DIR]... [--registry CSV]
 *             [--group-by FIELD] [--min-n K]
 *             [--format text|csv|json|md|html|round] [--csv-sep C] [--bom] [-o OUT]
 * The sector picture a network organisation publishes: per domain and
 * size class (or group), the distribution of the organisations' scores,
 * and with --baseline the paired change since last round. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/collection.h"
#include "cli/options.h"
#include "cli/peer_files.h"
#include "cli/registry.h"
#include "cli/sector.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/round.h"
#include "exports/export.h"

enum sector_format { SF_TEXT, SF_CSV, SF_JSON, SF_MD, SF_HTML, SF_ROUND };

enum { MAX_BASELINES = 16 };

struct sector_args {
	struct cli_values v;    /* the options as given (cli/options.h) */
	const char *baselines[MAX_BASELINES];
	int nbaselines, min_n;
	enum sector_format format;
	char csv_sep;
};

/* The options that need checking or converting, in the order given. */
static int sector_option(void *args, enum cli_opt opt, const char *arg)
{
	struct sector_args *a = args;
	char *end;
	long k;
	switch (opt) {
	case CLI_OPT_baseline:
		if (a->nbaselines == MAX_BASELINES)
			return cli_usage_error("sector", _("at most %d --baseline directories"), MAX_BASELINES);
		a->baselines[a->nbaselines++] = arg;
		break;
	case CLI_OPT_csv_sep:
		if (strcmp(arg, ",") && strcmp(arg, ";"))
			return cli_usage_error("sector", _("--csv-sep takes , or ;, not '%s'"), arg);
		a->csv_sep = arg[0];
		break;
	case CLI_OPT_min_n:
		k = strtol(arg, &end, 10);
		if (*end || end == arg || k < PEERS_QUARTILE_MIN || k > INT_MAX)
			return cli_usage_error("sector", _("--min-n takes a number of at least %d, not '%s'"),
			                       PEERS_QUARTILE_MIN, arg);
		a->min_n = (int)k;
		break;
	default:
		break;
	}
	return CLI_CONTINUE;
}

static const char *const formats[] = { "text", "csv", "json", "md", "html", "round", NULL };  /* enum sector_format */
const struct cli_hooks sector_hooks = { .formats = formats,
	.bad_format = N_("--format takes text, csv, json, md, html or round, not '%s'"), .size = sizeof(struct sector_args),
	.option = sector_option };

/* The collection's organisations, with what the registry adds: the code a
 * file lacks, the population, the --group-by column. */
static struct peer_set *organisations(const struct collection *c, const struct registry *reg, int gcol)
{
	struct peer_set *set = peer_set_new(c->q->ndomains);
	bool ok = set != NULL;
	for (size_t i = 0; ok && i < c->nfiles; i++) {
		const struct cfile *f = &c->files[i];
		if (f->kind != CF_RESPONSE)
			continue;
		const struct registry_row *row = registry_find(reg, f->organisation_id, f->organisation);
		const char *group = f->group;
		if (gcol >= 0)
			group = row && *row->values[gcol] ? row->values[gcol] : NULL;
		struct peer_record rec = {
			.organisation = f->organisation, .date = f->date, .group = group,
			.organisation_id = f->organisation_id ? f->organisation_id : row ? row->id : NULL,
			.population = f->population >= 0 ? f->population : row ? row->population : -1,
			.has = f->has, .scores = f->scores,
		};
		ok = peer_set_add(set, &rec);
	}
	if (!ok || !peer_set_finish(set)) {
		peer_set_free(set);
		return NULL;
	}
	return set;
}

/* One line on stderr: what was read and what did not count. */
static void summary(const char *what, const struct collection *c, const struct peer_set *set)
{
	size_t k[6] = { 0 };
	for (size_t i = 0; i < c->nfiles; i++)
		k[c->files[i].kind]++;
	size_t orgs = peer_set_count(set), older = k[CF_RESPONSE] - orgs;
	cli_printf(stderr, "peil sector: %s: ", what);
	fprintf(stderr, ngettext("%zu file read", "%zu files read", c->nfiles - k[CF_SKIPPED]),
	        c->nfiles - k[CF_SKIPPED]);
	fprintf(stderr, ngettext(", %zu organisation", ", %zu organisations", orgs), orgs);
	if (c->nfiles > k[CF_RESPONSE] || older)
		fputs(_("; not counted: "), stderr);
	bool first = true;
	cli_count_part(stderr, &first, ngettext("%zu invalid file", "%zu invalid files", k[CF_INVALID]), k[CF_INVALID]);
	cli_count_part(stderr, &first, ngettext("%zu older file of an organisation", "%zu older files of organisations",
	                                        older), older);
	cli_count_part(stderr, &first, ngettext("%zu file of another questionnaire", "%zu files of another questionnaire",
	                                        k[CF_OTHER_QUESTIONNAIRE]), k[CF_OTHER_QUESTIONNAIRE]);
	cli_count_part(stderr, &first, ngettext("%zu questionnaire", "%zu questionnaires", k[CF_QUESTIONNAIRE] + k[CF_ROUND]),
	               k[CF_QUESTIONNAIRE] + k[CF_ROUND]);
	cli_count_part(stderr, &first, ngettext("%zu other file (not .yaml or .yml)", "%zu other files (not .yaml or .yml)",
	                                        k[CF_SKIPPED]), k[CF_SKIPPED]);
	fputc('\n', stderr);
	if (k[CF_INVALID])
		fprintf(stderr, "%s\n", _("peil sector: `peil intake` lists the files that did not count and why"));
}

struct run {
	const struct sector_args *a;     /* the options */
	struct registry *reg;
	struct collection cur, base;
	struct peer_set *set, *base_set;
	struct sector *s, *bs;
	int gcol;
	char today[11];
};

static bool read_round(struct run *r, char **dirs, int ndirs)
{
	const char *field = r->gcol >= 0 ? NULL : r->a->v.group_by;
	if (!collection_read(&r->cur, dirs, ndirs, r->a->v.qarg, field) ||
	    !(r->set = organisations(&r->cur, r->reg, r->gcol)))
		return false;
	summary(dirs[0], &r->cur, r->set);
	if (!r->a->nbaselines)
		return true;
	/* Last round is read against this round's questionnaire. */
	const char *q = r->a->v.qarg ? r->a->v.qarg : r->cur.q->path;
	if (!collection_read(&r->base, (char **)r->a->baselines, r->a->nbaselines, q, field) ||
	    !(r->base_set = organisations(&r->base, r->reg, r->gcol)))
		return false;
	summary(r->a->baselines[0], &r->base, r->base_set);
	return true;
}

static bool write_output(const struct run *r, FILE *f)
{
	struct sector_view v = {
		.q = r->cur.q, .s = r->s, .base = r->bs, .group_by = r->a->v.group_by, .lang = cli_lang(r->cur.q),
		.csv_sep = r->a->csv_sep ? r->a->csv_sep : ',', .csv_bom = r->a->v.bom,
	};
	switch (r->a->format) {
	case SF_TEXT: sector_text(&v, f); return true;
	case SF_CSV: sector_csv(&v, f); return true;
	case SF_JSON: sector_json(&v, f); return true;
	case SF_MD:
	case SF_HTML:
		return export_sector(&(struct export_sector){ .q = v.q, .s = v.s, .base = v.base, .group_by = v.group_by,
		                                              .lang = v.lang, .date = r->today }, r->a->format == SF_HTML, f);
	case SF_ROUND: break;
	}
	struct round *rd = sector_round(r->s, r->cur.q, r->today, r->a->v.group_by);
	size_t len = 0;
	char *yaml = rd ? round_to_yaml(rd, &len) : NULL;
	bool ok = yaml && fwrite(yaml, 1, len, f) == len;
	mem_free(yaml);
	round_free(rd);
	return ok;
}

static int emit(const struct run *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		xalloc_die();
	bool ok = write_output(r, mem);
	if (fclose(mem) != 0)
		ok = false;
	int rc = EXIT_WRITE;
	if (!ok)
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
	else
		rc = cli_write_output(r->a->v.out, buf, len);
	free(buf);
	return rc;
}

/* --group-by: a registry column, else a field of the response files. */
static bool grouped(const struct run *r)
{
	if (!r->a->v.group_by || r->s->nclasses > 1)
		return true;
	char cols[512];
	cli_printf(stderr, _("peil sector: no organisation has a value for --group-by '%s': it is no column of the "
	                     "registry (%s) and no key of the response files\n"),
	           r->a->v.group_by, registry_columns(r->reg, cols, sizeof cols));
	return false;
}

int cmd_sector(void *args, int argc, char **argv)
{
	struct sector_args *a = args;
	a->format = (enum sector_format)a->v.format_index;
	if (a->format == SF_ROUND && a->nbaselines)
		return cli_usage_error("sector", "%s", _("a round file holds one round: leave out --baseline"));
	struct run r = { .a = a, .gcol = -1 };
	int rc = EXIT_INVALID;
	response_today(r.today);
	if (r.a->v.registry && !(r.reg = registry_load(r.a->v.registry)))
		return EXIT_INVALID;
	r.gcol = r.a->v.group_by ? registry_column(r.reg, r.a->v.group_by) : -1;
	if (read_round(&r, argv, argc)) {
		r.s = sector_compute(r.set, r.base_set, r.a->v.group_by != NULL, r.a->min_n);
		r.bs = r.base_set ? sector_compute(r.base_set, NULL, r.a->v.group_by != NULL, r.a->min_n) : NULL;
		if (!r.s || (r.base_set && !r.bs))
			cli_printf(stderr, "peil: %s\n", _("out of memory"));
		else if (grouped(&r))
			rc = emit(&r);
	}
	sector_free(r.s);
	sector_free(r.bs);
	peer_set_free(r.set);
	peer_set_free(r.base_set);
	collection_free(&r.cur);
	collection_free(&r.base);
	registry_free(r.reg);
	return rc;
}
