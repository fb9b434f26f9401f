/* The assessments in the data dir: the chooser of a bare `peil`, and the
 * names of new files (cli/assessments.c). */
#ifndef PEIL_CLI_ASSESSMENTS_H
#define PEIL_CLI_ASSESSMENTS_H

#include <stdio.h>
#include <time.h>

struct assessment {
	char *path;
	char organisation[128];
	char date[11];
	int percent;            /* done, as the progress shows it */
	struct timespec mtime;
};

/* The chooser lists this many, newest first. */
enum { ASSESSMENTS_SHOWN = 9 };
enum { ASSESSMENT_NEW = -1, ASSESSMENT_QUIT = -2 };

/* The response files in dir that peil can read, newest first; their
 * number (0 when none or dir cannot be read). Free with assessments_free. */
int assessments_list(const char *dir, struct assessment **out);
void assessments_free(struct assessment *v, int n);
/* Lists them on out and reads the choice from in: an index into v,
 * ASSESSMENT_NEW or ASSESSMENT_QUIT (also at the end of input). */
int assessment_choose(const char *dir, const struct assessment *v, int n, FILE *in, FILE *out);

/* DIR/ORGANISATION-YEAR.yaml for a new assessment, the organisation's name
 * in lower case letters and digits joined by '-' ("gemeente-voorbeeld-2026.yaml"),
 * or -2, -3... when taken; `fallback` (the questionnaire's id) when the
 * name has no letter or digit. Caller frees; NULL when 999 are taken. */
char *assessment_new_path(const char *dir, const char *organisation, const char *fallback);

#endif
