#include "core/nav.h"

#include <string.h>

#include "core/mem.h"

bool nav_init(struct nav *n, const struct questionnaire *q, const struct response *r)
{
	*n = (struct nav){ .q = q, .r = r };
	n->order = mem_array((size_t)q->nquestions, sizeof(int));
	if (!n->order)
		return false;
	for (int i = 0; i < q->nquestions; i++)
		n->order[i] = i;
	n->norder = q->nquestions;
	return true;
}

void nav_fini(struct nav *n)
{
	mem_free(n->order);
	n->order = NULL;
	n->norder = 0;
}

bool nav_set_order(struct nav *n, const int *order, int count)
{
	int *copy = mem_array((size_t)count, sizeof(int));
	if (!copy)
		return false;
	memcpy(copy, order, (size_t)count * sizeof(int));
	mem_free(n->order);
	n->order = copy;
	n->norder = count;
	return true;
}

int nav_position(const struct nav *n, int qi)
{
	for (int i = 0; i < n->norder; i++)
		if (n->order[i] == qi)
			return i;
	return -1;
}

int nav_asked_position(const struct nav *n, int qi, int *total)
{
	const char *region = response_region(n->r);
	int pos = 0, count = 0;
	for (int i = 0; i < n->norder; i++) {
		if (!qn_asked_in(n->q, n->order[i], region))
			continue;       /* another region's question is never asked here */
		count++;
		if (n->order[i] == qi)
			pos = count;
	}
	*total = count;
	return pos;
}

bool nav_visible(const struct nav *n, int qi)
{
	return qi >= 0 && qi < n->q->nquestions && !response_hidden(n->r, qi);
}

static bool nav_open(const struct nav *n, int qi)
{
	return nav_visible(n, qi) && response_answer(n->r, qi)->status == ANSWER_OPEN;
}

static bool nav_todo(const struct nav *n, int qi)
{
	if (!nav_visible(n, qi))
		return false;
	const struct answer *a = response_answer(n->r, qi);
	return a->status == ANSWER_OPEN || a->carried_over || a->proposal;
}

int nav_step(const struct nav *n, int qi, int dir)
{
	int pos = qi < 0 && dir > 0 ? -1 : nav_position(n, qi);
	if (pos < 0 && qi >= 0)
		return -1;
	for (pos += dir; pos >= 0 && pos < n->norder; pos += dir)
		if (nav_visible(n, n->order[pos]))
			return n->order[pos];
	return -1;
}

static int next_where(const struct nav *n, int qi, bool (*want)(const struct nav *, int))
{
	int start = qi < 0 ? -1 : nav_position(n, qi);
	for (int k = 1; k <= n->norder; k++) {
		int pos = (start + k) % n->norder;
		if (want(n, n->order[pos]))
			return n->order[pos];
	}
	return -1;
}

int nav_next_open(const struct nav *n, int qi)
{
	return next_where(n, qi, nav_open);
}

int nav_next_todo(const struct nav *n, int qi)
{
	return next_where(n, qi, nav_todo);
}

int nav_count_todo(const struct nav *n)
{
	int count = 0;
	for (int i = 0; i < n->norder; i++)
		count += nav_todo(n, n->order[i]);
	return count;
}

int nav_domain_entry(const struct nav *n, int d)
{
	int first = -1;
	for (int i = 0; i < n->norder; i++) {
		int qi = n->order[i];
		if (n->q->questions[qi].domain != d || !nav_visible(n, qi))
			continue;
		if (nav_todo(n, qi))
			return qi;
		if (first < 0)
			first = qi;
	}
	return first;
}

void nav_progress(const struct nav *n, int domain, int *done, int *total)
{
	*done = *total = 0;
	for (int qi = 0; qi < n->q->nquestions; qi++) {
		if ((domain >= 0 && n->q->questions[qi].domain != domain) || !nav_visible(n, qi))
			continue;           /* a hidden question is not asked (SPEC) */
		(*total)++;
		if (!nav_open(n, qi))
			(*done)++;
	}
}

int nav_unconfirmed(const struct nav *n)
{
	int count = 0;
	for (int qi = 0; qi < n->q->nquestions; qi++)
		count += nav_visible(n, qi) && response_answer(n->r, qi)->carried_over;
	return count;
}
