/* Writing YAML into memory with libyaml's emitter: the one layout of every
 * YAML file peil writes (response files, round files). UTF-8 unescaped,
 * no folding of long lines, an indent of 2, one document that ends with
 * the marker `...`. The first failure (out of memory) is kept: later calls
 * do nothing and yemit_finish() returns NULL. */
#ifndef PEIL_YEMIT_H
#define PEIL_YEMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

struct yemit;

/* A stream with its document started. NULL: out of memory. */
struct yemit *yemit_new(void);
/* Ends the document and the stream and frees m. Returns the text (len
 * bytes and a NUL; the caller frees it with mem_free()), or NULL when
 * anything failed. */
char *yemit_finish(struct yemit *m, size_t *len);

/* libyaml falls back to a quoted style where the one asked for cannot
 * hold s. */
void yemit_scalar(struct yemit *m, const char *s, yaml_scalar_style_t style);
/* A whole number, plain. */
void yemit_long(struct yemit *m, long v);
/* A key (plain) and its value. */
void yemit_pair(struct yemit *m, const char *key, const char *value, yaml_scalar_style_t style);
void yemit_pair_long(struct yemit *m, const char *key, long v);

/* A mapping (map) or a sequence; flow puts it on one line: {a: 1}, [x, y]. */
void yemit_start(struct yemit *m, bool map, bool flow);
void yemit_end(struct yemit *m, bool map);

#endif
