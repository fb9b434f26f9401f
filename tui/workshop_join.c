/* `peil workshop --serve`: the join screen, for the projector. The QR
 * code of the join address (serve/qr.h), the address as text, where the
 * server listens and how many seats are taken. J opens it, Esc closes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "serve/qr.h"
#include "tui/workshop_screens.h"

struct join_screen {
	struct screen base;
	struct workshop *w;
};

/* The largest style that fits in w x h: full blocks only with --large. */
static bool fit(const struct app *a, const char *text, bool large, int w, int h, struct qr_text *qr)
{
	static const enum qr_style utf8_styles[] = { QR_FULL_BLOCKS, QR_HALF_BLOCKS };
	bool invert = !a->theme.color;  /* no colours: light on dark, so the light modules are marked */
	static const enum qr_style ascii[] = { QR_ASCII };
	const enum qr_style *styles = a->theme.utf8 ? utf8_styles + (large ? 0 : 1) : ascii;
	size_t n = a->theme.utf8 ? (large ? 2 : 1) : 1;
	for (size_t i = 0; i < n; i++) {
		if (!qr_render(text, styles[i], invert, qr))
			return false;
		if (qr->cols <= w && qr->nlines <= h)
			return true;
		qr_text_free(qr);
	}
	return false;
}

static void line(const struct app *a, int y, struct rect r, const char *s, enum tui_attr at)
{
	int cols = draw_cols(&a->theme, s, strlen(s));
	int x = r.x + (cols < r.w ? (r.w - cols) / 2 : 0);
	theme_set(stdscr, &a->theme, at);
	draw_str(stdscr, &a->theme, y, x, r.w, s, DRAW_ELLIPSIS);
	theme_set(stdscr, &a->theme, AT_NORMAL);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct join_screen *js = (const struct join_screen *)sc;
	const struct tui_workshop_options *o = js->w->o;
	char buf[512];
	struct room_view v;
	struct qr_text qr;
	room_view(o->room, -1, &v);
	int y = r.y;
	line(a, y++, r, _("Vote from your phone: scan the code or open the address"), AT_HEADING);
	if (fit(a, o->join_qr, js->w->large, r.w, r.h - 5, &qr)) {
		int x = r.x + (r.w - qr.cols) / 2;
		for (int i = 0; i < qr.nlines; i++) {
			theme_set(stdscr, &a->theme, AT_QR);
			draw_str(stdscr, &a->theme, y++, x, qr.cols, qr.lines[i], 0);
		}
		theme_set(stdscr, &a->theme, AT_NORMAL);
		qr_text_free(&qr);
	} else {
		line(a, y++, r, _("(the window is too small for the QR code)"), AT_DIM);
	}
	line(a, y++, r, o->join_url, AT_HEADING);
	if (o->join_everywhere && o->join_iface)
		snprintf(buf, sizeof buf, _("Listening on all interfaces; this address is the one of %s."), o->join_iface);
	else if (o->join_everywhere)
		snprintf(buf, sizeof buf, "%s", _("Listening on all interfaces, but this machine has no network address."));
	else
		snprintf(buf, sizeof buf, "%s", _("Listening on this address only."));
	line(a, y++, r, buf, AT_NORMAL);
	snprintf(buf, sizeof buf, _("%d of %d seats taken"), v.seats_taken, v.seats);
	line(a, y, r, buf, AT_NORMAL);
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	(void)sc, (void)a;
	return ev->action == ACT_JOIN ? TUI_POP : TUI_UNHANDLED;
}

static const struct screen_ops ops = {
	.kind = SCREEN_JOIN,
	.draw = draw,
	.handle = handle,
};

struct screen *workshop_join_new(struct app *a, struct workshop *w)
{
	(void)a;
	struct join_screen *js = (struct join_screen *)screen_alloc(sizeof *js, &ops);
	js->w = w;
	return &js->base;
}
