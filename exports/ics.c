/* The plan's open actions as iCalendar to-dos (RFC 5545), so that owners
 * get reminders in their own calendar: Outlook, Thunderbird and phones
 * import the file without an account or a server.
 *
 * One VTODO per action that is planned or in progress, with a UID that
 * stays the same from one export to the next (the organisation and the
 * action's id), so a second import updates instead of doubling. Content
 * lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character (RFC 5545 3.1). */
#include <string.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/response_plan.h"
#include "exports/xctx.h"

enum { ICS_LINE_OCTETS = 75 };

struct ical {
	FILE *f;
	char *buf;              /* the content line being built, unfolded */
	size_t len, cap;
	bool oom;
};

static void add(struct ical *c, const char *s, size_t n)
{
	if (c->oom)
		return;
	if (c->len + n + 1 > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		while (cap < c->len + n + 1)
			cap *= 2;
		char *b = mem_realloc(c->buf, cap);
		if (!b) {
			c->oom = true;
			return;
		}
		c->buf = b;
		c->cap = cap;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void adds(struct ical *c, const char *s)
{
	add(c, s, strlen(s));
}

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline
 * escaped; control characters and invalid UTF-8 become U+FFFD. */
static void text(struct ical *c, const char *s)
{
	while (s && *s) {
		if (*s == '\n' || *s == '\\' || *s == ';' || *s == ',') {
			add(c, "\\", 1);
			add(c, *s == '\n' ? "n" : s, 1);
			s++;
			continue;
		}
		unsigned long cp;
		const char *at = s;
		s += xs_next(s, &cp);
		if (cp == 0xfffd)
			adds(c, "\xef\xbf\xbd");
		else
			add(c, at, (size_t)(s - at));
	}
}

/* Writes the line folded: at most 75 octets per physical line, the
 * continuation lines starting with one space. */
static void end_line(struct ical *c)
{
	size_t at = 0, room = ICS_LINE_OCTETS;
	while (!c->oom && c->len - at > room) {
		size_t cut = at + room;
		while (cut > at && ((unsigned char)c->buf[cut] & 0xc0) == 0x80)
			cut--;                  /* not inside a character */
		fwrite(c->buf + at, 1, cut - at, c->f);
		fputs("\r\n ", c->f);
		at = cut;
		room = ICS_LINE_OCTETS - 1;
	}
	if (!c->oom)
		fwrite(c->buf + at, 1, c->len - at, c->f);
	fputs("\r\n", c->f);
	c->len = 0;
}

static void line(struct ical *c, const char *name, const char *value)
{
	adds(c, name);
	adds(c, ":");
	adds(c, value);
	end_line(c);
}

static void text_line(struct ical *c, const char *name, const char *value)
{
	adds(c, name);
	adds(c, ":");
	text(c, value);
	end_line(c);
}

/* 64-bit FNV-1a: the organisation in the UID, without its name. */
static unsigned long long fnv1a(const char *s)
{
	unsigned long long h = 14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* What the owner needs to see in the to-do: the questions it improves,
 * where they stand and the advice, who owns it, what it costs. */
static const char *description(struct xctx *x, const struct action *a)
{
	const char *s = "";
	for (int i = 0; i < a->nquestions; i++) {
		int qi = a->questions[i];
		const char *advice = xctx_next_step(x, qi);
		s = xctx_printf(x, "%s%s%s (%s): %s", s, i ? "\n\n" : "", xctx_question_text(x, qi),
		                x->q->questions[qi].id, xctx_answer(x, qi));
		if (advice)
			s = xctx_printf(x, "%s\n%s %s", s, _("Next step:"), advice);
	}
	char cost[NUM_LEN], hours[NUM_LEN];
	if (a->owner)
		s = xctx_printf(x, "%s\n\n%s %s", s, _("Owner:"), a->owner);
	if (a->has_cost)
		s = xctx_printf(x, "%s\n%s EUR %s", s, _("Cost:"),
		                num_grouped(cost, x->nlang, a->cost, a->cost == (long)a->cost ? 0 : 2));
	if (a->has_hours)
		s = xctx_printf(x, "%s\n%s %s", s, _("Hours:"),
		                num_grouped(hours, x->nlang, a->hours, a->hours == (long)a->hours ? 0 : 1));
	if (a->note)
		s = xctx_printf(x, "%s\n\n%s", s, a->note);
	return s;
}

static void todo(struct ical *c, struct xctx *x, const struct action *a, const char *stamp,
                 unsigned long long org)
{
	line(c, "BEGIN", "VTODO");
	line(c, "UID", xctx_printf(x, "%s-%016llx@peil", a->id, org));
	line(c, "DTSTAMP", stamp);
	if (a->due[0])
		line(c, "DUE;VALUE=DATE", xctx_printf(x, "%.4s%.2s%.2s", a->due, a->due + 5, a->due + 8));
	text_line(c, "SUMMARY", a->title);
	text_line(c, "DESCRIPTION", description(x, a));
	if (a->owner)
		text_line(c, "CONTACT", a->owner);
	line(c, "STATUS", a->status == ACTION_IN_PROGRESS ? "IN-PROCESS" : "NEEDS-ACTION");
	text_line(c, "CATEGORIES", response_organisation(x->r));
	line(c, "END", "VTODO");
}

bool ics_write(struct xctx *x, FILE *f)
{
	struct ical c = { .f = f };
	const char *date = response_date(x->r);
	/* The date of the last change, so that the same file exports the same
	 * bytes (and calendars see a newer stamp after a change). */
	const char *stamp = xctx_printf(x, "%.4s%.2s%.2sT000000Z", date, date + 5, date + 8);
	unsigned long long org = fnv1a(response_organisation(x->r));
	line(&c, "BEGIN", "VCALENDAR");
	line(&c, "VERSION", "2.0");
	line(&c, "PRODID", "-//peil//peil " PEIL_VERSION "//EN");
	line(&c, "CALSCALE", "GREGORIAN");
	text_line(&c, "X-WR-CALNAME", xctx_printf(x, _("%s — improvement plan"), response_organisation(x->r)));
	for (int i = 0; i < response_nactions(x->r); i++) {
		const struct action *a = response_action(x->r, i);
		if (action_is_open(a))
			todo(&c, x, a, stamp, org);
	}
	line(&c, "END", "VCALENDAR");
	mem_free(c.buf);
	return !c.oom && !x->oom;
}
