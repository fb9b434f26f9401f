/* The export dialog (x): placeholder until it is built on exports/export.h. */
#include <stdlib.h>

#include "core/i18n.h"
#include "tui/screens.h"

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	(void)sc;
	draw_str(stdscr, &a->theme, r.y + 1, 2, r.w - 4, _("Export comes here."), 0);
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	(void)sc;
	(void)a;
	(void)ev;
	return TUI_UNHANDLED;
}

static void destroy(struct screen *sc)
{
	free(sc);
}

static const struct screen_ops ops = {
	.kind = SCREEN_EXPORT,
	.hints = N_("Esc back  q quit"),
	.draw = draw,
	.handle = handle,
	.destroy = destroy,
};

struct screen *screen_export_new(struct app *a)
{
	(void)a;
	struct screen *sc = calloc(1, sizeof *sc);
	if (sc)
		sc->ops = &ops;
	return sc;
}
