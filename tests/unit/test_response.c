/* Response files (core/response*.c): every validation rule with a broken
 * fixture under tests/fixtures/bad/, the warnings, the setters' invariants
 * and allocation failures. Saving is in test_atomic.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"
#include "core/response.h"
#include "core/response_session.h"
#include "core/schema.h"
#include "core/ydoc.h"
#include "tests/unit/testutil.h"

static struct questionnaire *library(void)
{
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

struct bad_case {
	const char *fixture;
	const char *errors;     /* "{Q}" stands for the questionnaire's path */
};

static const struct bad_case bad_cases[] = {
	{ "r-unknown-question.yaml",
	  "9:3: error: 'services.helpdesk' is not a question of questionnaire 'library-digital-services'\n" },
	{ "r-level-undefined.yaml", "8:34: error: level 6 is not one of the questionnaire's levels\n" },
	{ "r-level-and-status.yaml", "10:39: error: an answer has either a level or a status, not both\n" },
	{ "r-status-bad.yaml", "9:32: error: status 'maybe': expected na or unknown\n" },
	{ "r-na-not-allowed.yaml", "10:29: error: 'skills.training' does not allow \"not applicable\"\n" },
	{ "r-date-feb30.yaml", "5:7: error: date: expected a real date written YYYY-MM-DD\n" },
	{ "r-date-month13.yaml", "5:7: error: date: expected a real date written YYYY-MM-DD\n" },
	{ "r-date-words.yaml", "5:7: error: date: expected a real date written YYYY-MM-DD\n" },
	{ "r-target-unknown-domain.yaml", "6:11: error: targets: 'skils' is not a domain of the questionnaire\n" },
	{ "r-target-not-level.yaml", "6:19: error: targets: 7 is not one of the questionnaire's levels\n" },
	{ "r-questionnaire-mismatch.yaml",
	  "2:16: error: this file answers questionnaire 'municipal-digital-maturity', not "
	  "'library-digital-services' ({Q})\n" },
	{ "r-version-2.yaml", "1:17: error: format version 2 is not supported; this peil reads version 1\n" },
	{ "r-missing-organisation.yaml", "1:1: error: missing required key 'organisation'\n" },
	{ "r-missing-date.yaml", "1:1: error: missing required key 'date'\n" },
	{ "r-organisation-id.yaml",
	  "5:18: error: organisation_id: 'GM 0363; drop table' is not a code such as GM0363 (CBS) or 44021 (NIS)\n" },
	{ "r-unknown-key.yaml",
	  "4:1: error: unknown key 'organization' (did you mean 'organisation'?)\n"
	  "1:1: error: missing required key 'organisation'\n" },
	{ "r-answer-unknown-key.yaml", "8:37: error: unknown key 'notes' (did you mean 'note'?)\n" },
	{ "r-duplicate-answer.yaml", "11:3: error: duplicate key 'services.online-loans' (first at line 8)\n" },
	{ "r-votes-undefined-level.yaml", "10:45: error: level 9 is not one of the questionnaire's levels\n" },
	/* Issue 13.14: three spellings of one level; the last used to win. */
	{ "r-votes-same-level-twice.yaml",
	  "10:45: error: votes: '01' is level 1 again (already given as '1' on line 10)\n"
	  "10:52: error: votes: '+1' is level 1 again (already given as '1' on line 10)\n" },
	/* Issue 13.6: counts that each pass but add up past INT_MAX. */
	{ "r-votes-over-limit.yaml",
	  "10:56: error: votes: the counts of one question add up to more than 999999999\n" },
	{ "r-votes-rounds-negative.yaml",
	  "10:15: error: votes_na: a count cannot be negative\n"
	  "12:43: error: unknown key 'voters' (did you mean 'votes'?)\n" },
	/* Issue 19: the facts of a group's session. */
	{ "r-session-bad.yaml",
	  "16:41: error: accepted: expected true or false\n"
	  "14:3: error: unknown key 'lunch'\n"
	  "8:9: error: session kind 'phone' is not one of review, live, merged\n"
	  "9:12: error: minutes: expected a number from 0 to 1440\n"
	  "10:12: error: seconds: expected a number from 0 to 31622400\n"
	  "12:27: error: unknown key 'rol' (did you mean 'role'?)\n"
	  "13:7: error: missing required key 'name'\n" },
	{ "r-type-answer-list.yaml", "10:20: error: skills.training: expected a mapping (key: value pairs)\n" },
	{ "r-alias.yaml",
	  "8:26: error: anchors (&a) and aliases are not allowed\n"
	  "9:23: error: aliases (*a) are not allowed\n"
	  "9:23: error: services.help-desk: expected a mapping (key: value pairs)\n" },
};

static char *expand(const char *pattern, const char *qpath)
{
	const char *at = strstr(pattern, "{Q}");
	size_t n = strlen(pattern) + strlen(qpath) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	if (!at)
		snprintf(s, n, "%s", pattern);
	else
		snprintf(s, n, "%.*s%s%s", (int)(at - pattern), pattern, qpath, at + 3);
	return s;
}

static void test_bad_fixtures(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "bad/%s", bad_cases[i].fixture);
		const char *path = tu_fixture(rel);
		struct diag_list *d = diag_list_new();
		struct response *r = response_load(path, q, d);
		if (r)
			print_error("%s loaded without errors\n", rel);
		assert_null(r);
		char *want = expand(bad_cases[i].errors, q->path);
		tu_assert_errors(d, path, want);
		free(want);
		diag_list_free(d);
	}
	questionnaire_free(q);
}

static void test_table_covers_fixtures(void **state)
{
	(void)state;
	tu_assert_table_covers("r-", bad_cases);
}

static void test_base_content(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(tu_fixture("valid/r-base.yaml"), q, d);
	assert_non_null(r);
	assert_int_equal(diag_count(d), 0);         /* has `...`: no warning */
	assert_string_equal(response_organisation(r), "Bibliotheek Proefstad");
	assert_null(response_respondent(r));
	assert_string_equal(response_date(r), "2026-06-30");   /* the file's, not today */
	assert_int_equal(response_population(r), -1);
	int t;
	assert_true(response_own_target(r, 1, &t));
	assert_int_equal(t, 3);
	assert_false(response_own_target(r, 0, &t));
	assert_true(response_target(r, 0, &t));    /* the questionnaire's default */
	assert_int_equal(t, 4);
	const struct answer *a = response_answer(r, qn_question_index(q, "services.online-loans"));
	assert_int_equal(a->status, ANSWER_LEVEL);
	assert_int_equal(a->level, 4);
	assert_string_equal(a->note, "App");
	assert_int_equal(response_answer(r, 1)->status, ANSWER_NA);
	assert_int_equal(response_answer(r, 2)->status, ANSWER_OPEN);
	assert_false(response_hidden(r, 4));       /* training 3 >= 2 */
	response_free(r);
	diag_list_free(d);
	questionnaire_free(q);
}

static void test_missing_end_marker_warns(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	const char *path = tu_fixture("valid/r-no-end-marker.yaml");
	struct response *r = response_load(path, q, d);
	assert_non_null(r);
	char *w = tu_warnings(d, path);
	assert_string_equal(w, ": warning: no end marker '...': the file may have been cut short (peil writes one)\n");
	free(w);
	response_free(r);
	diag_list_free(d);
	questionnaire_free(q);
}

static struct response *from_text(const struct questionnaire *q, const char *text, struct diag_list *d)
{
	struct ydoc *doc = ydoc_load_buffer("t.yaml", text, strlen(text), d);
	assert_non_null(doc);
	struct response *r = response_from_doc(doc, q, d);
	ydoc_free(doc);
	return r;
}

static void test_other_warnings(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	struct response *r = from_text(q,
		"peil-responses: 1\nquestionnaire: library-digital-services\nquestionnaire_version: \"0.9\"\n"
		"organisation: \"Bieb\\e]0;pwned\\a\"\ndate: 2026-01-31\n"
		"answers:\n  skills.training: {level: 1}\n  skills.plan: {level: 5, note: \"a\\u202Eb\"}\n", d);
	assert_non_null(r);
	char *w = tu_warnings(d, "t.yaml");
	assert_string_equal(w,
		"4:15: warning: control or bidirectional characters replaced by U+FFFD\n"
		"8:33: warning: control or bidirectional characters replaced by U+FFFD\n"
		"3:24: warning: answers version 0.9 of the questionnaire; this is version 1.0\n"
		"8:3: warning: 'skills.plan' is hidden by its show_if condition; its answer is not counted\n");
	free(w);
	assert_string_equal(response_organisation(r), "Bieb\xef\xbf\xbd]0;pwned\xef\xbf\xbd");
	assert_string_equal(response_answer(r, 4)->note, "a\xef\xbf\xbd" "b");
	assert_true(response_hidden(r, 4));
	response_free(r);
	diag_list_free(d);
	questionnaire_free(q);
}

/* organisation_id (the CBS or NIS code) is read, written and carried
 * over by --from; a NIS code of digits stays a string. */
static void test_organisation_id(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	struct response *r = from_text(q, "peil-responses: 1\nquestionnaire: library-digital-services\n"
	                                  "organisation: Stad Gent\norganisation_id: 44021\ndate: 2026-11-24\n"
	                                  "answers: {}\n...\n", d);
	assert_non_null(r);
	assert_string_equal(response_organisation_id(r), "44021");
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	assert_non_null(strstr(yaml, "organisation_id: \"44021\"\n"));
	struct response *again = from_text(q, yaml, d);
	assert_string_equal(response_organisation_id(again), "44021");
	struct response *next = response_new(q, "Stad Gent");
	assert_true(response_carry_over(next, again));
	assert_string_equal(response_organisation_id(next), "44021");
	assert_int_equal(diag_count(d), 0);
	mem_free(yaml);
	response_free(next);
	response_free(again);
	response_free(r);
	diag_list_free(d);
	questionnaire_free(q);
}

static void test_valid_dates(void **state)
{
	(void)state;
	static const char *const good[] = { "2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01" };
	static const char *const bad[] = { "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31",
		"2025-02-29", "1900-02-29", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01x", "" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(schema_valid_date(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (schema_valid_date(bad[i]))
			print_error("%s accepted\n", bad[i]);
		assert_false(schema_valid_date(bad[i]));
	}
}

static void test_setters_keep_invariants(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	setenv("SOURCE_DATE_EPOCH", "1790000000", 1);      /* 2026-09-21 */
	struct response *r = response_new(q, "Gemeente Proef");
	assert_string_equal(response_date(r), "2026-09-21");
	assert_false(response_set_level(r, 0, 6));          /* not a level */
	assert_int_equal(response_answer(r, 0)->status, ANSWER_OPEN);
	assert_true(response_set_level(r, 0, 5));
	assert_false(response_set_status(r, 3, ANSWER_NA)); /* allow_na: false */
	assert_true(response_set_status(r, 3, ANSWER_UNKNOWN));
	assert_false(response_set_status(r, 0, ANSWER_LEVEL));
	assert_true(response_set_status(r, 0, ANSWER_NA));  /* replaces the level */
	assert_int_equal(response_answer(r, 0)->status, ANSWER_NA);
	assert_true(response_set_note(r, 0, "x\x1b[2Jy"));
	assert_string_equal(response_answer(r, 0)->note, "x\xef\xbf\xbd[2Jy");
	assert_true(response_set_note(r, 0, ""));
	assert_null(response_answer(r, 0)->note);
	assert_false(response_set_target(r, 0, 0));
	assert_false(response_set_target(r, 5, 3));
	assert_true(response_set_target(r, 0, 2));
	int t;
	assert_true(response_target(r, 0, &t));
	assert_int_equal(t, 2);
	response_clear_target(r, 0);
	assert_true(response_target(r, 0, &t));
	assert_int_equal(t, 4);
	response_free(r);
	unsetenv("SOURCE_DATE_EPOCH");
	questionnaire_free(q);
}

/* Votes in the room: n/a and don't know, and a re-opened vote's earlier
 * round, survive saving and loading; the old round keeps its counts. */
static void test_vote_rounds_round_trip(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "Gemeente Proef");
	int first[5] = { 0, 2, 3, 0, 0 }, second[5] = { 0, 0, 5, 1, 0 };
	assert_false(response_push_round(r, 0));            /* nothing to close */
	assert_true(response_set_votes(r, 0, first));
	assert_true(response_set_vote_statuses(r, 0, 1, 2));
	assert_true(response_push_round(r, 0));
	const struct answer *a = response_answer(r, 0);
	assert_null(a->votes);
	assert_int_equal(a->votes_na + a->votes_unknown, 0);
	assert_true(response_set_votes(r, 0, second));
	char *tmp = tu_mkdtemp(), path[512], err[256];
	snprintf(path, sizeof path, "%s/s.yaml", tmp);
	assert_true(response_save(r, path, err, sizeof err));
	struct diag_list *d = diag_list_new();
	struct response *back = response_load(path, q, d);
	assert_non_null(back);
	a = response_answer(back, 0);
	assert_int_equal(a->nrounds, 1);
	assert_memory_equal(a->rounds[0].votes, first, sizeof first);
	assert_int_equal(a->rounds[0].na, 1);
	assert_int_equal(a->rounds[0].unknown, 2);
	assert_memory_equal(a->votes, second, sizeof second);
	assert_int_equal(a->votes_na, 0);
	response_free(back);
	response_free(r);
	diag_list_free(d);
	tu_rmdir(tmp);
	questionnaire_free(q);
}

/* Issue 19: the session's facts and `accepted` survive saving and loading. */
static void test_session_round_trip(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "Gemeente Proef");
	assert_int_equal(response_session(r)->kind, SESSION_NONE);
	assert_int_equal(response_session(r)->stopped_at, -1);
	response_set_session_kind(r, SESSION_REVIEW);
	response_set_stopped_at(r, 1);
	response_set_session_minutes(r, 90);
	response_set_session_minutes(r, 100000);            /* out of range: none */
	response_set_session_minutes(r, 90);
	response_set_session_seconds(r, 3125);
	assert_true(response_add_person(r, "A. de Vries", "wethouder"));
	assert_true(response_add_person(r, "B. \x1b[31mBakker", NULL));  /* sanitised */
	assert_false(response_add_person(r, "", "cio"));
	assert_true(response_set_level(r, 0, 3));
	response_set_accepted(r, 0, true);
	char *tmp = tu_mkdtemp(), path[512], err[256];
	snprintf(path, sizeof path, "%s/s.yaml", tmp);
	assert_true(response_save(r, path, err, sizeof err));
	struct diag_list *d = diag_list_new();
	struct response *back = response_load(path, q, d);
	assert_non_null(back);
	const struct session_facts *f = response_session(back);
	assert_int_equal(f->kind, SESSION_REVIEW);
	assert_int_equal(f->stopped_at, 1);
	assert_int_equal(f->minutes, 90);
	assert_int_equal(f->seconds, 3125);
	assert_int_equal(f->npeople, 2);
	assert_string_equal(f->people[0].name, "A. de Vries");
	assert_string_equal(f->people[0].role, "wethouder");
	assert_null(f->people[1].role);
	assert_null(strchr(f->people[1].name, 0x1b));
	assert_true(response_answer(back, 0)->accepted);
	assert_true(response_set_level(back, 0, 2));        /* a new choice is not the accepted proposal */
	assert_false(response_answer(back, 0)->accepted);
	response_free(back);
	response_free(r);
	diag_list_free(d);
	tu_rmdir(tmp);
	questionnaire_free(q);
}

/* A legacy "group of 7" label is no respondent; a real name is. */
static void test_group_respondent(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct response *r = response_new(q, "Gemeente Proef");
	char words[128];
	assert_string_equal(response_session_words(words, sizeof words, r), "");
	response_set_participants(r, 7);
	assert_true(response_set_respondent(r, "group of 7"));
	assert_null(response_group_respondent(r));
	assert_true(response_set_respondent(r, "groep van 7"));
	assert_null(response_group_respondent(r));
	assert_true(response_set_respondent(r, "group of 7 aldermen"));
	assert_string_equal(response_group_respondent(r), "group of 7 aldermen");
	response_set_session_kind(r, SESSION_LIVE);
	assert_string_equal(response_session_words(words, sizeof words, r),
	                    "a workshop with 7 participants, voting in the room");
	response_free(r);
	questionnaire_free(q);
}

/* A condition reads the level recorded for the earlier question, as the
 * SPEC's reference does, even when that question is hidden itself. */
static void test_show_if_chain(void **state)
{
	(void)state;
	const char *text =
		"peil: 1\nid: chain\nversion: \"1\"\nlanguages: [en]\ntitle: Chain\n"
		"levels: [{value: 0, label: None}, {value: 1, label: Some}, {value: 2, label: All}]\n"
		"domains:\n  - id: d\n    title: D\n    questions:\n"
		"      - {id: a, text: A, answers: [{level: 0, text: x}, {level: 1, text: y}, {level: 2, text: z}]}\n"
		"      - {id: b, text: B, show_if: {question: a, min: 1},\n"
		"         answers: [{level: 0, text: x}, {level: 1, text: y}, {level: 2, text: z}]}\n"
		"      - {id: c, text: C, show_if: {question: b, max: 1},\n"
		"         answers: [{level: 0, text: x}, {level: 1, text: y}, {level: 2, text: z}]}\n";
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("chain.yaml", text, strlen(text), d);
	struct questionnaire *q = questionnaire_from_doc(doc, d);
	ydoc_free(doc);
	assert_non_null(q);
	struct response *r = response_new(q, "X");
	assert_true(response_hidden(r, 1));     /* a is open */
	assert_true(response_hidden(r, 2));
	response_set_level(r, 0, 2);
	assert_false(response_hidden(r, 1));
	assert_true(response_hidden(r, 2));     /* b open: c hidden, even with only a max */
	response_set_level(r, 1, 0);
	assert_false(response_hidden(r, 1));
	assert_false(response_hidden(r, 2));    /* b = 0 <= 1 */
	response_set_level(r, 0, 0);            /* hides b; c reads b's recorded 0 */
	assert_true(response_hidden(r, 1));
	assert_false(response_hidden(r, 2));
	response_set_level(r, 1, 2);            /* b's recorded level now fails c */
	assert_true(response_hidden(r, 2));
	response_free(r);
	questionnaire_free(q);
	diag_list_free(d);
}

static void test_carry_over(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	struct response *old = response_load(tu_fixture("valid/r-base.yaml"), q, d);
	assert_non_null(old);
	struct response *r = response_new(q, "Bibliotheek Proefstad");
	assert_true(response_carry_over(r, old));
	const struct answer *a = response_answer(r, 0);
	assert_int_equal(a->status, ANSWER_LEVEL);
	assert_int_equal(a->level, 4);
	assert_string_equal(a->note, "App");
	assert_true(a->carried_over);
	assert_false(response_answer(r, 2)->carried_over);  /* was open */
	response_confirm(r, 0);
	assert_false(response_answer(r, 0)->carried_over);
	int t;
	assert_true(response_own_target(r, 1, &t));
	assert_int_equal(t, 3);
	response_free(r);
	response_free(old);
	diag_list_free(d);
	questionnaire_free(q);
}

/* A carried-over note whose answer changes speaks of last year (issue 12):
 * marked until the note is edited; confirming or re-saving the same text
 * does not clear it; it survives a save and load. */
static void test_note_last_year(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	struct diag_list *d = diag_list_new();
	struct response *old = response_load(tu_fixture("valid/r-base.yaml"), q, d);
	assert_non_null(old);
	struct response *r = response_new(q, "Bibliotheek Proefstad");
	assert_true(response_carry_over(r, old));
	assert_false(response_answer(r, 0)->note_last_year);
	assert_true(response_set_level(r, 0, 4));               /* the same level: confirmed */
	assert_false(response_answer(r, 0)->note_last_year);
	response_set_carried_over(r, 0, true);
	assert_true(response_set_level(r, 0, 2));               /* changed */
	assert_true(response_answer(r, 0)->note_last_year);
	assert_true(response_set_note(r, 0, "App"));            /* the same text: not edited */
	assert_true(response_answer(r, 0)->note_last_year);
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	assert_non_null(strstr(yaml, "note_last_year: true"));
	struct response *again = from_text(q, yaml, d);
	assert_non_null(again);
	assert_true(response_answer(again, 0)->note_last_year);
	assert_true(response_set_note(again, 0, "App, and renewals since May"));
	assert_false(response_answer(again, 0)->note_last_year);
	/* "Don't know" instead of a level changes the answer too. */
	struct response *r2 = response_new(q, "Bibliotheek Proefstad");
	assert_true(response_carry_over(r2, old));
	assert_true(response_set_status(r2, 0, ANSWER_UNKNOWN));
	assert_true(response_answer(r2, 0)->note_last_year);
	response_free(r2);
	assert_int_equal(diag_errors(d), 0);
	mem_free(yaml);
	response_free(again);
	response_free(r);
	response_free(old);
	diag_list_free(d);
	questionnaire_free(q);
}

static void test_allocation_failures(void **state)
{
	(void)state;
	struct questionnaire *q = library();
	const char *path = tu_fixture("valid/r-base.yaml");
	unsigned long n;
	for (n = 1; n < 100000; n++) {
		struct diag_list *d = diag_list_new();
		mem_fail_from(n);
		struct response *r = response_load(path, q, d);
		mem_fail_from(0);
		if (r) {
			response_free(r);
			diag_list_free(d);
			break;
		}
		if (diag_errors(d) == 0)
			print_error("allocation %lu failed without an error\n", n);
		assert_true(diag_errors(d) > 0);
		diag_list_free(d);
	}
	assert_true(n > 10);
	assert_true(n < 100000);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_table_covers_fixtures),
		cmocka_unit_test(test_base_content),
		cmocka_unit_test(test_missing_end_marker_warns),
		cmocka_unit_test(test_other_warnings),
		cmocka_unit_test(test_valid_dates),
		cmocka_unit_test(test_organisation_id),
		cmocka_unit_test(test_setters_keep_invariants),
		cmocka_unit_test(test_show_if_chain),
		cmocka_unit_test(test_carry_over),
		cmocka_unit_test(test_note_last_year),
		cmocka_unit_test(test_vote_rounds_round_trip),
		cmocka_unit_test(test_session_round_trip),
		cmocka_unit_test(test_group_respondent),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
