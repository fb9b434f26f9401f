/* Peer benchmarking: percentiles, quartiles, size classes, the minimum
 * number of peers, and the parallel loader that feeds them. */
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/mem.h"
#include "core/pool.h"
#include "scoring/peers.h"

#define FIX PEIL_SRCDIR "/tests/fixtures/peers/"

/* This cmocka has no assert_double_equal. */
#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static void test_size_class_boundaries(void **state)
{
	(void)state;
	static const struct { long pop; enum size_class c; } cases[] = {
		{ -1, SIZE_UNKNOWN }, { 0, SIZE_LT10K }, { 9999, SIZE_LT10K },
		{ 10000, SIZE_10K_20K }, { 19999, SIZE_10K_20K }, { 20000, SIZE_20K_50K },
		{ 49999, SIZE_20K_50K }, { 50000, SIZE_50K_100K }, { 99999, SIZE_50K_100K },
		{ 100000, SIZE_100K_PLUS }, { 900000, SIZE_100K_PLUS },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_int_equal(peers_size_class(cases[i].pop), cases[i].c);
	assert_string_equal(peers_size_class_name(SIZE_LT10K), "<10k");
	assert_string_equal(peers_size_class_name(SIZE_10K_20K), "10–20k");
	assert_string_equal(peers_size_class_name(SIZE_100K_PLUS), "100k+");
	assert_null(peers_size_class_name(SIZE_UNKNOWN));
}

static void test_percentile_mid_rank_with_ties(void **state)
{
	(void)state;
	const double s[] = { 1, 2, 3, 3, 4, 4, 5 };
	/* below 2, ties 2: (2 + 1) / 7 */
	assert_near(peers_percentile(s, 7, 3.0), 300.0 / 7);
	assert_near(peers_percentile(s, 7, 0.5), 0);
	assert_near(peers_percentile(s, 7, 9), 100);
	assert_near(peers_percentile(s, 7, 2.5), 200.0 / 7);
	/* everyone tied: the middle */
	const double same[] = { 2, 2, 2, 2 };
	assert_near(peers_percentile(same, 4, 2), 50);
	/* a mean that differs only in the last bit is still a tie */
	assert_near(peers_percentile(s, 7, (0.1 + 0.2) * 10), 300.0 / 7);
}

static void test_one_peer(void **state)
{
	(void)state;
	const double s[] = { 3 };
	assert_near(peers_percentile(s, 1, 3), 50);
	assert_near(peers_percentile(s, 1, 2), 0);
	assert_near(peers_percentile(s, 1, 4), 100);
	assert_near(peers_quantile(s, 1, 0.25), 3);
	assert_near(peers_quantile(s, 1, 0.75), 3);
	double v[] = { 3 };
	struct peer_domain pd;
	peers_fill_domain(&pd, v, 1, 1, true, 3.5);
	assert_true(pd.has_figures);
	assert_near(pd.median, 3);
	assert_near(pd.percentile, 100);
}

static void test_quartiles_interpolate(void **state)
{
	(void)state;
	const double s[] = { 1, 2, 3, 4, 4, 5 };
	assert_near(peers_quantile(s, 6, 0.25), 2.25);   /* pos 1.25 */
	assert_near(peers_quantile(s, 6, 0.5), 3.5);     /* pos 2.5 */
	assert_near(peers_quantile(s, 6, 0.75), 4);      /* pos 3.75 */
	assert_near(peers_quantile(s, 6, 0), 1);
	assert_near(peers_quantile(s, 6, 1), 5);
	/* unsorted input is sorted by fill_domain */
	double v[] = { 5, 1, 4, 2, 4, 3 };
	struct peer_domain pd;
	peers_fill_domain(&pd, v, 6, 5, false, 0);
	assert_true(pd.has_figures);
	assert_false(pd.has_percentile);
	assert_near(pd.p25, 2.25);
	assert_near(pd.median, 3.5);
	assert_near(pd.p75, 4);
}

static void test_fewer_than_min_peers(void **state)
{
	(void)state;
	double v[] = { 1, 2, 3, 4 };
	struct peer_domain pd;
	peers_fill_domain(&pd, v, 4, 5, true, 2);
	assert_false(pd.has_figures);
	assert_false(pd.has_percentile);
	assert_int_equal(pd.n, 4);
	assert_true(pd.has_score);
	peers_fill_domain(&pd, v, 4, 4, true, 2);
	assert_true(pd.has_figures);
	assert_near(pd.percentile, 37.5);      /* (1 + 0.5) / 4 */
	peers_fill_domain(&pd, NULL, 0, 1, true, 2);         /* no peers at all */
	assert_false(pd.has_figures);
	assert_int_equal(pd.n, 0);
}

struct fixture {
	struct questionnaire *q;
	struct response *self;
	struct diag_list *d;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->d = diag_list_new();
	f->q = questionnaire_load(FIX "library.yaml", f->d);
	f->self = f->q ? response_load(FIX "self.yaml", f->q, f->d) : NULL;
	*state = f;
	return f->q && f->self ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	response_free(f->self);
	questionnaire_free(f->q);
	diag_list_free(f->d);
	free(f);
	return 0;
}

/* Fixture peers: p1..p7 (p4 has no skills score, p6 is 50–100k, p7 in a
 * subdirectory), one with the assessed organisation, one invalid. */
static void test_compute_from_directory(void **state)
{
	struct fixture *f = *state;
	for (int threads = 1; threads <= 2; threads++) {
		struct peer_options o = { .threads = threads };
		diag_clear(f->d);
		struct peer_figures *pf = peers_compute(f->q, f->self, FIX "peers", &o, f->d);
		assert_non_null(pf);
		const struct peer_counts *c = peers_counts(pf);
		assert_int_equal(c->files, 9);
		assert_int_equal(c->peers, 7);
		assert_int_equal(c->invalid, 1);
		assert_int_equal(c->same_org, 1);
		assert_int_equal(diag_errors(f->d), 1);
		assert_non_null(strstr(diag_get(f->d, 0)->path, "bad.yaml"));
		const struct peer_domain *sv = peers_domain(pf, 0), *sk = peers_domain(pf, 1);
		assert_int_equal(sv->n, 7);
		assert_near(sv->percentile, 300.0 / 7);
		assert_near(sv->p25, 2.5);
		assert_near(sv->median, 3);
		assert_near(sv->p75, 4);
		/* missing domain: p4 answered "don't know" and does not count */
		assert_int_equal(sk->n, 6);
		assert_near(sk->percentile, 100.0 / 3);
		assert_near(sk->median, 3.5);
		peers_free(pf);
	}
}

static void test_compute_same_size_and_min_peers(void **state)
{
	struct fixture *f = *state;
	struct peer_options o = { .same_size = true, .min_peers = 6 };
	diag_clear(f->d);
	struct peer_figures *pf = peers_compute(f->q, f->self, FIX "peers", &o, f->d);
	assert_non_null(pf);
	assert_int_equal(peers_self_class(pf), SIZE_10K_20K);
	assert_int_equal(peers_counts(pf)->peers, 6);
	assert_int_equal(peers_counts(pf)->other_size, 1);
	const struct peer_domain *sv = peers_domain(pf, 0), *sk = peers_domain(pf, 1);
	assert_true(sv->has_figures);
	assert_near(sv->percentile, 50);
	assert_near(sv->p75, 3.75);
	assert_int_equal(sk->n, 5);
	assert_false(sk->has_figures);          /* 5 < 6: nobody singled out */
	peers_free(pf);
}

static void count_invalid(void *ctx, const struct diag_list *file_diags)
{
	*(size_t *)ctx += diag_errors(file_diags);
}

/* With on_invalid, broken peers' errors are handed over, not kept. */
static void test_compute_on_invalid(void **state)
{
	struct fixture *f = *state;
	size_t seen = 0;
	struct peer_options o = { .threads = 2, .on_invalid = count_invalid, .ctx = &seen };
	diag_clear(f->d);
	struct peer_figures *pf = peers_compute(f->q, f->self, FIX "peers", &o, f->d);
	assert_non_null(pf);
	assert_int_equal(seen, 1);
	assert_int_equal(diag_count(f->d), 0);
	assert_int_equal(peers_counts(pf)->invalid, 1);
	assert_int_equal(peers_counts(pf)->questionnaires, 0);
	peers_free(pf);
}

static void test_compute_missing_dir(void **state)
{
	struct fixture *f = *state;
	diag_clear(f->d);
	assert_null(peers_compute(f->q, f->self, FIX "no-such-dir", NULL, f->d));
	assert_int_equal(diag_errors(f->d), 1);
}

/* The pool hands every file over exactly once, in order, and stops when
 * told to. */
struct order_ctx {
	size_t seen, stop_after;
	bool in_order;
	int loaded;
};

static bool check_order(void *ctx, struct pool_item *it)
{
	struct order_ctx *c = ctx;
	c->in_order &= it->index == c->seen;
	c->loaded += it->r != NULL;
	c->seen++;
	return c->seen != c->stop_after;
}

static void test_pool_order_and_stop(void **state)
{
	struct fixture *f = *state;
	enum { N = 200 };
	const char *paths[N];
	for (int i = 0; i < N; i++)
		paths[i] = i % 10 == 9 ? FIX "peers/bad.yaml" : FIX "peers/p1.yaml";
	for (int threads = 1; threads <= 3; threads++) {
		struct order_ctx c = { .in_order = true };
		assert_true(pool_for_each_response(paths, N, f->q, threads, check_order, &c, NULL, 0));
		assert_int_equal(c.seen, N);
		assert_true(c.in_order);
		assert_int_equal(c.loaded, N - N / 10);
		struct order_ctx s = { .in_order = true, .stop_after = 17 };
		assert_false(pool_for_each_response(paths, N, f->q, threads, check_order, &s, NULL, 0));
		assert_int_equal(s.seen, 17);
	}
}

static void test_paths_recursive_sorted(void **state)
{
	struct fixture *f = *state;
	struct pool_paths p = { 0 };
	diag_clear(f->d);
	assert_true(pool_paths_add(&p, FIX "peers", f->d));
	assert_int_equal(p.n, 9);                       /* notes.txt is not a peer */
	assert_non_null(strstr(p.v[0], "/bad.yaml"));
	assert_non_null(strstr(p.v[8], "/sub/p7.yaml"));
	for (size_t i = 0; i < p.n; i++)
		assert_null(strstr(p.v[i], ".txt"));
	pool_paths_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_class_boundaries),
		cmocka_unit_test(test_percentile_mid_rank_with_ties),
		cmocka_unit_test(test_one_peer),
		cmocka_unit_test(test_quartiles_interpolate),
		cmocka_unit_test(test_fewer_than_min_peers),
		cmocka_unit_test_setup_teardown(test_compute_from_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compute_same_size_and_min_peers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compute_on_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compute_missing_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pool_order_and_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths_recursive_sorted, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
