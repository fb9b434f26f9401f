/* Open file description locks (Linux, and POSIX.1-2024) belong to the open
 * file, not the process: a second lock_acquire() in the same process is
 * refused too, and closing some other descriptor of the file does not drop
 * the lock. Elsewhere, classic fcntl() locks. */
#define _GNU_SOURCE
#include "core/lock.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/atomic.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/path.h"
#include "core/text.h"

#ifdef F_OFD_SETLK
#define LOCK_SET F_OFD_SETLK
#define LOCK_GET F_OFD_GETLK
#else
#define LOCK_SET F_SETLK
#define LOCK_GET F_GETLK
#endif

struct lock {
	int fd;                 /* -1: the file system cannot lock; nothing held */
	char *path;             /* the side file */
};

/* The side file's name for `path` (caller frees with mem_free). */
static char *lock_path(const char *path)
{
	size_t n = strlen(path);
	char *p = mem_alloc(n + sizeof ".lock");
	if (p) {
		memcpy(p, path, n);
		memcpy(p + n, ".lock", sizeof ".lock");
	}
	return p;
}

/* "pid=… user=… host=… since=…": who holds the lock, for the next one. */
static void write_owner(int fd)
{
	char host[256] = "?", since[32] = "?", line[512];
	const struct passwd *pw = getpwuid(geteuid());
	if (gethostname(host, sizeof host) != 0)
		strcpy(host, "?");
	host[sizeof host - 1] = '\0';
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(since, sizeof since, "%Y-%m-%d %H:%M", &tm);
	int n = snprintf(line, sizeof line, "pid=%ld user=%s host=%s since=%s\n", (long)getpid(),
	                 pw && pw->pw_name ? pw->pw_name : "?", host, since);
	if (n > 0 && ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)n, 0) < 0)
		return;         /* only informative: the lock itself is what counts */
}

/* Copies the value of `key=` from the side file's text, up to the next
 * " key=" or the end of the line, made safe to print (another user may
 * have written it). */
static void field(const char *text, const char *key, char *out, size_t outlen)
{
	char raw[128] = "";
	const char *p = strstr(text, key);
	if (p) {
		p += strlen(key);
		size_t n = strcspn(p, "\n");
		static const char *const next[] = { " user=", " host=", " since=" };
		for (size_t i = 0; i < sizeof next / sizeof *next; i++) {
			const char *q = strstr(p, next[i]);
			if (q && (size_t)(q - p) < n)
				n = (size_t)(q - p);
		}
		if (n >= sizeof raw)
			n = sizeof raw - 1;
		memcpy(raw, p, n);
		raw[n] = '\0';
	}
	char safe[sizeof raw * 3 + 1];
	text_sanitize(raw, strlen(raw), safe, NULL);
	snprintf(out, outlen, "%s", *safe ? safe : "?");
}

static void describe_holder(int fd, const char *path, char *err, size_t errlen)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	long pid = fcntl(fd, LOCK_GET, &fl) == 0 && fl.l_type != F_UNLCK ? (long)fl.l_pid : 0;
	char text[512] = "", user[400], host[400], since[400];
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	field(text, "user=", user, sizeof user);
	field(text, "host=", host, sizeof host);
	field(text, "since=", since, sizeof since);
	if (pid <= 0) {
		char pidtext[400];
		field(text, "pid=", pidtext, sizeof pidtext);
		pid = strtol(pidtext, NULL, 10);
	}
	snprintf(err, errlen,
	         _("%s is already open in another peil (process %ld of %s on %s, since %s); "
	           "close that one first, so that neither overwrites the other's answers"),
	         path, pid, user, host, since);
}

/* Opens and locks the side file. 1: locked; 0: busy or failed (err set);
 * -1: the file vanished under us (its holder just released it): retry. */
static int try_lock(const char *lp, const char *path, int *out, char *err, size_t errlen)
{
	int fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	struct stat a, b;
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create the lock file %s: %s"), lp, strerror(errno));
		return 0;
	}
	if (fstat(fd, &a) != 0 || !S_ISREG(a.st_mode)) {
		snprintf(err, errlen, _("the lock file %s is not a regular file"), lp);
		close(fd);
		return 0;
	}
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	if (fcntl(fd, LOCK_SET, &fl) != 0) {
		int e = errno;
		if (e == EACCES || e == EAGAIN)
			describe_holder(fd, path, err, errlen);
		else
			snprintf(err, errlen, _("cannot lock %s: %s"), lp, strerror(e));
		close(fd);
		return e == ENOLCK || e == EOPNOTSUPP || e == EINVAL ? 2 : 0;
	}
	if (stat(lp, &b) != 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
		close(fd);
		return -1;
	}
	*out = fd;
	return 1;
}

/* A save killed half-way leaves PATH.tmp-peil-<random> (core/atomic.c's
 * name) with part of the answers in it. With the lock held no other peil
 * is writing one, so these are leftovers: remove them, but only what is
 * provably ours: the exact name, a regular file of this user, and older
 * than our taking the lock (`since`), so never a file somebody is writing
 * right now without a lock, nor one a person happened to name alike. */
static void remove_stale_temps(const char *path, const struct timespec *since)
{
	const char *base = path_base(path);
	char *dir = path_dir(path);
	DIR *d = dir ? opendir(dir) : NULL;
	for (struct dirent *e; d && (e = readdir(d));) {
		struct stat st;
		if (!atomic_is_temp_name(base, e->d_name))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() &&
		    (st.st_mtim.tv_sec < since->tv_sec ||
		     (st.st_mtim.tv_sec == since->tv_sec && st.st_mtim.tv_nsec < since->tv_nsec)))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	mem_free(dir);
}

struct lock *lock_acquire(const char *path, char *err, size_t errlen)
{
	struct lock *l = mem_alloc(sizeof *l);
	char *lp = lock_path(path);
	if (!l || !lp) {
		snprintf(err, errlen, "%s", _("out of memory"));
		mem_free(l);
		mem_free(lp);
		return NULL;
	}
	err[0] = '\0';
	struct timespec since;
	clock_gettime(CLOCK_REALTIME, &since);
	int fd = -1, got = -1;
	for (int attempt = 0; attempt < 100 && got == -1; attempt++)
		got = try_lock(lp, path, &fd, err, errlen);
	if (got == 2) {
		/* No locks on this file system (some network mounts): carry on
		 * unprotected rather than refuse to work; err holds a warning. */
		l->fd = -1;
		l->path = lp;
		return l;
	}
	if (got != 1) {
		if (got == -1)
			snprintf(err, errlen, _("cannot lock %s: it keeps changing"), lp);
		mem_free(lp);
		mem_free(l);
		return NULL;
	}
	write_owner(fd);
	remove_stale_temps(path, &since);
	l->fd = fd;
	l->path = lp;
	return l;
}

void lock_release(struct lock *l)
{
	if (!l)
		return;
	if (l->fd >= 0) {
		/* Remove while still holding it: whoever opened the old file
		 * sees it is gone (try_lock compares inodes) and starts over. */
		unlink(l->path);
		close(l->fd);
	}
	mem_free(l->path);
	mem_free(l);
}
