/* Helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/xalloc.h"
#include "core/atomic.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "core/outpath.h"
#include "core/path.h"
#include "core/text.h"
#include "core/ydoc.h"

/* Writes one message made safe for a terminal: unsafe code points and
 * invalid bytes become U+FFFD, and so does a newline, except the ones the
 * message starts with and the one it ends with (those come from the
 * format; a newline in a file name must not start a forged line). */
static void put_safe(FILE *out, const char *s, size_t len)
{
	size_t lead = strspn(s, "\n"), last = len > lead && s[len - 1] == '\n' ? len - 1 : len;
	fwrite(s, 1, lead, out);
	for (size_t i = lead; i < len;) {
		unsigned long cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0 || text_is_unsafe_codepoint(cp) || (cp == '\n' && i != last))
			fputs("\xef\xbf\xbd", out);
		else
			fwrite(s + i, 1, n, out);
		i += n ? n : 1;
	}
}

static void cli_vprintf(FILE *out, const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small) {
		buf = xmalloc((size_t)n + 1);
		vsnprintf(buf, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		put_safe(out, buf, (size_t)n);
	if (buf != small)
		free(buf);
}

void cli_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vprintf(out, fmt, ap);
	va_end(ap);
}

void cli_diag(FILE *out, const char *path, int line, int col, enum diag_severity sev, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct diag_list *d = diag_list_new();
	diag_add(d, path, line, col, sev, "%s", msg);
	diag_print(d, out ? out : stderr, true);
	if (!d)
		fprintf(out ? out : stderr, "peil: %s\n", _("out of memory"));
	diag_list_free(d);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	cli_printf(stderr, "peil %s: ", command);
	va_start(ap, fmt);
	cli_vprintf(stderr, fmt, ap);
	va_end(ap);
	cli_printf(stderr, "\n");
	cli_command_help(command, stderr);
	return EXIT_USAGE;
}

int cli_lang(const struct questionnaire *q)
{
	return i18n_choose(q);
}

/* Reports a problem with a response file's `questionnaire` key at that key
 * (or at 1:1 without one). Loading the file also reports whatever else is
 * wrong with it; when it does not load, `msg` is only added if `always`. */
static void report_at_questionnaire_key(struct diag_list *d, const char *path, const char *msg,
                                        bool always)
{
	struct ydoc *doc = ydoc_load_file(path, d);
	const struct ynode *n = doc ? ynode_get(doc->root, "questionnaire") : NULL;
	if (doc || always)
		diag_error(d, path, n ? n->line : 1, n ? n->col : 1, "%s", msg);
	ydoc_free(doc);
}

/* What a response file's `questionnaire` key may name: an id, never a path
 * (a response file must not make peil read, and quote in its messages,
 * some other file). The message for the rest, else "". */
static const char *check_named(const char *id, bool is_questionnaire, char *msg, size_t len)
{
	if (is_questionnaire)
		return _("this is a questionnaire (key 'peil'), not a response file "
		         "(key 'peil-responses'): give a questionnaire with -q");
	if (!id)
		return _("missing required key 'questionnaire' (the id of the questionnaire answered)");
	if (!qn_valid_id(id)) {
		snprintf(msg, len, _("questionnaire: '%s' is not the id of a questionnaire"), id);
		return msg;
	}
	return "";
}

/* Looks up questionnaire `want` and loads it. When a response file named
 * it, a questionnaire not found is reported there: through `report`, or
 * at (`path`, `at`) of a loaded file. */
static struct questionnaire *load_by_id(const char *want, const char *path, const struct ynode *at,
                                        bool report, struct diag_list *d)
{
	char msg[1024];
	char *qpath = lookup_questionnaire(want);
	if (qpath) {
		struct questionnaire *q = questionnaire_load(qpath, d);
		mem_free(qpath);
		return q;
	}
	char *where = lookup_path_description();
	snprintf(msg, sizeof msg, _("questionnaire '%s' not found (looked in %s; set PEIL_PATH or use -q)"),
	         want, where ? where : "?");
	mem_free(where);
	if (report)
		report_at_questionnaire_key(d, path, msg, true);
	else if (at || path)
		diag_error(d, path, at ? at->line : 1, at ? at->col : 1, "%s", msg);
	else
		diag_error(d, want, 0, 0, "%s", msg);
	return NULL;
}

struct questionnaire *cli_load_questionnaire(const char *qarg, const char *response_path,
                                             struct diag_list *d)
{
	if (qarg || !response_path)
		return load_by_id(qarg ? qarg : PEIL_DEFAULT_QUESTIONNAIRE, NULL, NULL, false, d);
	char msg[1024];
	char *id = ydoc_peek_key(response_path, "questionnaire");
	char *is_questionnaire = id ? NULL : ydoc_peek_key(response_path, "peil");
	const char *problem = check_named(id, is_questionnaire != NULL, msg, sizeof msg);
	struct questionnaire *q = NULL;
	if (*problem)       /* only when the file loads (else its own error says more), but a questionnaire */
		report_at_questionnaire_key(d, response_path, problem, is_questionnaire != NULL);
	else
		q = load_by_id(id, response_path, NULL, true, d);
	mem_free(id);
	mem_free(is_questionnaire);
	return q;
}

/* A response file read once: the questionnaire its key names (or -q), then
 * the answers from the same tree. */
bool cli_load_response(const char *qarg, const char *path, struct questionnaire **q,
                       struct response **r)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = NULL;
	*r = NULL;
	*q = qarg ? load_by_id(qarg, NULL, NULL, false, d) : NULL;
	if ((*q || !qarg) && d)
		doc = ydoc_load_file(path, d);
	if (doc && !qarg) {
		char msg[1024];
		const struct ynode *n = ynode_get(doc->root, "questionnaire");
		const char *id = n && n->kind == YNODE_SCALAR ? n->u.str : NULL;
		const char *problem = check_named(id, !id && ynode_get(doc->root, "peil"), msg, sizeof msg);
		if (*problem)
			diag_error(d, path, n ? n->line : 1, n ? n->col : 1, "%s", problem);
		else
			*q = load_by_id(id, path, n, false, d);
	}
	if (*q && doc)
		*r = response_load_doc(doc, *q, d);
	ydoc_free(doc);
	if (*r)
		i18n_set_region(response_region(*r));   /* schepen, not wethouder, in Flanders */
	diag_print(d, stderr, false);
	diag_list_free(d);
	if (!*r) {
		questionnaire_free(*q);
		*q = NULL;
		return false;
	}
	return true;
}

struct response *cli_load_response_with(const struct questionnaire *q, const char *path)
{
	struct diag_list *d = diag_list_new();
	struct response *r = response_load(path, q, d);
	diag_print(d, stderr, false);
	diag_list_free(d);
	return r;
}

struct response *cli_load_previous_with(const struct questionnaire *q, const char *path)
{
	struct diag_list *d = diag_list_new();
	struct response *r = response_load_previous(path, q, d);
	diag_print(d, stderr, true);    /* what was left out or is to be checked again */
	diag_list_free(d);
	return r;
}

int cli_write_output_checked(const char *out, const char *buf, size_t len,
                             const struct outpath_rules *rules)
{
	if (!out || !strcmp(out, "-")) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
			cli_printf(stderr, _("peil: cannot write to standard output: %s\n"), strerror(errno));
			return EXIT_WRITE;
		}
		return EXIT_OK;
	}
	char err[1024];
	if (!outpath_write(out, buf, len, 0666, rules, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		return EXIT_WRITE;
	}
	return EXIT_OK;
}

int cli_write_output(const char *out, const char *buf, size_t len)
{
	return cli_write_output_checked(out, buf, len, NULL);
}

int cli_check_output(const char *out, const struct outpath_rules *rules)
{
	char err[1024];
	if (!out || !strcmp(out, "-") || outpath_check(out, rules, err, sizeof err))
		return EXIT_OK;
	cli_printf(stderr, "peil: %s\n", err);
	return EXIT_WRITE;
}

/* A file in a directory that does not exist: name that directory (the
 * lock file's name would only confuse). */
static bool directory_exists(const char *path)
{
	char *dir = path_dir(path);
	if (!dir)
		return true;
	struct stat st;
	bool ok = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	if (!ok)
		cli_printf(stderr, _("peil: cannot write %s: the directory %s does not exist\n"), path, dir);
	mem_free(dir);
	return ok;
}

struct lock *cli_take_lock(const char *path, char *notice, size_t len)
{
	char err[1024];
	notice[0] = '\0';
	if (!directory_exists(path))
		return NULL;
	/* Before the lock: no FILE.lock next to a device, no session on one. */
	if (!outpath_target_ok(path, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		return NULL;
	}
	struct lock *l = lock_acquire(path, err, sizeof err);
	if (!l) {
		cli_printf(stderr, "peil: %s\n", err);
		return NULL;
	}
	if (err[0]) {
		snprintf(notice, len, _("warning: the file cannot be locked, so a second peil on it would not be stopped (%s)"), err);
		cli_printf(stderr, "peil: %s\n", notice);
	}
	return l;
}

bool cli_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
