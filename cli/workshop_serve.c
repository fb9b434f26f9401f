/* `peil workshop --serve [ADDR:]PORT [--tls-cert F --tls-key F]`: the
 * room for the session's live votes, and the phones' server around it. */
#include "cli/workshop_serve.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"

int workshop_serve_parse(const char *arg, struct workshop_serve_args *sa)
{
	const char *colon = strrchr(arg, ':');
	const char *port = colon ? colon + 1 : arg;
	char *end;
	errno = 0;
	long p = strtol(port, &end, 10);
	if (!*port || *end || errno || p < 0 || p > 65535 || port[0] == '-' || port[0] == '+')
		return cli_usage_error("workshop", _("--serve takes [ADDRESS:]PORT (a port from 0 to 65535), not '%s'"),
		                       arg);
	sa->port = (int)p;
	sa->host[0] = '\0';
	if (colon && (size_t)(colon - arg) >= sizeof sa->host)
		return cli_usage_error("workshop", _("--serve takes [ADDRESS:]PORT (a port from 0 to 65535), not '%s'"),
		                       arg);
	if (colon && !(colon - arg == 1 && arg[0] == '*'))
		snprintf(sa->host, sizeof sa->host, "%.*s", (int)(colon - arg), arg);
	sa->serve = true;
	return EXIT_OK;
}

/* A PEM file, whole; NULL (and a message) when it cannot be read. */
static char *read_pem(const char *path)
{
	enum { MAX_PEM = 256 * 1024 };
	FILE *f = fopen(path, "rb");
	char *buf = f ? xmalloc(MAX_PEM + 1) : NULL;
	size_t n = f ? fread(buf, 1, MAX_PEM + 1, f) : 0;
	bool ok = f && !ferror(f) && n > 0 && n <= MAX_PEM;
	if (f)
		fclose(f);
	if (!ok) {
		cli_printf(stderr, "%s: error: %s\n", path,
		        !f ? strerror(errno) : n > MAX_PEM ? _("too large for a certificate") : _("cannot be read"));
		mem_free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

int workshop_serve_start(const struct workshop_serve_args *sa, const struct questionnaire *q, int participants,
                         struct workshop_room *wr)
{
	memset(wr, 0, sizeof *wr);
	wr->room = room_new(q, participants, sa->serve ? participants : 0);
	if (!wr->room) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	if (!sa->serve)
		return EXIT_OK;
	char *cert = sa->tls_cert ? read_pem(sa->tls_cert) : NULL;
	char *key = cert && sa->tls_key ? read_pem(sa->tls_key) : NULL;
	if (sa->tls_cert && (!cert || !key)) {
		mem_free(cert);
		mem_free(key);
		return EXIT_INVALID;
	}
	int qlang = cli_lang(q);
	struct serve_options o = { .host = sa->host, .port = sa->port, .tls_cert = cert, .tls_key = key,
	                           .lang = q->langs[qlang], .qlang = qlang };
	char err[256];
	wr->serve = serve_start(wr->room, q, &o, err, sizeof err);
	mem_free(cert);
	mem_free(key);
	if (!wr->serve) {
		cli_printf(stderr, "peil workshop: %s\n", err);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

void workshop_serve_options(const struct workshop_room *wr, struct tui_workshop_options *o)
{
	o->room = wr->room;
	if (!wr->serve)
		return;
	o->join_url = serve_url(wr->serve);
	o->join_qr = serve_qr_text(wr->serve);
	o->join_iface = serve_interface(wr->serve);
	o->join_everywhere = serve_everywhere(wr->serve);
}

void workshop_serve_stop(struct workshop_room *wr)
{
	serve_stop(wr->serve);
	room_free(wr->room);
	memset(wr, 0, sizeof *wr);
}
