/* File names (core/path.c): the one join, directory and base name, and the
 * .yaml/.yml suffix every directory reader and the CLI use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "core/mem.h"
#include "core/path.h"

static void yaml_and_yml_in_any_case(void **state)
{
	(void)state;
	static const struct { const char *name; size_t stem; } t[] = {
		{ "a.yaml", 1 }, { "a.yml", 1 }, { "2026.YAML", 4 }, { "x.Yml", 1 },
		{ "dir/r.yaml", 5 }, { ".yaml", 5 }, { ".yml", 4 }, { "a.yaml.bak", 10 },
		{ "ayaml", 5 }, { "a.json", 6 }, { "", 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		assert_int_equal(path_yaml_stem(t[i].name), t[i].stem);
		assert_int_equal(path_is_yaml(t[i].name), t[i].stem < strlen(t[i].name));
	}
}

static void join_dir_base(void **state)
{
	(void)state;
	static const struct { const char *dir, *name, *joined; } j[] = {
		{ "a", "b.yaml", "a/b.yaml" }, { "a/", "b", "a/b" }, { "/", "b", "/b" }, { "", "b", "/b" },
	};
	for (size_t i = 0; i < sizeof j / sizeof *j; i++) {
		char *s = path_join(j[i].dir, j[i].name);
		assert_string_equal(s, j[i].joined);
		mem_free(s);
	}
	static const struct { const char *path, *dir, *base; } d[] = {
		{ "a/b.yaml", "a", "b.yaml" }, { "/b", "/", "b" }, { "b", ".", "b" },
		{ "x/y/z", "x/y", "z" }, { "x/", "x", "" },
	};
	for (size_t i = 0; i < sizeof d / sizeof *d; i++) {
		char *s = path_dir(d[i].path);
		assert_string_equal(s, d[i].dir);
		assert_string_equal(path_base(d[i].path), d[i].base);
		mem_free(s);
	}
	mem_fail_from(1);
	assert_null(path_join("a", "b"));
	assert_null(path_dir("a/b"));
	mem_fail_from(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_and_yml_in_any_case),
		cmocka_unit_test(join_dir_base),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
