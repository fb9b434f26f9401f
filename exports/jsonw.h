/* A minimal streaming JSON writer: correct escaping, locale-proof numbers,
 * never NaN or infinity (written as null). */
#ifndef PEIL_JSONW_H
#define PEIL_JSONW_H

#include <stdbool.h>
#include <stdio.h>

enum { JSONW_MAX_DEPTH = 32 };

struct jsonw {
	FILE *f;
	bool pretty;
	int depth;
	bool need_comma[JSONW_MAX_DEPTH];
	bool after_key;
};

void jsonw_init(struct jsonw *w, FILE *f, bool pretty);
void jsonw_object(struct jsonw *w);
void jsonw_object_end(struct jsonw *w);
void jsonw_array(struct jsonw *w);
void jsonw_array_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_string(struct jsonw *w, const char *s);      /* NULL writes null */
void jsonw_number(struct jsonw *w, double v);           /* non-finite writes null */
void jsonw_null(struct jsonw *w);

/* key + value in one call */
void jsonw_kstring(struct jsonw *w, const char *key, const char *s);
void jsonw_knumber(struct jsonw *w, const char *key, double v);
void jsonw_kint(struct jsonw *w, const char *key, long v);
void jsonw_kbool(struct jsonw *w, const char *key, bool v);
void jsonw_knull(struct jsonw *w, const char *key);
/* The one "number or null": v when has (and finite), else null. */
void jsonw_knumber_or_null(struct jsonw *w, const char *key, bool has, double v);
/* The one "object or null": key, then an object opened (true; the caller
 * writes its fields and closes it) when has, else null (false). */
bool jsonw_kobject_or_null(struct jsonw *w, const char *key, bool has);

#endif
