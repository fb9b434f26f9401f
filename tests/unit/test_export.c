/* The exporters (exports/): what a reader of each format would notice —
 * escaping, formula neutralising, separators, languages, the group figures,
 * and that a failed export leaves nothing behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>

#include "core/atomic.h"
#include "core/mem.h"
#include "core/ydoc.h"
#include "exports/export.h"
#include "exports/html.h"
#include "exports/xctx.h"
#include "tests/unit/testutil.h"

static struct questionnaire *load_q(const char *rel)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture(rel), d);
	diag_list_free(d);
	assert_non_null(q);
	return q;
}

static struct response *load_r(const struct questionnaire *q, const char *rel)
{
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(tu_fixture(rel), q, d);
	diag_list_free(d);
	assert_non_null(r);
	return r;
}

/* The export as a string; the caller frees it. */
static char *run(enum export_format f, const struct export_options *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	assert_true(export_write(f, o, mem));
	assert_int_equal(fclose(mem), 0);
	assert_int_equal(strlen(buf), len);     /* no NUL byte inside */
	return buf;
}

/* Every row of the format table parses by its name and has an extension,
 * a label and a help line; names outside the table do not parse. */
static void formats_parse_by_name(void **state)
{
	(void)state;
	enum export_format f;
	char names[256];
	for (int i = 0; i < EXPORT_NFORMATS; i++) {
		const char *name = export_format_name((enum export_format)i);
		assert_true(export_format_parse(name, &f));
		assert_int_equal(f, i);
		assert_true(*export_format_ext(f) && *export_format_label(f) && *export_format_help(f));
		assert_non_null(strstr(export_format_names(names, sizeof names, "|"), name));
	}
	assert_string_equal(export_format_name(EXPORT_MD), "md");
	assert_true(export_format_parse("markdown", &f));
	assert_int_equal(f, EXPORT_MD);
	assert_false(export_format_parse("docx", &f));
	assert_false(export_format_parse("", &f));
	assert_false(export_format_parse("HTML", &f));
}

/* A spreadsheet must see text, never a formula, and every cell whole. */
static void csv_neutralises_formulas_and_quotes(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = response_new(q, "Gemeente");
	static const char *const notes[] = { "=1+1", "+31 20 123", "-5", "@SUM(A1)", "\tx", "a;b",
	                                     "say \"hi\"", "two\nlines" };
	for (int i = 0; i < 8; i++) {
		assert_true(response_set_level(r, i, 2));
		assert_true(response_set_note(r, i, notes[i]));
	}
	struct export_options o = { .q = q, .r = r, .lang = 1, .csv_sep = ';', .csv_bom = true };
	char *csv = run(EXPORT_CSV, &o);
	static const char want[] =
		"\xef\xbb\xbf" "Domain;Question code;Question;Level;Level name;Status;Target;Note;Evidence;"
		"Levels to target;Next step\r\n"
		"Services;services.online-loans;Can members borrow and renew online?;2;Basic;answered;4;\"'=1+1\";;2;"
		"Add online borrowing.\r\n"
		"Services;services.help-desk;Is there digital help for visitors?;2;Basic;answered;4;\"'+31 20 123\";;2;"
		"Make it a weekly surgery.\r\n"
		"Services;services.wifi-note;Who runs the wifi?;2;Basic;answered;4;\"'-5\";;2;\r\n"
		"Skills;skills.training;Are staff trained in digital skills?;2;Basic;answered;;\"'@SUM(A1)\";;;"
		"Make training yearly.\r\n"
		"Skills;skills.plan;Is there a training plan?;2;Basic;answered;;\"'\tx\";;;Have the plan adopted.\r\n"
		"Data;data.register;Is there a register of the data you process?;2;Basic;answered;;\"a;b\";;;"
		"Complete the register.\r\n"
		"Data;data.open;Do you share open data?;2;Basic;answered;;\"say \"\"hi\"\"\";;;Publish without a request.\r\n"
		"Information security and privacy;security.backup;Are backups tested?;2;Basic;answered;3;"
		"\"two\nlines\";;1;Test every quarter.\r\n"
		"Information security and privacy;security.incidents;Is there a plan for security incidents?;;;"
		"open;3;;;;\r\n";
	if (strcmp(csv, want) != 0)
		print_error("got:\n%s", csv);
	assert_string_equal(csv, want);
	free(csv);
	/* The default separator is a comma, and without --bom there is none. */
	o.csv_sep = 0;
	o.csv_bom = false;
	csv = run(EXPORT_CSV, &o);
	assert_true(!strncmp(csv, "Domain,Question code,", 21));
	assert_non_null(strstr(csv, ",a;b,"));      /* no quotes needed with commas */
	assert_non_null(strstr(csv, ",\"'=1+1\","));
	free(csv);
	response_free(r);
	questionnaire_free(q);
}

/* Texts reach HTML (and SVG) only escaped, whatever bytes they hold. */
static void html_escape_is_complete(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	html_escape(f, "<script>&\"'\n\x1b[31m\xc2\x9b\xe2\x80\xae\xff ok", HTML_NL_BR);
	fclose(f);
	assert_string_equal(buf, "&lt;script&gt;&amp;&quot;&#39;<br>\xef\xbf\xbd[31m\xef\xbf\xbd"
	                         "\xef\xbf\xbd\xef\xbf\xbd ok");
	free(buf);
}

static void unsafe_code_points_become_replacement(void **state)
{
	(void)state;
	static const struct { const char *s; size_t n; unsigned long cp; } t[] = {
		{ "a", 1, 'a' }, { "\n", 1, '\n' }, { "\x1b", 1, 0xfffd }, { "\x7f", 1, 0xfffd },
		{ "\xc2\x85", 2, 0xfffd }, { "\xe2\x80\xae", 3, 0xfffd }, { "\xe2\x81\xa6", 3, 0xfffd },
		{ "\xc3\xa9", 2, 0xe9 }, { "\xff", 1, 0xfffd }, { "\xe2\x82", 1, 0xfffd },
		{ "\xf0\x9f\x98\x80", 4, 0x1f600 },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		unsigned long cp = 0;
		assert_int_equal(xs_next(t[i].s, &cp), t[i].n);
		assert_int_equal(cp, t[i].cp);
	}
}

static const char hostile_q[] =
	"peil: 1\nid: hostile\nversion: \"1\"\nlanguages: [en, nl]\n"
	"title: {en: \"T <i>\", nl: \"T <i> nl\"}\n"
	"levels:\n  - {value: 1, label: {en: \"One | 1\", nl: Een}}\n  - {value: 2, label: {en: Two, nl: Twee}}\n"
	"  - {value: 3, label: {en: Three, nl: Drie}}\n"
	"domains:\n"
	"  - {id: a, title: {en: \"A | B\\nC\", nl: \"A nl\"}, target: 2, questions: [\n"
	"     {id: a.q, text: {en: \"<b>x</b>\\n# not a heading\", nl: x}, answers: [\n"
	"       {level: 1, text: {en: \"*one*\", nl: een}}, {level: 2, text: {en: two, nl: twee}},\n"
	"       {level: 3, text: {en: three, nl: drie}}]}]}\n"
	"  - {id: b, title: {en: \"B\", nl: \"B\"}, questions: [\n"
	"     {id: b.q, text: {en: \"b?\", nl: \"b?\"}, answers: [\n"
	"       {level: 1, text: {en: one, nl: een}}, {level: 2, text: {en: two, nl: twee}},\n"
	"       {level: 3, text: {en: three, nl: drie}}]}]}\n"
	"  - {id: c, title: {en: \"C\", nl: \"C\"}, questions: [\n"
	"     {id: c.q, text: {en: \"c?\", nl: \"c?\"}, answers: [\n"
	"       {level: 1, text: {en: one, nl: een}}, {level: 2, text: {en: two, nl: twee}},\n"
	"       {level: 3, text: {en: three, nl: drie}}]}]}\n";

static struct questionnaire *hostile_questionnaire(void)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("hostile.yaml", hostile_q, sizeof hostile_q - 1, d);
	struct questionnaire *q = doc ? questionnaire_from_doc(doc, d) : NULL;
	if (!q) {
		char *msgs = tu_diags(d, NULL, true);
		print_error("%s", msgs);
		free(msgs);
	}
	ydoc_free(doc);
	diag_list_free(d);
	assert_non_null(q);
	return q;
}

/* Markdown: a | or a newline in a table cell stays inside its cell; HTML,
 * emphasis and headings in texts come out as the characters typed. */
static void markdown_cells_stay_cells(void **state)
{
	(void)state;
	struct questionnaire *q = hostile_questionnaire();
	struct response *r = response_new(q, "Org | <b>\n# x");
	assert_true(response_set_level(r, 0, 1));
	assert_true(response_set_note(r, 0, "- item\n1. one\n<script>alert(1)</script> [a](b) `c`"));
	struct export_options o = { .q = q, .r = r, .lang = 0 };
	char *md = run(EXPORT_MD, &o);
	assert_true(!strncmp(md, "# Org \\| \\<b\\> \\# x\n", 20));
	assert_non_null(strstr(md, "\n| A \\| B<br>C | 1.00 | 1 One \\| 1 | 2 Two | 1.00 levels |\n"));
	assert_non_null(strstr(md, "\n#### \\<b\\>x\\</b\\> \\# not a heading\n"));
	assert_non_null(strstr(md, "- **Note:** \\- item  \n   1\\. one  \n   \\<script\\>alert(1)\\</script\\> "
	                           "\\[a\\](b) \\`c\\`\n"));
	assert_non_null(strstr(md, "1 One \\| 1 — \\*one\\*"));
	for (const char *p = strchr(md, '<'); p; p = strchr(p + 1, '<'))
		assert_true(p[-1] == '\\' || !strncmp(p, "<br>", 4));     /* no raw HTML */
	free(md);
	response_free(r);
	questionnaire_free(q);
}

/* HTML: one self-contained file in the asked language, every text escaped,
 * nothing fetched from anywhere. */
static void html_is_self_contained_and_escaped(void **state)
{
	(void)state;
	struct questionnaire *q = hostile_questionnaire();
	struct response *r = response_new(q, "<script>alert(1)</script>");
	assert_true(response_set_level(r, 0, 1));
	assert_true(response_set_level(r, 1, 3));
	assert_true(response_set_note(r, 0, "\"><img src=x onerror=alert(2)>"));
	struct export_options o = { .q = q, .r = r, .lang = 1 };
	char *html = run(EXPORT_HTML, &o);
	assert_true(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">\n", 33));
	assert_non_null(strstr(html, "Content-Security-Policy"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_null(strstr(html, "https:"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(html, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
	/* three domains: a radar; the SVGs carry the values as text */
	assert_non_null(strstr(html, "<figure class=\"radar\">"));
	assert_non_null(strstr(html, "<text class=\"value\""));
	assert_null(strstr(html, "nan"));
	assert_null(strstr(html, "inf\""));
	assert_non_null(strstr(html, "</html>\n"));
	free(html);
	response_free(r);
	questionnaire_free(q);
}

static void json_is_extended_score_object(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = load_r(q, "exports/current.yaml");
	struct response *old = load_r(q, "exports/baseline.yaml");
	struct export_options o = { .q = q, .r = r, .baseline = old, .lang = 1 };
	char *json = run(EXPORT_JSON, &o);
	/* The SPEC's fields first, then ours. */
	assert_true(!strncmp(json, "{\n  \"questionnaire\": {\n    \"id\": \"peil-export-example\",", 55));
	assert_non_null(strstr(json, "\"overall\": {\n    \"score\": 2.6428571428571428,\n    \"level\": 2,\n"
	                             "    \"label\": \"Basic\"\n  }"));
	assert_non_null(strstr(json, "\"note\": \"Spreekuur op dinsdag.\\nVrijwilligers gezocht.\""));
	assert_non_null(strstr(json, "\"baseline\": {\n    \"organisation\": \"Bibliotheek Voorbeeldstad\",\n"
	                             "    \"date\": \"2025-06-30\""));
	assert_non_null(strstr(json, "\"peers\": null"));
	assert_non_null(strstr(json, "\"group\": null"));
	free(json);
	response_free(old);
	response_free(r);
	questionnaire_free(q);
}

/* A group session: contested questions with their consensus, computed by
 * hand for services.help-desk (votes 1:2, 2:1, 4:3; mean 8/3):
 * 1 + 1/3 log2(1 - 5/12) + 1/6 log2(1 - 1/6) + 1/2 log2(1 - 1/3) = 0.404. */
static void group_section_shows_contested(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = load_r(q, "exports/group.yaml");
	struct export_options o = { .q = q, .r = r, .lang = 1 };
	char *md = run(EXPORT_MD, &o);
	assert_non_null(strstr(md, "\n## How the group scored\n\n6 participants voted.\n"));
	assert_non_null(strstr(md, "2 of 7 questions are contested"));
	assert_non_null(strstr(md, "| Is there digital help for visitors? | 1: 2, 2: 1, 4: 3 | 1 – 4 | 0.40 | 2 Basic |"));
	assert_null(strstr(md, "| Are staff trained in digital skills? | 2: 1"));   /* not contested */
	assert_non_null(strstr(md, "- **Answered by:** Werksessie juni (group session with 6 participants)\n"));
	free(md);
	response_free(r);
	questionnaire_free(q);
}

/* A file merged by `peil aggregate -o`: the group's answer is only the
 * median of the votes until the group decides, and every format says so. */
static void merged_proposals_are_marked(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = load_r(q, "exports/merged.yaml");
	struct export_options o = { .q = q, .r = r, .lang = 1 };
	char *md = run(EXPORT_MD, &o);
	assert_non_null(strstr(md, "| Is there digital help for visitors? | 1: 2, 2: 1, 4: 3 | 1 – 4 | 0.40 | "
	                           "proposed: level 2 Basic (median), not yet decided |"));
	assert_null(strstr(md, "| 0.40 | 2 Basic |"));
	assert_non_null(strstr(md, "\n3 answers are only proposed: the median of the votes, until the group decides."));
	free(md);
	char *html = run(EXPORT_HTML, &o);
	assert_non_null(strstr(html, "<td class=\"num\" data-label=\"Consensus\">0.40</td><td data-label=\"Group&#39;s answer\">"
	                             "proposed: level 2 Basic (median), not yet decided</td>"));
	free(html);
	char *csv = run(EXPORT_CSV, &o);
	assert_non_null(strstr(csv, "services.help-desk,Is there digital help for visitors?,2,Basic,"
	                            "\"proposed, not yet decided\","));
	assert_non_null(strstr(csv, "skills.training,Are staff trained in digital skills?,3,In order,answered,"));
	free(csv);
	char *json = run(EXPORT_JSON, &o);
	assert_non_null(strstr(json, "\"proposal\": true,"));
	assert_non_null(strstr(json, "\"contested\": 1,\n    \"proposals\": 3,"));
	free(json);
	response_free(r);
	questionnaire_free(q);
}

static ssize_t failing_write(int fd, const void *buf, size_t len)
{
	(void)fd;
	(void)buf;
	(void)len;
	errno = ENOSPC;
	return -1;
}

/* What the TUI's export dialog does: the export into memory, then the
 * atomic writer (exports/ itself opens no file). */
static bool export_to_file(enum export_format f, const struct export_options *o, const char *path,
                           char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	bool ok = mem && export_write(f, o, mem);
	ok = mem && fclose(mem) == 0 && ok && atomic_write(path, buf, len, 0666, true, false, err, errlen);
	free(buf);
	return ok;
}

/* A full disk or a missing directory: false, a reason, and no file (not
 * even a temporary one) left behind. */
static void failed_export_leaves_nothing(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = load_r(q, "exports/current.yaml");
	struct export_options o = { .q = q, .r = r, .lang = 0 };
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "scorecard.html"), err[512] = "";
	atomic_set_write_fn(failing_write);
	assert_false(export_to_file(EXPORT_HTML, &o, path, err, sizeof err));
	atomic_set_write_fn(NULL);
	assert_true(strlen(err) > 0);
	assert_int_equal(tu_count_entries(dir), 0);
	char *missing = tu_join(dir, "no/such/dir.html");
	err[0] = '\0';
	assert_false(export_to_file(EXPORT_MD, &o, missing, err, sizeof err));
	assert_true(strlen(err) > 0);
	assert_int_equal(tu_count_entries(dir), 0);
	assert_true(export_to_file(EXPORT_MD, &o, path, err, sizeof err));
	size_t len;
	char *text = tu_read(path, &len);
	assert_non_null(text);
	assert_true(!strncmp(text, "# Bibliotheek Voorbeeldstad\n", 28));
	free(text);
	free(missing);
	free(path);
	tu_rmdir(dir);
	response_free(r);
	questionnaire_free(q);
}

/* Out of memory at any point: export_write fails cleanly (ASan watches
 * for leaks and bad accesses), and succeeds once memory is back. */
static void out_of_memory_fails_cleanly(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("exports/questionnaire.yaml");
	struct response *r = load_r(q, "exports/group.yaml");
	struct response *old = load_r(q, "exports/group-baseline.yaml");
	struct export_options o = { .q = q, .r = r, .baseline = old, .lang = 0 };
	for (int f = 0; f < EXPORT_NFORMATS; f++) {
		bool ok = false;
		for (unsigned long n = 1; n < 5000 && !ok; n++) {
			char *buf = NULL;
			size_t len = 0;
			FILE *mem = open_memstream(&buf, &len);
			assert_non_null(mem);
			mem_fail_from(n);
			ok = export_write((enum export_format)f, &o, mem);
			mem_fail_from(0);
			fclose(mem);
			free(buf);
		}
		assert_true(ok);
	}
	response_free(old);
	response_free(r);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats_parse_by_name),
		cmocka_unit_test(csv_neutralises_formulas_and_quotes),
		cmocka_unit_test(html_escape_is_complete),
		cmocka_unit_test(unsafe_code_points_become_replacement),
		cmocka_unit_test(markdown_cells_stay_cells),
		cmocka_unit_test(html_is_self_contained_and_escaped),
		cmocka_unit_test(json_is_extended_score_object),
		cmocka_unit_test(group_section_shows_contested),
		cmocka_unit_test(merged_proposals_are_marked),
		cmocka_unit_test(failed_export_leaves_nothing),
		cmocka_unit_test(out_of_memory_fails_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
