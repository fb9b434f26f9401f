/* The phone's page: one small self-contained HTML document (inline CSS
 * and script under a per-response nonce, nothing fetched from elsewhere),
 * every text escaped. Plain C: serve/http.c sends what these return. */
#ifndef PEIL_SERVE_PAGE_H
#define PEIL_SERVE_PAGE_H

#include <stddef.h>

#include "core/questionnaire.h"
#include "serve/room.h"

/* The interface's own words on the page, looked up with gettext once, on
 * the thread that starts the server (the server's threads only read). */
struct page_texts {
	const char *lang;       /* "nl", "en": the page's lang attribute */
	const char *title, *question_of, *round, *explain, *choose, *na, *unknown, *mine_mark;
	const char *mine_open, *mine_closed, *revealed, *counts_none, *wait_first;
	const char *full_title, *full_text, *back, *follows;
	/* Why a request was refused (on the error page). */
	const char *err_seat, *err_question, *err_answer, *err_closed, *err_all_in;
	const char *err_saved, *err_busy, *err_large, *err_form;
};
void page_texts_init(struct page_texts *t, const char *lang);

struct page_ctx {
	const struct questionnaire *q;
	int lang;               /* questionnaire language index */
	const struct page_texts *t;
	const char *base;       /* "/SECRET/": where the page lives */
	const char *nonce;      /* for the inline style and script */
};

/* Each returns a malloc()ed document (free()) and its length in *len, or
 * NULL when memory runs out. */
/* The open question with its answers, or the revealed counts; notice: a
 * line on top (an error of the last vote), or NULL. */
char *page_vote(const struct page_ctx *c, const struct room_view *v, const char *notice, size_t *len);
/* "The room is full". */
char *page_full(const struct page_ctx *c, int seats, size_t *len);
/* A message with a link back to the question. */
char *page_message(const struct page_ctx *c, const char *message, size_t *len);

#endif
