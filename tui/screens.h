/* The screens, one file each, and moving between them. Every constructor
 * returns a screen for app_push() (which takes ownership), or NULL when
 * memory runs out. */
#ifndef PEIL_TUI_SCREENS_H
#define PEIL_TUI_SCREENS_H

#include "tui/app.h"
#include "tui/tui.h"

/* Extensions of the question screen, for `peil workshop` (vote
 * histograms below the answers, say). All optional; ctx is borrowed. */
struct question_hooks {
	void *ctx;
	/* Rows the extra content needs below the answers at this width. */
	int (*extra_rows)(void *ctx, const struct app *a, int question, int width);
	/* Draws it into r (r.h == what extra_rows returned, clipped). */
	void (*draw_extra)(void *ctx, const struct app *a, int question, struct rect r);
	/* A summary of the extra content, pinned under the question when the
	 * body does not fit the window (so that it stays in view): its rows
	 * at this width, and drawing it into r. */
	int (*summary_rows)(void *ctx, const struct app *a, int question, int width);
	void (*draw_summary)(void *ctx, const struct app *a, int question, struct rect r);
	/* Called after the group's answer to `question` changed, before moving on. */
	void (*answered)(void *ctx, struct app *a, int question);
	/* Question `question` is now on the screen (votes in the room follow it). */
	void (*shown)(void *ctx, struct app *a, int question);
	/* Sees each key before the question screen does (votes in the room);
	 * returns TUI_UNHANDLED to leave the key to the screen. */
	int (*key)(void *ctx, struct app *a, int question, const struct tui_event *ev);
	/* Before an answer is chosen (status ANSWER_LEVEL with the level's
	 * value, or ANSWER_NA / ANSWER_UNKNOWN); highlighted: by Enter or Space
	 * on the highlighted answer, not by its own key or a click. False holds
	 * it back (the hook said why and what confirms it). */
	bool (*deciding)(void *ctx, struct app *a, int question, enum answer_status st, int level, bool highlighted);
	/* Instead of the answer text of choice `li` (a level index, -1 not
	 * applicable, -2 don't know): the projector's bars, kept by the hook
	 * until its next call for that choice. NULL: the text. */
	const char *(*choice_text)(void *ctx, const struct app *a, int question, int li, int width);
	/* The line under the domain instead of the progress bar (the
	 * workshop's clock), and the position at the right ("Question 3/50");
	 * false: the default. */
	bool (*status_line)(void *ctx, const struct app *a, int question, char *buf, size_t len);
	bool (*position)(void *ctx, const struct app *a, int question, char *buf, size_t len);
	/* After an answer, go to the next question still to do (not simply
	 * the next one). */
	bool next_todo;
	/* True: leave out the "No note yet" line (the projector view). */
	bool (*compact)(void *ctx);
};

struct screen *screen_question_new(struct app *a, int question, const struct question_hooks *hooks);
/* Shows question qi on an existing question screen. */
void screen_question_goto(struct screen *sc, struct app *a, int qi);

struct screen *screen_overview_new(struct app *a);
struct screen *screen_results_new(struct app *a);
struct screen *screen_domain_new(struct app *a, int domain);
struct screen *screen_help_new(struct app *a);
struct screen *screen_note_new(struct app *a, int question);
struct screen *screen_export_new(struct app *a);
/* The improvement plan (tui/screen_plan.c). */
struct screen *screen_plan_new(struct app *a);
/* Asks the organisation's name; then sets it, saves, and calls done(a)
 * after popping itself. Esc ends the session without writing anything. */
struct screen *screen_org_new(struct app *a, void (*done)(struct app *a));

/* Brings a screen of that kind up: pops back to one already open, else
 * pushes a new one (overview, results, help, export). */
void tui_show(struct app *a, enum screen_kind kind);
/* Shows question qi: on the open question screen, else on a new one. */
void tui_show_question(struct app *a, int qi);
/* Enter on a list: the same, but a question an earlier answer hides is
 * not shown (the status line says why). */
void tui_open_question(struct app *a, int qi);
/* U: puts back the answer before the last change and shows its question
 * (TUI_HANDLED | TUI_CHANGED), or says there is nothing to undo. */
int tui_undo(struct app *a);

/* Runs an opened app to its end (fill and workshop alike): shows `notice`,
 * asks the organisation first when asked to, then `start`; closes the
 * terminal and says how the session ended (err filled for NOT_SAVED). */
enum tui_status tui_run_app(struct app *a, const char *notice, bool ask_organisation,
                            void (*start)(struct app *), const char *path, int *signo,
                            char *err, size_t errlen);

#endif
