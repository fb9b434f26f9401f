/* A response: one organisation's (or one group's) answers to a questionnaire.
 *
 * Opaque; read through the accessors and changed only through the setters,
 * which keep the invariants (a level is a defined level, `na` only where
 * allowed, level and status exclude each other). A response borrows its
 * questionnaire, which must outlive it. Strings returned by accessors belong
 * to the response and stay valid until the next change of that field. */
#ifndef PEIL_RESPONSE_H
#define PEIL_RESPONSE_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/questionnaire.h"

enum answer_status {
	ANSWER_OPEN,            /* not answered yet */
	ANSWER_LEVEL,           /* a level was chosen */
	ANSWER_NA,              /* not applicable */
	ANSWER_UNKNOWN,         /* don't know */
};

struct answer {
	enum answer_status status;
	int level;              /* a level value when status == ANSWER_LEVEL */
	const char *note;       /* NULL when none */
	const char *const *evidence;
	int nevidence;
	const int *votes;       /* count per level index (nlevels), or NULL */
	/* Votes in the room for "not applicable" and "don't know" (extension,
	 * questionnaires/FORMAT.md), and the earlier rounds of votes when the
	 * facilitator re-opened the vote: oldest first. */
	int votes_na, votes_unknown;
	const struct vote_round *rounds;
	int nrounds;
	bool carried_over;      /* copied from last year, not yet confirmed */
	bool note_last_year;    /* a carried-over note whose answer has changed
	                         * since: it speaks of last year's answer until
	                         * it is edited */
	bool recheck;           /* carried over, but the question changed meaning
	                         * since: to be answered again */
	bool proposal;          /* level proposed by `aggregate`, not decided */
	bool accepted;          /* a proposal accepted in one step with the other
	                         * agreed ones (core/response_session.h) */
};

/* An earlier round of votes on one question. */
struct vote_round {
	const int *votes;       /* count per level index (nlevels) */
	int na, unknown;
};

/* What an answer is, without its texts and votes: what undoing the last
 * change of an answer puts back (the TUI's U). */
struct answer_state {
	enum answer_status status;
	int level;
	bool carried_over, recheck, proposal, accepted, note_last_year;
};

struct response;

/* A new, empty response: every question open, today's date. */
struct response *response_new(const struct questionnaire *q, const char *organisation);
void response_free(struct response *r);                       /* NULL is fine */

/* Loads and validates a response file against q. Returns NULL when it has
 * errors (all reported to d). The questionnaire id must match. */
struct response *response_load(const char *path, const struct questionnaire *q,
                               struct diag_list *d);
/* Loads an earlier assessment for `--from`, `compare` or a baseline: like
 * response_load(), but answers to questions this version no longer has are
 * left out with a warning (or moved to the question that `replaces` them,
 * with recheck set), instead of failing the load; answers to questions
 * whose levels changed meaning since the file's version get recheck. */
struct response *response_load_previous(const char *path, const struct questionnaire *q,
                                        struct diag_list *d);
struct ydoc;
struct response *response_from_doc(const struct ydoc *doc, const struct questionnaire *q,
                                   struct diag_list *d);
/* response_load() of a file already parsed (ydoc_load_file()): the same
 * checks and warnings, so a caller that read the file to find its
 * questionnaire does not parse it again. */
struct response *response_load_doc(const struct ydoc *doc, const struct questionnaire *q,
                                   struct diag_list *d);

/* Writes the response file atomically (temporary file, fsync, rename) with
 * mode 0600 for a new file, keeping the mode of an existing one. On failure
 * the old file is untouched, `err` says why, and false is returned. */
bool response_save(const struct response *r, const char *path, char *err, size_t errlen);
/* The YAML text as it would be saved; caller frees with mem_free(). */
char *response_to_yaml(const struct response *r, size_t *len);

const struct questionnaire *response_questionnaire(const struct response *r);
const char *response_organisation(const struct response *r);
/* The official code (CBS "GM0363", Belgian NIS "44021"); NULL: none. */
const char *response_organisation_id(const struct response *r);
const char *response_respondent(const struct response *r);    /* NULL: none */
const char *response_role(const struct response *r);          /* NULL: none */
const char *response_date(const struct response *r);          /* YYYY-MM-DD */
long response_population(const struct response *r);           /* -1: unknown */
int response_participants(const struct response *r);          /* 0: not a group */
/* The target of domain d: the file's, else the questionnaire's; false if none. */
bool response_target(const struct response *r, int domain, int *level);
/* Only the file's own target (not the questionnaire default). */
bool response_own_target(const struct response *r, int domain, int *level);
const struct answer *response_answer(const struct response *r, int question);

/* The organisation's region (ISO 3166: NL, BE-VLG): the file's own, else
 * the questionnaire's first region, else NULL. */
const char *response_region(const struct response *r);
const char *response_own_region(const struct response *r);          /* NULL: none given */
/* Sets the region (a valid code, qn_valid_region; NULL clears). */
bool response_set_region(struct response *r, const char *region);
/* The questionnaire version the file was written for (its
 * questionnaire_version), or NULL. */
const char *response_answered_version(const struct response *r);
/* The text language (questionnaire_query: qn_text_lang) for base language
 * `lang` in this organisation's region. */
int response_text_lang(const struct response *r, int lang);

/* True when the question is not asked: it is for another region, or its
 * show_if condition is not met. It counts as hidden. */
bool response_hidden(const struct response *r, int question);
/* The same for every question at once, in one pass (hidden[nquestions]):
 * what scoring and loading use, so that long show_if chains stay linear. */
void response_hidden_all(const struct response *r, bool *hidden);

/* Setters return false (and change nothing) on invalid input or when
 * memory runs out. Each one clears `carried_over` for that question except
 * set_note/set_evidence, and sets the date to today. */
bool response_set_level(struct response *r, int question, int level);
bool response_set_status(struct response *r, int question, enum answer_status status);
bool response_set_note(struct response *r, int question, const char *note);   /* NULL/"" clears */
bool response_set_evidence(struct response *r, int question, const char *const *items, int n);
/* The most votes one question may have in a file, over all its levels:
 * every sum of them fits an int (scoring/group.c, exports, the TUI). */
#define RESPONSE_MAX_VOTES 999999999
bool response_set_votes(struct response *r, int question, const int *counts); /* NULL clears */
/* The votes for "not applicable" and "don't know" (negative counts as 0). */
bool response_set_vote_statuses(struct response *r, int question, int na, int unknown);
/* Appends an earlier round of votes (votes: nlevels counts). */
bool response_add_round(struct response *r, int question, const int *votes, int na, int unknown);
/* Closes the current round on question: its counts become an earlier
 * round and the question has no votes. False (nothing changed) when memory
 * runs out or there are no votes to close. */
bool response_push_round(struct response *r, int question);
void response_set_carried_over(struct response *r, int question, bool carried);
void response_set_proposal(struct response *r, int question, bool proposal);
void response_confirm(struct response *r, int question);  /* clears carried_over */
void response_answer_state(const struct response *r, int question, struct answer_state *st);
/* Puts back a state taken with response_answer_state (the note and the
 * evidence stay as they are). */
void response_restore_state(struct response *r, int question, const struct answer_state *st);
bool response_set_organisation(struct response *r, const char *s);
bool response_set_organisation_id(struct response *r, const char *s);   /* NULL/"" clears */
bool response_set_respondent(struct response *r, const char *s);
bool response_set_role(struct response *r, const char *s);
bool response_set_date(struct response *r, const char *yyyy_mm_dd);
void response_set_population(struct response *r, long population);
void response_set_participants(struct response *r, int n);
bool response_set_target(struct response *r, int domain, int level);
void response_clear_target(struct response *r, int domain);
/* Copies answers from last year's response (same questionnaire), each
 * marked carried over; notes and evidence come along, and so do the
 * organisation and its official code (when r has none), population,
 * targets, who decided them
 * and the open actions (core/response_plan.h: response_carry_plan). */
bool response_carry_over(struct response *r, const struct response *old);
/* The public version (export --public): a copy of r without the notes,
 * the evidence (also of the plan's actions), the respondent's name and
 * the names of a session's participants. NULL when memory runs out. */
struct response *response_public_copy(const struct response *r);

/* Today's date as YYYY-MM-DD, in local time, into buf[11]. */
void response_today(char buf[11]);

#endif
