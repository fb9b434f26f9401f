/* `peil fill`: the entry point behind tui/tui.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "tui/screens.h"
#include "tui/script.h"
#include "tui/tui.h"

bool tui_terminal_usable(void)
{
	const char *term = getenv("TERM");
	return term && *term && strcmp(term, "dumb") != 0 &&
	       (script_wanted() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)));
}

const char *tui_curses_version(void)
{
	return curses_version();
}

/* The overview underneath, the first open (or unconfirmed) question on
 * top, or the results when every question is answered. */
static void start_screens(struct app *a)
{
	app_push(a, screen_overview_new(a));
	int qi = nav_next_todo(&a->s->nav, -1);
	if (qi >= 0)
		tui_show_question(a, qi);
	else
		tui_show(a, SCREEN_RESULTS);
}

enum tui_status tui_run_fill(const struct questionnaire *q, struct response *r,
                             const char *path, const struct tui_fill_options *o,
                             int *signo, char *err, size_t errlen)
{
	struct session s;
	struct app a;
	*signo = 0;
	err[0] = '\0';
	if (!session_init(&s, q, r, path, o->lang)) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return TUI_NO_TERMINAL;
	}
	/* High contrast: the monochrome attributes (bold, reverse) on the
	 * terminal's own colours, nothing dim. */
	enum theme_mode mode = o->no_color ? THEME_PLAIN : o->high_contrast ? THEME_CONTRAST : THEME_COLOR;
	if (!app_open(&a, &s, mode, err, errlen)) {
		session_fini(&s);
		return TUI_NO_TERMINAL;
	}
	a.name_file = o->name_file;
	a.name_ctx = o->name_ctx;
	enum tui_status st = tui_run_app(&a, o->notice, o->ask_organisation, start_screens,
	                                 path, signo, err, errlen);
	session_fini(&s);
	return st;
}

enum tui_status tui_run_app(struct app *a, const char *notice, bool ask_organisation,
                            void (*start)(struct app *), const char *path, int *signo,
                            char *err, size_t errlen)
{
	if (notice)
		app_message(a, true, "%s", notice);
	if (ask_organisation)
		app_push(a, screen_org_new(a, start));
	else
		start(a);
	app_run(a);
	app_close(a);
	if (a->cancelled)
		return TUI_CANCELLED;
	(void)path;
	if (a->s->dirty) {
		snprintf(err, errlen, "%s: %s", a->s->path, a->s->save_err);
		return TUI_NOT_SAVED;
	}
	if (a->signo) {
		*signo = a->signo;
		return TUI_SIGNALLED;
	}
	return TUI_DONE;
}
