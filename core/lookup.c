#include "core/lookup.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"
#include "core/path.h"
#include "core/ydoc.h"

static char *with_yaml(const char *a)
{
	size_t n = strlen(a) + sizeof ".yaml";
	char *s = mem_alloc(n);
	if (s)
		snprintf(s, n, "%s.yaml", a);
	return s;
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static char *xdg_data_home(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	if (x && *x == '/')
		return mem_strdup(x);
	const char *home = getenv("HOME");
	return home && *home ? path_join(home, ".local/share") : NULL;
}

/* The directories of the questionnaire path, in order; NULL-terminated,
 * caller frees each and the array. */
static char **search_dirs(void)
{
	char **dirs = mem_alloc(64 * sizeof(char *));
	int n = 0;
	if (!dirs)
		return NULL;
	const char *env = getenv("PEIL_PATH");
	while (env && *env && n < 60) {
		const char *colon = strchr(env, ':');
		size_t len = colon ? (size_t)(colon - env) : strlen(env);
		if (len > 0)
			dirs[n++] = mem_strndup(env, len);
		env = colon ? colon + 1 : NULL;
	}
	char *data = xdg_data_home();
	if (data) {
		dirs[n++] = path_join(data, "peil/questionnaires");
		mem_free(data);
	}
	dirs[n++] = mem_strdup(PEIL_DATADIR "/questionnaires");
	dirs[n++] = mem_strdup(PEIL_SRCDIR "/questionnaires");
	for (int i = 0; i < n; i++)
		if (!dirs[i]) {      /* out of memory: drop the holes */
			memmove(&dirs[i], &dirs[i + 1], (size_t)(n - i) * sizeof(char *));
			n--;
			i--;
		}
	dirs[n] = NULL;
	return dirs;
}

static void free_dirs(char **dirs)
{
	for (int i = 0; dirs && dirs[i]; i++)
		mem_free(dirs[i]);
	mem_free(dirs);
}

/* A file in dir whose top-level `id` is `id` (file names need not match). */
static char *scan_dir(const char *dir, const char *id)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char *found = NULL;
	struct dirent *e;
	while (!found && (e = readdir(d))) {
		if (!path_is_yaml(e->d_name))
			continue;
		char *path = path_join(dir, e->d_name);
		char *fid = path ? ydoc_peek_key(path, "id") : NULL;
		char *fmt = fid ? ydoc_peek_key(path, "peil") : NULL;
		if (fid && fmt && !strcmp(fid, id))
			found = path;
		else
			mem_free(path);
		mem_free(fid);
		mem_free(fmt);
	}
	closedir(d);
	return found;
}

char *lookup_questionnaire(const char *q)
{
	if (strchr(q, '/') || is_file(q))
		return is_file(q) ? mem_strdup(q) : NULL;
	char **dirs = search_dirs();
	char *found = NULL;
	/* By file name first (cheap), then by the id inside the files. */
	for (int i = 0; dirs && dirs[i] && !found; i++) {
		char *p = path_join(dirs[i], q);
		char *yaml = p ? with_yaml(p) : NULL;
		if (yaml && is_file(yaml)) {
			char *fid = ydoc_peek_key(yaml, "id");
			if (fid && !strcmp(fid, q))
				found = yaml;
			mem_free(fid);
		}
		if (!found)
			mem_free(yaml);
		mem_free(p);
	}
	for (int i = 0; dirs && dirs[i] && !found; i++)
		found = scan_dir(dirs[i], q);
	free_dirs(dirs);
	return found;
}

char *lookup_path_description(void)
{
	char **dirs = search_dirs();
	size_t len = 1;
	for (int i = 0; dirs && dirs[i]; i++)
		len += strlen(dirs[i]) + 1;
	char *s = mem_alloc(len);
	for (int i = 0; s && dirs && dirs[i]; i++) {
		if (i)
			strcat(s, ":");
		strcat(s, dirs[i]);
	}
	free_dirs(dirs);
	return s;
}

/* mkdir that succeeds when a directory is already there (mkdir of an
 * existing directory may fail with EACCES or EROFS rather than EEXIST). */
static int make_one(const char *p)
{
	struct stat st;
	if (mkdir(p, 0700) == 0)
		return 0;
	int saved = errno;
	if (stat(p, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		saved = ENOTDIR;
	}
	errno = saved;
	return -1;
}

int lookup_mkdirs(const char *dir)
{
	char *p = mem_strdup(dir);
	int rc = p ? 0 : -1;
	/* Each prefix in turn: ~/.local/share may not exist on a fresh account. */
	for (char *s = p ? strchr(p + 1, '/') : NULL; s && rc == 0; s = strchr(s + 1, '/')) {
		*s = '\0';
		rc = make_one(p);
		*s = '/';
	}
	if (rc == 0)
		rc = make_one(p);
	mem_free(p);
	return rc;
}

char *lookup_data_dir(int create)
{
	char *data = xdg_data_home();
	char *dir = data ? path_join(data, "peil") : NULL;
	if (dir && create && lookup_mkdirs(dir) != 0) {
		mem_free(dir);
		dir = NULL;
	}
	mem_free(data);
	return dir;
}
