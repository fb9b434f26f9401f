/* Inside `peil workshop`: the state its screens share (tui/workshop*.c). */
#ifndef PEIL_TUI_WORKSHOP_SCREENS_H
#define PEIL_TUI_WORKSHOP_SCREENS_H

#include "scoring/group.h"
#include "tui/screens.h"
#include "tui/workshop.h"

/* A decision that waits for its confirmation (the same key again): a
 * proposal being decided, or votes missing or hidden. */
struct pending {
	int qi;                 /* -1: none */
	enum answer_status st;
	int level;
};

enum { WORKSHOP_CHOICE_LEN = 512 };

struct workshop {
	const struct tui_workshop_options *o;       /* borrowed */
	struct question_hooks hooks;                /* ctx: this workshop */
	bool armed;             /* `v` was pressed: the next key is a vote */
	int typed;              /* the level number typed so far after `v` (0: none) */
	bool untype;            /* `z` on votes from before this sitting: the next key is the level */
	bool swallow;           /* review mode, after `v`: the next key decides nothing */
	int current;            /* the question shown last, for the list */
	struct pending pending;
	bool accept_asked;      /* `A` pressed once in the list */
	bool quit_asked;        /* `q` pressed once with a vote in progress */
	bool large;             /* the projector view (--large, or `+`) */
	bool names;             /* respondents' names shown (never with --anonymous) */
	int notes_page;         /* the page of respondents' notes shown in the projector view */
	bool notes_more;        /* the page drawn last has notes after it (else `s` goes back to the first) */
	bool contested_only;    /* the list shows only contested questions */
	/* Time, on script_clock() (tui/script.h): the session's clock and the
	 * question's, both standing still while paused. */
	double started, question_since, paused_since, paused_total, question_paused;
	long seconds_before;    /* spent in earlier sittings (the file's) */
	bool paused;
	long shown_second;      /* what the clock showed last, for the tick */
	char (*choice_texts)[WORKSHOP_CHOICE_LEN];  /* the bars, per choice (levels, n/a, don't know) */
};

/* ---- figures (tui/workshop.c) ---- */

/* The figures of question qi from the session's votes (g->counts points
 * into `counts`, nlevels ints of the caller's). */
void workshop_stats(const struct app *a, int qi, int *counts, struct group_question *g);
/* Votes cast so far on qi. */
int workshop_votes(const struct app *a, int qi);
/* True when the histogram of qi may be shown: review mode, or all votes in. */
bool workshop_revealed(const struct workshop *w, const struct app *a, int qi);
/* qi is contested by its votes (and they are shown). */
bool workshop_contested(const struct workshop *w, const struct app *a, int qi);
/* "3 of 7 don't know" when many said so (at least a third, and 2 or
 * more); false otherwise. */
bool workshop_unknown_flag(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len);
/* The questionnaire's own number of qi (1-based), for the room's paper. */
int workshop_number(const struct app *a, int qi);

/* ---- the pane under the answers (tui/workshop_pane.c) ---- */

int workshop_pane_rows(struct workshop *w, const struct app *a, int qi, int width);
void workshop_pane_draw(struct workshop *w, const struct app *a, int qi, struct rect r);
/* The projector view's answer lines: the label's bar and count. */
const char *workshop_choice_text(void *ctx, const struct app *a, int qi, int li, int width);

/* ---- deciding (tui/workshop_decide.c) ---- */

/* The question hook: holds back a decision on a proposal, or with votes
 * missing or hidden, until the same key is pressed again. */
bool workshop_deciding(void *ctx, struct app *a, int qi, enum answer_status st, int level, bool highlighted);
/* Every proposal on a question that is not contested becomes a decision
 * (marked accepted); asks first. */
int workshop_accept_agreed(struct workshop *w, struct app *a);

/* ---- time (tui/workshop_time.c) ---- */

void workshop_time_start(struct workshop *w, struct app *a);
/* The question on the screen changed: its timer starts again. */
void workshop_time_question(struct workshop *w);
/* Into the session (response) before saving at the end. */
void workshop_time_store(struct workshop *w, struct app *a);
/* The clock line: time of day, this question, the pace. */
bool workshop_time_line(void *ctx, const struct app *a, int qi, char *buf, size_t len);
int workshop_time_tick(struct app *a, void *ctx);
void workshop_time_pause(struct workshop *w, struct app *a);

/* ---- screens ---- */

/* The list of questions in session order, with what was decided; it is
 * the bottom screen (kind SCREEN_OVERVIEW, so `o` and Esc come back to
 * it). Enter opens the highlighted question. */
struct screen *workshop_list_new(struct app *a, struct workshop *w);
/* The join address and its QR code, for the phones (--serve). */
struct screen *workshop_join_new(struct app *a, struct workshop *w);

/* ---- votes in the room (tui/workshop_room.c) ---- */

int workshop_room_votes(const struct workshop *w, const struct app *a, int qi);    /* k of N */
bool workshop_room_revealed(const struct workshop *w, const struct app *a, int qi);
/* A vote is in progress on qi: some votes in, not revealed, not decided. */
bool workshop_room_in_progress(const struct workshop *w, const struct app *a, int qi);
void workshop_room_heading(const struct workshop *w, const struct app *a, int qi, char *buf, size_t len);
void workshop_room_keys(const struct workshop *w, const struct app *a, char *buf, size_t len);
bool workshop_room_join_line(const struct workshop *w, const struct app *a, char *buf, size_t len);
/* The facilitator's keys on a question (TUI_UNHANDLED: not one of them);
 * armed: the key after `v`; untype: the key after `z`. */
int workshop_room_key(struct workshop *w, struct app *a, int qi, const struct tui_event *ev);
int workshop_room_armed(struct workshop *w, struct app *a, int key);
int workshop_room_untype(struct workshop *w, struct app *a, int key);
/* Counting cards or hands: "2x3, 4x2" (tui/workshop_count.c). */
int workshop_count_open(struct workshop *w, struct app *a, int qi);
void workshop_room_shown(void *ctx, struct app *a, int qi);
int workshop_room_wake(struct app *a, void *ctx);
/* The owner's part after the room changed: the counts into the session,
 * saved, and the phones told (serve/room.h). */
void workshop_sync(struct workshop *w, struct app *a);

#endif
