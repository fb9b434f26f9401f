#include "exports/jsonw.h"

#include <math.h>
#include <stdlib.h>

void jsonw_init(struct jsonw *w, FILE *f, bool pretty)
{
	*w = (struct jsonw){ .f = f, .pretty = pretty };
}

static void indent(struct jsonw *w)
{
	if (!w->pretty)
		return;
	fputc('\n', w->f);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

/* Comma and indentation before a value or a key. */
static void before_value(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->need_comma[w->depth])
			fputc(',', w->f);
		w->need_comma[w->depth] = true;
		indent(w);
	}
}

static void open_container(struct jsonw *w, char c)
{
	before_value(w);
	fputc(c, w->f);
	if (w->depth < JSONW_MAX_DEPTH - 1)
		w->depth++;
	w->need_comma[w->depth] = false;
}

static void close_container(struct jsonw *w, char c)
{
	bool had = w->need_comma[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (had)
		indent(w);
	fputc(c, w->f);
	if (w->depth == 0 && w->pretty)
		fputc('\n', w->f);
}

void jsonw_object(struct jsonw *w) { open_container(w, '{'); }
void jsonw_object_end(struct jsonw *w) { close_container(w, '}'); }
void jsonw_array(struct jsonw *w) { open_container(w, '['); }
void jsonw_array_end(struct jsonw *w) { close_container(w, ']'); }

bool jsonw_kobject_or_null(struct jsonw *w, const char *key, bool has)
{
	jsonw_key(w, key);
	if (has)
		jsonw_object(w);
	else
		jsonw_null(w);
	return has;
}

/* A JSON string body (without quotes). */
static void jsonw_escape(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
}

void jsonw_key(struct jsonw *w, const char *key)
{
	before_value(w);
	fputc('"', w->f);
	jsonw_escape(w->f, key);
	fputs(w->pretty ? "\": " : "\":", w->f);
	w->after_key = true;
}

void jsonw_string(struct jsonw *w, const char *s)
{
	if (!s) {
		jsonw_null(w);
		return;
	}
	before_value(w);
	fputc('"', w->f);
	jsonw_escape(w->f, s);
	fputc('"', w->f);
}

void jsonw_number(struct jsonw *w, double v)
{
	if (!isfinite(v)) {
		jsonw_null(w);
		return;
	}
	before_value(w);
	/* The shortest of %.15g and %.17g that reads back as the same double. */
	char buf[40];
	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	fputs(buf, w->f);
}

static void jsonw_int(struct jsonw *w, long v)
{
	before_value(w);
	fprintf(w->f, "%ld", v);
}

static void jsonw_bool(struct jsonw *w, bool v)
{
	before_value(w);
	fputs(v ? "true" : "false", w->f);
}

void jsonw_null(struct jsonw *w)
{
	before_value(w);
	fputs("null", w->f);
}

void jsonw_kstring(struct jsonw *w, const char *key, const char *s) { jsonw_key(w, key); jsonw_string(w, s); }
void jsonw_knumber(struct jsonw *w, const char *key, double v) { jsonw_key(w, key); jsonw_number(w, v); }
void jsonw_kint(struct jsonw *w, const char *key, long v) { jsonw_key(w, key); jsonw_int(w, v); }
void jsonw_kbool(struct jsonw *w, const char *key, bool v) { jsonw_key(w, key); jsonw_bool(w, v); }
void jsonw_knull(struct jsonw *w, const char *key) { jsonw_key(w, key); jsonw_null(w); }

void jsonw_knumber_or_null(struct jsonw *w, const char *key, bool has, double v)
{
	jsonw_key(w, key);
	if (has)
		jsonw_number(w, v);
	else
		jsonw_null(w);
}
