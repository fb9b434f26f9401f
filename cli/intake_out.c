/* Writing peil intake's report: text (grouped per organisation), CSV
 * (`;`, a byte order mark, for a spreadsheet set to Dutch) and JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/intake.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "exports/export.h"
#include "exports/jsonw.h"
#include "scoring/peers.h"

static const char *intake_code_key(enum intake_code c)
{
	static const char *const keys[] = {
#define X(name, key) key,
		INTAKE_PROBLEMS(X)
#undef X
	};
	return c < INTAKE_NCODES ? keys[c] : "?";
}

/* Organisations' problems by name, then files not read, then the
 * registry's organisations without a file. */
static int section(const struct intake_problem *p)
{
	return p->code == INTAKE_NO_FILE ? 2 : p->code == INTAKE_NOT_READ ? 1 : 0;
}

static int by_section_name(const void *pa, const void *pb)
{
	const struct intake_problem *a = *(struct intake_problem *const *)pa, *b = *(struct intake_problem *const *)pb;
	int c = section(a) - section(b);
	char ka[256], kb[256];
	if (!c) {
		peers_name_key(a->organisation ? a->organisation : "", ka, sizeof ka);
		peers_name_key(b->organisation ? b->organisation : "", kb, sizeof kb);
		c = strcmp(ka, kb);
	}
	if (!c)
		c = strcmp(a->organisation_id ? a->organisation_id : "", b->organisation_id ? b->organisation_id : "");
	if (!c)
		c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	return c ? c : (a > b) - (a < b);
}

static bool same_org(const struct intake_problem *a, const struct intake_problem *b)
{
	return a && section(a) == section(b) && !strcmp(a->organisation ? a->organisation : "",
	                                                  b->organisation ? b->organisation : "") &&
	       !strcmp(a->organisation_id ? a->organisation_id : "", b->organisation_id ? b->organisation_id : "");
}

static void org_heading(FILE *f, const struct intake_problem *p)
{
	if (section(p) == 1) {
		fprintf(f, "\n%s\n", _("Files not read"));
		return;
	}
	if (section(p) == 2) {
		fprintf(f, "\n%s\n", _("In the registry, no file received"));
		return;
	}
	cli_printf(f, "\n%s", p->organisation ? p->organisation : _("(no organisation named)"));
	if (p->organisation_id)
		cli_printf(f, " (%s)", p->organisation_id);
	fputc('\n', f);
}

static void write_text(FILE *f, struct intake_problem *const *v, const struct intake_report *r)
{
	fprintf(f, ngettext("%zu file", "%zu files", r->files), r->files);
	fprintf(f, ngettext(", %zu organisation", ", %zu organisations", r->organisations), r->organisations);
	fprintf(f, ngettext("; %zu with problems", "; %zu with problems", r->with_problems), r->with_problems);
	fprintf(f, ngettext("; %zu file does not validate.\n", "; %zu files do not validate.\n", r->invalid),
	        r->invalid);
	for (size_t i = 0; i < r->n; i++) {
		if (!same_org(i ? v[i - 1] : NULL, v[i]))
			org_heading(f, v[i]);
		if (section(v[i]) == 2)
			cli_printf(f, "  %s%s%s%s\n", v[i]->organisation, v[i]->organisation_id ? " (" : "",
			           v[i]->organisation_id ? v[i]->organisation_id : "", v[i]->organisation_id ? ")" : "");
		else
			cli_printf(f, "  %s: %s\n", v[i]->file, v[i]->message);
	}
	if (!r->n)
		fprintf(f, "%s\n", _("No problems found."));
}

static void write_csv(FILE *f, struct intake_problem *const *v, const struct intake_report *r)
{
	const char sep = ';';
	const char *head[] = { _("Organisation"), "organisation_id", _("File"), _("Problem"), _("Message") };
	fputs("\xef\xbb\xbf", f);
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(f, head[i], sep, i == 0);
	fputs("\r\n", f);
	for (size_t i = 0; i < r->n; i++) {
		csv_cell(f, v[i]->organisation, sep, true);
		csv_cell(f, v[i]->organisation_id, sep, false);
		csv_cell(f, v[i]->file, sep, false);
		csv_cell(f, intake_code_key(v[i]->code), sep, false);
		csv_cell(f, v[i]->message, sep, false);
		fputs("\r\n", f);
	}
}

static void write_json(FILE *f, struct intake_problem *const *v, const struct intake_report *r)
{
	struct jsonw w;
	jsonw_init(&w, f, true);
	jsonw_object(&w);
	jsonw_kint(&w, "files", (long)r->files);
	jsonw_kint(&w, "organisations", (long)r->organisations);
	jsonw_kint(&w, "with_problems", (long)r->with_problems);
	jsonw_kint(&w, "invalid", (long)r->invalid);
	jsonw_key(&w, "problems");
	jsonw_array(&w);
	for (size_t i = 0; i < r->n; i++) {
		jsonw_object(&w);
		jsonw_kstring(&w, "organisation", v[i]->organisation);
		jsonw_kstring(&w, "organisation_id", v[i]->organisation_id);
		jsonw_kstring(&w, "file", v[i]->file);
		jsonw_kstring(&w, "problem", intake_code_key(v[i]->code));
		jsonw_kstring(&w, "message", v[i]->message);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
}

void intake_write(const struct intake_report *r, enum intake_format fmt, FILE *f)
{
	struct intake_problem **v = xarray(r->n, sizeof(*v));
	for (size_t i = 0; i < r->n; i++)
		v[i] = &r->v[i];
	qsort(v, r->n, sizeof(*v), by_section_name);
	if (fmt == INTAKE_CSV)
		write_csv(f, v, r);
	else if (fmt == INTAKE_JSON)
		write_json(f, v, r);
	else
		write_text(f, v, r);
	free(v);
}
