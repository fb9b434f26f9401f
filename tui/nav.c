/* Moving between screens without piling them up: a screen kind already
 * on the stack is brought back instead of opened again. */
#include "tui/screens.h"

void tui_show(struct app *a, enum screen_kind kind)
{
	if (app_raise(a, kind))
		return;
	struct screen *sc;
	switch (kind) {
	case SCREEN_OVERVIEW:
		/* The overview is the bottom of the stack when it exists. */
		sc = screen_overview_new(a);
		break;
	case SCREEN_RESULTS:
		sc = screen_results_new(a);
		break;
	case SCREEN_HELP:
		sc = screen_help_new(a);
		break;
	case SCREEN_EXPORT:
		sc = screen_export_new(a);
		break;
	case SCREEN_PLAN:
		sc = screen_plan_new(a);
		break;
	default:
		return;
	}
	app_push(a, sc);
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
