#include "core/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Per thread: the pool's workers (core/pool.c) allocate concurrently, and
 * an OOM test fails the allocations of the thread that asked for it. */
static _Thread_local unsigned long alloc_count;
static _Thread_local unsigned long fail_from;     /* 0: never fail */
static _Thread_local int fail_once;                /* only fail_from itself fails */

static int should_fail(void)
{
	alloc_count++;
	if (fail_once)
		return alloc_count == fail_from;
	return fail_from && alloc_count >= fail_from;
}

unsigned long mem_fail_from(unsigned long n)
{
	unsigned long made = alloc_count;
	alloc_count = 0;
	fail_from = n;
	fail_once = 0;
	return made;
}

unsigned long mem_fail_once(unsigned long n)
{
	unsigned long made = mem_fail_from(n);
	fail_once = n != 0;
	return made;
}

void *mem_alloc(size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(1, size ? size : 1);
}

void *mem_realloc(void *p, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(p, size ? size : 1);
}

char *mem_strndup(const char *s, size_t len)
{
	char *d = mem_alloc(len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

char *mem_strdup(const char *s)
{
	return s ? mem_strndup(s, strlen(s)) : NULL;
}

void mem_free(void *p)
{
	free(p);
}

/* Arena: a list of chunks; big requests get a chunk of their own. */
struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct chunk *head;
};

enum { CHUNK_SIZE = 16384 };

struct arena *arena_new(void)
{
	return mem_alloc(sizeof(struct arena));
}

/* Not zeroed: chunks are plain malloc'd memory, and zeroing all of a chunk
 * that a small file uses a quarter of cost more than the parse (hot when
 * reading thousands of files). */
static void *arena_raw(struct arena *a, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		size_t cap = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
		c = mem_realloc(NULL, sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->size = cap;
		c->used = 0;
		if (a->head && size > CHUNK_SIZE / 4) {
			/* Keep filling the current chunk; park the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_raw(a, size);
	return p ? memset(p, 0, size) : NULL;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *d = arena_raw(a, len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void *mem_array(size_t n, size_t size)
{
	n = n ? n : 1;
	return size && n > SIZE_MAX / size ? NULL : mem_alloc(n * size);
}

void *arena_array(struct arena *a, size_t n, size_t size)
{
	n = n ? n : 1;
	return size && n > SIZE_MAX / size ? NULL : arena_alloc(a, n * size);
}

void *mem_grow(void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return v;
	size_t want = *cap ? *cap * 2 : first;
	if (size && want > SIZE_MAX / size)
		return NULL;
	void *p = mem_realloc(v, want * size);
	if (p)
		*cap = want;
	return p;
}

/* Lays the parts out after the struct, each aligned for any type, and
 * when p is given stores where each starts in its field. Returns the
 * whole size, 0 when it overflows. */
static size_t block_place(char *p, size_t size, const struct mem_part *parts, size_t nparts)
{
	const size_t align = _Alignof(max_align_t);
	size_t end = size;
	for (size_t i = 0; i < nparts; i++) {
		size_t n = parts[i].n ? parts[i].n : 1;
		if (end > SIZE_MAX - align)
			return 0;
		end = (end + align - 1) / align * align;
		if (parts[i].size && n > (SIZE_MAX - end) / parts[i].size)
			return 0;
		if (p) {
			/* The field is a T *, stored as the void * it converts from
			 * (object pointers look alike on every platform peil builds for). */
			void *part = p + end;
			memcpy(p + parts[i].at, &part, sizeof part);
		}
		end += n * parts[i].size;
	}
	return end;
}

void *mem_block(size_t size, const struct mem_part *parts, size_t nparts)
{
	size_t total = block_place(NULL, size, parts, nparts);
	char *p = total ? mem_alloc(total) : NULL;
	if (p)
		block_place(p, size, parts, nparts);
	return p;
}
