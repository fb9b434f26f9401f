/* Moving between screens without piling them up: a screen kind already
 * on the stack is brought back instead of opened again. What opens a
 * screen of a kind comes from the screen table (tui/table.h). U (undo)
 * goes back to the question whose answer it puts back. */
#include "core/i18n.h"
#include "tui/screens.h"

#define OPEN_(name, open, text, title) open,
static struct screen *(*const open_screen[])(struct app *) = { TUI_SCREENS(OPEN_) };

void tui_show(struct app *a, enum screen_kind kind)
{
	if (kind < 0 || kind >= SCREEN_COUNT || app_raise(a, kind) || !open_screen[kind])
		return;
	app_push(a, open_screen[kind](a));
}

void tui_show_question(struct app *a, int qi)
{
	if (qi < 0)
		return;
	if (app_raise(a, SCREEN_QUESTION))
		screen_question_goto(app_top(a), a, qi);
	else
		app_push(a, screen_question_new(a, qi, a->question_hooks));
}

void tui_open_question(struct app *a, int qi)
{
	if (qi >= 0 && response_hidden(a->s->r, qi))
		app_message(a, false, "%s", _("This question is not asked because of an earlier answer."));
	else
		tui_show_question(a, qi);
}

/* U: the answer as it was before the last change, on its question. */
int tui_undo(struct app *a)
{
	struct session *s = a->s;
	int qi = s->undo_qi;
	if (qi < 0 || a->global) {      /* a workshop's decisions are its own */
		app_message(a, false, "%s", _("Nothing to undo."));
		return TUI_HANDLED;
	}
	response_restore_state(s->r, qi, &s->undo);
	s->undo_qi = -1;
	tui_show_question(a, qi);
	app_message(a, false, "%s", _("Undone: the answer is as it was before."));
	return TUI_HANDLED | TUI_CHANGED;
}
