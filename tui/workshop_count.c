/* `peil workshop`, counting cards or hands: `c`, then how many chose each
 * answer in one line, "2x3, 4x2" (two chose 3, four chose 2; "×" and "*"
 * work too, "n" and "u" are not applicable and don't know). The counts go
 * into the room as votes typed in, so "all have voted" and the reveal
 * work as for phones. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "serve/room.h"
#include "tui/form.h"
#include "tui/workshop_screens.h"

struct count_ctx {
	struct workshop *w;
	int qi;
};

static const char *skip_times(const char *p)
{
	while (*p == ' ')
		p++;
	if (*p == 'x' || *p == 'X' || *p == '*')
		return p + 1;
	if (!strncmp(p, "×", strlen("×")))
		return p + strlen("×");
	return NULL;
}

/* One "COUNTxLEVEL" at *pp into counts (slots); a message on error. */
static const char *parse_one(const struct app *a, int qi, const char **pp, int *counts)
{
	const struct questionnaire *q = a->s->q;
	const char *p = *pp;
	char *end;
	long n = strtol(p, &end, 10);
	if (end == p || n < 0 || n > 10000)
		return _("Write how many, then x and the level: 2x3, 4x2 (n: not applicable, u: don't know).");
	if (!(p = skip_times(end)))
		return _("Write how many, then x and the level: 2x3, 4x2 (n: not applicable, u: don't know).");
	while (*p == ' ')
		p++;
	int slot;
	if (*p == 'n' || *p == 'u') {
		if (*p == 'n' && !q->questions[qi].allow_na)
			return _("This question cannot be answered with 'not applicable'.");
		slot = *p == 'n' ? q->nlevels : q->nlevels + 1;
		p++;
	} else {
		long v = strtol(p, &end, 10);
		int li = end == p ? -1 : qn_level_index(q, (int)v);
		if (li < 0)
			return _("That is not a level of this questionnaire.");
		slot = li;
		p = end;
	}
	counts[slot] += (int)n;
	*pp = p;
	return NULL;
}

static const char *parse(const struct app *a, int qi, const char *text, int *counts, int *total)
{
	const char *p = text;
	*total = 0;
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == ';')
			p++;
		if (!*p)
			break;
		const char *err = parse_one(a, qi, &p, counts);
		if (err)
			return err;
		if (*p && *p != ' ' && *p != ',' && *p != ';')
			return _("Write how many, then x and the level: 2x3, 4x2 (n: not applicable, u: don't know).");
	}
	for (int i = 0; i < a->s->q->nlevels + 2; i++)
		*total += counts[i];
	return *total > 0 ? NULL : _("Nothing counted: write how many chose which level, e.g. 2x3, 4x2.");
}

static const char *done(void *ctx, struct app *a, const char *const *values, int *focus)
{
	struct count_ctx *c = ctx;
	struct workshop *w = c->w;
	int counts[ROOM_MAX_SLOTS] = { 0 }, total;
	*focus = 0;
	const char *err = parse(a, c->qi, values[0], counts, &total);
	if (err)
		return err;
	switch (room_type_counts(w->o->room, counts)) {
	case ROOM_OK:
		break;
	case ROOM_ALL_IN:
		return _("More than the participants who have not voted yet: check the count, or z takes votes back.");
	case ROOM_CLOSED:
		return _("The votes are revealed; N opens a new round.");
	default:
		return _("out of memory");
	}
	workshop_sync(w, a);
	struct room_view v;
	room_view(w->o->room, -1, &v);
	app_message(a, false, ngettext("%d vote counted: %d of %d in.", "%d votes counted: %d of %d in.",
	                               (unsigned long)total), total, v.voted, w->o->participants);
	return NULL;
}

int workshop_count_open(struct workshop *w, struct app *a, int qi)
{
	struct count_ctx *c = xmalloc(sizeof *c);
	*c = (struct count_ctx){ w, qi };
	struct form_field f = { .label = _("Counted"), .max = 200 };
	app_push(a, screen_form_new(a, _("Count cards or hands"),
	                            _("How many chose each answer: how many, x, the level. \"2x3, 4x2\": two chose 3, "
	                              "four chose 2; n is not applicable, u don't know."),
	                            &f, 1, done, c, free));
	return TUI_HANDLED;
}
