#include "core/path.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"

static size_t suffix_ci(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && !strcasecmp(s + n - k, suffix) ? k : 0;
}

size_t path_yaml_stem(const char *name)
{
	size_t n = strlen(name), k = suffix_ci(name, n, ".yaml");
	if (!k)
		k = suffix_ci(name, n, ".yml");
	return n - k;
}

bool path_is_yaml(const char *name)
{
	return path_yaml_stem(name) < strlen(name);
}

char *path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] == '/';
	char *s = mem_alloc(a + b + 2);
	if (s)
		snprintf(s, a + b + 2, "%s%s%s", dir, slash ? "" : "/", name);
	return s;
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mem_strdup(".");
	return mem_strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
