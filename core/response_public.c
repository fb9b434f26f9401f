/* The public version of an assessment (`export --public`, the TUI's export
 * dialog): a copy without the notes, the evidence and the names of who
 * answered, for a scorecard that goes to a public council meeting. A copy
 * rather than a flag every exporter checks: an exporter added later leaves
 * them out too without knowing about it. */
#include "core/response_private.h"

#include <string.h>

#include "core/diag.h"
#include "core/mem.h"
#include "core/ydoc.h"

/* The file as it would be saved, read back: the one deep copy there is. */
static struct response *copy(const struct response *r)
{
	size_t len = 0;
	char *yaml = response_to_yaml(r, &len);
	struct diag_list *d = yaml ? diag_list_new() : NULL;
	struct ydoc *doc = d ? ydoc_load_buffer("(copy)", yaml, len, d) : NULL;
	struct response *c = doc ? response_from_doc(doc, r->q, d) : NULL;
	ydoc_free(doc);
	diag_list_free(d);
	mem_free(yaml);
	return c;
}

struct response *response_public_copy(const struct response *r)
{
	struct response *c = copy(r);
	if (!c)
		return NULL;
	bool ok = response_set_respondent(c, NULL);
	response_clear_people(c);
	for (int i = 0; ok && i < c->q->nquestions; i++)
		ok = response_set_note(c, i, NULL) && response_set_evidence(c, i, NULL, 0);
	for (int i = 0; ok && i < c->nactions; i++) {
		if (!c->actions[i].note)
			continue;
		struct action a = c->actions[i];
		a.note = NULL;
		ok = response_replace_action(c, i, &a);
	}
	if (!ok) {
		response_free(c);
		return NULL;
	}
	memcpy(c->date, r->date, sizeof c->date);     /* the setters stamped today */
	return c;
}
