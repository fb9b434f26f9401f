/* Saving response files (core/response_save.c, core/atomic.c): the round
 * trip keeps every value, and a failed write leaves the old file intact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/atomic.h"
#include "core/response.h"
#include "core/ydoc.h"
#include "tests/unit/testutil.h"

/* Texts that YAML would read as something else, or that need quoting. */
static const char *const tricky[] = {
	"He said \"ja\" and 'nee'", "line one\nline two", "ends with a newline\n", "\n\nleading breaks",
	"key: value", "# not a comment", "a #hash inside", "  leading spaces", "trailing spaces  ",
	"  indented\nsecond line", "no", "No", "yes", "off", "y", "~", "null", "true", "\"\"", "''",
	"- dash", "? question", "@at", "`tick", "%percent", "*star", "&amp", "!bang", "|pipe", ">gt",
	"[list]", "{map}", "a, b", "1", "1.5", "-3", "0x1F", "0o17", ".inf", ".NaN", "2026-01-01",
	"12:30", "Één café — ✓ 😀", "tab\tinside", "back\\slash", "...", "---", "x\n...\ny",
	"line\n---\nline", "trailing\n\n", " ", "multi\n  indented\n\tand tab",
};

static struct questionnaire *library(void)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

static struct response *reload(const struct questionnaire *q, const char *path)
{
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(path, q, d);
	if (!r || diag_count(d)) {
		char *text = tu_read(path, NULL);
		char *msgs = tu_diags(d, NULL, true);
		print_error("%s\n--- file:\n%s", msgs, text);
		free(text);
		free(msgs);
	}
	assert_non_null(r);
	assert_int_equal(diag_count(d), 0);     /* not even the end-marker warning */
	diag_list_free(d);
	return r;
}

static void save(const struct response *r, const char *path)
{
	char err[256] = "";
	bool ok = response_save(r, path, err, sizeof err);
	if (!ok)
		print_error("save: %s\n", err);
	assert_true(ok);
}

static void assert_same_string(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_same(const struct response *a, const struct response *b)
{
	const struct questionnaire *q = response_questionnaire(a);
	assert_string_equal(response_organisation(a), response_organisation(b));
	assert_same_string(response_respondent(a), response_respondent(b));
	assert_same_string(response_role(a), response_role(b));
	assert_string_equal(response_date(a), response_date(b));
	assert_int_equal(response_population(a), response_population(b));
	assert_int_equal(response_participants(a), response_participants(b));
	for (int d = 0; d < q->ndomains; d++) {
		int ta = -1, tb = -1;
		assert_int_equal(response_own_target(a, d, &ta), response_own_target(b, d, &tb));
		assert_int_equal(ta, tb);
	}
	for (int i = 0; i < q->nquestions; i++) {
		const struct answer *x = response_answer(a, i), *y = response_answer(b, i);
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->level, y->level);
		assert_same_string(x->note, y->note);
		assert_int_equal(x->nevidence, y->nevidence);
		for (int e = 0; e < x->nevidence; e++)
			assert_string_equal(x->evidence[e], y->evidence[e]);
		assert_int_equal(!x->votes, !y->votes);
		for (int l = 0; x->votes && l < q->nlevels; l++)
			assert_int_equal(x->votes[l], y->votes[l]);
		assert_int_equal(x->carried_over, y->carried_over);
		assert_int_equal(x->proposal, y->proposal);
	}
}

/* peil reads every value as text, but other YAML readers (PyYAML, YAML 1.1)
 * take a plain `no` for false, `~` for null, `1.5` for a number: such texts
 * must be written quoted. */
static void assert_quoted_if_special(const char *path, const char *text)
{
	static const char *const special[] = { "no", "No", "yes", "off", "y", "~", "null", "true",
		"1", "1.5", "-3", "0x1F", "0o17", ".inf", ".NaN", "2026-01-01", "12:30", "" };
	bool is_special = false;
	for (size_t i = 0; i < sizeof special / sizeof *special; i++)
		is_special |= !strcmp(text, special[i]);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_file(path, d);
	assert_non_null(doc);
	const struct ynode *note = ynode_get(ynode_get(ynode_get(doc->root, "answers"),
	                                               "services.online-loans"), "note");
	assert_non_null(note);
	assert_string_equal(note->u.str, text);
	if (is_special && note->plain)
		print_error("'%s' was written plain\n", text);
	assert_false(is_special && note->plain);
	ydoc_free(doc);
	diag_list_free(d);
}

/* Every tricky text as a note, an evidence item, the organisation and the
 * respondent: save, load, compare. */
static void test_round_trip_texts(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "r.yaml");
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		struct response *r = response_new(q, tricky[i]);
		assert_true(response_set_respondent(r, tricky[i]));
		assert_true(response_set_role(r, tricky[i]));
		assert_true(response_set_level(r, 0, 3));
		assert_true(response_set_note(r, 0, tricky[i]));
		const char *ev[] = { tricky[i], "plain.pdf", tricky[(i + 1) % (sizeof tricky / sizeof *tricky)] };
		assert_true(response_set_evidence(r, 1, ev, 3));
		assert_true(response_set_note(r, 2, tricky[i]));       /* a note on an open question */
		save(r, path);
		assert_quoted_if_special(path, tricky[i]);
		struct response *back = reload(q, path);
		if (strcmp(response_answer(back, 0)->note, tricky[i]) != 0)
			print_error("note %zu changed: '%s'\n", i, response_answer(back, 0)->note);
		assert_same(r, back);
		response_free(back);
		response_free(r);
	}
	free(path);
	tu_rmdir(dir);
	questionnaire_free(q);
}

/* Every field at once, and saving what was loaded gives the same bytes. */
static void test_round_trip_everything(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "r.yaml"), *again = tu_join(dir, "again.yaml");
	struct response *r = response_new(q, "Gemeente 's-Hertogenbosch");
	assert_true(response_set_date(r, "2026-02-28"));
	response_set_population(r, 157000);
	response_set_participants(r, 12);
	assert_true(response_set_target(r, 0, 5));
	assert_true(response_set_target(r, 1, 2));
	assert_true(response_set_level(r, 0, 1));
	assert_true(response_set_status(r, 1, ANSWER_NA));
	assert_true(response_set_status(r, 2, ANSWER_UNKNOWN));
	assert_true(response_set_level(r, 3, 5));
	const int votes[5] = { 0, 3, 5, 0, 2 };
	assert_true(response_set_votes(r, 3, votes));
	response_set_carried_over(r, 0, true);
	response_set_proposal(r, 3, true);
	const char *ev[] = { "intranet/ib/incidentplan-2025.pdf", "https://example.org/a?b=c#d" };
	assert_true(response_set_evidence(r, 0, ev, 2));
	assert_true(response_set_note(r, 0, "Plan exists, tested 2025\n\"Oefening\": geslaagd"));
	save(r, path);
	struct response *back = reload(q, path);
	assert_same(r, back);
	save(back, again);
	size_t la = 0, lb = 0;
	char *a = tu_read(path, &la), *b = tu_read(again, &lb);
	assert_string_equal(a, b);
	/* An explicit end marker, so that a file cut short is noticed. */
	assert_true(la > 4);
	assert_string_equal(a + la - 4, "...\n");
	free(a);
	free(b);
	response_free(back);
	response_free(r);
	free(path);
	free(again);
	tu_rmdir(dir);
	questionnaire_free(q);
}

/* Ids are [a-z0-9._-]*, so `no`, `on` or `1.0` are ids; as keys they must
 * be quoted too, or another YAML reader sees false, true or a number. */
static void test_ids_that_look_like_other_types(void **state)
{
	(void)state;
	const char *text =
		"peil: 1\nid: odd\nversion: \"1\"\nlanguages: [en]\ntitle: Odd ids\n"
		"levels: [{value: 1, label: A}, {value: 2, label: B}]\n"
		"domains:\n  - id: \"on\"\n    title: D\n    questions:\n"
		"      - {id: \"no\", text: N, answers: [{level: 1, text: a}, {level: 2, text: b}]}\n"
		"      - {id: \"1.0\", text: V, answers: [{level: 1, text: a}, {level: 2, text: b}]}\n";
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("odd.yaml", text, strlen(text), d);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	ydoc_free(doc);
	assert_non_null(q);
	struct response *r = response_new(q, "X");
	assert_true(response_set_level(r, 0, 2));
	assert_true(response_set_level(r, 1, 1));
	assert_true(response_set_target(r, 0, 2));
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	assert_non_null(strstr(yaml, "\n  \"no\": {level: 2}\n"));
	assert_non_null(strstr(yaml, "\n  \"1.0\": {level: 1}\n"));
	assert_non_null(strstr(yaml, "targets: {\"on\": 2}\n"));
	doc = ydoc_load_buffer("r.yaml", yaml, len, d);
	struct response *back = response_from_doc(doc, q, d);
	ydoc_free(doc);
	assert_non_null(back);
	assert_same(r, back);
	mem_free(yaml);
	response_free(back);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
}

static void test_modes(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "r.yaml");
	struct response *r = response_new(q, "Gemeente Proef");
	mode_t old = umask(0);          /* even a permissive umask: notes stay private */
	save(r, path);
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(chmod(path, 0640), 0);
	save(r, path);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);     /* an existing file keeps its mode */
	assert_int_equal(tu_count_entries(dir), 1);     /* no temporary file left */
	response_free(r);
	free(path);
	tu_rmdir(dir);
	questionnaire_free(q);
}

/* write(2) stand-ins: half the data, then a full disk (or a zero write). */
static size_t written_before_failure;

static ssize_t write_half_then_enospc(int fd, const void *buf, size_t len)
{
	if (written_before_failure > 0) {
		errno = ENOSPC;
		return -1;
	}
	size_t half = len / 2 ? len / 2 : 1;
	written_before_failure = half;
	return write(fd, buf, half);
}

static ssize_t write_half_then_zero(int fd, const void *buf, size_t len)
{
	if (written_before_failure > 0)
		return 0;
	written_before_failure = len / 2;
	return write(fd, buf, len / 2);
}

static void check_failed_write(atomic_write_fn fn, const char *reason)
{
	struct questionnaire *q = library();
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "r.yaml");
	struct response *r = response_new(q, "Gemeente Oud");
	assert_true(response_set_level(r, 0, 2));
	save(r, path);
	char *before = tu_read(path, NULL);
	assert_true(response_set_organisation(r, "Gemeente Nieuw"));
	for (int i = 0; i < q->nquestions; i++)
		response_set_note(r, i, "a long note to make the second half of the file worth losing");
	written_before_failure = 0;
	atomic_set_write_fn(fn);
	char err[256] = "";
	bool ok = response_save(r, path, err, sizeof err);
	atomic_set_write_fn(NULL);
	assert_false(ok);
	assert_true(written_before_failure > 0);        /* it really failed half-way */
	char want[512];
	snprintf(want, sizeof want, "cannot write %s: %s", path, reason);
	assert_string_equal(err, want);
	char *after = tu_read(path, NULL);
	assert_string_equal(after, before);             /* the old file, whole */
	assert_int_equal(tu_count_entries(dir), 1);     /* and no temporary file */
	free(before);
	free(after);
	/* The next save works again. */
	save(r, path);
	struct response *back = reload(q, path);
	assert_string_equal(response_organisation(back), "Gemeente Nieuw");
	response_free(back);
	response_free(r);
	free(path);
	tu_rmdir(dir);
	questionnaire_free(q);
}

static void test_write_failure_enospc(void **state)
{
	(void)state;
	check_failed_write(write_half_then_enospc, strerror(ENOSPC));
}

static void test_write_failure_zero(void **state)
{
	(void)state;
	check_failed_write(write_half_then_zero, strerror(ENOSPC));
}

static void test_missing_directory(void **state)
{
	(void)state;
	char err[512] = "";
	assert_false(atomic_write("/nonexistent-dir/r.yaml", "x", 1, 0600, false, true, err, sizeof err));
	assert_string_equal(err, "cannot create a file next to /nonexistent-dir/r.yaml: No such file or directory");
}

/* Issue 13.1: nothing but a regular file is ever replaced. As root,
 * `-o /dev/null` used to turn the device into a regular file. Each kind
 * is made in a scratch directory (a device node only where mknod works). */
static void test_not_regular_refused(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	static const struct { const char *name, *kind; } kinds[] = {
		{ "dir", "is a directory, not a regular file" },
		{ "fifo", "is a named pipe (FIFO), not a regular file" },
		{ "null", "is a character device, not a regular file" },
		{ "link-to-fifo", "is a named pipe (FIFO), not a regular file" },
	};
	char *p[4];
	for (int i = 0; i < 4; i++)
		p[i] = tu_join(dir, kinds[i].name);
	assert_int_equal(mkdir(p[0], 0700), 0);
	assert_int_equal(mkfifo(p[1], 0600), 0);
	bool dev = mknod(p[2], S_IFCHR | 0666, makedev(1, 3)) == 0;
	assert_int_equal(symlink("fifo", p[3]), 0);
	for (int i = 0; i < 4; i++) {
		if (i == 2 && !dev)
			continue;
		char err[512] = "", want[1024];
		assert_false(atomic_write(p[i], "x", 1, 0600, false, true, err, sizeof err));
		snprintf(want, sizeof want, "%s %s; peil writes only regular files and never replaces anything else",
		         p[i], kinds[i].kind);
		assert_string_equal(err, want);
		struct stat st;
		assert_int_equal(lstat(p[i], &st), 0);
		assert_false(S_ISREG(st.st_mode));
	}
	assert_int_equal(tu_count_entries(dir), 4 - !dev);
	rmdir(p[0]);
	for (int i = 1; i < 4; i++)
		unlink(p[i]);
	for (int i = 0; i < 4; i++)
		free(p[i]);
	tu_rmdir(dir);
}

/* Issue 13.13: a read-only response file is not rewritten (not even by
 * root, who may write anything), and says why; the file is untouched. */
static void test_read_only_refused(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *file = tu_join(dir, "r.yaml");
	tu_write_str(file, "old\n");
	assert_int_equal(chmod(file, 0444), 0);
	char err[512] = "", want[1024];
	assert_false(atomic_write(file, "new\n", 4, 0600, false, true, err, sizeof err));
	snprintf(want, sizeof want, "%s is read-only (mode 0444); peil does not rewrite a file that was "
	         "protected on purpose: make it writable (chmod u+w) or choose another file", file);
	assert_string_equal(err, want);
	char *text = tu_read(file, NULL);
	assert_string_equal(text, "old\n");
	free(text);
	assert_int_equal(tu_count_entries(dir), 1);
	free(file);
	tu_rmdir(dir);
}

/* Issue 13.13: an export written over one its owner made 0600 stays 0600
 * (the umask is for new files only). */
static void test_existing_mode_kept_for_exports(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *file = tu_join(dir, "card.html");
	tu_write_str(file, "old\n");
	assert_int_equal(chmod(file, 0600), 0);
	mode_t old = umask(022);
	char err[512] = "";
	assert_true(atomic_write(file, "new\n", 4, 0666, true, true, err, sizeof err));
	umask(old);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	free(file);
	tu_rmdir(dir);
}

static void test_umask_applied_for_exports(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "out.json");
	mode_t old = umask(027);
	char err[256];
	assert_true(atomic_write(path, "{}\n", 3, 0666, true, false, err, sizeof err));
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	free(path);
	tu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_texts),
		cmocka_unit_test(test_round_trip_everything),
		cmocka_unit_test(test_ids_that_look_like_other_types),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_write_failure_enospc),
		cmocka_unit_test(test_write_failure_zero),
		cmocka_unit_test(test_missing_directory),
		cmocka_unit_test(test_not_regular_refused),
		cmocka_unit_test(test_read_only_refused),
		cmocka_unit_test(test_existing_mode_kept_for_exports),
		cmocka_unit_test(test_umask_applied_for_exports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
