/* Questionnaires loaded once per command, by id, for commands that read
 * many response files of possibly different questionnaires (`validate`,
 * `intake`). Thread-safe: the pool's loaders call it from every thread. */
#ifndef PEIL_QCACHE_H
#define PEIL_QCACHE_H

#include "core/diag.h"
#include "core/questionnaire.h"

struct qcache;

/* `fixed`: the questionnaire every file is read against (-q), or NULL to
 * look each id up on the questionnaire path. The cache borrows it. */
struct qcache *qcache_new(const struct questionnaire *fixed);
void qcache_free(struct qcache *c);     /* NULL is fine; frees what it loaded */

/* The questionnaire with this id (or the fixed one), loaded the first time
 * it is asked for; NULL when it is not found or not valid, which is
 * remembered too. Valid until qcache_free. */
const struct questionnaire *qcache_get(struct qcache *c, const char *id);

#endif
