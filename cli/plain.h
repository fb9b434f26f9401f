/* Plain mode: answering a questionnaire as a linear, line-oriented dialogue
 * for screen readers, braille displays and pipes (`peil fill --plain`).
 *
 * Nothing but lines of text goes out: no cursor movement, no escape
 * sequences, no colour. Each question is read out as text (domain, position,
 * progress, the question, the current answer) followed by numbered answers;
 * one prompt line takes a command:
 *   1..N      choose that answer and go on      n  not applicable
 *   u         don't know                        s  skip (leave it as it is)
 *   b         back to the previous question     note TEXT  set the note
 *   note      read the note; `note -` removes it; a note that is there
 *             already is replaced only by `note! TEXT`; `note+ TEXT` adds
 *   evidence  list it; `evidence TEXT` adds, `evidence -N` removes one
 *   help      the question's help and these commands
 *   quit      stop (everything is already saved); end of input does the same
 * An empty line reads the question again. Every change is saved at once with
 * response_save(). Works with answers piped from a file, one per line. */
#ifndef PEIL_PLAIN_H
#define PEIL_PLAIN_H

#include <stdio.h>

#include "core/questionnaire.h"
#include "core/response.h"

/* Runs the dialogue on r (which borrows q), saving to `path` after every
 * change (and once at the start when `path` does not exist yet). When r has
 * no organisation, its name is asked first; if the input ends before one is
 * given, nothing is written. Starts at the first open question (or the
 * first one when none is open) and ends on `quit`, at the end of input, or
 * after the last question when no question is open any more. Returns EXIT_OK, or EXIT_WRITE when the
 * last attempt to save failed (the reason went to stderr). */
int plain_fill(const struct questionnaire *q, struct response *r, const char *path,
               FILE *in, FILE *out);
/* The same for a new file named after the organisation once it is asked
 * (`path` is then the directory): name() returns the path or NULL with a
 * message in err (as struct tui_fill_options' name_file). */
struct plain_naming {
	const char *(*name)(void *ctx, const char *organisation, char *err, size_t errlen);
	void *ctx;
};
int plain_fill_named(const struct questionnaire *q, struct response *r, const char *dir,
                     const struct plain_naming *naming, FILE *in, FILE *out);

#endif
