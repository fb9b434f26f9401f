/* Regions (SPEC: `regions`, `region`, nl-BE texts) and carrying answers to
 * a newer version of a questionnaire (`--from`, `replaces`, `changed_in`):
 * core/questionnaire_region.c, core/response_region.c and the previous-
 * version load of core/response_load.c, on tests/fixtures/regions/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/questionnaire.h"
#include "core/response.h"
#include "core/response_plan.h"
#include "scoring/score.h"
#include "tests/unit/testutil.h"

static struct questionnaire *load_q(const char *rel)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture(rel), d);
	if (!q)
		print_error("%s", tu_diags(d, NULL, true));
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

static int qi(const struct questionnaire *q, const char *id)
{
	int i = qn_question_index(q, id);
	assert_true(i >= 0);
	return i;
}

static void test_regions_and_variants(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("regions/q-2027.yaml");
	assert_int_equal(q->nlisted, 2);
	assert_string_equal(qn_default_region(q), "NL");
	assert_true(qn_asked_in(q, qi(q, "d.nl"), "NL"));
	assert_false(qn_asked_in(q, qi(q, "d.nl"), "BE-VLG"));
	assert_true(qn_asked_in(q, qi(q, "d.vl"), "BE-VLG"));
	assert_false(qn_asked_in(q, qi(q, "d.vl"), NULL));     /* the default: NL */
	assert_false(qn_asked_in(q, qi(q, "d.vl"), "BE-WAL"));
	assert_true(qn_asked_in(q, qi(q, "d.kept"), "BE-WAL"));
	assert_int_equal(qn_shared_count(q), 4);
	/* nl-BE for Flanders, the base language's text where it has none. */
	int nl = qn_lang_index(q, "nl"), be = qn_text_lang(q, nl, "BE-VLG");
	assert_int_not_equal(be, nl);
	assert_int_equal(qn_text_lang(q, nl, "NL"), nl);
	assert_int_equal(qn_text_lang(q, qn_lang_index(q, "en"), "BE-VLG"), qn_lang_index(q, "en"));
	assert_string_equal(qn_str(q, &q->title, be), "Grensstreek");
	assert_string_equal(qn_str(q, &q->title, nl), "Grens");
	assert_string_equal(qn_str(q, &q->questions[qi(q, "d.kept")].text, be), "Blijft in Vlaanderen");
	assert_string_equal(qn_str(q, &q->questions[qi(q, "d.new")].text, be), "Nieuw");
	assert_string_equal(q->langs[be], "nl");        /* a variant speaks its base language */
	assert_int_equal(qn_replacement(q, "d.old"), qi(q, "d.new"));
	assert_int_equal(qn_replacement(q, "d.gone"), -1);
	questionnaire_free(q);
}

static void test_region_codes(void **state)
{
	(void)state;
	const char *good[] = { "NL", "BE", "BE-VLG", "BE-BRU", "DE-1" };
	const char *bad[] = { "", "nl", "N", "NLD", "BE-", "BE-vlg", "BE-VLGX", "BE_VLG", "B3" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(qn_valid_region(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (qn_valid_region(bad[i]))
			fail_msg("'%s' accepted as a region code", bad[i]);
	assert_true(qn_version_cmp("2026.1", "2027.1") < 0);
	assert_true(qn_version_cmp("2027.2", "2027.10") < 0);
	assert_int_equal(qn_version_cmp("2027.1", "2027.1"), 0);
}

/* The exact messages for what validate must refuse or warn about. */
static void test_bad_regions(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "q.yaml");
	tu_write_str(path,
	             "peil: 1\nid: x\nversion: \"1\"\nlanguages: [nl, en]\nregions: [NL, nl, NL]\n"
	             "title: {nl: T, en: U, nl-BE: V, nl-be: W}\n"
	             "levels: [{value: 1, label: {nl: A, en: B}}, {value: 2, label: {nl: C, en: D}}]\n"
	             "domains:\n- id: d\n  title: {nl: D, en: E}\n  questions:\n"
	             "  - {id: d.a, text: {nl: A, en: B}, help: {nl: H, en: I}, regions: [BE-WAL],\n"
	             "     answers: [{level: 1, text: {nl: A, en: B}, advice: {nl: C, en: D}}, {level: 2, text: {nl: E, en: F}}]}\n"
	             "  - {id: d.b, text: {nl: A, en: B}, help: {nl: H, en: I}, replaces: [d.a, Bad], show_if: {question: d.a, min: 2},\n"
	             "     answers: [{level: 1, text: {nl: A, en: B}, advice: {nl: C, en: D}}, {level: 2, text: {nl: E, en: F}}]}\n");
	struct diag_list *d = diag_list_new();
	assert_null(questionnaire_load(path, d));
	tu_assert_errors(d, path,
	                 "5:15: error: regions: 'nl' is not a region code like NL or BE-VLG (ISO 3166)\n"
	                 "5:19: error: regions: 'NL' is listed twice\n"
	                 "6:33: error: title: 'nl-be' is not one of the questionnaire's languages\n"
	                 "14:75: error: replaces: 'Bad' is not a question id\n"
	                 "14:5: error: replaces: 'd.a' is a question of this version; only an earlier version's ids can be replaced\n");
	char *w = tu_warnings(d, path);
	assert_non_null(strstr(w, "12:69: warning: regions: 'BE-WAL' is not one of the questionnaire's regions\n"));
	assert_non_null(strstr(w, "12:68: warning: question 'd.a' is asked in none of the questionnaire's regions\n"));
	free(w);
	diag_list_free(d);
	free(path);
	tu_rmdir(dir);
}

static void test_show_if_across_regions_warns(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "q.yaml");
	tu_write_str(path,
	             "peil: 1\nid: x\nversion: \"1\"\nlanguages: [en]\nregions: [NL, BE-VLG]\ntitle: T\n"
	             "levels: [{value: 1, label: A}, {value: 2, label: B}]\n"
	             "domains:\n- id: d\n  title: D\n  questions:\n"
	             "  - {id: d.a, text: A, help: H, regions: [NL], answers: [{level: 1, text: A, advice: C}, {level: 2, text: E}]}\n"
	             "  - {id: d.b, text: B, help: H, show_if: {question: d.a, min: 2},\n"
	             "     answers: [{level: 1, text: A, advice: C}, {level: 2, text: E}]}\n");
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(path, d);
	assert_non_null(q);
	char *w = tu_warnings(d, path);
	assert_non_null(strstr(w, "warning: question 'd.b' depends on 'd.a', which is not asked in BE-VLG: "
	                          "there it is never shown\n"));
	free(w);
	questionnaire_free(q);
	diag_list_free(d);
	free(path);
	tu_rmdir(dir);
}

/* A Dutch file answers both regional questions; only its own counts. */
static void test_hidden_for_another_region(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("regions/q-2027.yaml");
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(tu_fixture("regions/r-nl.yaml"), q, d);
	assert_non_null(r);
	char *w = tu_warnings(d, tu_fixture("regions/r-nl.yaml"));
	assert_non_null(strstr(w, "12:3: warning: 'd.vl' is not asked in region NL; its answer is not counted\n"));
	free(w);
	assert_null(response_own_region(r));
	assert_string_equal(response_region(r), "NL");
	assert_false(response_hidden(r, qi(q, "d.nl")));
	assert_true(response_hidden(r, qi(q, "d.vl")));
	struct scorecard *s = score_compute(q, r);
	assert_int_equal(s->domains[0].hidden, 1);
	assert_int_equal(s->domains[0].answered, 5);
	assert_true(s->domains[0].score > 1.39 && s->domains[0].score < 1.41);  /* (4 x 1 + 3) / 5 */
	scorecard_free(s);
	s = score_compute_shared(q, r);         /* the four questions both regions ask */
	assert_int_equal(s->domains[0].hidden, 2);
	assert_true(s->domains[0].score > 0.99 && s->domains[0].score < 1.01);
	scorecard_free(s);
	/* Moved to Flanders: the other regional question is asked instead. */
	assert_false(response_set_region(r, "vlaanderen"));
	assert_true(response_set_region(r, "BE-VLG"));
	assert_true(response_hidden(r, qi(q, "d.nl")));
	assert_false(response_hidden(r, qi(q, "d.vl")));
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	assert_non_null(strstr(yaml, "\nregion: BE-VLG\n"));
	free(yaml);
	response_free(r);
	diag_list_free(d);
	questionnaire_free(q);
}

/* --from a 2026.1 file onto 2027.1: by id, recheck where the meaning
 * changed or an id was replaced, removed questions left out and reported. */
static void test_previous_version_carried(void **state)
{
	(void)state;
	struct questionnaire *q = load_q("regions/q-2027.yaml");
	const char *path = tu_fixture("regions/r-2026.yaml");
	struct diag_list *d = diag_list_new();
	assert_null(response_load(path, q, d));        /* not as a file of this version */
	diag_list_free(d);
	d = diag_list_new();
	struct response *old = response_load_previous(path, q, d);
	assert_non_null(old);
	assert_int_equal(diag_errors(d), 0);
	char *w = tu_warnings(d, path);
	assert_non_null(strstr(w, "10:3: warning: 'd.old' is now 'd.new' in version 2027.1: its answer is carried over, to be checked\n"));
	assert_non_null(strstr(w, "12:3: warning: 'd.gone' is not a question of version 2027.1; its answer is left out\n"));
	assert_non_null(strstr(w, "warning: action 'a2' left out: none of its questions is in version 2027.1\n"));
	free(w);
	struct response *r = response_new(q, NULL);
	assert_true(response_carry_over(r, old));
	const struct answer *kept = response_answer(r, qi(q, "d.kept")), *changed = response_answer(r, qi(q, "d.changed")),
	                    *moved = response_answer(r, qi(q, "d.new")), *nl = response_answer(r, qi(q, "d.nl"));
	assert_true(kept->carried_over && !kept->recheck);
	assert_int_equal(kept->level, 3);
	assert_true(changed->carried_over && changed->recheck);
	assert_string_equal(changed->note, "Old meaning");
	assert_true(moved->carried_over && moved->recheck);
	assert_int_equal(moved->level, 1);
	assert_int_equal(nl->status, ANSWER_OPEN);      /* new questions are open */
	assert_string_equal(response_region(r), "BE-VLG");
	assert_int_equal(response_nactions(r), 1);     /* a1 kept, for d.new; a2 left out */
	/* Answering again clears both marks; they are saved until then. */
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	assert_non_null(strstr(yaml, "d.new: {level: 1, carried_over: true, recheck: true}"));
	free(yaml);
	assert_true(response_set_level(r, qi(q, "d.changed"), 3));
	assert_false(response_answer(r, qi(q, "d.changed"))->recheck);
	response_free(r);
	response_free(old);
	diag_list_free(d);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regions_and_variants),
		cmocka_unit_test(test_region_codes),
		cmocka_unit_test(test_bad_regions),
		cmocka_unit_test(test_show_if_across_regions_warns),
		cmocka_unit_test(test_hidden_for_another_region),
		cmocka_unit_test(test_previous_version_carried),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
