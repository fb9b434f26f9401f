/* Votes in the room beyond the per-level counts: "not applicable" and
 * "don't know", and the earlier rounds of a question whose vote the
 * facilitator re-opened (questionnaires/FORMAT.md, "Votes in the room"). */
#include "core/response_private.h"

#include <string.h>

#include "core/mem.h"

void answer_free_rounds(struct answer *a)
{
	for (int i = 0; i < a->nrounds; i++)
		mem_free((void *)a->rounds[i].votes);
	mem_free((void *)a->rounds);
	a->rounds = NULL;
	a->nrounds = 0;
}

bool response_set_vote_statuses(struct response *r, int question, int na, int unknown)
{
	struct answer *a = &r->answers[question];
	a->votes_na = na > 0 ? na : 0;
	a->votes_unknown = unknown > 0 ? unknown : 0;
	response_today(r->date);
	return true;
}

bool response_add_round(struct response *r, int question, const int *votes, int na, int unknown)
{
	struct answer *a = &r->answers[question];
	int nl = r->q->nlevels;
	int *copy = mem_alloc((size_t)nl * sizeof(int));
	struct vote_round *rounds = copy ? mem_realloc((void *)a->rounds, (size_t)(a->nrounds + 1) * sizeof *rounds)
	                                 : NULL;
	if (!rounds) {
		mem_free(copy);
		return false;
	}
	for (int i = 0; i < nl; i++)
		copy[i] = votes && votes[i] > 0 ? votes[i] : 0;
	rounds[a->nrounds++] = (struct vote_round){ copy, na > 0 ? na : 0, unknown > 0 ? unknown : 0 };
	a->rounds = rounds;
	return true;
}

bool response_push_round(struct response *r, int question)
{
	struct answer *a = &r->answers[question];
	if (!a->votes && a->votes_na == 0 && a->votes_unknown == 0)
		return false;
	if (!response_add_round(r, question, a->votes, a->votes_na, a->votes_unknown))
		return false;
	response_set_votes(r, question, NULL);
	return response_set_vote_statuses(r, question, 0, 0);
}
