/* Inside `peil workshop`: the state its screens share (tui/workshop*.c). */
#ifndef PEIL_TUI_WORKSHOP_SCREENS_H
#define PEIL_TUI_WORKSHOP_SCREENS_H

#include "scoring/group.h"
#include "tui/screens.h"
#include "tui/workshop.h"

struct workshop {
	const struct tui_workshop_options *o;       /* borrowed */
	struct question_hooks hooks;                /* ctx: this workshop */
	bool armed;             /* `v` was pressed: the next digit is a vote */
	int typed;              /* the level number typed so far after `v` (0: none) */
	int current;            /* the question shown last, for the list */
};

/* The figures of question qi from the session's votes (g->counts points
 * into `counts`, nlevels ints of the caller's). */
void workshop_stats(const struct app *a, int qi, int *counts, struct group_question *g);
/* Votes cast so far on qi. */
int workshop_votes(const struct app *a, int qi);
/* True when the histogram of qi may be shown: review mode, or all votes in. */
bool workshop_revealed(const struct workshop *w, const struct app *a, int qi);

/* The list of questions in session order, with what was decided; it is
 * the bottom screen (kind SCREEN_OVERVIEW, so `o` and Esc come back to
 * it). Enter opens the highlighted question. */
struct screen *workshop_list_new(struct app *a, struct workshop *w);
/* The join address and its QR code, for the phones (--serve). */
struct screen *workshop_join_new(struct app *a, struct workshop *w);
/* Votes in the room (tui/workshop_room.c). */
int workshop_room_votes(const struct workshop *w, const struct app *a, int qi);    /* k of N */
bool workshop_room_revealed(const struct workshop *w, const struct app *a, int qi);
void workshop_room_heading(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len);
void workshop_room_keys(const struct workshop *w, const struct app *a, char *buf, size_t len);
bool workshop_room_join_line(const struct workshop *w, const struct app *a, char *buf, size_t len);
/* The facilitator's keys on a question (TUI_UNHANDLED: not one of them);
 * armed: the key after `v`. */
int workshop_room_key(struct workshop *w, struct app *a, int qi, const struct tui_event *ev);
int workshop_room_armed(struct workshop *w, struct app *a, int key);
void workshop_room_shown(void *ctx, struct app *a, int qi);
int workshop_room_wake(struct app *a, void *ctx);
/* The owner's part after the room changed: the counts into the session,
 * saved, and the phones told (serve/room.h). */
void workshop_sync(struct workshop *w, struct app *a);

#endif
