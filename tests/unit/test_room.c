/* The votes in the room (serve/room.c): seats, one vote per seat that
 * it may change until the reveal, the small-group rule, rounds, typed-in
 * votes, and a phone told "counted" only once the owner saved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>

#include "serve/room.h"
#include "tests/unit/testutil.h"

static struct questionnaire *library(void)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

struct fixture {
	struct questionnaire *q;
	struct response *r;
	struct room *room;
	char tokens[8][ROOM_TOKEN_HEX + 1];
	int seat[8];
};

static void setup(struct fixture *f, int participants, int joined)
{
	f->q = library();
	f->r = response_new(f->q, "Gemeente Proef");
	f->room = room_new(f->q, participants, participants);
	assert_non_null(f->room);
	for (int i = 0; i < joined; i++) {
		assert_int_equal(room_join(f->room, f->tokens[i]), ROOM_OK);
		f->seat[i] = room_seat(f->room, f->tokens[i]);
		assert_int_equal(f->seat[i], i);
	}
	room_follow(f->room, f->r, 0);
}

static void teardown(struct fixture *f)
{
	room_free(f->room);
	response_free(f->r);
	questionnaire_free(f->q);
}

static enum room_status vote(struct fixture *f, int i, const char *qid, const char *answer)
{
	unsigned long ticket;
	return room_vote(f->room, f->seat[i], qid, answer, &ticket);
}

static void sync_room(struct fixture *f)
{
	unsigned long gen;
	if (room_apply(f->room, f->r, &gen))
		room_saved(f->room, gen, true);
}

static void test_seats_and_refusals(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 3, 3);
	char extra[ROOM_TOKEN_HEX + 1];
	assert_int_equal(room_join(f.room, extra), ROOM_FULL);
	assert_int_equal(room_seat(f.room, "0123456789abcdef0123456789abcdef"), -1);
	assert_int_equal(room_seat(f.room, "short"), -1);
	assert_int_equal(room_seat(f.room, NULL), -1);
	assert_string_not_equal(f.tokens[0], f.tokens[1]);
	unsigned long t;
	assert_int_equal(room_vote(f.room, 7, "services.online-loans", "2", &t), ROOM_NO_SEAT);
	assert_int_equal(vote(&f, 0, "services.help-desk", "2"), ROOM_WRONG_QUESTION);
	assert_int_equal(vote(&f, 0, NULL, "2"), ROOM_WRONG_QUESTION);
	static const char *const bad[] = { "", "6", "0", "02", "-1", "2 ", "+2", "NA", "9999999", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(vote(&f, 0, "services.online-loans", bad[i]), ROOM_BAD_ANSWER);
	assert_int_equal(vote(&f, 0, "services.online-loans", NULL), ROOM_BAD_ANSWER);
	struct room_view v;
	room_view(f.room, -1, &v);
	assert_int_equal(v.voted, 0);
	/* skills.training does not allow n/a */
	room_follow(f.room, f.r, 3);
	assert_int_equal(vote(&f, 0, "skills.training", "na"), ROOM_BAD_ANSWER);
	assert_int_equal(vote(&f, 0, "skills.training", "unknown"), ROOM_OK);
	teardown(&f);
}

static void test_change_until_all_in(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 3, 3);
	const char *qid = "services.online-loans";
	assert_int_equal(vote(&f, 0, qid, "2"), ROOM_OK);
	assert_int_equal(vote(&f, 0, qid, "4"), ROOM_OK);       /* replaces */
	assert_int_equal(vote(&f, 1, qid, "na"), ROOM_OK);
	struct room_view v;
	room_view(f.room, 0, &v);
	assert_int_equal(v.voted, 2);
	assert_int_equal(v.mine, 3);
	assert_false(v.revealed);
	unsigned phase = v.phase;
	assert_int_equal(vote(&f, 2, qid, "4"), ROOM_OK);
	room_view(f.room, 2, &v);
	assert_true(v.revealed && v.all_in && !v.by_key);
	assert_int_not_equal(v.phase, phase);                    /* the phones follow */
	assert_int_equal(v.counts[3], 2);
	assert_int_equal(v.counts[5], 1);                        /* n/a */
	assert_int_equal(vote(&f, 0, qid, "1"), ROOM_CLOSED);
	sync_room(&f);
	const struct answer *a = response_answer(f.r, 0);
	assert_non_null(a->votes);
	assert_int_equal(a->votes[3], 2);
	assert_int_equal(a->votes[1], 0);
	assert_int_equal(a->votes_na, 1);
	teardown(&f);
}

/* Two voters: all in is not enough, only the facilitator's reveal shows
 * (and closes) the votes. */
static void test_small_group_needs_reveal(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 2, 2);
	const char *qid = "services.online-loans";
	assert_int_equal(vote(&f, 0, qid, "2"), ROOM_OK);
	assert_int_equal(vote(&f, 1, qid, "3"), ROOM_OK);
	struct room_view v;
	room_view(f.room, -1, &v);
	assert_true(v.all_in);
	assert_false(v.revealed);
	assert_int_equal(vote(&f, 1, qid, "2"), ROOM_OK);       /* still open */
	assert_true(room_reveal(f.room));
	assert_false(room_reveal(f.room));
	room_view(f.room, -1, &v);
	assert_true(v.revealed && v.by_key);
	assert_int_equal(vote(&f, 1, qid, "5"), ROOM_CLOSED);
	teardown(&f);
}

/* A second round: the first round's counts go into `rounds`, every seat
 * votes again; coming back to a question does not give a second vote. */
static void test_rounds_and_coming_back(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 4, 4);
	const char *qid = "services.online-loans";
	for (int i = 0; i < 4; i++)
		assert_int_equal(vote(&f, i, qid, i < 3 ? "1" : "unknown"), ROOM_OK);
	sync_room(&f);
	assert_true(room_reopen(f.room, f.r));
	const struct answer *a = response_answer(f.r, 0);
	assert_int_equal(a->nrounds, 1);
	assert_int_equal(a->rounds[0].votes[0], 3);
	assert_int_equal(a->rounds[0].unknown, 1);
	assert_null(a->votes);
	struct room_view v;
	room_view(f.room, 0, &v);
	assert_int_equal(v.round, 2);
	assert_int_equal(v.voted, 0);
	assert_int_equal(v.mine, -1);
	assert_int_equal(vote(&f, 0, qid, "3"), ROOM_OK);
	room_follow(f.room, f.r, 1);                             /* away and back */
	room_follow(f.room, f.r, 0);
	room_view(f.room, 0, &v);
	assert_int_equal(v.voted, 1);
	assert_int_equal(v.mine, 2);
	assert_int_equal(vote(&f, 0, qid, "4"), ROOM_OK);
	room_view(f.room, 0, &v);
	assert_int_equal(v.voted, 1);
	teardown(&f);
}

/* Votes typed in share the N with the phones; z takes the last one back. */
static void test_typed_votes(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 3, 2);
	const char *qid = "services.online-loans";
	assert_int_equal(room_type_vote(f.room, 4), ROOM_OK);
	assert_int_equal(vote(&f, 0, qid, "1"), ROOM_OK);
	assert_int_equal(room_type_vote(f.room, 0), ROOM_OK);
	assert_int_equal(vote(&f, 1, qid, "1"), ROOM_ALL_IN);
	struct room_view v;
	room_view(f.room, -1, &v);
	assert_true(v.revealed);
	assert_int_equal(room_untype_vote(f.room), 0);
	room_view(f.room, -1, &v);
	assert_false(v.revealed);
	assert_int_equal(vote(&f, 1, qid, "1"), ROOM_OK);
	assert_int_equal(room_untype_vote(f.room), 4);
	assert_int_equal(room_untype_vote(f.room), -1);
	teardown(&f);
}

struct acks {
	int calls;
	bool last;
};

static void acked(void *arg, bool ok)
{
	struct acks *a = arg;
	a->calls++;
	a->last = ok;
}

/* A phone hears "counted" only once the counts are saved; a failed save
 * says so, and the next good one counts again. */
static void test_ack_after_save(void **state)
{
	(void)state;
	struct fixture f;
	setup(&f, 5, 2);
	unsigned long ticket, gen;
	bool saved;
	struct acks a = { 0 };
	assert_int_equal(room_vote(f.room, 0, "services.online-loans", "3", &ticket), ROOM_OK);
	assert_true(room_when_saved(f.room, ticket, acked, &a, &saved));
	assert_true(room_apply(f.room, f.r, &gen));
	assert_int_equal(a.calls, 0);
	room_saved(f.room, gen, false);
	assert_int_equal(a.calls, 1);
	assert_false(a.last);
	assert_false(room_when_saved(f.room, ticket, acked, &a, &saved));
	assert_false(saved);
	assert_false(room_apply(f.room, f.r, &gen));            /* nothing new */
	room_saved(f.room, gen, true);
	assert_false(room_when_saved(f.room, ticket, acked, &a, &saved));
	assert_true(saved);
	/* The phase: a long poll ends when the question changes, or expires. */
	struct room_view v;
	room_view(f.room, 0, &v);
	struct acks p = { 0 }, e = { 0 };
	assert_true(room_when_phase(f.room, v.phase, room_clock() + 60, acked, &p));
	assert_true(room_when_phase(f.room, v.phase, room_clock() - 1, acked, &e));
	room_expire(f.room, room_clock());
	assert_int_equal(e.calls, 1);
	assert_false(e.last);
	assert_int_equal(p.calls, 0);
	room_follow(f.room, f.r, 1);
	assert_int_equal(p.calls, 1);
	assert_true(p.last);
	assert_false(room_when_phase(f.room, v.phase, room_clock() + 60, acked, &p));
	teardown(&f);
}

struct voter {
	struct room *room;
	int ok;
};

static void *phone(void *arg)
{
	struct voter *v = arg;
	char token[ROOM_TOKEN_HEX + 1];
	unsigned long t;
	if (room_join(v->room, token) == ROOM_OK &&
	    room_vote(v->room, room_seat(v->room, token), "services.online-loans", "2", &t) == ROOM_OK)
		v->ok = 1;
	return NULL;
}

/* 64 phones at once on 64 threads: every one gets a seat and is counted. */
static void test_many_at_once(void **state)
{
	(void)state;
	enum { N = 64 };
	struct fixture f;
	setup(&f, N, 0);
	pthread_t th[N];
	struct voter v[N];
	for (int i = 0; i < N; i++) {
		v[i] = (struct voter){ f.room, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, phone, &v[i]), 0);
	}
	int ok = 0;
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		ok += v[i].ok;
	}
	assert_int_equal(ok, N);
	sync_room(&f);
	assert_int_equal(response_answer(f.r, 0)->votes[1], N);
	teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seats_and_refusals),
		cmocka_unit_test(test_change_until_all_in),
		cmocka_unit_test(test_small_group_needs_reveal),
		cmocka_unit_test(test_rounds_and_coming_back),
		cmocka_unit_test(test_typed_votes),
		cmocka_unit_test(test_ack_after_save),
		cmocka_unit_test(test_many_at_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
