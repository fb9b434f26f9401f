/* The forms of the decision cycle: who decided the targets, and an action
 * of the improvement plan (tui/form.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/response_plan.h"
#include "core/schema.h"
#include "tui/form.h"
#include "tui/screens.h"

/* ---- who decided the targets ---- */

enum { D_BY, D_DATE, D_REF, D_NFIELDS };

static const char *decision_done(void *ctx, struct app *a, const char *const *v, int *focus)
{
	(void)ctx;
	if (v[D_DATE][0] && !schema_valid_date(v[D_DATE])) {
		*focus = D_DATE;
		return _("The date: write it as YYYY-MM-DD, e.g. 2026-03-12 (or leave it empty).");
	}
	if (!response_set_targets_decided(a->s->r, v[D_BY], v[D_DATE], v[D_REF]))
		return _("out of memory");
	app_message(a, false, "%s", _("Recorded who decided the targets."));
	return NULL;
}

struct screen *form_decision_new(struct app *a)
{
	static const char *bodies[4];
	bodies[0] = _("college of mayor and aldermen");
	bodies[1] = _("council");
	bodies[2] = _("management team");
	bodies[3] = NULL;
	const struct decision *d = response_targets_decided(a->s->r);
	char today[11];
	response_today(today);
	struct form_field f[D_NFIELDS] = {
		{ _("Decided by"), d ? d->by : NULL, bodies, false, 120 },
		{ _("Date (YYYY-MM-DD)"), d ? d->date : today, NULL, false, 10 },
		{ _("Recorded in"), d ? d->reference : NULL, NULL, false, 200 },
	};
	return screen_form_new(a, _("Who decided the targets?"),
	                       _("The scorecard tells the council who set the targets and when. "
	                         "Esc skips this: the target is kept."),
	                       f, D_NFIELDS, decision_done, NULL, NULL);
}

/* ---- an action ---- */

enum { A_TITLE, A_QUESTIONS, A_OWNER, A_DUE, A_STATUS, A_COST, A_HOURS, A_NOTE, A_NFIELDS };

struct action_ctx {
	int index;              /* the action edited, or -1 for a new one */
};

/* An amount: empty is none; a decimal comma is read as a point. */
static bool parse_amount(const char *s, bool *has, double *v)
{
	char buf[64];
	size_t n = 0;
	for (; *s && n + 1 < sizeof buf; s++)
		if (*s != ' ')
			buf[n++] = *s == ',' ? '.' : *s;
	buf[n] = '\0';
	*has = n > 0;
	if (!*has)
		return true;
	char *end;
	*v = strtod(buf, &end);
	return *end == '\0' && isfinite(*v) && *v >= 0 && *v < 1e9 && !strpbrk(buf, "xXnNiI");
}

/* The question ids, separated by spaces or commas, into qs[]; a message
 * when one is not a question of the questionnaire or named twice. */
static const char *parse_questions(const struct questionnaire *q, const char *text, int *qs, int *n)
{
	static char msg[256];
	char *copy = xstrdup(text), *save = NULL;
	*n = 0;
	for (char *w = strtok_r(copy, " ,;", &save); w; w = strtok_r(NULL, " ,;", &save)) {
		int qi = qn_question_index(q, w);
		for (int k = 0; qi >= 0 && k < *n; k++)
			if (qs[k] == qi)
				qi = -2;
		if (qi < 0 || *n >= q->nquestions) {
			snprintf(msg, sizeof msg, qi == -2 ? _("'%s' is named twice.") : _("'%s' is not a question id."), w);
			free(copy);
			return msg;
		}
		qs[(*n)++] = qi;
	}
	free(copy);
	return *n == 0 ? _("Name at least one question this action improves (its id).") : NULL;
}

static bool parse_status(const char *s, enum action_status *st)
{
	for (int k = 0; k < ACTION_NSTATUS; k++)
		if (!strcmp(s, action_status_words((enum action_status)k))) {
			*st = (enum action_status)k;
			return true;
		}
	return false;
}

/* The values into a (pointing into v and qs); a message when one is wrong. */
static const char *read_action(const struct app *a, const char *const *v, struct action *out, int *qs,
                               int *focus)
{
	const char *err;
	if (!v[A_TITLE][0]) {
		*focus = A_TITLE;
		return _("Give the action a title.");
	}
	if ((err = parse_questions(a->s->q, v[A_QUESTIONS], qs, &out->nquestions))) {
		*focus = A_QUESTIONS;
		return err;
	}
	if (v[A_DUE][0] && (strlen(v[A_DUE]) != 10 || !schema_valid_date(v[A_DUE]))) {
		*focus = A_DUE;
		return _("The due date: write it as YYYY-MM-DD, e.g. 2027-06-30 (or leave it empty).");
	}
	if (!parse_amount(v[A_COST], &out->has_cost, &out->cost)) {
		*focus = A_COST;
		return _("The cost: a number of euros of 0 or more, e.g. 15000 (or leave it empty).");
	}
	if (!parse_amount(v[A_HOURS], &out->has_hours, &out->hours)) {
		*focus = A_HOURS;
		return _("The hours: a number of 0 or more, e.g. 120 (or leave it empty).");
	}
	parse_status(v[A_STATUS], &out->status);
	out->title = v[A_TITLE];
	out->questions = qs;
	out->owner = v[A_OWNER][0] ? v[A_OWNER] : NULL;
	out->note = v[A_NOTE][0] ? v[A_NOTE] : NULL;
	snprintf(out->due, sizeof out->due, "%s", v[A_DUE]);
	return NULL;
}

static const char *action_done(void *ctx, struct app *a, const char *const *v, int *focus)
{
	const struct action_ctx *c = ctx;
	struct response *r = a->s->r;
	int *qs = xcalloc((size_t)a->s->q->nquestions + 1, sizeof *qs);
	struct action act = { 0 };
	const char *err = read_action(a, v, &act, qs, focus);
	bool ok = true;
	if (!err && c->index >= 0) {
		const struct action *old = response_action(r, c->index);
		act.id = old->id;
		act.proposal = old->proposal;
		ok = response_replace_action(r, c->index, &act);
	} else if (!err) {
		char *id = response_new_action_id(r, act.title);
		act.id = id;
		/* In a workshop the room proposes; adopting it is for later. */
		act.proposal = (a->key_contexts & KEYS_BIT(KEYS_WORKSHOP)) != 0;
		ok = id && response_add_action(r, &act);
		mem_free(id);
	}
	free(qs);
	if (err)
		return err;
	if (!ok)
		return _("The plan is full or memory ran out: the action was not saved.");
	app_message(a, false, c->index >= 0 ? _("Action saved.") :
	            act.proposal ? _("Action proposed; the session keeps it (p: the plan).") :
	                           _("Action added to the plan (p: the plan)."));
	return NULL;
}

/* The advice for the question's answer, else the question's text. */
static const char *default_title(const struct app *a, int qi)
{
	const struct questionnaire *q = a->s->q;
	const struct answer *ans = response_answer(a->s->r, qi);
	const char *adv = NULL;
	if (ans->status == ANSWER_LEVEL)
		adv = qn_tr(q, &q->questions[qi].answers[qn_level_index(q, ans->level)].advice, a->s->lang);
	return adv ? adv : session_str(a->s, &q->questions[qi].text);
}

/* "id id id" of an action's questions, into buf. */
static void question_ids(const struct app *a, const struct action *act, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < act->nquestions && used < len; k++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", k ? " " : "",
		                         a->s->q->questions[act->questions[k]].id);
}

static const char *amount_text(char *buf, size_t len, bool has, double v)
{
	if (!has)
		return "";
	snprintf(buf, len, "%.15g", v);
	return buf;
}

struct screen *form_action_new(struct app *a, int index, int qi, const char *title)
{
	static const char *statuses[ACTION_NSTATUS + 1], *owners[5];
	for (int k = 0; k < ACTION_NSTATUS; k++)
		statuses[k] = action_status_words((enum action_status)k);
	/* Roles; in Flanders the nl_BE catalogue names their own. */
	owners[0] = _("municipal secretary");
	owners[1] = _("alderman for ICT");
	owners[2] = _("information manager");
	owners[3] = _("chief information security officer");
	owners[4] = NULL;
	const struct action *act = index >= 0 ? response_action(a->s->r, index) : NULL;
	struct action_ctx *c = xmalloc(sizeof *c);
	c->index = act ? index : -1;
	char ids[1024], cost[40], hours[40];
	if (act)
		question_ids(a, act, ids, sizeof ids);
	else
		snprintf(ids, sizeof ids, "%s", qi >= 0 ? a->s->q->questions[qi].id : "");
	struct form_field f[A_NFIELDS] = {
		{ _("Title"), act ? act->title : title ? title : qi >= 0 ? default_title(a, qi) : "", NULL, false, 1000 },
		{ _("Questions (ids)"), ids, NULL, false, 1000 },
		{ _("Owner"), act ? act->owner : NULL, owners, false, 120 },
		{ _("Due (YYYY-MM-DD)"), act ? act->due : NULL, NULL, false, 10 },
		{ _("Status"), statuses[act ? act->status : ACTION_PLANNED], statuses, true, 0 },
		{ _("Cost (EUR)"), act ? amount_text(cost, sizeof cost, act->has_cost, act->cost) : NULL, NULL, false, 20 },
		{ _("Hours"), act ? amount_text(hours, sizeof hours, act->has_hours, act->hours) : NULL, NULL, false, 20 },
		{ _("Note"), act ? act->note : NULL, NULL, false, 2000 },
	};
	return screen_form_new(a, act ? _("Edit the action") : _("A new action for the plan"),
	                       _("Enter saves it; the owner, due date, cost and hours can follow later in the plan (p)."),
	                       f, A_NFIELDS, action_done, c, free);
}

/* ---- the confirmation flow after --from ---- */

static int carried_action(const struct app *a, int qi)
{
	for (int i = 0; i < response_nactions(a->s->r); i++) {
		const struct action *act = response_action(a->s->r, i);
		if (act->carried_over && action_names(act, qi))
			return i;
	}
	return -1;
}

const char *carried_action_text(const struct app *a, int qi)
{
	static char msg[1024];
	int i = carried_action(a, qi);
	if (i < 0)
		return NULL;
	const struct action *act = response_action(a->s->r, i);
	snprintf(msg, sizeof msg, _("Last time's action for this question: \"%s\" (%s%s%s). "
	                            "Was it done? D done, S still open, X drop it."),
	         act->title, action_status_words(act->status), act->owner ? ", " : "", act->owner ? act->owner : "");
	return msg;
}

int carried_action_confirm(struct app *a, int qi, enum tui_action what)
{
	int i = carried_action(a, qi);
	if (i < 0)
		return TUI_UNHANDLED;
	const struct action *act = response_action(a->s->r, i);
	enum action_status st = what == ACT_ACTION_DONE ? ACTION_DONE : what == ACT_ACTION_DROP ? ACTION_DROPPED
	                        : act->status;
	response_set_action_status(a->s->r, i, st);
	app_message(a, false, _("\"%s\": %s."), response_action(a->s->r, i)->title,
	            what == ACT_ACTION_OPEN ? _("still open") : action_status_words(st));
	return TUI_HANDLED | TUI_CHANGED;
}
