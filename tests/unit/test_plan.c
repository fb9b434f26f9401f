/* The decision cycle (core/response_plan*.c, scoring/plan.c): every
 * validation rule of `plan` and `targets_decided` with a broken fixture
 * under tests/fixtures/bad/plan-*, the round trip through the emitter, the
 * setters' checks, the plan's order, overdue, uncovered and totals, --from
 * carrying open actions, and allocation failures while loading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/response_plan.h"
#include "core/ydoc.h"
#include "scoring/plan.h"
#include "tests/unit/testutil.h"

static struct questionnaire *library(void)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

static struct response *load(const struct questionnaire *q, const char *rel)
{
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(tu_fixture(rel), q, d);
	if (!r)
		diag_print(d, stderr, true);
	assert_non_null(r);
	diag_list_free(d);
	return r;
}

struct bad_case {
	const char *fixture;
	const char *errors;
};

static const struct bad_case bad_cases[] = {
	{ "plan-unknown-question.yaml",
	  "7:64: error: action 'loans': 'services.helpdesk' is not a question of questionnaire "
	  "'library-digital-services'\n" },
	{ "plan-duplicate-id.yaml", "9:10: error: duplicate action id 'loans' (first at line 7)\n" },
	{ "plan-status-bad.yaml", "7:73: error: status 'finished': expected planned, in-progress, done or dropped\n" },
	{ "plan-due-bad.yaml", "7:87: error: due: expected a real date written YYYY-MM-DD\n" },
	{ "plan-cost-negative.yaml", "7:88: error: cost: expected an amount in euros of 0 or more\n" },
	{ "plan-hours-negative.yaml", "7:89: error: hours: expected a number of hours of 0 or more\n" },
	{ "plan-cost-text.yaml", "7:88: error: cost: expected a number\n" },
	{ "plan-question-twice.yaml", "7:64: error: action 'loans': 'services.online-loans' is named twice\n" },
	{ "plan-no-questions.yaml", "7:40: error: action 'loans': questions: name at least one question\n" },
	{ "plan-bad-id.yaml", "7:10: error: id 'Loans App': use lower-case letters, digits, '.', '_' and '-'\n" },
	{ "plan-missing-status.yaml", "7:5: error: missing required key 'status'\n" },
	{ "plan-unknown-key.yaml", "7:82: error: unknown key 'owners' (did you mean 'owner'?)\n" },
	{ "plan-not-a-list.yaml", "6:7: error: plan: expected a list\n" },
	{ "plan-decided-date-bad.yaml",
	  "6:43: error: targets_decided: date: expected a real date written YYYY-MM-DD\n" },
	{ "plan-decided-unknown-key.yaml", "6:37: error: unknown key 'when'\n" },
};

static void test_bad_fixtures(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "bad/%s", bad_cases[i].fixture);
		const char *path = tu_fixture(rel);
		struct diag_list *d = diag_list_new();
		struct response *r = response_load(path, q, d);
		if (r)
			print_error("%s loaded without errors\n", rel);
		assert_null(r);
		tu_assert_errors(d, path, bad_cases[i].errors);
		diag_list_free(d);
	}
	questionnaire_free(q);
}

static void test_table_covers_fixtures(void **state)
{
	(void)state;
	tu_assert_table_covers("plan-", bad_cases);
}

static void test_content_and_round_trip(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = load(q, "valid/r-plan.yaml");
	const struct decision *dec = response_targets_decided(r);
	assert_non_null(dec);
	assert_string_equal(dec->by, "gemeenteraad");
	assert_string_equal(dec->date, "2026-03-12");
	assert_string_equal(dec->reference, "raadsbesluit 2026-031");
	assert_int_equal(response_nactions(r), 3);
	const struct action *a = response_action(r, 0);
	assert_string_equal(a->id, "loans-app");
	assert_string_equal(a->owner, "Teamleider Dienstverlening");
	assert_string_equal(a->due, "2026-09-30");
	assert_int_equal(a->status, ACTION_IN_PROGRESS);
	assert_true(a->has_cost && a->cost == 15000 && a->has_hours && a->hours == 120.5);
	a = response_action(r, 1);
	assert_int_equal(a->nquestions, 2);
	assert_string_equal(q->questions[a->questions[1]].id, "skills.plan");
	assert_string_equal(a->due, "");
	assert_false(a->has_hours);
	assert_string_equal(a->note, "Two sessions: spring and autumn");
	/* Saved and read back, the text is the same: nothing lost or reordered. */
	size_t len1, len2;
	char *y1 = response_to_yaml(r, &len1);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("again.yaml", y1, len1, d);
	struct response *again = response_from_doc(doc, q, d);
	assert_non_null(again);
	assert_int_equal(diag_errors(d), 0);
	char *y2 = response_to_yaml(again, &len2);
	assert_string_equal(y1, y2);
	assert_non_null(strstr(y1, "targets_decided: {by: gemeenteraad, date: 2026-03-12, "
	                           "reference: raadsbesluit 2026-031}\n"));
	assert_non_null(strstr(y1, "  questions: [skills.training, skills.plan]\n"));
	mem_free(y1);
	mem_free(y2);
	ydoc_free(doc);
	diag_list_free(d);
	response_free(again);
	response_free(r);
	questionnaire_free(q);
}

/* Texts a YAML reader would take for something else stay texts. */
static void test_tricky_texts_survive(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "X");
	int qs[] = { 0 };
	struct action a = { .id = "1.0", .title = "yes", .questions = qs, .nquestions = 1, .owner = "null",
	                    .note = "line one\nline two: \"quoted\"", .status = ACTION_DONE };
	assert_true(response_add_action(r, &a));
	assert_true(response_set_targets_decided(r, "no", NULL, "2026-01-01"));
	size_t len;
	char *y = response_to_yaml(r, &len);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", y, len, d);
	struct response *back = response_from_doc(doc, q, d);
	assert_non_null(back);
	const struct action *b = response_action(back, 0);
	assert_string_equal(b->id, "1.0");
	assert_string_equal(b->title, "yes");
	assert_string_equal(b->owner, "null");
	assert_string_equal(b->note, "line one\nline two: \"quoted\"");
	assert_string_equal(response_targets_decided(back)->by, "no");
	assert_string_equal(response_targets_decided(back)->reference, "2026-01-01");
	assert_string_equal(response_targets_decided(back)->date, "");
	mem_free(y);
	ydoc_free(doc);
	diag_list_free(d);
	response_free(back);
	response_free(r);
	questionnaire_free(q);
}

static void test_setters_refuse_what_the_loader_refuses(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "X");
	int one[] = { 0 }, twice[] = { 1, 1 }, out[] = { 99 };
	struct action ok = { .id = "a", .title = "T", .questions = one, .nquestions = 1 };
	struct action bad = ok;
	assert_true(response_add_action(r, &ok));
	assert_false(response_add_action(r, &ok));              /* id taken */
	bad.id = "Upper";
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.title = "";
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.nquestions = 0;
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.questions = twice, bad.nquestions = 2;
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.questions = out;
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b";
	memcpy(bad.due, "2027-02-29", 11);
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.has_cost = true, bad.cost = -1;
	assert_false(response_add_action(r, &bad));
	bad = ok, bad.id = "b", bad.has_hours = true, bad.hours = -0.5;
	assert_false(response_add_action(r, &bad));
	assert_int_equal(response_nactions(r), 1);
	assert_false(response_set_targets_decided(r, "raad", "2026-13-01", NULL));
	assert_null(response_targets_decided(r));
	/* Replacing may keep its own id but not take another's. */
	bad = ok, bad.id = "b";
	assert_true(response_add_action(r, &bad));
	bad.id = "a";
	assert_false(response_replace_action(r, 1, &bad));
	bad.id = "b", bad.title = "New title";
	assert_true(response_replace_action(r, 1, &bad));
	assert_string_equal(response_action(r, 1)->title, "New title");
	assert_true(response_remove_action(r, 0));
	assert_int_equal(response_find_action(r, "b"), 0);
	response_free(r);
	questionnaire_free(q);
}

static void test_new_ids(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "X");
	int one[] = { 0 };
	char *id = response_new_action_id(r, "services.online-loans");
	assert_string_equal(id, "services.online-loans");
	struct action a = { .id = id, .title = "T", .questions = one, .nquestions = 1 };
	assert_true(response_add_action(r, &a));
	char *next = response_new_action_id(r, "services.online-loans");
	assert_string_equal(next, "services.online-loans-2");
	char *words = response_new_action_id(r, "  Back-ups: OFFLINE & getest! ");
	assert_string_equal(words, "back-ups-offline-getest");
	char *none = response_new_action_id(r, "€€€");
	assert_string_equal(none, "action");
	mem_free(id);
	mem_free(next);
	mem_free(words);
	mem_free(none);
	response_free(r);
	questionnaire_free(q);
}

/* The SPEC's rules on the fixture: order by due date (none last) then id,
 * overdue only when open and due before today, dropped actions neither
 * cover nor count. */
static void test_plan_view(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = load(q, "valid/r-plan.yaml");
	struct scorecard *s = score_compute(q, r);
	struct plan_view *v = plan_compute(r, s, "2026-09-30");
	assert_int_equal(v->order[0], 0);                       /* loans-app: dated */
	assert_int_equal(v->order[1], 2);                       /* old before training */
	assert_int_equal(v->order[2], 1);
	assert_false(v->overdue[0]);                            /* due today */
	plan_view_free(v);
	v = plan_compute(r, s, "2026-10-01");
	assert_true(v->overdue[0]);
	assert_int_equal(v->noverdue, 1);
	assert_int_equal(v->nopen, 2);
	assert_true(v->cost == 19000 && v->hours == 120.5);     /* the dropped 99999 left out */
	assert_int_equal(v->nuncovered, 1);
	assert_string_equal(q->questions[v->uncovered[0]].id, "services.help-desk");
	plan_view_free(v);
	/* Done actions still cover; the index lists them, dropped ones not. */
	assert_true(response_set_action_status(r, 1, ACTION_DONE));
	struct plan_index *x = plan_index_new(r);
	const int *ids;
	assert_int_equal(plan_index_get(x, qn_question_index(q, "skills.training"), &ids), 1);
	assert_int_equal(ids[0], 1);
	assert_int_equal(plan_index_get(x, qn_question_index(q, "services.help-desk"), &ids), 0);
	plan_index_free(x);
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
}

static void test_carry_plan(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *old = load(q, "valid/r-plan.yaml");
	assert_true(response_set_action_status(old, 1, ACTION_DONE));
	struct response *r = response_new(q, "");
	assert_true(response_set_organisation_id(old, "GM9999"));
	assert_true(response_carry_over(r, old));
	assert_string_equal(response_organisation(r), "Bibliotheek Proefstad");
	assert_string_equal(response_organisation_id(r), "GM9999");
	assert_int_equal(response_nactions(r), 1);              /* done and dropped stay behind */
	const struct action *a = response_action(r, 0);
	assert_string_equal(a->id, "loans-app");
	assert_true(a->carried_over);
	assert_int_equal(a->status, ACTION_IN_PROGRESS);
	assert_string_equal(response_targets_decided(r)->by, "gemeenteraad");
	assert_true(response_set_action_status(r, 0, ACTION_DONE));
	assert_false(response_action(r, 0)->carried_over);      /* confirmed */
	response_free(r);
	response_free(old);
	questionnaire_free(q);
}

static void test_amounts_grouped(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(num_grouped(b, "en", 15000, 0), "15,000");
	assert_string_equal(num_grouped(b, "nl", 15000, 0), "15.000");
	assert_string_equal(num_grouped(b, "nl", 1234567.5, 2), "1.234.567,50");
	assert_string_equal(num_grouped(b, "en", 999, 0), "999");
	assert_string_equal(num_grouped(b, "en", -1500, 0), "-1,500");
}

static void test_allocation_failures(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	const char *path = tu_fixture("valid/r-plan.yaml");
	unsigned long n;
	for (n = 1; n < 100000; n++) {
		struct diag_list *d = diag_list_new();
		mem_fail_from(n);
		struct response *r = response_load(path, q, d);
		mem_fail_from(0);
		if (r) {
			assert_int_equal(response_nactions(r), 3);
			response_free(r);
			diag_list_free(d);
			break;
		}
		assert_true(diag_errors(d) > 0);
		diag_list_free(d);
	}
	assert_true(n > 10);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_table_covers_fixtures),
		cmocka_unit_test(test_content_and_round_trip),
		cmocka_unit_test(test_tricky_texts_survive),
		cmocka_unit_test(test_setters_refuse_what_the_loader_refuses),
		cmocka_unit_test(test_new_ids),
		cmocka_unit_test(test_plan_view),
		cmocka_unit_test(test_carry_plan),
		cmocka_unit_test(test_amounts_grouped),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
