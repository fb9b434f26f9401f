/* Resource exhaustion, SQLite-style: every allocation of a load, a score
 * and a save fails in turn (for good, and once only), and every write of a
 * save fails with a full disk or an I/O error. Each time the result is
 * either a clean error (and nothing leaks: LeakSanitizer) or exactly what
 * an unhindered run produces: never a half-loaded file or a lost answer.
 * Also: the previous file survives a failed save untouched. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/atomic.h"
#include "core/mem.h"
#include "core/response.h"
#include "core/ydoc.h"
#include "scoring/score.h"
#include "tests/unit/testutil.h"

#define QPATH PEIL_SRCDIR "/tests/fixtures/hostile/library.yaml"
#define RPATH PEIL_SRCDIR "/tests/fixtures/hostile/r-everything.yaml"

typedef unsigned long (*fail_fn)(unsigned long n);

/* The saved text of an unhindered run: what every successful run must match. */
static char *reference_yaml(size_t *len)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(QPATH, d);
	assert_non_null(q);
	struct response *r = response_load(RPATH, q, d);
	assert_non_null(r);
	assert_int_equal(diag_errors(d), 0);
	char *yaml = response_to_yaml(r, len);
	assert_non_null(yaml);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
	return yaml;
}

/* True when the list says memory ran out (a message, or the list's own flag
 * when even the message could not be stored). */
static bool says_out_of_memory(const struct diag_list *d)
{
	size_t stored = 0;
	for (size_t i = 0; i < diag_count(d); i++) {
		if (strstr(diag_get(d, i)->message, "out of memory"))
			return true;
		stored += diag_get(d, i)->severity == DIAG_ERROR;
	}
	return diag_errors(d) > stored;         /* the flag counts as one error */
}

enum stage { FAILED_LOAD_Q, FAILED_LOAD_R, FAILED_SCORE, FAILED_SAVE, SUCCEEDED };

/* Load both files, score, produce the saved text with allocation n failing;
 * compare on success. Returns how many allocations were made in *made. */
static enum stage run_pipeline(fail_fn fail_at, unsigned long n, const char *ref, size_t ref_len,
                               bool *clean, unsigned long *made)
{
	struct diag_list *d = diag_list_new();
	assert_non_null(d);
	fail_at(n);
	enum stage st = FAILED_LOAD_Q;
	struct response *r = NULL;
	struct scorecard *s = NULL;
	char *yaml = NULL;
	struct questionnaire *q = questionnaire_load(QPATH, d);
	if (q) {
		st = FAILED_LOAD_R;
		r = response_load(RPATH, q, d);
	}
	if (r) {
		st = FAILED_SCORE;
		s = score_compute(q, r);
	}
	size_t len = 0;
	if (s) {
		st = FAILED_SAVE;
		yaml = response_to_yaml(r, &len);
	}
	if (yaml)
		st = SUCCEEDED;
	*made = mem_fail_from(0);
	/* A loaded file has no errors; a failed load says why. */
	*clean = st >= FAILED_SCORE ? diag_errors(d) == 0 : says_out_of_memory(d);
	if (st == SUCCEEDED && (len != ref_len || memcmp(yaml, ref, len) != 0)) {
		print_error("a run that succeeded saved different text:\n%s\n", yaml);
		*clean = false;
	}
	mem_free(yaml);
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
	return st;
}

static void fail_each_allocation(fail_fn fail_at, const char *mode)
{
	size_t ref_len;
	char *ref = reference_yaml(&ref_len);
	unsigned long n, counts[SUCCEEDED + 1] = { 0 };
	for (n = 1; n < 200000; n++) {
		bool clean;
		unsigned long made;
		enum stage st = run_pipeline(fail_at, n, ref, ref_len, &clean, &made);
		if (!clean)
			print_error("%s: allocation %lu of %lu: stage %d ended without a clean result\n",
			            mode, n, made, (int)st);
		assert_true(clean);
		counts[st]++;
		if (made < n)           /* no allocation failed: we are past the end */
			break;
	}
	print_message("%s: %lu allocations failed in turn; failed loading the questionnaire %lu, "
	              "the response %lu, scoring %lu, saving %lu; succeeded anyway %lu\n", mode, n - 1,
	              counts[FAILED_LOAD_Q], counts[FAILED_LOAD_R], counts[FAILED_SCORE],
	              counts[FAILED_SAVE], counts[SUCCEEDED]);
	assert_true(n > 50);
	assert_true(n < 200000);
	assert_true(counts[FAILED_LOAD_Q] > 0 && counts[FAILED_LOAD_R] > 0);
	free(ref);
}

static void test_allocations_fail_for_good(void **state)
{
	(void)state;
	fail_each_allocation(mem_fail_from, "persistent");
}

static void test_allocations_fail_once(void **state)
{
	(void)state;
	fail_each_allocation(mem_fail_once, "transient");
}

/* --- Full disks and I/O errors through the atomic writer's seam. --- */

struct disk {
	size_t budget;          /* bytes that still fit */
	int err;                /* errno once it is spent (0: short writes only) */
	size_t chunk;           /* at most this much per write() */
	int eintr;              /* interrupt this many calls first */
};
static struct disk disk;

static ssize_t fake_write(int fd, const void *buf, size_t len)
{
	if (disk.eintr > 0) {
		disk.eintr--;
		errno = EINTR;
		return -1;
	}
	if (disk.err && disk.budget == 0) {
		errno = disk.err;
		return -1;
	}
	if (disk.err && len > disk.budget)
		len = disk.budget;
	if (disk.chunk && len > disk.chunk)
		len = disk.chunk;
	ssize_t n = write(fd, buf, len);
	if (n > 0 && disk.err)
		disk.budget -= (size_t)n;
	return n;
}

struct fixture {
	char *dir, *path;
	struct questionnaire *q;
	struct response *r;
	char *before;           /* the file as it was */
	size_t before_len;
};

static int setup_disk(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diag_list *d = diag_list_new();
	f->dir = tu_mkdtemp();
	f->path = tu_join(f->dir, "antwoorden.yaml");
	f->q = questionnaire_load(QPATH, d);
	f->r = f->q ? response_load(RPATH, f->q, d) : NULL;
	diag_list_free(d);
	if (!f->r)
		return -1;
	char err[256];
	if (!response_save(f->r, f->path, err, sizeof err))
		return -1;
	chmod(f->path, 0640);           /* a mode the owner chose: must survive */
	f->before = tu_read(f->path, &f->before_len);
	/* The user's next answer, which a failed save must not lose. */
	response_set_note(f->r, 0, "nieuwe notitie na de laatste opslag");
	response_set_level(f->r, 3, 5);
	*state = f;
	return 0;
}

static int teardown_disk(void **state)
{
	struct fixture *f = *state;
	atomic_set_write_fn(NULL);
	response_free(f->r);
	questionnaire_free(f->q);
	free(f->before);
	free(f->path);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

static void assert_untouched(const struct fixture *f)
{
	size_t len;
	char *now = tu_read(f->path, &len);
	assert_non_null(now);
	assert_int_equal(len, f->before_len);
	assert_memory_equal(now, f->before, len);
	free(now);
	struct stat st;
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(tu_count_entries(f->dir), 1);     /* no temporary file left */
}

/* After the disk recovers, the answers still in memory are saved in full. */
static void assert_saves_after_recovery(const struct fixture *f)
{
	char err[256];
	atomic_set_write_fn(NULL);
	assert_true(response_save(f->r, f->path, err, sizeof err));
	struct diag_list *d = diag_list_new();
	struct response *back = response_load(f->path, f->q, d);
	assert_non_null(back);
	assert_string_equal(response_answer(back, 0)->note, "nieuwe notitie na de laatste opslag");
	assert_int_equal(response_answer(back, 3)->level, 5);
	struct stat st;
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	response_free(back);
	diag_list_free(d);
}

static void save_fails(struct fixture *f, struct disk how, const char *reason)
{
	char err[256] = "";
	disk = how;
	atomic_set_write_fn(fake_write);
	assert_false(response_save(f->r, f->path, err, sizeof err));
	atomic_set_write_fn(NULL);
	if (!strstr(err, reason) || !strstr(err, f->path))
		print_error("message '%s' does not name the file and '%s'\n", err, reason);
	assert_non_null(strstr(err, reason));
	assert_non_null(strstr(err, f->path));
	assert_untouched(f);
}

static void test_disk_full_at_once(void **state)
{
	save_fails(*state, (struct disk){ .budget = 0, .err = ENOSPC }, strerror(ENOSPC));
	assert_saves_after_recovery(*state);
}

static void test_disk_full_half_way(void **state)
{
	struct fixture *f = *state;
	/* Every cut point of the first 600 bytes of the new text, then more. */
	size_t len;
	char *next = response_to_yaml(f->r, &len);      /* what the save writes */
	assert_non_null(next);
	mem_free(next);
	for (size_t cut = 1; cut < len; cut += cut < 600 ? 1 : 37)
		save_fails(f, (struct disk){ .budget = cut, .err = ENOSPC }, strerror(ENOSPC));
	assert_saves_after_recovery(f);
}

static void test_io_error(void **state)
{
	save_fails(*state, (struct disk){ .budget = 100, .err = EIO }, strerror(EIO));
	save_fails(*state, (struct disk){ .budget = 0, .err = EDQUOT }, strerror(EDQUOT));
	assert_saves_after_recovery(*state);
}

/* write() returning 0 must not loop forever: it counts as a full disk. */
static ssize_t zero_write(int fd, const void *buf, size_t len)
{
	(void)fd, (void)buf, (void)len;
	return 0;
}

static void test_write_returns_zero(void **state)
{
	struct fixture *f = *state;
	char err[256];
	atomic_set_write_fn(zero_write);
	assert_false(response_save(f->r, f->path, err, sizeof err));
	atomic_set_write_fn(NULL);
	assert_non_null(strstr(err, strerror(ENOSPC)));
	assert_untouched(f);
	assert_saves_after_recovery(f);
}

/* Short writes and interrupted calls are normal, not errors. */
static void test_short_and_interrupted_writes_succeed(void **state)
{
	struct fixture *f = *state;
	char err[256];
	disk = (struct disk){ .chunk = 7, .eintr = 3 };
	atomic_set_write_fn(fake_write);
	assert_true(response_save(f->r, f->path, err, sizeof err));
	atomic_set_write_fn(NULL);
	assert_saves_after_recovery(f);
}

/* A directory that cannot be written to: refused before anything changes. */
static void test_unwritable_directory(void **state)
{
	struct fixture *f = *state;
	if (geteuid() == 0)
		skip();             /* root writes anyway */
	char err[256];
	assert_int_equal(chmod(f->dir, 0500), 0);
	bool ok = response_save(f->r, f->path, err, sizeof err);
	chmod(f->dir, 0700);
	assert_false(ok);
	assert_non_null(strstr(err, strerror(EACCES)));
	assert_untouched(f);
}

/* mem_array and arena_array: at least one zeroed element, NULL on a size
 * that does not fit (instead of a wrapped, too small block), and they fail
 * with the allocation hook like the rest. */
static void test_arrays(void **state)
{
	(void)state;
	int *none = mem_array(0, sizeof(int));
	assert_non_null(none);
	assert_int_equal(none[0], 0);
	mem_free(none);
	double *three = mem_array(3, sizeof(double));
	assert_non_null(three);
	assert_true(three[0] == 0 && three[2] == 0);
	mem_free(three);
	assert_null(mem_array(SIZE_MAX / 8 + 1, 8));
	struct arena *a = arena_new();
	assert_non_null(a);
	char *c = arena_array(a, 0, 1);
	assert_non_null(c);
	assert_int_equal(c[0], 0);
	assert_null(arena_array(a, SIZE_MAX / 2 + 1, 4));
	mem_fail_from(1);
	assert_null(mem_array(4, 4));
	mem_fail_from(0);
	arena_free(a);
	/* mem_grow: the same array while there is room; doubled when full;
	 * NULL with the array and its capacity intact when that fails. */
	size_t cap = 0;
	int *v = mem_grow(NULL, &cap, 0, sizeof *v, 2);
	assert_non_null(v);
	assert_int_equal(cap, 2);
	v[0] = 7;
	v[1] = 8;
	assert_ptr_equal(mem_grow(v, &cap, 1, sizeof *v, 2), v);
	mem_fail_from(1);
	assert_null(mem_grow(v, &cap, 2, sizeof *v, 2));
	mem_fail_from(0);
	assert_int_equal(cap, 2);
	int *w = mem_grow(v, &cap, 2, sizeof *v, 2);
	assert_non_null(w);
	assert_int_equal(cap, 4);
	assert_int_equal(w[1], 8);
	size_t huge = SIZE_MAX / 4;
	assert_null(mem_grow(w, &huge, SIZE_MAX / 4, 4, 1));
	mem_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_allocations_fail_for_good),
		cmocka_unit_test(test_allocations_fail_once),
		cmocka_unit_test_setup_teardown(test_disk_full_at_once, setup_disk, teardown_disk),
		cmocka_unit_test_setup_teardown(test_disk_full_half_way, setup_disk, teardown_disk),
		cmocka_unit_test_setup_teardown(test_io_error, setup_disk, teardown_disk),
		cmocka_unit_test_setup_teardown(test_write_returns_zero, setup_disk, teardown_disk),
		cmocka_unit_test_setup_teardown(test_short_and_interrupted_writes_succeed, setup_disk, teardown_disk),
		cmocka_unit_test_setup_teardown(test_unwritable_directory, setup_disk, teardown_disk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
