/* Peer benchmarking: percentiles, quartiles, size classes, the privacy
 * rules (organisations, not files; at least five; no quartiles below ten;
 * never one's own peer), round files, and the parallel loader. */
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/mem.h"
#include "core/path.h"
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
	assert_false(pd.has_figures);           /* the minimum is five */
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
	assert_false(pd.has_quartiles);         /* six peers: no quartiles */
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
	double w[] = { 1, 2, 3, 4, 5 };
	peers_fill_domain(&pd, w, 5, 5, true, 2);
	assert_true(pd.has_figures);
	assert_near(pd.percentile, 30);        /* (1 + 0.5) / 5 */
	peers_fill_domain(&pd, NULL, 0, 1, true, 2);         /* no peers at all */
	assert_false(pd.has_figures);
	assert_int_equal(pd.n, 0);
}

/* ---- organisations (in memory: scoring/ reads no files) ---- */

enum { ND = 2 };

struct org_in {
	const char *name, *id, *date;
	long pop;
	double s0, s1;          /* < 0: no score in that domain */
};

static struct peer_set *set_of(const struct org_in *v, size_t n)
{
	struct peer_set *s = peer_set_new(ND);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		bool has[ND] = { v[i].s0 >= 0, v[i].s1 >= 0 };
		double sc[ND] = { v[i].s0, v[i].s1 };
		struct peer_record r = { .organisation = v[i].name, .organisation_id = v[i].id,
		                         .date = v[i].date ? v[i].date : "2026-06-30", .population = v[i].pop,
		                         .has = has, .scores = sc };
		assert_true(peer_set_add(s, &r));
	}
	assert_true(peer_set_finish(s));
	return s;
}

static struct peer_figures *figures_for(const struct peer_set *s, const char *name, const char *id,
                                        long pop, bool same_size)
{
	bool has[ND] = { true, true };
	double sc[ND] = { 3, 3 };
	struct peer_self me = { name, id, pop, has, sc };
	struct peer_options o = { .same_size = same_size };
	struct peer_figures *pf = peers_figures(s, &me, &o);
	assert_non_null(pf);
	return pf;
}

static void test_name_key(void **state)
{
	(void)state;
	char k[64];
	peers_name_key("  GEMEENTE   Midsluis ", k, sizeof k);
	assert_string_equal(k, "midsluis");
	peers_name_key("Midsluis", k, sizeof k);
	assert_string_equal(k, "midsluis");
	peers_name_key("Stad Gent", k, sizeof k);
	assert_string_equal(k, "gent");
	peers_name_key("Gemeentehuis", k, sizeof k);     /* a word, not the prefix */
	assert_string_equal(k, "gemeentehuis");
	peers_name_key("Súdwest-Fryslân", k, sizeof k);  /* bytes beyond ASCII kept */
	assert_string_equal(k, "súdwest-fryslân");
}

/* Privacy: four municipalities and a second file of one of them are four
 * peers, not five: below --min-peers 5 nothing is shown. */
static void test_duplicates_do_not_count_twice(void **state)
{
	(void)state;
	const struct org_in v[] = {
		{ "Gemeente Een", NULL, "2025-06-30", 12000, 1, 1 },
		{ "Gemeente Twee", NULL, NULL, 12000, 2, 2 },
		{ "Gemeente Drie", NULL, NULL, 12000, 3, 3 },
		{ "Gemeente Vier", NULL, NULL, 12000, 4, 4 },
		{ "gemeente  een", NULL, "2026-06-30", 12000, 5, 5 },
	};
	struct peer_set *s = set_of(v, 5);
	assert_int_equal(peer_set_files(s), 5);
	assert_int_equal(peer_set_count(s), 4);
	struct peer_figures *pf = figures_for(s, "Gemeente Zelf", NULL, 12000, false);
	assert_int_equal(peers_counts(pf)->peers, 4);
	assert_int_equal(peers_counts(pf)->older, 1);
	assert_int_equal(peers_domain(pf, 0)->n, 4);
	assert_false(peers_domain(pf, 0)->has_figures);
	assert_false(peers_domain(pf, 0)->has_percentile);
	peers_free(pf);
	/* the latest file counts: Een scores 5 now, not 1 */
	const struct peer_org *een = peer_set_find(s, "Een", NULL);
	assert_non_null(een);
	assert_near(een->scores[0], 5);
	assert_int_equal(een->files, 2);
	peer_set_free(s);
}

/* On equal dates the last in path order counts. */
static void test_equal_dates_last_in_order(void **state)
{
	(void)state;
	const struct org_in v[] = {
		{ "Een", "GM0001", NULL, 1, 1, 1 }, { "Een", "gm0001", NULL, 1, 2, 2 },
	};
	struct peer_set *s = set_of(v, 2);
	assert_int_equal(peer_set_count(s), 1);
	assert_near(peer_set_org(s, 0)->scores[0], 2);
	peer_set_free(s);
}

/* Privacy: with 5 to 9 peers the percentile is given, the quartiles are
 * not (they would be single municipalities' exact scores); from 10 on
 * they are. */
static void test_no_quartiles_below_ten(void **state)
{
	(void)state;
	double nine[] = { 1, 2, 3, 4, 5, 1.5, 2.5, 3.5, 4.5 }, ten[] = { 1, 2, 3, 4, 5, 1.5, 2.5, 3.5, 4.5, 3 };
	struct peer_domain pd;
	peers_fill_domain(&pd, nine, 9, 5, true, 3);
	assert_true(pd.has_figures);
	assert_true(pd.has_percentile);
	assert_false(pd.has_quartiles);
	assert_near(pd.percentile, 50);
	peers_fill_domain(&pd, ten, 10, 5, true, 3);
	assert_true(pd.has_quartiles);
	assert_near(pd.median, 3);
	/* a minimum below five is raised to five */
	double four[] = { 1, 2, 3, 4 };
	peers_fill_domain(&pd, four, 4, 1, true, 3);
	assert_false(pd.has_figures);
}

/* Privacy: a municipality is never its own peer, whatever the spelling
 * or whichever file carries the code. */
static void test_never_own_peer(void **state)
{
	(void)state;
	const struct org_in v[] = {
		{ "Midsluis", NULL, "2025-06-01", 30000, 1, 1 },
		{ "Gemeente Noordwaard", "GM0002", NULL, 30000, 2, 2 },
		{ "Noordwaard", NULL, "2025-05-01", 30000, 2, 2 },
		{ "Oostkerk", "GM0003", NULL, 30000, 3, 3 },
		{ "Gem. Oostkerk", "GM0003", "2025-01-01", 30000, 3, 3 },
	};
	struct peer_set *s = set_of(v, 5);
	assert_int_equal(peer_set_count(s), 3);         /* Noordwaard adopted its code */
	struct peer_figures *pf = figures_for(s, "Gemeente Midsluis", NULL, 30000, false);
	assert_int_equal(peers_counts(pf)->self_files, 1);
	assert_int_equal(peers_counts(pf)->peers, 2);
	peers_free(pf);
	pf = figures_for(s, "GEMEENTE MIDSLUIS", "GM0001", 30000, false);     /* a code the files lack */
	assert_int_equal(peers_counts(pf)->self_files, 1);
	peers_free(pf);
	pf = figures_for(s, "Noordwaard (Zld)", "gm0002", 30000, false);       /* another name, same code */
	assert_int_equal(peers_counts(pf)->self_files, 2);
	assert_int_equal(peers_counts(pf)->peers, 2);
	peers_free(pf);
	pf = figures_for(s, "Noordwaard", NULL, 30000, false);                 /* the name, no code */
	assert_int_equal(peers_counts(pf)->self_files, 2);
	peers_free(pf);
	peer_set_free(s);
}

/* Two municipalities of one name with different codes stay two. */
static void test_same_name_other_code(void **state)
{
	(void)state;
	const struct org_in v[] = {
		{ "Bergen", "GM0373", NULL, 30000, 1, 1 }, { "Bergen", "GM0893", NULL, 13000, 2, 2 },
		{ "Bergen", NULL, NULL, 13000, 2, 2 },
	};
	struct peer_set *s = set_of(v, 3);
	assert_int_equal(peer_set_count(s), 3);         /* the file without a code is ambiguous */
	peer_set_free(s);
}

/* --same-size: a peer without population is "without population", not
 * "another size class". */
static void test_same_size_counts(void **state)
{
	(void)state;
	const struct org_in v[] = {
		{ "A", NULL, NULL, 15000, 1, 1 }, { "B", NULL, NULL, -1, 2, 2 }, { "C", NULL, NULL, 60000, 3, 3 },
		{ "D", NULL, NULL, 10000, 2, -1 },
	};
	struct peer_set *s = set_of(v, 4);
	struct peer_figures *pf = figures_for(s, "Zelf", NULL, 12000, true);
	assert_int_equal(peers_self_class(pf), SIZE_10K_20K);
	assert_int_equal(peers_counts(pf)->peers, 2);
	assert_int_equal(peers_counts(pf)->no_population, 1);
	assert_int_equal(peers_counts(pf)->other_size, 1);
	assert_int_equal(peers_domain(pf, 0)->n, 2);
	assert_int_equal(peers_domain(pf, 1)->n, 1);    /* D has no score there */
	peers_free(pf);
	peer_set_free(s);
}

/* A round file's percentile lies within one quantile step (5 points) of
 * the exact one, for many random peer groups with ties. */
static void test_round_percentile_within_a_step(void **state)
{
	(void)state;
	srand(20261204);
	for (int trial = 0; trial < 2000; trial++) {
		size_t n = 10 + (size_t)(rand() % 300);
		double v[310], q[ROUND_NQ];
		int denom = 1 + rand() % 12;            /* a mean over up to 12 answers */
		for (size_t i = 0; i < n; i++)
			v[i] = 1 + (double)(rand() % (4 * denom + 1)) / denom;
		struct peer_domain pd;
		peers_fill_domain(&pd, v, n, 5, false, 0);      /* sorts v */
		for (int i = 0; i < ROUND_NQ; i++)
			q[i] = round(peers_quantile(v, n, (i + 1) * 0.05) * 10000) / 10000;     /* as written */
		for (int k = 0; k < 40; k++) {
			double x = k % 2 ? v[rand() % n] : 1 + (rand() % 401) / 100.0;
			double exact = peers_percentile(v, n, x);
			double est = peers_percentile_from_quantiles(q, ROUND_NQ, ROUND_STEP, (long)n, x);
			if (fabs(exact - est) > ROUND_STEP + 1e-9)
				fail_msg("n %zu, x %g: exact %g, from the round %g", n, x, exact, est);
		}
	}
}

struct fixture {
	struct questionnaire *q;
	struct diag_list *d;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->d = diag_list_new();
	f->q = questionnaire_load(FIX "library.yaml", f->d);
	*state = f;
	return f->q ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	questionnaire_free(f->q);
	diag_list_free(f->d);
	free(f);
	return 0;
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
	/* with a list for the rest, notes.txt is named there */
	struct pool_paths other = { 0 };
	assert_true(pool_paths_collect(&p, &other, FIX "peers", f->d));
	assert_int_equal(p.n, 9);
	assert_int_equal(other.n, 1);
	assert_non_null(strstr(other.v[0], "/notes.txt"));
	pool_paths_free(&p);
	pool_paths_free(&other);
}

/* Defect 4: *.yml and *.YAML are response files too. */
static void test_yaml_suffixes(void **state)
{
	(void)state;
	assert_true(path_is_yaml("a.yaml"));
	assert_true(path_is_yaml("a.yml"));
	assert_true(path_is_yaml("A.YAML"));
	assert_true(path_is_yaml("b.Yml"));
	assert_false(path_is_yaml(".yaml"));
	assert_false(path_is_yaml("a.yaml~"));
	assert_false(path_is_yaml("a.yaml.bak"));
	assert_false(path_is_yaml("notes.txt"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_class_boundaries),
		cmocka_unit_test(test_percentile_mid_rank_with_ties),
		cmocka_unit_test(test_one_peer),
		cmocka_unit_test(test_quartiles_interpolate),
		cmocka_unit_test(test_fewer_than_min_peers),
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_duplicates_do_not_count_twice),
		cmocka_unit_test(test_equal_dates_last_in_order),
		cmocka_unit_test(test_no_quartiles_below_ten),
		cmocka_unit_test(test_never_own_peer),
		cmocka_unit_test(test_same_name_other_code),
		cmocka_unit_test(test_same_size_counts),
		cmocka_unit_test(test_round_percentile_within_a_step),
		cmocka_unit_test(test_yaml_suffixes),
		cmocka_unit_test_setup_teardown(test_pool_order_and_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths_recursive_sorted, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
