/* The stack of screens: making, pushing, popping and fitting them, and
 * what the machinery does for a list or a text field so that the screens
 * need not (tui/app.h: screen_ops.list, .field). */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/edit.h"
#include "tui/panel.h"
#include "tui/stack.h"

struct screen *app_top(const struct app *a)
{
	return a->depth > 0 ? a->stack[a->depth - 1] : NULL;
}

/* The topmost screen of that kind, or NULL. */
static struct screen *app_find(const struct app *a, enum screen_kind kind)
{
	for (int i = a->depth - 1; i >= 0; i--)
		if (a->stack[i]->ops->kind == kind)
			return a->stack[i];
	return NULL;
}

bool app_raise(struct app *a, enum screen_kind kind)
{
	if (!app_find(a, kind))
		return false;
	while (app_top(a)->ops->kind != kind)
		app_pop(a);
	return true;
}

struct screen *screen_alloc(size_t size, const struct screen_ops *ops)
{
	struct screen *sc = xmalloc(size);
	sc->ops = ops;
	return sc;
}

void screen_fields(struct screen *sc, struct edit *fields, int n)
{
	sc->fields = fields;
	sc->nfields = n;
}

static void screen_destroy(struct screen *sc)
{
	for (int i = 0; i < sc->nfields; i++)
		edit_fini(&sc->fields[i]);
	if (sc->ops->destroy)
		sc->ops->destroy(sc);
	else
		free(sc);
}

void screen_fit(struct app *a, struct screen *sc)
{
	if (a->too_small)
		return;
	if (sc->ops->fit)
		sc->ops->fit(sc, a);
	else if (sc->ops->list)
		panel_screen_fit(sc, a);
}

/* Comes on top: enter(), then its highlight in view. */
static void screen_enter(struct app *a, struct screen *sc)
{
	if (sc->ops->enter)
		sc->ops->enter(sc, a);
	screen_fit(a, sc);
}

void app_push(struct app *a, struct screen *sc)
{
	if (!sc)
		return;
	if (a->depth == APP_MAX_SCREENS) {
		screen_destroy(sc);
		app_message(a, true, "%s", _("too many screens open: press Esc"));
		return;
	}
	struct screen *top = app_top(a);
	if (top && top->ops->leave)
		top->ops->leave(top, a);
	a->stack[a->depth++] = sc;
	screen_enter(a, sc);
}

void app_pop(struct app *a)
{	struct screen *top = app_top(a);
	if (!top)
		return;
	if (top->ops->leave)
		top->ops->leave(top, a);
	a->depth--;
	screen_destroy(top);
	if (app_top(a))
		screen_enter(a, app_top(a));
}

/* Takes sc out of the stack wherever it is (it may have pushed others). */
void app_remove(struct app *a, struct screen *sc)
{
	if (app_top(a) == sc) {
		app_pop(a);
		return;
	}
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i] == sc) {
			memmove(&a->stack[i], &a->stack[i + 1], (size_t)(a->depth - i - 1) * sizeof *a->stack);
			a->depth--;
			screen_destroy(sc);
			return;
		}
}

/* A key a screen with a text field left: typed into the field (but for
 * the keys that keep their meaning there, see screen_ops.field). */
static int field_key(struct app *a, struct screen *sc, const struct tui_event *ev)
{
	struct rect box;
	struct edit *e = sc->ops->field(sc, a, &box);
	if (!e || ev->action == ACT_HELP || ev->action == ACT_REDRAW || ev->action == ACT_BACK ||
	    ev->action == ACT_CLICK)
		return TUI_UNHANDLED;
	edit_key(e, &a->theme, box, ev->key, ev->fkey);
	return TUI_HANDLED;
}

/* Tab, Shift-Tab (and a form's Down, Up) on a screen with text fields:
 * the next or previous one, wrapping around. */
static int field_step(struct screen *sc, const struct tui_event *ev)
{
	int dir;
	switch (ev->action) {
	case ACT_NEXT_FIELD:
	case ACT_FIELD_DOWN:
		dir = 1;
		break;
	case ACT_PREV_FIELD:
	case ACT_FIELD_UP:
		dir = -1;
		break;
	default:
		return TUI_UNHANDLED;
	}
	sc->active = (sc->active + dir + sc->nfields) % sc->nfields;
	return TUI_HANDLED;
}

int screen_left_key(struct app *a, struct screen *sc, const struct tui_event *ev)
{
	int f = TUI_UNHANDLED;
	if (sc->ops->list)
		f = panel_screen_key(sc, a, ev);
	if (f == TUI_UNHANDLED && sc->nfields > 0)
		f = field_step(sc, ev);
	if (f == TUI_UNHANDLED && sc->ops->field)
		f = field_key(a, sc, ev);
	return f;
}
