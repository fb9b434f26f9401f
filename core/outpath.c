#include "core/outpath.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic.h"
#include "core/diag.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/ydoc.h"

static const char *kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return _("a directory");
	if (S_ISCHR(m))
		return _("a character device");
	if (S_ISBLK(m))
		return _("a block device");
	if (S_ISFIFO(m))
		return _("a named pipe (FIFO)");
	if (S_ISSOCK(m))
		return _("a socket");
	return _("not a regular file");
}

bool outpath_target_ok(const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return true;    /* new, or a dangling link: the rename makes a file */
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen,
		         _("%s is %s, not a regular file; peil writes only regular files and "
		           "never replaces anything else"),
		         path, kind_of(st.st_mode));
		return false;
	}
	/* root may write anything: the mode bits say what the owner meant. */
	if ((st.st_mode & 0222) == 0 || access(path, W_OK) != 0) {
		snprintf(err, errlen,
		         _("%s is read-only (mode %04o); peil does not rewrite a file that was "
		           "protected on purpose: make it writable (chmod u+w) or choose another file"),
		         path, (unsigned)(st.st_mode & 07777));
		return false;
	}
	return true;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

enum kind { OTHER, RESPONSE, GROUP };

/* What an existing regular file holds: a peil response file (top-level
 * `peil-responses`), a merged group file (one that also carries
 * `participants` or `votes`), or anything else. Bounded by the loader. */
static enum kind classify(const char *path)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = d ? ydoc_load_file(path, d) : NULL;
	const struct ynode *root = doc ? doc->root : NULL;
	enum kind k = ynode_get(root, "peil-responses") ? RESPONSE : OTHER;
	if (k == RESPONSE && ynode_get(root, "participants"))
		k = GROUP;
	const struct ynode *answers = k == RESPONSE ? ynode_get(root, "answers") : NULL;
	for (size_t i = 0; answers && answers->kind == YNODE_MAP && i < answers->len && k != GROUP; i++)
		if (ynode_get(answers->u.pairs[i].value, "votes"))
			k = GROUP;
	ydoc_free(doc);
	diag_list_free(d);
	return k;
}

bool outpath_check(const char *path, const struct outpath_rules *rules, char *err, size_t errlen)
{
	static const struct outpath_rules none = { 0 };
	const struct outpath_rules *r = rules ? rules : &none;
	struct stat st;
	if (!outpath_target_ok(path, err, errlen))
		return false;
	if (stat(path, &st) != 0 || r->force)
		return true;
	for (size_t i = 0; i < r->ninputs; i++)
		if (r->inputs[i] && same_file(&st, r->inputs[i])) {
			snprintf(err, errlen,
			         _("%s is one of the files this output is made from; writing there "
			           "would destroy it (choose another file, or --force)"),
			         path);
			return false;
		}
	if (r->response_ok)
		return true;
	enum kind k = classify(path);
	if (k == RESPONSE || (k == GROUP && !r->group_ok)) {
		snprintf(err, errlen,
		         _("%s is a peil response file; writing there would replace its answers "
		           "(choose another file, or --force)"),
		         path);
		return false;
	}
	return true;
}

bool outpath_write(const char *path, const void *buf, size_t len, mode_t mode,
                   const struct outpath_rules *rules, char *err, size_t errlen)
{
	char why[512];
	/* The rules before the lock, so that the session's own file is named as
	 * such rather than as "open in another peil"; the lock then keeps any
	 * other peil from writing in between, and atomic_write() checks the
	 * target's kind once more. No FILE.lock is made next to a device. */
	if (!outpath_check(path, rules, err, errlen))
		return false;
	struct lock *l = lock_acquire(path, why, sizeof why);
	if (!l) {
		snprintf(err, errlen, "%s", why);
		return false;
	}
	bool ok = atomic_write(path, buf, len, mode, true, true, err, errlen);
	lock_release(l);
	return ok;
}
