/* Plain mode's shared state, for cli/plain.c and cli/plain_notes.c. */
#ifndef PEIL_PLAIN_PRIVATE_H
#define PEIL_PLAIN_PRIVATE_H

#include <stdbool.h>
#include <stdio.h>

#include "core/nav.h"
#include "core/questionnaire.h"
#include "core/response.h"

/* A line longer than this is refused rather than read into memory. */
enum { PLAIN_LINE_MAX = 8192 };

struct plain {
	const struct questionnaire *q;
	struct response *r;
	const char *path;
	FILE *in, *out;
	int lang;               /* index into q->langs for questionnaire texts */
	int cur;                /* the question being asked */
	struct nav nav;         /* next, previous, to do: as in the TUI */
	bool echo;              /* input is not a terminal: repeat it, for a readable transcript */
	bool save_failed;       /* the last save did not succeed */
	bool quit_asked;        /* quit refused once because the save failed */
};

enum step { STAY, NEXT, DONE };

/* Saves now; false (and the reason on stderr) when it failed. */
bool plain_save(struct plain *p);

/* `note`, `note TEXT`, `note+ TEXT`, `note! TEXT`, `note -`, `evidence`,
 * `evidence TEXT`, `evidence -N`, `evidence -`: true when line s was one
 * of them (*st says what comes next). */
bool plain_note_command(struct plain *p, const char *s, enum step *st);

#endif
