/* The response's inside, shared by response.c, response_load.c and
 * response_save.c only. Nothing else includes this. */
#ifndef PEIL_RESPONSE_PRIVATE_H
#define PEIL_RESPONSE_PRIVATE_H

#include "core/response.h"

struct response {
	const struct questionnaire *q;
	const char *organisation, *respondent, *role;    /* owned */
	char date[11];
	long population;
	int participants;
	bool *has_target;       /* per domain: the file's own target */
	int *target;
	struct answer *answers;         /* per question; strings owned here */
};

void answer_clear(struct answer *a);
/* Frees the answer's earlier rounds (core/response_votes.c). */
void answer_free_rounds(struct answer *a);

#endif
