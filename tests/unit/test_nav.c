/* Moving through an assessment (core/nav.c), as the TUI and plain mode
 * both do, on tests/fixtures/tui/town.yaml: 7 questions in 3 domains;
 * security.audit (3) is asked only when security.policy (2) is 3 or more. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/nav.h"
#include "tests/unit/testutil.h"

enum { ONLINE, ACCESSIBLE, POLICY, AUDIT, BACKUP, REGISTER, OPEN_DATA };

struct fx {
	struct questionnaire *q;
	struct response *r;
	struct nav n;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct diag_list *d = diag_list_new();
	f->q = questionnaire_load(tu_fixture("tui/town.yaml"), d);
	diag_list_free(d);
	assert_non_null(f->q);
	assert_int_equal(f->q->nquestions, 7);
	f->r = response_new(f->q, "Gemeente Test");
	assert_true(nav_init(&f->n, f->q, f->r));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	nav_fini(&f->n);
	response_free(f->r);
	questionnaire_free(f->q);
	free(f);
	return 0;
}

/* A hidden question is skipped both ways, and appears once its gate opens. */
static void steps_skip_hidden_questions(void **state)
{
	struct fx *f = *state;
	assert_int_equal(nav_step(&f->n, -1, 1), ONLINE);
	assert_int_equal(nav_step(&f->n, POLICY, 1), BACKUP);
	assert_int_equal(nav_step(&f->n, BACKUP, -1), POLICY);
	assert_int_equal(nav_step(&f->n, ONLINE, -1), -1);
	assert_int_equal(nav_step(&f->n, OPEN_DATA, 1), -1);
	assert_true(response_set_level(f->r, POLICY, 3));
	assert_int_equal(nav_step(&f->n, POLICY, 1), AUDIT);
	assert_int_equal(nav_step(&f->n, BACKUP, -1), AUDIT);
}

/* Progress counts the questions asked: a brand-new assessment is at 0 of
 * 6, and answering the gate adds a question instead of lowering the share. */
static void progress_counts_asked_questions(void **state)
{
	struct fx *f = *state;
	int done, total;
	nav_progress(&f->n, -1, &done, &total);
	assert_int_equal(done, 0);
	assert_int_equal(total, 6);
	assert_true(response_set_level(f->r, POLICY, 2));
	nav_progress(&f->n, -1, &done, &total);
	assert_int_equal(done, 1);
	assert_int_equal(total, 6);
	assert_true(response_set_level(f->r, POLICY, 4));
	nav_progress(&f->n, 1, &done, &total);
	assert_int_equal(done, 1);
	assert_int_equal(total, 3);
}

/* To do: open, carried over or proposed; Tab wraps around and ends at -1. */
static void todo_includes_unconfirmed_and_proposed(void **state)
{
	struct fx *f = *state;
	for (int qi = 0; qi < 7; qi++)
		if (qi != AUDIT)
			assert_true(response_set_level(f->r, qi, 2));
	assert_int_equal(nav_next_open(&f->n, -1), -1);
	assert_int_equal(nav_next_todo(&f->n, -1), -1);
	assert_int_equal(nav_count_todo(&f->n), 0);
	response_set_carried_over(f->r, REGISTER, true);
	response_set_proposal(f->r, ACCESSIBLE, true);
	assert_int_equal(nav_next_open(&f->n, -1), -1);
	assert_int_equal(nav_next_todo(&f->n, -1), ACCESSIBLE);
	assert_int_equal(nav_next_todo(&f->n, ACCESSIBLE), REGISTER);
	assert_int_equal(nav_next_todo(&f->n, REGISTER), ACCESSIBLE);   /* wraps */
	assert_int_equal(nav_count_todo(&f->n), 2);
	assert_int_equal(nav_unconfirmed(&f->n), 1);
	assert_int_equal(nav_domain_entry(&f->n, 2), REGISTER);
	assert_int_equal(nav_domain_entry(&f->n, 1), POLICY);
	assert_true(response_set_status(f->r, BACKUP, ANSWER_OPEN));
	assert_int_equal(nav_next_open(&f->n, OPEN_DATA), BACKUP);
}

/* A workshop's own order (contested first) is followed. */
static void an_order_of_its_own(void **state)
{
	struct fx *f = *state;
	const int order[] = { BACKUP, ONLINE, REGISTER };
	assert_true(nav_set_order(&f->n, order, 3));
	assert_int_equal(nav_position(&f->n, ONLINE), 1);
	assert_int_equal(nav_position(&f->n, POLICY), -1);
	assert_int_equal(nav_step(&f->n, -1, 1), BACKUP);
	assert_int_equal(nav_step(&f->n, BACKUP, 1), ONLINE);
	assert_int_equal(nav_next_open(&f->n, REGISTER), BACKUP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(steps_skip_hidden_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(progress_counts_asked_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(todo_includes_unconfirmed_and_proposed, setup, teardown),
		cmocka_unit_test_setup_teardown(an_order_of_its_own, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
