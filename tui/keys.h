/* Keys to actions, from one table that also produces the help screen.
 *
 * Screens never look at raw key codes for commands: they get an action.
 * Text fields (the note editor, the organisation prompt) take the raw key
 * and ask for the KEYS_TEXT action only for the few keys that end editing. */
#ifndef PEIL_TUI_KEYS_H
#define PEIL_TUI_KEYS_H

#include <stdbool.h>

enum tui_action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_HOME, ACT_END,
	ACT_CHOOSE, ACT_CHOOSE_N, ACT_NA, ACT_UNKNOWN, ACT_CLEAR,
	ACT_NEXT, ACT_PREV, ACT_NEXT_OPEN,
	ACT_NOTE, ACT_INFO, ACT_OVERVIEW, ACT_RESULTS, ACT_EXPORT, ACT_LANG,
	ACT_HELP, ACT_BACK, ACT_QUIT, ACT_REDRAW,
	/* text fields */
	ACT_DONE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD,
	ACT_CLICK,              /* a mouse click: see tui_event.y/x */
	/* peil workshop */
	ACT_LIST, ACT_VOTE, ACT_VOTE_N, ACT_UNVOTE,
	ACT_REVEAL, ACT_REOPEN, ACT_JOIN,       /* votes in the room, from phones too */
	/* targets and the improvement plan */
	ACT_TARGET, ACT_ADD_ACTION, ACT_PLAN, ACT_EDIT,
	ACT_ACTION_DONE, ACT_ACTION_OPEN, ACT_ACTION_DROP,
};

enum keys_context {
	KEYS_MAIN,              /* every screen without a text field */
	KEYS_TEXT,              /* while a text field has the cursor */
	/* Extra keys of `peil workshop`: where in use (app.key_contexts), they
	 * are looked up before KEYS_MAIN and the help screen lists them. */
	KEYS_WORKSHOP,          /* every workshop session */
	KEYS_VOTING,            /* votes in the room (live mode) */
	KEYS_NCONTEXTS
};
#define KEYS_BIT(ctx) (1u << (ctx))

/* One key press as the screens see it. */
struct tui_event {
	enum tui_action action; /* for KEYS_MAIN; ACT_NONE when the key has none */
	int key;                /* the wide character, or a KEY_* code */
	bool fkey;              /* true: key is a KEY_* code */
	int n;                  /* ACT_CHOOSE_N, ACT_VOTE_N: 1..9 */
	int y, x;               /* ACT_CLICK: screen cell */
};

/* The action of a key in a context (ACT_NONE if unbound). */
enum tui_action keys_action(enum keys_context ctx, int key, bool fkey, int *n);

/* The help screen's lines for the contexts in `contexts` (KEYS_BIT()s):
 * calls fn once per section heading (key NULL) and once per action with
 * its keys ("Up, k") and description, both translated. A KEYS_MAIN key
 * that an extra context in `contexts` binds otherwise is left out (and
 * with it an action left without keys). */
typedef void (*keys_help_fn)(void *ctx, const char *keys, const char *text);
void keys_help(keys_help_fn fn, void *ctx, unsigned contexts);

#endif
