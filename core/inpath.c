#include "core/inpath.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int inpath_open(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	/* O_NONBLOCK kept the open from hanging on a FIFO; a regular file
	 * ignores it, so only other files need it cleared (two system calls
	 * fewer per file when aggregate reads 10,000). */
	int flags = 0;
	if (fstat(fd, st) != 0 ||
	    (!S_ISREG(st->st_mode) && ((flags = fcntl(fd, F_GETFL)) < 0 ||
	                               fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0))) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}
