/* Round files (core/round.c): written and read back alike, and every rule
 * of questionnaires/FORMAT.md section 8 with the exact FILE:LINE:COL
 * message; the sector picture's round holds no small cell
 * (scoring/sector.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"
#include "core/round.h"
#include "core/ydoc.h"
#include "scoring/sector.h"
#include "tests/unit/testutil.h"

static struct questionnaire *library(void)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

static struct round *from_text(const char *text, const struct questionnaire *q, struct diag_list *d)
{
	struct ydoc *doc = ydoc_load_buffer("r.yaml", text, strlen(text), d);
	assert_non_null(doc);
	struct round *r = round_from_doc(doc, q, d);
	ydoc_free(doc);
	return r;
}

static void test_round_trip(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct round *r = round_new(q, "2026-12-04", NULL);
	double v[ROUND_NQ];
	for (int i = 0; i < ROUND_NQ; i++)
		v[i] = 1 + i * 0.2;
	r->organisations = 40;
	assert_true(round_add(r, "services", "all", 40, v));
	assert_true(round_add(r, "skills", "10–20k", 12, v));
	size_t len;
	char *yaml = round_to_yaml(r, &len);
	assert_non_null(yaml);
	assert_non_null(strstr(yaml, "class: \"10–20k\"\n"));
	assert_non_null(strstr(yaml, "  p95: 4.6000\n"));
	struct diag_list *d = diag_list_new();
	struct round *back = from_text(yaml, q, d);
	assert_non_null(back);
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(back->organisations, 40);
	assert_int_equal(back->ncells, 2);
	const struct round_cell *c = round_find(back, "skills", "10–20k");
	assert_non_null(c);
	assert_int_equal(c->n, 12);
	assert_true(c->q[18] > 4.59 && c->q[18] < 4.61);
	assert_null(round_find(back, "skills", "all"));
	mem_free(yaml);
	round_free(r);
	round_free(back);
	diag_list_free(d);
	questionnaire_free(q);
}

static const char *const header = "peil-round: 1\nquestionnaire: library-digital-services\norganisations: 40\ncells:\n";

static char *cell(const char *domain, const char *n, const char *p50)
{
	static char buf[2048];
	int k = snprintf(buf, sizeof buf, "%s- domain: %s\n  class: all\n  n: %s\n", header, domain, n);
	for (int i = 0; i < ROUND_NQ; i++)
		k += snprintf(buf + k, sizeof buf - (size_t)k, "  p%d: %s\n", (i + 1) * 5,
		              i == 9 ? p50 : i < 9 ? "2" : "3");
	return buf;
}

static void expect_error(const struct questionnaire *q, const char *text, const char *want)
{
	struct diag_list *d = diag_list_new();
	assert_null(from_text(text, q, d));
	char *got = tu_diags(d, "r.yaml", false);
	if (strncmp(got, want, strlen(want)) != 0)
		fail_msg("got %s, expected %s", got, want);
	free(got);
	diag_list_free(d);
}

static void test_rules(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	expect_error(q, cell("services", "9", "2.5"),
	             "7:6: error: n: a round file holds no cell of fewer than 10 organisations\n");
	expect_error(q, cell("services", "12", "1.5"), "17:8: error: p50: the quantiles must not decrease (p45 is 2)\n");
	expect_error(q, cell("diensten", "12", "2.5"),
	             "5:11: error: domain: 'diensten' is not a domain of questionnaire 'library-digital-services'\n");
	expect_error(q, cell("services", "12", "7"), "17:8: error: p50: 7 lies outside the questionnaire's levels\n");
	char twice[4096];
	snprintf(twice, sizeof twice, "%s%s", cell("services", "12", "2.5"), strstr(cell("services", "12", "2.5"), "- domain"));
	expect_error(q, twice, "27:3: error: a second cell for domain 'services' and class 'all'\n");
	expect_error(q, "peil-round: 2\nquestionnaire: library-digital-services\norganisations: 1\ncells: []\n",
	             "1:13: error: format version 2 is not supported; this peil reads version 1\n");
	expect_error(q, "peil-round: 1\nquestionnaire: other\norganisations: 1\nname: Gemeente X\ncells: []\n",
	             "4:1: error: unknown key 'name' (did you mean 'date'?)\n"
	             "2:16: error: this round is of questionnaire 'other', not 'library-digital-services' (");
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
