/* core/lock: a second holder is refused with a message naming the first;
 * the lock goes away with its holder, however that ends. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "core/lock.h"
#include "tests/unit/testutil.h"

struct fx {
	char *dir, *file, *side;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	f->dir = tu_mkdtemp();
	f->file = tu_join(f->dir, "antwoorden.yaml");
	f->side = tu_join(f->dir, "antwoorden.yaml.lock");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	free(f->file);
	free(f->side);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

/* In a child process: 0 when it got the lock, 1 when refused; its message
 * goes back through `msg`. */
static int try_in_child(const char *file, char *msg, size_t msglen)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char err[512];
		struct lock *l = lock_acquire(file, err, sizeof err);
		ssize_t w = write(p[1], err, strlen(err));
		(void)w;
		lock_release(l);
		_exit(l ? 0 : 1);
	}
	close(p[1]);
	ssize_t n = read(p[0], msg, msglen - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(p[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_second_holder_refused(void **state)
{
	struct fx *f = *state;
	char err[512], msg[512];
	struct lock *l = lock_acquire(f->file, err, sizeof err);
	assert_non_null(l);
	assert_string_equal(err, "");
	struct stat st;
	assert_int_equal(stat(f->side, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	assert_int_equal(try_in_child(f->file, msg, sizeof msg), 1);
	char pid[32];
	snprintf(pid, sizeof pid, "process %ld ", (long)getpid());
	print_message("refused: %s\n", msg);
	assert_non_null(strstr(msg, f->file));
	assert_non_null(strstr(msg, "already open in another peil"));
	assert_non_null(strstr(msg, pid));
	assert_non_null(strstr(msg, "since 2"));       /* a date */

	/* Within one process too: a second session on the same file. */
	assert_null(lock_acquire(f->file, err, sizeof err));
	assert_non_null(strstr(err, "already open"));

	lock_release(l);
	assert_int_equal(stat(f->side, &st), -1);       /* cleaned up */
	assert_int_equal(try_in_child(f->file, msg, sizeof msg), 0);
}

/* A holder killed with SIGKILL leaves FILE.lock behind, but no lock. */
static void test_killed_holder_leaves_no_lock(void **state)
{
	struct fx *f = *state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char err[512];
		struct lock *l = lock_acquire(f->file, err, sizeof err);
		ssize_t w = write(p[1], l ? "y" : "n", 1);
		(void)w;
		pause();
		_exit(0);
	}
	char c = 0, msg[512], err[512];
	assert_int_equal(read(p[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	assert_int_equal(try_in_child(f->file, msg, sizeof msg), 1);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(p[0]);
	close(p[1]);
	struct stat st;
	assert_int_equal(stat(f->side, &st), 0);        /* stale file is there */
	struct lock *l = lock_acquire(f->file, err, sizeof err);
	assert_non_null(l);
	lock_release(l);
}

/* The side file is written by whoever held it: what it says is quoted in
 * our message and must not reach the terminal as escape sequences. */
static void test_hostile_side_file_is_sanitised(void **state)
{
	struct fx *f = *state;
	char err[512], msg[512];
	struct lock *l = lock_acquire(f->file, err, sizeof err);
	assert_non_null(l);
	int fd = open(f->side, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	const char *evil = "pid=1 user=\x1b]0;pwned\x07 host=\x1b[2J\xe2\x80\xae since=x\n";
	assert_int_equal(write(fd, evil, strlen(evil)), (ssize_t)strlen(evil));
	close(fd);                      /* an open file description lock survives this */
	assert_int_equal(try_in_child(f->file, msg, sizeof msg), 1);
	print_message("refused: %s\n", msg);
	assert_null(strchr(msg, '\x1b'));
	assert_null(strchr(msg, '\x07'));
	assert_null(strstr(msg, "\xe2\x80\xae"));
	assert_non_null(strstr(msg, "already open"));
	lock_release(l);
}

/* A symbolic link planted as FILE.lock is not followed (it could make
 * peil truncate another file of the user's). */
static void test_symlink_refused(void **state)
{
	struct fx *f = *state;
	char *victim = tu_join(f->dir, "victim.txt");
	tu_write_str(victim, "keep me\n");
	assert_int_equal(symlink(victim, f->side), 0);
	char err[512];
	struct lock *l = lock_acquire(f->file, err, sizeof err);
	assert_null(l);
	assert_non_null(strstr(err, "lock file"));
	size_t len;
	char *text = tu_read(victim, &len);
	assert_string_equal(text, "keep me\n");
	free(text);
	unlink(f->side);
	free(victim);
}

/* Saves killed half-way leave FILE.tmp-peil-<16 hex> behind; the next
 * holder of the lock removes them, and nothing else: not a user's file
 * that merely looks alike (issue 13.12: r.yaml.tmp-backup was deleted),
 * not the old six-character pattern, and not a file newer than the lock. */
static void test_stale_temporary_files_removed(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = {
		"antwoorden.yaml.tmp-peil-0123456789abcdef", "antwoorden.yaml.tmp-peil-fedcba9876543210",
		"antwoorden.yaml.tmp-backup", "antwoorden.yaml.tmp-a1B2c3",
		"antwoorden.yaml.tmp-peil-0123456789ABCDEF", "antwoorden.yaml.tmp-peil-0123456789abcde",
		"antwoorden.yaml.tmp-peil-0123456789abcdef0", "andere.yaml.tmp-peil-0123456789abcdef",
		"antwoorden.yaml.tmp-peil-00000000000000ff", "antwoorden.yaml", NULL };
	enum { NSTALE = 2, FUTURE = 8 };
	for (const char *const *n = names; *n; n++) {
		char *p = tu_join(f->dir, *n);
		tu_write_str(p, "half a save\n");
		/* Older than the lock, except one written "after" it. */
		struct timespec t[2] = { { .tv_sec = time(NULL) + (n - names == FUTURE ? 3600 : -60) } };
		t[1] = t[0];
		assert_int_equal(utimensat(AT_FDCWD, p, t, 0), 0);
		free(p);
	}
	char err[512];
	struct lock *l = lock_acquire(f->file, err, sizeof err);
	assert_non_null(l);
	for (const char *const *n = names; *n; n++) {
		char *p = tu_join(f->dir, *n);
		bool stale = n - names < NSTALE;
		if ((access(p, F_OK) == 0) == stale)
			fail_msg("%s: %s", *n, stale ? "left behind" : "deleted");
		free(p);
	}
	lock_release(l);
}

static void test_missing_directory(void **state)
{
	struct fx *f = *state;
	char *file = tu_join(f->dir, "no/such/dir/x.yaml"), err[512];
	assert_null(lock_acquire(file, err, sizeof err));
	assert_non_null(strstr(err, "cannot create the lock file"));
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_second_holder_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_killed_holder_leaves_no_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_side_file_is_sanitised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_temporary_files_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
