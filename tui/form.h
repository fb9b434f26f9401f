/* A small form: labelled one-line fields, some with a list of choices,
 * for the decision on the targets and for an action of the plan.
 *
 * Enter saves (the form's done() checks the values and changes the
 * response through core/; the change is saved at once); Esc or Ctrl-G
 * leaves without saving. Tab, Shift-Tab, Up and Down move between fields;
 * Left and Right step through a field's choices while it is empty or
 * holds one of them (else they move the cursor), so a choice is two keys
 * and anything else can still be typed. */
#ifndef PEIL_TUI_FORM_H
#define PEIL_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

struct form_field {
	const char *label;              /* translated; borrowed */
	const char *value;              /* the starting text, or NULL; copied */
	const char *const *choices;     /* NULL-terminated, borrowed; or NULL */
	bool only_choices;              /* typing is not accepted */
	size_t max;                     /* most bytes; 0: 200 */
};

/* Checks and stores the values (values[i] for fields[i]). Returns NULL when
 * they were stored (the form closes), or a message for the status line
 * (the form stays open, on field *focus when done set it >= 0). */
typedef const char *(*form_done_fn)(void *ctx, struct app *a, const char *const *values, int *focus);

/* title and intro are copied. ctx belongs to the form from now on and is
 * freed with free_ctx (may be NULL) when the form closes, also on failure. */
struct screen *screen_form_new(struct app *a, const char *title, const char *intro,
                               const struct form_field *fields, int n, form_done_fn done,
                               void *ctx, void (*free_ctx)(void *ctx));

/* The forms of the decision cycle (tui/plan_forms.c). */
/* Who decided the targets, when, and where it is recorded. */
struct screen *form_decision_new(struct app *a);
/* A new action for question qi (-1: none yet) titled `title` (NULL: the
 * advice of the question's answer, else its text), or (index >= 0) the
 * plan's action `index` to edit. */
struct screen *form_action_new(struct app *a, int index, int qi, const char *title);
/* About this assessment: respondent, role, inhabitants, region
 * (tui/about_form.c). */
struct screen *form_about_new(struct app *a);

/* The confirmation flow after --from (tui/plan_forms.c): the first action
 * carried over from last time that names question qi and waits for its
 * status to be confirmed, in words with the keys to press ("... D done, S
 * still open, X drop it"; valid until the next call), or NULL. */
const char *carried_action_text(const struct app *a, int qi);
/* ACT_ACTION_DONE, _OPEN or _DROP on it: TUI_HANDLED | TUI_CHANGED, or
 * TUI_UNHANDLED when no carried-over action names qi. */
int carried_action_confirm(struct app *a, int qi, enum tui_action what);

#endif
