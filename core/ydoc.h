/* A small, bounded YAML tree built from libyaml's event API.
 *
 * Why not yaml_parser_load(): it accepts alias cycles, has no nesting limit
 * and needs ~13x the file size in memory. Here every scalar is copied out of
 * its event into one arena, nesting, size and node count are capped, aliases
 * and anchors are refused, duplicate keys are reported, and control
 * characters in scalars are replaced by U+FFFD (with a warning).
 *
 * Nothing from a file that fails to parse is returned: a syntax error
 * anywhere yields NULL and the error in the diag_list. */
#ifndef PEIL_YDOC_H
#define PEIL_YDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ypair;

struct ynode {
	enum ynode_kind kind;
	int line, col;          /* 1-based start mark */
	bool plain;             /* scalar: plain style, no tag: may be a number, bool, null */
	size_t len;             /* scalar: bytes; seq: items; map: pairs */
	union {
		char *str;                  /* scalar, NUL-terminated, valid UTF-8 */
		struct ynode **items;       /* seq */
		struct ypair *pairs;        /* map; keys are scalars, unique */
	} u;
};

struct ypair {
	struct ynode *key, *value;
};

struct ydoc {
	struct ynode *root;     /* NULL for an empty document */
	const char *path;       /* owned by the doc */
	bool explicit_end;      /* the document ended with `...` */
	bool refused;           /* an anchor or alias was refused (reported): the
	                         * tree serves messages, not to load a file from */
	struct arena *arena;
};

/* Limits; the loader refuses input beyond them with a clear message. */
enum {
	YDOC_MAX_FILE_SIZE = 16 * 1024 * 1024,
	YDOC_MAX_DEPTH = 64,
	YDOC_MAX_SCALAR = 256 * 1024,
	YDOC_MAX_NODES = 500000,
};

/* Reads and parses a file; returns NULL after reporting to `d`. The caller
 * frees the result with ydoc_free(). */
struct ydoc *ydoc_load_file(const char *path, struct diag_list *d);
/* Same on a buffer in memory; `path` is used in messages. */
struct ydoc *ydoc_load_buffer(const char *path, const char *buf, size_t len,
                              struct diag_list *d);
void ydoc_free(struct ydoc *doc);

/* The value of `key` in mapping `map`, or NULL (also when map is not a map). */
const struct ynode *ynode_get(const struct ynode *map, const char *key);

/* Reads only as far as the top-level `key` and returns a copy of its scalar
 * value (caller frees with mem_free), or NULL. Used to find a questionnaire
 * by id or to tell the two file formats apart without a full load. */
char *ydoc_peek_key(const char *path, const char *key);

#endif
