/* The screen stack's own operations, for app.c (tui/stack.c). */
#ifndef PEIL_TUI_STACK_H
#define PEIL_TUI_STACK_H

#include "tui/app.h"

/* Closes the top screen (leave, destroy); the one below comes on top. */
void app_pop(struct app *a);
/* Takes sc out of the stack wherever it is (it may have pushed others). */
void app_remove(struct app *a, struct screen *sc);
/* Keeps its highlight in view (screen_ops.fit), unless the window is too small. */
void screen_fit(struct app *a, struct screen *sc);
/* A key the screen's handle() left: for its list (panel keys, a click
 * opens) or its text fields (Tab to the next one, else typed into the
 * one it has); TUI_UNHANDLED when neither takes it. */
int screen_left_key(struct app *a, struct screen *sc, const struct tui_event *ev);

#endif
