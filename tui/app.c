/* The one event loop, the screen stack, the chrome, saving, signals. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "cli/xalloc.h"
#include "tui/app.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "tui/edit.h"
#include "tui/form.h"
#include "tui/stack.h"
#include "tui/screens.h"
#include "tui/script.h"

/* The handler only records the signal; the loop saves and restores the
 * terminal (nothing else is async-signal-safe). */
static volatile sig_atomic_t got_signal;
static const int handled_signals[] = { SIGHUP, SIGTERM, SIGINT };
enum { NSIGNALS = sizeof handled_signals / sizeof *handled_signals };
static struct sigaction old_actions[NSIGNALS];

static void on_signal(int sig)
{
	got_signal = sig;
}

static void signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	got_signal = 0;
	for (int i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &sa, &old_actions[i]);
}

static void signals_restore(void)
{
	for (int i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &old_actions[i], NULL);
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* Out of memory (cli/xalloc.h): the terminal back to the shell before the
 * message. Only one app is open at a time. */
static void restore_terminal(void)
{
	endwin();
}

bool app_open(struct app *a, struct session *s, enum theme_mode mode, char *err, size_t errlen)
{
	memset(a, 0, sizeof *a);
	a->s = s;
	if (!script_open(err, errlen))
		return false;
	/* Ours before curses starts, so that curses leaves them alone. */
	signals_install();
	a->term = newterm(NULL, stdout, stdin);
	if (!a->term) {
		const char *t = getenv("TERM");
		snprintf(err, errlen, _("cannot use the terminal type '%s' (try TERM=xterm-256color, or --plain)"),
		         t ? t : "");
		signals_restore();
		script_close();
		return false;
	}
	set_term(a->term);
	xalloc_on_failure(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(50);
	wtimeout(stdscr, 200);  /* wake up to notice signals and retry saves */
	curs_set(0);
	const char *nc = getenv("NO_COLOR");
	theme_init(&a->theme, locale_is_utf8(), nc && *nc ? THEME_PLAIN : mode);
	mouseinterval(0);
	a->mouse = mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
	return true;
}

void app_close(struct app *a)
{
	while (a->depth > 0)
		app_pop(a);
	if (a->term) {
		xalloc_on_failure(NULL);
		endwin();
		delscreen(a->term);
		a->term = NULL;
	}
	signals_restore();
	script_close();
}

struct rect app_area(const struct app *a)
{
	(void)a;
	return (struct rect){ 1, 0, LINES - 2, COLS };
}



void app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

void app_save(struct app *a)
{
	a->s->dirty = true;
	if (!session_save(a->s))
		a->retry_at = time(NULL) + 2;
	a->quit_asked = false;
}

/* "Saved 14:02:11", "NOT SAVED" or "" for the title bar. */
static enum tui_attr save_state(const struct session *s, char *buf, size_t len)
{
	buf[0] = '\0';
	if (s->save_err[0]) {
		snprintf(buf, len, "%s", _("NOT SAVED"));
		return AT_ERROR;
	}
	if (s->saved_once) {
		char hms[16];
		struct tm tm;
		localtime_r(&s->saved_at, &tm);
		strftime(hms, sizeof hms, "%H:%M:%S", &tm);
		snprintf(buf, len, _("Saved %s"), hms);
	}
	return AT_TITLE;
}

/* Title bar: organisation and questionnaire left, the save state right. */
static void draw_title(const struct app *a)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	char right[96], left[600];
	enum tui_attr rat = save_state(s, right, sizeof right);
	int rw = draw_cols(t, right, strlen(right));
	const char *org = response_organisation(s->r);
	snprintf(left, sizeof left, "%s%s%s", org && *org ? org : "peil", t->sep, session_str(s, &s->q->title));
	theme_set(stdscr, t, AT_TITLE);
	draw_blank(stdscr, 0, 0, COLS);
	draw_str(stdscr, t, 0, 1, COLS - rw - 4, left, DRAW_ELLIPSIS);
	theme_set(stdscr, t, rat);
	draw_str(stdscr, t, 0, COLS - rw - 1, rw, right, 0);
	theme_set(stdscr, t, AT_NORMAL);
}

/* A message longer than the status line takes the rows above it, up to
 * STATUS_ROWS: the reason or the path at its end is what matters, and it
 * was what got cut off. Gone with the next key, like every message. */
enum { STATUS_ROWS = 4 };
static void draw_wrapped_status(const struct app *a, const char *text)
{
	const struct theme *t = &a->theme;
	struct span sp[STATUS_ROWS];
	int n = draw_wrap(t, text, COLS - 2, sp, STATUS_ROWS);
	int rows = n < STATUS_ROWS ? n : STATUS_ROWS;
	if (rows > LINES - 2)
		rows = LINES - 2 > 1 ? LINES - 2 : 1;
	for (int i = 0; i < rows; i++) {
		int y = LINES - rows + i;
		draw_blank(stdscr, y, 0, COLS);
		bool last = i == rows - 1 && n > rows;
		size_t len = last ? strlen(text) - sp[i].off : sp[i].len;
		draw_text(stdscr, t, y, 1, COLS - 2, text + sp[i].off, len, last ? DRAW_ELLIPSIS : 0);
	}
}

/* keys_hints' view of the screen on top: what it offers just now. */
static bool top_offers(const void *ctx, enum tui_action act)
{
	const struct app *a = ctx;
	const struct screen *top = app_top(a);
	return !top->ops->offers || top->ops->offers(top, a, act);
}

/* Status line: a message, the save error, or the screen's key hints. */
static void draw_status(const struct app *a)
{
	const struct theme *t = &a->theme;
	const struct session *s = a->s;
	char buf[400];
	const char *text = "";
	enum tui_attr at = AT_STATUS;
	if (a->msg[0]) {
		text = a->msg;
		at = a->msg_error ? AT_ERROR : AT_KEY;
	} else if (s->save_err[0]) {
		snprintf(buf, sizeof buf, _("Not saved: %s (retrying; your answers are kept)"), s->save_err);
		text = buf;
		at = AT_ERROR;
	} else if (app_top(a)) {
		text = keys_hints(app_top(a)->ops->kind, a->key_contexts, top_offers, a, COLS - 2, buf, sizeof buf);
	}
	theme_set(stdscr, t, at);
	if (text == a->msg || text == buf) {
		draw_wrapped_status(a, text);
	} else {
		draw_str(stdscr, t, LINES - 1, 1, COLS - 2, text, DRAW_ELLIPSIS);
	}
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_too_small(const struct app *a)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("The window is too small (%dx%d): peil needs at least %dx%d. Make it larger, or press q to quit."),
	         COLS, LINES, APP_MIN_COLS, APP_MIN_LINES);
	struct span lines[16];
	int w = COLS > 4 ? COLS - 2 : COLS;
	int n = draw_wrap(&a->theme, buf, w, lines, 16);
	if (n > 16)
		n = 16;
	int y0 = LINES > n ? (LINES - n) / 2 : 0;
	theme_set(stdscr, &a->theme, AT_HEADING);
	for (int i = 0; i < n && y0 + i < LINES; i++)
		draw_text(stdscr, &a->theme, y0 + i, 1, w, buf + lines[i].off, lines[i].len, 0);
	theme_set(stdscr, &a->theme, AT_NORMAL);
}

/* The terminal cursor in the top screen's text field, else hidden. */
static void place_cursor(struct app *a, struct screen *top)
{
	struct rect box;
	struct edit *e = top && top->ops->field ? top->ops->field(top, a, &box) : NULL;
	curs_set(e ? 1 : 0);
	if (!e)
		return;
	int y, x;
	edit_cursor(e, &a->theme, box, &y, &x);
	wmove(stdscr, y, x);
	wnoutrefresh(stdscr);
}

static void app_draw(struct app *a)
{
	werase(stdscr);
	struct screen *top = app_top(a);
	if (a->blank) {         /* a black projector: the room looks at each other */
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (a->too_small) {
		curs_set(0);
		draw_too_small(a);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_title(a);
	if (top)
		top->ops->draw(top, a, app_area(a));
	draw_status(a);
	wnoutrefresh(stdscr);
	place_cursor(a, top);
	doupdate();
}

static void app_resize(struct app *a)
{
	a->too_small = COLS < APP_MIN_COLS || LINES < APP_MIN_LINES;
	for (int i = 0; i < a->depth; i++)
		screen_fit(a, a->stack[i]);
}

static void quit(struct app *a)
{
	if (a->s->dirty && !session_save(a->s) && !a->quit_asked) {
		app_message(a, true, _("Press q again to quit without saving, or wait while peil retries (%s)."), a->s->save_err);
		a->quit_asked = true;
		return;
	}
	a->quit = true;
}

/* The global meaning of keys the top screen left alone. */
static int global_key(struct app *a, const struct screen *top, const struct tui_event *ev)
{
	enum screen_kind shows = keys_shows(ev->action);
	if (ev->action == ACT_HELP && top->ops->kind == SCREEN_HELP)
		return TUI_POP;
	if (shows != SCREEN_NONE) {
		tui_show(a, shows);
		return TUI_HANDLED;
	}
	switch (ev->action) {
	case ACT_QUIT:
		quit(a);
		return TUI_HANDLED;
	case ACT_LANG:
		/* The questionnaire's texts and, where translated, our own. */
		a->s->lang = response_text_lang(a->s->r, (qn_lang_base(a->s->q, a->s->lang) + 1) % a->s->q->nlangs);
		free(i18n_use(a->s->q->langs[a->s->lang]));
		app_message(a, false, _("Language: %s"), a->s->q->langs[a->s->lang]);
		return TUI_HANDLED;
	case ACT_BACK:
		if (a->depth > 1)
			return TUI_POP;
		app_message(a, false, "%s", _("Press q to quit: every answer is saved."));
		return TUI_HANDLED;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return TUI_HANDLED;
	case ACT_UNDO:
		return tui_undo(a);
	case ACT_ABOUT:
		app_push(a, form_about_new(a));
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}



static void dispatch(struct app *a, const struct tui_event *ev)
{
	struct screen *top = app_top(a);
	int f = a->global ? a->global(a, a->hook_ctx, ev) : TUI_UNHANDLED;
	if (f == TUI_UNHANDLED && top->ops->handle)
		f = top->ops->handle(top, a, ev);
	if (f == TUI_UNHANDLED)
		f = screen_left_key(a, top, ev);
	if (!(f & (TUI_HANDLED | TUI_POP | TUI_QUIT)))
		f |= global_key(a, top, ev);
	if (f & TUI_CHANGED)
		app_save(a);
	if (f & TUI_POP)
		app_remove(a, top);
	if (f & TUI_QUIT)
		a->quit = true;
}

/* Turns what wget_wch returned into an event; false to ignore it. */
static bool make_event(struct app *a, int rc, wint_t ch, struct tui_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->key = (int)ch;
	ev->fkey = rc == KEY_CODE_YES;
	if (ev->fkey && ch == KEY_MOUSE) {
		MEVENT me;
		if (getmouse(&me) != OK)
			return false;
		if (me.bstate & BUTTON4_PRESSED)
			ev->action = ACT_UP;
		else if (me.bstate & BUTTON5_PRESSED)
			ev->action = ACT_DOWN;
		else if (me.bstate & BUTTON1_PRESSED)
			ev->action = ACT_CLICK;
		else
			return false;
		ev->y = me.y;
		ev->x = me.x;
		return true;
	}
	ev->action = keys_action(app_top(a) ? app_top(a)->ops->kind : SCREEN_NONE, a->key_contexts,
	                         ev->key, ev->fkey, &ev->n);
	return true;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

enum { KEY_WOKEN = -2 };       /* not a key: the wake source had events */

/* The next key as wget_wch gives it (ERR after 200 ms without one), or
 * KEY_WOKEN when the wake source had events first. Keys that curses has
 * read ahead come before anything else. */
static int wait_key(struct app *a, wint_t *ch)
{
	if (!a->wake)
		return script_key(stdscr, ch);
	wtimeout(stdscr, 0);
	int rc = script_key(stdscr, ch);
	wtimeout(stdscr, 200);
	if (rc != ERR)
		return rc;
	struct pollfd p[2] = { { .fd = fileno(stdin), .events = POLLIN }, { .fd = a->wake_fd, .events = POLLIN } };
	int n = poll(p, 2, 200);
	if (n > 0 && (p[1].revents & POLLIN)) {
		int f = a->wake(a, a->wake_ctx);
		if (f & TUI_CHANGED)
			app_save(a);
		return KEY_WOKEN;
	}
	return n > 0 ? script_key(stdscr, ch) : ERR;
}

/* Input from the terminal that has not been read yet. */
static bool keys_waiting(void)
{
	if (script_wanted())
		return false;
	struct pollfd p = { .fd = fileno(stdin), .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN) && !(p.revents & (POLLHUP | POLLERR));
}

/* Before a signal ends the session: every screen stores what is being
 * typed (a note), then one save. */
static void commit_all(struct app *a)
{
	int f = 0;
	for (int i = a->depth - 1; i >= 0; i--)
		if (a->stack[i]->ops->commit)
			f |= a->stack[i]->ops->commit(a->stack[i], a);
	if (f & TUI_CHANGED)
		app_save(a);
}

void app_run(struct app *a)
{
	bool redraw = true;
	int fast_errors = 0;    /* input gone without a SIGHUP: stop, don't spin */
	app_resize(a);
	while (!a->quit && a->depth > 0) {
		if (got_signal) {
			a->signo = got_signal;
			commit_all(a);
			break;
		}
		/* Keys already waiting (a paste) are all taken before the next
		 * draw: one frame for 20,000 characters, not 20,000 frames. */
		if (redraw && !keys_waiting()) {
			app_draw(a);
			redraw = false;
		}
		wint_t ch;
		double t0 = now_ms();
		int rc = wait_key(a, &ch);
		if (rc == KEY_WOKEN) {
			redraw = true;
			continue;
		}
		if (rc == SCRIPT_TICK || (rc == ERR && a->tick)) {
			if (a->tick && (a->tick(a, a->hook_ctx) & TUI_REDRAW))
				redraw = true;
			if (rc == SCRIPT_TICK)
				continue;
		}
		if (rc == ERR) {
			fast_errors = errno != EINTR && now_ms() - t0 < 20 ? fast_errors + 1 : 0;
			if (fast_errors > 100) {
				a->signo = SIGHUP;
				break;
			}
			if (a->s->dirty && time(NULL) >= a->retry_at) {
				app_save(a);
				redraw = true;
			}
			continue;
		}
		fast_errors = 0;
		redraw = true;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			app_resize(a);
			continue;
		}
		struct tui_event ev;
		if (!make_event(a, rc, ch, &ev))
			continue;
		a->msg[0] = '\0';
		if (a->too_small) {
			if (ev.action == ACT_QUIT)
				quit(a);
			continue;
		}
		dispatch(a, &ev);
	}
	if (a->s->dirty)
		session_save(a->s);
}
