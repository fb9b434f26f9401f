/* The server's inside, shared by serve/http.c (the requests),
 * serve/daemon.c (starting and stopping) and serve/form.c only. */
#ifndef PEIL_SERVE_HTTP_PRIVATE_H
#define PEIL_SERVE_HTTP_PRIVATE_H

#include <microhttpd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>

#include "serve/http.h"
#include "serve/limit.h"
#include "serve/page.h"

#define SERVE_COOKIE "peil_seat"
enum {
	SERVE_SEAT_BURST = 30,  /* requests a seat may make at once... */
	SERVE_SEAT_RATE = 5,    /* ...and per second after that */
};

struct serve {
	struct MHD_Daemon *d;
	struct room *room;
	const struct questionnaire *q;
	struct page_texts texts;
	int qlang;
	char base[ROOM_TOKEN_HEX + 3];          /* "/SECRET/" */
	char url[160], qr[160], iface[IF_NAMESIZE + 1];
	bool everywhere, tls;
	int port;
	struct bucket *seat_rate;               /* per seat */
	struct addr_limits addr_rate;           /* requests without a seat */
	double addr_burst, addr_per_second;
	/* Registering a wait and stopping exclude each other: no connection
	 * is left suspended when the daemon stops. */
	pthread_mutex_t mu;
	bool stopping;
	pthread_t ticker;
	atomic_bool ticking;
};

enum route { ROUTE_NONE, ROUTE_PAGE, ROUTE_VOTE, ROUTE_WAIT };
enum req_state { RQ_NEW, RQ_WAITING, RQ_RESUMED };

/* One request, from its first call to its completion. */
struct req {
	enum route route;
	int seat;
	struct MHD_Connection *c;
	enum req_state state;
	bool result;            /* set by the room's callback */
	unsigned long ticket;   /* a vote: its generation */
	unsigned phase;         /* a long poll: the phase the phone has */
	bool too_big;
	size_t body_len;
	char body[SERVE_MAX_BODY + 1];
};

/* libmicrohttpd's callbacks (serve/http.c). */
enum MHD_Result serve_dispatch(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls);
void serve_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe);

/* A vote's body, application/x-www-form-urlencoded: exactly the fields
 * `question` and `answer`, once each, nothing else (serve/form.c). */
bool serve_parse_form(const char *body, size_t len, char *question, size_t qlen, char *answer, size_t alen);

#endif
