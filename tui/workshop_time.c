/* `peil workshop`: time in the room. The session's clock (over every
 * sitting: the file keeps the seconds spent), the question's timer, the
 * pace against an optional budget (--minutes), and a pause that stops
 * both. Time comes from script_clock() (tui/script.h), so a scripted test
 * moves it with `:wait` instead of sleeping. */
#include <stdio.h>
#include <time.h>

#include "core/i18n.h"
#include "core/num.h"
#include "core/response_session.h"
#include "tui/script.h"
#include "tui/workshop_screens.h"

static double paused_so_far(const struct workshop *w, double now)
{
	return w->paused_total + (w->paused ? now - w->paused_since : 0);
}

void workshop_time_start(struct workshop *w, struct app *a)
{
	w->started = script_clock();
	w->question_since = w->started;
	w->seconds_before = response_session(a->s->r)->seconds;
}

void workshop_time_question(struct workshop *w)
{
	double now = script_clock();
	w->question_since = now;
	w->question_paused = paused_so_far(w, now);
}

/* Seconds in the session so far (all sittings, without pauses). */
static long workshop_time_spent(const struct workshop *w)
{
	double now = script_clock();
	double s = now - w->started - paused_so_far(w, now);
	return w->seconds_before + (long)(s > 0 ? s : 0);
}

static long question_seconds(const struct workshop *w)
{
	double now = script_clock();
	double s = now - w->question_since - (paused_so_far(w, now) - w->question_paused);
	return (long)(s > 0 ? s : 0);
}

void workshop_time_store(struct workshop *w, struct app *a)
{
	response_set_session_seconds(a->s->r, workshop_time_spent(w));
}

void workshop_time_pause(struct workshop *w, struct app *a)
{
	double now = script_clock();
	if (w->paused) {
		w->paused_total += now - w->paused_since;
		w->paused = false;
		app_message(a, false, "%s", _("The clock runs again."));
	} else {
		w->paused = true;
		w->paused_since = now;
		app_message(a, false, "%s", _("Paused: the clock stands still until P."));
	}
}

/* "14 questions left, 38 min: 2.7 min per question", or without a budget
 * "14 questions left, 32 min so far". */
static void pace(const struct workshop *w, const struct app *a, char *buf, size_t len)
{
	int left = nav_count_todo(&a->s->nav), minutes = response_session(a->s->r)->minutes;
	long spent = workshop_time_spent(w);
	char d[NUM_LEN], per[NUM_LEN];
	if (left == 0) {
		snprintf(buf, len, _("every question decided, %s so far"), num_duration(d, spent));
	} else if (minutes <= 0) {
		snprintf(buf, len, ngettext("%d question left, %s so far", "%d questions left, %s so far",
		                            (unsigned long)left), left, num_duration(d, spent));
	} else if (spent >= (long)minutes * 60) {
		snprintf(buf, len, ngettext("%d question left, %s over time", "%d questions left, %s over time",
		                            (unsigned long)left), left, num_duration(d, spent - (long)minutes * 60));
	} else {
		long rest = (long)minutes * 60 - spent;
		num_fixed(per, session_nlang(a->s), (double)rest / 60.0 / left, 1);
		snprintf(buf, len, ngettext("%d question left, %ld min: %s min per question",
		                            "%d questions left, %ld min: %s min per question", (unsigned long)left),
		         left, rest / 60, per);
	}
}

bool workshop_time_line(void *ctx, const struct app *a, int qi, char *buf, size_t len)
{
	const struct workshop *w = ctx;
	(void)qi;
	time_t now = script_time();
	struct tm tm;
	char hm[16], q[NUM_LEN], p[200];
	localtime_r(&now, &tm);
	strftime(hm, sizeof hm, "%H:%M", &tm);
	pace(w, a, p, sizeof p);
	const char *sep = a->theme.sep;
	snprintf(buf, len, _("%s%s%s%sthis question %s%s%s"), w->paused ? _("PAUSED") : "", w->paused ? sep : "",
	         hm, sep, num_clock(q, question_seconds(w)), sep, p);
	return true;
}

int workshop_time_tick(struct app *a, void *ctx)
{
	struct workshop *w = ctx;
	long s = (long)script_clock();
	if (s == w->shown_second)
		return 0;
	w->shown_second = s;
	workshop_time_store(w, a);      /* saved with the next change */
	return TUI_REDRAW;
}
