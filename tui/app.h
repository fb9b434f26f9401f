/* The application: one event loop, a stack of screens, the status line,
 * saving after every change, resize, signals and the terminal itself.
 *
 * A screen is a struct embedding `struct screen` first and a static const
 * `struct screen_ops` table. The loop reads a key, gives it to the top
 * screen's handle(), and acts on the flags it returns; keys a screen leaves
 * unhandled get the global meaning (q, ?, L, r, x, o, Esc). Screens never
 * read keys themselves and draw only in draw(). */
#ifndef PEIL_TUI_APP_H
#define PEIL_TUI_APP_H

#include <signal.h>
#include <stdbool.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/session.h"

struct app;
struct screen;
struct question_hooks;
struct panel_frame;
struct edit;

/* What handle() returns: any combination. */
enum {
	TUI_UNHANDLED = 0,      /* let the app give the key its global meaning */
	TUI_HANDLED = 1 << 0,
	TUI_REDRAW = 1 << 1,    /* draw again (the app also does after each key) */
	TUI_CHANGED = 1 << 2,   /* the response changed: save it now */
	TUI_POP = 1 << 3,       /* close this screen (even if it pushed another) */
	TUI_QUIT = 1 << 4,      /* end the session */
};

struct screen_ops {
	enum screen_kind kind;  /* its row in tui/table.h: keys, hints, help */
	/* Called when the screen comes on top (pushed, or uncovered). */
	void (*enter)(struct screen *s, struct app *a);
	/* Draws into `area` (between the title and the status line). */
	void (*draw)(const struct screen *s, const struct app *a, struct rect area);
	/* A key (TUI_ flags); NULL: no keys of its own. */
	int (*handle)(struct screen *s, struct app *a, const struct tui_event *ev);
	/* A list screen (tui/panel.h): its panel, and its rows laid out for
	 * `area` as they are now. The app gives the panel the list keys that
	 * handle() left (a click on an item then opens it, as ACT_OPEN does)
	 * and keeps its cursor in view (see fit). NULL: not a list. */
	struct panel_frame (*list)(struct screen *s, const struct app *a, struct rect area);
	/* Keeps what is highlighted in view: called when the window changed
	 * size (also before the first draw) and when the screen comes on top,
	 * after enter(). NULL: a list screen's panel is fitted, else nothing. */
	void (*fit)(struct screen *s, const struct app *a);
	/* False when an action of this screen does nothing just now (not
	 * applicable on a question that forbids it): its hint is left out.
	 * NULL: every action is offered. */
	bool (*offers)(const struct screen *s, const struct app *a, enum tui_action act);
	/* Called when covered by another screen or before being popped. */
	void (*leave)(struct screen *s, struct app *a);
	/* The text field that has the terminal cursor, and its box; NULL: the
	 * cursor is hidden. The keys handle() leaves go into it, but for help,
	 * redraw, Esc (back) and clicks, which keep their meaning. */
	struct edit *(*field)(struct screen *s, const struct app *a, struct rect *box);
	/* The session ends by a signal: store any text being typed in the
	 * response (TUI_CHANGED when it did); NULL: nothing to keep. */
	int (*commit)(struct screen *s, struct app *a);
	/* Frees s; NULL: s is freed (nothing of its own to free). */
	void (*destroy)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	/* The text fields it has, if any (screen_fields()): finalised with
	 * the screen; Tab and Shift-Tab (and a form's Down and Up) move
	 * between them, when handle() leaves those keys. */
	struct edit *fields;
	int nfields;
	int active;             /* the field being typed into */
};

enum { APP_MAX_SCREENS = 16, APP_MIN_COLS = 60, APP_MIN_LINES = 20 };

struct app {
	struct session *s;      /* borrowed */
	struct theme theme;
	struct screen *stack[APP_MAX_SCREENS];
	int depth;
	bool quit;
	bool quit_asked;        /* q pressed once while a save was failing */
	int signo;              /* the signal that ended the session, or 0 */
	char msg[256];          /* one-key message on the status line */
	bool msg_error;
	time_t retry_at;        /* when to retry a failed save */
	bool too_small;
	bool mouse;
	bool cancelled;         /* ended before anything was written */
	/* Hooks for question screens opened by tui_show_question (borrowed). */
	const struct question_hooks *question_hooks;
	/* Key contexts beyond KEYS_MAIN in use (KEYS_BIT()s): looked up
	 * before KEYS_MAIN, and listed by the help screen. */
	unsigned key_contexts;
	/* Another source of events (the phones of `peil workshop --serve`):
	 * when wake_fd is readable, the loop calls wake(a, wake_ctx) and acts
	 * on the flags it returns, as for a key. NULL: none. */
	int (*wake)(struct app *a, void *ctx);
	void *wake_ctx;
	int wake_fd;
	/* `peil workshop`'s keys that hold on every screen (blank, pause, a
	 * quit that asks first), seen before the top screen's; and a tick
	 * about every 200 ms (its clock), TUI_REDRAW when it changed what is
	 * shown. NULL: none. */
	int (*global)(struct app *a, void *ctx, const struct tui_event *ev);
	int (*tick)(struct app *a, void *ctx);
	void *hook_ctx;
	bool hide_help;         /* `i`: the questions' explanations are hidden */
	/* Names a new file after the organisation typed at the prompt
	 * (struct tui_fill_options); NULL: the file has its name. */
	const char *(*name_file)(void *ctx, const char *organisation, char *err, size_t errlen);
	void *name_ctx;
	bool blank;             /* the projector is blanked: nothing is drawn */
	SCREEN *term;
};

/* Sets up the terminal in theme `mode` (NO_COLOR in the environment
 * makes it THEME_PLAIN). False (and a message in err) when the terminal
 * cannot be used. */
bool app_open(struct app *a, struct session *s, enum theme_mode mode, char *err, size_t errlen);
/* Runs until quit or a signal; saves what is unsaved before returning. */
void app_run(struct app *a);
/* Restores the terminal and frees the screens. */
void app_close(struct app *a);

/* A new screen of `size` bytes (the struct that embeds struct screen
 * first), zeroed, with its ops set. */
struct screen *screen_alloc(size_t size, const struct screen_ops *ops);
/* Hands the screen its n text fields (already edit_init()ed, in the
 * struct that embeds sc); they are sc's from now on. */
void screen_fields(struct screen *sc, struct edit *fields, int n);

/* The stack. app_push takes ownership of sc; NULL (a form asked with a
 * wrong number of fields, tui/form.h) is ignored. */
void app_push(struct app *a, struct screen *sc);
struct screen *app_top(const struct app *a);
/* Pops the screens above the topmost one of that kind; false if none. */
bool app_raise(struct app *a, enum screen_kind kind);

/* The area screens draw in. */
struct rect app_area(const struct app *a);

/* A message on the status line until the next key. */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Saves now (after a change); a failure shows on the status line. */
void app_save(struct app *a);

#endif
