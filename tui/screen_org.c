/* The organisation prompt of a new assessment: one text field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/edit.h"
#include "tui/lines.h"
#include "tui/screens.h"

enum { MAX_NAME = 200 };

struct org_screen {
	struct screen base;
	void (*done)(struct app *a);
	struct edit name;
	char intro[1024];
};

/* The introduction wrapped into b; the field goes below it. */
static struct rect layout(const struct org_screen *os, const struct app *a, struct rect r, struct lines *b)
{
	lines_init(b);
	lines_text(b, &a->theme, os->intro, 2, r.w - 4, AT_NORMAL, 1, -1);
	int cols = r.w - 4 < 60 ? r.w - 4 : 60;
	return (struct rect){ r.y + 3 + b->n + 2, 2, 1, cols };
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct org_screen *os = (const struct org_screen *)sc;
	const struct theme *t = &a->theme;
	struct lines b;
	struct rect box = layout(os, a, r, &b);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y + 1, 2, r.w - 4, _("Welcome to peil"), 0);
	theme_set(stdscr, t, AT_NORMAL);
	for (int i = 0; i < b.n; i++)
		lines_draw_text(&b, t, i, r.y + 3 + i, r.w);
	lines_free(&b);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, box.y - 1, 2, r.w - 4, _("Name of your organisation (e.g. Gemeente Voorbeeld):"), 0);
	theme_set(stdscr, t, AT_FIELD);
	edit_draw(&os->name, t, box);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, box.y + 2, 2, r.w - 4, _("Enter to start, Esc to quit without saving anything."), 0);
	theme_set(stdscr, t, AT_NORMAL);
}

static struct edit *field(struct screen *sc, const struct app *a, struct rect *box)
{
	struct org_screen *os = (struct org_screen *)sc;
	struct lines b;
	*box = layout(os, a, app_area(a), &b);
	lines_free(&b);
	return &os->name;
}

static int confirm(struct org_screen *os, struct app *a)
{
	/* No blanks around the name. */
	const char *s = os->name.text;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0) {
		app_message(a, true, "%s", _("Type the name of your organisation first (or Esc to quit)."));
		return TUI_HANDLED;
	}
	char *name = xstrndup(s, n);
	bool ok = response_set_organisation(a->s->r, name);
	free(name);
	if (!ok) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	if (a->name_file) {     /* the file is named after the organisation */
		char err[512];
		const char *path = a->name_file(a->name_ctx, response_organisation(a->s->r), err, sizeof err);
		if (!path) {
			app_message(a, true, "%s", err);
			return TUI_HANDLED;
		}
		a->s->path = path;
		a->name_file = NULL;
	}
	os->done(a);
	return TUI_CHANGED | TUI_POP;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct org_screen *os = (struct org_screen *)sc;
	switch (ev->action) {
	case ACT_START:
		return confirm(os, a);
	case ACT_ABANDON:
		a->cancelled = true;
		return TUI_QUIT;
	default:
		return TUI_UNHANDLED;       /* typed into the field */
	}
}

static const struct screen_ops ops = {
	.kind = SCREEN_ORGANISATION,
	.draw = draw,
	.handle = handle,
	.field = field,
};

struct screen *screen_org_new(struct app *a, void (*done)(struct app *a))
{
	struct org_screen *os = (struct org_screen *)screen_alloc(sizeof *os, &ops);
	os->done = done;
	const struct session *s = a->s;
	if (a->name_file)
		snprintf(os->intro, sizeof os->intro,
		         _("A new assessment on the questionnaire \"%s\" (%s). Every answer is saved at once to a "
		           "file in %s named after your organisation."),
		         session_str(s, &s->q->title), s->q->version, s->path);
	else
		snprintf(os->intro, sizeof os->intro,
		         _("A new assessment on the questionnaire \"%s\" (%s). Every answer is saved at once to %s."),
		         session_str(s, &s->q->title), s->q->version, s->path);
	edit_init(&os->name, response_organisation(s->r), false, MAX_NAME);
	screen_fields(&os->base, &os->name, 1);
	return &os->base;
}
