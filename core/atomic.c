#include "core/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/path.h"
#include "core/outpath.h"

#define TEMP_MARK ".tmp-peil-"
enum { TEMP_RANDOM = 16 };

static atomic_write_fn write_fn = write;

void atomic_set_write_fn(atomic_write_fn fn)
{
	write_fn = fn ? fn : write;
}

static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write_fn(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

static void fsync_dir(const char *path)
{
	char *dir = path_dir(path);
	if (!dir)
		return;
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);      /* best effort: some filesystems refuse it */
		close(fd);
	}
	mem_free(dir);
}

bool atomic_is_temp_name(const char *base, const char *name)
{
	size_t bl = strlen(base), ml = strlen(TEMP_MARK);
	if (strncmp(name, base, bl) != 0 || strncmp(name + bl, TEMP_MARK, ml) != 0)
		return false;
	const char *r = name + bl + ml;
	size_t n = strspn(r, "0123456789abcdef");
	return n == TEMP_RANDOM && r[n] == '\0';
}

/* Creates PATH.tmp-peil-<random> exclusively; -1 with errno on failure. */
static int create_temp(const char *path, char **tmp)
{
	size_t len = strlen(path) + sizeof TEMP_MARK + TEMP_RANDOM;
	*tmp = mem_alloc(len);
	if (!*tmp) {
		errno = ENOMEM;
		return -1;
	}
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned char rnd[TEMP_RANDOM / 2];
		if (getentropy(rnd, sizeof rnd) != 0)
			return -1;
		int n = snprintf(*tmp, len, "%s%s", path, TEMP_MARK);
		for (size_t i = 0; i < sizeof rnd; i++)
			n += snprintf(*tmp + n, len - (size_t)n, "%02x", rnd[i]);
		int fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

bool atomic_write(const char *path, const void *buf, size_t len, mode_t mode,
                  bool apply_umask, bool keep_mode, char *err, size_t errlen)
{
	if (!outpath_target_ok(path, err, errlen))
		return false;
	if (apply_umask) {
		mode_t mask = umask(0);
		umask(mask);
		mode &= ~mask;
	}
	struct stat st;
	if (keep_mode && stat(path, &st) == 0 && S_ISREG(st.st_mode))
		mode = st.st_mode & 07777;

	char *tmp = NULL;
	int fd = create_temp(path, &tmp);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a file next to %s: %s"), path, strerror(errno));
		mem_free(tmp);
		return false;
	}
	const char *step = NULL;
	if (fchmod(fd, mode) != 0)
		step = _("cannot set permissions");
	else if (!write_all(fd, buf, len))
		step = _("cannot write");
	else if (fsync(fd) != 0)
		step = _("cannot flush to disk");
	int saved = errno;
	if (close(fd) != 0 && !step) {
		step = _("cannot write");
		saved = errno;
	}
	/* Once more right before the rename: what was a file may be a device now. */
	if (!step && !outpath_target_ok(path, err, errlen)) {
		unlink(tmp);
		mem_free(tmp);
		return false;
	}
	if (!step && rename(tmp, path) != 0) {
		step = _("cannot replace the file");
		saved = errno;
	}
	if (step) {
		snprintf(err, errlen, "%s %s: %s", step, path, strerror(saved));
		unlink(tmp);
		mem_free(tmp);
		return false;
	}
	fsync_dir(path);
	mem_free(tmp);
	return true;
}
