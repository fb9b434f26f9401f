/* Help: the keys of the screen below first, then the ones that work
 * everywhere, generated from the action table (tui/table.h). */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/lines.h"
#include "tui/panel.h"
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
	struct panel p;         /* no items: scrolls by rows */
};

static void add(void *ctx, const char *keys, const char *text)
{
	struct help_screen *h = ctx;
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 32;
		h->v = xrealloc(h->v, (size_t)cap * sizeof *h->v);
		h->cap = cap;
	}
	h->v[h->n++] = (struct entry){ xstrdup(keys), xstrdup(text) };
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
		/* kind L_KEY + entry index: its first row also shows the keys;
		 * no items, so the panel scrolls by rows */
		lines_text(b, t, h->v[i].text, 3 + KEY_COLS, width - 4 - KEY_COLS, AT_NORMAL, L_KEY + i, -1);
	}
}

/* An action's keys beside the first row of what it does. */
static void draw_keys(const void *ctx, const struct app *a, const struct line *l, int y, int width, bool cur)
{
	(void)width, (void)cur;
	const struct help_screen *h = ctx;
	if (l->kind >= L_KEY && l->first) {
		theme_set(stdscr, &a->theme, AT_KEY);
		draw_str(stdscr, &a->theme, y, 3, KEY_COLS - 1, h->v[l->kind - L_KEY].keys, DRAW_ELLIPSIS);
	}
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct help_screen *h = (const struct help_screen *)sc;
	panel_screen_draw(sc, a, r, r.w - 1, draw_keys, h);
}

/* No items: help scrolls by rows. */
static struct panel_frame list(struct screen *sc, const struct app *a, struct rect r)
{
	struct help_screen *h = (struct help_screen *)sc;
	struct panel_frame f = { &h->p, r.y, r.h, { 0 } };
	layout(&f.b, h, a, r.w);
	return f;
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
	.list = list,           /* ? and F1 close it: app.c */
	.destroy = destroy,
};

struct screen *screen_help_new(struct app *a)
{
	struct help_screen *h = (struct help_screen *)screen_alloc(sizeof *h, &ops);
	/* The keys of the screen it was asked for on come first. */
	struct screen *below = app_top(a);
	keys_help(below ? below->ops->kind : SCREEN_OVERVIEW, a->key_contexts, add, h);
	return &h->base;
}
