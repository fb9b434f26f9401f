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

struct row_ctx {
	const struct help_screen *h;
	const struct app *a;
	int width;
};

static void draw_row(void *ctx, const struct lines *b, int i, int y, bool cur)
{
	(void)cur;
	const struct row_ctx *c = ctx;
	const struct theme *t = &c->a->theme;
	const struct line *l = &b->v[i];
	if (l->kind >= L_KEY && l->first) {
		theme_set(stdscr, t, AT_KEY);
		draw_str(stdscr, t, y, 3, KEY_COLS - 1, c->h->v[l->kind - L_KEY].keys, DRAW_ELLIPSIS);
	}
	theme_set(stdscr, t, l->at);
	lines_draw_text(b, t, i, y, c->width);
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct help_screen *h = (const struct help_screen *)sc;
	struct lines b;
	layout(&b, h, a, r.w);
	struct row_ctx c = { h, a, r.w };
	panel_draw(&h->p, &b, &a->theme, r.y, r.h, r.w - 1, draw_row, &c);
	lines_free(&b);
}

/* A panel move (ev) or fit (ev NULL): help scrolls by rows. */
static int list_move(struct help_screen *h, const struct app *a, const struct tui_event *ev)
{
	struct rect r = app_area(a);
	struct lines b;
	layout(&b, h, a, r.w);
	int res = PANEL_MOVED;
	if (ev)
		res = panel_key(&h->p, &b, r.h, r.y, ev);
	else
		panel_fit(&h->p, &b, r.h);
	lines_free(&b);
	return res;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct help_screen *h = (struct help_screen *)sc;
	if (ev->action == ACT_HELP)
		return TUI_POP;
	return list_move(h, a, ev) == PANEL_IGNORED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void resize(struct screen *sc, struct app *a, struct rect area)
{
	(void)area;
	list_move((struct help_screen *)sc, a, NULL);
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
	struct help_screen *h = xmalloc(sizeof *h);
	h->base.ops = &ops;
	/* The keys of the screen it was asked for on come first. */
	struct screen *below = app_top(a);
	keys_help(below ? below->ops->kind : SCREEN_OVERVIEW, a->key_contexts, add, h);
	return &h->base;
}
