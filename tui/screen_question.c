/* The question screen: one question, its answers as a radio list, the
 * note; choosing an answer saves and goes on to the next question. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/form.h"
#include "tui/question_screen.h"

static int question_nchoices(const struct app *a, int qi)
{
	return a->s->q->nlevels + (a->s->q->questions[qi].allow_na ? 1 : 0) + 1;
}

/* Level index for choice c, or CHOICE_NA / CHOICE_UNKNOWN. */
int question_choice_what(const struct app *a, int qi, int c)
{
	int nl = a->s->q->nlevels;
	if (c < nl)
		return c;
	if (c == nl && a->s->q->questions[qi].allow_na)
		return CHOICE_NA;
	return CHOICE_UNKNOWN;
}

/* The choice that matches the current answer, or -1. */
int question_current_choice(const struct app *a, int qi)
{
	const struct answer *ans = response_answer(a->s->r, qi);
	for (int c = 0; c < question_nchoices(a, qi); c++) {
		int w = question_choice_what(a, qi, c);
		if ((w >= 0 && ans->status == ANSWER_LEVEL && a->s->q->levels[w].value == ans->level) ||
		    (w == CHOICE_NA && ans->status == ANSWER_NA) ||
		    (w == CHOICE_UNKNOWN && ans->status == ANSWER_UNKNOWN))
			return c;
	}
	return -1;
}

static void text(struct lines *b, const struct app *a, const char *s, int x, int width,
                 enum tui_attr at)
{
	lines_text(b, &a->theme, s, x, width, at, L_TEXT, -1);
}

/* Width of the level label column. */
int question_label_width(const struct app *a, int width)
{
	const struct questionnaire *q = a->s->q;
	int w = 0, cap = width / 4 > 8 ? width / 4 : 8;
	for (int i = 0; i < q->nlevels; i++) {
		const char *l = qn_str(q, &q->levels[i].label, a->s->lang);
		int c = draw_cols(&a->theme, l, strlen(l));
		if (c > w)
			w = c;
	}
	return w < cap ? w : cap;
}


static int text_col(const struct app *a, int width)
{
	return COL_LABEL + question_label_width(a, width) + 2;
}

static void layout_choices(struct lines *b, const struct question_screen *qs, const struct app *a, int width)
{
	const struct session *s = a->s;
	const struct qn_question *qu = &s->q->questions[qs->qi];
	int tx = text_col(a, width);
	for (int c = 0; c < question_nchoices(a, qs->qi); c++) {
		int w = question_choice_what(a, qs->qi, c);
		const char *alt = qs->hooks.choice_text ? qs->hooks.choice_text(qs->hooks.ctx, a, qs->qi,
			w >= 0 ? w : w == CHOICE_NA ? -1 : -2, width - tx - 1) : NULL;
		int ax = w >= 0 ? tx : COL_LABEL;
		if (alt)
			lines_text(b, &a->theme, alt, ax, width - ax - 1, AT_NORMAL, L_CHOICE, c);
		else if (w >= 0)
			lines_text(b, &a->theme, session_str(s, &qu->answers[w].text), tx, width - tx - 1,
			           AT_NORMAL, L_CHOICE, c);
		else
			lines_text(b, &a->theme, w == CHOICE_NA ? _("Not applicable") : _("Don't know"),
			           COL_LABEL, width - COL_LABEL - 1, AT_NORMAL, L_CHOICE, c);
	}
}

static void layout_note(struct lines *b, const struct question_screen *qs, const struct app *a, int width)
{
	const struct answer *ans = response_answer(a->s->r, qs->qi);
	if (!ans->note && ans->nevidence == 0) {
		if (!qs->hooks.compact || !qs->hooks.compact(qs->hooks.ctx))
			text(b, a, _("No note yet: press e to add a note or evidence."), 1, width - 2, AT_DIM);
		return;
	}
	if (ans->note) {
		text(b, a, ans->note_last_year ? _("Note (from last year: the answer has changed since; e to edit):")
		                               : _("Note:"), 1, width - 2, AT_HEADING);
		text(b, a, ans->note, 3, width - 4, AT_NORMAL);
	}
	if (ans->nevidence > 0) {
		text(b, a, _("Evidence:"), 1, width - 2, AT_HEADING);
		for (int i = 0; i < ans->nevidence; i++)
			text(b, a, ans->evidence[i], 3, width - 4, AT_NORMAL);
	}
}

/* The body's rows at this width; the caller frees b->v. */
void question_layout(struct lines *b, const struct question_screen *qs, const struct app *a, int width)
{
	const struct session *s = a->s;
	const struct qn_question *qu = &s->q->questions[qs->qi];
	lines_init(b);
	if (response_hidden(s->r, qs->qi)) {
		text(b, a, _("(Not asked because of an earlier answer: it counts as not applicable.)"),
		             1, width - 2, AT_DIM);
		lines_blank(b);
	} else if (qu->weight <= 0) {
		text(b, a, _("(Asked, but not counted in the score.)"), 1, width - 2, AT_DIM);
		lines_blank(b);
	}
	const char *help = qn_tr(s->q, &qu->help, s->lang);
	if (help && !a->hide_help) {     /* `i` holds across questions */
		text(b, a, help, 1, width - 2, AT_DIM);
		lines_blank(b);
	}
	if (response_answer(s->r, qs->qi)->proposal) {
		text(b, a, _("Proposed from the votes, not yet decided: its number decides it (Enter asks first), or "
		             "choose another answer."), 1, width - 2, AT_CARRIED);
		lines_blank(b);
	}
	if (response_answer(s->r, qs->qi)->carried_over) {
		char *msg = response_answer(s->r, qs->qi)->recheck
		          ? _("This question changed since last time: read the answers again and choose the one that fits now (Enter keeps last time's).")
		          : _("Carried over from last time, not yet confirmed: press Enter to confirm it, or choose another answer.");
		text(b, a, msg, 1, width - 2, AT_CARRIED);
		lines_blank(b);
	}
	const char *carried = carried_action_text(a, qs->qi);
	if (carried) {
		text(b, a, carried, 1, width - 2, AT_CARRIED);
		lines_blank(b);
	}
	layout_choices(b, qs, a, width);
	lines_blank(b);
	layout_note(b, qs, a, width);
	if (qs->hooks.extra_rows) {
		int n = qs->hooks.extra_rows(qs->hooks.ctx, a, qs->qi, width);
		if (n > 0)
			lines_blank(b);
		for (int i = 0; i < n; i++)
			lines_push(b, (struct line){ .kind = L_EXTRA, .item = -1, .x = i });
	}
}

/* Rows the question text takes in the header (at most MAX_QUESTION_ROWS). */
int question_rows(const struct question_screen *qs, const struct app *a, int width)
{
	const char *text = session_str(a->s, &a->s->q->questions[qs->qi].text);
	int n = draw_wrap(&a->theme, text, width - 2, NULL, 0);
	return n < MAX_QUESTION_ROWS ? n : MAX_QUESTION_ROWS;
}

/* Rows of the hooks' summary, pinned under the question when the body
 * does not fit in the window (in a workshop at 60x20, the votes below the
 * answers and the note would be out of view). */
int question_summary_rows(const struct question_screen *qs, const struct app *a, struct rect area)
{
	if (!qs->hooks.summary_rows)
		return 0;
	struct lines b;
	question_layout(&b, qs, a, area.w);
	int n = b.n;
	lines_free(&b);
	if (n <= area.h - BAR_ROWS - question_rows(qs, a, area.w) - 1)
		return 0;
	return qs->hooks.summary_rows(qs->hooks.ctx, a, qs->qi, area.w - 2);
}

int question_head_rows(const struct question_screen *qs, const struct app *a, struct rect area)
{
	return BAR_ROWS + question_rows(qs, a, area.w) + question_summary_rows(qs, a, area) + 1;
}

int question_body_rows(const struct question_screen *qs, const struct app *a, struct rect area)
{
	return area.h - question_head_rows(qs, a, area);
}

/* Scrolls so that the highlighted choice is in view. */
static void ensure_visible(struct question_screen *qs, const struct app *a)
{
	struct rect area = app_area(a);
	struct lines b;
	question_layout(&b, qs, a, area.w);
	/* On the first answer, show the question from its start. */
	qs->top = lines_scroll(&b, qs->cursor == 0 ? 0 : qs->top, question_body_rows(qs, a, area), qs->cursor);
	lines_free(&b);
}

void screen_question_goto(struct screen *sc, struct app *a, int qi)
{
	struct question_screen *qs = (struct question_screen *)sc;
	if (qi < 0 || qi >= a->s->q->nquestions)
		return;
	qs->qi = qi;
	int c = question_current_choice(a, qi);
	qs->cursor = c >= 0 ? c : 0;
	qs->top = 0;
	ensure_visible(qs, a);
	if (qs->hooks.shown)
		qs->hooks.shown(qs->hooks.ctx, a, qi);
}


/* After an answer: the next question, else the next open one, else the
 * results. */
static void advance(struct question_screen *qs, struct app *a)
{
	int next = qs->hooks.next_todo ? nav_next_todo(&a->s->nav, qs->qi) : nav_step(&a->s->nav, qs->qi, 1);
	if (next == qs->qi)
		next = -1;
	if (next >= 0) {
		screen_question_goto(&qs->base, a, next);
		return;
	}
	next = nav_next_todo(&a->s->nav, qs->qi);
	if (next >= 0) {
		screen_question_goto(&qs->base, a, next);
		app_message(a, false, "%s", _("That was the last question; this one is still to do."));
		return;
	}
	app_message(a, false, "%s", _("Every question is answered. These are the results."));
	tui_show(a, SCREEN_RESULTS);
}

static int choose(struct question_screen *qs, struct app *a, int c, bool highlighted)
{
	struct session *s = a->s;
	int w = question_choice_what(a, qs->qi, c);
	const struct answer *before = response_answer(s->r, qs->qi);
	bool was_todo = before->status == ANSWER_OPEN || before->carried_over || before->proposal, ok;
	enum answer_status st = w >= 0 ? ANSWER_LEVEL : w == CHOICE_NA ? ANSWER_NA : ANSWER_UNKNOWN;
	if (qs->hooks.deciding &&
	    !qs->hooks.deciding(qs->hooks.ctx, a, qs->qi, st, w >= 0 ? s->q->levels[w].value : 0, highlighted))
		return TUI_HANDLED;
	session_remember(s, qs->qi);
	if (w >= 0)
		ok = response_set_level(s->r, qs->qi, s->q->levels[w].value);
	else
		ok = response_set_status(s->r, qs->qi, w == CHOICE_NA ? ANSWER_NA : ANSWER_UNKNOWN);
	if (!ok) {
		app_message(a, true, "%s", _("out of memory"));
		return TUI_HANDLED;
	}
	if (qs->hooks.answered)
		qs->hooks.answered(qs->hooks.ctx, a, qs->qi);
	if (was_todo && nav_next_todo(&s->nav, -1) < 0) {
		/* That was the last open one: the moment to see the results. */
		app_message(a, false, "%s", _("Every question is answered. These are the results."));
		tui_show(a, SCREEN_RESULTS);
	} else {
		advance(qs, a);
	}
	return TUI_HANDLED | TUI_CHANGED;
}

/* The choice at screen row y, or -1. */
static int choice_at(const struct question_screen *qs, const struct app *a, int y)
{
	struct rect r = app_area(a);
	int y0 = r.y + question_head_rows(qs, a, r);
	if (y < y0 || y >= r.y + r.h)
		return -1;
	struct lines b;
	question_layout(&b, qs, a, r.w);
	int c = lines_item_at(&b, qs->top, y - y0);
	lines_free(&b);
	return c;
}

static int move_to(struct question_screen *qs, struct app *a, int qi, const char *none)
{
	if (qi < 0) {
		app_message(a, false, "%s", none);
		return TUI_HANDLED;
	}
	screen_question_goto(&qs->base, a, qi);
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct question_screen *qs = (struct question_screen *)sc;
	struct session *s = a->s;
	int n = question_nchoices(a, qs->qi), c;
	if (qs->hooks.key && (c = qs->hooks.key(qs->hooks.ctx, a, qs->qi, ev)) != TUI_UNHANDLED)
		return c;
	switch (ev->action) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:
	case ACT_END:
		c = ev->action == ACT_UP ? qs->cursor - 1 : ev->action == ACT_DOWN ? qs->cursor + 1
		    : ev->action == ACT_HOME ? 0 : n - 1;
		qs->cursor = c < 0 ? 0 : c >= n ? n - 1 : c;
		ensure_visible(qs, a);
		return TUI_HANDLED;
	case ACT_CHOOSE:
		return choose(qs, a, qs->cursor, true);
	case ACT_CLICK:
		c = choice_at(qs, a, ev->y);
		return c >= 0 ? choose(qs, a, c, false) : TUI_HANDLED;
	case ACT_CHOOSE_N:
		if (ev->n > s->q->nlevels) {
			app_message(a, true, _("There are only %d answers."), s->q->nlevels);
			return TUI_HANDLED;
		}
		return choose(qs, a, ev->n - 1, false);
	case ACT_NA:
		if (!s->q->questions[qs->qi].allow_na) {
			app_message(a, true, "%s", _("This question cannot be answered with 'not applicable'."));
			return TUI_HANDLED;
		}
		return choose(qs, a, s->q->nlevels, false);
	case ACT_UNKNOWN:
		return choose(qs, a, n - 1, false);
	case ACT_CLEAR:
		if (response_answer(s->r, qs->qi)->status == ANSWER_OPEN)
			return TUI_HANDLED;
		session_remember(s, qs->qi);
		response_set_status(s->r, qs->qi, ANSWER_OPEN);
		app_message(a, false, "%s", _("Answer cleared: the question is open again (U undoes it)."));
		return TUI_HANDLED | TUI_CHANGED;
	case ACT_NEXT:
		return move_to(qs, a, nav_step(&s->nav, qs->qi, 1), _("This is the last question."));
	case ACT_PREV:
		return move_to(qs, a, nav_step(&s->nav, qs->qi, -1), _("This is the first question."));
	case ACT_NEXT_OPEN:
		c = nav_next_todo(&s->nav, qs->qi);
		if (c == qs->qi)
			app_message(a, false, "%s", _("This is the only question still to do."));
		return move_to(qs, a, c, _("Every question is answered and confirmed."));
	case ACT_NOTE:
		app_push(a, screen_note_new(a, qs->qi));
		return TUI_HANDLED;
	case ACT_ADD_ACTION:
		app_push(a, form_action_new(a, -1, qs->qi, NULL));
		return TUI_HANDLED;
	case ACT_ACTION_DONE:
	case ACT_ACTION_OPEN:
	case ACT_ACTION_DROP:
		return carried_action_confirm(a, qs->qi, ev->action);
	case ACT_INFO:
		a->hide_help = !a->hide_help;
		ensure_visible(qs, a);
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void enter(struct screen *sc, struct app *a)
{
	struct question_screen *qs = (struct question_screen *)sc;
	/* An earlier answer may have hidden this question meanwhile. */
	if (response_hidden(a->s->r, qs->qi)) {
		int next = nav_step(&a->s->nav, qs->qi, 1);
		if (next < 0)
			next = nav_step(&a->s->nav, qs->qi, -1);
		if (next >= 0)
			screen_question_goto(sc, a, next);
	}
	if (qs->hooks.shown)
		qs->hooks.shown(qs->hooks.ctx, a, qs->qi);
}

static void fit(struct screen *sc, const struct app *a)
{
	ensure_visible((struct question_screen *)sc, a);
}

/* "n n/a" is not hinted where the question forbids it. */
static bool offers(const struct screen *sc, const struct app *a, enum tui_action act)
{
	return act != ACT_NA || a->s->q->questions[((const struct question_screen *)sc)->qi].allow_na;
}

static const struct screen_ops ops = {
	.kind = SCREEN_QUESTION,
	.enter = enter,
	.draw = question_draw,
	.handle = handle,
	.fit = fit,
	.offers = offers,
};

struct screen *screen_question_new(struct app *a, int question, const struct question_hooks *hooks)
{
	struct question_screen *qs = (struct question_screen *)screen_alloc(sizeof *qs, &ops);
	if (hooks)
		qs->hooks = *hooks;
	qs->qi = question >= 0 ? question : 0;
	int c = question_current_choice(a, qs->qi);
	qs->cursor = c >= 0 ? c : 0;
	return &qs->base;
}
