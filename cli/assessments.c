/* The assessments in the data dir (issue 12, "finding files"): a short
 * chooser when there are several, and names a person recognises for new
 * ones ("gemeente-voorbeeld-2026.yaml", not the questionnaire's id and
 * today's date). */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/assessments.h"
#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/xalloc.h"
#include "core/diag.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/path.h"
#include "core/ydoc.h"
#include "scoring/score.h"

enum { SLUG_MAX = 60 };

/* A Latin-1 letter (the second byte of a UTF-8 sequence after 0xC3) as
 * the plain letter a file name can hold: é -> e, ß -> s; 0 for × and ÷. */
static char plain_letter(unsigned char b)
{
	static const char map[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   /* 0x80-0x9F: À-ß */
	                          "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  /* 0xA0-0xBF: à-ÿ */
	return b >= 0x80 && b <= 0xBF ? map[b - 0x80] : 0;
}

/* "Gemeente 's-Hertogenbosch" -> "gemeente-s-hertogenbosch": lower-case
 * letters and digits, anything else one '-', at most SLUG_MAX bytes. */
static void slug(const char *s, char *out)
{
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)s; *p && n < SLUG_MAX; p++) {
		char c = 0;
		if (isalnum(*p) && *p < 0x80)
			c = (char)tolower(*p);
		else if (*p == 0xC3 && p[1])
			c = plain_letter(*++p);
		if (!c) {
			dash = n > 0;
			continue;
		}
		if (dash && n + 1 < SLUG_MAX)
			out[n++] = '-';
		dash = false;
		out[n++] = c;
	}
	out[n] = '\0';
}

char *assessment_new_path(const char *dir, const char *organisation, const char *fallback)
{
	char name[SLUG_MAX + 1];
	slug(organisation ? organisation : "", name);
	if (!name[0])
		snprintf(name, sizeof name, "%.*s", SLUG_MAX, fallback);
	return cli_dated_path(dir, name, 4);
}

/* Organisation, date and progress of one file; false when it is no
 * response file peil can read (it is then left out of the list). */
static bool describe(struct assessment *a)
{
	char *peek = ydoc_peek_key(a->path, "peil-responses");
	if (!peek)
		return false;
	mem_free(peek);
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = d ? cli_load_questionnaire(NULL, a->path, d) : NULL;
	struct response *r = q ? response_load(a->path, q, d) : NULL;
	struct scorecard *s = r ? score_compute(q, r) : NULL;
	if (s) {
		snprintf(a->organisation, sizeof a->organisation, "%s", response_organisation(r));
		snprintf(a->date, sizeof a->date, "%s", response_date(r));
		a->percent = num_done_percent(s->progress);
	}
	scorecard_free(s);
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
	return s != NULL;
}

static int newest_first(const void *x, const void *y)
{
	const struct assessment *a = x, *b = y;
	if (a->mtime.tv_sec != b->mtime.tv_sec)
		return a->mtime.tv_sec < b->mtime.tv_sec ? 1 : -1;
	if (a->mtime.tv_nsec != b->mtime.tv_nsec)
		return a->mtime.tv_nsec < b->mtime.tv_nsec ? 1 : -1;
	return strcmp(a->path, b->path);
}

int assessments_list(const char *dir, struct assessment **out)
{
	*out = NULL;
	DIR *dp = opendir(dir);
	if (!dp)
		return 0;
	struct assessment *v = NULL;
	int n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (!path_is_yaml(e->d_name) || e->d_name[0] == '.')
			continue;
		struct assessment a = { .path = path_join(dir, e->d_name) };
		struct stat st;
		if (!a.path || stat(a.path, &st) != 0 || !S_ISREG(st.st_mode) || !describe(&a)) {
			mem_free(a.path);
			continue;
		}
		a.mtime = st.st_mtim;
		if (n == cap) {
			v = xrealloc(v, (size_t)(cap = cap ? cap * 2 : 8) * sizeof *v);
		}
		v[n++] = a;
	}
	closedir(dp);
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, newest_first);
	*out = v;
	return n;
}

void assessments_free(struct assessment *v, int n)
{
	for (int i = 0; i < n; i++)
		mem_free(v[i].path);
	mem_free(v);
}

int assessment_choose(const char *dir, const struct assessment *v, int n, FILE *in, FILE *out)
{
	int shown = n < ASSESSMENTS_SHOWN ? n : ASSESSMENTS_SHOWN;
	fprintf(out, _("There are %d assessments in %s (newest first):\n"), n, dir);
	for (int i = 0; i < shown; i++)
		cli_printf(out, _("  %d  %s, %s, %d%% done  (%s)\n"), i + 1, v[i].organisation, v[i].date, v[i].percent,
		           path_base(v[i].path));
	if (n > shown)
		fprintf(out, _("  ... and %d older ones: open one with peil FILE.yaml\n"), n - shown);
	for (;;) {
		fprintf(out, _("Which one? 1-%d (Enter: 1), n for a new assessment, q to quit: "), shown);
		fflush(out);
		char line[64];
		if (!fgets(line, sizeof line, in))
			return ASSESSMENT_QUIT;
		line[strcspn(line, "\r\n")] = '\0';
		char *end;
		long k = strtol(line, &end, 10);
		if (!line[0])
			return 0;
		if (!strcmp(line, "n"))
			return ASSESSMENT_NEW;
		if (!strcmp(line, "q") || !strcmp(line, "quit"))
			return ASSESSMENT_QUIT;
		if (!*end && k >= 1 && k <= shown)
			return (int)k - 1;
		fprintf(out, _("Not understood: type a number from 1 to %d, n or q.\n"), shown);
	}
}
