/* What became of last year's plan (scorecard "done since last time",
 * `peil compare`). */
#include "scoring/plan.h"

#include "core/mem.h"

bool plan_levels(const struct response *old, const struct response *now, int qi, int *then, int *level)
{
	const struct answer *a = old ? response_answer(old, qi) : NULL, *b = response_answer(now, qi);
	if (!a || a->status != ANSWER_LEVEL || b->status != ANSWER_LEVEL)
		return false;
	*then = a->level;
	*level = b->level;
	return true;
}

static void count_questions(const struct response *old, const struct response *now, struct followup *f)
{
	const struct action *a = f->new_index >= 0 ? response_action(now, f->new_index)
	                                           : response_action(old, f->old_index);
	for (int i = 0; i < a->nquestions; i++) {
		int then, level;
		if (!plan_levels(old, now, a->questions[i], &then, &level))
			f->unanswered++;
		else if (level > then)
			f->up++;
		else if (level < then)
			f->down++;
		else
			f->same++;
	}
}

int plan_followup(const struct response *old, const struct response *now, struct followup **out)
{
	int nold = old ? response_nactions(old) : 0, nnow = response_nactions(now), n = 0;
	*out = mem_alloc((size_t)(nold + nnow + 1) * sizeof **out);
	if (!*out)
		return -1;
	for (int i = 0; i < nold; i++) {
		const struct action *a = response_action(old, i);
		if (a->status == ACTION_DROPPED)
			continue;
		int j = response_find_action(now, a->id);
		struct followup *f = &(*out)[n++];
		*f = (struct followup){ .old_index = i, .new_index = j,
		                        .status = j >= 0 ? response_action(now, j)->status : a->status,
		                        .gone = j < 0 && action_is_open(a) };
		count_questions(old, now, f);
	}
	for (int j = 0; j < nnow; j++) {
		const struct action *a = response_action(now, j);
		if (a->status != ACTION_DONE || (old && response_find_action(old, a->id) >= 0))
			continue;
		struct followup *f = &(*out)[n++];
		*f = (struct followup){ .old_index = -1, .new_index = j, .status = ACTION_DONE };
		count_questions(old, now, f);
	}
	return n;
}
