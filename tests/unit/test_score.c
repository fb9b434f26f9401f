/* Scoring (scoring/score.c) on two level scales, with every figure worked
 * out by hand from the fixtures in tests/fixtures/scoring/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <time.h>

#include "core/response.h"
#include "core/ydoc.h"
#include "scoring/score.h"
#include "tests/unit/testutil.h"

#define assert_near(got, want) do { \
		double g_ = (got), w_ = (want); \
		if (!(fabs(g_ - w_) < 1e-9)) \
			print_error("%s = %.17g, expected %.17g\n", #got, g_, w_); \
		assert_true(fabs(g_ - w_) < 1e-9); \
	} while (0)

struct fixture {
	struct questionnaire *q;
	struct response *r;
	struct scorecard *s;
};

static void load(struct fixture *f, const char *qrel, const char *rrel)
{
	struct diag_list *d = diag_list_new();
	f->q = questionnaire_load(tu_fixture(qrel), d);
	assert_non_null(f->q);
	f->r = response_load(tu_fixture(rrel), f->q, d);
	assert_non_null(f->r);
	diag_list_free(d);
	f->s = score_compute(f->q, f->r);
	assert_non_null(f->s);
}

static void unload(struct fixture *f)
{
	scorecard_free(f->s);
	response_free(f->r);
	questionnaire_free(f->q);
}

static void assert_counts(const struct domain_score *ds, int answered, int na, int unknown, int open,
                          int hidden)
{
	assert_int_equal(ds->answered, answered);
	assert_int_equal(ds->na, na);
	assert_int_equal(ds->unknown, unknown);
	assert_int_equal(ds->open, open);
	assert_int_equal(ds->hidden, hidden);
	assert_int_equal(ds->total, answered + na + unknown + open + hidden);
}

/* Scale 1–5 (s15.yaml, r15.yaml):
 *   a (weight 2, target 4 from the questionnaire):
 *     a.1 w1 level 2, a.2 w2 level 3, a.3 w0 level 5 (answered, not scored),
 *     a.4 na, a.5 open            -> (1*2 + 2*3) / 3 = 8/3, level 2, gap 4/3
 *   b (weight 0.5, target 3 from the file):
 *     b.1 w1 level 2, b.2 hidden (b.1 < 3; its level 5 is not counted),
 *     b.3 w3 level 4              -> (2 + 12) / 4 = 3.5, level 3, gap -0.5
 *   c (target 2 in the questionnaire, 5 in the file): c.1 unknown -> no score
 *   d: d.1 w0 level 5           -> answered, but no score
 *   overall = (2 * 8/3 + 0.5 * 3.5) / 2.5 = 17/6, level 2
 *   progress = (6 answered + 1 na + 1 unknown) / (10 - 1 hidden) = 8/9
 *   priorities: a.1 (4-2)*1*2 = 4, a.2 (4-3)*2*2 = 4 (tie: file order),
 *               b.1 (3-2)*1*0.5 = 0.5; b.3 is above target, a.3 weighs 0. */
static void test_scale_1_to_5(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s15.yaml", "scoring/r15.yaml");
	const struct scorecard *s = f.s;
	assert_int_equal(s->ndomains, 4);
	const struct domain_score *a = &s->domains[0], *b = &s->domains[1];
	const struct domain_score *c = &s->domains[2], *d = &s->domains[3];
	assert_true(a->has_score);
	assert_near(a->score, 8.0 / 3);
	assert_int_equal(a->level, 2);
	assert_true(a->has_target);
	assert_int_equal(a->target, 4);
	assert_near(a->gap, 4.0 / 3);
	assert_counts(a, 3, 1, 0, 1, 0);
	assert_near(b->score, 3.5);
	assert_int_equal(b->level, 3);
	assert_int_equal(b->target, 3);
	assert_near(b->gap, -0.5);
	assert_counts(b, 2, 0, 0, 0, 1);
	assert_false(c->has_score);
	assert_true(c->has_target);
	assert_int_equal(c->target, 5);         /* the file's target wins */
	assert_counts(c, 0, 0, 1, 0, 0);
	assert_false(d->has_score);             /* only a weight-0 answer */
	assert_false(d->has_target);
	assert_counts(d, 1, 0, 0, 0, 0);
	assert_true(s->has_overall);
	assert_near(s->overall, 17.0 / 6);
	assert_int_equal(s->overall_level, 2);
	assert_near(s->progress, 8.0 / 9);
	assert_int_equal(s->answered, 6);
	assert_int_equal(s->na, 1);
	assert_int_equal(s->hidden, 1);
	assert_int_equal(s->unknown, 1);
	assert_int_equal(s->open, 1);
	assert_int_equal(s->total, 10);
	assert_int_equal(s->npriorities, 3);
	static const char *const order[] = { "a.1", "a.2", "b.1" };
	static const double weights[] = { 4, 4, 0.5 };
	for (int i = 0; i < 3; i++) {
		assert_string_equal(f.q->questions[s->priorities[i].question].id, order[i]);
		assert_near(s->priorities[i].weight, weights[i]);
	}
	assert_int_equal(s->priorities[2].level, 2);
	assert_int_equal(s->priorities[2].target, 3);
	assert_int_equal(s->priorities[2].domain, 1);
	unload(&f);
}

/* Scale 0–3 (s03.yaml, r03.yaml): level 0 is a real answer, not "none".
 *   x (target 3): x.1 0, x.2 3, x.3 2     -> 5/3, level 1, gap 4/3
 *   y (weight 3): y.1 w1 0, y.2 w2 1      -> 2/3, level 0 (highest level <= score)
 *   overall = (5/3 + 3 * 2/3) / 4 = 11/12, level 0; progress 1
 *   priorities: x.1 (3-0) = 3, x.3 (3-2) = 1; x.2 is at target. */
static void test_scale_0_to_3(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s03.yaml", "scoring/r03.yaml");
	const struct scorecard *s = f.s;
	assert_near(s->domains[0].score, 5.0 / 3);
	assert_int_equal(s->domains[0].level, 1);
	assert_near(s->domains[0].gap, 4.0 / 3);
	assert_true(s->domains[1].has_score);
	assert_near(s->domains[1].score, 2.0 / 3);
	assert_int_equal(s->domains[1].level, 0);
	assert_false(s->domains[1].has_target);
	assert_near(s->overall, 11.0 / 12);
	assert_int_equal(s->overall_level, 0);
	assert_near(s->progress, 1.0);
	assert_int_equal(s->npriorities, 2);
	assert_string_equal(f.q->questions[s->priorities[0].question].id, "x.1");
	assert_int_equal(s->priorities[0].level, 0);
	assert_near(s->priorities[0].weight, 3);
	assert_string_equal(f.q->questions[s->priorities[1].question].id, "x.3");
	unload(&f);
}

/* Nothing answered: no scores, no priorities, progress 0: the hidden b.2
 * is not asked, so it is neither done nor to do (SPEC). */
static void test_all_open(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s15.yaml", "scoring/r15-empty.yaml");
	assert_false(f.s->has_overall);
	for (int d = 0; d < f.s->ndomains; d++)
		assert_false(f.s->domains[d].has_score);
	assert_near(f.s->progress, 0.0);
	assert_int_equal(f.s->npriorities, 0);
	/* b.2 is hidden while b.1 is open: counted as hidden only. */
	assert_counts(&f.s->domains[1], 0, 0, 0, 2, 1);
	assert_counts(&f.s->domains[0], 0, 0, 0, 5, 0);
	unload(&f);
}

/* Changing answers through the setters changes the figures as the SPEC says. */
static void test_changes_through_setters(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s15.yaml", "scoring/r15.yaml");
	scorecard_free(f.s);
	int b1 = qn_question_index(f.q, "b.1");
	assert_true(response_set_level(f.r, b1, 3));   /* shows b.2 (level 5) */
	response_clear_target(f.r, 2);                 /* c: back to the questionnaire's 2 */
	f.s = score_compute(f.q, f.r);
	/* b = (1*3 + 1*5 + 3*4) / 5 = 4 */
	assert_near(f.s->domains[1].score, 4.0);
	assert_int_equal(f.s->domains[1].level, 4);
	assert_counts(&f.s->domains[1], 3, 0, 0, 0, 0);
	assert_int_equal(f.s->domains[2].target, 2);
	/* overall = (2 * 8/3 + 0.5 * 4) / 2.5 = 44/15 */
	assert_near(f.s->overall, 44.0 / 15);
	/* priorities now a.1, a.2 only: b is at or above its target 3 */
	assert_int_equal(f.s->npriorities, 2);
	unload(&f);
}

/* Any scale: values with gaps between them (10, 20, 40). */
static void test_sparse_scale(void **state)
{
	(void)state;
	const char *text =
		"peil: 1\nid: sparse\nversion: \"1\"\nlanguages: [en]\ntitle: Sparse\n"
		"levels: [{value: 10, label: Low}, {value: 20, label: Mid}, {value: 40, label: Top}]\n"
		"domains:\n  - id: d\n    title: D\n    target: 40\n    questions:\n"
		"      - {id: p, text: P, answers: [{level: 10, text: a}, {level: 20, text: b}, {level: 40, text: c}]}\n"
		"      - {id: q, text: Q, answers: [{level: 10, text: a}, {level: 20, text: b}, {level: 40, text: c}]}\n";
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("sparse.yaml", text, strlen(text), d);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	ydoc_free(doc);
	assert_non_null(q);
	struct response *r = response_new(q, "X");
	response_set_level(r, 0, 20);
	response_set_level(r, 1, 40);
	struct scorecard *s = score_compute(q, r);
	assert_near(s->domains[0].score, 30);
	assert_int_equal(s->domains[0].level, 20);      /* 30 is not a level: the one below */
	assert_near(s->domains[0].gap, 10);
	assert_int_equal(s->npriorities, 1);
	assert_near(s->priorities[0].weight, 20);
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
}

static void test_strengths(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s15.yaml", "scoring/r15.yaml");
	int out[10];
	int n = score_strengths(f.q, f.r, f.s, out, 10);
	/* At or above target (or no target), scored, shown: only b.3 (4 >= 3). */
	assert_int_equal(n, 1);
	assert_string_equal(f.q->questions[out[0]].id, "b.3");
	unload(&f);
}

/* A long chain, each question shown only by the one before: a condition
 * reads the recorded level of its own question only (SPEC, oracle.py).
 * (Speed on such chains is measured by `make bench`, not asserted here.) */
static void test_long_show_if_chain(void **state)
{
	(void)state;
	enum { N = 2000 };
	size_t cap = (size_t)N * 160 + 512, len = 0;
	char *qt = malloc(cap), *rt = malloc(cap);
	len = (size_t)snprintf(qt, cap, "peil: 1\nid: chain\nversion: \"1\"\nlanguages: [en]\ntitle: Chain\n"
	                       "levels: [{value: 1, label: A}, {value: 2, label: B}]\n"
	                       "domains:\n  - id: d\n    title: D\n    questions:\n");
	size_t rlen = (size_t)snprintf(rt, cap, "peil-responses: 1\nquestionnaire: chain\norganisation: X\n"
	                               "date: 2026-01-01\nanswers:\n");
	for (int i = 0; i < N; i++) {
		char cond[64] = "";
		if (i)
			snprintf(cond, sizeof cond, ", show_if: {question: q%d, min: 2}", i - 1);
		len += (size_t)snprintf(qt + len, cap - len, "      - {id: q%d, text: T, help: H%s, answers: "
		                        "[{level: 1, text: a, advice: b}, {level: 2, text: c}]}\n", i, cond);
		rlen += (size_t)snprintf(rt + rlen, cap - rlen, "  q%d: {level: 2}\n", i);
	}
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("chain.yaml", qt, len, d);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	ydoc_free(doc);
	assert_non_null(q);
	doc = ydoc_load_buffer("r.yaml", rt, rlen, d);
	struct response *r = response_from_doc(doc, q, d);
	ydoc_free(doc);
	assert_non_null(r);
	struct scorecard *s = score_compute(q, r);
	assert_near(s->domains[0].score, 2);
	assert_int_equal(s->domains[0].answered, N);
	response_set_level(r, 0, 1);            /* hides q1 only: q2 reads q1's recorded 2 */
	scorecard_free(s);
	s = score_compute(q, r);
	assert_int_equal(s->domains[0].hidden, 1);
	assert_int_equal(s->domains[0].na, 0);
	assert_int_equal(s->domains[0].answered, N - 1);
	assert_near(s->domains[0].score, (2.0 * (N - 2) + 1) / (N - 1));
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
	free(qt);
	free(rt);
}

/* Equal weighted gaps: the domain furthest from its target comes first,
 * then questionnaire order (SPEC: Scoring, priorities). Domain "near"
 * (listed first) scores 2.5 against 3, domain "far" 1.5 against 3: each has
 * one question one level below target, so the weights tie at 1. Carried-over
 * answers are scored and counted as unconfirmed. */
static void test_priority_ties_go_to_the_larger_gap(void **state)
{
	(void)state;
	static const char qt[] =
		"peil: 1\nid: ties\nversion: \"1\"\nlanguages: [en]\ntitle: Ties\n"
		"levels: [{value: 1, label: A}, {value: 2, label: B}, {value: 3, label: C}]\n"
		"domains:\n"
		"  - {id: near, title: N, target: 3, questions: [\n"
		"      {id: n1, text: T, answers: [{level: 1, text: a}, {level: 2, text: b}, {level: 3, text: c}]},\n"
		"      {id: n2, text: T, answers: [{level: 1, text: a}, {level: 2, text: b}, {level: 3, text: c}]}]}\n"
		"  - {id: far, title: F, target: 3, questions: [\n"
		"      {id: f1, text: T, answers: [{level: 1, text: a}, {level: 2, text: b}, {level: 3, text: c}]},\n"
		"      {id: f2, text: T, weight: 0.5, answers: [{level: 1, text: a}, {level: 2, text: b}, {level: 3, text: c}]}]}\n";
	static const char rt[] =
		"peil-responses: 1\nquestionnaire: ties\norganisation: X\ndate: 2026-01-01\nanswers:\n"
		"  n1: {level: 2}\n  n2: {level: 3, carried_over: true}\n"
		"  f1: {level: 2}\n  f2: {level: 1, carried_over: true}\n";
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("ties.yaml", qt, sizeof qt - 1, d);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	ydoc_free(doc);
	assert_non_null(q);
	doc = ydoc_load_buffer("r.yaml", rt, sizeof rt - 1, d);
	struct response *r = response_from_doc(doc, q, d);
	ydoc_free(doc);
	assert_non_null(r);
	struct scorecard *s = score_compute(q, r);
	/* near: 2.5, gap 0.5; far: (2 + 0.5) / 1.5 = 5/3, gap 4/3.
	 * Weights: n1 1, f1 1, f2 (3-1) * 0.5 = 1: a three-way tie. */
	assert_int_equal(s->npriorities, 3);
	assert_string_equal(q->questions[s->priorities[0].question].id, "f1");
	assert_string_equal(q->questions[s->priorities[1].question].id, "f2");
	assert_string_equal(q->questions[s->priorities[2].question].id, "n1");
	assert_int_equal(s->domains[0].unconfirmed, 1);
	assert_int_equal(s->domains[1].unconfirmed, 1);
	assert_int_equal(s->unconfirmed, 2);
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
}

static void test_allocation_failures(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "scoring/s15.yaml", "scoring/r15.yaml");
	/* Each allocation in turn fails: NULL, nothing leaked; until none
	 * fails, and the scorecard is there. */
	unsigned long n, made;
	for (n = 1;; n++) {
		mem_fail_from(n);
		struct scorecard *s = score_compute(f.q, f.r);
		made = mem_fail_from(0);
		if (made < n) {
			assert_non_null(s);
			scorecard_free(s);
			break;
		}
		assert_null(s);
	}
	assert_true(n > 1);
	unload(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale_1_to_5),
		cmocka_unit_test(test_scale_0_to_3),
		cmocka_unit_test(test_all_open),
		cmocka_unit_test(test_changes_through_setters),
		cmocka_unit_test(test_sparse_scale),
		cmocka_unit_test(test_strengths),
		cmocka_unit_test(test_long_show_if_chain),
		cmocka_unit_test(test_priority_ties_go_to_the_larger_gap),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
