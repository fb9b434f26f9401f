/* The note editor: the note and the evidence of one answer, each in a
 * multi-line text field (UTF-8, wide characters, cursor movement,
 * scrolling). Esc keeps the text and goes back; Ctrl-G forgets changes. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/edit.h"
#include "tui/screens.h"

enum { NOTE, EVIDENCE, NFIELDS };
enum { EVIDENCE_ROWS = 3, MAX_TEXT = 64 * 1024 };

struct note_screen {
	struct screen base;
	int qi;
	struct edit field[NFIELDS];     /* the base's fields: base.active is typed into */
};

/* Where the fields go in area r. */
static struct rect field_box(struct rect r, int i)
{
	int note_rows = r.h - 3 - 2 - EVIDENCE_ROWS;
	if (i == NOTE)
		return (struct rect){ r.y + 3, 2, note_rows, r.w - 4 };
	return (struct rect){ r.y + 3 + note_rows + 1, 2, EVIDENCE_ROWS, r.w - 4 };
}

/* The evidence as one item per line. Caller frees. Each item is copied
 * once: strcat() from the start made 100,000 items cost seconds. */
static char *evidence_text(const struct answer *ans)
{
	size_t len = 1;
	for (int i = 0; i < ans->nevidence; i++)
		len += strlen(ans->evidence[i]) + 1;
	char *s = xmalloc(len), *end = s;
	for (int i = 0; i < ans->nevidence; i++) {
		if (i)
			*end++ = '\n';
		size_t n = strlen(ans->evidence[i]);
		memcpy(end, ans->evidence[i], n);
		end += n;
	}
	*end = '\0';
	return s;
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct note_screen *ns = (const struct note_screen *)sc;
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, session_str(s, &s->q->questions[ns->qi].text), DRAW_ELLIPSIS);
	draw_marked(stdscr, t, r.y + 2, 2, r.w - 4, _("Note"), ns->base.active == NOTE, AT_HEADING);
	draw_marked(stdscr, t, field_box(r, EVIDENCE).y - 1, 2, r.w - 4, _("Evidence: one document or link per line"),
	            ns->base.active == EVIDENCE, AT_HEADING);
	for (int i = 0; i < NFIELDS; i++) {
		theme_set(stdscr, t, AT_FIELD);
		edit_draw(&ns->field[i], t, field_box(r, i));
	}
	theme_set(stdscr, t, AT_NORMAL);
}

static struct edit *field(struct screen *sc, const struct app *a, struct rect *box)
{
	struct note_screen *ns = (struct note_screen *)sc;
	*box = field_box(app_area(a), sc->active);
	return &ns->field[sc->active];
}

/* Stores note and evidence through core/ when they changed: 0 when they
 * did not, 1 when stored, -1 when memory ran out. */
static int store(struct note_screen *ns, struct app *a)
{
	struct response *r = a->s->r;
	const struct answer *ans = response_answer(r, ns->qi);
	const char *note = ns->field[NOTE].text, *ev = ns->field[EVIDENCE].text;
	char *old_ev = evidence_text(ans);
	bool note_same = !strcmp(note, ans->note ? ans->note : "");
	bool ev_same = !strcmp(ev, old_ev);
	free(old_ev);
	if (note_same && ev_same)
		return 0;
	bool ok = note_same || response_set_note(r, ns->qi, note);
	if (ok && !ev_same) {
		/* One item per non-empty line. */
		char *copy = xstrdup(ev);
		const char **items = xcalloc(strlen(ev) + 1, sizeof *items);
		int n = 0;
		for (char *save = NULL, *p = strtok_r(copy, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
			items[n++] = p;
		ok = response_set_evidence(r, ns->qi, items, n);
		free(items);
		free(copy);
	}
	return ok ? 1 : -1;
}

/* Esc: keeps the text and goes back. */
static int done(struct note_screen *ns, struct app *a)
{
	int stored = store(ns, a);
	if (stored == 0)
		return TUI_POP;
	if (stored < 0) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED | TUI_CHANGED;
	}
	app_message(a, false, "%s", _("Note saved."));
	return TUI_CHANGED | TUI_POP;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct note_screen *ns = (struct note_screen *)sc;
	switch (ev->action) {
	case ACT_DONE:
		return done(ns, a);
	case ACT_CANCEL:
		app_message(a, false, "%s", _("Note not changed."));
		return TUI_POP;
	case ACT_CLICK:         /* on a field or its label */
		for (int i = 0; i < NFIELDS; i++) {
			struct rect b = field_box(app_area(a), i);
			if (ev->y >= b.y - 1 && ev->y < b.y + b.h)
				sc->active = i;
		}
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;       /* typed into the field */
	}
}

/* The session ends by a signal (a closed terminal, a dropped SSH
 * session, SIGTERM): what is being typed is kept, as Esc would. */
static int commit(struct screen *sc, struct app *a)
{
	return store((struct note_screen *)sc, a) > 0 ? TUI_CHANGED : 0;
}

static const struct screen_ops ops = {
	.kind = SCREEN_NOTE,
	.draw = draw,
	.handle = handle,
	.field = field,
	.commit = commit,
};

struct screen *screen_note_new(struct app *a, int question)
{
	struct note_screen *ns = (struct note_screen *)screen_alloc(sizeof *ns, &ops);
	ns->qi = question;
	const struct answer *ans = response_answer(a->s->r, question);
	char *ev = evidence_text(ans);
	edit_init(&ns->field[NOTE], ans->note, true, MAX_TEXT);
	edit_init(&ns->field[EVIDENCE], ev, true, MAX_TEXT);
	free(ev);
	screen_fields(&ns->base, ns->field, NFIELDS);
	return &ns->base;
}
