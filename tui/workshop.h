/* `peil workshop`: the facilitator's session, on the screens of `fill`.
 *
 * Review mode (respondents' files): the session's votes are what the
 * respondents answered; questions come most contested first, each with its
 * histogram, spread and the respondents' notes. Live mode (participants):
 * the room votes question by question; the histogram stays hidden until
 * every participant has voted (blind, then reveal). Either way the
 * facilitator chooses the group's answer with fill's keys and `e` for the
 * reason, and the session is an ordinary response file, saved after every
 * change. Curses stays inside tui/: cli/ sees only this header. */
#ifndef PEIL_TUI_WORKSHOP_H
#define PEIL_TUI_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"
#include "core/response.h"
#include "serve/room.h"
#include "tui/tui.h"

/* One respondent in review mode; both borrowed for the whole session. */
struct workshop_respondent {
	const struct response *r;
	const char *name;       /* shown with their notes; NULL: not shown */
};

struct tui_workshop_options {
	int lang;
	bool ask_organisation;  /* a new live session: ask the organisation first */
	bool no_color, high_contrast;
	const char *notice;     /* a warning for the status line at the start, or NULL (borrowed) */
	bool large;             /* projector layout (--large): what the room needs, large */
	/* The screen is what the room sees: respondents' names are hidden
	 * until a key shows them; names: shown from the start (--names);
	 * anonymous: never, not even by the key (--anonymous). */
	bool names, anonymous;
	/* The messages about the respondents' files (left out, copies,
	 * warnings), one per line, shown at the start; NULL: none. */
	const char *file_notes;
	/* Live mode when > 0: votes per question may not exceed it. */
	int participants;
	/* Live mode: the votes in the room (serve/room.h), which the keys and
	 * the phones change alike (borrowed; the session is its owner). */
	struct room *room;
	/* With --serve: where phones join (borrowed), else NULL. */
	const char *join_url, *join_qr, *join_iface;
	bool join_everywhere;   /* listening on all interfaces: said on screen */
	/* Review mode: the respondents (borrowed), for notes and n/a counts. */
	const struct workshop_respondent *respondents;
	int nrespondents;
};

/* Runs the session on `session` (a response whose answers carry the
 * votes), saving to `path` after every change. Statuses, `signo` and `err`
 * as for tui_run_fill(). */
enum tui_status tui_run_workshop(const struct questionnaire *q, struct response *session,
                                 const char *path, const struct tui_workshop_options *o,
                                 int *signo, char *err, size_t errlen);

#endif
