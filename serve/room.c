/* The votes in the room (serve/room.h). What a seat voted lives only
 * here, in memory, per question: the file gets counts. */
#define _GNU_SOURCE     /* pipe2 */
#include "serve/room_private.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"

double room_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

bool room_random_hex(char *out, size_t nbytes)
{
	unsigned char buf[64];
	if (nbytes > sizeof buf)
		return false;
	size_t got = 0;
	while (got < nbytes) {
		ssize_t n = getrandom(buf + got, nbytes - got, 0);
		if (n < 0 && errno != EINTR)
			return false;
		got += n > 0 ? (size_t)n : 0;
	}
	for (size_t i = 0; i < nbytes; i++)
		snprintf(out + 2 * i, 3, "%02x", buf[i]);
	return true;
}

struct room *room_new(const struct questionnaire *q, int participants, int seats)
{
	if (q->nlevels + 2 > ROOM_MAX_SLOTS || participants < 1 || seats < 0)
		return NULL;
	struct room *room = mem_alloc(sizeof *room);
	if (!room)
		return NULL;
	room->q = q;
	room->nq = q->nquestions;
	room->nslots = q->nlevels + 2;
	room->participants = participants;
	room->nseats = seats;
	room->qi = -1;
	room->wake[0] = room->wake[1] = -1;
	pthread_mutex_init(&room->mu, NULL);    /* the default attributes: it cannot fail */
	size_t nq = (size_t)room->nq;
	room->tokens = mem_alloc((seats ? (size_t)seats : 1) * sizeof *room->tokens);
	room->seat_vote = mem_alloc((seats ? (size_t)seats : 1) * nq * sizeof(int));
	room->base = mem_alloc(nq * (size_t)room->nslots * sizeof(int));
	room->known = mem_alloc(nq * sizeof(bool));
	room->by_key = mem_alloc(nq * sizeof(bool));
	room->round = mem_alloc(nq * sizeof(int));
	if (!room->tokens || !room->seat_vote || !room->base || !room->known || !room->by_key || !room->round ||
	    pipe2(room->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
		room_free(room);
		return NULL;
	}
	for (size_t i = 0; i < (seats ? (size_t)seats : 1) * nq; i++)
		room->seat_vote[i] = -1;
	return room;
}

void room_free(struct room *room)
{
	if (!room)
		return;
	for (struct wait *w = room->waits, *next; w; w = next) {
		next = w->next;
		mem_free(w);
	}
	if (room->wake[0] >= 0) {
		close(room->wake[0]);
		close(room->wake[1]);
	}
	mem_free(room->tokens);
	mem_free(room->seat_vote);
	mem_free(room->base);
	mem_free(room->known);
	mem_free(room->by_key);
	mem_free(room->round);
	mem_free(room->typed);
	mem_free(room);
}

/* The slot of an answer as a phone sends it ("2", "na", "unknown") for
 * question qi; -1 when it is none of them (or na is not allowed there). */
static int room_parse_answer(const struct room *room, int qi, const char *answer)
{
	if (qi < 0 || qi >= room->nq || !answer)
		return -1;
	if (!strcmp(answer, "na"))
		return room->q->questions[qi].allow_na ? room->nslots - 2 : -1;
	if (!strcmp(answer, "unknown"))
		return room->nslots - 1;
	/* A level value: digits only, no sign, no spaces, no leading zeros. */
	size_t n = strlen(answer);
	if (n == 0 || n > 6 || (answer[0] == '0' && n > 1) || strspn(answer, "0123456789") != n)
		return -1;
	return qn_level_index(room->q, atoi(answer));
}

int room_wake_fd(const struct room *room)
{
	return room->wake[0];
}

void room_clear_wake(struct room *room)
{
	char buf[64];
	while (read(room->wake[0], buf, sizeof buf) > 0)
		;
}

void room_wake(struct room *room)
{
	ssize_t n = write(room->wake[1], "v", 1);   /* a full pipe is already awake */
	(void)n;
}

/* ---- counts (lock held) ---- */

int *room_base(struct room *room, int qi)
{
	return room->base + (size_t)qi * (size_t)room->nslots;
}

void room_counts_locked(struct room *room, int qi, int *out)
{
	memcpy(out, room_base(room, qi), (size_t)room->nslots * sizeof(int));
	for (int s = 0; s < room->taken; s++) {
		int v = room->seat_vote[(size_t)s * (size_t)room->nq + (size_t)qi];
		if (v >= 0)
			out[v]++;
	}
}

int room_total_locked(struct room *room, int qi)
{
	int c[ROOM_MAX_SLOTS], n = 0;
	room_counts_locked(room, qi, c);
	for (int i = 0; i < room->nslots; i++)
		n += c[i];
	return n;
}

/* Closed: the facilitator revealed, or all are in and the group is not so
 * small that the counts would tell who voted what. */
bool room_revealed_locked(struct room *room, int qi)
{
	return room->by_key[qi] || (room->participants >= ROOM_SMALL && room_total_locked(room, qi) >= room->participants);
}

void room_changed_locked(struct room *room, int qi, bool was_revealed)
{
	room->gen++;
	if (room_revealed_locked(room, qi) != was_revealed)
		room->phase++;
}

/* ---- phones ---- */

enum room_status room_join(struct room *room, char *token)
{
	char t[ROOM_TOKEN_HEX + 1];
	if (!room_random_hex(t, ROOM_TOKEN_HEX / 2))
		return ROOM_NO_MEMORY;
	pthread_mutex_lock(&room->mu);
	enum room_status st = ROOM_FULL;
	if (room->taken < room->nseats) {
		memcpy(room->tokens[room->taken++], t, sizeof t);
		memcpy(token, t, sizeof t);
		st = ROOM_OK;
	}
	pthread_mutex_unlock(&room->mu);
	if (st == ROOM_OK)
		room_wake(room);     /* the screen shows the seats taken */
	return st;
}

static bool same_token(const char *a, const char *b)
{
	unsigned char diff = 0;
	for (int i = 0; i < ROOM_TOKEN_HEX; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

int room_seat(struct room *room, const char *token)
{
	if (!token || strlen(token) != ROOM_TOKEN_HEX)
		return -1;
	pthread_mutex_lock(&room->mu);
	int found = -1;
	for (int s = 0; s < room->taken; s++)
		if (same_token(room->tokens[s], token))
			found = s;
	pthread_mutex_unlock(&room->mu);
	return found;
}

enum room_status room_vote(struct room *room, int seat, const char *question_id, const char *answer,
                           unsigned long *ticket)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	enum room_status st = ROOM_OK;
	int slot = -1;
	if (seat < 0 || seat >= room->taken)
		st = ROOM_NO_SEAT;
	else if (qi < 0)
		st = ROOM_NO_QUESTION;
	else if (!question_id || strcmp(question_id, room->q->questions[qi].id) != 0)
		st = ROOM_WRONG_QUESTION;
	else if ((slot = room_parse_answer(room, qi, answer)) < 0)
		st = ROOM_BAD_ANSWER;
	int *mine = st == ROOM_OK ? &room->seat_vote[(size_t)seat * (size_t)room->nq + (size_t)qi] : NULL;
	if (mine && *mine < 0 && room_total_locked(room, qi) >= room->participants)
		st = ROOM_ALL_IN;       /* typed-in votes took the last places */
	else if (mine && room_revealed_locked(room, qi))
		st = ROOM_CLOSED;
	if (st == ROOM_OK) {
		*mine = slot;
		room_changed_locked(room, qi, false);
		*ticket = room->gen;
	}
	pthread_mutex_unlock(&room->mu);
	if (st == ROOM_OK) {
		room_wake(room);
		room_settle(room);      /* the last vote in reveals: the phones follow */
	}
	return st;
}

static bool add_wait(struct room *room, const struct wait *w)
{
	struct wait *n = mem_alloc(sizeof *n);
	if (!n)
		return false;
	*n = *w;
	n->next = room->waits;
	room->waits = n;
	return true;
}

bool room_when_saved(struct room *room, unsigned long ticket, void (*done)(void *arg, bool saved),
                     void *arg, bool *saved)
{
	pthread_mutex_lock(&room->mu);
	bool wait = room->saved < ticket && !room->save_failed;
	if (wait)
		wait = add_wait(room, &(struct wait){ .ticket = ticket, .done = done, .arg = arg });
	*saved = room->saved >= ticket;
	pthread_mutex_unlock(&room->mu);
	return wait;
}

bool room_when_phase(struct room *room, unsigned phase, double deadline,
                     void (*done)(void *arg, bool moved), void *arg)
{
	pthread_mutex_lock(&room->mu);
	bool wait = room->phase == phase &&
	            add_wait(room, &(struct wait){ .for_phase = true, .phase = phase, .deadline = deadline,
	                                           .done = done, .arg = arg });
	pthread_mutex_unlock(&room->mu);
	return wait;
}

/* Takes the waits that are due off the list, each with its outcome
 * (lock held); the caller calls them without the lock. due(): 0 keep,
 * 1 due and went well, -1 due and did not. */
static struct wait *take_waits(struct room *room, int (*due)(const struct room *, const struct wait *, double),
                               double now)
{
	struct wait *out = NULL, **p = &room->waits;
	while (*p) {
		struct wait *w = *p;
		int d = due(room, w, now);
		if (d == 0) {
			p = &w->next;
			continue;
		}
		w->result = d > 0;
		*p = w->next;
		w->next = out;
		out = w;
	}
	return out;
}

static void call_waits(struct wait *list)
{
	for (struct wait *w = list, *next; w; w = next) {
		next = w->next;
		w->done(w->arg, w->result);
		mem_free(w);
	}
}

static int expired(const struct room *room, const struct wait *w, double now)
{
	(void)room;
	return w->for_phase && w->deadline <= now ? -1 : 0;
}

static int everyone(const struct room *room, const struct wait *w, double now)
{
	(void)room, (void)w, (void)now;
	return -1;
}

static int settled(const struct room *room, const struct wait *w, double now)
{
	(void)now;
	if (w->for_phase)
		return room->phase != w->phase;
	if (room->saved >= w->ticket)
		return 1;
	return room->save_failed ? -1 : 0;
}

static void run_waits(struct room *room, int (*due)(const struct room *, const struct wait *, double), double now)
{
	pthread_mutex_lock(&room->mu);
	struct wait *list = take_waits(room, due, now);
	pthread_mutex_unlock(&room->mu);
	call_waits(list);
}

void room_expire(struct room *room, double now)
{
	run_waits(room, expired, now);
}

void room_cancel_waits(struct room *room)
{
	run_waits(room, everyone, 0);
}

void room_settle(struct room *room)
{
	run_waits(room, settled, 0);
}

int room_waiting(struct room *room)
{
	pthread_mutex_lock(&room->mu);
	int n = 0;
	for (const struct wait *w = room->waits; w; w = w->next)
		n++;
	pthread_mutex_unlock(&room->mu);
	return n;
}

void room_view(struct room *room, int seat, struct room_view *v)
{
	memset(v, 0, sizeof *v);
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	v->question = qi;
	v->phase = room->phase;
	v->participants = room->participants;
	v->seats = room->nseats;
	v->seats_taken = room->taken;
	v->nslots = room->nslots;
	v->mine = -1;
	if (qi >= 0) {
		room_counts_locked(room, qi, v->counts);
		for (int i = 0; i < room->nslots; i++)
			v->voted += v->counts[i];
		v->round = room->round[qi];
		v->revealed = room_revealed_locked(room, qi);
		v->by_key = room->by_key[qi];
		v->all_in = v->voted >= room->participants;
		if (seat >= 0 && seat < room->taken)
			v->mine = room->seat_vote[(size_t)seat * (size_t)room->nq + (size_t)qi];
	}
	pthread_mutex_unlock(&room->mu);
}
