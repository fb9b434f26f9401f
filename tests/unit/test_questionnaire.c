/* Loading and validating questionnaires (core/questionnaire.c): every rule
 * of the SPEC's questionnaire format, each with a broken fixture under
 * tests/fixtures/bad/ and the exact messages it must give. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "core/questionnaire.h"
#include "core/ydoc.h"
#include "tests/unit/testutil.h"

struct bad_case {
	const char *fixture;
	const char *errors;     /* every error, in order, as LINE:COL: error: MESSAGE */
};

static const struct bad_case bad_cases[] = {
	/* Types. */
	{ "q-type-format-version.yaml", "1:7: error: peil: expected a whole number\n" },
	{ "q-type-levels-mapping.yaml", "6:9: error: levels: expected a list\n" },
	{ "q-type-level-value.yaml", "8:13: error: value: expected a whole number\n" },
	{ "q-type-weight-text.yaml", "14:17: error: weight: expected a number\n" },
	{ "q-type-allow-na.yaml", "14:19: error: allow_na: expected true or false\n" },
	{ "q-type-text-list.yaml", "14:15: error: text: expected a text or a mapping from language to text\n" },
	{ "q-type-empty-text.yaml", "5:8: error: title: expected a text, found nothing\n" },
	{ "q-type-root-list.yaml", "1:1: error: questionnaire: expected a mapping (key: value pairs)\n" },
	/* Format version and ids. */
	{ "q-format-version-2.yaml", "1:7: error: format version 2 is not supported; this peil reads version 1\n" },
	{ "q-bad-id.yaml", "13:13: error: id 'D.A': use lower-case letters, digits, '.', '_' and '-'\n" },
	/* Required keys. */
	{ "q-missing-id.yaml", "1:1: error: missing required key 'id'\n" },
	{ "q-missing-answers.yaml", "13:9: error: missing required key 'answers'\n" },
	{ "q-missing-question-text.yaml", "13:9: error: missing required key 'text'\n" },
	{ "q-missing-level-label.yaml", "8:5: error: missing required key 'label'\n" },
	{ "q-no-domains.yaml", "9:10: error: domains: define at least one domain\n" },
	/* Unknown keys: a typo gets a suggestion (and the real key is then missing). */
	{ "q-unknown-key-suggestion.yaml",
	  "5:1: error: unknown key 'titel' (did you mean 'title'?)\n"
	  "1:1: error: missing required key 'title'\n" },
	{ "q-unknown-key.yaml", "14:9: error: unknown key 'colour'\n" },
	/* Duplicates. */
	{ "q-duplicate-key.yaml", "4:1: error: duplicate key 'version' (first at line 3)\n" },
	{ "q-duplicate-key-flow.yaml", "5:31: error: duplicate key 'nl' (first at line 5)\n" },
	{ "q-duplicate-question-id.yaml", "19:13: error: duplicate question id 'd.a' (first at line 13)\n" },
	{ "q-duplicate-domain-id.yaml", "19:9: error: duplicate domain id 'd'\n" },
	/* Levels. */
	{ "q-levels-not-ascending.yaml", "8:13: error: levels: values must be strictly ascending (1 after 1)\n" },
	{ "q-one-level.yaml", "7:3: error: levels: define at least two levels\n" },
	/* Answers: one per level, in level order. */
	{ "q-answer-second-for-level.yaml",
	  "18:21: error: a second answer for level 1\n"
	  "17:11: error: answers: no answer for level 2\n" },
	{ "q-answer-order.yaml",
	  "17:21: error: answers must follow the level order: level 2 is answer 1\n"
	  "18:21: error: answers must follow the level order: level 1 is answer 2\n" },
	{ "q-answer-missing-level.yaml", "17:11: error: answers: no answer for level 2\n" },
	{ "q-answer-undefined-level.yaml",
	  "18:21: error: answer for level 3, which is not one of the defined levels\n"
	  "17:11: error: answers: no answer for level 2\n" },
	/* Languages. */
	{ "q-missing-translation.yaml", "14:15: error: text: missing the 'en' translation\n" },
	{ "q-unknown-language.yaml", "14:45: error: text: 'de' is not one of the questionnaire's languages\n" },
	/* A language that is not a code; every text then names an unknown one. */
	{ "q-bad-language-code.yaml",
	  "4:17: error: languages: 'English' is not a language code like nl or en\n"
	  "5:20: error: title: 'en' is not one of the questionnaire's languages\n"
	  "7:34: error: label: 'en' is not one of the questionnaire's languages\n"
	  "8:34: error: label: 'en' is not one of the questionnaire's languages\n"
	  "11:25: error: title: 'en' is not one of the questionnaire's languages\n"
	  "14:29: error: text: 'en' is not one of the questionnaire's languages\n"
	  "15:26: error: help: 'en' is not one of the questionnaire's languages\n"
	  "17:40: error: text: 'en' is not one of the questionnaire's languages\n"
	  "17:68: error: advice: 'en' is not one of the questionnaire's languages\n"
	  "18:41: error: text: 'en' is not one of the questionnaire's languages\n" },
	/* show_if. */
	{ "q-show-if-later.yaml", "16:29: error: show_if: 'd.b' is not an earlier question\n" },
	{ "q-show-if-self.yaml", "16:29: error: show_if: 'd.a' is not an earlier question\n" },
	{ "q-show-if-unknown.yaml", "16:29: error: show_if: 'd.zz' is not an earlier question\n" },
	{ "q-show-if-no-bounds.yaml", "22:18: error: show_if: give min, max or both\n" },
	/* Weights and targets. */
	{ "q-domain-weight-zero.yaml", "12:13: error: weight: a domain's weight must be more than 0\n" },
	{ "q-domain-weight-negative.yaml", "12:13: error: weight: a domain's weight must be more than 0\n" },
	{ "q-question-weight-negative.yaml", "16:17: error: weight: a question's weight must be 0 or more\n" },
	{ "q-target-not-level.yaml", "12:13: error: target 3 is not one of the defined levels\n" },
	/* YAML itself. */
	{ "q-alias.yaml",
	  "5:8: error: anchors (&t) and aliases are not allowed\n"
	  "11:12: error: aliases (*t) are not allowed\n"
	  "11:12: error: title: expected a text, found nothing\n" },
	{ "q-anchor.yaml", "5:8: error: anchors (&t) and aliases are not allowed\n" },
	{ "q-syntax-bad-indent.yaml",
	  "15:8: error: YAML syntax error: while parsing a block collection did not find expected '-' "
	  "indicator (see line 13)\n" },
	{ "q-syntax-unclosed-quote.yaml",
	  "14:20: error: YAML syntax error: while scanning a quoted scalar found unexpected end of stream "
	  "(at the end of the file, line 19)\n" },
	{ "q-invalid-utf8.yaml", "14:26: error: cannot read the file: invalid trailing UTF-8 octet\n" },
	{ "q-nul-byte.yaml", "14:25: error: cannot read the file: control characters are not allowed\n" },
	{ "q-deep-nesting.yaml", "2:72: error: nesting deeper than 64 levels is not allowed\n" },
	{ "q-empty.yaml", "1:1: error: the file is empty\n" },
	{ "q-only-comment.yaml", "1:1: error: the file is empty\n" },
	{ "q-several-documents.yaml", "19:1: error: a file must hold one YAML document, not several\n" },
};

static void test_bad_fixtures(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "bad/%s", bad_cases[i].fixture);
		const char *path = tu_fixture(rel);
		struct diag_list *d = diag_list_new();
		struct questionnaire *q = questionnaire_load(path, d);
		if (q)
			print_error("%s loaded without errors\n", rel);
		assert_null(q);
		tu_assert_errors(d, path, bad_cases[i].errors);
		diag_list_free(d);
	}
}

/* Every bad fixture on disk is in the table (a new one cannot be forgotten). */
static void test_table_covers_fixtures(void **state)
{
	(void)state;
	tu_assert_table_covers("q-", bad_cases);
}

static struct questionnaire *load_ok(const char *rel, struct diag_list *d)
{
	const char *path = tu_fixture(rel);
	struct questionnaire *q = questionnaire_load(path, d);
	if (!q)
		print_error("%s", tu_diags(d, NULL, true));
	assert_non_null(q);
	assert_int_equal(diag_errors(d), 0);
	return q;
}

static void test_mini_content(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = load_ok("valid/mini.yaml", d);
	assert_int_equal(diag_count(d), 0);        /* not even a warning */
	assert_string_equal(q->id, "mini");
	assert_string_equal(q->version, "1");
	assert_int_equal(q->nlangs, 2);
	assert_string_equal(q->langs[0], "nl");
	assert_string_equal(qn_str(q, &q->title, 0), "Proef");
	assert_string_equal(qn_str(q, &q->title, 1), "Trial");
	assert_string_equal(qn_str(q, &q->title, 7), "Proef");    /* out of range: default */
	assert_null(qn_tr(q, &q->description, 0));
	assert_string_equal(qn_str(q, &q->description, 0), "");
	assert_int_equal(q->nlevels, 2);
	assert_string_equal(qn_level_label(q, 2, 1), "High");
	assert_string_equal(qn_level_label(q, 9, 1), "");
	assert_int_equal(q->ndomains, 1);
	const struct qn_domain *dom = &q->domains[0];
	assert_true(dom->weight == 1.0);           /* defaults */
	assert_false(dom->has_target);
	const struct qn_question *qu = &q->questions[0];
	assert_true(qu->weight == 1.0);
	assert_true(qu->allow_na);
	assert_int_equal(qu->show_if.question, -1);
	assert_string_equal(qn_str(q, &qu->answers[0].advice, 1), "Do");
	assert_null(qn_tr(q, &qu->answers[1].advice, 1));
	assert_int_equal(qn_question_index(q, "d.a"), 0);
	assert_int_equal(qn_question_index(q, "d.b"), -1);
	assert_int_equal(qn_domain_index(q, "d"), 0);
	assert_int_equal(qn_lang_index(q, "en"), 1);
	assert_int_equal(qn_lang_index(q, "de"), -1);
	questionnaire_free(q);
	diag_list_free(d);
}

/* Levels are looked up by value in every answer, vote and export; the
 * lookup is a binary search over the loader's ascending values, so it must
 * find each one, including the ends, and nothing in the gaps or outside. */
static void test_level_lookup(void **state)
{
	(void)state;
	static const int values[] = { -5, 0, 2, 7, 10, 11, 1000 };
	enum { N = sizeof values / sizeof *values };
	char yaml[2048];
	int len = snprintf(yaml, sizeof yaml, "peil: 1\nid: lv\nversion: \"1\"\nlanguages: [en]\ntitle: L\nlevels:\n");
	for (int i = 0; i < N; i++)
		len += snprintf(yaml + len, sizeof yaml - (size_t)len, "  - {value: %d, label: L%d}\n", values[i], i);
	len += snprintf(yaml + len, sizeof yaml - (size_t)len,
	                "domains:\n  - id: d\n    title: D\n    questions:\n      - id: d.q\n        text: Q?\n"
	                "        answers:\n");
	for (int i = 0; i < N; i++)
		len += snprintf(yaml + len, sizeof yaml - (size_t)len, "          - {level: %d, text: A%d}\n", values[i], i);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("lv.yaml", yaml, (size_t)len, d);
	struct questionnaire *q = doc ? questionnaire_from_doc(doc, d) : NULL;
	assert_non_null(q);
	assert_int_equal(diag_errors(d), 0);
	assert_int_equal(q->nlevels, N);
	for (int i = 0; i < N; i++)
		assert_int_equal(qn_level_index(q, values[i]), i);
	static const int absent[] = { INT_MIN, -6, -4, 1, 3, 8, 12, 999, 1001, INT_MAX };
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
		assert_int_equal(qn_level_index(q, absent[i]), -1);
	questionnaire_free(q);
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_library_content(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = load_ok("valid/library.yaml", d);
	assert_int_equal(q->nlevels, 5);
	assert_int_equal(q->ndomains, 2);
	assert_int_equal(q->nquestions, 5);
	assert_true(q->domains[0].weight == 3.0);
	assert_true(q->domains[0].has_target);
	assert_int_equal(q->domains[0].target, 4);
	assert_int_equal(q->domains[1].first, 3);
	assert_int_equal(q->domains[1].count, 2);
	int plan = qn_question_index(q, "skills.plan");
	assert_int_equal(plan, 4);
	assert_int_equal(q->questions[plan].show_if.question, 3);
	assert_true(q->questions[plan].show_if.has_min);
	assert_int_equal(q->questions[plan].show_if.min, 2);
	assert_false(q->questions[plan].show_if.has_max);
	assert_true(q->questions[1].weight == 2.0);
	assert_true(q->questions[2].weight == 0.0);
	assert_false(q->questions[3].allow_na);
	/* A plain string is the same text in every language. */
	assert_string_equal(qn_str(q, &q->questions[2].answers[1].text, 0), "Vrijwilliger / volunteer");
	assert_string_equal(qn_str(q, &q->questions[2].answers[1].text, 1), "Vrijwilliger / volunteer");
	assert_int_equal(qn_level_for_score(q, 3.99), 3);
	assert_int_equal(qn_level_for_score(q, 4.0), 4);
	assert_int_equal(qn_level_for_score(q, 1.0), 1);
	questionnaire_free(q);
	diag_list_free(d);
}

static void test_bom_and_x_keys_accepted(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = load_ok("valid/mini-bom.yaml", d);
	assert_string_equal(q->id, "mini");
	questionnaire_free(q);
	q = load_ok("valid/mini-x-keys.yaml", d);
	assert_int_equal(diag_count(d), 0);
	questionnaire_free(q);
	diag_list_free(d);
}

struct warn_case {
	const char *fixture;
	const char *warnings;
};

static const struct warn_case warn_cases[] = {
	{ "w-no-help.yaml", "13:9: warning: question 'd.a' has no help\n" },
	{ "w-identical-texts.yaml", "11:12: warning: title: the 'nl' and 'en' texts are identical\n" },
	{ "w-no-advice.yaml", "17:11: warning: answers: no advice (the next step) for level 1\n" },
	{ "w-control-chars.yaml",
	  "14:20: warning: control or bidirectional characters replaced by U+FFFD\n"
	  "14:42: warning: control or bidirectional characters replaced by U+FFFD\n" },
};

static void test_warnings(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof warn_cases / sizeof *warn_cases; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "valid/%s", warn_cases[i].fixture);
		struct diag_list *d = diag_list_new();
		struct questionnaire *q = load_ok(rel, d);    /* warnings do not fail it */
		char *w = tu_warnings(d, tu_fixture(rel));
		assert_string_equal(w, warn_cases[i].warnings);
		free(w);
		questionnaire_free(q);
		diag_list_free(d);
	}
}

/* The loaded texts really hold U+FFFD and nothing a terminal would obey. */
static void test_control_chars_replaced_in_texts(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = load_ok("valid/w-control-chars.yaml", d);
	const char *nl = qn_str(q, &q->questions[0].text, 0), *en = qn_str(q, &q->questions[0].text, 1);
	assert_string_equal(nl, "Vraag\xef\xbf\xbd[2J A\xef\xbf\xbd");
	assert_string_equal(en, "Question \xef\xbf\xbd" "evil\xef\xbf\xbd A");
	for (const char *s = nl; *s; s++)
		assert_false(*s == '\x1b' || *s == '\a');
	assert_null(strstr(en, "\xe2\x80\xae"));
	questionnaire_free(q);
	diag_list_free(d);
}

/* validate reports everything at once: several rules broken in one file. */
static void test_all_errors_reported(void **state)
{
	(void)state;
	const char *text =
		"peil: 1\nid: Bad Id\nversion: \"1\"\nlanguages: [nl]\ntitle: T\n"
		"levels:\n  - {value: 2, label: Twee}\n  - {value: 1, label: Een}\n"
		"domains:\n  - id: d\n    title: D\n    weight: 0\n    questions:\n"
		"      - {id: d.a, text: A, help: H, wieght: 2, answers: [{level: 2, text: x, advice: y}]}\n";
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, strlen(text), d);
	assert_non_null(doc);
	assert_null(questionnaire_from_doc(doc, d));
	tu_assert_errors(d, "t.yaml",
	                 "2:5: error: id 'Bad Id': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit\n"
	                 "8:13: error: levels: values must be strictly ascending (1 after 2)\n"
	                 "12:13: error: weight: a domain's weight must be more than 0\n"
	                 "14:37: error: unknown key 'wieght' (did you mean 'weight'?)\n");
	ydoc_free(doc);
	diag_list_free(d);
}

/* A failed load must free everything and report: fail allocation 1, 2, …
 * until the load succeeds (LeakSanitizer checks the "no leak" part). */
static void test_allocation_failures(void **state)
{
	(void)state;
	const char *path = tu_fixture("valid/library.yaml");
	unsigned long n;
	for (n = 1; n < 100000; n++) {
		struct diag_list *d = diag_list_new();
		mem_fail_from(n);
		struct questionnaire *q = questionnaire_load(path, d);
		mem_fail_from(0);
		if (q) {
			questionnaire_free(q);
			diag_list_free(d);
			break;
		}
		if (diag_errors(d) == 0)
			print_error("allocation %lu failed without an error\n", n);
		assert_true(diag_errors(d) > 0);
		diag_list_free(d);
	}
	assert_true(n > 10);        /* the loop really failed some allocations */
	assert_true(n < 100000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_table_covers_fixtures),
		cmocka_unit_test(test_mini_content),
		cmocka_unit_test(test_level_lookup),
		cmocka_unit_test(test_library_content),
		cmocka_unit_test(test_bom_and_x_keys_accepted),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_control_chars_replaced_in_texts),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
