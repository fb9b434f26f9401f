#include "core/schema.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

bool schema_is_null(const struct ynode *n)
{
	if (!n)
		return true;
	if (n->kind != YNODE_SCALAR || !n->plain)
		return false;
	const char *v = n->u.str;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL");
}

bool schema_map(const struct schema *s, const struct ynode *n, const char *what)
{
	if (n && n->kind == YNODE_MAP)
		return true;
	schema_error(s, n, _("%s: expected a mapping (key: value pairs)"), what);
	return false;
}

bool schema_seq(const struct schema *s, const struct ynode *n, const char *what)
{
	if (n && n->kind == YNODE_SEQ)
		return true;
	schema_error(s, n, _("%s: expected a list"), what);
	return false;
}

/* Levenshtein distance, capped: only used to suggest a typo's intent. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

void schema_check_keys(const struct schema *s, const struct ynode *map,
                       const char *const *allowed)
{
	for (size_t i = 0; i < map->len; i++) {
		const struct ynode *k = map->u.pairs[i].key;
		if (!strncmp(k->u.str, "x-", 2))
			continue;
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = !strcmp(*a, k->u.str);
		if (ok)
			continue;
		/* Only an unknown key pays for the suggestion (hot when loading
		 * thousands of files). */
		const char *near = NULL;
		size_t best = 3;
		for (const char *const *a = allowed; *a; a++) {
			size_t dist = edit_distance(*a, k->u.str);
			if (dist < best) {
				best = dist;
				near = *a;
			}
		}
		if (near)
			schema_error(s, k, _("unknown key '%s' (did you mean '%s'?)"), k->u.str, near);
		else
			schema_error(s, k, _("unknown key '%s'"), k->u.str);
	}
}

const struct ynode *schema_require(const struct schema *s, const struct ynode *map,
                                   const char *key)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v)
		schema_error(s, map, _("missing required key '%s'"), key);
	return v;
}

static bool is_int_text(const char *v)
{
	if (*v == '-' || *v == '+')
		v++;
	if (!isdigit((unsigned char)*v))
		return false;
	while (isdigit((unsigned char)*v))
		v++;
	return *v == '\0';
}

bool schema_int(const struct schema *s, const struct ynode *n, const char *what, int *out)
{
	if (n && n->kind == YNODE_SCALAR && n->plain && is_int_text(n->u.str)) {
		errno = 0;
		long v = strtol(n->u.str, NULL, 10);
		if (errno == 0 && v > -1000000000L && v < 1000000000L) {
			*out = (int)v;
			return true;
		}
	}
	schema_error(s, n, _("%s: expected a whole number"), what);
	return false;
}

bool schema_number(const struct schema *s, const struct ynode *n, const char *what, double *out)
{
	if (n && n->kind == YNODE_SCALAR && n->plain && *n->u.str) {
		const char *v = n->u.str;
		/* strtod also takes hex, "inf" and "nan": refuse those up front. */
		bool ok = !strpbrk(v, "xXnNiI");
		char *end;
		double d = ok ? strtod(v, &end) : 0;
		if (ok && *end == '\0' && isfinite(d) && fabs(d) < 1e9) {
			*out = d;
			return true;
		}
	}
	schema_error(s, n, _("%s: expected a number"), what);
	return false;
}

bool schema_bool(const struct schema *s, const struct ynode *n, const char *what, bool *out)
{
	if (n && n->kind == YNODE_SCALAR && n->plain) {
		const char *v = n->u.str;
		if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "TRUE")) {
			*out = true;
			return true;
		}
		if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "FALSE")) {
			*out = false;
			return true;
		}
	}
	schema_error(s, n, _("%s: expected true or false"), what);
	return false;
}

const char *schema_string(const struct schema *s, const struct ynode *n, const char *what)
{
	if (n && n->kind == YNODE_SCALAR && !schema_is_null(n))
		return n->u.str;
	if (n && n->kind == YNODE_SCALAR)
		schema_error(s, n, _("%s: expected a text, found nothing"), what);
	else
		schema_error(s, n, _("%s: expected a text"), what);
	return NULL;
}

bool schema_valid_date(const char *v)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return false;
	int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

bool schema_date(const struct schema *s, const struct ynode *n, const char *what)
{
	if (n && n->kind == YNODE_SCALAR && schema_valid_date(n->u.str))
		return true;
	schema_error(s, n, _("%s: expected a real date written YYYY-MM-DD"), what);
	return false;
}

void schema_format_version(const struct schema *s, const struct ynode *n, const char *key)
{
	int version;
	if (n && schema_int(s, n, key, &version) && version != 1)
		schema_error(s, n, _("format version %d is not supported; this peil reads version 1"), version);
}

const char *schema_header(const struct schema *s, const struct ynode *root, const char *const *allowed,
                          const char *format_key, const struct ynode **at)
{
	schema_check_keys(s, root, allowed);
	schema_format_version(s, schema_require(s, root, format_key), format_key);
	*at = schema_require(s, root, "questionnaire");
	return *at ? schema_string(s, *at, "questionnaire") : NULL;
}
