/* The plan's figures (SPEC: "plan --format json"; checks/oracle.py plan()). */
#include "scoring/plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

void plan_today(char buf[11])
{
	response_today(buf);
}

static bool plan_overdue(const struct action *a, const char *today)
{
	return action_is_open(a) && a->due[0] && strcmp(a->due, today) < 0;
}

/* The indexes of the actions (not dropped) that name question qi, in file
 * order: up to max into out; returns how many there are. */
static int plan_actions_for(const struct response *r, int qi, int *out, int max)
{
	int n = 0;
	for (int i = 0; i < response_nactions(r); i++) {
		const struct action *a = response_action(r, i);
		if (a->status == ACTION_DROPPED || !action_names(a, qi))
			continue;
		if (n < max)
			out[n] = i;
		n++;
	}
	return n;
}

bool plan_covers(const struct response *r, int qi)
{
	return plan_actions_for(r, qi, NULL, 0) > 0;
}

/* qsort has no context argument: the response being sorted. */
static _Thread_local const struct response *sorting;

static int cmp_due(const void *pa, const void *pb)
{
	const struct action *a = response_action(sorting, *(const int *)pa);
	const struct action *b = response_action(sorting, *(const int *)pb);
	if (!a->due[0] != !b->due[0])
		return a->due[0] ? -1 : 1;      /* no date last */
	int c = strcmp(a->due, b->due);
	return c ? c : strcmp(a->id, b->id);
}

struct plan_view *plan_compute(const struct response *r, const struct scorecard *s, const char *today)
{
	int n = response_nactions(r);
	int nq = response_questionnaire(r)->nquestions;
	struct plan_view *v = MEM_BLOCK(struct plan_view, MEM_PART(struct plan_view, order, n),
	                                MEM_PART(struct plan_view, overdue, n),
	                                MEM_PART(struct plan_view, uncovered, s->npriorities));
	bool *covered = mem_array((size_t)nq, sizeof(bool));
	if (!v || !covered) {
		mem_free(covered);
		plan_view_free(v);
		return NULL;
	}
	v->nactions = n;
	for (int i = 0; i < n; i++)
		v->order[i] = i;
	sorting = r;
	qsort(v->order, (size_t)n, sizeof(int), cmp_due);
	sorting = NULL;
	for (int k = 0; k < n; k++) {
		const struct action *a = response_action(r, v->order[k]);
		v->overdue[v->order[k]] = plan_overdue(a, today);
		v->noverdue += v->overdue[v->order[k]];
		v->nopen += action_is_open(a);
		if (a->status == ACTION_DROPPED)
			continue;
		v->cost += a->has_cost ? a->cost : 0;
		v->hours += a->has_hours ? a->hours : 0;
	}
	/* One pass over the plan, not one per priority. */
	for (int i = 0; i < n; i++) {
		const struct action *a = response_action(r, i);
		for (int k = 0; k < a->nquestions && a->status != ACTION_DROPPED; k++)
			covered[a->questions[k]] = true;
	}
	for (int i = 0; i < s->npriorities; i++)
		if (!covered[s->priorities[i].question])
			v->uncovered[v->nuncovered++] = s->priorities[i].question;
	mem_free(covered);
	return v;
}

void plan_view_free(struct plan_view *v)
{
	mem_free(v);
}

struct plan_index {
	int *start;             /* nquestions + 1 offsets into items */
	int *items;
};

struct plan_index *plan_index_new(const struct response *r)
{
	int nq = response_questionnaire(r)->nquestions, refs = 0, n = response_nactions(r);
	for (int i = 0; i < n; i++)
		refs += response_action(r, i)->nquestions;
	struct plan_index *x = MEM_BLOCK(struct plan_index, MEM_PART(struct plan_index, start, nq + 1),
	                                 MEM_PART(struct plan_index, items, refs));
	int *fill = mem_array((size_t)nq, sizeof(int));
	if (!x || !fill) {
		mem_free(fill);
		plan_index_free(x);
		return NULL;
	}
	for (int i = 0; i < n; i++) {
		const struct action *a = response_action(r, i);
		for (int k = 0; k < a->nquestions && a->status != ACTION_DROPPED; k++)
			x->start[a->questions[k] + 1]++;
	}
	for (int q = 0; q < nq; q++)
		x->start[q + 1] += x->start[q];
	for (int q = 0; q < nq; q++)
		fill[q] = x->start[q];
	for (int i = 0; i < n; i++) {
		const struct action *a = response_action(r, i);
		for (int k = 0; k < a->nquestions && a->status != ACTION_DROPPED; k++)
			x->items[fill[a->questions[k]]++] = i;
	}
	mem_free(fill);
	return x;
}

int plan_index_get(const struct plan_index *x, int qi, const int **actions)
{
	*actions = x->items + x->start[qi];
	return x->start[qi + 1] - x->start[qi];
}

void plan_index_free(struct plan_index *x)
{
	mem_free(x);
}
