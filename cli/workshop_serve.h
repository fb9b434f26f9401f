/* `peil workshop --serve`: the votes in the room and the phones' server
 * (cli/workshop_serve.c), between parsing and the TUI. */
#ifndef PEIL_CLI_WORKSHOP_SERVE_H
#define PEIL_CLI_WORKSHOP_SERVE_H

#include <stdbool.h>

#include "serve/http.h"
#include "serve/room.h"
#include "tui/workshop.h"

struct workshop_serve_args {
	bool serve;
	char host[64];          /* "": all interfaces */
	int port;
	const char *tls_cert, *tls_key;
};

/* Parses [ADDR:]PORT ("*:8080", "127.0.0.1:0", "8080") into sa; a usage
 * error (printed) otherwise. */
int workshop_serve_parse(const char *arg, struct workshop_serve_args *sa);

struct workshop_room {
	struct room *room;
	struct serve *serve;    /* NULL without --serve */
};

/* The room of a live session, and with --serve the server; an exit code
 * (with its message printed) when either cannot start. */
int workshop_serve_start(const struct workshop_serve_args *sa, const struct questionnaire *q, int participants,
                         struct workshop_room *wr);
/* What the TUI needs to know of them. */
void workshop_serve_options(const struct workshop_room *wr, struct tui_workshop_options *o);
/* Stops the server (no phone is left waiting) and frees the room. */
void workshop_serve_stop(struct workshop_room *wr);

#endif
