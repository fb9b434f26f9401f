/* Checked allocation for the model and loaders.
 *
 * Every allocation in core/, scoring/ and exports/ goes through these so that
 * a test can make the n-th allocation fail (SQLite-style OOM testing) and
 * check that the caller reports a clean error instead of crashing.
 * They return NULL on failure; the caller reports and unwinds. */
#ifndef PEIL_MEM_H
#define PEIL_MEM_H

#include <stddef.h>

void *mem_alloc(size_t size);              /* zeroed */
void *mem_realloc(void *p, size_t size);
char *mem_strndup(const char *s, size_t len);
char *mem_strdup(const char *s);           /* NULL in, NULL out */
void mem_free(void *p);
/* n elements of `size` bytes, zeroed: at least one (a questionnaire may
 * have no domains, a collection no files), NULL when n * size overflows
 * or memory runs out. Instead of a `n ? n : 1` at every call. */
void *mem_array(size_t n, size_t size);
/* A growing array v of *cap elements of `size` bytes, with room for element
 * n: v itself while n < *cap, else v moved to twice the room (`first` the
 * first time), *cap updated. NULL when memory runs out: v stays valid and
 * *cap unchanged. Instead of the same seven lines at every append. */
void *mem_grow(void *v, size_t *cap, size_t n, size_t size, size_t first);

/* A struct and the arrays it owns in one zeroed allocation, so that one
 * mem_free releases all of it: instead of an allocation per array, a NULL
 * check for each and a destructor that frees them one by one. A part is an
 * array of n elements (at least one, as mem_array) whose pointer is stored
 * in the struct at offset `at`; MEM_PART(type, field, n) describes one and
 * MEM_BLOCK(type, parts...) allocates. NULL when memory runs out or a size
 * overflows. (The parts are adjacent: ASan sees an overrun of the last
 * one only.) */
struct mem_part {
	size_t at, n, size;
};
#define MEM_PART(type, field, count) { offsetof(type, field), (size_t)(count), sizeof *((type *)0)->field }
#define MEM_BLOCK(type, ...) \
	mem_block(sizeof(type), (const struct mem_part[]){ __VA_ARGS__ }, \
	          sizeof((const struct mem_part[]){ __VA_ARGS__ }) / sizeof(struct mem_part))
void *mem_block(size_t size, const struct mem_part *parts, size_t nparts);

/* Test hook: allocation number `n` (1-based, counted from now) and every one
 * after it fails, on the calling thread; 0 turns failures off. Returns how many allocations were
 * made since the last call. */
unsigned long mem_fail_from(unsigned long n);
/* Same, but only allocation `n` fails and the ones after it succeed: a
 * transient failure, after which callers must unwind or carry on intact. */
unsigned long mem_fail_once(unsigned long n);

/* A bump allocator for data that lives and dies together (a parsed file). */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t size);          /* zeroed, aligned */
void *arena_array(struct arena *a, size_t n, size_t size); /* as mem_array() */
char *arena_strndup(struct arena *a, const char *s, size_t len);
void arena_free(struct arena *a);                          /* NULL is fine */

#endif
