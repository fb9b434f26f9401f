/* The question screen's inside, shared by tui/screen_question.c (layout
 * and keys) and tui/screen_question_draw.c (drawing) only. */
#ifndef PEIL_TUI_QUESTION_SCREEN_H
#define PEIL_TUI_QUESTION_SCREEN_H

#include "tui/lines.h"
#include "tui/screens.h"

/* Above the scrolling body: domain and position, progress, a line, then
 * the question itself (pinned: it never scrolls away) and a blank row. */
enum { BAR_ROWS = 3, MAX_QUESTION_ROWS = 4 };

enum line_kind { L_BLANK, L_TEXT, L_CHOICE, L_EXTRA };

struct question_screen {
	struct screen base;
	int qi;
	int cursor;             /* the highlighted choice */
	int top;                /* first body row shown */
	struct question_hooks hooks;
};

/* Choices are the levels in order, then not applicable (if allowed), then
 * don't know. */
enum { CHOICE_NA = -2, CHOICE_UNKNOWN = -3 };
/* Columns: cursor 1, radio 3, key 7, label 10, answer text after it. */
enum { COL_CURSOR = 1, COL_RADIO = 3, COL_KEY = 7, COL_LABEL = 10 };

/* Level index for choice c, or CHOICE_NA / CHOICE_UNKNOWN. */
int question_choice_what(const struct app *a, int qi, int c);
/* The choice that matches the current answer, or -1. */
int question_current_choice(const struct app *a, int qi);
/* Width of the level label column. */
int question_label_width(const struct app *a, int width);
/* The body's rows at this width; the caller frees b->v. */
void question_layout(struct lines *b, const struct question_screen *qs, const struct app *a, int width);
/* Rows of the question text, of the pinned summary, of everything above
 * the body, and of the body. */
int question_rows(const struct question_screen *qs, const struct app *a, int width);
int question_summary_rows(const struct question_screen *qs, const struct app *a, struct rect area);
int question_head_rows(const struct question_screen *qs, const struct app *a, struct rect area);
int question_body_rows(const struct question_screen *qs, const struct app *a, struct rect area);
/* The screen_ops draw of the question screen. */
void question_draw(const struct screen *sc, const struct app *a, struct rect r);

#endif
