/* YAML text from libyaml's emitter, collected in memory (core/yemit.h). */
#include "core/yemit.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"

struct yemit {
	yaml_emitter_t e;
	bool ok;
	bool oom;               /* collecting the text ran out of memory */
	char *data;
	size_t len, cap;
};

/* libyaml's output handler: appends, keeping a NUL after the text. */
static int collect(void *ctx, unsigned char *buf, size_t size)
{
	struct yemit *m = ctx;
	if (m->len + size + 1 > m->cap) {
		size_t cap = m->cap ? m->cap : 4096;
		while (cap < m->len + size + 1)
			cap *= 2;
		char *d = mem_realloc(m->data, cap);
		if (!d) {
			m->oom = true;
			return 0;
		}
		m->data = d;
		m->cap = cap;
	}
	memcpy(m->data + m->len, buf, size);
	m->len += size;
	m->data[m->len] = '\0';
	return 1;
}

/* yaml_emitter_emit() takes the event, also when it fails. */
static void put(struct yemit *m, yaml_event_t *ev)
{
	if (!m->ok)
		yaml_event_delete(ev);
	else if (!yaml_emitter_emit(&m->e, ev))
		m->ok = false;
}

struct yemit *yemit_new(void)
{
	struct yemit *m = mem_alloc(sizeof *m);
	if (!m)
		return NULL;
	if (!yaml_emitter_initialize(&m->e)) {
		mem_free(m);
		return NULL;
	}
	m->ok = true;
	yaml_emitter_set_output(&m->e, collect, m);
	yaml_emitter_set_unicode(&m->e, 1);
	yaml_emitter_set_width(&m->e, -1);
	yaml_emitter_set_indent(&m->e, 2);
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	put(m, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	put(m, &ev);
	return m;
}

char *yemit_finish(struct yemit *m, size_t *len)
{
	yaml_event_t ev;
	/* An explicit end marker makes a file cut short elsewhere detectable. */
	yaml_document_end_event_initialize(&ev, 0);
	put(m, &ev);
	yaml_stream_end_event_initialize(&ev);
	put(m, &ev);
	if (m->ok && !yaml_emitter_flush(&m->e))
		m->ok = false;
	yaml_emitter_delete(&m->e);
	char *text = m->data;
	if (!m->ok || m->oom) {
		mem_free(text);
		text = NULL;
	} else {
		*len = m->len;
	}
	mem_free(m);
	return text;
}

void yemit_scalar(struct yemit *m, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (!m->ok)
		return;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, style)) {
		m->ok = false;
		return;
	}
	put(m, &ev);
}

void yemit_long(struct yemit *m, long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	yemit_scalar(m, buf, YAML_PLAIN_SCALAR_STYLE);
}

void yemit_pair(struct yemit *m, const char *key, const char *value, yaml_scalar_style_t style)
{
	yemit_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(m, value, style);
}

void yemit_pair_long(struct yemit *m, const char *key, long v)
{
	yemit_scalar(m, key, YAML_PLAIN_SCALAR_STYLE);
	yemit_long(m, v);
}

void yemit_start(struct yemit *m, bool map, bool flow)
{
	yaml_event_t ev;
	yaml_mapping_style_t ms = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE;
	yaml_sequence_style_t ss = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE;
	int ok = map ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, ms)
	             : yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, ss);
	if (!ok)
		m->ok = false;
	else
		put(m, &ev);
}

void yemit_end(struct yemit *m, bool map)
{
	yaml_event_t ev;
	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	put(m, &ev);
}
