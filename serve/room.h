/* The votes in the room: seats, the question open for voting, its round,
 * the reveal. Plain C (no network, no curses): the phones' server
 * (serve/http.c) and the facilitator's keys (tui/workshop.c) change the
 * room through these functions only, so both follow the same rules.
 *
 * Threads: the room has one lock, taken by every function. The session
 * (the response and its file) has one owner, the thread that runs the
 * facilitator's loop: only the functions marked OWNER take the response,
 * and only that thread calls them. Phones' requests, on the server's
 * threads, record votes in the room and ask to be told when their vote is
 * in the file; the owner copies the counts into the response
 * (room_apply), saves it, and says so (room_saved), which answers them.
 *
 * A vote is a "slot": a level index (0..nlevels-1), ROOM_NA or
 * ROOM_UNKNOWN. Counts are arrays of room_nslots(): the levels, then n/a,
 * then don't know. */
#ifndef PEIL_SERVE_ROOM_H
#define PEIL_SERVE_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"
#include "core/response.h"

enum {
	ROOM_TOKEN_HEX = 32,    /* a seat's cookie: 128 random bits in hex */
	ROOM_MAX_SLOTS = 64,    /* levels + n/a + don't know */
	ROOM_SMALL = 3,         /* below this many votes, only an explicit reveal shows them */
};

/* What a phone's request came to. */
enum room_status {
	ROOM_OK,
	ROOM_FULL,              /* every seat is taken */
	ROOM_NO_SEAT,           /* the cookie is not a seat of this room */
	ROOM_NO_QUESTION,       /* nothing is open for voting yet */
	ROOM_WRONG_QUESTION,    /* the vote is for another question than the open one */
	ROOM_BAD_ANSWER,        /* not a level, na (where allowed) or unknown */
	ROOM_CLOSED,            /* the votes were revealed */
	ROOM_ALL_IN,            /* every participant has voted (typed-in votes count too) */
	ROOM_NO_MEMORY,
};

/* What the screen and a phone's page show, copied out under the lock. */
struct room_view {
	int question;           /* the open question (index), or -1 */
	int round;              /* 1, 2, ... */
	unsigned phase;         /* changes with the question, the round and the reveal */
	int participants;       /* N */
	int voted;              /* k of N: every vote, n/a and don't know included */
	int seats, seats_taken; /* phones' seats */
	bool revealed;          /* closed: no more changes */
	bool by_key;            /* revealed by the facilitator */
	bool all_in;            /* voted == participants */
	int mine;               /* the asking seat's vote (a slot), or -1 */
	int nslots;
	int counts[ROOM_MAX_SLOTS];
};

struct room;

/* A room for `participants` voters, `seats` of them on phones (0: votes
 * are only typed in). NULL when memory runs out, the questionnaire has more
 * levels than a phone can show (ROOM_MAX_SLOTS - 2), or no wake-up pipe. */
struct room *room_new(const struct questionnaire *q, int participants, int seats);
void room_free(struct room *room);      /* NULL is fine */

/* Readable when a phone changed the room: the owner then calls
 * room_clear_wake(), room_apply() and room_saved(). */
int room_wake_fd(const struct room *room);
void room_clear_wake(struct room *room);

/* ---- phones (any thread) ---- */

/* A new seat: its token into token[ROOM_TOKEN_HEX + 1]. ROOM_FULL when
 * every seat is taken. */
enum room_status room_join(struct room *room, char *token);
/* The seat with that token, or -1 (the comparison takes the same time
 * whatever the token). */
int room_seat(struct room *room, const char *token);
/* Seat `seat` votes `answer` on the question with id `question_id`; a new
 * vote replaces its old one until the reveal. On ROOM_OK, *ticket is what
 * to wait for with room_when_saved(). */
enum room_status room_vote(struct room *room, int seat, const char *question_id, const char *answer,
                           unsigned long *ticket);
/* Calls done(arg, saved) once the vote with `ticket` is in the file (or
 * saving it failed), from the owner's thread. Returns false, without
 * calling done, when that is already so: *saved tells how it went. */
bool room_when_saved(struct room *room, unsigned long ticket, void (*done)(void *arg, bool saved),
                     void *arg, bool *saved);
/* Calls done(arg, true) when the phase moves on from `phase`, or
 * done(arg, false) at room_expire() after `deadline` (seconds on
 * room_clock()). False, without calling done, when it already has moved. */
bool room_when_phase(struct room *room, unsigned phase, double deadline,
                     void (*done)(void *arg, bool moved), void *arg);
/* Ends the waits past their deadline (now: room_clock()). */
void room_expire(struct room *room, double now);
/* Ends every wait (done(arg, false)): the server is stopping. */
void room_cancel_waits(struct room *room);
/* How many phones wait (for a save or a phase). */
int room_waiting(struct room *room);
/* The room as seat `seat` sees it (-1: the facilitator). */
void room_view(struct room *room, int seat, struct room_view *v);

/* ---- the facilitator (OWNER) ---- */

/* The facilitator shows question qi: votes go to it from now on, and the
 * phones follow. The counts the file holds for qi count as cast (once per
 * run); what each seat voted on qi stays known while the run lasts, so
 * coming back to a question does not let anyone vote twice. A question
 * already decided with votes opens revealed (re-open it for another
 * round). True when the previous question's counts went into r just now
 * (then save). */
bool room_follow(struct room *room, struct response *r, int qi);
/* Reveals the votes on the open question (closes them); false if it was. */
bool room_reveal(struct room *room);
/* A second (third...) round on the open question: its counts move into
 * the response's rounds and voting starts again. False when memory ran
 * out or nothing is open. */
bool room_reopen(struct room *room, struct response *r);
/* A vote typed in by the facilitator (someone without a phone). */
enum room_status room_type_vote(struct room *room, int slot);
/* Takes back the last vote typed in on the open question in this round:
 * its slot, or -1 when there is none. */
int room_untype_vote(struct room *room);
/* Takes back one vote for `slot` on the open question that is not a
 * phone's: typed in this sitting or read from the file (votes cast before
 * a quit stay editable). False when there is none for that slot. */
bool room_take_back(struct room *room, int slot);
/* Several votes typed in at once (counted cards or hands): counts per
 * slot. ROOM_ALL_IN (nothing recorded) when they exceed the places left. */
enum room_status room_type_counts(struct room *room, const int *counts);
/* The facilitator cleared the group's answer: the open question is open
 * for votes again (hidden unless all are in), as before it was decided. */
void room_unclose(struct room *room);
/* Copies the open question's counts into r when they changed since the
 * last call; *gen is then what to pass to room_saved(). */
bool room_apply(struct room *room, struct response *r, unsigned long *gen);
/* The owner saved (ok) or failed to save the counts of `gen`: answers
 * the phones waiting for them. */
void room_saved(struct room *room, unsigned long gen, bool ok);

/* Monotonic seconds, for deadlines and rates. */
double room_clock(void);
/* n random bytes as 2n hex digits into out[2n + 1]; false without a
 * source of randomness. */
bool room_random_hex(char *out, size_t nbytes);

#endif
