/* The workshop's HTTP server (serve/http.h).
 *
 * One libmicrohttpd polling thread runs every callback. A request is
 * classified on its first call (path, method, seat, rate), its body is
 * gathered within SERVE_MAX_BODY, then it becomes one room event. A vote
 * is answered only once the owner has saved it: the connection is
 * suspended until the room says so. A long poll (`wait`) is suspended
 * until the facilitator moves on or SERVE_WAIT passes. */
#include "serve/http_private.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* ---- answering ---- */

static enum MHD_Result send_body(struct serve *sv, struct MHD_Connection *c, unsigned status, char *body,
                                 size_t len, const char *type, const char *nonce, const char *cookie)
{
	if (!body) {
		static const char oom[] = "Service unavailable\n";
		status = MHD_HTTP_SERVICE_UNAVAILABLE;
		body = strdup(oom);
		len = body ? strlen(oom) : 0;
		type = "text/plain; charset=utf-8";
		nonce = NULL;
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	char csp[256];
	snprintf(csp, sizeof csp,
	         "default-src 'none'; style-src 'nonce-%s'; script-src 'nonce-%s'; connect-src 'self'; "
	         "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	         nonce ? nonce : "none", nonce ? nonce : "none");
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	if (cookie)
		MHD_add_response_header(r, "Set-Cookie", cookie);
	if (status == MHD_HTTP_SEE_OTHER)
		MHD_add_response_header(r, "Location", sv->base);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET, POST");
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_text(struct serve *sv, struct MHD_Connection *c, unsigned status, const char *text)
{
	return send_body(sv, c, status, strdup(text), strlen(text), "text/plain; charset=utf-8", NULL, NULL);
}

static void page_ctx(const struct serve *sv, struct page_ctx *pc, char *nonce)
{
	if (!room_random_hex(nonce, 16))
		strcpy(nonce, "0");     /* no randomness: the style and script are then refused */
	*pc = (struct page_ctx){ sv->q, sv->qlang, &sv->texts, sv->base, nonce };
}

static enum MHD_Result send_message(struct serve *sv, struct MHD_Connection *c, unsigned status, const char *msg)
{
	struct page_ctx pc;
	char nonce[33];
	size_t len = 0;
	page_ctx(sv, &pc, nonce);
	char *body = page_message(&pc, msg, &len);
	return send_body(sv, c, status, body, len, "text/html; charset=utf-8", nonce, NULL);
}

static enum MHD_Result send_page(struct serve *sv, struct MHD_Connection *c, int seat, const char *cookie)
{
	struct page_ctx pc;
	struct room_view v;
	char nonce[33];
	size_t len = 0;
	page_ctx(sv, &pc, nonce);
	room_view(sv->room, seat, &v);
	char *body = page_vote(&pc, &v, NULL, &len);
	return send_body(sv, c, MHD_HTTP_OK, body, len, "text/html; charset=utf-8", nonce, cookie);
}

/* ---- the routes ---- */

/* GET /SECRET/: the page; a phone without a seat takes one. */
static enum MHD_Result get_page(struct serve *sv, struct MHD_Connection *c, struct req *rq)
{
	if (rq->seat >= 0)
		return send_page(sv, c, rq->seat, NULL);
	char token[ROOM_TOKEN_HEX + 1], cookie[160];
	enum room_status st = room_join(sv->room, token);
	if (st == ROOM_FULL) {
		struct page_ctx pc;
		char nonce[33];
		size_t len = 0;
		page_ctx(sv, &pc, nonce);
		struct room_view v;
		room_view(sv->room, -1, &v);
		char *body = page_full(&pc, v.seats, &len);
		return send_body(sv, c, MHD_HTTP_FORBIDDEN, body, len, "text/html; charset=utf-8", nonce, NULL);
	}
	if (st != ROOM_OK)
		return send_text(sv, c, MHD_HTTP_SERVICE_UNAVAILABLE, "Service unavailable\n");
	snprintf(cookie, sizeof cookie, "%s=%s; Path=%s; HttpOnly; SameSite=Strict%s", SERVE_COOKIE, token, sv->base,
	         sv->tls ? "; Secure" : "");
	return send_page(sv, c, room_seat(sv->room, token), cookie);
}

static void resumed(void *arg, bool ok)
{
	struct req *rq = arg;
	rq->result = ok;
	rq->state = RQ_RESUMED;
	MHD_resume_connection(rq->c);
}

/* Suspends the connection until the room calls back; false (not
 * suspended) when the server is stopping. register_wait() returns false
 * when what it waits for is already so. */
static bool suspend_until(struct serve *sv, struct req *rq, bool (*register_wait)(struct serve *, struct req *))
{
	pthread_mutex_lock(&sv->mu);
	bool ok = !sv->stopping;
	if (ok) {
		rq->state = RQ_WAITING;
		MHD_suspend_connection(rq->c);
		if (!register_wait(sv, rq)) {
			rq->state = RQ_RESUMED;
			MHD_resume_connection(rq->c);
		}
	}
	pthread_mutex_unlock(&sv->mu);
	return ok;
}

static bool wait_saved(struct serve *sv, struct req *rq)
{
	return room_when_saved(sv->room, rq->ticket, resumed, rq, &rq->result);
}

static bool wait_phase(struct serve *sv, struct req *rq)
{
	rq->result = true;
	return room_when_phase(sv->room, rq->phase, room_clock() + SERVE_WAIT, resumed, rq);
}

static const char *refusal(const struct serve *sv, enum room_status st, unsigned *status)
{
	*status = MHD_HTTP_CONFLICT;
	switch (st) {
	case ROOM_NO_SEAT: *status = MHD_HTTP_FORBIDDEN; return sv->texts.err_seat;
	case ROOM_BAD_ANSWER: *status = MHD_HTTP_BAD_REQUEST; return sv->texts.err_answer;
	case ROOM_CLOSED: return sv->texts.err_closed;
	case ROOM_ALL_IN: return sv->texts.err_all_in;
	case ROOM_NO_QUESTION:
	case ROOM_WRONG_QUESTION: return sv->texts.err_question;
	default: *status = MHD_HTTP_SERVICE_UNAVAILABLE; return sv->texts.err_saved;
	}
}

/* POST /SECRET/vote: question=ID&answer=LEVEL|na|unknown. */
static enum MHD_Result post_vote(struct serve *sv, struct MHD_Connection *c, struct req *rq)
{
	if (rq->state == RQ_RESUMED)
		return rq->result ? send_body(sv, c, MHD_HTTP_SEE_OTHER, strdup(""), 0, "text/plain", NULL, NULL)
		                  : send_message(sv, c, MHD_HTTP_SERVICE_UNAVAILABLE, sv->texts.err_saved);
	if (rq->too_big)
		return send_message(sv, c, MHD_HTTP_CONTENT_TOO_LARGE, sv->texts.err_large);
	char question[128], answer[16];
	if (!serve_parse_form(rq->body, rq->body_len, question, sizeof question, answer, sizeof answer))
		return send_message(sv, c, MHD_HTTP_BAD_REQUEST, sv->texts.err_form);
	enum room_status st = room_vote(sv->room, rq->seat, question, answer, &rq->ticket);
	unsigned status;
	if (st != ROOM_OK) {
		const char *why = refusal(sv, st, &status);
		return send_message(sv, c, status, why);
	}
	if (!suspend_until(sv, rq, wait_saved))
		return send_message(sv, c, MHD_HTTP_SERVICE_UNAVAILABLE, sv->texts.err_saved);
	return MHD_YES;
}

/* GET /SECRET/wait?phase=N: answers the phase once it is not N. */
static enum MHD_Result get_wait(struct serve *sv, struct MHD_Connection *c, struct req *rq)
{
	char buf[32];
	if (rq->state != RQ_RESUMED) {
		const char *p = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "phase");
		char *end;
		unsigned long n = p && isdigit((unsigned char)*p) ? strtoul(p, &end, 10) : 0;
		if (!p || !isdigit((unsigned char)*p) || *end || n > 0xffffffffUL)
			return send_text(sv, c, MHD_HTTP_BAD_REQUEST, "Bad request\n");
		rq->phase = (unsigned)n;
		if (suspend_until(sv, rq, wait_phase))
			return MHD_YES;
	}
	struct room_view v;
	room_view(sv->room, rq->seat, &v);
	snprintf(buf, sizeof buf, "%u\n", v.phase);
	return send_text(sv, c, MHD_HTTP_OK, buf);
}

/* ---- the first call: what the request is, and whether to take it ---- */

static enum route route_of(const struct serve *sv, const char *url)
{
	size_t n = strlen(sv->base);
	unsigned char diff = 0;
	if (strlen(url) < n)
		return ROUTE_NONE;
	for (size_t i = 0; i < n; i++)      /* the same time for every wrong secret */
		diff |= (unsigned char)(url[i] ^ sv->base[i]);
	if (diff)
		return ROUTE_NONE;
	url += n;
	return !*url ? ROUTE_PAGE : !strcmp(url, "vote") ? ROUTE_VOTE : !strcmp(url, "wait") ? ROUTE_WAIT : ROUTE_NONE;
}

/* False: too many requests from this seat (or, without one, this address). */
static bool within_rate(struct serve *sv, struct MHD_Connection *c, int seat)
{
	double now = room_clock();
	if (seat >= 0)
		return bucket_take(&sv->seat_rate[seat], SERVE_SEAT_BURST, SERVE_SEAT_RATE, now);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	struct bucket *b;
	if (sa && sa->sa_family == AF_INET)
		b = limit_for_addr(&sv->addr_rate, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	else if (sa && sa->sa_family == AF_INET6)
		b = limit_for_addr(&sv->addr_rate, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
	else
		b = &sv->addr_rate.b[0];
	return bucket_take(b, sv->addr_burst, sv->addr_per_second, now);
}

static bool is_form(struct MHD_Connection *c)
{
	const char *t = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	static const char form[] = "application/x-www-form-urlencoded";
	return t && !strncasecmp(t, form, sizeof form - 1) && (!t[sizeof form - 1] || t[sizeof form - 1] == ';');
}

static enum MHD_Result begin(struct serve *sv, struct MHD_Connection *c, const char *url, const char *method,
                             void **con_cls)
{
	enum route route = route_of(sv, url);
	int seat = route == ROUTE_NONE ? -1
	                               : room_seat(sv->room, MHD_lookup_connection_value(c, MHD_COOKIE_KIND, SERVE_COOKIE));
	if (!within_rate(sv, c, seat))
		return send_message(sv, c, MHD_HTTP_TOO_MANY_REQUESTS, sv->texts.err_busy);
	if (route == ROUTE_NONE)
		return send_text(sv, c, MHD_HTTP_NOT_FOUND, "Not found\n");
	bool post = !strcmp(method, MHD_HTTP_METHOD_POST), get = !strcmp(method, MHD_HTTP_METHOD_GET);
	if (route == ROUTE_VOTE ? !post : !get)
		return send_text(sv, c, MHD_HTTP_METHOD_NOT_ALLOWED, "Method not allowed\n");
	if (route != ROUTE_PAGE && seat < 0)
		return send_message(sv, c, MHD_HTTP_FORBIDDEN, sv->texts.err_seat);
	if (route == ROUTE_VOTE) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY)
			return send_message(sv, c, MHD_HTTP_CONTENT_TOO_LARGE, sv->texts.err_large);
		if (!is_form(c))
			return send_message(sv, c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, sv->texts.err_form);
	}
	struct req *rq = mem_alloc(sizeof *rq);
	if (!rq)
		return send_text(sv, c, MHD_HTTP_SERVICE_UNAVAILABLE, "Service unavailable\n");
	*rq = (struct req){ .route = route, .seat = seat, .c = c };
	*con_cls = rq;
	if (route == ROUTE_VOTE)
		return MHD_YES;         /* the body comes in the next calls */
	return route == ROUTE_PAGE ? get_page(sv, c, rq) : get_wait(sv, c, rq);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct serve *sv = cls;
	struct req *rq = *con_cls;
	(void)version;
	if (!rq)
		return begin(sv, c, url, method, con_cls);
	if (*upload_size) {
		if (rq->body_len + *upload_size > SERVE_MAX_BODY) {
			rq->too_big = true;
		} else {
			memcpy(rq->body + rq->body_len, upload, *upload_size);
			rq->body_len += *upload_size;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	switch (rq->route) {
	case ROUTE_VOTE: return post_vote(sv, c, rq);
	case ROUTE_WAIT: return get_wait(sv, c, rq);
	default: return MHD_NO;     /* a page is answered on the first call */
	}
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)c, (void)toe;
	mem_free(*con_cls);
	*con_cls = NULL;
}

enum MHD_Result serve_dispatch(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	return on_request(cls, c, url, method, version, upload, upload_size, con_cls);
}

void serve_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	on_completed(cls, c, con_cls, toe);
}
