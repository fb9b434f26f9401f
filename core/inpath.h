/* Opening a file to read without being stopped by what it turns out to be.
 * open(2) of a FIFO that no program writes to waits forever; a path found
 * by scanning a directory (a questionnaire looked up by id) or the settings
 * file may be one. So: open with O_NONBLOCK, fstat, and let the caller
 * decide from the file type and size before reading anything. */
#ifndef PEIL_INPATH_H
#define PEIL_INPATH_H

#include <sys/stat.h>

/* Opens `path` read-only without blocking and fills *st (fstat). The
 * descriptor is made blocking again afterwards, so a pipe with a writer is
 * read as usual and one without reads as empty. Returns the descriptor
 * (close-on-exec), or -1 with errno set. */
int inpath_open(const char *path, struct stat *st);

#endif
