/* The facts of a group's session in its response file (FORMAT.md
 * "Sessions"): what kind of session made the file, who took part, where
 * the facilitator stopped, the time budget and the time spent. Facts, not
 * sentences: every export and screen words them in its own language
 * (issue 19, defect 9: a label stored in English showed in a Dutch
 * scorecard). */
#ifndef PEIL_RESPONSE_SESSION_H
#define PEIL_RESPONSE_SESSION_H

#include <stdbool.h>

#include "core/response.h"

enum session_kind {
	SESSION_NONE,           /* one respondent's file */
	SESSION_REVIEW,         /* `peil workshop FILE...`: respondents' answers discussed */
	SESSION_LIVE,           /* `peil workshop --participants N`: votes in the room */
	SESSION_MERGED,         /* `peil aggregate -o`: answers merged, nobody discussed them */
};

struct session_person {
	const char *name;       /* never NULL */
	const char *role;       /* NULL: none */
};

struct session_facts {
	enum session_kind kind;
	int stopped_at;         /* question index where the facilitator was, or -1 */
	int minutes;            /* the time budget, 0: none */
	long seconds;           /* time spent in the session, over every sitting */
	const struct session_person *people;    /* who took part (not with --anonymous) */
	int npeople;
};

/* Enough for a long day of sessions; more is a typing error. */
enum { SESSION_MAX_MINUTES = 24 * 60, SESSION_MAX_PEOPLE = 10000 };

/* Never NULL; a file without `session` has kind SESSION_NONE. */
const struct session_facts *response_session(const struct response *r);
/* The kind of session and how many took part, in words for the
 * interface language ("workshop with 7 participants: votes in the room");
 * "" for SESSION_NONE. Returns buf. */
char *response_session_words(char *buf, size_t len, const struct response *r);

/* "review", "live", "merged" as in the file; NULL for SESSION_NONE. */
const char *response_session_kind_key(enum session_kind kind);

/* The respondent of a group's file, unless it is the label "group of 7"
 * (or "groep van 7") that peil wrote there before the session facts
 * existed: NULL then, as for no respondent. */
const char *response_group_respondent(const struct response *r);

void response_set_session_kind(struct response *r, enum session_kind kind);
void response_set_stopped_at(struct response *r, int question);   /* -1: none */
void response_set_session_minutes(struct response *r, int minutes);
void response_set_session_seconds(struct response *r, long seconds);
/* Appends a person; false when memory runs out or there are
 * SESSION_MAX_PEOPLE already. */
bool response_add_person(struct response *r, const char *name, const char *role);
void response_clear_people(struct response *r);
/* The answer's level was a proposal accepted with the other agreed ones
 * in one step ("accept all agreed proposals"), not discussed one by one. */
void response_set_accepted(struct response *r, int question, bool accepted);

#endif
