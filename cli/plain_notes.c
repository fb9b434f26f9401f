/* Plain mode's notes and evidence. A note that is there already is never
 * replaced by accident: `note TEXT` then asks for `note+` (add a line) or
 * `note!` (replace). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/plain_private.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"

/* The word at the start of s ("note", "note+", ...) and the text after it. */
static bool command_word(const char *s, const char *word, const char **rest)
{
	size_t n = strlen(word);
	if (strncasecmp(s, word, n) != 0 || (s[n] && s[n] != ' ' && s[n] != '\t'))
		return false;
	for (s += n; *s == ' ' || *s == '\t'; s++)
		;
	*rest = s;
	return true;
}

static void said(struct plain *p, const char *saved, const char *not_saved)
{
	fprintf(p->out, "%s\n", plain_save(p) ? saved : not_saved);
}

static void set_note(struct plain *p, const char *text, bool removed)
{
	if (!response_set_note(p->r, p->cur, text)) {
		fprintf(p->out, "%s\n", _("Out of memory: the note was not changed."));
		return;
	}
	if (removed)
		said(p, _("Note removed."), _("Note removed, but NOT saved: the file could not be written."));
	else
		said(p, _("Note saved."), _("Note kept, but NOT saved: the file could not be written."));
}

/* note+ TEXT: the text on a new line after the note there is. */
static void add_to_note(struct plain *p, const char *old, const char *text)
{
	size_t n = strlen(old) + strlen(text) + 2;
	char *both = xmalloc(n);
	snprintf(both, n, "%s\n%s", old, text);
	set_note(p, both, false);
	free(both);
}

static void do_note(struct plain *p, const char *text, char mode)
{
	const char *note = response_answer(p->r, p->cur)->note;
	if (!*text && mode == ' ') {
		if (note)
			fprintf(p->out, _("Note: %s\n"), note);
		else
			fprintf(p->out, "%s\n", _("This question has no note."));
	} else if (!*text) {
		fprintf(p->out, "%s\n", _("Give the text after the command, for example: note+ Tested in March."));
	} else if (mode == ' ' && !strcmp(text, "-")) {
		set_note(p, NULL, true);
	} else if (mode == '+' && note) {
		add_to_note(p, note, text);
	} else if (mode == ' ' && note && strcmp(note, text) != 0) {
		fprintf(p->out, _("This question has a note already: %s\n"), note);
		fprintf(p->out, "%s\n", _("Type note+ TEXT to add a line to it, note! TEXT to replace it, or note - to "
		                          "remove it."));
	} else {
		set_note(p, text, false);
	}
}

static void list_evidence(struct plain *p, const struct answer *a)
{
	if (a->nevidence == 0) {
		fprintf(p->out, "%s\n", _("This question has no evidence."));
		return;
	}
	fprintf(p->out, "%s\n", _("Evidence:"));
	for (int i = 0; i < a->nevidence; i++)
		fprintf(p->out, "  %d. %s\n", i + 1, a->evidence[i]);
}

/* The evidence with item `drop` (0-based; -1: none) left out and `add`
 * (NULL: none) added at the end. */
static void change_evidence(struct plain *p, const struct answer *a, int drop, const char *add)
{
	const char **items = xcalloc((size_t)a->nevidence + 1, sizeof *items);
	int n = 0;
	for (int i = 0; i < a->nevidence; i++)
		if (i != drop && drop != -2)
			items[n++] = a->evidence[i];
	if (add)
		items[n++] = add;
	if (!response_set_evidence(p->r, p->cur, items, n))
		fprintf(p->out, "%s\n", _("Out of memory: the evidence was not changed."));
	else if (add)
		said(p, _("Evidence added."), _("Evidence kept, but NOT saved: the file could not be written."));
	else
		said(p, _("Evidence removed."), _("Evidence removed, but NOT saved: the file could not be written."));
	mem_free(items);
}

static void do_evidence(struct plain *p, const char *text)
{
	const struct answer *a = response_answer(p->r, p->cur);
	if (!*text) {
		list_evidence(p, a);
	} else if (!strcmp(text, "-")) {
		change_evidence(p, a, -2, NULL);
	} else if (text[0] == '-') {
		char *end;
		long i = strtol(text + 1, &end, 10);
		if (*end || i < 1 || i > a->nevidence)
			fprintf(p->out, ngettext("There is only %d piece of evidence.\n",
			                         "There are only %d pieces of evidence.\n", (unsigned long)a->nevidence),
			        a->nevidence);
		else
			change_evidence(p, a, (int)i - 1, NULL);
	} else {
		change_evidence(p, a, -1, text);
	}
}

bool plain_note_command(struct plain *p, const char *s, enum step *st)
{
	const char *rest;
	*st = STAY;
	if (command_word(s, "note", &rest))
		do_note(p, rest, ' ');
	else if (command_word(s, "note+", &rest))
		do_note(p, rest, '+');
	else if (command_word(s, "note!", &rest))
		do_note(p, rest, '!');
	else if (command_word(s, "evidence", &rest))
		do_evidence(p, rest);
	else
		return false;
	return true;
}
