#include "exports/xfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

long xfmt_round(double v)
{
	if (!isfinite(v) || fabs(v) > 1e15)
		return 0;
	/* The epsilon absorbs binary noise: 2.675 is stored as 2.67499999... */
	return (long)floor(v + 0.5 + 1e-9);
}

static double scale_of(int decimals)
{
	double s = 1;
	for (int i = 0; i < decimals; i++)
		s *= 10;
	return s;
}

char *xfmt_number(char *buf, size_t len, double v, int decimals, bool comma)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v) || fabs(v) > 1e12) {
		snprintf(buf, len, "—");
		return buf;
	}
	double s = scale_of(decimals);
	double r = floor(fabs(v) * s + 0.5 + 1e-9) / s;
	if (v < 0 && r != 0)
		r = -r;
	snprintf(buf, len, "%.*f", decimals, r);
	char *dot = strchr(buf, '.');
	if (dot && comma)
		*dot = ',';
	return buf;
}

char *xfmt_signed(char *buf, size_t len, double v, int decimals, bool comma)
{
	char tmp[64];
	xfmt_number(tmp, sizeof tmp, v, decimals, comma);
	bool zero = strspn(tmp, "0.,") == strlen(tmp);
	bool plus = !zero && tmp[0] != '-' && strcmp(tmp, "—") != 0;
	snprintf(buf, len, "%s%s", plus ? "+" : "", tmp);
	return buf;
}

char *xfmt_grouped(char *buf, size_t len, double v, int decimals, bool comma)
{
	char tmp[64], out[96];
	xfmt_number(tmp, sizeof tmp, v, decimals, false);
	if (!strcmp(tmp, "—")) {
		snprintf(buf, len, "%s", tmp);
		return buf;
	}
	const char *digits = tmp + (tmp[0] == '-');
	size_t whole = strcspn(digits, "."), n = 0;
	if (tmp[0] == '-')
		out[n++] = '-';
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			out[n++] = comma ? '.' : ',';
		out[n++] = digits[i];
	}
	if (digits[whole] == '.') {
		out[n++] = comma ? ',' : '.';
		snprintf(out + n, sizeof out - n, "%s", digits + whole + 1);
	} else {
		out[n] = '\0';
	}
	snprintf(buf, len, "%s", out);
	return buf;
}
