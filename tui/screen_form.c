/* A small form of labelled one-line fields (tui/form.h). */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "tui/edit.h"
#include "tui/form.h"
#include "tui/lines.h"
#include "tui/screens.h"

enum { FORM_MAX_FIELDS = 10, FIELD_MAX_COLS = 60, DEFAULT_MAX = 200 };

struct form_screen {
	struct screen base;
	char *title, *intro;
	int n;                  /* fields; base.active is typed into */
	struct form_field fields[FORM_MAX_FIELDS];
	struct edit edit[FORM_MAX_FIELDS];
	form_done_fn done;
	void *ctx;
	void (*free_ctx)(void *ctx);
};

static int label_cols(const struct form_screen *fs, const struct app *a)
{
	int w = 0;
	for (int i = 0; i < fs->n; i++) {
		int c = draw_cols(&a->theme, fs->fields[i].label, strlen(fs->fields[i].label));
		w = c > w ? c : w;
	}
	return w + 2;
}

/* The intro wrapped into b; returns the row of the first field. */
static int layout(const struct form_screen *fs, const struct app *a, struct rect r, struct lines *b)
{
	lines_init(b);
	if (fs->intro[0])
		lines_text(b, &a->theme, fs->intro, 2, r.w - 4, AT_DIM, 1, -1);
	return r.y + 2 + b->n + (b->n > 0);
}

static struct rect field_box(const struct form_screen *fs, const struct app *a, int first_row, int i)
{
	struct rect r = app_area(a);
	int x = 3 + label_cols(fs, a), w = r.w - x - 2;
	return (struct rect){ first_row + i, x, 1, w < FIELD_MAX_COLS ? w : FIELD_MAX_COLS };
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct form_screen *fs = (const struct form_screen *)sc;
	const struct theme *t = &a->theme;
	struct lines b;
	int y0 = layout(fs, a, r, &b);
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y, 1, r.w - 2, fs->title, DRAW_ELLIPSIS);
	for (int i = 0; i < b.n; i++) {
		theme_set(stdscr, t, b.v[i].at);
		lines_draw_text(&b, t, i, r.y + 2 + i, r.w);
	}
	lines_free(&b);
	for (int i = 0; i < fs->n && y0 + i < r.y + r.h; i++) {
		struct rect box = field_box(fs, a, y0, i);
		draw_marked(stdscr, t, box.y, 3, box.x - 4, fs->fields[i].label, i == fs->base.active,
		            i == fs->base.active ? AT_HEADING : AT_NORMAL);
		theme_set(stdscr, t, AT_FIELD);
		edit_draw(&fs->edit[i], t, box);
	}
	const struct form_field *f = &fs->fields[fs->base.active];
	int y = y0 + fs->n + 1;
	if (f->choices && y < r.y + r.h) {
		char buf[512];
		size_t used = (size_t)snprintf(buf, sizeof buf, "%s ", _("Left/Right:"));
		for (int k = 0; f->choices[k] && used < sizeof buf; k++)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", k ? t->sep : "", f->choices[k]);
		theme_set(stdscr, t, AT_DIM);
		draw_str(stdscr, t, y, 3, r.w - 5, buf, DRAW_ELLIPSIS);
	}
	theme_set(stdscr, t, AT_NORMAL);
}

static struct edit *field(struct screen *sc, const struct app *a, struct rect *box)
{
	struct form_screen *fs = (struct form_screen *)sc;
	struct lines b;
	int y0 = layout(fs, a, app_area(a), &b);
	lines_free(&b);
	*box = field_box(fs, a, y0, fs->base.active);
	return &fs->edit[fs->base.active];
}

/* The index of the field's text among its choices, or -1. */
static int choice_index(const struct form_field *f, const char *text)
{
	for (int k = 0; f->choices && f->choices[k]; k++)
		if (!strcmp(f->choices[k], text))
			return k;
	return -1;
}

/* Left/Right on a choice field: the previous or next choice. */
static bool step_choice(struct form_screen *fs, int dir)
{
	const struct form_field *f = &fs->fields[fs->base.active];
	struct edit *e = &fs->edit[fs->base.active];
	int k = choice_index(f, e->text), n = 0;
	if (!f->choices || (k < 0 && e->text[0]))
		return false;
	while (f->choices[n])
		n++;
	k = k < 0 ? (dir > 0 ? 0 : n - 1) : (k + dir + n) % n;
	edit_set(e, f->choices[k]);
	return true;
}

static int confirm(struct form_screen *fs, struct app *a)
{
	const char *values[FORM_MAX_FIELDS];
	for (int i = 0; i < fs->n; i++)
		values[i] = fs->edit[i].text;
	int focus = -1;
	const char *err = fs->done(fs->ctx, a, values, &focus);
	if (!err)
		return TUI_CHANGED | TUI_POP;
	if (focus >= 0 && focus < fs->n)
		fs->base.active = focus;
	app_message(a, true, "%s", err);
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct form_screen *fs = (struct form_screen *)sc;
	switch (ev->action) {
	case ACT_SAVE:
		return confirm(fs, a);
	case ACT_LEAVE:
		app_message(a, false, "%s", _("Left without saving the form."));
		return TUI_POP;
	case ACT_CHOICE:        /* the previous or next choice, else the cursor moves */
		return step_choice(fs, ev->key == KEY_LEFT ? -1 : 1) ? TUI_HANDLED : TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;       /* typed into the field */
	}
}

static void destroy(struct screen *sc)
{
	struct form_screen *fs = (struct form_screen *)sc;
	if (fs->free_ctx)
		fs->free_ctx(fs->ctx);
	free(fs->title);
	free(fs->intro);
	free(fs);
}

static const struct screen_ops ops = {
	.kind = SCREEN_FORM,
	.draw = draw,
	.handle = handle,
	.field = field,
	.destroy = destroy,
};

struct screen *screen_form_new(struct app *a, const char *title, const char *intro,
                               const struct form_field *fields, int n, form_done_fn done,
                               void *ctx, void (*free_ctx)(void *ctx))
{
	(void)a;
	if (n < 1 || n > FORM_MAX_FIELDS) {
		if (free_ctx)
			free_ctx(ctx);
		return NULL;
	}
	struct form_screen *fs = (struct form_screen *)screen_alloc(sizeof *fs, &ops);
	fs->done = done;
	fs->ctx = ctx;
	fs->free_ctx = free_ctx;
	fs->title = xstrdup(title);
	fs->intro = xstrdup(intro ? intro : "");
	for (int i = 0; i < n; i++) {
		fs->fields[i] = fields[i];
		edit_init(&fs->edit[i], fields[i].value ? fields[i].value : "", false,
		          fields[i].max ? fields[i].max : DEFAULT_MAX);
		fs->edit[i].fixed = fields[i].only_choices;
	}
	fs->n = n;
	screen_fields(&fs->base, fs->edit, n);
	return &fs->base;
}
