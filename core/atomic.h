/* Atomic file replacement: write a temporary file in the same directory,
 * fsync it, rename it over the target, fsync the directory. A crash, a full
 * disk or an I/O error leaves either the old file or the new one, never a
 * half-written or missing file. */
#ifndef PEIL_ATOMIC_H
#define PEIL_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Mode of a new file: `mode` minus the umask when `apply_umask`, else
 * exactly `mode`. An existing file keeps its mode when `keep_mode`.
 * Refuses a target that core/outpath.h's outpath_target_ok() refuses (not
 * a regular file, read-only), checked again just before the rename.
 * On failure returns false and writes the reason into err. */
bool atomic_write(const char *path, const void *buf, size_t len, mode_t mode,
                  bool apply_umask, bool keep_mode, char *err, size_t errlen);

/* The temporary file is FILE.tmp-peil-XXXXXXXXXXXXXXXX (16 random hex
 * digits): a name a person does not give a file by accident, so that a
 * lock holder may remove leftovers of a killed save (core/lock.c) without
 * touching anything else. True when `name` (a directory entry) is such a
 * name for the file whose base name is `base`. */
bool atomic_is_temp_name(const char *base, const char *name);

/* Test seam: replaces write(2) for the data (NULL restores it), so tests
 * can simulate a full disk or an I/O error half-way. */
typedef ssize_t (*atomic_write_fn)(int fd, const void *buf, size_t len);
void atomic_set_write_fn(atomic_write_fn fn);

#endif
