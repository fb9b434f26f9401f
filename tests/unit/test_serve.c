/* The phones' server under hostile input (serve/http.c): thousands of
 * random methods, paths, headers and bodies from a fixed seed, on
 * loopback, against the real libmicrohttpd daemon with an owner thread
 * that saves like the TUI does. Run under ASan by `make check`: no crash,
 * every answer an expected status, and the session file unchanged. Then
 * the server still works, and stops cleanly with a phone waiting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "serve/http.h"
#include "serve/room.h"
#include "tests/unit/testutil.h"

enum { REQUESTS = 2500, PARTICIPANTS = 2000, SEATS = 100 };

struct owner {
	struct room *room;
	struct response *r;
	const char *path;
	atomic_bool stop;
	int saves;
};

/* What the TUI does when the phones wake it, without the TUI. */
static void *own(void *arg)
{
	struct owner *o = arg;
	char err[256];
	while (!atomic_load(&o->stop)) {
		struct pollfd p = { .fd = room_wake_fd(o->room), .events = POLLIN };
		if (poll(&p, 1, 50) <= 0)
			continue;
		room_clear_wake(o->room);
		unsigned long gen;
		bool ok = true;
		if (room_apply(o->room, o->r, &gen)) {
			ok = response_save(o->r, o->path, err, sizeof err);
			o->saves++;
		}
		room_saved(o->room, gen, ok);
	}
	return NULL;
}

/* One request on a new loopback connection: the status, 0 when the server
 * closed without one. Bounded: 3 s to answer. */
static int ask(int port, const char *req, size_t len, char *reply, size_t rlen)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct timeval tv = { 3, 0 };
	assert_true(fd >= 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	for (size_t off = 0; off < len;) {
		ssize_t n = send(fd, req + off, len - off, MSG_NOSIGNAL);
		if (n <= 0)
			break;          /* the server may close on a bad request */
		off += (size_t)n;
	}
	shutdown(fd, SHUT_WR);
	size_t got = 0;
	ssize_t n;
	while (got + 1 < rlen && (n = recv(fd, reply + got, rlen - 1 - got, 0)) > 0)
		got += (size_t)n;
	reply[got] = '\0';
	close(fd);
	int status = 0;
	if (sscanf(reply, "HTTP/1.%*d %d", &status) != 1)
		status = 0;
	return status;
}

/* A new seat: its cookie's token into token[40]. */
static void join(int port, const char *base, char *token)
{
	char req[256], reply[4096];
	size_t n = (size_t)snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", base);
	assert_int_equal(ask(port, req, n, reply, sizeof reply), 200);
	const char *c = strstr(reply, "peil_seat=");
	assert_non_null(c);
	snprintf(token, 40, "%.32s", c + 10);
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static unsigned next(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;      /* xorshift64 */
	return (unsigned)(rng % n);
}

static void random_bytes(char *out, size_t n)
{
	static const char pool[] = "abcXYZ019%&=;:/.?#\"'<>\r\n \t\x01\x7f\xff\xc3\xa9question=answer=na";
	for (size_t i = 0; i < n; i++)
		out[i] = pool[next(sizeof pool - 1)];
}

/* A random request: sometimes near-valid, often not. */
static size_t hostile(char *buf, size_t cap, const char *base, const char *cookie)
{
	static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "BREW",
	                                       "G\x01T", "" };
	static const char *const tails[] = { "", "vote", "wait", "wait?phase=", "wait?phase=99999999999",
	                                     "wait?phase=-1", "../", "..%2f..%2fetc/passwd", "vote/../vote", "%00",
	                                     "index.html", "wait?phase=1&phase=2" };
	static const char *const types[] = { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
	                                     "application/json", "text/plain", "" };
	char path[600], body[9000], extra[300];
	unsigned kind = next(4);
	bool vote = next(2) == 0;       /* half of them: a near-valid vote */
	if (vote)
		snprintf(path, sizeof path, "%svote", base);
	else if (kind == 0)
		snprintf(path, sizeof path, "%s%s", base, tails[next(sizeof tails / sizeof *tails)]);
	else if (kind == 1)
		snprintf(path, sizeof path, "/%032X/vote", next(1000));
	else if (kind == 2)
		snprintf(path, sizeof path, "%.*s", (int)(sizeof path - 1), base), path[1 + next(32)] ^= 1;
	else {
		random_bytes(path, 1 + next(500));
		path[1 + next(500)] = '\0';
	}
	size_t blen = next(3) ? next(200) : next(sizeof body);
	random_bytes(body, blen);
	if (next(3) == 0)
		blen = (size_t)snprintf(body, sizeof body, "question=q%u&answer=%u", next(9), next(9));
	/* Content-Length: the body's, a shorter one, or (a vote) one far too
	 * large, refused before the body; never one the body falls short of,
	 * which would only make the server wait for more. */
	size_t clen = next(5) ? blen : next((unsigned)blen + 1);
	if (vote && next(8) == 0)
		clen = SERVE_MAX_BODY + 1 + next(100000);
	if (vote && next(2))
		blen = clen = (size_t)snprintf(body, sizeof body, "question=services.online-loans&answer=%u%s", 6 + next(90),
		                        next(2) ? "&answer=2" : "");
	snprintf(extra, sizeof extra, "%s%s", vote || next(2) ? "Cookie: peil_seat=" : "",
	         vote || next(2) ? (vote || next(2) ? cookie : "0123456789abcdef0123456789abcdef") : "");
	int n = snprintf(buf, cap, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
	                           "Content-Type: %s\r\nContent-Length: %zu\r\n%s%s\r\n",
	                 vote ? "POST" : methods[next(sizeof methods / sizeof *methods)], path,
	                 types[vote ? next(2) * 2 : next(5)], clen, extra, extra[0] ? "\r\n" : "");
	if (n < 0 || (size_t)n + blen >= cap)
		return 0;
	memcpy(buf + n, body, blen);
	return (size_t)n + blen;
}

struct waiter {
	int port;
	const char *req;
	size_t len;
	int status;
};

static void *wait_phone(void *arg)
{
	struct waiter *w = arg;
	char reply[1024];
	w->status = ask(w->port, w->req, w->len, reply, sizeof reply);
	return NULL;
}

static bool expected(int status)
{
	static const int ok[] = { 0, 200, 400, 403, 404, 405, 409, 413, 414, 415, 429, 431, 501, 505 };
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (status == ok[i])
			return true;
	return false;
}

static void test_hostile_requests(void **state)
{
	(void)state;
	struct diag_list *d = diag_list_new();
	struct questionnaire *q = questionnaire_load(tu_fixture("valid/library.yaml"), d);
	assert_non_null(q);
	char *dir = tu_mkdtemp(), *path = tu_join(dir, "session.yaml"), err[256];
	struct owner o = { .room = room_new(q, PARTICIPANTS, PARTICIPANTS), .r = response_new(q, "Proef"),
	                   .path = path };
	assert_non_null(o.room);
	assert_true(response_save(o.r, path, err, sizeof err));
	room_follow(o.room, o.r, 0);
	size_t before_len = 0;
	char *before = tu_read(path, &before_len);
	struct serve_options so = { .host = "127.0.0.1", .port = 0, .lang = "en" };
	struct serve *sv = serve_start(o.room, q, &so, err, sizeof err);
	assert_non_null(sv);
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, own, &o), 0);

	const char *url = serve_url(sv), *base = strstr(url + 8, "/");
	int port = serve_port(sv);
	static char req[12000], reply[4096];
	/* real seats, for requests that carry a valid cookie (each seat's
	 * rate allows SEATS_USE requests at once) */
	static char cookies[SEATS][40];
	size_t n;
	for (int i = 0; i < SEATS; i++)
		join(port, base, cookies[i]);

	int counts[600] = { 0 };
	for (int i = 0; i < REQUESTS; i++) {
		n = hostile(req, sizeof req, base, cookies[i % SEATS]);
		if (!n)
			continue;
		int st = ask(port, req, n, reply, sizeof reply);
		if (!expected(st))
			fail_msg("request %d got status %d:\n%.300s", i, st, req);
		counts[st]++;
	}
	print_message("statuses: 0:%d 200:%d 400:%d 403:%d 404:%d 405:%d 409:%d 413:%d 415:%d 429:%d\n", counts[0],
	              counts[200], counts[400], counts[403], counts[404], counts[405], counts[409], counts[413],
	              counts[415], counts[429]);
	assert_true(counts[404] > 100 && counts[400] + counts[409] + counts[413] + counts[415] > 50);

	/* nothing changed: no vote counted, the file as it was */
	struct room_view v;
	room_view(o.room, -1, &v);
	assert_int_equal(v.voted, 0);
	size_t after_len = 0;
	char *after = tu_read(path, &after_len);
	if (after_len != before_len)
		fail_msg("the session changed:\n%s\n---\n%s", before, after);
	assert_memory_equal(after, before, before_len);
	free(after);
	free(before);
	assert_int_equal(o.saves, 0);

	/* the server still works: a real vote is counted once saved */
	char cookie[40];
	join(port, base, cookie);
	n = (size_t)snprintf(req, sizeof req,
	                     "POST %svote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: peil_seat=%s\r\n"
	                     "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 40\r\n\r\n"
	                     "question=services.online-loans&answer=na",
	                     base, cookie);
	assert_int_equal(ask(port, req, n, reply, sizeof reply), 303);
	assert_int_equal(o.saves, 1);
	struct response *back = response_load(path, q, d);
	assert_non_null(back);
	assert_int_equal(response_answer(back, 0)->votes_na, 1);
	response_free(back);

	/* a phone in a long poll when the workshop ends is answered */
	room_view(o.room, -1, &v);
	n = (size_t)snprintf(req, sizeof req,
	                     "GET %swait?phase=%u HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: peil_seat=%s\r\n\r\n",
	                     base, v.phase, cookie);
	struct waiter w = { port, req, n, -1 };
	/* (a hostile long poll may still be held: they end after SERVE_WAIT) */
	int held = room_waiting(o.room);
	pthread_t wt;
	assert_int_equal(pthread_create(&wt, NULL, wait_phone, &w), 0);
	for (int i = 0; i < 3000 && room_waiting(o.room) == held; i++)
		usleep(1000);           /* until the poll is held: at most 3 s */
	assert_int_equal(room_waiting(o.room), held + 1);
	atomic_store(&o.stop, true);
	pthread_join(th, NULL);
	serve_stop(sv);
	pthread_join(wt, NULL);
	/* its connection is answered or closed by the stop, not left hanging */
	assert_true(w.status == 200 || w.status == 0);
	room_free(o.room);
	response_free(o.r);
	questionnaire_free(q);
	diag_list_free(d);
	free(path);
	tu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_requests),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
