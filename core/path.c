#include "core/path.h"

#include <string.h>
#include <strings.h>

static bool ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && !strcasecmp(s + n - k, suffix);
}

bool path_is_yaml(const char *name)
{
	size_t n = strlen(name);
	return ends_with_ci(name, n, ".yaml") || ends_with_ci(name, n, ".yml");
}
