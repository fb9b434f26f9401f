/* Reading the register: a small CSV reader (RFC 4180 quoting, the
 * separator taken from the header row). */
#include "cli/registry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "scoring/peers.h"

enum { REGISTRY_MAX_BYTES = 16 * 1024 * 1024, REGISTRY_MAX_COLS = 64 };

struct registry {
	size_t n, cap;
	struct registry_row *rows;
	int ncols;
	char **headers;
};

struct reader {
	const char *path;
	const char *p, *end;
	int line, col;
	int row_line;                   /* where the current record starts */
	int fcol[REGISTRY_MAX_COLS];    /* and each of its fields */
	char sep;
	bool bad;
};

static void fail_at(struct reader *R, int line, int col, const char *msg)
{
	if (!R->bad)
		cli_printf(stderr, "%s:%d:%d: error: %s\n", R->path, line, col, msg);
	R->bad = true;
}

static void fail(struct reader *R, const char *msg)
{
	fail_at(R, R->line, R->col, msg);
}

/* One field; *eol set when it ended its line (or the file). */
static char *field(struct reader *R, bool *eol)
{
	size_t cap = 32, n = 0;
	char *s = xmalloc(cap);
	bool quoted = R->p < R->end && *R->p == '"';
	int qline = R->line, qcol = R->col;
	if (quoted) {
		R->p++;
		R->col++;
	}
	*eol = false;
	while (R->p < R->end) {
		char ch = *R->p;
		if (quoted && ch == '"') {
			R->col++;
			if (R->p + 1 < R->end && R->p[1] == '"') {
				R->p++;
			} else {
				quoted = false;
				R->p++;
				continue;
			}
		} else if (quoted && ch == '\n') {
			R->line++;      /* a line break inside quotes */
			R->col = 0;
		} else if (!quoted && (ch == R->sep || ch == '\n' || ch == '\r')) {
			break;
		}
		if (n + 2 > cap)
			s = xrealloc(s, cap *= 2);
		s[n++] = ch;
		R->p++;
		R->col++;
	}
	if (quoted)
		fail_at(R, qline, qcol, _("a quoted field is not closed"));
	if (R->p < R->end && *R->p == R->sep) {
		R->p++;
		R->col++;
	} else {
		*eol = true;
		if (R->p < R->end && *R->p == '\r')
			R->p++;
		if (R->p < R->end && *R->p == '\n')
			R->p++;
	}
	s[n] = '\0';
	return s;
}

/* The fields of one line (at most REGISTRY_MAX_COLS). */
static int record(struct reader *R, char **out)
{
	int n = 0;
	bool eol = false;
	R->col = 1;
	R->row_line = R->line;
	while (!eol && !R->bad) {
		if (n < REGISTRY_MAX_COLS)
			R->fcol[n] = R->col;
		char *f = field(R, &eol);
		if (n == REGISTRY_MAX_COLS) {
			free(f);
			fail(R, _("too many columns"));
			break;
		}
		out[n++] = f;
	}
	R->line++;
	return n;
}

static char detect_sep(const char *p, const char *end)
{
	for (; p < end && *p != '\n'; p++)
		if (*p == ';' || *p == ',' || *p == '\t')
			return *p;
	return ';';
}

static bool header(struct reader *R, struct registry *g, int *cid, int *cname, int *cpop)
{
	char *h[REGISTRY_MAX_COLS];
	g->ncols = record(R, h);
	g->headers = xarray((size_t)g->ncols, sizeof(char *));
	*cid = *cname = *cpop = -1;
	for (int i = 0; i < g->ncols; i++)
		g->headers[i] = h[i];
	for (int i = 0; i < g->ncols; i++) {
		if (!strcasecmp(h[i], "organisation_id"))
			*cid = i;
		else if (!strcasecmp(h[i], "name"))
			*cname = i;
		else if (!strcasecmp(h[i], "population"))
			*cpop = i;
	}
	if (*cid < 0 || *cname < 0)
		fail_at(R, 1, 1, _("the first row must name the columns, organisation_id and name among them "
		                   "(organisation_id;name;population)"));
	return !R->bad && g->headers;
}

static bool add_row(struct reader *R, struct registry *g, char **v, int n, int cid, int cname, int cpop)
{
	if (n == 1 && !*v[0]) {                 /* an empty line */
		mem_free(v[0]);
		return true;
	}
	if (n != g->ncols) {
		for (int i = 0; i < n; i++)
			mem_free(v[i]);
		char msg[128];
		snprintf(msg, sizeof msg, _("%d columns, the header names %d"), n, g->ncols);
		fail_at(R, R->row_line, 1, msg);
		return false;
	}
	g->rows = xgrow(g->rows, &g->cap, g->n, sizeof *g->rows, 64);
	struct registry_row *r = &g->rows[g->n];
	r->values = xarray((size_t)n, sizeof(char *));
	memcpy(r->values, v, (size_t)n * sizeof(char *));
	r->id = *v[cid] ? v[cid] : NULL;
	r->name = v[cname];
	r->population = -1;
	r->line = R->row_line;
	g->n++;
	if (cpop >= 0 && *v[cpop]) {
		char *e;
		errno = 0;
		long pop = strtol(v[cpop], &e, 10);
		if (*e || errno || pop < 0) {
			fail_at(R, R->row_line, R->fcol[cpop], _("population: expected a number of inhabitants"));
			return false;
		}
		r->population = pop;
	}
	return true;
}

static bool parse(struct reader *R, struct registry *g)
{
	int cid, cname, cpop;
	if (!header(R, g, &cid, &cname, &cpop))
		return false;
	while (R->p < R->end && !R->bad) {
		char *v[REGISTRY_MAX_COLS];
		int n = record(R, v);
		if (R->bad) {
			for (int i = 0; i < n; i++)
				mem_free(v[i]);
			break;
		}
		if (!add_row(R, g, v, n, cid, cname, cpop))
			break;
	}
	return !R->bad;
}

struct registry *registry_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cli_printf(stderr, "%s: error: %s: %s\n", path, _("cannot read the registry"), strerror(errno));
		return NULL;
	}
	char *buf = xmalloc(REGISTRY_MAX_BYTES + 1);
	size_t len = fread(buf, 1, REGISTRY_MAX_BYTES + 1, f);
	fclose(f);
	struct registry *g = xmalloc(sizeof(*g));
	struct reader R = { .path = path, .p = buf, .end = buf + len, .line = 1, .col = 1 };
	if (len > REGISTRY_MAX_BYTES)
		fail(&R, _("the registry is larger than 16 MB"));
	if (!R.bad && len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		R.p += 3;
	R.sep = detect_sep(R.p, R.end);
	bool ok = !R.bad && parse(&R, g);
	mem_free(buf);
	if (!ok) {
		registry_free(g);
		return NULL;
	}
	return g;
}

void registry_free(struct registry *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++) {
		for (int c = 0; c < g->ncols; c++)
			mem_free(g->rows[i].values[c]);
		mem_free(g->rows[i].values);
	}
	for (int c = 0; g->headers && c < g->ncols; c++)
		mem_free(g->headers[c]);
	mem_free(g->headers);
	mem_free(g->rows);
	mem_free(g);
}

size_t registry_count(const struct registry *g) { return g ? g->n : 0; }

const struct registry_row *registry_row(const struct registry *g, size_t i)
{
	return g && i < g->n ? &g->rows[i] : NULL;
}

const struct registry_row *registry_find(const struct registry *g, const char *id, const char *name)
{
	if (!g)
		return NULL;
	for (size_t i = 0; id && i < g->n; i++)
		if (g->rows[i].id && !strcasecmp(g->rows[i].id, id))
			return &g->rows[i];
	char key[256], other[256];
	const struct registry_row *found = NULL;
	peers_name_key(name, key, sizeof key);
	for (size_t i = 0; !id && name && i < g->n; i++) {
		peers_name_key(g->rows[i].name, other, sizeof other);
		if (strcmp(key, other) != 0)
			continue;
		if (found)
			return NULL;    /* two of that name: the file needs its code */
		found = &g->rows[i];
	}
	return found;
}

int registry_column(const struct registry *g, const char *h)
{
	for (int c = 0; g && c < g->ncols; c++)
		if (!strcasecmp(g->headers[c], h))
			return c;
	return -1;
}

const char *registry_columns(const struct registry *g, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int c = 0; g && c < g->ncols && n < len; c++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", c ? ", " : "", g->headers[c]);
	return buf;
}
