/* The facilitator's side of the room (serve/room.h, OWNER): following
 * the facilitator from question to question, the reveal, a second round,
 * votes typed in, and copying the counts into the session. Only the
 * session's owner calls these, so they may touch the response. */
#include "serve/room_private.h"

#include <string.h>

#include "core/mem.h"

/* Ends every change of the owner's: the lock released first, then the
 * phones waiting for the change answered. */
static void unlock_settle(struct room *room)
{
	pthread_mutex_unlock(&room->mu);
	room_settle(room);
}

/* Drops typed-in vote k (lock held). */
static void drop_typed(struct room *room, int k)
{
	memmove(&room->typed[k], &room->typed[k + 1], (size_t)(room->ntyped - k - 1) * sizeof *room->typed);
	room->ntyped--;
}

/* Copies the open question's counts into r (lock held). */
static bool apply_locked(struct room *room, struct response *r)
{
	int qi = room->qi, c[ROOM_MAX_SLOTS], nl = room->nslots - 2, any = 0;
	if (qi < 0 || room->applied == room->gen)
		return false;
	room_counts_locked(room, qi, c);
	for (int i = 0; i < nl; i++)
		any |= c[i];
	/* A round without a level vote keeps no empty `votes` in the file,
	 * unless it already had one (a count taken back to zero stays). */
	bool ok = (!any && !response_answer(r, qi)->votes) || response_set_votes(r, qi, c);
	ok = ok && response_set_vote_statuses(r, qi, c[nl], c[nl + 1]);
	if (!ok) {
		room->save_failed = true;       /* nobody is told a vote is in that is not */
		return false;
	}
	room->applied = room->gen;
	return true;
}

bool room_apply(struct room *room, struct response *r, unsigned long *gen)
{
	pthread_mutex_lock(&room->mu);
	bool changed = apply_locked(room, r);
	*gen = room->gen;
	pthread_mutex_unlock(&room->mu);
	if (!changed)
		room_settle(room);      /* a failure answers the phones waiting */
	return changed;
}

void room_saved(struct room *room, unsigned long gen, bool ok)
{
	pthread_mutex_lock(&room->mu);
	if (ok && gen > room->saved)
		room->saved = gen;
	room->save_failed = !ok;
	unlock_settle(room);
}

/* What the file holds for qi, the first time it is opened in this run. */
static void learn(struct room *room, const struct response *r, int qi)
{
	const struct answer *a = response_answer(r, qi);
	int *base = room_base(room, qi), nl = room->nslots - 2;
	for (int i = 0; i < nl; i++)
		base[i] = a->votes ? a->votes[i] : 0;
	base[nl] = a->votes_na;
	base[nl + 1] = a->votes_unknown;
	room->round[qi] = a->nrounds + 1;
	room->by_key[qi] = a->status != ANSWER_OPEN && room_total_locked(room, qi) > 0;
	room->known[qi] = true;
}

bool room_follow(struct room *room, struct response *r, int qi)
{
	if (qi < 0 || qi >= room->nq)
		return false;
	pthread_mutex_lock(&room->mu);
	bool changed = false;
	if (qi != room->qi) {
		changed = apply_locked(room, r);
		if (!room->known[qi])
			learn(room, r, qi);
		room->qi = qi;
		room->phase++;
	}
	unlock_settle(room);
	return changed;
}

bool room_reveal(struct room *room)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	bool did = qi >= 0 && !room_revealed_locked(room, qi);
	if (did) {
		room->by_key[qi] = true;
		room->phase++;
	}
	unlock_settle(room);
	return did;
}

bool room_reopen(struct room *room, struct response *r)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	bool ok = qi >= 0;
	if (ok) {
		apply_locked(room, r);
		const struct answer *a = response_answer(r, qi);
		bool any = a->votes || a->votes_na || a->votes_unknown;
		ok = !room->save_failed && (!any || response_push_round(r, qi));
	}
	if (ok) {
		for (int s = 0; s < room->taken; s++)
			room->seat_vote[(size_t)s * (size_t)room->nq + (size_t)qi] = -1;
		memset(room_base(room, qi), 0, (size_t)room->nslots * sizeof(int));
		int kept = 0;
		for (int i = 0; i < room->ntyped; i++)
			if (room->typed[i] / room->nslots != qi)
				room->typed[kept++] = room->typed[i];
		room->ntyped = kept;
		room->by_key[qi] = false;
		room->round[qi]++;
		room->gen++;
		room->applied = room->gen;      /* r holds the new round already */
		room->phase++;
	}
	unlock_settle(room);
	return ok;
}

enum room_status room_type_vote(struct room *room, int slot)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	enum room_status st = ROOM_OK;
	if (qi < 0)
		st = ROOM_NO_QUESTION;
	else if (slot < 0 || slot >= room->nslots)
		st = ROOM_BAD_ANSWER;
	else if (room_total_locked(room, qi) >= room->participants)
		st = ROOM_ALL_IN;
	else if (room_revealed_locked(room, qi))
		st = ROOM_CLOSED;
	if (st == ROOM_OK && room->ntyped == room->captyped) {
		int cap = room->captyped ? room->captyped * 2 : 64;
		int *t = mem_realloc(room->typed, (size_t)cap * sizeof *t);
		if (t) {
			room->typed = t;
			room->captyped = cap;
		} else {
			st = ROOM_NO_MEMORY;
		}
	}
	if (st == ROOM_OK) {
		room_base(room, qi)[slot]++;
		room->typed[room->ntyped++] = qi * room->nslots + slot;
		room_changed_locked(room, qi, false);
	}
	unlock_settle(room);
	return st;
}

int room_untype_vote(struct room *room)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi, k = room->ntyped - 1, slot = -1;
	while (qi >= 0 && k >= 0 && room->typed[k] / room->nslots != qi)
		k--;
	if (qi >= 0 && k >= 0 && room_base(room, qi)[room->typed[k] % room->nslots] > 0) {
		bool was = room_revealed_locked(room, qi);
		slot = room->typed[k] % room->nslots;
		room_base(room, qi)[slot]--;
		drop_typed(room, k);
		room_changed_locked(room, qi, was);
	}
	unlock_settle(room);
	return slot;
}

bool room_take_back(struct room *room, int slot)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	bool did = qi >= 0 && slot >= 0 && slot < room->nslots && room_base(room, qi)[slot] > 0;
	if (did) {
		bool was = room_revealed_locked(room, qi);
		room_base(room, qi)[slot]--;
		/* The last typed-in vote for that slot, if any, is the one taken back. */
		for (int k = room->ntyped - 1; k >= 0; k--)
			if (room->typed[k] == qi * room->nslots + slot) {
				drop_typed(room, k);
				break;
			}
		room->by_key[qi] = false;       /* taking a vote back opens the question again */
		room_changed_locked(room, qi, was);
	}
	unlock_settle(room);
	return did;
}

enum room_status room_type_counts(struct room *room, const int *counts)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	long total = 0;
	for (int i = 0; i < room->nslots; i++)
		total += counts[i] > 0 ? counts[i] : 0;
	enum room_status st = ROOM_OK;
	if (qi < 0)
		st = ROOM_NO_QUESTION;
	else if (room_revealed_locked(room, qi))
		st = ROOM_CLOSED;
	else if (room_total_locked(room, qi) + total > room->participants)
		st = ROOM_ALL_IN;
	if (st == ROOM_OK) {
		/* Counted, not typed one by one: `z` takes them back per level. */
		for (int i = 0; i < room->nslots; i++)
			room_base(room, qi)[i] += counts[i] > 0 ? counts[i] : 0;
		room_changed_locked(room, qi, false);
	}
	unlock_settle(room);
	return st;
}

void room_unclose(struct room *room)
{
	pthread_mutex_lock(&room->mu);
	int qi = room->qi;
	if (qi >= 0 && room->by_key[qi]) {
		room->by_key[qi] = false;
		room_changed_locked(room, qi, true);
	}
	unlock_settle(room);
}
