/* The floor for `peil aggregate`: a bare libyaml event parse of the same
 * files, single-threaded, with no tree, no validation and no statistics.
 * It reads each file into memory (as peil does), parses every event and sums
 * the values that follow a `level` key, so that the parse cannot be skipped.
 *
 *     floor FILE|DIR...      prints "files N levels L sum S"
 *
 * Not part of peil: built by bench/bench.mk only. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

struct totals {
	long files, levels, sum, failed;
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 8192, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static void parse_file(const char *path, struct totals *t)
{
	size_t len;
	char *buf = slurp(path, &len);
	if (!buf) {
		t->failed++;
		return;
	}
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	int after_level = 0, done = 0;
	while (!done) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			t->failed++;
			break;
		}
		if (e.type == YAML_SCALAR_EVENT) {
			const char *v = (const char *)e.data.scalar.value;
			if (after_level) {
				t->sum += atol(v);
				t->levels++;
			}
			after_level = !after_level && !strcmp(v, "level");
		} else {
			after_level = 0;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	free(buf);
	t->files++;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path, struct totals *t)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		parse_file(path, t);
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || (e->d_type != DT_DIR && (l < 6 || strcmp(e->d_name + l - 5, ".yaml"))))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			names = realloc(names, cap * sizeof *names);
		}
		names[n] = malloc(strlen(path) + l + 2);
		sprintf(names[n++], "%s/%s", path, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	for (size_t i = 0; i < n; i++) {
		walk(names[i], t);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	struct totals t = { 0 };
	for (int i = 1; i < argc; i++)
		walk(argv[i], &t);
	printf("files %ld levels %ld sum %ld failed %ld\n", t.files, t.levels, t.sum, t.failed);
	return t.failed ? 1 : 0;
}
