/* The questionnaire loader's inside, shared by core/questionnaire*.c only.
 *
 * Every mapping of the format is read through a table of struct ql_field:
 * one row per key. A row without a reader is a text, stored at `offset` in
 * the object being read; a row with a reader calls it with the value. */
#ifndef PEIL_QUESTIONNAIRE_LOADER_H
#define PEIL_QUESTIONNAIRE_LOADER_H

#include <stddef.h>

#include "core/questionnaire.h"
#include "core/schema.h"
#include "core/ydoc.h"

struct qn_private {
	struct arena *arena;    /* owns every string and array of the questionnaire */
	int *qhash;             /* open addressing over question ids: index + 1 */
	unsigned qmask;
};

struct loader {
	struct schema s;
	struct questionnaire *q;
	struct arena *a;
	bool oom;
	bool level_ok;          /* the level being read has a usable value */
};

enum { QL_REQUIRED = 1, QL_ALWAYS = 2 };        /* ALWAYS: call the reader when absent too */
enum { QL_MAX_FIELDS = 16 };

/* `map` is the mapping the value came from (for messages about the whole). */
typedef void ql_reader(struct loader *L, const struct ynode *value, void *obj,
                       const struct ynode *map);

struct ql_field {
	const char *key;
	int flags;
	size_t offset;          /* of a struct qn_text, when read is NULL */
	ql_reader *read;
};

#define QL_TEXT(type, member) offsetof(type, member), NULL
#define QL_COUNT(table) (sizeof(table) / sizeof *(table))

void ql_fields(struct loader *L, const struct ynode *map, const struct ql_field *fields,
               size_t n, void *obj);

/* Arena copies; NULL (reported once) when memory runs out. */
void *ql_alloc(struct loader *L, size_t size);
void *ql_array(struct loader *L, size_t n, size_t size);       /* as mem_array() */
const char *ql_strdup(struct loader *L, const char *s);        /* NULL in, NULL out */
/* A non-empty scalar, copied into the arena. */
const char *ql_string(struct loader *L, const struct ynode *n, const char *what);
/* An id (key "id"): ql_string, and an error when it is not lower-case
 * letters, digits, '.', '_' and '-' (the copy is still returned, for the
 * duplicate checks). */
const char *ql_id(struct loader *L, const struct ynode *n);
/* A sequence of at least one item; else an error (`empty` says what to
 * do) and false. */
bool ql_list(struct loader *L, const struct ynode *n, const char *what, const char *empty);
/* A text: one string for every language, or a mapping from language (or a
 * regional variant such as nl-BE) to string. */
struct qn_text ql_text(struct loader *L, const struct ynode *n, const char *what);

int ql_question_find(const struct questionnaire *q, const char *id);
/* After the last question: replaces that name a current question or one
 * that another question replaces already. */
void ql_check_replaces(struct loader *L);
void ql_read_question(struct loader *L, const struct ynode *map, struct qn_question *qu);

/* Regions (questionnaire_region.c). */
ql_reader ql_read_regions, ql_read_question_regions;
int ql_variant_lang(struct loader *L, const struct ynode *key);
void ql_check_regions(struct loader *L);

#endif
