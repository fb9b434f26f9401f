#include "core/num.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

/* Absorbs binary noise: 2.675 is stored as 2.67499999... */
#define NOISE 1e-9

bool num_comma(const char *lang)
{
	return lang && !strncmp(lang, "nl", 2);
}

long num_round(double v)
{
	if (!isfinite(v) || fabs(v) > 1e15)
		return 0;
	return (long)floor(v + 0.5 + NOISE);
}

/* |v| * 10^decimals rounded half up, as a whole number. */
static double scaled(double v, int decimals)
{
	double s = 1;
	for (int i = 0; i < decimals; i++)
		s *= 10;
	return floor(fabs(v) * s + 0.5 + NOISE);
}

/* Writes the whole number n / 10^decimals with its sign. */
static char *write_scaled(char *buf, const char *lang, double n, bool negative, int decimals)
{
	char digits[NUM_LEN];
	snprintf(digits, sizeof digits, "%.0f", n);
	size_t len = strlen(digits);
	char *o = buf;
	if (negative && n != 0)
		*o++ = '-';
	if ((int)len <= decimals) {
		/* 5 at two decimals is 0.05: pad with zeros. */
		memmove(digits + decimals + 1 - len, digits, len + 1);
		memset(digits, '0', decimals + 1 - len);
		len = decimals + 1;
	}
	memcpy(o, digits, len - decimals);
	o += len - decimals;
	if (decimals > 0) {
		*o++ = num_comma(lang) ? ',' : '.';
		memcpy(o, digits + len - decimals, decimals);
		o += decimals;
	}
	*o = '\0';
	return buf;
}

char *num_fixed(char *buf, const char *lang, double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v) || fabs(v) > 1e12) {
		snprintf(buf, NUM_LEN, "—");
		return buf;
	}
	return write_scaled(buf, lang, scaled(v, decimals), v < 0, decimals);
}

char *num_score(char *buf, const char *lang, bool has, double v)
{
	if (!has) {
		snprintf(buf, NUM_LEN, "—");
		return buf;
	}
	return num_fixed(buf, lang, v, 2);
}

char *num_median(char *buf, const char *lang, bool has, double v)
{
	if (!has) {
		snprintf(buf, NUM_LEN, "—");
		return buf;
	}
	return num_fixed(buf, lang, v, scaled(v, 1) == scaled(v, 0) * 10 ? 0 : 1);
}

/* The figure as shown, in hundredths (signed). */
static double hundredths(double v)
{
	return v < 0 ? -scaled(v, 2) : scaled(v, 2);
}

int num_direction(double old, double new)
{
	if (!isfinite(old) || !isfinite(new))
		return 0;
	double d = hundredths(new) - hundredths(old);
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

char *num_delta(char *buf, const char *lang, double old, double new)
{
	if (!isfinite(old) || !isfinite(new) || fabs(old) > 1e12 || fabs(new) > 1e12) {
		snprintf(buf, NUM_LEN, "—");
		return buf;
	}
	double d = hundredths(new) - hundredths(old);
	if (d > 0)
		buf[0] = '+';
	write_scaled(buf + (d > 0), lang, fabs(d), d < 0, 2);
	return buf;
}

int num_done_percent(double fraction)
{
	if (!isfinite(fraction) || fraction <= 0)
		return 0;
	if (fraction >= 1)
		return 100;
	/* Rounded, but never 100 while something is left, nor 0 once
	 * something is done: "100%" must mean finished. */
	long p = num_round(fraction * 100);
	return p > 99 ? 99 : p < 1 ? 1 : (int)p;
}

int num_done_percent_of(int done, int total)
{
	if (total <= 0 || done >= total)
		return 100;
	return num_done_percent((double)done / total);
}

char *num_grouped(char *buf, const char *lang, double v, int decimals)
{
	char plain[NUM_LEN];
	num_fixed(plain, NULL, v, decimals);
	if (!strcmp(plain, "—")) {
		snprintf(buf, NUM_LEN, "%s", plain);
		return buf;
	}
	const char *digits = plain + (plain[0] == '-');
	size_t whole = strcspn(digits, "."), n = 0;
	if (plain[0] == '-')
		buf[n++] = '-';
	for (size_t i = 0; i < whole && n < NUM_LEN - 2; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			buf[n++] = num_comma(lang) ? '.' : ',';
		buf[n++] = digits[i];
	}
	buf[n] = '\0';
	if (digits[whole] == '.')
		snprintf(buf + n, NUM_LEN - n, "%c%s", num_comma(lang) ? ',' : '.', digits + whole + 1);
	return buf;
}

char *num_duration(char *buf, long seconds)
{
	long s = seconds > 0 ? seconds : 0;
	if (s < 60)
		snprintf(buf, NUM_LEN, _("%ld s"), s);
	else if (s < 3600)
		snprintf(buf, NUM_LEN, _("%ld min"), s / 60);
	else
		snprintf(buf, NUM_LEN, _("%ld h %02ld min"), s / 3600, s / 60 % 60);
	return buf;
}

char *num_clock(char *buf, long seconds)
{
	long s = seconds > 0 ? seconds : 0;
	if (s < 3600)
		snprintf(buf, NUM_LEN, "%ld:%02ld", s / 60, s % 60);
	else
		snprintf(buf, NUM_LEN, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	return buf;
}
