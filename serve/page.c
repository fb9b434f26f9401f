/* The phone's page (serve/page.h). Accessible by construction: real
 * buttons in a form with a legend, the question as the heading, status
 * text in a live region, sizes in rem so that 200% text reflows, every
 * target at least 48 px high. Works without JavaScript: a vote is a form
 * POST and the page reloads itself; with JavaScript it long-polls `wait`
 * and reloads when the facilitator moves on. */
#include "serve/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/html_escape.h"

void page_texts_init(struct page_texts *t, const char *lang)
{
	t->lang = lang && *lang ? lang : "en";
	t->title = _("peil: vote");
	t->question_of = _("Question %d of %d");
	t->round = _("round %d");
	t->explain = _("Explanation");
	t->choose = _("Your answer");
	t->na = _("not applicable");
	t->unknown = _("don't know");
	t->mine_mark = _("(your vote)");
	t->mine_open = _("Your vote: %s. You can change it until the votes are revealed.");
	t->mine_closed = _("Your vote: %s.");
	t->revealed = _("The votes are revealed. This is how the room voted:");
	t->counts_none = _("You did not vote on this question.");
	t->wait_first = _("Wait for the facilitator to open the first question.");
	t->full_title = _("The room is full");
	t->full_text = _("All %d seats are taken. Ask the facilitator.");
	t->back = _("Back to the question");
	t->follows = _("This page follows the facilitator by itself.");
	t->err_seat = _("This phone has no seat in the room: open the join address again.");
	t->err_question = _("That question is not open for voting any more.");
	t->err_answer = _("That is not one of the answers.");
	t->err_closed = _("The votes on this question are revealed: voting is closed.");
	t->err_all_in = _("Every participant has voted already.");
	t->err_saved = _("Your vote could not be saved. Tell the facilitator.");
	t->err_busy = _("Too many requests from this phone: wait a moment.");
	t->err_large = _("The request is too large.");
	t->err_form = _("The vote did not arrive complete: choose your answer again.");
}

/* Text for HTML content and attribute values alike, through the
 * documents' escaper; a newline stays one (in the explanation it is
 * shown as a space, as it always was). */
static void esc(FILE *f, const char *s)
{
	html_escape(f, s, HTML_NL_KEEP);
}

/* A printf format of ours with one %s or %d argument, escaped. */
static void escf(FILE *f, const char *fmt, const char *s, int n)
{
	char buf[1024];
	if (s)
		snprintf(buf, sizeof buf, fmt, s);
	else
		snprintf(buf, sizeof buf, fmt, n);
	esc(f, buf);
}

static const char style[] =
	"html{font-family:system-ui,sans-serif;font-size:100%;line-height:1.4;color:#111;background:#fff}"
	"body{margin:0;padding:1rem;max-width:40rem}"
	"h1{font-size:1.35rem;margin:.5rem 0 1rem}"
	".status{color:#333;margin:0}"
	"details{margin:0 0 1rem}summary{min-height:3rem;padding:.75rem 0;cursor:pointer}"
	"fieldset{border:0;margin:0;padding:0}legend{font-weight:bold;margin-bottom:.5rem}"
	"button{display:block;width:100%;min-height:3rem;margin:0 0 .75rem;padding:.75rem 1rem;"
	"font:inherit;text-align:left;color:#fff;background:#1d4ed8;border:2px solid #1d4ed8;border-radius:.5rem}"
	"button small{display:block;font-size:.9rem}"
	"button.other{color:#111;background:#fff;border-color:#111}"
	"button.mine{background:#064e3b;border-color:#064e3b;color:#fff}"
	"button:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid #b45309;outline-offset:2px}"
	".note{font-weight:bold}a{color:#1d4ed8;display:inline-block;min-height:3rem;padding:.75rem 0}"
	"ul{padding-left:1.25rem}";

static void head(FILE *f, const struct page_ctx *c, bool refresh)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"");
	esc(f, c->t->lang);
	fprintf(f, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(f, c->t->title);
	fprintf(f, "</title>\n");
	if (refresh)    /* without JavaScript, the page follows by reloading */
		fprintf(f, "<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>\n");
	fprintf(f, "<style nonce=\"%s\">%s</style>\n</head>\n<body>\n<main>\n", c->nonce, style);
}

static void tail(FILE *f, const struct page_ctx *c, unsigned phase, bool follow)
{
	fprintf(f, "</main>\n");
	if (follow)
		fprintf(f, "<script nonce=\"%s\">(function(){var p='%u',d=1000;"
		           "function w(){fetch('wait?phase='+p,{cache:'no-store',credentials:'same-origin'})"
		           ".then(function(r){if(!r.ok)throw r;return r.text()})"
		           ".then(function(t){if(t.trim()!==p){location.reload()}else{d=1000;w()}})"
		           ".catch(function(){setTimeout(w,d);d=Math.min(d*2,30000)})}w()})();</script>\n",
		        c->nonce, phase);
	fprintf(f, "</body>\n</html>\n");
}

/* Closes the stream; the document, or NULL when memory ran out. */
static char *finish(FILE *f, char **buf)
{
	if (fclose(f) != 0) {     /* buf is only final after fclose */
		free(*buf);
		return NULL;
	}
	return *buf;
}

static void answer_name(const struct page_ctx *c, int slot, int nl, char *buf, size_t n)
{
	if (slot == nl)
		snprintf(buf, n, "%s", c->t->na);
	else if (slot == nl + 1)
		snprintf(buf, n, "%s", c->t->unknown);
	else
		snprintf(buf, n, "%d %s", c->q->levels[slot].value, qn_str(c->q, &c->q->levels[slot].label, c->lang));
}

static void button(FILE *f, const struct page_ctx *c, const struct room_view *v, int slot, const char *value)
{
	int nl = c->q->nlevels;
	const struct qn_question *qq = &c->q->questions[v->question];
	char name[512];
	answer_name(c, slot, nl, name, sizeof name);
	fprintf(f, "<button type=\"submit\" name=\"answer\" value=\"%s\"%s>", value,
	        v->mine == slot ? " class=\"mine\"" : slot >= nl ? " class=\"other\"" : "");
	esc(f, name);
	if (v->mine == slot) {
		fputs(" ", f);
		esc(f, c->t->mine_mark);
	}
	const char *what = slot < nl ? qn_tr(c->q, &qq->answers[slot].text, c->lang) : NULL;
	if (what && *what) {
		fputs("<small>", f);
		esc(f, what);
		fputs("</small>", f);
	}
	fputs("</button>\n", f);
}

static void question_form(FILE *f, const struct page_ctx *c, const struct room_view *v)
{
	const struct qn_question *qq = &c->q->questions[v->question];
	fputs("<form method=\"post\" action=\"vote\">\n<input type=\"hidden\" name=\"question\" value=\"", f);
	esc(f, qq->id);
	fputs("\">\n<fieldset>\n<legend>", f);
	esc(f, c->t->choose);
	fputs("</legend>\n", f);
	char value[16];
	for (int i = 0; i < c->q->nlevels; i++) {
		snprintf(value, sizeof value, "%d", c->q->levels[i].value);
		button(f, c, v, i, value);
	}
	if (qq->allow_na)
		button(f, c, v, c->q->nlevels, "na");
	button(f, c, v, c->q->nlevels + 1, "unknown");
	fputs("</fieldset>\n</form>\n", f);
}

static void revealed_counts(FILE *f, const struct page_ctx *c, const struct room_view *v)
{
	char name[512];
	fputs("<p>", f);
	esc(f, c->t->revealed);
	fputs("</p>\n<ul>\n", f);
	for (int s = 0; s < v->nslots; s++) {
		if (s >= c->q->nlevels && v->counts[s] == 0)
			continue;
		answer_name(c, s, c->q->nlevels, name, sizeof name);
		fputs("<li>", f);
		esc(f, name);
		fprintf(f, ": %d</li>\n", v->counts[s]);
	}
	fputs("</ul>\n", f);
}

char *page_vote(const struct page_ctx *c, const struct room_view *v, const char *notice, size_t *len)
{
	char *buf = NULL, name[512];
	FILE *f = open_memstream(&buf, len);
	if (!f)
		return NULL;
	head(f, c, true);
	if (notice) {
		fputs("<p class=\"note\" role=\"alert\">", f);
		esc(f, notice);
		fputs("</p>\n", f);
	}
	if (v->question < 0) {
		fputs("<h1>", f);
		esc(f, c->t->wait_first);
		fputs("</h1>\n", f);
	} else {
		const struct qn_question *qq = &c->q->questions[v->question];
		fputs("<p class=\"status\">", f);
		snprintf(name, sizeof name, c->t->question_of, v->question + 1, c->q->nquestions);
		esc(f, name);
		if (v->round > 1) {
			fputs(" &middot; ", f);
			escf(f, c->t->round, NULL, v->round);
		}
		fputs("</p>\n<h1>", f);
		esc(f, qn_str(c->q, &qq->text, c->lang));
		fputs("</h1>\n", f);
		const char *help = qn_tr(c->q, &qq->help, c->lang);
		if (help && *help) {
			fputs("<details><summary>", f);
			esc(f, c->t->explain);
			fputs("</summary>\n<p>", f);
			esc(f, help);
			fputs("</p></details>\n", f);
		}
		if (!v->revealed)
			question_form(f, c, v);
		fputs("<p role=\"status\">", f);
		if (v->mine >= 0) {
			answer_name(c, v->mine, c->q->nlevels, name, sizeof name);
			escf(f, v->revealed ? c->t->mine_closed : c->t->mine_open, name, 0);
		} else if (v->revealed) {
			esc(f, c->t->counts_none);
		}
		fputs("</p>\n", f);
		if (v->revealed)
			revealed_counts(f, c, v);
	}
	fputs("<p class=\"status\">", f);
	esc(f, c->t->follows);
	fputs("</p>\n", f);
	tail(f, c, v->phase, true);
	return finish(f, &buf);
}

/* A page without a vote: a heading and one line, the text or (NULL) a
 * link back to the room. */
static char *plain_page(const struct page_ctx *c, const char *heading, const char *text, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		return NULL;
	head(f, c, false);
	fputs("<h1>", f);
	esc(f, heading);
	fputs(text ? "</h1>\n<p>" : "</h1>\n<p><a href=\"./\">", f);
	esc(f, text ? text : c->t->back);
	fputs(text ? "</p>\n" : "</a></p>\n", f);
	tail(f, c, 0, false);
	return finish(f, &buf);
}

char *page_full(const struct page_ctx *c, int seats, size_t *len)
{
	char text[1024];
	snprintf(text, sizeof text, c->t->full_text, seats);
	return plain_page(c, c->t->full_title, text, len);
}

char *page_message(const struct page_ctx *c, const char *message, size_t *len)
{
	return plain_page(c, message, NULL, len);
}
