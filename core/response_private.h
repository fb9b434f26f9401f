/* The response's inside, shared by response.c, response_load.c and
 * response_save.c only. Nothing else includes this. */
#ifndef PEIL_RESPONSE_PRIVATE_H
#define PEIL_RESPONSE_PRIVATE_H

#include "core/response.h"
#include "core/response_plan.h"
#include "core/response_session.h"

struct response {
	const struct questionnaire *q;
	const char *organisation, *respondent, *role;    /* owned */
	const char *organisation_id;    /* owned; NULL: none (CBS or NIS code) */
	const char *region;     /* owned; NULL: none given (the questionnaire's first) */
	const char *answered_version;   /* owned: the file's questionnaire_version, or NULL */
	char date[11];
	long population;
	int participants;
	bool *has_target;       /* per domain: the file's own target */
	int *target;
	struct answer *answers;         /* per question; strings owned here */
	struct action *actions;         /* the plan (core/response_plan.c) */
	int nactions;
	struct decision *decided;       /* targets_decided, or NULL */
	struct session_facts session;   /* its people point into `people` */
	struct session_person *people;  /* owned, with their strings */
	int cappeople;
};

void answer_clear(struct answer *a);
/* Frees the answer's earlier rounds (core/response_votes.c). */
void answer_free_rounds(struct answer *a);
/* The plan's part of response_free(). */
void response_plan_free(struct response *r);
/* The session's part of response_new() and response_free()
 * (core/response_session.c). */
void response_session_init(struct response *r);
void response_session_free(struct response *r);

struct schema;
struct ynode;
/* Reads `targets_decided` and `plan` (core/response_plan_load.c); errors
 * go to the schema's list. False when memory ran out. `previous`: the file
 * is for an earlier version (response_load_previous): an action's question
 * that no longer exists is replaced or left out, with a warning. */
bool response_plan_read(struct response *r, const struct schema *s, const struct ynode *root,
                        bool previous);
/* Reads `session` (core/response_session.c) and each answer's `accepted`
 * is read with the answer. False when memory ran out. */
bool response_session_read(struct response *r, const struct schema *s, const struct ynode *root);

#endif
