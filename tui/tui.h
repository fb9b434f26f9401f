/* The terminal interface: public entry points for cli/.
 *
 * Everything curses-related stays inside tui/; cli/ only calls these.
 * The questionnaire and the response are borrowed: the caller loads them
 * before and frees them after. The TUI changes the response only through
 * core/response.h and saves it (atomically) after every change. */
#ifndef PEIL_TUI_H
#define PEIL_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"
#include "core/response.h"

enum tui_status {
	TUI_DONE,               /* the user quit; everything is saved */
	TUI_CANCELLED,          /* quit at the organisation prompt: nothing written */
	TUI_NO_TERMINAL,        /* the terminal could not be set up (err says why) */
	TUI_NOT_SAVED,          /* quit although the last save failed (err says why) */
	TUI_SIGNALLED,          /* SIGHUP/SIGTERM/SIGINT: saved, terminal restored */
};

struct tui_fill_options {
	int lang;               /* questionnaire language index to start in */
	bool ask_organisation;  /* ask the organisation's name first (new file) */
	bool no_color;          /* settings: theme = none (NO_COLOR is read too) */
	bool high_contrast;     /* settings: theme = high-contrast */
	const char *notice;     /* a warning for the status line at the start, or NULL (borrowed) */
	/* A new file named after its organisation once the prompt has it
	 * (`path` is then the directory): returns the file's path, valid
	 * until the caller's end, or NULL with a message in err. NULL: the
	 * path is known. */
	const char *(*name_file)(void *ctx, const char *organisation, char *err, size_t errlen);
	void *name_ctx;
};

/* Runs `peil fill` on r, saving to `path` after every change. On
 * TUI_SIGNALLED, *signo is the signal that ended the session. `err`
 * (errlen bytes) receives a message for the caller to print after the
 * terminal is restored. */
enum tui_status tui_run_fill(const struct questionnaire *q, struct response *r,
                             const char *path, const struct tui_fill_options *o,
                             int *signo, char *err, size_t errlen);

/* True when stdin and stdout are terminals (or PEIL_SCRIPT feeds the keys,
 * tui/script.h) and TERM names a usable terminal (not unset, empty or
 * "dumb"): otherwise use plain mode. */
bool tui_terminal_usable(void);

/* The curses library's name and version (for peil --version), so that
 * cli/ need not include curses. */
const char *tui_curses_version(void);

#endif
