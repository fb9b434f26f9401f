#include "core/ydoc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/text.h"

/* One open collection while the tree is being built. The children of all
 * open collections collect on one stack (seq: items; map: key, value, key,
 * value…) and move into the arena when their collection closes, so that a
 * file costs a few allocations, not one per collection. */
struct frame {
	struct ynode *node;
	size_t first;           /* its first child on the kids stack */
};

struct builder {
	const char *path;
	const char *buf;
	size_t len;
	struct diag_list *d;
	struct ydoc *doc;
	struct frame stack[YDOC_MAX_DEPTH + 1];
	int depth;
	struct ynode **kids;
	size_t nkids, capkids;
	size_t nodes;
	/* Nodes and scalar texts are cut from blocks of the arena: one arena
	 * call per block instead of one per node or text (hot when reading
	 * thousands of files). */
	struct ynode *spare;
	size_t nspare;
	char *room;
	size_t room_left;
	int documents;
	bool failed;            /* a fatal problem: stop and return NULL */
};

static void oom(struct builder *b)
{
	diag_error(b->d, b->path, 0, 0, "%s", _("out of memory"));
	b->failed = true;
}

/* libyaml reports reader (encoding) errors only as a byte offset. */
static void offset_to_mark(const char *buf, size_t len, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	/* The offset counts a byte order mark; an editor's column does not. */
	size_t i = len >= 3 && off >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
	for (; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
			++*col;
		}
	}
}

/* libyaml's mark.index counts characters, not bytes: compare line:col. */
static bool at_end(const struct builder *b, yaml_mark_t mark)
{
	int line, col;
	offset_to_mark(b->buf, b->len, b->len, &line, &col);
	return (int)mark.line + 1 >= line && ((int)mark.line + 1 > line || (int)mark.column + 1 >= col);
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, col;
	const char *problem = p->problem ? p->problem : _("unknown problem");
	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset;
		/* libyaml points at the bad trailing byte; the editor shows the
		 * broken character where its sequence starts. */
		if (p->problem && !strcmp(p->problem, "invalid trailing UTF-8 octet"))
			while (off > 0 && off <= b->len && ((unsigned char)b->buf[off - 1] & 0x80) &&
			       (((unsigned char)b->buf[--off] & 0xc0) != 0xc0))
				;
		offset_to_mark(b->buf, b->len, off, &line, &col);
		diag_error(b->d, b->path, line, col, _("cannot read the file: %s"), problem);
	} else if (p->error == YAML_MEMORY_ERROR) {
		oom(b);
		return;
	} else if (p->context && at_end(b, p->problem_mark)) {
		/* Found at the end of the file (an unclosed quote or bracket): what
		 * was left open is where the author has to look. */
		diag_error(b->d, b->path, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1,
		           _("YAML syntax error: %s %s (at the end of the file, line %d)"),
		           p->context, problem, (int)p->problem_mark.line + 1);
	} else {
		line = (int)p->problem_mark.line + 1;
		col = (int)p->problem_mark.column + 1;
		if (p->context)
			diag_error(b->d, b->path, line, col, _("YAML syntax error: %s %s (see line %d)"),
			           p->context, problem, (int)p->context_mark.line + 1);
		else
			diag_error(b->d, b->path, line, col, _("YAML syntax error: %s"), problem);
	}
	b->failed = true;
}

static bool push_kid(struct builder *b, struct ynode *node)
{
	if (b->depth == 0) {
		b->doc->root = node;
		return true;
	}
	if (b->nkids == b->capkids) {
		struct ynode **kids = mem_grow(b->kids, &b->capkids, b->nkids, sizeof *kids, 256);
		if (!kids) {
			oom(b);
			return false;
		}
		b->kids = kids;
	}
	b->kids[b->nkids++] = node;
	return true;
}

enum { NODE_BLOCK = 64, ROOM_BLOCK = 2048 };

/* Rare: the limit, or a new block of nodes. */
static bool refill_nodes(struct builder *b, const yaml_mark_t *mark)
{
	if (b->nodes >= YDOC_MAX_NODES) {
		diag_error(b->d, b->path, (int)mark->line + 1, (int)mark->column + 1,
		           _("the file has more than %d YAML nodes; refusing to read further"), YDOC_MAX_NODES);
		b->failed = true;
		return false;
	}
	size_t block = YDOC_MAX_NODES - b->nodes < NODE_BLOCK ? YDOC_MAX_NODES - b->nodes : NODE_BLOCK;
	if (!(b->spare = arena_array(b->doc->arena, block, sizeof(struct ynode)))) {
		oom(b);
		return false;
	}
	b->nspare = block;
	return true;
}

static inline struct ynode *new_node(struct builder *b, enum ynode_kind kind, const yaml_mark_t *mark)
{
	if (b->nspare == 0 && !refill_nodes(b, mark))
		return NULL;
	struct ynode *n = b->spare++;
	b->nspare--;
	b->nodes++;
	*n = (struct ynode){ .kind = kind, .line = (int)mark->line + 1, .col = (int)mark->column + 1 };
	return n;
}

/* Room for a text of len bytes and its NUL; short texts share blocks. */
static char *text_room(struct builder *b, size_t len)
{
	if (len >= ROOM_BLOCK / 4)
		return arena_array(b->doc->arena, len + 1, 1);
	if (b->room_left <= len) {
		if (!(b->room = arena_array(b->doc->arena, ROOM_BLOCK, 1)))
			return NULL;
		b->room_left = ROOM_BLOCK;
	}
	char *s = b->room;
	b->room += len + 1;
	b->room_left -= len + 1;
	return s;
}

/* Printable ASCII only, eight bytes at a time: most texts are, and they
 * need no decoding (the rest go through text_is_safe()). With no byte at
 * or above 0x80, w - 0x20.. borrows only below a byte under 0x20 and
 * w + 0x01.. carries only out of a 0x7f. */
static bool printable_ascii(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if ((w | (w - 0x20 * ones) | (w + ones)) & high)
			return false;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			return false;
	return true;
}

static void refuse_anchor(struct builder *b, const yaml_char_t *anchor, yaml_mark_t mark)
{
	if (anchor)
		diag_error(b->d, b->path, (int)mark.line + 1, (int)mark.column + 1,
		           _("anchors (&%s) and aliases are not allowed"), (const char *)anchor);
}

static void add_scalar(struct builder *b, const yaml_event_t *e)
{
	size_t len = e->data.scalar.length;
	int line = (int)e->start_mark.line + 1, col = (int)e->start_mark.column + 1;
	if (len > YDOC_MAX_SCALAR) {
		diag_error(b->d, b->path, line, col,
		           _("a text of %zu bytes is longer than the limit of %d"), len, YDOC_MAX_SCALAR);
		b->failed = true;
		return;
	}
	refuse_anchor(b, e->data.scalar.anchor, e->start_mark);
	struct ynode *n = new_node(b, YNODE_SCALAR, &e->start_mark);
	if (!n)
		return;
	/* Most texts are safe and keep their exact size; the others may grow
	 * (each bad byte becomes U+FFFD). */
	const char *value = (const char *)e->data.scalar.value;
	bool replaced = false;
	char *s;
	if (printable_ascii(value, len) || text_is_safe(value, len)) {
		if ((s = text_room(b, len))) {
			memcpy(s, value, len);
			s[len] = '\0';
		}
		n->len = len;
	} else if ((s = arena_alloc(b->doc->arena, len * 3 + 1))) {
		n->len = text_sanitize(value, len, s, &replaced);
	}
	if (!s) {
		oom(b);
		return;
	}
	n->u.str = s;
	n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && e->data.scalar.plain_implicit;
	if (replaced)
		diag_warning(b->d, b->path, line, col, "%s",
		             _("control or bidirectional characters replaced by U+FFFD"));
	push_kid(b, n);
}

static void open_collection(struct builder *b, enum ynode_kind kind, const yaml_event_t *e,
                            const yaml_char_t *anchor)
{
	if (b->depth >= YDOC_MAX_DEPTH) {
		diag_error(b->d, b->path, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1,
		           _("nesting deeper than %d levels is not allowed"), YDOC_MAX_DEPTH);
		b->failed = true;
		return;
	}
	refuse_anchor(b, anchor, e->start_mark);
	struct ynode *n = new_node(b, kind, &e->start_mark);
	if (!n || !push_kid(b, n))
		return;
	b->stack[b->depth++] = (struct frame){ .node = n, .first = b->nkids };
}

struct keyref {
	const struct ynode *key;
	size_t index;           /* position in the mapping */
};

static int cmp_keyref(const void *pa, const void *pb)
{
	const struct keyref *a = pa, *b = pb;
	int c = strcmp(a->key->u.str, b->key->u.str);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* True when no two keys of the mapping are equal: a pairwise look for small
 * mappings, a hash table on the stack up to a few hundred keys (the answers
 * of a response file), no answer (false) beyond that. Most mappings have no
 * duplicates; this is hot when reading thousands of files. */
static bool keys_distinct(const struct ynode *map)
{
	size_t n = map->len;
	if (n <= 8) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (!strcmp(map->u.pairs[i].key->u.str, map->u.pairs[j].key->u.str))
					return false;
		return true;
	}
	enum { SLOTS = 1024 };
	if (n > SLOTS / 2)
		return false;
	unsigned short slot[SLOTS] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *k = map->u.pairs[i].key->u.str;
		unsigned h = 2166136261u;
		for (const char *c = k; *c; c++)
			h = (h ^ (unsigned char)*c) * 16777619u;
		for (h &= SLOTS - 1; slot[h]; h = (h + 1) & (SLOTS - 1))
			if (!strcmp(map->u.pairs[slot[h] - 1].key->u.str, k))
				return false;
		slot[h] = (unsigned short)(i + 1);
	}
	return true;
}

/* Reports duplicate keys (at the later one) and keeps only the first.
 * Sorting makes a mapping with a million keys cost n log n, not n^2. */
static void drop_duplicate_keys(struct builder *b, struct ynode *map)
{
	size_t n = map->len;
	if (n < 2 || keys_distinct(map))
		return;
	struct keyref *refs = mem_alloc(n * sizeof(*refs));
	bool *drop = mem_alloc(n * sizeof(*drop));
	if (!refs || !drop) {
		mem_free(refs);
		mem_free(drop);
		oom(b);
		return;
	}
	for (size_t i = 0; i < n; i++)
		refs[i] = (struct keyref){ map->u.pairs[i].key, i };
	qsort(refs, n, sizeof(*refs), cmp_keyref);
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (strcmp(refs[i].key->u.str, refs[first].key->u.str) != 0) {
			first = i;
			continue;
		}
		diag_error(b->d, b->path, refs[i].key->line, refs[i].key->col,
		           _("duplicate key '%s' (first at line %d)"), refs[i].key->u.str,
		           refs[first].key->line);
		drop[refs[i].index] = true;
	}
	size_t keep = 0;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			map->u.pairs[keep++] = map->u.pairs[i];
	map->len = keep;
	mem_free(refs);
	mem_free(drop);
}

static void close_collection(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	struct ynode *n = f->node;
	size_t nk = b->nkids - f->first;
	/* b->kids is NULL until the first child: an empty document's `{}` */
	struct ynode **kids = nk ? b->kids + f->first : NULL;
	b->nkids = f->first;
	if (n->kind == YNODE_SEQ) {
		n->len = nk;
		n->u.items = arena_array(b->doc->arena, nk, sizeof(struct ynode *));
		if (n->u.items && nk)           /* `[]` has no kids at all */
			memcpy(n->u.items, kids, nk * sizeof(struct ynode *));
	} else {
		n->u.pairs = arena_alloc(b->doc->arena, (nk / 2 + 1) * sizeof(struct ypair));
		size_t np = 0;
		for (size_t i = 0; n->u.pairs && i + 1 < nk; i += 2) {
			struct ynode *k = kids[i];
			if (k->kind != YNODE_SCALAR) {
				diag_error(b->d, b->path, k->line, k->col, "%s",
				           _("a key must be a plain text, not a list or mapping"));
				continue;
			}
			n->u.pairs[np++] = (struct ypair){ k, kids[i + 1] };
		}
		n->len = np;
		if (n->u.pairs)
			drop_duplicate_keys(b, n);
	}
	if (!n->u.items)
		oom(b);
}

/* Stands in for a refused alias so the structure around it stays intact. */
static void add_alias_placeholder(struct builder *b, const yaml_event_t *e)
{
	diag_error(b->d, b->path, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1,
	           _("aliases (*%s) are not allowed"), (const char *)e->data.alias.anchor);
	struct ynode *n = new_node(b, YNODE_SCALAR, &e->start_mark);
	if (!n)
		return;
	n->u.str = arena_strndup(b->doc->arena, "", 0);
	if (!n->u.str) {
		oom(b);
		return;
	}
	push_kid(b, n);
}

static bool handle_event(struct builder *b, const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			diag_error(b->d, b->path, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1,
			           "%s", _("a file must hold one YAML document, not several"));
			b->failed = true;
		}
		break;
	case YAML_DOCUMENT_END_EVENT:
		b->doc->explicit_end = !e->data.document_end.implicit;
		break;
	case YAML_SCALAR_EVENT:
		add_scalar(b, e);
		break;
	case YAML_ALIAS_EVENT:
		add_alias_placeholder(b, e);
		break;
	case YAML_SEQUENCE_START_EVENT:
		open_collection(b, YNODE_SEQ, e, e->data.sequence_start.anchor);
		break;
	case YAML_MAPPING_START_EVENT:
		open_collection(b, YNODE_MAP, e, e->data.mapping_start.anchor);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(b);
		break;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		break;
	}
	return !b->failed;
}

static void builder_cleanup(struct builder *b)
{
	mem_free(b->kids);
	b->kids = NULL;
	b->depth = 0;
}

struct ydoc *ydoc_load_buffer(const char *path, const char *buf, size_t len,
                              struct diag_list *d)
{
	struct builder b = { .path = path, .buf = buf, .len = len, .d = d };
	size_t errors_before = diag_errors(d);
	struct ydoc *doc = mem_alloc(sizeof(*doc));
	if (doc)
		doc->arena = arena_new();
	if (doc && doc->arena)
		doc->path = arena_strndup(doc->arena, path, strlen(path));
	if (!doc || !doc->arena || !doc->path) {
		oom(&b);
		ydoc_free(doc);
		return NULL;
	}
	b.doc = doc;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		oom(&b);
		ydoc_free(doc);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&parser, &e)) {
			report_parser_error(&b, &parser);
			break;
		}
		bool more = handle_event(&b, &e);
		yaml_event_delete(&e);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
	builder_cleanup(&b);
	if (!b.failed && b.documents == 0) {
		diag_error(d, path, 1, 1, "%s", _("the file is empty"));
		b.failed = true;
	}
	if (b.failed || diag_errors(d) > errors_before) {
		/* Refused aliases leave a usable tree; everything else does not. */
		if (b.failed) {
			ydoc_free(doc);
			return NULL;
		}
		doc->refused = true;
	}
	return doc;
}

void ydoc_free(struct ydoc *doc)
{
	if (!doc)
		return;
	arena_free(doc->arena);
	mem_free(doc);
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->len; i++)
		if (strcmp(map->u.pairs[i].key->u.str, key) == 0)
			return map->u.pairs[i].value;
	return NULL;
}
