/* The room's inside, shared by serve/room.c (phones) and
 * serve/room_owner.c (the facilitator) only. */
#ifndef PEIL_SERVE_ROOM_PRIVATE_H
#define PEIL_SERVE_ROOM_PRIVATE_H

#include <pthread.h>

#include "serve/room.h"

struct wait {
	struct wait *next;
	bool for_phase;         /* else: for a save */
	unsigned long ticket;   /* save: the generation to be in the file */
	unsigned phase;         /* phase: the one the phone has */
	double deadline;
	void (*done)(void *arg, bool ok);
	void *arg;
	bool result;            /* set when it is due */
};

struct room {
	pthread_mutex_t mu;
	const struct questionnaire *q;
	int nq, nslots, participants;
	int nseats, taken;
	char (*tokens)[ROOM_TOKEN_HEX + 1];
	int *seat_vote;         /* [seat * nq + question]: a slot or -1 */
	int *base;              /* [question * nslots + slot]: counts from the file and typed in */
	bool *known;            /* base of the question read from the file in this run */
	bool *by_key;           /* revealed by the facilitator */
	int *round;             /* per question: 1 + earlier rounds */
	int *typed;             /* typed-in votes of this run: question * nslots + slot */
	int ntyped, captyped;
	int qi;                 /* open question or -1 */
	unsigned phase;
	unsigned long gen, applied, saved;
	bool save_failed;
	struct wait *waits;
	int wake[2];
};

/* With the lock held: */
int *room_base(struct room *room, int qi);      /* nslots counts not tied to a seat */
void room_counts_locked(struct room *room, int qi, int *out);
int room_total_locked(struct room *room, int qi);
/* Closed: the facilitator revealed, or all are in and the group is not so
 * small that the counts would tell who voted what. */
bool room_revealed_locked(struct room *room, int qi);
/* The counts of qi changed: a new generation; a new phase when that
 * revealed (or hid) the votes. */
void room_changed_locked(struct room *room, int qi, bool was_revealed);

/* Without the lock: */
void room_wake(struct room *room);      /* tells the owner */
void room_settle(struct room *room);    /* answers the waits that are due */

#endif
