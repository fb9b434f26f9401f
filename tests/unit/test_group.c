/* Group statistics (scoring/group.c), on cases computed by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/mem.h"
#include "core/questionnaire.h"
#include "core/response.h"
#include "core/ydoc.h"
#include "scoring/group.h"

#define EPS 1e-9

/* cmocka 1.1.5's assert_float_equal prints only a few digits. */
#define assert_near(a, b, eps) assert_near_(a, b, eps, __FILE__, __LINE__)
static void assert_near_(double a, double b, double eps, const char *file, int line)
{
	if (!(fabs(a - b) <= eps)) {
		print_error("%.15g != %.15g\n", a, b);
		_fail(file, line);
	}
}

/* Five levels 1..5; q.b is asked only when q.a >= 2; q.c may not be na. */
static const char *const five =
	"peil: 1\nid: five\nversion: \"1\"\nlanguages: [en]\ntitle: Five\n"
	"levels:\n"
	"  - {value: 1, label: One}\n  - {value: 2, label: Two}\n  - {value: 3, label: Three}\n"
	"  - {value: 4, label: Four}\n  - {value: 5, label: Five}\n"
	"domains:\n"
	"  - id: d\n    title: D\n    questions:\n"
	"      - id: q.a\n        text: A\n        help: h\n        weight: 2\n        answers:\n"
	"          - {level: 1, text: a}\n          - {level: 2, text: b}\n          - {level: 3, text: c}\n"
	"          - {level: 4, text: d}\n          - {level: 5, text: e}\n"
	"      - id: q.b\n        text: B\n        help: h\n        show_if: {question: q.a, min: 2}\n        answers:\n"
	"          - {level: 1, text: a}\n          - {level: 2, text: b}\n          - {level: 3, text: c}\n"
	"          - {level: 4, text: d}\n          - {level: 5, text: e}\n"
	"  - id: e\n    title: E\n    questions:\n"
	"      - id: q.c\n        text: C\n        help: h\n        allow_na: false\n        answers:\n"
	"          - {level: 1, text: a}\n          - {level: 2, text: b}\n          - {level: 3, text: c}\n"
	"          - {level: 4, text: d}\n          - {level: 5, text: e}\n";

/* Two levels, values 0 and 1: the consensus width is 1. */
static const char *const two =
	"peil: 1\nid: two\nversion: \"1\"\nlanguages: [en]\ntitle: Two\n"
	"levels:\n  - {value: 0, label: \"No\"}\n  - {value: 1, label: \"Yes\"}\n"
	"domains:\n  - id: d\n    title: D\n    questions:\n"
	"      - id: q.yes\n        text: Y\n        help: h\n        answers:\n"
	"          - {level: 0, text: n}\n          - {level: 1, text: y}\n";

static struct questionnaire *load(const char *text)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("q.yaml", text, strlen(text), d);
	assert_non_null(doc);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	if (!q)
		diag_print(d, stderr, false);
	assert_non_null(q);
	ydoc_free(doc);
	diag_list_free(d);
	return q;
}

/* One respondent per string: a character per question, '1'..'9' a level
 * (the n-th level), 'n' not applicable, 'u' don't know, '.' open. */
static void add(struct group_acc *acc, const struct questionnaire *q, const char *answers)
{
	struct response *r = response_new(q, "Gemeente Test");
	assert_non_null(r);
	for (int i = 0; answers[i]; i++) {
		char c = answers[i];
		if (c >= '1' && c <= '9')
			assert_true(response_set_level(r, i, q->levels[c - '1'].value));
		else if (c == 'n')
			assert_true(response_set_status(r, i, ANSWER_NA));
		else if (c == 'u')
			assert_true(response_set_status(r, i, ANSWER_UNKNOWN));
	}
	assert_true(group_acc_add(acc, r));
	response_free(r);
}

/* The statistics of a group given as strings, as above. */
static struct group_stats *group(const struct questionnaire *q, const char *const *people, int n)
{
	struct group_acc *acc = group_acc_new(q);
	assert_non_null(acc);
	for (int i = 0; i < n; i++)
		add(acc, q, people[i]);
	struct group_stats *s = group_finish(acc);
	assert_non_null(s);
	group_acc_free(acc);
	return s;
}

static void test_even_n_median_is_mean_of_middle_two(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	/* q.a: 1 2 2 3 4 5 -> middle 2 and 3 */
	const char *people[] = { "1", "2", "2", "3", "4", "5" };
	struct group_stats *s = group(q, people, 6);
	const struct group_question *g = &s->questions[0];
	assert_int_equal(g->n, 6);
	assert_true(g->has_stats);
	assert_near(g->median, 2.5, EPS);
	assert_near(g->mean, 17.0 / 6, EPS);
	assert_int_equal(g->min, 1);
	assert_int_equal(g->max, 5);
	/* sum x^2 = 59, n mean^2 = 289/6: variance 65/36 */
	assert_near(g->sd, sqrt(65.0) / 6, EPS);
	int want[] = { 1, 2, 1, 1, 1 };
	for (int i = 0; i < 5; i++)
		assert_int_equal(g->counts[i], want[i]);
	int level;
	assert_true(group_proposal(q, g, &level));
	assert_int_equal(level, 2);            /* the lower median */
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_even_n_two_votes(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "2", "4" };
	struct group_stats *s = group(q, people, 2);
	const struct group_question *g = &s->questions[0];
	assert_near(g->median, 3.0, EPS);      /* a level nobody chose */
	assert_near(g->sd, 1.0, EPS);
	/* both 1/4 of the width from the mean: 1 + log2(3/4) */
	assert_near(g->consensus, 1 + log2(0.75), EPS);
	assert_true(g->contested);                      /* 4 - 2 >= 2 */
	int level;
	assert_true(group_proposal(q, g, &level));
	assert_int_equal(level, 2);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_single_respondent(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "435" };
	struct group_stats *s = group(q, people, 1);
	assert_int_equal(s->respondents, 1);
	const struct group_question *g = &s->questions[0];
	assert_int_equal(g->n, 1);
	assert_near(g->mean, 4, EPS);
	assert_near(g->median, 4, EPS);
	assert_int_equal(g->min, 4);
	assert_int_equal(g->max, 4);
	assert_near(g->sd, 0, EPS);
	assert_near(g->consensus, 1, EPS);
	assert_false(g->contested);
	/* domain d: (2*4 + 1*3) / 3 */
	assert_int_equal(s->domains[0].n, 1);
	assert_near(s->domains[0].mean, 11.0 / 3, EPS);
	assert_near(s->domains[0].min, 11.0 / 3, EPS);
	assert_near(s->domains[0].max, 11.0 / 3, EPS);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_all_not_applicable(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "nnu", "nn.", "unu" };
	struct group_stats *s = group(q, people, 3);
	const struct group_question *a = &s->questions[0], *c = &s->questions[2];
	assert_int_equal(a->n, 0);
	assert_false(a->has_stats);
	assert_false(a->contested);
	assert_int_equal(a->na, 2);
	assert_int_equal(a->unknown, 1);
	/* q.b is hidden for everyone (q.a has no level): counted as na */
	assert_int_equal(s->questions[1].na, 3);
	assert_int_equal(c->unknown, 2);
	assert_int_equal(c->open, 1);
	assert_false(s->domains[0].has_stats);
	assert_int_equal(s->domains[0].n, 0);
	int level;
	assert_false(group_proposal(q, a, &level));
	/* merged: na where most said so, don't know where nobody could say na */
	struct response *r = response_new(q, "G");
	assert_true(group_apply(q, s, r));
	assert_int_equal(response_answer(r, 0)->status, ANSWER_NA);
	assert_int_equal(response_answer(r, 2)->status, ANSWER_UNKNOWN);
	assert_non_null(response_answer(r, 0)->votes);     /* zeros: nobody chose a level */
	assert_int_equal(response_answer(r, 0)->votes[0], 0);
	assert_int_equal(response_participants(r), 3);
	response_free(r);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_two_level_scale(void **state)
{
	(void)state;
	struct questionnaire *q = load(two);
	const char *split[] = { "1", "2" };
	struct group_stats *s = group(q, split, 2);
	const struct group_question *g = &s->questions[0];
	/* half 0, half 1: each half the width from the mean 0.5: 1 + log2(1/2) = 0 */
	assert_near(g->mean, 0.5, EPS);
	assert_near(g->median, 0.5, EPS);
	assert_near(g->consensus, 0, EPS);
	assert_true(g->contested);             /* by consensus: the range is only 1 */
	group_stats_free(s);

	const char *most[] = { "1", "1", "1", "2" };
	s = group(q, most, 4);
	g = &s->questions[0];
	/* mean 1/4: 1 + 3/4 log2(1 - 1/4) + 1/4 log2(1 - 3/4) */
	assert_near(g->mean, 0.25, EPS);
	assert_near(g->median, 0, EPS);
	assert_near(g->sd, sqrt(3.0) / 4, EPS);
	assert_near(g->consensus, 1 + 0.75 * log2(0.75) + 0.25 * log2(0.25), EPS);
	assert_near(g->consensus, 0.188721875540867, 1e-12);
	assert_true(g->contested);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_extremes_have_no_consensus(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "1", "5", "1", "5" };
	struct group_stats *s = group(q, people, 4);
	assert_near(s->questions[0].consensus, 0, EPS);
	assert_near(s->questions[0].sd, 2, EPS);
	group_stats_free(s);
	questionnaire_free(q);
}

/* Contested: consensus < 0.6 or an interquartile range above one level
 * (SPEC). One outlier on each side widens the range, not the middle half. */
static void test_contested_by_iqr_not_by_outliers(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	/* 3 4 4 4 4 5: consensus 1 + 1/3 log2(3/4) = 0.86; range 2, but
	 * p25 (position 1.25) = 4 and p75 (3.75) = 4: iqr 0, agreed. */
	const char *people[] = { "3", "4", "4", "4", "4", "5" };
	struct group_stats *s = group(q, people, 6);
	assert_near(s->questions[0].consensus, 1 + log2(0.75) / 3, EPS);
	assert_near(s->questions[0].iqr, 0, EPS);
	assert_false(s->questions[0].contested);
	group_stats_free(s);
	/* 2 2 3 4 4: consensus 1 + 0.8 log2(3/4) = 0.67, yet p25 = 2 and
	 * p75 = 4 (positions 1 and 3): iqr 2, contested by the spread alone. */
	const char *split[] = { "2", "2", "3", "4", "4" };
	s = group(q, split, 5);
	assert_near(s->questions[0].consensus, 1 + 0.8 * log2(0.75), EPS);
	assert_true(s->questions[0].consensus >= 0.6);
	assert_near(s->questions[0].iqr, 2, EPS);
	assert_true(s->questions[0].contested);
	group_stats_free(s);
	/* 1 2 2 3: p25 at 0.75 = 1.75, p75 at 2.25 = 2.25: iqr 0.5 (interpolated) */
	const char *four[] = { "1", "2", "2", "3" };
	s = group(q, four, 4);
	assert_near(s->questions[0].iqr, 0.5, EPS);
	group_stats_free(s);
	/* 3 3 3 4: range 1, consensus 1 + 3/4 log2(15/16) + 1/4 log2(13/16) */
	const char *calm[] = { "3", "3", "3", "4" };
	s = group(q, calm, 4);
	assert_near(s->questions[0].consensus, 1 + 0.75 * log2(15.0 / 16) + 0.25 * log2(13.0 / 16), EPS);
	assert_false(s->questions[0].contested);
	group_stats_free(s);
	questionnaire_free(q);
}

/* Issue 19: an outlier of an agreed question ("one participant chose 5"),
 * none on a contested one, where the spread is the point. */
static void test_outliers(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "3", "3", "3", "3", "3", "3", "5" };
	struct group_stats *s = group(q, people, 7);
	bool out[5];
	assert_false(s->questions[0].contested);
	assert_near(s->questions[0].p25, 3, EPS);
	assert_near(s->questions[0].p75, 3, EPS);
	assert_int_equal(group_outliers(q, &s->questions[0], out), 1);
	assert_true(out[4]);
	assert_false(out[2]);
	group_stats_free(s);
	/* 3 4 4 4 4 5: p25 = p75 = 4, and 3 and 5 are one level away: no outlier */
	const char *near[] = { "3", "4", "4", "4", "4", "5" };
	s = group(q, near, 6);
	assert_int_equal(group_outliers(q, &s->questions[0], out), 0);
	group_stats_free(s);
	const char *split[] = { "1", "1", "3", "5", "5" };
	s = group(q, split, 5);
	assert_true(s->questions[0].contested);
	assert_int_equal(group_outliers(q, &s->questions[0], out), 0);
	group_stats_free(s);
	questionnaire_free(q);
}

/* Issue 19: a resumed session's decisions stay; undecided questions get
 * the proposal of the current votes, with the n/a and don't know counts. */
static void test_apply_undecided_keeps_decisions(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "2u4", "2u4", "3n5" };
	struct group_stats *s = group(q, people, 3);
	struct response *r = response_new(q, "G");
	assert_true(response_set_level(r, 0, 5));          /* decided before */
	assert_true(group_apply_undecided(q, s, r));
	const struct answer *a = response_answer(r, 0);
	assert_int_equal(a->level, 5);
	assert_false(a->proposal);
	assert_int_equal(a->votes[1], 2);
	const struct answer *b = response_answer(r, 1);
	assert_int_equal(b->votes_unknown, 2);
	assert_int_equal(b->votes_na, 1);
	assert_true(b->proposal);
	response_free(r);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_hidden_question_does_not_count(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	/* the first person's q.b is hidden (q.a = 1), so only 4 and 2 count */
	const char *people[] = { "15", "34", "22" };
	struct group_stats *s = group(q, people, 3);
	const struct group_question *b = &s->questions[1];
	assert_int_equal(b->n, 2);
	assert_int_equal(b->na, 1);
	assert_near(b->mean, 3, EPS);
	/* domain d: (2*1)/2 = 1 (q.b hidden), (2*3+4)/3, (2*2+2)/3 */
	assert_int_equal(s->domains[0].n, 3);
	assert_near(s->domains[0].min, 1, EPS);
	assert_near(s->domains[0].max, 10.0 / 3, EPS);
	assert_near(s->domains[0].mean, (1 + 10.0 / 3 + 2) / 3, EPS);
	assert_false(s->domains[1].has_stats);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_order_contested_first_ties_in_order(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	/* q.a calm (3 3), q.b unanswered, q.c split (1 5): c, a, b */
	const char *people[] = { "3.1", "3.5" };
	struct group_stats *s = group(q, people, 2);
	int order[3];
	group_order(s, order);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 0);
	assert_int_equal(order[2], 1);
	group_stats_free(s);
	/* identical figures keep questionnaire order */
	const char *same[] = { "2.2", "4.4" };
	s = group(q, same, 2);
	group_order(s, order);
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 1);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_merge_equals_one_pass(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const char *people[] = { "123", "45u", "21u", "5.4", "33." };
	struct group_acc *a = group_acc_new(q), *b = group_acc_new(q);
	for (int i = 0; i < 5; i++)
		add(i < 2 ? a : b, q, people[i]);
	group_acc_merge(a, b);
	assert_int_equal(group_acc_respondents(a), 5);
	struct group_stats *m = group_finish(a), *s = group(q, people, 5);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(m->questions[i].n, s->questions[i].n);
		assert_near(m->questions[i].mean, s->questions[i].mean, EPS);
		assert_near(m->questions[i].consensus, s->questions[i].consensus, EPS);
		assert_int_equal(m->questions[i].unknown, s->questions[i].unknown);
	}
	for (int d = 0; d < 2; d++) {
		assert_near(m->domains[d].mean, s->domains[d].mean, EPS);
		assert_near(m->domains[d].min, s->domains[d].min, EPS);
		assert_near(m->domains[d].max, s->domains[d].max, EPS);
	}
	group_stats_free(m);
	group_stats_free(s);
	group_acc_free(a);
	group_acc_free(b);
	questionnaire_free(q);
}

static void test_apply_votes_and_proposals(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	/* q.a: 1 1 3 -> proposal 1, which hides q.b: its votes stay, no level */
	const char *people[] = { "1.2", "1.2", "344" };
	struct group_stats *s = group(q, people, 3);
	struct response *r = response_new(q, "G");
	assert_true(group_apply(q, s, r));
	const struct answer *a = response_answer(r, 0);
	assert_int_equal(a->status, ANSWER_LEVEL);
	assert_int_equal(a->level, 1);
	assert_true(a->proposal);
	assert_int_equal(a->votes[0], 2);
	assert_int_equal(a->votes[2], 1);
	const struct answer *b = response_answer(r, 1);
	assert_int_equal(b->status, ANSWER_OPEN);
	assert_false(b->proposal);
	assert_non_null(b->votes);
	assert_int_equal(b->votes[3], 1);
	assert_int_equal(response_answer(r, 2)->level, 2);
	response_free(r);
	group_stats_free(s);
	questionnaire_free(q);
}

static void test_from_votes(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	struct response *r = response_new(q, "G");
	int votes[] = { 0, 3, 0, 0, 2 };
	assert_true(response_set_votes(r, 2, votes));
	response_set_participants(r, 6);
	struct group_stats *s = group_from_votes(q, r);
	assert_int_equal(s->respondents, 6);
	assert_int_equal(s->questions[0].n, 0);
	assert_false(s->questions[0].has_stats);
	const struct group_question *c = &s->questions[2];
	assert_int_equal(c->n, 5);
	assert_near(c->mean, 3.2, EPS);
	assert_near(c->median, 2, EPS);
	/* 2 2 2 5 5: range 3 */
	assert_true(c->contested);
	int order[3];
	group_order(s, order);
	assert_int_equal(order[0], 2);
	group_stats_free(s);
	response_free(r);
	questionnaire_free(q);
}

/* Issue 13.6: three counts just below the loader's per-count limit passed
 * INT_MAX in the sum; consensus came out as 149.27 and the question, with
 * votes on three levels, as not contested. Sums are 64-bit now, and
 * consensus lies in 0..1 whatever the counts. */
static void test_votes_past_int_max(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const int counts[] = { 999999998, 999999998, 999999998, 0, 0 };
	struct group_question g;
	group_question_stats(q, counts, &g);
	assert_true(g.has_stats);
	assert_near(g.mean, 2, EPS);
	assert_near(g.median, 2, EPS);
	assert_int_equal(g.min, 1);
	assert_int_equal(g.max, 3);
	/* 1 + 2/3 log2(3/4), as for one vote on each of 1, 2, 3. */
	assert_near(g.consensus, 1 + 2.0 / 3 * log2(0.75), 1e-9);
	assert_near(g.iqr, 2, EPS);
	assert_true(g.contested);
	questionnaire_free(q);
}

/* At the file's limit (RESPONSE_MAX_VOTES in all) the figures are exact. */
static void test_votes_at_the_file_limit(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	const int counts[] = { 333333333, 0, 333333333, 0, 333333333 };
	struct group_question g;
	group_question_stats(q, counts, &g);
	assert_int_equal(g.n, RESPONSE_MAX_VOTES);
	assert_near(g.mean, 3, EPS);
	assert_near(g.median, 3, EPS);
	assert_true(g.consensus >= 0 && g.consensus <= 1);
	assert_near(g.consensus, 1 + 2.0 / 3 * log2(0.5), 1e-9);
	assert_true(g.contested);
	const int one[] = { 0, 0, 0, 0, RESPONSE_MAX_VOTES };
	group_question_stats(q, one, &g);
	assert_near(g.consensus, 1, EPS);
	assert_false(g.contested);
	questionnaire_free(q);
}

static void test_out_of_memory_counts_nothing(void **state)
{
	(void)state;
	struct questionnaire *q = load(five);
	struct group_acc *acc = group_acc_new(q);
	struct response *r = response_new(q, "G");
	assert_true(response_set_level(r, 0, 3));
	mem_fail_from(1);
	bool ok = group_acc_add(acc, r);
	mem_fail_from(0);
	assert_false(ok);
	assert_int_equal(group_acc_respondents(acc), 0);
	mem_fail_from(1);
	struct group_stats *none = group_finish(acc);
	mem_fail_from(0);
	assert_null(none);
	struct group_stats *s = group_finish(acc);
	assert_int_equal(s->questions[0].n, 0);
	group_stats_free(s);
	response_free(r);
	group_acc_free(acc);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_even_n_median_is_mean_of_middle_two),
		cmocka_unit_test(test_even_n_two_votes),
		cmocka_unit_test(test_single_respondent),
		cmocka_unit_test(test_all_not_applicable),
		cmocka_unit_test(test_two_level_scale),
		cmocka_unit_test(test_extremes_have_no_consensus),
		cmocka_unit_test(test_contested_by_iqr_not_by_outliers),
		cmocka_unit_test(test_outliers),
		cmocka_unit_test(test_apply_undecided_keeps_decisions),
		cmocka_unit_test(test_hidden_question_does_not_count),
		cmocka_unit_test(test_order_contested_first_ties_in_order),
		cmocka_unit_test(test_merge_equals_one_pass),
		cmocka_unit_test(test_apply_votes_and_proposals),
		cmocka_unit_test(test_from_votes),
		cmocka_unit_test(test_votes_past_int_max),
		cmocka_unit_test(test_votes_at_the_file_limit),
		cmocka_unit_test(test_out_of_memory_counts_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
