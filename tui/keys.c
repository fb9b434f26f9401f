/* The key table. Adding a binding here adds it to the help screen too. */
#include "tui/keys.h"

#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

struct binding {
	enum keys_context ctx;
	int key;
	bool fkey;
	enum tui_action action;
	const char *name;       /* shown in help; NULL: not listed separately */
};

static const struct binding bindings[] = {
	{ KEYS_MAIN, KEY_UP, true, ACT_UP, N_("Up") },
	{ KEYS_MAIN, 'k', false, ACT_UP, "k" },
	{ KEYS_MAIN, KEY_DOWN, true, ACT_DOWN, N_("Down") },
	{ KEYS_MAIN, 'j', false, ACT_DOWN, "j" },
	{ KEYS_MAIN, KEY_HOME, true, ACT_HOME, N_("Home") },
	{ KEYS_MAIN, 'g', false, ACT_HOME, "g" },
	{ KEYS_MAIN, KEY_END, true, ACT_END, N_("End") },
	{ KEYS_MAIN, 'G', false, ACT_END, "G" },
	{ KEYS_MAIN, '\n', false, ACT_CHOOSE, N_("Enter") },
	{ KEYS_MAIN, '\r', false, ACT_CHOOSE, NULL },
	{ KEYS_MAIN, KEY_ENTER, true, ACT_CHOOSE, NULL },
	{ KEYS_MAIN, ' ', false, ACT_CHOOSE, N_("Space") },
	{ KEYS_MAIN, '1', false, ACT_CHOOSE_N, "1-9" },
	{ KEYS_MAIN, 'n', false, ACT_NA, "n" },
	{ KEYS_MAIN, 'u', false, ACT_UNKNOWN, "u" },
	{ KEYS_MAIN, KEY_BACKSPACE, true, ACT_CLEAR, N_("Backspace") },
	{ KEYS_MAIN, KEY_DC, true, ACT_CLEAR, N_("Delete") },
	{ KEYS_MAIN, 127, false, ACT_CLEAR, NULL },
	{ KEYS_MAIN, CTRL('H'), false, ACT_CLEAR, NULL },
	{ KEYS_MAIN, KEY_RIGHT, true, ACT_NEXT, N_("Right") },
	{ KEYS_MAIN, KEY_NPAGE, true, ACT_NEXT, N_("PgDn") },
	{ KEYS_MAIN, KEY_LEFT, true, ACT_PREV, N_("Left") },
	{ KEYS_MAIN, KEY_PPAGE, true, ACT_PREV, N_("PgUp") },
	{ KEYS_MAIN, '\t', false, ACT_NEXT_OPEN, N_("Tab") },
	{ KEYS_MAIN, 'e', false, ACT_NOTE, "e" },
	{ KEYS_MAIN, 'i', false, ACT_INFO, "i" },
	{ KEYS_MAIN, 'o', false, ACT_OVERVIEW, "o" },
	{ KEYS_MAIN, 'r', false, ACT_RESULTS, "r" },
	{ KEYS_MAIN, 'x', false, ACT_EXPORT, "x" },
	{ KEYS_MAIN, 'L', false, ACT_LANG, "L" },
	{ KEYS_MAIN, '?', false, ACT_HELP, "?" },
	{ KEYS_MAIN, KEY_F(1), true, ACT_HELP, "F1" },
	{ KEYS_MAIN, ESC, false, ACT_BACK, N_("Esc") },
	{ KEYS_MAIN, 'q', false, ACT_QUIT, "q" },
	{ KEYS_MAIN, CTRL('L'), false, ACT_REDRAW, N_("Ctrl-L") },
	{ KEYS_MAIN, 't', false, ACT_TARGET, N_("t, then 1-9") },
	{ KEYS_MAIN, 'a', false, ACT_ADD_ACTION, "a" },
	{ KEYS_MAIN, 'p', false, ACT_PLAN, "p" },
	{ KEYS_MAIN, 'E', false, ACT_EDIT, "E" },
	{ KEYS_MAIN, 'D', false, ACT_ACTION_DONE, "D" },
	{ KEYS_MAIN, 'S', false, ACT_ACTION_OPEN, "S" },
	{ KEYS_MAIN, 'X', false, ACT_ACTION_DROP, "X" },
	{ KEYS_TEXT, ESC, false, ACT_DONE, N_("Esc") },
	{ KEYS_TEXT, KEY_F(2), true, ACT_DONE, "F2" },
	{ KEYS_TEXT, CTRL('G'), false, ACT_CANCEL, N_("Ctrl-G") },
	{ KEYS_TEXT, '\t', false, ACT_NEXT_FIELD, N_("Tab") },
	{ KEYS_TEXT, KEY_BTAB, true, ACT_PREV_FIELD, N_("Shift-Tab") },
	{ KEYS_TEXT, KEY_F(1), true, ACT_HELP, "F1" },
	{ KEYS_TEXT, CTRL('L'), false, ACT_REDRAW, N_("Ctrl-L") },
	{ KEYS_WORKSHOP, 'l', false, ACT_LIST, "l" },
	{ KEYS_WORKSHOP, 'o', false, ACT_LIST, "o" },
	{ KEYS_VOTING, 'v', false, ACT_VOTE, N_("v, then 1-9") },
	{ KEYS_VOTING, '!', false, ACT_VOTE_N, N_("Shift-1-9") },
	{ KEYS_VOTING, 'z', false, ACT_UNVOTE, "z" },
	{ KEYS_VOTING, 'R', false, ACT_REVEAL, "R" },
	{ KEYS_VOTING, 'N', false, ACT_REOPEN, "N" },
	{ KEYS_VOTING, 'J', false, ACT_JOIN, "J" },
};
enum { NBINDINGS = sizeof bindings / sizeof *bindings };

/* What each action does, in the order of the help screen. */
struct action_help {
	enum keys_context ctx;
	enum tui_action action;
	const char *text;       /* N_() */
};

static const struct action_help help[] = {
	{ KEYS_WORKSHOP, ACT_NONE, N_("Workshop") },
	{ KEYS_VOTING, ACT_VOTE, N_("a vote from the room for a level (on a question)") },
	{ KEYS_VOTING, ACT_VOTE_N, N_("the same in one key (Shift-1 is ! on a US keyboard)") },
	{ KEYS_VOTING, ACT_UNVOTE, N_("take back the last vote on this question") },
	{ KEYS_VOTING, ACT_REVEAL, N_("reveal the votes now (closes voting on this question)") },
	{ KEYS_VOTING, ACT_REOPEN, N_("vote again after the discussion: a new round") },
	{ KEYS_VOTING, ACT_JOIN, N_("the join address and its QR code for phones (--serve)") },
	{ KEYS_WORKSHOP, ACT_LIST, N_("the list of questions and the decisions taken") },
	{ KEYS_MAIN, ACT_NONE, N_("Answering") },
	{ KEYS_MAIN, ACT_UP, N_("highlight the previous answer (or line)") },
	{ KEYS_MAIN, ACT_DOWN, N_("highlight the next answer (or line)") },
	{ KEYS_MAIN, ACT_CHOOSE, N_("choose the highlighted answer and go on; confirms a carried-over answer") },
	{ KEYS_MAIN, ACT_CHOOSE_N, N_("choose the n-th answer in level order and go on") },
	{ KEYS_MAIN, ACT_NA, N_("not applicable, and go on") },
	{ KEYS_MAIN, ACT_UNKNOWN, N_("don't know, and go on") },
	{ KEYS_MAIN, ACT_CLEAR, N_("clear the answer: the question is open again") },
	{ KEYS_MAIN, ACT_NOTE, N_("edit the note and evidence") },
	{ KEYS_MAIN, ACT_INFO, N_("show or hide the explanation of the question") },
	{ KEYS_MAIN, ACT_NONE, N_("Moving") },
	{ KEYS_MAIN, ACT_NEXT, N_("next question (next page in lists)") },
	{ KEYS_MAIN, ACT_PREV, N_("previous question (previous page in lists)") },
	{ KEYS_MAIN, ACT_NEXT_OPEN, N_("next open (or unconfirmed) question, wrapping around") },
	{ KEYS_MAIN, ACT_HOME, N_("first answer or line") },
	{ KEYS_MAIN, ACT_END, N_("last answer or line") },
	{ KEYS_MAIN, ACT_NONE, N_("Screens") },
	{ KEYS_MAIN, ACT_OVERVIEW, N_("overview of the domains") },
	{ KEYS_MAIN, ACT_RESULTS, N_("results: scores, targets and priorities") },
	{ KEYS_MAIN, ACT_EXPORT, N_("export a scorecard") },
	{ KEYS_MAIN, ACT_LANG, N_("switch the questionnaire's language") },
	{ KEYS_MAIN, ACT_HELP, N_("this help") },
	{ KEYS_MAIN, ACT_BACK, N_("back to the previous screen") },
	{ KEYS_MAIN, ACT_REDRAW, N_("redraw the screen") },
	{ KEYS_MAIN, ACT_QUIT, N_("quit (every answer is already saved)") },
	{ KEYS_MAIN, ACT_NONE, N_("Targets and the plan") },
	{ KEYS_MAIN, ACT_TARGET, N_("in the results: set the highlighted domain's target to the n-th level "
	                            "(Backspace removes it); then who decided it") },
	{ KEYS_MAIN, ACT_ADD_ACTION, N_("add an action for this question or priority, titled with its advice") },
	{ KEYS_MAIN, ACT_PLAN, N_("the improvement plan: actions by status, owner and due date") },
	{ KEYS_MAIN, ACT_EDIT, N_("in the results: who decided the targets, when and where") },
	{ KEYS_MAIN, ACT_ACTION_DONE, N_("a carried-over action shown with its question: it is done") },
	{ KEYS_MAIN, ACT_ACTION_OPEN, N_("... it is still open") },
	{ KEYS_MAIN, ACT_ACTION_DROP, N_("... drop it") },
	{ KEYS_TEXT, ACT_NONE, N_("Editing a note or a name") },
	{ KEYS_TEXT, ACT_DONE, N_("done: keep the text and go back") },
	{ KEYS_TEXT, ACT_CANCEL, N_("cancel: forget the changes") },
	{ KEYS_TEXT, ACT_NEXT_FIELD, N_("next field") },
	{ KEYS_TEXT, ACT_PREV_FIELD, N_("previous field") },
};
enum { NHELP = sizeof help / sizeof *help };

/* Shift+1..9 on a US keyboard: the votes in one key. */
static const char shifted_digits[] = "!@#$%^&*(";

enum tui_action keys_action(enum keys_context ctx, int key, bool fkey, int *n)
{
	if (n)
		*n = 0;
	if (ctx == KEYS_MAIN && !fkey && key >= '1' && key <= '9') {
		if (n)
			*n = key - '0';
		return ACT_CHOOSE_N;
	}
	const char *sh = ctx == KEYS_VOTING && !fkey && key > 0 && key < 128 ? strchr(shifted_digits, key) : NULL;
	if (sh) {
		if (n)
			*n = (int)(sh - shifted_digits) + 1;
		return ACT_VOTE_N;
	}
	for (int i = 0; i < NBINDINGS; i++)
		if (bindings[i].ctx == ctx && bindings[i].key == key && bindings[i].fkey == fkey)
			return bindings[i].action;
	return ACT_NONE;
}

/* True when an extra context in `contexts` takes key k from KEYS_MAIN. */
static bool taken(unsigned contexts, const struct binding *k)
{
	for (int c = KEYS_WORKSHOP; c < KEYS_NCONTEXTS; c++)
		if ((contexts & KEYS_BIT(c)) && keys_action(c, k->key, k->fkey, NULL) != ACT_NONE)
			return true;
	return false;
}

/* "Up, k" for one action: every named binding in table order. */
static void key_names(enum keys_context ctx, enum tui_action a, unsigned contexts, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < NBINDINGS; i++) {
		const struct binding *k = &bindings[i];
		if (k->ctx != ctx || k->action != a || !k->name || (ctx == KEYS_MAIN && taken(contexts, k)))
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", _(k->name));
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

void keys_help(keys_help_fn fn, void *ctx, unsigned contexts)
{
	char names[128];
	for (int i = 0; i < NHELP; i++) {
		if (!(contexts & KEYS_BIT(help[i].ctx)))
			continue;
		if (help[i].action == ACT_NONE) {
			fn(ctx, NULL, _(help[i].text));
			continue;
		}
		key_names(help[i].ctx, help[i].action, contexts, names, sizeof names);
		if (names[0])
			fn(ctx, names, _(help[i].text));
	}
}
