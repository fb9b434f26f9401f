/* The bounded YAML tree (core/ydoc.c): limits, refusals, sanitising and
 * the positions of its messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "core/ydoc.h"
#include "tests/unit/testutil.h"

static struct ydoc *load(const char *text, struct diag_list *d)
{
	return ydoc_load_buffer("t.yaml", text, strlen(text), d);
}

/* Loads text and asserts it fails with exactly `expected` errors. */
static void expect_refused(const char *text, size_t len, const char *expected)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, len, d);
	assert_null(doc);
	tu_assert_errors(d, "t.yaml", expected);
	diag_list_free(d);
}

static void test_plain_mapping(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("a: 1\nb:\n  - x\n  - 'y'\n", d);
	assert_non_null(doc);
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(doc->root->kind, YNODE_MAP);
	const struct ynode *a = ynode_get(doc->root, "a"), *b = ynode_get(doc->root, "b");
	assert_string_equal(a->u.str, "1");
	assert_true(a->plain);
	assert_int_equal(b->kind, YNODE_SEQ);
	assert_int_equal(b->len, 2);
	assert_false(b->u.items[1]->plain);     /* quoted: never a number or null */
	assert_int_equal(b->u.items[1]->line, 4);
	assert_int_equal(b->u.items[1]->col, 5);
	assert_false(doc->explicit_end);
	assert_null(ynode_get(doc->root, "c"));
	assert_null(ynode_get(a, "a"));
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_empty_collections(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("a: []\nb: {}\n", d);
	assert_non_null(doc);
	assert_int_equal(ynode_get(doc->root, "a")->len, 0);
	assert_int_equal(ynode_get(doc->root, "b")->len, 0);
	ydoc_free(doc);
	diag_list_free(d);
}

/* A document that is only `{}` or `[]`: no child was ever pushed, so the
 * builder's child stack is still NULL (found by fuzz_response in CI; clang's
 * UBSan flags the NULL + 0 that was here, gcc's does not). */
static void test_empty_root_collection(void **state)
{
	(void)state;
	const char *texts[] = { "{}\n", "[]\n", "{}" };
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct diag_list *d = diag_list_new();
		struct ydoc *doc = load(texts[i], d);
		assert_non_null(doc);
		assert_int_equal(doc->root->len, 0);
		ydoc_free(doc);
		diag_list_free(d);
	}
}

static void test_explicit_end(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("a: 1\n...\n", d);
	assert_non_null(doc);
	assert_true(doc->explicit_end);
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_bom_accepted(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("\xef\xbb\xbfpeil: 1\n", d);
	assert_non_null(doc);
	assert_int_equal(diag_count(d), 0);
	assert_string_equal(ynode_get(doc->root, "peil")->u.str, "1");
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("a: first\nb: 2\na: second\nc: {x: 1, x: 2}\n", d);
	assert_non_null(doc);   /* reported, structure intact; the loaders refuse it */
	tu_assert_errors(d, "t.yaml",
	                 "4:11: error: duplicate key 'x' (first at line 4)\n"   /* inner mapping closes first */
	                 "3:1: error: duplicate key 'a' (first at line 1)\n");
	assert_string_equal(ynode_get(doc->root, "a")->u.str, "first");
	assert_int_equal(doc->root->len, 3);
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_many_duplicate_keys_stop_at_100_errors(void **state)
{
	(void)state;
	size_t cap = 200 * 16, n = 0;
	char *text = malloc(cap);
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(text + n, cap - n, "k: %d\n", i);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, n, d);
	ydoc_free(doc);
	assert_int_equal(diag_count(d), 101);           /* kept */
	assert_int_equal(diag_errors(d), 199);          /* reported: all 199 duplicates */
	assert_string_equal(diag_get(d, 99)->message, "duplicate key 'k' (first at line 1)");
	assert_string_equal(diag_get(d, 100)->message, "too many errors; stopping here");
	diag_list_free(d);
	free(text);
}

static void test_aliases_and_anchors_refused(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("a: &x {k: v}\nb: *x\nc: &y [1]\n", d);
	assert_non_null(doc);   /* every alias is reported, none is followed */
	tu_assert_errors(d, "t.yaml",
	                 "1:4: error: anchors (&x) and aliases are not allowed\n"
	                 "2:4: error: aliases (*x) are not allowed\n"
	                 "3:4: error: anchors (&y) and aliases are not allowed\n");
	assert_int_equal(ynode_get(doc->root, "b")->kind, YNODE_SCALAR);
	ydoc_free(doc);
	diag_list_free(d);
}

/* A self-referencing alias: yaml_parser_load would build a cycle. */
static void test_alias_cycle(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("&a [*a, *a]\n", d);
	assert_true(diag_errors(d) >= 2);
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_control_characters_replaced(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	/* Double-quoted escapes: ESC, BEL, NUL, RLO (U+202E), C1 CSI (U+009B), LRI. */
	struct ydoc *doc = load("t: \"red\\e[31m bell\\a nul\\0 rlo\\u202E csi\\x9b lri\\u2066 tab\\tnl\\n end\"\n", d);
	assert_non_null(doc);
	char *w = tu_warnings(d, "t.yaml");
	assert_string_equal(w, "1:4: warning: control or bidirectional characters replaced by U+FFFD\n");
	free(w);
	const struct ynode *t = ynode_get(doc->root, "t");
	assert_string_equal(t->u.str, "red\xef\xbf\xbd[31m bell\xef\xbf\xbd nul\xef\xbf\xbd rlo\xef\xbf\xbd "
	                              "csi\xef\xbf\xbd lri\xef\xbf\xbd tab\tnl\n end");
	assert_int_equal(t->len, strlen(t->u.str));    /* the NUL did not cut it short */
	assert_null(strchr(t->u.str, '\x1b'));
	assert_null(strchr(t->u.str, '\a'));
	assert_null(strstr(t->u.str, "\xe2\x80\xae"));
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_clean_text_no_warning(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("t: \"Gemeente 's-Hertogenbosch \xe2\x80\x94 \xc3\xa9\xc3\xa9n\\tkolom\"\n", d);
	assert_non_null(doc);
	assert_int_equal(diag_count(d), 0);
	ydoc_free(doc);
	diag_list_free(d);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Reader errors come as a byte offset: turned into line:column, at the
	 * start of the broken character (columns count characters). */
	const char two[] = "a: 1\nb: \xc3\xa9\xc3(\n";
	expect_refused(two, sizeof two - 1, "2:5: error: cannot read the file: invalid trailing UTF-8 octet\n");
	const char three[] = "a: x\xe2\x82(\n";
	expect_refused(three, sizeof three - 1, "1:5: error: cannot read the file: invalid trailing UTF-8 octet\n");
	const char lead[] = "a: 1\nb: 2\n  # \xff\n";
	expect_refused(lead, sizeof lead - 1, "3:5: error: cannot read the file: invalid leading UTF-8 octet\n");
	const char cut[] = "a: x\xe2\x82";
	expect_refused(cut, sizeof cut - 1, "1:5: error: cannot read the file: incomplete UTF-8 octet sequence\n");
	/* A byte order mark is not a column. */
	const char bom[] = "\xef\xbb\xbf" "a: \xc3(\n";
	expect_refused(bom, sizeof bom - 1, "1:4: error: cannot read the file: invalid trailing UTF-8 octet\n");
}

static void test_nul_byte(void **state)
{
	(void)state;
	const char text[] = "a: 1\nb: x\0y\n";
	expect_refused(text, sizeof text - 1, "2:5: error: cannot read the file: control characters are not allowed\n");
}

static void test_empty(void **state)
{
	(void)state;
	expect_refused("", 0, "1:1: error: the file is empty\n");
	expect_refused("# only a comment\n\n", 18, "1:1: error: the file is empty\n");
}

static void test_several_documents(void **state)
{
	(void)state;
	const char *text = "a: 1\n---\nb: 2\n";
	expect_refused(text, strlen(text), "2:1: error: a file must hold one YAML document, not several\n");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	const char *bad_indent = "a:\n  - 1\n - 2\n";
	expect_refused(bad_indent, strlen(bad_indent),
	               "3:2: error: YAML syntax error: while parsing a block mapping did not find expected key (see line 1)\n");
	/* Left open until the end: pointed at where it was opened. */
	const char *quote = "a: 1\nb: \"open\nc: 3\n";
	expect_refused(quote, strlen(quote),
	               "2:4: error: YAML syntax error: while scanning a quoted scalar found unexpected "
	               "end of stream (at the end of the file, line 4)\n");
	const char *bracket = "a: 1\nb: [1, 2\n";
	expect_refused(bracket, strlen(bracket),
	               "2:4: error: YAML syntax error: while parsing a flow sequence did not find "
	               "expected ',' or ']' (at the end of the file, line 3)\n");
	/* Columns and the end count characters, not bytes. */
	const char *accents = "a: \"\xc3\xa9\xc3\xa9n\nb: \xc3\xa9\xc3\xa9n\n";
	expect_refused(accents, strlen(accents),
	               "1:4: error: YAML syntax error: while scanning a quoted scalar found unexpected "
	               "end of stream (at the end of the file, line 3)\n");
	const char *tab = "a:\n\t- 1\n";
	struct diag_list *d = diag_list_new();
	assert_null(ydoc_load_buffer("t.yaml", tab, strlen(tab), d));
	assert_int_equal(diag_get(d, 0)->line, 2);
	diag_list_free(d);
}

static void test_non_scalar_key(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = load("? [a, b]\n: c\nd: e\n", d);
	tu_assert_errors(d, "t.yaml", "1:3: error: a key must be a plain text, not a list or mapping\n");
	assert_non_null(doc);
	assert_string_equal(ynode_get(doc->root, "d")->u.str, "e");
	ydoc_free(doc);
	diag_list_free(d);
}

static char *nested(int depth, size_t *len)
{
	char *s = malloc((size_t)depth * 2 + 2);
	for (int i = 0; i < depth; i++) {
		s[i] = '[';
		s[depth + i] = ']';
	}
	s[depth * 2] = '\n';
	s[depth * 2 + 1] = '\0';
	*len = (size_t)depth * 2 + 1;
	return s;
}

static void test_depth_limit(void **state)
{
	(void)state;
	size_t len;
	char *ok = nested(YDOC_MAX_DEPTH, &len);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", ok, len, d);
	assert_non_null(doc);
	ydoc_free(doc);
	diag_list_free(d);
	free(ok);
	char *deep = nested(YDOC_MAX_DEPTH + 1, &len);
	expect_refused(deep, len, "1:65: error: nesting deeper than 64 levels is not allowed\n");
	free(deep);
}

/* libyaml's flow nesting is quadratic: 100,000 '[' are refused at the
 * 65th, before libyaml sees the rest (how fast is make bench's to say). */
static void test_deep_nesting_stops_early(void **state)
{
	(void)state;
	size_t len;
	char *deep = nested(100000, &len);
	expect_refused(deep, len, "1:65: error: nesting deeper than 64 levels is not allowed\n");
	free(deep);
}

static void test_scalar_limit(void **state)
{
	(void)state;
	size_t n = YDOC_MAX_SCALAR;
	char *text = malloc(n + 16);
	memcpy(text, "a: ", 3);
	memset(text + 3, 'x', n);
	strcpy(text + 3 + n, "\nb: 1\n");
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, strlen(text), d);
	assert_non_null(doc);   /* exactly the limit is fine */
	assert_int_equal(ynode_get(doc->root, "a")->len, n);
	ydoc_free(doc);
	diag_list_free(d);
	text = realloc(text, n + 32);
	memcpy(text, "a: 1\nb: ", 8);
	memset(text + 8, 'y', n + 1);
	strcpy(text + 8 + n + 1, "\n");
	expect_refused(text, strlen(text), "2:4: error: a text of 262145 bytes is longer than the limit of 262144\n");
	free(text);
}

static void test_node_limit(void **state)
{
	(void)state;
	/* [0,0,0,…]: one sequence node plus one node per item. */
	size_t items = YDOC_MAX_NODES, len = 0;
	char *text = malloc(items * 2 + 4);
	text[len++] = '[';
	for (size_t i = 0; i < items; i++) {
		text[len++] = '0';
		text[len++] = ',';
	}
	text[len - 1] = ']';
	text[len++] = '\n';
	expect_refused(text, len,
	               "1:1000000: error: the file has more than 500000 YAML nodes; refusing to read further\n");
	/* One fewer item: exactly the limit. */
	struct diag_list *d = diag_list_new();
	memcpy(text + len - 4, "]\n", 2);
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, len - 2, d);
	assert_non_null(doc);
	assert_int_equal(doc->root->len, items - 1);
	ydoc_free(doc);
	diag_list_free(d);
	free(text);
}

static void test_file_size_limit(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "big.yaml");
	size_t n = (size_t)YDOC_MAX_FILE_SIZE + 1;
	char *text = malloc(n);
	memset(text, '#', n);       /* one long comment: valid YAML, only too big */
	text[n - 1] = '\n';
	tu_write(path, text, n);
	struct diag_list *d = diag_list_new();
	assert_null(ydoc_load_file(path, d));
	tu_assert_errors(d, path, "1:1: error: the file is larger than the limit of 16 MiB\n");
	diag_list_free(d);
	/* The same through a pipe, which has no size to look at first. */
	char *fifo = tu_join(dir, "pipe.yaml");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* peil opens without waiting for a writer (a FIFO nobody writes to
	 * reads as empty), so the writer must be there first: a read end held
	 * here lets its open() return, and it says so through `opened`. */
	int hold = open(fifo, O_RDONLY | O_NONBLOCK), opened[2];
	assert_true(hold >= 0);
	assert_int_equal(pipe(opened), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(fifo, O_WRONLY);
		if (write(opened[1], "", 1) != 1)
			_exit(1);
		for (size_t off = 0; fd >= 0 && off < n;) {
			ssize_t w = write(fd, text + off, n - off);
			if (w <= 0)
				break;
			off += (size_t)w;
		}
		_exit(0);
	}
	char byte;
	assert_int_equal(read(opened[0], &byte, 1), 1);
	d = diag_list_new();
	assert_null(ydoc_load_file(fifo, d));
	tu_assert_errors(d, fifo, "1:1: error: the file is larger than the limit of 16 MiB\n");
	diag_list_free(d);
	/* The writer now blocks on the held end: end it. */
	close(hold);
	close(opened[0]);
	close(opened[1]);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	free(text);
	free(path);
	free(fifo);
	tu_rmdir(dir);
}

static void test_missing_file_and_directory(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	assert_null(ydoc_load_file("/nonexistent/peil.yaml", d));
	assert_null(ydoc_load_file(PEIL_SRCDIR, d));
	char *got = tu_diags(d, NULL, false);
	char want[8192];
	snprintf(want, sizeof want,
	         "/nonexistent/peil.yaml: error: cannot open: No such file or directory\n"
	         "%s: error: is a directory, not a file\n", PEIL_SRCDIR);
	assert_string_equal(got, want);
	free(got);
	diag_list_free(d);
}

static void test_peek_key(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "r.yaml");
	tu_write_str(path, "peil-responses: 1\nanswers: {questionnaire: no}\nquestionnaire: \"lib\"\n");
	char *v = ydoc_peek_key(path, "questionnaire");
	assert_non_null(v);
	assert_string_equal(v, "lib");     /* the top-level key, not the nested one */
	mem_free(v);
	assert_null(ydoc_peek_key(path, "organisation"));
	assert_null(ydoc_peek_key("/nonexistent", "questionnaire"));
	free(path);
	tu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_mapping),
		cmocka_unit_test(test_empty_collections),
		cmocka_unit_test(test_empty_root_collection),
		cmocka_unit_test(test_explicit_end),
		cmocka_unit_test(test_bom_accepted),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_many_duplicate_keys_stop_at_100_errors),
		cmocka_unit_test(test_aliases_and_anchors_refused),
		cmocka_unit_test(test_alias_cycle),
		cmocka_unit_test(test_control_characters_replaced),
		cmocka_unit_test(test_clean_text_no_warning),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_several_documents),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_non_scalar_key),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_deep_nesting_stops_early),
		cmocka_unit_test(test_scalar_limit),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_missing_file_and_directory),
		cmocka_unit_test(test_peek_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
