/* Inside `peil workshop`: the state its screens share (tui/workshop*.c). */
#ifndef PEIL_TUI_WORKSHOP_SCREENS_H
#define PEIL_TUI_WORKSHOP_SCREENS_H

#include "scoring/group.h"
#include "tui/screens.h"
#include "tui/workshop.h"

struct workshop {
	const struct tui_workshop_options *o;       /* borrowed */
	struct question_hooks hooks;                /* ctx: this workshop */
	bool armed;             /* `v` was pressed: the next digit is a vote */
	int *undo;              /* votes cast in this run: question * nlevels + level index */
	int nundo, capundo;
	int current;            /* the question shown last, for the list */
};

/* The figures of question qi from the session's votes (g->counts points
 * into `counts`, nlevels ints of the caller's). */
void workshop_stats(const struct app *a, int qi, int *counts, struct group_question *g);
/* Votes cast so far on qi. */
int workshop_votes(const struct app *a, int qi);
/* True when the histogram of qi may be shown: review mode, or all votes in. */
bool workshop_revealed(const struct workshop *w, const struct app *a, int qi);

/* The list of questions in session order, with what was decided; it is
 * the bottom screen (kind SCREEN_OVERVIEW, so `o` and Esc come back to
 * it). Enter opens the highlighted question. */
struct screen *workshop_list_new(struct app *a, struct workshop *w);

#endif
