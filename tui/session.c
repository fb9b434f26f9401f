/* The model side of the TUI: question order, navigation, progress, saving. */
#include "tui/session.h"

#include <stdlib.h>
#include <string.h>

bool session_init(struct session *s, const struct questionnaire *q, struct response *r,
                  const char *path, int lang)
{
	memset(s, 0, sizeof *s);
	s->q = q;
	s->r = r;
	s->path = path;
	s->lang = lang >= 0 && lang < q->nlangs ? lang : 0;
	s->order = malloc((size_t)(q->nquestions ? q->nquestions : 1) * sizeof(int));
	if (!s->order)
		return false;
	for (int i = 0; i < q->nquestions; i++)
		s->order[i] = i;
	s->norder = q->nquestions;
	return true;
}

void session_fini(struct session *s)
{
	free(s->order);
	s->order = NULL;
	s->norder = 0;
}

bool session_set_order(struct session *s, const int *order, int n)
{
	int *copy = malloc((size_t)(n ? n : 1) * sizeof(int));
	if (!copy)
		return false;
	memcpy(copy, order, (size_t)n * sizeof(int));
	free(s->order);
	s->order = copy;
	s->norder = n;
	return true;
}

int session_position(const struct session *s, int qi)
{
	for (int i = 0; i < s->norder; i++)
		if (s->order[i] == qi)
			return i;
	return -1;
}

int session_step(const struct session *s, int qi, int dir)
{
	int pos = session_position(s, qi);
	if (pos < 0)
		return -1;
	for (pos += dir; pos >= 0 && pos < s->norder; pos += dir)
		if (!response_hidden(s->r, s->order[pos]))
			return s->order[pos];
	return -1;
}

static bool is_open(const struct session *s, int qi)
{
	return !response_hidden(s->r, qi) && response_answer(s->r, qi)->status == ANSWER_OPEN;
}

static bool is_todo(const struct session *s, int qi)
{
	return is_open(s, qi) || (!response_hidden(s->r, qi) && response_answer(s->r, qi)->carried_over);
}

static int next_where(const struct session *s, int qi, bool (*want)(const struct session *, int))
{
	int start = qi < 0 ? -1 : session_position(s, qi);
	for (int k = 1; k <= s->norder; k++) {
		int pos = (start + k) % s->norder;
		if (pos < 0)
			pos += s->norder;
		if (want(s, s->order[pos]))
			return s->order[pos];
	}
	return -1;
}

int session_next_open(const struct session *s, int qi)
{
	return next_where(s, qi, is_open);
}

int session_next_todo(const struct session *s, int qi)
{
	return next_where(s, qi, is_todo);
}

int session_first(const struct session *s)
{
	for (int i = 0; i < s->norder; i++)
		if (!response_hidden(s->r, s->order[i]))
			return s->order[i];
	return -1;
}

int session_domain_entry(const struct session *s, int d)
{
	int first = -1;
	for (int i = 0; i < s->norder; i++) {
		int qi = s->order[i];
		if (s->q->questions[qi].domain != d || response_hidden(s->r, qi))
			continue;
		if (is_todo(s, qi))
			return qi;
		if (first < 0)
			first = qi;
	}
	return first;
}

void session_progress(const struct session *s, int domain, int *done, int *total)
{
	*done = *total = 0;
	for (int qi = 0; qi < s->q->nquestions; qi++) {
		if ((domain >= 0 && s->q->questions[qi].domain != domain) || response_hidden(s->r, qi))
			continue;           /* a hidden question is not asked (SPEC) */
		(*total)++;
		if (!is_open(s, qi))
			(*done)++;
	}
}

int session_unconfirmed(const struct session *s)
{
	int n = 0;
	for (int qi = 0; qi < s->q->nquestions; qi++)
		if (response_answer(s->r, qi)->carried_over)
			n++;
	return n;
}

bool session_save(struct session *s)
{
	if (!response_save(s->r, s->path, s->save_err, sizeof s->save_err)) {
		if (!s->save_err[0])
			strcpy(s->save_err, "?");
		s->dirty = true;
		return false;
	}
	s->save_err[0] = '\0';
	s->dirty = false;
	s->saved_once = true;
	s->saved_at = time(NULL);
	return true;
}

const char *session_str(const struct session *s, const struct qn_text *t)
{
	return qn_str(s->q, t, s->lang);
}

const char *session_nlang(const struct session *s)
{
	return s->q->langs[s->lang];
}
