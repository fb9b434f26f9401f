/* Help: the keys of the screen below first, then the ones that work
 * everywhere, generated from the action table (tui/table.h). */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/lines.h"
#include "tui/screens.h"

enum { KEY_COLS = 22 };
enum { L_TEXT = 1, L_KEY };

struct entry {
	char *keys;             /* NULL: a section heading */
	char *text;
};

struct help_screen {
	struct screen base;
	struct entry *v;
	int n, cap;
	int top;
};

static void add(void *ctx, const char *keys, const char *text)
{
	struct help_screen *h = ctx;
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 32;
		struct entry *v = realloc(h->v, (size_t)cap * sizeof *v);
		if (!v)
			return;
		h->v = v;
		h->cap = cap;
	}
	struct entry e = { keys ? strdup(keys) : NULL, strdup(text) };
	if ((keys && !e.keys) || !e.text) {
		free(e.keys);
		free(e.text);
		return;
	}
	h->v[h->n++] = e;
}

static void layout(struct lines *b, const struct help_screen *h, const struct app *a, int width)
{
	const struct theme *t = &a->theme;
	lines_init(b);
	lines_text(b, t, _("peil saves every answer the moment you give it: you can quit at any time and carry on later where you left off."),
	           1, width - 2, AT_NORMAL, L_TEXT, -1);
	for (int i = 0; i < h->n; i++) {
		if (!h->v[i].keys) {
			lines_blank(b);
			lines_text(b, t, h->v[i].text, 1, width - 2, AT_HEADING, L_TEXT, -1);
			continue;
		}
		/* item = entry index: its first row also shows the keys */
		lines_text(b, t, h->v[i].text, 3 + KEY_COLS, width - 4 - KEY_COLS, AT_NORMAL, L_KEY, i);
	}
}

static int rows(const struct app *a)
{
	return app_area(a).h;
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct help_screen *h = (const struct help_screen *)sc;
	const struct theme *t = &a->theme;
	struct lines b;
	layout(&b, h, a, r.w);
	for (int i = h->top; i < b.n && i - h->top < r.h; i++) {
		const struct line *l = &b.v[i];
		int y = r.y + i - h->top;
		if (l->kind == L_KEY && l->first) {
			theme_set(stdscr, t, AT_KEY);
			draw_str(stdscr, t, y, 3, KEY_COLS - 1, h->v[l->item].keys, DRAW_ELLIPSIS);
		}
		theme_set(stdscr, t, l->at);
		lines_draw_text(&b, t, i, y, r.w);
	}
	theme_set(stdscr, t, AT_NORMAL);
	lines_draw_marks(&b, t, h->top, r.y, r.h, r.w - 1);
	lines_free(&b);
}

static void scroll_to(struct help_screen *h, const struct app *a, int top)
{
	struct lines b;
	struct rect r = app_area(a);
	layout(&b, h, a, r.w);
	int max = b.n - r.h;
	lines_free(&b);
	h->top = top > max ? max : top;
	if (h->top < 0)
		h->top = 0;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct help_screen *h = (struct help_screen *)sc;
	switch (ev->action) {
	case ACT_UP:
		scroll_to(h, a, h->top - 1);
		return TUI_HANDLED;
	case ACT_DOWN:
		scroll_to(h, a, h->top + 1);
		return TUI_HANDLED;
	case ACT_PAGE_UP:
		scroll_to(h, a, h->top - rows(a) + 1);
		return TUI_HANDLED;
	case ACT_PAGE_DOWN:
		scroll_to(h, a, h->top + rows(a) - 1);
		return TUI_HANDLED;
	case ACT_HOME:
		scroll_to(h, a, 0);
		return TUI_HANDLED;
	case ACT_END:
		scroll_to(h, a, 1 << 20);
		return TUI_HANDLED;
	case ACT_HELP:
		return TUI_POP;
	default:
		return TUI_UNHANDLED;
	}
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	(void)area;
	struct help_screen *h = (struct help_screen *)sc;
	scroll_to(h, a, h->top);
}

static void destroy(struct screen *sc)
{
	struct help_screen *h = (struct help_screen *)sc;
	for (int i = 0; i < h->n; i++) {
		free(h->v[i].keys);
		free(h->v[i].text);
	}
	free(h->v);
	free(h);
}

static const struct screen_ops ops = {
	.kind = SCREEN_HELP,
	.draw = draw,
	.handle = handle,
	.resize = resize,
	.destroy = destroy,
};

struct screen *screen_help_new(struct app *a)
{
	struct help_screen *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->base.ops = &ops;
	/* The keys of the screen it was asked for on come first. */
	struct screen *below = app_top(a);
	keys_help(below ? below->ops->kind : SCREEN_OVERVIEW, a->key_contexts, add, h);
	return &h->base;
}
