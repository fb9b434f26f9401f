/* Numbers are locale-proof: under nl_NL.UTF-8 printf writes "3,5", which
 * would break JSON and YAML. i18n_init() keeps LC_NUMERIC at "C" while the
 * messages follow the user's locale. Skipped where nl_NL.UTF-8 is missing
 * (on Debian: locale-gen after enabling it in /etc/locale.gen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <locale.h>

#include "core/i18n.h"
#include "core/response.h"
#include "core/ydoc.h"
#include "exports/jsonw.h"
#include "exports/score_json.h"
#include "scoring/score.h"
#include "tests/unit/testutil.h"

static void skip_without_dutch(void)
{
	if (!setlocale(LC_ALL, "nl_NL.UTF-8")) {
		print_message("nl_NL.UTF-8 is not installed: skipped\n");
		skip();
	}
}

/* The test can fail: the Dutch locale really writes a decimal comma. */
static void test_dutch_locale_writes_commas(void **state)
{
	(void)state;
	skip_without_dutch();
	char buf[32];
	snprintf(buf, sizeof buf, "%.1f", 3.5);
	assert_string_equal(buf, "3,5");
	setlocale(LC_ALL, "C");
}

static void init_dutch(void)
{
	skip_without_dutch();
	setenv("LC_ALL", "nl_NL.UTF-8", 1);
	unsetenv("LANGUAGE");
	i18n_init(NULL);
}

static void test_i18n_init_keeps_numbers_c(void **state)
{
	(void)state;
	init_dutch();
	char buf[32];
	snprintf(buf, sizeof buf, "%.1f", 3.5);
	assert_string_equal(buf, "3.5");
	assert_string_equal(localeconv()->decimal_point, ".");
	/* …while messages and the rest follow the user. */
	assert_non_null(strstr(setlocale(LC_MESSAGES, NULL), "nl_NL"));
	assert_non_null(strstr(setlocale(LC_CTYPE, NULL), "nl_NL"));
	assert_string_equal(i18n_language(), "nl");
	unsetenv("LC_ALL");
	setlocale(LC_ALL, "C");
}

static void test_lang_option_wins(void **state)
{
	(void)state;
	init_dutch();
	i18n_init("en");
	assert_string_equal(i18n_language(), "en");
	assert_string_equal(getenv("LANGUAGE"), "en");
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	setlocale(LC_ALL, "C");
}

static void test_json_and_yaml_use_points(void **state)
{
	(void)state;
	init_dutch();
	struct diag_list *d = diag_list_new();
	/* Weight 0.5 in the questionnaire is read with strtod: it must still parse. */
	struct questionnaire *q = questionnaire_load(tu_fixture("scoring/s15.yaml"), d);
	assert_non_null(q);
	assert_true(q->domains[1].weight == 0.5);
	struct response *r = response_load(tu_fixture("scoring/r15.yaml"), q, d);
	assert_non_null(r);
	struct scorecard *s = score_compute(q, r);
	char *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&json, &len);
	struct jsonw w;
	jsonw_init(&w, f, false);
	jsonw_object(&w);
	score_json_fields(&w, q, r, s);
	jsonw_key(&w, "half");
	jsonw_number(&w, 3.5);
	jsonw_object_end(&w);
	fclose(f);
	assert_non_null(strstr(json, "\"progress\":0.88888888888888884,"));
	assert_non_null(strstr(json, "\"overall\":{\"score\":2.833333333333333,\"level\":2}"));
	assert_non_null(strstr(json, "\"half\":3.5}"));
	assert_null(strstr(json, "0,9"));
	assert_null(strstr(json, "3,5"));
	free(json);
	response_set_population(r, 45000);
	size_t ylen;
	char *yaml = response_to_yaml(r, &ylen);
	assert_non_null(yaml);
	assert_non_null(strstr(yaml, "questionnaire_version: \"1\"\n"));
	assert_non_null(strstr(yaml, "population: 45000\n"));
	assert_non_null(strstr(yaml, "targets: {b: 3, c: 5}\n"));
	assert_null(strstr(yaml, "45.000"));
	mem_free(yaml);
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
	unsetenv("LC_ALL");
	setlocale(LC_ALL, "C");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dutch_locale_writes_commas),
		cmocka_unit_test(test_i18n_init_keeps_numbers_c),
		cmocka_unit_test(test_lang_option_wins),
		cmocka_unit_test(test_json_and_yaml_use_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
