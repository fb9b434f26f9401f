/* A small list behind a mutex: a collection holds a handful of
 * questionnaire ids at most. */
#include "cli/qcache.h"

#include <pthread.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/mem.h"

struct qentry {
	char *id;
	struct questionnaire *q;        /* NULL: not found or not valid */
};

struct qcache {
	pthread_mutex_t mu;
	const struct questionnaire *fixed;
	size_t n, cap;
	struct qentry *v;
};

struct qcache *qcache_new(const struct questionnaire *fixed)
{
	struct qcache *c = xmalloc(sizeof(*c));
	pthread_mutex_init(&c->mu, NULL);
	c->fixed = fixed;
	return c;
}

void qcache_free(struct qcache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		mem_free(c->v[i].id);
		questionnaire_free(c->v[i].q);
	}
	mem_free(c->v);
	pthread_mutex_destroy(&c->mu);
	mem_free(c);
}

/* With c->mu held. */
static const struct questionnaire *load(struct qcache *c, const char *id)
{
	c->v = xgrow(c->v, &c->cap, c->n, sizeof *c->v, 4);
	char *copy = xstrdup(id);
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = d ? cli_load_questionnaire(id, NULL, d) : NULL;
	diag_list_free(d);
	c->v[c->n++] = (struct qentry){ copy, q };
	return q;
}

const struct questionnaire *qcache_get(struct qcache *c, const char *id)
{
	if (c->fixed)
		return c->fixed;
	pthread_mutex_lock(&c->mu);
	const struct questionnaire *q = NULL;
	size_t i;
	for (i = 0; i < c->n && strcmp(c->v[i].id, id) != 0; i++)
		;
	q = i < c->n ? c->v[i].q : load(c, id);
	pthread_mutex_unlock(&c->mu);
	return q;
}
