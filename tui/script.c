/* PEIL_SCRIPT: keys from a file instead of the keyboard, after tig's
 * TIG_SCRIPT. Tests feed the real event loop a script and dump the screen
 * at the moments they want to check, without a terminal emulator and
 * without waiting: every key is handled, saved and drawn before the next
 * one is read. See script.h for the format. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "tui/script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static FILE *script;            /* NULL: keys come from the terminal */
static const char *script_name;
static char line[4096];
static const char *pos;         /* the next key on `line`, or NULL */
static unsigned lineno;
static double waited;           /* seconds added by `:wait` */

static const struct { const char *name; int key; bool fkey; } names[] = {
	{ "Enter", '\r', false }, { "Esc", 27, false }, { "Tab", '\t', false },
	{ "Space", ' ', false }, { "lt", '<', false }, { "BS", 127, false },
	{ "S-Tab", KEY_BTAB, true }, { "Up", KEY_UP, true }, { "Down", KEY_DOWN, true },
	{ "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true }, { "Home", KEY_HOME, true },
	{ "End", KEY_END, true }, { "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Del", KEY_DC, true }, { "Backspace", KEY_BACKSPACE, true },
};

bool script_open(char *err, size_t errlen)
{
	if (!script_wanted())
		return true;
	const char *path = getenv("PEIL_SCRIPT");
	script = fopen(path, "r");
	if (!script) {
		snprintf(err, errlen, "PEIL_SCRIPT: %s: %s", path, strerror(errno));
		return false;
	}
	script_name = path;
	lineno = 0;
	pos = NULL;
	return true;
}

void script_close(void)
{
	if (script)
		fclose(script);
	script = NULL;
}

bool script_wanted(void)
{
	const char *path = getenv("PEIL_SCRIPT");
	return path && *path;
}

/* A mistake in a script is the test's: say where, and stop reading it. */
static int script_error(const char *what)
{
	fprintf(stderr, "%s:%u: %s\n", script_name, lineno, what);
	script_close();
	return ERR;
}

/* The screen as the terminal shows it (curscr), as UTF-8 text without
 * trailing blanks, one line per row. */
static bool dump_screen(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	wchar_t row[1024];
	char out[4 * 1024 + 1];
	int w = COLS < 1023 ? COLS : 1023;
	for (int y = 0; y < LINES; y++) {
		int n = mvwinnwstr(curscr, y, 0, row, w);
		row[n > 0 ? n : 0] = L'\0';
		size_t len = wcstombs(out, row, sizeof out - 1);
		if (len == (size_t)-1)
			len = 0;
		while (len > 0 && out[len - 1] == ' ')
			len--;
		fprintf(f, "%.*s\n", (int)len, out);
	}
	return fclose(f) == 0;
}

enum { NO_KEY = -2 };   /* neither OK, KEY_CODE_YES nor ERR */

/* `:name args`: NO_KEY, ERR, or the key it makes (resize, click). */
static int command(const char *cmd, wint_t *ch)
{
	int a, b;
	char path[4096];
	if (sscanf(cmd, "screen %4095[^\n]", path) == 1) {
		if (!dump_screen(path))
			return script_error("cannot write the screen to that file");
		return NO_KEY;
	}
	if (sscanf(cmd, "resize %d %d", &a, &b) == 2 && a > 0 && b > 0) {
		resizeterm(b, a);
		*ch = KEY_RESIZE;
		return KEY_CODE_YES;
	}
	double secs;
	if (sscanf(cmd, "wait %lf", &secs) == 1 && secs >= 0 && secs < 1e7) {
		waited += secs;
		return SCRIPT_TICK;
	}
	if (sscanf(cmd, "click %d %d", &a, &b) == 2) {
		MEVENT me = { .y = a, .x = b, .bstate = BUTTON1_PRESSED };
		ungetmouse(&me);
		*ch = KEY_MOUSE;
		return KEY_CODE_YES;
	}
	return script_error("unknown command");
}

/* The key at pos, `<Name>`, `<C-x>`, `<Fn>` or one UTF-8 character. */
static int next_key(wint_t *ch)
{
	if (*pos == '<' && pos[1] != '\0') {
		const char *end = strchr(pos, '>');
		if (!end)
			return script_error("'<' without '>' (write <lt> for '<')");
		int len = (int)(end - pos - 1), n;
		const char *name = pos + 1;
		pos = end + 1;
		if (len == 3 && !strncmp(name, "C-", 2)) {
			*ch = (wint_t)(name[2] & 0x1f);
			return OK;
		}
		if (sscanf(name, "F%d", &n) == 1 && n >= 1 && n <= 12) {
			*ch = (wint_t)KEY_F(n);
			return KEY_CODE_YES;
		}
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if ((int)strlen(names[i].name) == len && !strncmp(name, names[i].name, (size_t)len)) {
				*ch = (wint_t)names[i].key;
				return names[i].fkey ? KEY_CODE_YES : OK;
			}
		return script_error("unknown key name");
	}
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, pos, strlen(pos), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
		return script_error("not a UTF-8 character");
	pos += n;
	*ch = (wint_t)wc;
	return OK;
}

/* The script's next key, running the commands before it. */
static int script_next(wint_t *ch)
{
	int rc = NO_KEY;
	while (script && rc == NO_KEY) {
		if (pos && *pos) {
			rc = next_key(ch);
			continue;
		}
		if (!fgets(line, sizeof line, script)) {
			script_close();
			return ERR;
		}
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		pos = NULL;
		if (line[0] == ':')
			rc = command(line + 1, ch);
		else if (line[0] != '#')
			pos = line;
	}
	return rc == NO_KEY ? ERR : rc;
}

double script_clock(void)
{
	if (script_wanted())
		return waited;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

time_t script_time(void)
{
	if (!script_wanted())
		return time(NULL);
	const char *e = getenv("SOURCE_DATE_EPOCH");
	return (time_t)(e ? strtoll(e, NULL, 10) : 0) + (time_t)waited;
}

int script_key(WINDOW *w, wint_t *ch)
{
	int rc = script ? script_next(ch) : ERR;
	return rc != ERR ? rc : wget_wch(w, ch);
}
