/* The one number formatter (core/num.c) and the answer in words
 * (core/words.c): what every text output shows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/num.h"

/* Readers round by hand: half up, and the binary noise of 2.675 must not
 * turn it into 2.67 (printf's "%.2f" gives 2.67 and 2.12 for 2.125). */
static void numbers_round_half_up(void **state)
{
	(void)state;
	static const struct { double v; int dec; const char *lang; const char *want; } t[] = {
		{ 2.625, 2, "en", "2.63" }, { 2.675, 2, "en", "2.68" }, { 2.25, 1, "en", "2.3" },
		{ 2.125, 2, "en", "2.13" }, { 17.0 / 8, 2, "nl", "2,13" }, { 18.5 / 7, 2, "nl", "2,64" },
		{ -0.125, 2, "en", "-0.13" }, { -0.001, 2, "en", "0.00" }, { 0.05, 2, NULL, "0.05" },
		{ 3, 2, "en", "3.00" }, { 3, 0, "nl", "3" }, { 0.0 / 0.0, 2, "en", "—" }, { 1.0 / 0.0, 2, "nl", "—" },
		{ 123456.785, 2, "nl", "123456,79" }, { 0.6, 1, "nl", "0,6" },
	};
	char buf[NUM_LEN];
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		assert_string_equal(num_fixed(buf, t[i].lang, t[i].v, t[i].dec), t[i].want);
	assert_string_equal(num_score(buf, "nl", true, 2.455), "2,46");
	assert_string_equal(num_score(buf, "nl", false, 2.455), "—");
	assert_string_equal(num_median(buf, "en", true, 3), "3");
	assert_string_equal(num_median(buf, "nl", true, 3.5), "3,5");
	assert_int_equal(num_round(62.5), 63);
	assert_int_equal(num_round(58.33), 58);
}

/* The scorecard used to print 2,78 − 2,33 as "+0,44": a change is the
 * difference of the figures as shown. */
static void deltas_come_from_the_figures_shown(void **state)
{
	(void)state;
	char buf[NUM_LEN];
	assert_string_equal(num_delta(buf, "nl", 2.334, 2.775), "+0,45");
	assert_string_equal(num_delta(buf, "en", 2.775, 2.334), "-0.45");
	assert_string_equal(num_delta(buf, "en", 2.0, 2.004), "0.00");
	assert_string_equal(num_delta(buf, "en", 1.0, 3.0), "+2.00");
	assert_string_equal(num_delta(buf, "en", 3.0, 2.95), "-0.05");
	assert_string_equal(num_delta(buf, "en", NAN, 2.0), "—");
	assert_int_equal(num_direction(2.0, 2.004), 0);
	assert_int_equal(num_direction(2.0, 2.005), 1);
	assert_int_equal(num_direction(2.005, 2.0), -1);
	assert_int_equal(num_direction(1.0, 1.0 + 1.0 / 3), 1);
	/* 2.124 and 2.125 read 2.12 and 2.13: a change a reader sees. */
	assert_int_equal(num_direction(2.124, 2.125), 1);
}

/* The progress bar was full at 98%: 100 only when everything is done. */
static void progress_reaches_100_only_when_done(void **state)
{
	(void)state;
	assert_int_equal(num_done_percent(0.996), 99);
	assert_int_equal(num_done_percent(1.0), 100);
	assert_int_equal(num_done_percent(0.29), 29);
	assert_int_equal(num_done_percent(0.0), 0);
	assert_int_equal(num_done_percent(0.004), 1);
	assert_int_equal(num_done_percent(8.0 / 9), 89);
	assert_int_equal(num_done_percent(NAN), 0);
	assert_int_equal(num_done_percent_of(50, 51), 98);
	assert_int_equal(num_done_percent_of(250, 251), 99);
	assert_int_equal(num_done_percent_of(51, 51), 100);
}

static void decimal_comma_is_dutch(void **state)
{
	(void)state;
	assert_true(num_comma("nl"));
	assert_true(num_comma("nl_BE"));
	assert_false(num_comma("en"));
	assert_false(num_comma(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_round_half_up),
		cmocka_unit_test(deltas_come_from_the_figures_shown),
		cmocka_unit_test(progress_reaches_100_only_when_done),
		cmocka_unit_test(decimal_comma_is_dutch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
