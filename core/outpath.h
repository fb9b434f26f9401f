/* The rules every file peil writes obeys (SECURITY.md, "Output paths"):
 * - never replace what is not a regular file (a device, a FIFO, a socket,
 *   a directory): `-o /dev/null` as root must not replace /dev/null;
 * - never rewrite a file nobody may write (mode without any w bit): its
 *   owner made it read-only on purpose;
 * - never write a file another peil holds (the lock of core/lock.h, which
 *   every writer takes);
 * - never replace one of the output's own inputs, nor a peil response file
 *   that is not the output's own kind, unless forced.
 * An existing file keeps its permission bits. */
#ifndef PEIL_OUTPATH_H
#define PEIL_OUTPATH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct outpath_rules {
	const char *const *inputs;      /* the files the output is made from */
	size_t ninputs;
	bool force;                     /* --force: may replace an input or a response file */
	bool response_ok;               /* the output is a response file itself (a save) */
	bool group_ok;                  /* may replace a merged group file (aggregate -o) */
};

/* Whether `path` may be replaced at all: it does not exist, or it is a
 * regular file (symbolic links followed) that someone may write. False
 * with the reason in err otherwise. Used by every writer, and again by
 * core/atomic.c just before it renames. */
bool outpath_target_ok(const char *path, char *err, size_t errlen);

/* outpath_target_ok() plus the rules: not an input, not a response file
 * (unless the rules allow it). For an early check before the work. */
bool outpath_check(const char *path, const struct outpath_rules *rules, char *err, size_t errlen);

/* Takes the lock on `path`, checks it, writes buf atomically (a new file
 * gets `mode` minus the umask, an existing one keeps its mode) and releases
 * the lock. False with the reason in err. rules may be NULL (defaults). */
bool outpath_write(const char *path, const void *buf, size_t len, mode_t mode,
                   const struct outpath_rules *rules, char *err, size_t errlen);

#endif
