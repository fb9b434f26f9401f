/* Starting and stopping the workshop's HTTP server (serve/http.h). */
#include "serve/http_private.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "serve/addr.h"

/* Ends the long polls past their deadline, four times a second. */
static void *tick(void *arg)
{
	struct serve *sv = arg;
	while (atomic_load(&sv->ticking)) {
		nanosleep(&(struct timespec){ 0, 250 * 1000 * 1000 }, NULL);
		room_expire(sv->room, room_clock());
	}
	return NULL;
}

static void free_serve(struct serve *sv)
{
	pthread_mutex_destroy(&sv->mu);
	mem_free(sv->seat_rate);
	mem_free(sv);
}

/* The address phones are given, and its QR form. */
static void make_url(struct serve *sv, const char *host)
{
	char lan[16] = "";
	if (sv->everywhere && addr_lan(lan, sv->iface, sizeof sv->iface))
		host = lan;
	else if (sv->everywhere)
		host = "127.0.0.1";     /* no network: the screen says so */
	snprintf(sv->url, sizeof sv->url, "%s://%s:%d%s", sv->tls ? "https" : "http", host, sv->port, sv->base);
	snprintf(sv->qr, sizeof sv->qr, "%s", sv->url);
	for (char *p = sv->qr; *p && p < sv->qr + strlen(sv->qr) - strlen(sv->base); p++)
		*p = (char)toupper((unsigned char)*p);
}

static struct MHD_Daemon *listen_on(struct serve *sv, const struct sockaddr_in *sa, const struct serve_options *o,
                                    int seats)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME;
	if (sv->tls)
		flags |= MHD_USE_TLS;
	unsigned limit = (unsigned)seats * 2 + 64;
	if (sv->tls)
		return MHD_start_daemon(flags, 0, NULL, NULL, serve_dispatch, sv, MHD_OPTION_SOCK_ADDR, sa,
		                        MHD_OPTION_CONNECTION_LIMIT, limit, MHD_OPTION_CONNECTION_TIMEOUT,
		                        (unsigned)SERVE_TIMEOUT, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		                        (size_t)SERVE_MAX_REQUEST, MHD_OPTION_NOTIFY_COMPLETED, serve_completed, sv,
		                        MHD_OPTION_HTTPS_MEM_CERT, o->tls_cert, MHD_OPTION_HTTPS_MEM_KEY, o->tls_key,
		                        MHD_OPTION_END);
	return MHD_start_daemon(flags, 0, NULL, NULL, serve_dispatch, sv, MHD_OPTION_SOCK_ADDR, sa,
	                        MHD_OPTION_CONNECTION_LIMIT, limit, MHD_OPTION_CONNECTION_TIMEOUT,
	                        (unsigned)SERVE_TIMEOUT, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MAX_REQUEST,
	                        MHD_OPTION_NOTIFY_COMPLETED, serve_completed, sv, MHD_OPTION_END);
}

/* libmicrohttpd does not say why it could not start. With TLS, the usual
 * cause is a certificate or key it refuses: if the same address can be
 * listened on without TLS (stopped again at once), say that instead of
 * blaming the address. */
static bool tls_is_the_cause(struct serve *sv, const struct sockaddr_in *sa, const struct serve_options *o,
                             int seats)
{
	sv->tls = false;
	struct MHD_Daemon *d = listen_on(sv, sa, o, seats);
	sv->tls = true;
	if (d)
		MHD_stop_daemon(d);
	return d != NULL;
}

/* serve_start's way out: err says why; what was made of sv (NULL:
 * nothing yet) is freed. */
__attribute__((format(printf, 4, 5)))
static struct serve *refuse(struct serve *sv, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	if (sv)
		free_serve(sv);
	return NULL;
}

/* The server's state before it listens. NULL: out of memory. */
static struct serve *new_serve(struct room *room, const struct questionnaire *q, const struct serve_options *o,
                               int seats, bool everywhere)
{
	struct serve *sv = mem_alloc(sizeof *sv);
	if (!sv || !(sv->seat_rate = mem_array((size_t)seats, sizeof *sv->seat_rate))) {
		mem_free(sv);
		return NULL;
	}
	pthread_mutex_init(&sv->mu, NULL);
	sv->room = room;
	sv->q = q;
	sv->qlang = o->qlang;
	sv->tls = o->tls_cert && o->tls_key;
	sv->everywhere = everywhere;
	/* Joins come without a seat: room for the whole room at once. */
	sv->addr_burst = 2.0 * seats + 32;
	sv->addr_per_second = seats / 2.0 + 4;
	page_texts_init(&sv->texts, o->lang);
	return sv;
}

struct serve *serve_start(struct room *room, const struct questionnaire *q, const struct serve_options *o,
                          char *err, size_t errlen)
{
	struct room_view v;
	room_view(room, -1, &v);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)o->port) };
	bool everywhere = !o->host || !*o->host;
	if (!everywhere && inet_pton(AF_INET, o->host, &sa.sin_addr) != 1)
		return refuse(NULL, err, errlen, _("--serve: '%s' is not an IPv4 address"), o->host);
	everywhere = everywhere || sa.sin_addr.s_addr == htonl(INADDR_ANY);
	if ((o->tls_cert || o->tls_key) && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
		return refuse(NULL, err, errlen, "%s",
		              _("this libmicrohttpd was built without TLS: leave out --tls-cert and --tls-key"));
	struct serve *sv = new_serve(room, q, o, v.seats, everywhere);
	if (!sv)
		return refuse(NULL, err, errlen, "%s", _("out of memory"));
	char secret[ROOM_TOKEN_HEX + 1];
	if (!room_random_hex(secret, ROOM_TOKEN_HEX / 2))
		return refuse(sv, err, errlen, "%s", _("no source of random numbers for the session secret"));
	for (char *p = secret; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	snprintf(sv->base, sizeof sv->base, "/%s/", secret);
	sv->d = listen_on(sv, &sa, o, v.seats);
	if (!sv->d && sv->tls && tls_is_the_cause(sv, &sa, o, v.seats))
		return refuse(sv, err, errlen, "%s",
		              _("the TLS certificate or key was not accepted (PEM files of one pair expected)"));
	if (!sv->d)
		return refuse(sv, err, errlen, _("cannot listen on %s:%d (in use, or not an address of this machine)"),
		              everywhere ? "0.0.0.0" : o->host, o->port);
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(sv->d, MHD_DAEMON_INFO_BIND_PORT);
	sv->port = di ? di->port : o->port;
	make_url(sv, o->host);
	atomic_store(&sv->ticking, true);
	if (pthread_create(&sv->ticker, NULL, tick, sv) != 0) {
		atomic_store(&sv->ticking, false);
		MHD_stop_daemon(sv->d);
		return refuse(sv, err, errlen, "%s", _("out of memory"));
	}
	return sv;
}

void serve_stop(struct serve *sv)
{
	if (!sv)
		return;
	atomic_store(&sv->ticking, false);
	pthread_join(sv->ticker, NULL);
	pthread_mutex_lock(&sv->mu);
	sv->stopping = true;
	pthread_mutex_unlock(&sv->mu);
	/* No wait is registered from now on: answer the ones there are, so
	 * that no connection stays suspended, then stop. */
	room_cancel_waits(sv->room);
	MHD_stop_daemon(sv->d);
	free_serve(sv);
}

const char *serve_url(const struct serve *s)
{
	return s->url;
}

const char *serve_qr_text(const struct serve *s)
{
	return s->qr;
}

const char *serve_interface(const struct serve *s)
{
	return s->iface[0] ? s->iface : NULL;
}

bool serve_everywhere(const struct serve *s)
{
	return s->everywhere;
}

int serve_port(const struct serve *s)
{
	return s->port;
}
