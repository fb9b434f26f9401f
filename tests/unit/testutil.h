/* Helpers shared by the unit tests. Each tests/unit/test_*.c is its own
 * binary, so everything here is static (inline). Include after cmocka.h. */
#ifndef PEIL_TESTUTIL_H
#define PEIL_TESTUTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/mem.h"

/* Absolute path of a fixture under tests/fixtures/; the result stays valid
 * for the next 7 calls (a small ring of buffers). */
static inline const char *tu_fixture(const char *rel)
{
	static char ring[8][4096];
	static int next;
	char *buf = ring[next++ % 8];
	snprintf(buf, sizeof ring[0], "%s/tests/fixtures/%s", PEIL_SRCDIR, rel);
	return buf;
}

/* A fresh directory under $TMPDIR (or /tmp); free with tu_rmdir(). */
static inline char *tu_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/peil-test-XXXXXX", base && *base ? base : "/tmp");
	char *dir = mkdtemp(path);
	assert_non_null(dir);
	return strdup(dir);
}

/* Number of entries in dir (without . and ..). */
static inline int tu_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

/* Removes a flat directory made by tu_mkdtemp() and frees its name. */
static inline void tu_rmdir(char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		for (struct dirent *e; (e = readdir(d));) {
			char path[4096];
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

/* dir/name in a malloc'd string. */
static inline char *tu_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static inline void tu_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static inline void tu_write_str(const char *path, const char *text)
{
	tu_write(path, text, strlen(text));
}

/* The whole file in a malloc'd, NUL-terminated buffer; NULL if missing. */
static inline char *tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	for (size_t got; (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
		n += got;
		if (cap - n - 1 == 0) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* The diagnostics as diag_print() writes them, with "PATH:" taken off the
 * start of each line when `path` is given, so that tables can say
 * "12:5: error: …". Only errors unless with_warnings. Caller frees. */
static inline char *tu_diags(const struct diag_list *d, const char *path, bool with_warnings)
{
	char *raw = NULL, *out;
	size_t rawlen = 0;
	FILE *f = open_memstream(&raw, &rawlen);
	assert_non_null(f);
	diag_print(d, f, with_warnings);
	fclose(f);
	out = malloc(rawlen + 1);
	assert_non_null(out);
	size_t plen = path ? strlen(path) : 0, o = 0;
	for (char *line = raw; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line + 1) : strlen(line);
		if (plen && !strncmp(line, path, plen) && line[plen] == ':') {
			/* "PATH:3:5: error: ..." gives "3:5: error: ..."; a message
			 * without a position, "PATH: error: ...", gives ": error: ..." */
			size_t cut = line[plen + 1] == ' ' ? plen : plen + 1;
			line += cut;
			n -= cut;
		}
		memcpy(out + o, line, n);
		o += n;
		line += n;
	}
	out[o] = '\0';
	free(raw);
	return out;
}

/* Only the lines of kind "warning". */
static inline char *tu_warnings(const struct diag_list *d, const char *path)
{
	char *all = tu_diags(d, path, true), *out = malloc(strlen(all) + 1);
	assert_non_null(out);
	size_t o = 0;
	for (char *line = all; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line + 1) : strlen(line);
		char *w = strstr(line, ": warning: ");
		if (w && w < line + n) {
			memcpy(out + o, line, n);
			o += n;
		}
		line += n;
	}
	out[o] = '\0';
	free(all);
	return out;
}

/* Asserts that the errors in d are exactly `expected` (lines joined by \n,
 * path stripped) and frees nothing of the caller's. */
static inline void tu_assert_errors(const struct diag_list *d, const char *path, const char *expected)
{
	char *got = tu_diags(d, path, false);
	if (strcmp(got, expected) != 0)
		print_error("file %s\nexpected:\n%sgot:\n%s", path, expected, got);
	assert_string_equal(got, expected);
	free(got);
}

/* Asserts that every tests/fixtures/bad/PREFIX* file appears in a table of
 * structs whose `fixture` member names it, and nothing else is in it
 * (so a new broken fixture cannot be forgotten). */
#define tu_assert_table_covers(prefix, table) \
	tu_assert_covers_((prefix), (const char *)&(table)[0].fixture, sizeof (table)[0], \
	                  sizeof (table) / sizeof *(table))
static inline void tu_assert_covers_(const char *prefix, const char *first, size_t stride, size_t n)
{
	DIR *dir = opendir(tu_fixture("bad"));
	assert_non_null(dir);
	size_t on_disk = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		on_disk++;
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= !strcmp(*(const char *const *)(first + i * stride), e->d_name);
		if (!found)
			print_error("bad/%s is not in the table\n", e->d_name);
		assert_true(found);
	}
	closedir(dir);
	assert_int_equal(on_disk, n);
}

#endif
