/* The note editor: the note and the evidence of one answer, each in a
 * multi-line libform field (UTF-8, cursor movement, scrolling). Esc keeps
 * the text and goes back; Ctrl-G forgets the changes. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/field.h"
#include "tui/screens.h"

enum { NOTE, EVIDENCE, NFIELDS };
enum { EVIDENCE_ROWS = 3 };

struct note_screen {
	struct screen base;
	int qi;
	char *text[NFIELDS];    /* the working copy, kept while the form is rebuilt */
	int active;
	FIELD *fields[NFIELDS + 1];
	FORM *form;
	WINDOW *win;
	int note_rows;
};

/* The evidence as one item per line. Caller frees. */
static char *evidence_text(const struct answer *ans)
{
	size_t len = 1;
	for (int i = 0; i < ans->nevidence; i++)
		len += strlen(ans->evidence[i]) + 1;
	char *s = calloc(1, len);
	for (int i = 0; s && i < ans->nevidence; i++) {
		if (i)
			strcat(s, "\n");
		strcat(s, ans->evidence[i]);
	}
	return s;
}

static void drop_form(struct note_screen *ns)
{
	if (ns->form) {
		unpost_form(ns->form);
		free_form(ns->form);
		ns->form = NULL;
	}
	for (int i = 0; i < NFIELDS; i++) {
		if (ns->fields[i])
			free_field(ns->fields[i]);
		ns->fields[i] = NULL;
	}
	if (ns->win)
		delwin(ns->win);
	ns->win = NULL;
}

/* Reads the fields back into the working copy. */
static bool take_text(struct note_screen *ns, const struct app *a)
{
	if (!ns->form)
		return true;
	form_driver(ns->form, REQ_VALIDATION);
	for (int i = 0; i < NFIELDS; i++) {
		char *t = field_get_text(ns->fields[i], &a->theme);
		if (!t)
			return false;
		free(ns->text[i]);
		ns->text[i] = t;
	}
	return true;
}

static FIELD *new_text_field(int rows, int cols, int y, chtype underline)
{
	FIELD *f = new_field(rows, cols, y, 0, 0, 0);
	if (!f)
		return NULL;
	field_opts_off(f, O_STATIC | O_AUTOSKIP | O_BLANK);
	set_max_field(f, 0);
	set_field_back(f, underline);
	return f;
}

/* (Re)builds the form for the area: the note field, a label row, the
 * evidence field. */
static void build_form(struct note_screen *ns, struct app *a, struct rect r)
{
	const struct theme *t = &a->theme;
	drop_form(ns);
	int cols = r.w - 4;
	ns->note_rows = r.h - 4 - 1 - EVIDENCE_ROWS - 1;
	if (ns->note_rows < 2 || cols < 10)
		return;
	ns->win = newwin(ns->note_rows + 1 + EVIDENCE_ROWS, cols, r.y + 3, 2);
	chtype ul = t->mode == THEME_PLAIN ? A_NORMAL : A_UNDERLINE;
	ns->fields[NOTE] = new_text_field(ns->note_rows, cols, 0, ul);
	ns->fields[EVIDENCE] = new_text_field(EVIDENCE_ROWS, cols, ns->note_rows + 1, ul);
	if (!ns->win || !ns->fields[NOTE] || !ns->fields[EVIDENCE])
		goto fail;
	for (int i = 0; i < NFIELDS; i++)
		if (!field_set_text(ns->fields[i], t, ns->text[i]))
			goto fail;
	ns->form = new_form(ns->fields);
	if (!ns->form)
		goto fail;
	set_form_win(ns->form, ns->win);
	set_form_sub(ns->form, ns->win);
	keypad(ns->win, TRUE);
	post_form(ns->form);
	theme_set(ns->win, t, AT_HEADING);
	draw_str(ns->win, t, ns->note_rows, 0, cols, _("Evidence: one document or link per line"), DRAW_ELLIPSIS);
	theme_set(ns->win, t, AT_NORMAL);
	set_current_field(ns->form, ns->fields[ns->active]);
	form_driver(ns->form, REQ_END_FIELD);
	return;
fail:
	drop_form(ns);
	app_message(a, true, "%s", _("out of memory"));
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct note_screen *ns = (const struct note_screen *)sc;
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, session_str(s, &s->q->questions[ns->qi].text), DRAW_ELLIPSIS);
	draw_str(stdscr, t, r.y + 2, 2, r.w - 4, _("Note"), 0);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, r.y + r.h - 1, 1, r.w - 2,
	         _("Esc done (kept and saved)  Ctrl-G cancel  Tab other field  Enter new line"), DRAW_ELLIPSIS);
	theme_set(stdscr, t, AT_NORMAL);
	if (!ns->form)
		draw_str(stdscr, t, r.y + 4, 2, r.w - 4, _("The window is too small to edit here."), 0);
}

static void refresh_form(const struct screen *sc, const struct app *a)
{
	(void)a;
	const struct note_screen *ns = (const struct note_screen *)sc;
	if (!ns->form)
		return;
	pos_form_cursor(ns->form);
	touchwin(ns->win);
	wnoutrefresh(ns->win);
}

/* Esc: stores note and evidence through core/ when they changed. */
static int done(struct note_screen *ns, struct app *a)
{
	struct response *r = a->s->r;
	const struct answer *ans = response_answer(r, ns->qi);
	if (!take_text(ns, a)) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	char *old_ev = evidence_text(ans);
	bool note_same = !strcmp(ns->text[NOTE], ans->note ? ans->note : "");
	bool ev_same = old_ev && !strcmp(ns->text[EVIDENCE], old_ev);
	free(old_ev);
	if (note_same && ev_same)
		return TUI_POP;
	bool ok = note_same || response_set_note(r, ns->qi, ns->text[NOTE]);
	if (ok && !ev_same) {
		/* One item per non-empty line. */
		char *copy = strdup(ns->text[EVIDENCE]);
		const char **items = calloc(strlen(ns->text[EVIDENCE]) + 1, sizeof *items);
		int n = 0;
		for (char *save = NULL, *p = copy ? strtok_r(copy, "\n", &save) : NULL; p && items;
		     p = strtok_r(NULL, "\n", &save))
			items[n++] = p;
		ok = copy && items && response_set_evidence(r, ns->qi, items, n);
		free(items);
		free(copy);
	}
	if (!ok) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED | TUI_CHANGED;
	}
	app_message(a, false, "%s", _("Note saved."));
	return TUI_CHANGED | TUI_POP;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct note_screen *ns = (struct note_screen *)sc;
	switch (keys_action(KEYS_TEXT, ev->key, ev->fkey, NULL)) {
	case ACT_DONE:
		return done(ns, a);
	case ACT_CANCEL:
		app_message(a, false, "%s", _("Note not changed."));
		return TUI_POP;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		if (ns->form) {
			form_driver(ns->form, REQ_NEXT_FIELD);
			form_driver(ns->form, REQ_END_FIELD);
			ns->active = field_index(current_field(ns->form));
		}
		return TUI_HANDLED;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;
	default:
		break;
	}
	if (ev->action == ACT_CLICK || !ns->form)
		return TUI_HANDLED;
	field_edit_key(ns->form, ev->key, ev->fkey, true);
	return TUI_HANDLED;
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	struct note_screen *ns = (struct note_screen *)sc;
	take_text(ns, a);
	build_form(ns, a, area);
}

static void destroy(struct screen *sc)
{
	struct note_screen *ns = (struct note_screen *)sc;
	drop_form(ns);
	for (int i = 0; i < NFIELDS; i++)
		free(ns->text[i]);
	free(ns);
}

static const struct screen_ops ops = {
	.kind = SCREEN_NOTE,
	.hints = N_("Esc done  Ctrl-G cancel  Tab other field  F1 help"),
	.text_input = true,
	.draw = draw,
	.handle = handle,
	.resize = resize,
	.overlay = refresh_form,
	.destroy = destroy,
};

struct screen *screen_note_new(struct app *a, int question)
{
	struct note_screen *ns = calloc(1, sizeof *ns);
	if (!ns)
		return NULL;
	ns->base.ops = &ops;
	ns->qi = question;
	const struct answer *ans = response_answer(a->s->r, question);
	ns->text[NOTE] = strdup(ans->note ? ans->note : "");
	ns->text[EVIDENCE] = evidence_text(ans);
	if (!ns->text[NOTE] || !ns->text[EVIDENCE]) {
		destroy(&ns->base);
		return NULL;
	}
	return &ns->base;
}
