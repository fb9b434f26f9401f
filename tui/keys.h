/* Screens, actions and keys, generated from the tables in tui/table.h:
 * the enums, the bindings, the help screen's lines and the footer hints.
 *
 * Screens never look at raw key codes for commands: they get an action,
 * looked up for the screen on top. Text fields (the note editor, the
 * organisation prompt, the export dialog) get their own actions and the
 * raw key for everything else. */
#ifndef PEIL_TUI_KEYS_H
#define PEIL_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/table.h"

#define SCREEN_ENUM_(name, open, text, title) SCREEN_##name,
enum screen_kind {
	SCREEN_NONE = -1,
	TUI_SCREENS(SCREEN_ENUM_)
	SCREEN_COUNT
};
#undef SCREEN_ENUM_

#define ACTION_ENUM_(name, mode, screens, keys, hint, help, shows) ACT_##name,
#define SECTION_ENUM_(title)
enum tui_action {
	ACT_NONE,
	TUI_ACTIONS(ACTION_ENUM_, SECTION_ENUM_)
	ACT_CLICK,              /* a mouse click: see tui_event.y/x */
	ACT_COUNT
};
#undef ACTION_ENUM_
#undef SECTION_ENUM_

/* Where keys are bound: every session, and the extras of `peil workshop`
 * (app.key_contexts), which are looked up first. */
enum keys_context {
	KEYS_MAIN,
	KEYS_WORKSHOP,          /* every workshop session */
	KEYS_VOTING,            /* votes in the room (live mode) */
	KEYS_NCONTEXTS
};
#define KEYS_BIT(ctx) (1u << (ctx))

/* One key press as the screens see it. */
struct tui_event {
	enum tui_action action; /* for the screen on top; ACT_NONE: none */
	int key;                /* the wide character, or a KEY_* code */
	bool fkey;              /* true: key is a KEY_* code */
	int n;                  /* DIGITS and SHIFTED keys: 1..9 */
	int y, x;               /* ACT_CLICK: screen cell */
};

/* The action of a key on a screen of that kind, with the key contexts in
 * `contexts` (KEYS_BIT()s; KEYS_MAIN is always in use); ACT_NONE if
 * unbound there. n (may be NULL) gets 1..9 for the digit keys. */
enum tui_action keys_action(enum screen_kind kind, unsigned contexts, int key, bool fkey, int *n);

/* The context an action is bound in (KEYS_MAIN for ACT_NONE). */
enum keys_context keys_context_of(enum tui_action a);
/* The screen an action brings up (SCREEN_NONE: the screens handle it). */
enum screen_kind keys_shows(enum tui_action a);
/* What the help screen calls a screen kind (the table's TITLE). */
const char *screen_title(enum screen_kind kind);        /* translated */

/* The help screen's lines for a screen of that kind: first the actions of
 * that screen, then those that work everywhere, by section. Calls fn once
 * per heading (keys NULL) and once per action with its keys that work
 * there ("Up, k") and its description, both translated. */
typedef void (*keys_help_fn)(void *ctx, const char *keys, const char *text);
void keys_help(enum screen_kind kind, unsigned contexts, keys_help_fn fn, void *ctx);

/* The footer of a screen of that kind in `cols` columns: "KEY label" for
 * each hinted action that works there, two spaces apart: help first, then
 * the screen's own actions, then those that work everywhere, quit last;
 * the ones that work everywhere, then the screen's own, are left out when
 * they do not fit (translated). live(ctx, action), when not NULL, leaves
 * out an action that does nothing there just now. Returns buf. */
typedef bool (*keys_live_fn)(const void *ctx, enum tui_action a);
char *keys_hints(enum screen_kind kind, unsigned contexts, keys_live_fn live, const void *ctx, int cols, char *buf,
                 size_t len);

#endif
