/* Reading YAML files: the whole file for ydoc_load_buffer(), and a peek at
 * one top-level key. (Building the tree is ydoc.c.) */
#include "core/ydoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/inpath.h"
#include "core/mem.h"

static void too_large(struct diag_list *d, const char *path)
{
	diag_error(d, path, 1, 1, _("the file is larger than the limit of %d MiB"),
	           YDOC_MAX_FILE_SIZE / (1024 * 1024));
}

/* Reads all of fd into a malloc'd buffer (plain read(2): no stdio buffer
 * and copy in between); NULL after reporting. */
static char *read_all(int fd, const struct stat *st, const char *path, size_t *lenp,
                      struct diag_list *d)
{
	/* One read for a regular file; pipes have no size, so grow. */
	size_t cap = S_ISREG(st->st_mode) && st->st_size > 0 ? (size_t)st->st_size + 1 : 65536;
	size_t len = 0;
	char *buf = mem_alloc(cap);
	while (buf) {
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			diag_error(d, path, 0, 0, "%s", _("read error"));
			mem_free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		len += (size_t)got;
		if (len > YDOC_MAX_FILE_SIZE) {
			too_large(d, path);
			mem_free(buf);
			return NULL;
		}
		if (len == cap) {
			char *nb = mem_realloc(buf, cap * 2);
			if (!nb)
				mem_free(buf);
			buf = nb;
			cap *= 2;
		}
	}
	if (!buf)
		diag_error(d, path, 0, 0, "%s", _("out of memory"));
	*lenp = len;
	return buf;
}

struct ydoc *ydoc_load_file(const char *path, struct diag_list *d)
{
	/* Never wait in open(): a FIFO nobody writes to then reads as empty. */
	struct stat st;
	int fd = inpath_open(path, &st);
	if (fd < 0) {
		diag_error(d, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	char *buf = NULL;
	size_t len = 0;
	if (S_ISDIR(st.st_mode))
		diag_error(d, path, 0, 0, "%s", _("is a directory, not a file"));
	else if (S_ISREG(st.st_mode) && st.st_size > YDOC_MAX_FILE_SIZE)
		too_large(d, path);
	else
		buf = read_all(fd, &st, path, &len, d);
	close(fd);
	if (!buf)
		return NULL;
	struct ydoc *doc = ydoc_load_buffer(path, buf, len, d);
	mem_free(buf);
	return doc;
}

/* libyaml's input for a peek: never more than the loader's size limit. */
struct peek_input {
	FILE *f;
	size_t left;
};

static int peek_read(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct peek_input *in = data;
	size_t want = size < in->left ? size : in->left;
	*got = want ? fread(buf, 1, want, in->f) : 0;
	in->left -= *got;
	return !ferror(in->f);
}

char *ydoc_peek_key(const char *path, const char *key)
{
	/* Only a regular file within the loader's size limit: a FIFO in a
	 * search directory must not hang the lookup, nor a huge file eat
	 * memory (issue 13.4). */
	struct stat st;
	int fd = inpath_open(path, &st);
	FILE *f = fd >= 0 && S_ISREG(st.st_mode) && st.st_size <= YDOC_MAX_FILE_SIZE ? fdopen(fd, "rb") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		fclose(f);
		return NULL;
	}
	struct peek_input in = { f, YDOC_MAX_FILE_SIZE };
	yaml_parser_set_input(&p, peek_read, &in);
	char *found = NULL;
	int depth = 0;
	bool want_value = false, is_key = true;
	for (int events = 0; events < 10000 && !found; events++) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e))
			break;
		bool stop = e.type == YAML_STREAM_END_EVENT;
		if (e.type == YAML_MAPPING_START_EVENT || e.type == YAML_SEQUENCE_START_EVENT) {
			if (depth == 1)
				is_key = !is_key;
			depth++;
			want_value = false;
		} else if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT) {
			depth--;
			stop = stop || depth == 0;
		} else if (e.type == YAML_SCALAR_EVENT && e.data.scalar.length > YDOC_MAX_SCALAR) {
			stop = true;    /* the loader would refuse the file */
		} else if (e.type == YAML_SCALAR_EVENT && depth == 1) {
			if (want_value)
				found = mem_strndup((const char *)e.data.scalar.value, e.data.scalar.length);
			else if (is_key && strcmp((const char *)e.data.scalar.value, key) == 0)
				want_value = true;
			is_key = !is_key;
		} else if (e.type == YAML_ALIAS_EVENT && depth == 1) {
			is_key = !is_key;
			want_value = false;
		}
		yaml_event_delete(&e);
		if (stop)
			break;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return found;
}
