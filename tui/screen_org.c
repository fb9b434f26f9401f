/* The organisation prompt of a new assessment: one libform field. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/field.h"
#include "tui/lines.h"
#include "tui/screens.h"

enum { MAX_NAME = 200 };

struct org_screen {
	struct screen base;
	void (*done)(struct app *a);
	char *name;             /* kept while the form is rebuilt */
	FIELD *fields[2];
	FORM *form;
	WINDOW *win;
	int field_y;            /* row of the field, from the layout */
};

static void drop_form(struct org_screen *os)
{
	if (os->form) {
		unpost_form(os->form);
		free_form(os->form);
		os->form = NULL;
	}
	if (os->fields[0])
		free_field(os->fields[0]);
	os->fields[0] = NULL;
	if (os->win)
		delwin(os->win);
	os->win = NULL;
}

static void take_name(struct org_screen *os, const struct app *a)
{
	if (!os->form)
		return;
	form_driver(os->form, REQ_VALIDATION);
	char *t = field_get_text(os->fields[0], &a->theme);
	if (t) {
		free(os->name);
		os->name = t;
	}
}

/* The introduction above the field, wrapped; returns its rows. */
static int intro(struct lines *b, const struct app *a, int width)
{
	const struct session *s = a->s;
	static char text[1024];
	snprintf(text, sizeof text, _("A new assessment on the questionnaire \"%s\" (%s). Every answer is saved at once to %s."),
	         session_str(s, &s->q->title), s->q->version, s->path);
	lines_init(b);
	lines_text(b, &a->theme, text, 2, width - 4, AT_NORMAL, 1, -1);
	return b->n;
}

static void build_form(struct org_screen *os, struct app *a, struct rect r)
{
	drop_form(os);
	struct lines b;
	int n = intro(&b, a, r.w);
	lines_free(&b);
	os->field_y = r.y + 2 + n + 2;
	int cols = r.w - 4 < 60 ? r.w - 4 : 60;
	if (os->field_y >= r.y + r.h - 1)
		return;
	os->win = newwin(1, cols, os->field_y, 2);
	os->fields[0] = new_field(1, cols, 0, 0, 0, 0);
	if (!os->win || !os->fields[0])
		goto fail;
	field_opts_off(os->fields[0], O_STATIC | O_AUTOSKIP | O_BLANK);
	set_max_field(os->fields[0], MAX_NAME);
	set_field_back(os->fields[0], a->theme.mode == THEME_PLAIN ? A_NORMAL : A_UNDERLINE);
	if (!field_set_text(os->fields[0], &a->theme, os->name))
		goto fail;
	os->form = new_form(os->fields);
	if (!os->form)
		goto fail;
	set_form_win(os->form, os->win);
	set_form_sub(os->form, os->win);
	post_form(os->form);
	form_driver(os->form, REQ_END_FIELD);
	return;
fail:
	drop_form(os);
	app_message(a, true, "%s", _("out of memory"));
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct org_screen *os = (const struct org_screen *)sc;
	const struct theme *t = &a->theme;
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y + 1, 2, r.w - 4, _("Welcome to peil"), 0);
	theme_set(stdscr, t, AT_NORMAL);
	struct lines b;
	intro(&b, a, r.w);
	for (int i = 0; i < b.n; i++)
		lines_draw_text(&b, t, i, r.y + 3 + i, r.w);
	lines_free(&b);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, os->field_y - 1, 2, r.w - 4, _("Name of your organisation (e.g. Gemeente Voorbeeld):"), 0);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, os->field_y + 2, 2, r.w - 4, _("Enter to start, Esc to quit without saving anything."), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

static void refresh_form(const struct screen *sc, const struct app *a)
{
	(void)a;
	const struct org_screen *os = (const struct org_screen *)sc;
	if (!os->form)
		return;
	pos_form_cursor(os->form);
	touchwin(os->win);
	wnoutrefresh(os->win);
}

static int confirm(struct org_screen *os, struct app *a)
{
	take_name(os, a);
	if (!os->name)
		return TUI_HANDLED;
	/* One line, no blanks around it. */
	char *s = os->name;
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	if (n == 0) {
		app_message(a, true, "%s", _("Type the name of your organisation first (or Esc to quit)."));
		return TUI_HANDLED;
	}
	if (!response_set_organisation(a->s->r, s)) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	os->done(a);
	return TUI_CHANGED | TUI_POP;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct org_screen *os = (struct org_screen *)sc;
	if (!ev->fkey && (ev->key == '\r' || ev->key == '\n'))
		return confirm(os, a);
	if (ev->fkey && ev->key == KEY_ENTER)
		return confirm(os, a);
	switch (keys_action(KEYS_TEXT, ev->key, ev->fkey, NULL)) {
	case ACT_DONE:
	case ACT_CANCEL:
		a->cancelled = true;
		return TUI_QUIT;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;
	default:
		break;
	}
	if (os->form && ev->action != ACT_CLICK)
		field_edit_key(os->form, ev->key, ev->fkey, false);
	return TUI_HANDLED;
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	struct org_screen *os = (struct org_screen *)sc;
	take_name(os, a);
	build_form(os, a, area);
}

static void destroy(struct screen *sc)
{
	struct org_screen *os = (struct org_screen *)sc;
	drop_form(os);
	free(os->name);
	free(os);
}

static const struct screen_ops ops = {
	.kind = SCREEN_ORGANISATION,
	.hints = N_("Enter start  Esc quit"),
	.text_input = true,
	.draw = draw,
	.handle = handle,
	.resize = resize,
	.overlay = refresh_form,
	.destroy = destroy,
};

struct screen *screen_org_new(struct app *a, void (*done)(struct app *a))
{
	(void)a;
	struct org_screen *os = calloc(1, sizeof *os);
	if (!os)
		return NULL;
	os->base.ops = &ops;
	os->done = done;
	os->name = strdup(response_organisation(a->s->r));
	if (!os->name) {
		free(os);
		return NULL;
	}
	return &os->base;
}
