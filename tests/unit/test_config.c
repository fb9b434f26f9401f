/* The settings file (core/config.c) and the data dir it points to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"
#include "core/lookup.h"
#include "core/mem.h"

static struct config *parse(const char *text, struct diag_list *d)
{
	return config_parse(text, strlen(text), "cfg", d);
}

/* "cfg:LINE:COL: MESSAGE" of diagnostic i, for exact comparisons. */
static const char *diag_line(const struct diag_list *d, size_t i)
{
	static char buf[512];
	const struct diag *g = diag_get(d, i);
	snprintf(buf, sizeof buf, "%s:%d:%d: %s%s", g->path, g->line, g->col,
	         g->severity == DIAG_WARNING ? "warning: " : "error: ", g->message);
	return buf;
}

static void test_full_file(void **state)
{
	(void)state;
	setenv("HOME", "/home/ria", 1);
	struct diag_list *d = diag_list_new();
	struct config *c = parse("# peil settings\n"
	                         "\n"
	                         "language = nl\n"
	                         "  theme=high-contrast  \r\n"
	                         "data_dir = ~/Documenten/peil\n", d);
	assert_non_null(c);
	assert_int_equal(diag_count(d), 0);
	assert_string_equal(config_language(c), "nl");
	assert_int_equal(config_theme(c), CONFIG_THEME_HIGH_CONTRAST);
	assert_string_equal(config_data_dir(c), "/home/ria/Documenten/peil");
	config_free(c);
	diag_list_free(d);
}

static void test_defaults(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct config *c = parse("", d);
	assert_non_null(c);
	assert_null(config_language(c));
	assert_int_equal(config_theme(c), CONFIG_THEME_DEFAULT);
	assert_null(config_data_dir(c));
	assert_int_equal(diag_count(d), 0);
	config_free(c);
	config_free(NULL);
	diag_list_free(d);
	/* A NULL config reads as the defaults too. */
	assert_null(config_language(NULL));
	assert_int_equal(config_theme(NULL), CONFIG_THEME_DEFAULT);
}

static void test_quotes_and_last_wins(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct config *c = parse("theme = \"none\"\ndata_dir = \"/srv/peil data\"\n"
	                         "language = en\nlanguage = nl", d);
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(config_theme(c), CONFIG_THEME_NONE);
	assert_string_equal(config_data_dir(c), "/srv/peil data");
	assert_string_equal(config_language(c), "nl");     /* no final newline */
	config_free(c);
	diag_list_free(d);
}

/* Each bad line: the exact warning, and that setting keeps its default. */
static void test_bad_lines(void **state)
{
	(void)state;
	static const struct { const char *text, *message; } cases[] = {
		{ "language = fr\n", "cfg:1:12: warning: language takes nl or en, not 'fr'" },
		{ "theme = dark\n", "cfg:1:9: warning: theme takes default, high-contrast or none, not 'dark'" },
		{ "data_dir = peil\n", "cfg:1:12: warning: data_dir must be an absolute path or start with ~/" },
		{ "data_dir =\n", "cfg:1:11: warning: data_dir is empty" },
		{ "\n  colour = red\n", "cfg:2:1: warning: unknown setting 'colour' (known: language, theme, data_dir)" },
		{ "#ok\n  language nl\n", "cfg:2:3: warning: expected 'key = value'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct diag_list *d = diag_list_new();
		struct config *c = parse(cases[i].text, d);
		assert_non_null(c);
		assert_int_equal(diag_count(d), 1);
		assert_string_equal(diag_line(d, 0), cases[i].message);
		assert_int_equal(diag_errors(d), 0);    /* never stops peil */
		assert_null(config_language(c));
		assert_int_equal(config_theme(c), CONFIG_THEME_DEFAULT);
		assert_null(config_data_dir(c));
		config_free(c);
		diag_list_free(d);
	}
}

static void test_nul_byte(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	static const char text[] = "language = en\0junk\ntheme = none\n";
	struct config *c = config_parse(text, sizeof text - 1, "cfg", d);
	assert_int_equal(diag_count(d), 1);
	assert_string_equal(diag_line(d, 0),
	                    "cfg:1:14: warning: a NUL byte in the settings file; the rest of the line is ignored");
	assert_string_equal(config_language(c), "en");
	assert_int_equal(config_theme(c), CONFIG_THEME_NONE);   /* the next line still counts */
	config_free(c);
	diag_list_free(d);
}

static void test_default_path(void **state)
{
	(void)state;
	setenv("HOME", "/home/ria", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-ria", 1);
	char *p = config_default_path();
	assert_string_equal(p, "/etc/xdg-ria/peil/config");
	mem_free(p);
	/* The XDG spec: a relative XDG_CONFIG_HOME is ignored. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = config_default_path();
	assert_string_equal(p, "/home/ria/.config/peil/config");
	mem_free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = config_default_path();
	assert_string_equal(p, "/home/ria/.config/peil/config");
	mem_free(p);
	unsetenv("HOME");
	assert_null(config_default_path());
}

static char tmp[1024];   /* short enough for every path built from it */

static int make_tmp(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "%s/peil-config-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return mkdtemp(tmp) ? 0 : -1;
}

static int remove_tmp(void **state)
{
	(void)state;
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_load_from_xdg(void **state)
{
	(void)state;
	char dir[PATH_MAX], file[PATH_MAX + 8];
	snprintf(dir, sizeof dir, "%s/cfg/peil", tmp);
	assert_int_equal(lookup_mkdirs(dir), 0);
	snprintf(file, sizeof file, "%s/config", dir);
	write_file(file, "language = en\ntheme = none\n");
	snprintf(dir, sizeof dir, "%s/cfg", tmp);
	setenv("XDG_CONFIG_HOME", dir, 1);
	struct diag_list *d = diag_list_new();
	struct config *c = config_load(NULL, d);
	assert_int_equal(diag_count(d), 0);
	assert_string_equal(config_language(c), "en");
	assert_int_equal(config_theme(c), CONFIG_THEME_NONE);
	config_free(c);
	/* No file at all: the defaults, silently. */
	snprintf(dir, sizeof dir, "%s/nowhere", tmp);
	setenv("XDG_CONFIG_HOME", dir, 1);
	c = config_load(NULL, d);
	assert_non_null(c);
	assert_int_equal(diag_count(d), 0);
	assert_null(config_language(c));
	config_free(c);
	/* A directory where the file should be: a warning, then the defaults. */
	c = config_load(tmp, d);
	assert_non_null(c);
	assert_int_equal(diag_count(d), 1);
	assert_int_equal(diag_get(d, 0)->severity, DIAG_WARNING);
	config_free(c);
	unsetenv("XDG_CONFIG_HOME");
	diag_list_free(d);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A fresh account has no ~/.local/share: the data dir is made with its parents. */
static void test_data_dir_parents(void **state)
{
	(void)state;
	char home[PATH_MAX], want[PATH_MAX + 32];
	snprintf(home, sizeof home, "%s/home", tmp);
	setenv("HOME", home, 1);
	unsetenv("XDG_DATA_HOME");
	snprintf(want, sizeof want, "%s/.local/share/peil", home);
	assert_false(is_dir(home));
	char *dir = lookup_data_dir(0);
	assert_string_equal(dir, want);
	assert_false(is_dir(dir));
	mem_free(dir);
	dir = lookup_data_dir(1);
	assert_non_null(dir);
	assert_string_equal(dir, want);
	assert_true(is_dir(dir));
	mem_free(dir);
	/* Without data_dir the configured dir is that same one. */
	struct diag_list *d = diag_list_new();
	struct config *c = parse("", d);
	dir = config_assessment_dir(c, 1);
	assert_string_equal(dir, want);
	mem_free(dir);
	config_free(c);
	/* With data_dir, that one, also created with its parents. */
	c = parse("data_dir = ~/a/b/c\n", d);
	snprintf(want, sizeof want, "%s/a/b/c", home);
	dir = config_assessment_dir(c, 1);
	assert_string_equal(dir, want);
	assert_true(is_dir(want));
	mem_free(dir);
	config_free(c);
	/* A file in the way: no dir, and no crash. */
	snprintf(want, sizeof want, "%s/file", tmp);
	write_file(want, "x");
	c = parse("data_dir = ~/../file/sub\n", d);
	assert_null(config_assessment_dir(c, 1));
	config_free(c);
	assert_int_equal(diag_count(d), 0);
	diag_list_free(d);
}

/* Out of memory at every allocation in turn: NULL or a config, no crash/leak. */
static void test_out_of_memory(void **state)
{
	(void)state;
	setenv("HOME", "/home/ria", 1);
	static const char text[] = "language = nl\ntheme = none\ndata_dir = ~/x\nbad\n";
	for (unsigned long n = 1; n < 100; n++) {
		struct diag_list *d = diag_list_new();
		mem_fail_from(n);
		struct config *c = config_parse(text, sizeof text - 1, "cfg", d);
		mem_fail_from(0);
		bool complete = c && config_data_dir(c) && config_language(c);
		config_free(c);
		diag_list_free(d);
		if (complete)
			return;
	}
	fail_msg("config_parse never succeeded within 100 allocations");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_quotes_and_last_wins),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_load_from_xdg),
		cmocka_unit_test(test_data_dir_parents),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
