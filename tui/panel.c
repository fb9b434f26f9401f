/* The one list panel (see panel.h). */
#include "tui/panel.h"

#include "tui/app.h"

static int count_items(const struct lines *b)
{
	int n = 0;
	for (int i = 0; i < b->n; i++)
		if (b->v[i].item >= n)
			n = b->v[i].item + 1;
	return n;
}

static int last_top(const struct lines *b, int rows)
{
	return b->n > rows ? b->n - rows : 0;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The first item that starts in the `rows` rows from row `from`, so that
 * its first row (with the cursor mark and its number) is in view; when
 * none does (one tall item), the item of the first row with one; or -1. */
static int item_from(const struct lines *b, int from, int rows)
{
	int first = -1;
	for (int i = from < 0 ? 0 : from; i < b->n && i < from + rows; i++) {
		int item = b->v[i].item;
		if (item >= 0 && (i == 0 || b->v[i - 1].item != item))
			return item;
		if (item >= 0 && first < 0)
			first = item;
	}
	return first;
}

void panel_fit(struct panel *p, const struct lines *b, int rows)
{
	int n = count_items(b);
	p->cursor = n ? clamp(p->cursor, 0, n - 1) : 0;
	if (n)
		p->top = lines_scroll(b, p->top, rows, p->cursor);
	p->top = clamp(p->top, 0, last_top(b, rows));
}

/* A page down (dir 1) or up (-1): the view moves by a page less a row;
 * the cursor goes to the first item that starts in the new view, or to the
 * last (first) item when the view cannot move further. */
static void page(struct panel *p, const struct lines *b, int rows, int dir)
{
	int n = count_items(b), step = rows > 1 ? rows - 1 : 1;
	int top = clamp(p->top + dir * step, 0, last_top(b, rows));
	if (n) {
		int item = top == p->top ? (dir > 0 ? n - 1 : 0) : item_from(b, top, rows);
		p->cursor = item >= 0 ? item : n - 1;
	}
	/* No scrolling back to the cursor: rows after the last item (and
	 * the end of a tall item) must come into view too. */
	p->top = top;
}

enum panel_result panel_key(struct panel *p, const struct lines *b, int rows, int y0,
                            const struct tui_event *ev)
{
	int n = count_items(b);
	switch (ev->action) {
	case ACT_UP:
	case ACT_DOWN: {
		int dir = ev->action == ACT_UP ? -1 : 1;
		if (n)
			p->cursor = clamp(p->cursor + dir, 0, n - 1);
		else
			p->top += dir;
		break;
	}
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		page(p, b, rows, ev->action == ACT_PAGE_UP ? -1 : 1);
		return PANEL_MOVED;
	case ACT_HOME:
		p->cursor = 0;
		p->top = 0;
		return PANEL_MOVED;
	case ACT_END:
		/* The last row too, when it is not an item ("and 23 more"). */
		p->cursor = n ? n - 1 : 0;
		p->top = last_top(b, rows);
		return PANEL_MOVED;
	case ACT_CLICK: {
		int item = lines_item_at(b, p->top, ev->y - y0);
		if (item < 0)
			return PANEL_MOVED;
		p->cursor = item;
		return PANEL_CLICKED;
	}
	default:
		return PANEL_IGNORED;
	}
	panel_fit(p, b, rows);
	return PANEL_MOVED;
}

/* The rows that fit in `list` (its first row, height and width). */
static void panel_draw(const struct panel *p, const struct lines *b, const struct app *a, struct rect list,
                       int mark_x, panel_row_fn row, const void *ctx)
{
	const struct theme *t = &a->theme;
	for (int i = p->top; i < b->n && i - p->top < list.h; i++) {
		const struct line *l = &b->v[i];
		int y = list.y + i - p->top;
		bool cur = l->item >= 0 && l->item == p->cursor;
		theme_set(stdscr, t, cur ? AT_CURSOR : l->at);
		if (cur)
			draw_blank(stdscr, y, 0, list.w);
		if (cur && (i == 0 || b->v[i - 1].item != l->item))
			draw_str(stdscr, t, y, 1, 1, t->cursor, 0);
		if (row)
			row(ctx, a, l, y, list.w, cur);
		theme_set(stdscr, t, cur ? AT_CURSOR : l->at);
		lines_draw_text(b, t, i, y, list.w);
		theme_set(stdscr, t, AT_NORMAL);
	}
	lines_draw_marks(b, t, p->top, list.y, list.h, mark_x);
}

/* A panel move (ev) or fit (ev NULL) on the list as laid out now. */
static enum panel_result screen_move(struct screen *sc, const struct app *a, const struct tui_event *ev)
{
	struct panel_frame f = sc->ops->list(sc, a, app_area(a));
	if (!f.p)
		return PANEL_IGNORED;
	int rows = f.rows < 1 ? 1 : f.rows;
	enum panel_result res = PANEL_MOVED;
	if (ev)
		res = panel_key(f.p, &f.b, rows, f.y0, ev);
	else
		panel_fit(f.p, &f.b, rows);
	lines_free(&f.b);
	return res;
}

int panel_screen_key(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	switch (screen_move(sc, a, ev)) {
	case PANEL_CLICKED:
		if (sc->ops->handle)
			return sc->ops->handle(sc, a, &(struct tui_event){ .action = ACT_OPEN });
		return TUI_HANDLED;
	case PANEL_MOVED:
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

void panel_screen_fit(struct screen *sc, const struct app *a)
{
	screen_move(sc, a, NULL);
}

int panel_screen_draw(const struct screen *sc, const struct app *a, struct rect area, int mark_x,
                      panel_row_fn row, const void *ctx)
{
	/* list() hands out the panel so that keys can move it; drawing only
	 * reads it. */
	struct panel_frame f = sc->ops->list((struct screen *)sc, a, area);
	if (!f.p)
		return -1;
	panel_draw(f.p, &f.b, a, (struct rect){ f.y0, area.x, f.rows, area.w }, mark_x, row, ctx);
	int n = f.b.n;
	lines_free(&f.b);
	return n;
}
