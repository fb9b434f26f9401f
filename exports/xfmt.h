/* Numbers as readers see them in exports and reports: rounded half up (a
 * score of 2.25 reads 2.3, as a reader rounding by hand expects), with a
 * decimal point or comma, never NaN or infinity. */
#ifndef PEIL_XFMT_H
#define PEIL_XFMT_H

#include <stdbool.h>
#include <stddef.h>

/* v rounded half up to `decimals` (0..6) places, e.g. "3.2" or "3,2";
 * "—" when v is not finite. Returns buf. */
char *xfmt_number(char *buf, size_t len, double v, int decimals, bool comma);

/* Same with a sign: "+0.4", "-1.0"; a value that rounds to zero is "0.0". */
char *xfmt_signed(char *buf, size_t len, double v, int decimals, bool comma);

/* Like xfmt_number with the thousands grouped, for euros and hours:
 * "15,000.50" or, with comma, "15.000,50". */
char *xfmt_grouped(char *buf, size_t len, double v, int decimals, bool comma);

/* v rounded half up (used for percentages and percentiles). */
long xfmt_round(double v);

#endif
