/* One writer per response file: an advisory lock, so that a second peil on
 * the same file refuses instead of overwriting the first one's answers.
 *
 * The lock is an fcntl() write lock on a side file, FILE.lock, not on FILE
 * itself: every save renames a new file over FILE (core/atomic.h), which
 * would leave a lock on the old one behind. The kernel drops the lock when
 * the process ends, however it ends (a crash, SIGKILL, a closed terminal),
 * so a stale FILE.lock left on disk never blocks anybody. The side file
 * holds who took the lock (process, user, host, time) for the message.
 *
 * Taking the lock also removes FILE.tmp-peil-<16 hex digits> files that a
 * save killed half-way left behind (they hold part of the answers): only
 * that exact name, only this user's regular files, only those older than
 * the moment the lock was taken.
 *
 * Advisory: other programs can still write FILE; two peil instances cannot. */
#ifndef PEIL_LOCK_H
#define PEIL_LOCK_H

#include <stddef.h>

struct lock;

/* Takes the lock for response file `path` (which need not exist yet).
 * Returns NULL when another process holds it, or when the lock file
 * cannot be created; `err` then says which, naming who holds it and since
 * when when that is known. Never waits. Release with lock_release(). */
struct lock *lock_acquire(const char *path, char *err, size_t errlen);

/* Releases the lock and removes the side file; NULL is fine. */
void lock_release(struct lock *l);

#endif
