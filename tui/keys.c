/* The bindings, the help screen's lines and the footer hints, all read
 * from the one table in tui/table.h. Nothing here calls curses: its key
 * codes are constants, so tests/unit/test_keys.c checks the table alone. */
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

enum {
	KF_FKEY = 1 << 0,       /* a KEY_* code */
	KF_TEXT = 1 << 1,       /* also where a text field has the keys */
	KF_DIGITS = 1 << 2,     /* 1..9 */
	KF_SHIFTED = 1 << 3,    /* Shift-1..9 on a US keyboard */
};
enum { MAX_KEYS = 6 };

struct key {
	int code;
	unsigned flags;
	const char *name;       /* N_(); NULL: bound, not listed */
};

struct row {
	enum tui_action action; /* ACT_NONE: a section heading */
	enum keys_context ctx;
	unsigned screens;
	struct key keys[MAX_KEYS];
	const char *hint, *help, *section;
	enum screen_kind shows;
};

#define K(c, name) { (c), 0, (name) }
#define KT(c, name) { (c), KF_TEXT, (name) }
#define F(c, name) { (c), KF_FKEY, (name) }
#define FT(c, name) { (c), KF_FKEY | KF_TEXT, (name) }
#define DIGITS(name) { '1', KF_DIGITS, (name) }
#define SHIFTED(name) { '!', KF_SHIFTED, (name) }
#define SCR(kind) (1u << SCREEN_##kind)
#define SCR_BIT_(kind) (1u << (kind))
#define ANY (~0u)
#define KEYLIST(...) { __VA_ARGS__ }
#define ROW_(name, mode, scr, keys, hint, help, shows) \
	{ ACT_##name, KEYS_##mode, (scr), KEYLIST keys, (hint), (help), NULL, SCREEN_##shows },
#define SECTION_(title) { ACT_NONE, KEYS_MAIN, 0, { { 0, 0, NULL } }, NULL, NULL, (title), SCREEN_NONE },

static const struct row rows[] = { TUI_ACTIONS(ROW_, SECTION_) };
enum { NROWS = sizeof rows / sizeof *rows };

#define SCREEN_ROW_(name, open, text, title) { (text), (title) },
static const struct { bool text; const char *title; } screens[] = { TUI_SCREENS(SCREEN_ROW_) };

/* Shift+1..9 on a US keyboard: the votes in one key. */
static const char shifted_digits[] = "!@#$%^&*(";

/* The table's TEXT: a text field has the keys. */
static bool screen_is_text(enum screen_kind kind)
{
	return kind >= 0 && kind < SCREEN_COUNT && screens[kind].text;
}

const char *screen_title(enum screen_kind kind)
{
	return kind >= 0 && kind < SCREEN_COUNT ? _(screens[kind].title) : "";
}

static const struct row *row_of(enum tui_action a)
{
	for (int i = 0; i < NROWS; i++)
		if (rows[i].action == a && a != ACT_NONE)
			return &rows[i];
	return NULL;
}

enum keys_context keys_context_of(enum tui_action a)
{
	const struct row *r = row_of(a);
	return r ? r->ctx : KEYS_MAIN;
}

enum screen_kind keys_shows(enum tui_action a)
{
	const struct row *r = row_of(a);
	return r ? r->shows : SCREEN_NONE;
}

/* True when row r is in use on a screen of that kind. */
static bool row_applies(const struct row *r, enum screen_kind kind, unsigned contexts)
{
	return r->action != ACT_NONE && kind >= 0 && (r->screens & SCR_BIT_(kind)) &&
	       ((contexts | KEYS_BIT(KEYS_MAIN)) & KEYS_BIT(r->ctx));
}

/* True when key k of row r is live there: a text field takes every key
 * but the screen's own and the text-safe ones. */
static bool key_live(const struct row *r, const struct key *k, enum screen_kind kind)
{
	return !screen_is_text(kind) || r->screens != ANY || (k->flags & KF_TEXT);
}

static bool key_matches(const struct key *k, int code, bool fkey, int *n)
{
	if (k->flags & KF_DIGITS) {
		if (fkey || code < '1' || code > '9')
			return false;
		*n = code - '0';
		return true;
	}
	if (k->flags & KF_SHIFTED) {
		const char *sh = !fkey && code > 0 && code < 128 ? strchr(shifted_digits, code) : NULL;
		if (!sh)
			return false;
		*n = (int)(sh - shifted_digits) + 1;
		return true;
	}
	return k->code == code && fkey == ((k->flags & KF_FKEY) != 0) && (k->code || k->flags);
}

enum tui_action keys_action(enum screen_kind kind, unsigned contexts, int key, bool fkey, int *n)
{
	int digit = 0;
	for (int i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (!row_applies(r, kind, contexts))
			continue;
		for (int j = 0; j < MAX_KEYS && (r->keys[j].code || r->keys[j].flags); j++)
			if (key_live(r, &r->keys[j], kind) && key_matches(&r->keys[j], key, fkey, &digit)) {
				if (n)
					*n = digit;
				return r->action;
			}
	}
	if (n)
		*n = 0;
	return ACT_NONE;
}

/* "Up, k": the listed keys of row r that do r's action there (a key an
 * earlier row takes is left out). */
static void key_names(const struct row *r, enum screen_kind kind, unsigned contexts, char *buf, size_t len,
                      bool first_only)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int j = 0; j < MAX_KEYS && (r->keys[j].code || r->keys[j].flags); j++) {
		const struct key *k = &r->keys[j];
		if (!k->name || !key_live(r, k, kind) ||
		    keys_action(kind, contexts, k->code, (k->flags & KF_FKEY) != 0, NULL) != r->action)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", _(k->name));
		if (w < 0 || (size_t)w >= len - used || first_only)
			break;
		used += (size_t)w;
	}
}

void keys_help(enum screen_kind kind, unsigned contexts, keys_help_fn fn, void *ctx)
{
	char names[128];
	bool headed = false;
	for (int i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (r->screens == ANY || !row_applies(r, kind, contexts))
			continue;
		key_names(r, kind, contexts, names, sizeof names, false);
		if (!names[0])
			continue;
		if (!headed)
			fn(ctx, NULL, screen_title(kind));
		headed = true;
		fn(ctx, names, _(r->help));
	}
	const char *section = NULL;
	for (int i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (r->action == ACT_NONE) {
			section = r->section;
			continue;
		}
		if (r->screens != ANY || !row_applies(r, kind, contexts))
			continue;
		key_names(r, kind, contexts, names, sizeof names, false);
		if (!names[0])
			continue;
		if (section)
			fn(ctx, NULL, _(section));
		section = NULL;
		fn(ctx, names, _(r->help));
	}
}

/* "KEY hint" for row r into buf, if it is hinted and live there. */
static bool hint_of(const struct row *r, enum screen_kind kind, unsigned contexts, char *buf, size_t len)
{
	char name[32];
	if (!r->hint || !row_applies(r, kind, contexts) || r->shows == kind)
		return false;
	key_names(r, kind, contexts, name, sizeof name, true);
	if (!name[0])
		return false;
	snprintf(buf, len, "%s %s", name, _(r->hint));
	return true;
}

/* Columns of a hint (code points: the labels have no wide characters). */
static int cols_of(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *keys_hints(enum screen_kind kind, unsigned contexts, keys_live_fn live, const void *ctx, int cols, char *buf,
                 size_t len)
{
	enum { MAX_HINTS = 24 };
	char item[MAX_HINTS][96];
	int rank[MAX_HINTS], n = 0, width = 0;
	/* Help first and quit last stay; the screen's own actions come next,
	 * and what works everywhere gives way first when the window is narrow. */
	for (int pass = 0; pass < 4; pass++)
		for (int i = 0; i < NROWS && n < MAX_HINTS; i++) {
			const struct row *r = &rows[i];
			int which = r->shows == SCREEN_HELP ? 0 : r->action == ACT_QUIT ? 3 : r->screens != ANY ? 1 : 2;
			if (which == pass && (!live || live(ctx, r->action)) &&
			    hint_of(r, kind, contexts, item[n], sizeof item[n])) {
				rank[n] = pass == 0 || pass == 3 ? 3 : pass == 1 ? 2 : 1;
				width += cols_of(item[n]) + (n ? 2 : 0);
				n++;
			}
		}
	for (int drop = 1; drop <= 2 && width > cols; drop++)
		for (int i = n - 1; i >= 0 && width > cols; i--)
			if (rank[i] == drop) {
				width -= cols_of(item[i]) + 2;
				rank[i] = 0;
			}
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		if (rank[i]) {
			int w = snprintf(buf + used, len - used, "%s%s", used ? "  " : "", item[i]);
			used = w < 0 ? used : used + (size_t)w < len ? used + (size_t)w : len - 1;
		}
	return buf;
}
