/* The workshop's HTTP server (GNU libmicrohttpd): the phones' side of
 * the room. Its callbacks only parse, check and hand a plain event to the
 * room (serve/room.h); the session itself stays with its owner. Every
 * path outside /SECRET/ answers 404; nothing reads or writes a file. */
#ifndef PEIL_SERVE_HTTP_H
#define PEIL_SERVE_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/questionnaire.h"
#include "serve/room.h"

struct serve_options {
	const char *host;       /* an IPv4 address; NULL or "": all interfaces */
	int port;               /* 0: a free one */
	const char *tls_cert;   /* PEM text of certificate and key, or NULL: plain HTTP */
	const char *tls_key;
	const char *lang;       /* the interface's language code ("nl", "en") */
	int qlang;              /* the questionnaire's language index */
};

/* Limits, also said in SECURITY.md. */
enum {
	SERVE_MAX_BODY = 512,           /* bytes of a vote */
	SERVE_MAX_REQUEST = 16 * 1024,  /* bytes of a request's head and buffers */
	SERVE_TIMEOUT = 30,             /* seconds an idle connection is kept */
	SERVE_WAIT = 25,                /* seconds a phone's long poll is held */
};

struct serve;

/* Starts serving the room's seats. The page texts are looked up now, on
 * this thread. NULL, with the reason in err, when it cannot listen. */
struct serve *serve_start(struct room *room, const struct questionnaire *q, const struct serve_options *o,
                          char *err, size_t errlen);
/* Stops: answers the phones still waiting, closes every connection. */
void serve_stop(struct serve *s);       /* NULL is fine */

/* The join address ("http://192.168.1.20:8080/SECRET/"). */
const char *serve_url(const struct serve *s);
/* The same in capitals but for the secret's case, for a compact QR code. */
const char *serve_qr_text(const struct serve *s);
/* The interface whose address the join address uses, or NULL. */
const char *serve_interface(const struct serve *s);
/* Listening on all interfaces (said on screen). */
bool serve_everywhere(const struct serve *s);
int serve_port(const struct serve *s);

#endif
