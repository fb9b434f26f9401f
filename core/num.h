/* Numbers as people read them: the one formatter for every score, delta,
 * percentage and statistic that peil shows in text (TUI, plain mode, CLI
 * tables, exports). JSON, CSV and YAML write machine numbers instead.
 *
 * Rounding is half up from the decimal value a reader sees (2.125 reads
 * 2.13, as a reader rounding by hand expects; the binary noise of 2.675
 * does not make it 2.67). The decimal separator follows the language of
 * the text around the number: a comma in Dutch, a point otherwise. Missing
 * or non-finite figures read "—". Every function fills buf (NUM_LEN bytes)
 * and returns it. */
#ifndef PEIL_NUM_H
#define PEIL_NUM_H

#include <stdbool.h>

enum { NUM_LEN = 32 };

/* True when `lang` ("nl", "en", NULL) writes a decimal comma. */
bool num_comma(const char *lang);

/* v at `decimals` (0..6) places: "3.2", "3,2"; "—" when not finite. */
char *num_fixed(char *buf, const char *lang, double v, int decimals);

/* A score, gap or other figure on the level scale, at two decimals;
 * "—" when !has. */
char *num_score(char *buf, const char *lang, bool has, double v);

/* A statistic of votes (mean, sd, consensus, iqr) at two decimals. */
#define num_stat num_score

/* A median of levels: "3" or "3.5" (one decimal only when needed). */
char *num_median(char *buf, const char *lang, bool has, double v);

/* The change from old to new as a reader can check it: the difference of
 * the two figures as num_score shows them, signed ("+0.45", "-1.00",
 * "0.00"). num_direction() is its sign (-1, 0, 1). */
char *num_delta(char *buf, const char *lang, double old, double new);
int num_direction(double old, double new);

/* Share done as a whole percentage, rounded half up, that reads 100 only
 * when everything is done (99.6% reads 99) and 0 only when nothing is
 * (0.4% reads 1): progress and shares of questions. */
int num_done_percent(double fraction);
/* The same from counts (0 of 0 is 100). */
int num_done_percent_of(int done, int total);

/* Euros and hours: v with the thousands grouped, "15,000.50" in English,
 * "15.000,50" in Dutch; decimals as num_fixed. */
char *num_grouped(char *buf, const char *lang, double v, int decimals);

/* v rounded half up to a whole number (percentiles, counts of percent). */
long num_round(double v);

/* A duration as people say it, in the interface language: "45 s" under a
 * minute, "12 min", "1 h 05 min" (seconds rounded down to the minute
 * from one minute on). Negative reads as 0. */
char *num_duration(char *buf, long seconds);
/* A clock's minutes and seconds, "12:05" (hours added from 1 h on:
 * "1:02:05"): the per-question timer. */
char *num_clock(char *buf, long seconds);

#endif
