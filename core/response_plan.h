/* The decision cycle inside a response file (SPEC: "Response file format"):
 * who decided the targets (`targets_decided`) and the improvement plan
 * (`plan`: actions with an owner, a due date, a status, cost and hours).
 *
 * The plan belongs to its response: actions are copied in and out, and a
 * pointer from response_action() stays valid until the next change of the
 * plan. Every setter checks what the loader checks, so a plan built in the
 * TUI always saves as a file that loads again. */
#ifndef PEIL_RESPONSE_PLAN_H
#define PEIL_RESPONSE_PLAN_H

#include <stdbool.h>

#include "core/response.h"

/* A plan is for people to follow: a file with more actions is refused
 * (and the checks for duplicate ids stay cheap). */
enum { RESPONSE_MAX_ACTIONS = 1000 };

enum action_status {
	ACTION_PLANNED,
	ACTION_IN_PROGRESS,
	ACTION_DONE,
	ACTION_DROPPED,
	ACTION_NSTATUS
};

/* One action. Strings and the question list belong to whoever built the
 * struct: response_add_action() copies them. */
struct action {
	const char *id;                 /* [a-z0-9][a-z0-9._-]*, unique in the file */
	const char *title;
	const int *questions;           /* question indexes, >= 1 */
	int nquestions;
	const char *owner;              /* NULL: none */
	char due[11];                   /* YYYY-MM-DD, "" when none */
	enum action_status status;
	bool has_cost, has_hours;
	double cost, hours;             /* euros, staff hours; >= 0 */
	const char *note;               /* NULL: none */
	bool carried_over;              /* taken over by --from; status not yet confirmed */
	bool proposal;                  /* proposed during a workshop, not yet adopted */
};

/* Who set the targets: a body (college, council, management team, or any
 * text), when, and where the decision is recorded. Empty strings: unknown. */
struct decision {
	const char *by;
	char date[11];                  /* "" when unknown */
	const char *reference;
};

/* The status as the file writes it ("planned", "in-progress", "done",
 * "dropped") and back; parse returns false for anything else. */
const char *action_status_key(enum action_status s);
bool action_status_parse(const char *s, enum action_status *out);
/* The status in words for people, translated. */
const char *action_status_words(enum action_status s);
/* True for an id the file format accepts. */
bool action_id_valid(const char *id);
/* Open: planned or in progress (what --from carries and ics exports). */
bool action_is_open(const struct action *a);

int response_nactions(const struct response *r);
const struct action *response_action(const struct response *r, int i);
int response_find_action(const struct response *r, const char *id);    /* -1: none */
/* True when action i names question qi. */
bool action_names(const struct action *a, int qi);

/* Appends a copy of a (or replaces action i with it). False, changing
 * nothing, when the id is invalid or taken by another action, the title is
 * empty, there is no question or an index out of range, the due date is not
 * a real date, cost or hours are negative, or memory runs out. */
bool response_add_action(struct response *r, const struct action *a);   /* at most RESPONSE_MAX_ACTIONS */
bool response_replace_action(struct response *r, int i, const struct action *a);
bool response_remove_action(struct response *r, int i);
/* Sets the status; clears carried_over (the status has been confirmed). */
bool response_set_action_status(struct response *r, int i, enum action_status s);
/* A free id derived from `base` (a question id, a title): lower case,
 * other characters as '-', and "-2", "-3"... when taken. Caller frees. */
char *response_new_action_id(const struct response *r, const char *base);

/* NULL when the file says nothing about who decided. */
const struct decision *response_targets_decided(const struct response *r);
/* by/reference NULL or "" for unknown, date NULL or "" for unknown; false
 * for a date that is not real or when memory runs out. All three empty
 * removes the record. */
bool response_set_targets_decided(struct response *r, const char *by, const char *date,
                                  const char *reference);

/* --from: the open actions of last year's plan, each marked carried over
 * (actions naming questions the new questionnaire no longer has lose those
 * questions, and are skipped when none is left), and who decided the
 * targets. Returns false when memory runs out. */
bool response_carry_plan(struct response *r, const struct response *old);

#endif
