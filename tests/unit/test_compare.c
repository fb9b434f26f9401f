/* Comparing two responses (scoring/compare.c): figures checked against
 * values computed by hand from tests/fixtures/exports/{baseline,current}.yaml. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "core/questionnaire.h"
#include "core/response.h"
#include "exports/compare_json.h"
#include "scoring/compare.h"
#include "tests/unit/testutil.h"

/* cmocka's assert_float_equal works in float: too coarse for scores. */
#define assert_near(a, b, eps) near_((a), (b), (eps), __FILE__, __LINE__)
static void near_(double a, double b, double eps, const char *file, int line)
{
	if (!(fabs(a - b) <= eps)) {
		print_error("%.17g != %.17g\n", a, b);
		_fail(file, line);
	}
}

struct fx {
	struct questionnaire *q;
	struct response *old, *cur;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct diag_list *d = diag_list_new();
	f->q = questionnaire_load(tu_fixture("exports/questionnaire.yaml"), d);
	if (f->q) {
		f->old = response_load(tu_fixture("exports/baseline.yaml"), f->q, d);
		f->cur = response_load(tu_fixture("exports/current.yaml"), f->q, d);
	}
	diag_list_free(d);
	*state = f;
	return f->q && f->old && f->cur ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	response_free(f->old);
	response_free(f->cur);
	questionnaire_free(f->q);
	free(f);
	return 0;
}

/* baseline: services (3*w1 + 2*w2) / 3 = 7/3; skills 1 (plan hidden);
 * data (2 + 1) / 2; security (2 + 1) / 2; overall (3*7/3 + 1 + 2*1.5 +
 * 1.5) / 7 = 12.5/7.  current: services 8/3, skills 2.5, data 3 (open data
 * "don't know"), security 2 (incidents n/a); overall 18.5/7. */
static void figures_match_hand_computed(void **state)
{
	struct fx *f = *state;
	struct comparison *c = compare_compute(f->q, f->old, f->cur);
	assert_non_null(c);
	static const double old[] = { 7.0 / 3, 1.0, 1.5, 1.5 }, cur[] = { 8.0 / 3, 2.5, 3.0, 2.0 };
	static const int old_level[] = { 2, 1, 1, 1 }, new_level[] = { 2, 2, 3, 2 };
	assert_int_equal(c->ndomains, 4);
	for (int d = 0; d < 4; d++) {
		const struct compare_figure *g = &c->domains[d];
		assert_true(g->has_old && g->has_new);
		assert_near(g->old_score, old[d], 1e-12);
		assert_near(g->new_score, cur[d], 1e-12);
		assert_near(g->delta, cur[d] - old[d], 1e-12);
		assert_int_equal(g->old_level, old_level[d]);
		assert_int_equal(g->new_level, new_level[d]);
	}
	assert_near(c->overall.old_score, 12.5 / 7, 1e-12);
	assert_near(c->overall.new_score, 18.5 / 7, 1e-12);
	assert_near(c->overall.delta, 6.0 / 7, 1e-12);
	assert_int_equal(c->overall.old_level, 1);
	assert_int_equal(c->overall.new_level, 2);
	comparison_free(c);
}

/* From scorecards computed once by the caller (an export shares them):
 * the same figures and changes as compare_compute. */
static void scored_equals_computed(void **state)
{
	struct fx *f = *state;
	struct scorecard *so = score_compute(f->q, f->old), *sn = score_compute(f->q, f->cur);
	struct comparison *a = compare_compute(f->q, f->old, f->cur);
	struct comparison *b = compare_scored(f->q, f->old, so, f->cur, sn);
	assert_non_null(a);
	assert_non_null(b);
	assert_memory_equal(&a->overall, &b->overall, sizeof a->overall);
	assert_memory_equal(a->domains, b->domains, (size_t)a->ndomains * sizeof *a->domains);
	assert_int_equal(a->nchanges, b->nchanges);
	assert_memory_equal(a->changes, b->changes, (size_t)a->nchanges * sizeof *a->changes);
	comparison_free(a);
	comparison_free(b);
	scorecard_free(so);
	scorecard_free(sn);
}

/* Every answer that differs, in questionnaire order; a hidden question is
 * "not applicable" on its side; notes alone are no change. */
static void changes_are_listed_in_order(void **state)
{
	struct fx *f = *state;
	struct comparison *c = compare_compute(f->q, f->old, f->cur);
	assert_non_null(c);
	static const struct { const char *id; enum answer_status os, ns; int ol, nl; } want[] = {
		{ "services.online-loans", ANSWER_LEVEL, ANSWER_LEVEL, 3, 4 },
		{ "services.wifi-note", ANSWER_OPEN, ANSWER_LEVEL, 0, 3 },
		{ "skills.training", ANSWER_LEVEL, ANSWER_LEVEL, 1, 3 },
		{ "skills.plan", ANSWER_NA, ANSWER_LEVEL, 0, 2 },
		{ "data.register", ANSWER_LEVEL, ANSWER_LEVEL, 2, 3 },
		{ "data.open", ANSWER_LEVEL, ANSWER_UNKNOWN, 1, 0 },
		{ "security.incidents", ANSWER_LEVEL, ANSWER_NA, 1, 0 },
	};
	assert_int_equal(c->nchanges, 7);
	for (int i = 0; i < 7; i++) {
		const struct question_change *ch = &c->changes[i];
		assert_string_equal(f->q->questions[ch->question].id, want[i].id);
		assert_int_equal(ch->old_status, want[i].os);
		assert_int_equal(ch->new_status, want[i].ns);
		if (want[i].os == ANSWER_LEVEL)
			assert_int_equal(ch->old_level, want[i].ol);
		if (want[i].ns == ANSWER_LEVEL)
			assert_int_equal(ch->new_level, want[i].nl);
	}
	comparison_free(c);
}

static void same_response_has_no_change(void **state)
{
	struct fx *f = *state;
	struct comparison *c = compare_compute(f->q, f->cur, f->cur);
	assert_non_null(c);
	assert_int_equal(c->nchanges, 0);
	assert_near(c->overall.delta, 0, 0);
	comparison_free(c);
}

/* A side without a score gives null figures, never a made-up zero. */
static void empty_side_has_no_score(void **state)
{
	struct fx *f = *state;
	struct response *empty = response_new(f->q, "Leeg");
	assert_non_null(empty);
	struct comparison *c = compare_compute(f->q, empty, f->cur);
	assert_non_null(c);
	assert_false(c->overall.has_old);
	assert_true(c->overall.has_new);
	assert_false(c->domains[0].has_old);
	assert_int_equal(c->nchanges, 9);       /* open (or hidden: n/a) before, answered now */

	/* JSON: null where a side has no score, numbers elsewhere. */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	struct jsonw w;
	jsonw_init(&w, mem, false);
	jsonw_object(&w);
	compare_json_fields(&w, f->q, c);
	jsonw_object_end(&w);
	fclose(mem);
	assert_non_null(strstr(buf, "\"overall\":{\"old\":null,\"new\":2.64285714285714"));
	assert_non_null(strstr(buf, "\"delta\":null"));
	assert_non_null(strstr(buf, "{\"id\":\"skills\",\"old\":null,\"new\":2.5,\"delta\":null,"
	                            "\"old_level\":null,\"new_level\":2}"));
	assert_null(strstr(buf, "nan"));
	free(buf);
	comparison_free(c);
	response_free(empty);
}

static struct response *library_response(const struct questionnaire *q, const char *org, const char *date,
                                         int services, int skills)
{
	struct response *r = response_new(q, org);
	assert_non_null(r);
	static const char *const sv[] = { "services.online-loans", "services.help-desk" };
	for (int i = 0; services && i < 2; i++)
		assert_true(response_set_level(r, qn_question_index(q, sv[i]), services));
	if (skills)
		assert_true(response_set_level(r, qn_question_index(q, "skills.training"), skills));
	assert_true(response_set_date(r, date));        /* after the answers, which set today's date */
	return r;
}

/* Issue 20, defect 8: a domain without a score this year moves "Overall"
 * although nothing changed there; the like-for-like figure compares the
 * domains scored both times. Services (weight 3) went from 3 to 2, skills
 * (weight 1, 1 before) has no score now: overall 2.5 -> 2 (-0.5), like
 * for like 3 -> 2 (-1). */
static void common_compares_like_for_like(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	struct response *old = library_response(q, "Gemeente Midsluis", "2025-11-01", 3, 1);
	struct response *cur = library_response(q, "Gemeente Midsluis", "2026-11-01", 2, 0);
	struct comparison *c = compare_compute(q, old, cur);
	assert_non_null(c);
	assert_near(c->overall.delta, -0.5, 1e-12);
	assert_true(c->partial);
	assert_int_equal(c->ncommon, 1);
	assert_true(c->in_common[qn_domain_index(q, "services")]);
	assert_false(c->in_common[qn_domain_index(q, "skills")]);
	assert_near(c->common.old_score, 3, 1e-12);
	assert_near(c->common.new_score, 2, 1e-12);
	assert_near(c->common.delta, -1, 1e-12);
	comparison_free(c);
	/* both sides scored everywhere: common is overall */
	response_free(cur);
	cur = library_response(q, "Gemeente Midsluis", "2026-11-01", 2, 2);
	c = compare_compute(q, old, cur);
	assert_false(c->partial);
	assert_near(c->common.delta, c->overall.delta, 1e-12);
	comparison_free(c);
	response_free(old);
	response_free(cur);
	questionnaire_free(q);
	diag_list_free(d);
}

/* Issue 20, defect 9: two organisations, or OLD dated after NEW. */
static void doubts_about_a_comparison(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	struct response *a = library_response(q, "Gemeente Midsluis", "2025-11-01", 3, 1);
	struct response *b = library_response(q, "  midsluis", "2026-11-01", 3, 1);
	assert_int_equal(compare_doubts(a, b), 0);
	assert_int_equal(compare_doubts(b, a), COMPARE_OLD_IS_NEWER);
	assert_true(response_set_organisation(b, "Gemeente Noordwaard"));
	assert_int_equal(compare_doubts(a, b), COMPARE_OTHER_ORGANISATION);
	/* the code decides over the name */
	assert_true(response_set_organisation_id(a, "GM0001"));
	assert_true(response_set_organisation_id(b, "gm0001"));
	assert_int_equal(compare_doubts(a, b), 0);
	assert_true(response_set_organisation_id(b, "GM0002"));
	assert_true(response_set_organisation(b, "Gemeente Midsluis"));
	assert_int_equal(compare_doubts(a, b), COMPARE_OTHER_ORGANISATION);
	response_free(a);
	response_free(b);
	questionnaire_free(q);
	diag_list_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(common_compares_like_for_like),
		cmocka_unit_test(doubts_about_a_comparison),
		cmocka_unit_test(figures_match_hand_computed),
		cmocka_unit_test(changes_are_listed_in_order),
		cmocka_unit_test(scored_equals_computed),
		cmocka_unit_test(same_response_has_no_change),
		cmocka_unit_test(empty_side_has_no_score),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
