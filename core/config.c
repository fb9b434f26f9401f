/* User settings: a `key = value` file (see config.h for the format). */
#include "core/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/inpath.h"
#include "core/lookup.h"
#include "core/mem.h"

/* A settings file is a few lines; anything larger is not one. */
enum { CONFIG_MAX_BYTES = 64 * 1024 };

struct config {
	char language[4];               /* "nl", "en" or "" */
	enum config_theme theme;
	char *data_dir;                 /* owned; NULL: not set */
};

static const char *const theme_names[] = {
	[CONFIG_THEME_DEFAULT] = "default",
	[CONFIG_THEME_HIGH_CONTRAST] = "high-contrast",
	[CONFIG_THEME_NONE] = "none",
};

char *config_default_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	const char *base = x && *x == '/' ? x : home && *home ? home : NULL;
	const char *tail = base == x ? "/peil/config" : "/.config/peil/config";
	if (!base)
		return NULL;
	size_t n = strlen(base) + strlen(tail) + 1;
	char *p = mem_alloc(n);
	if (p)
		snprintf(p, n, "%s%s", base, tail);
	return p;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* "~" or "~/x" becomes $HOME or $HOME/x; anything else must be absolute.
 * Returns a malloc'd path or NULL (then *why says why). */
static char *expand_dir(const char *v, const char **why)
{
	*why = NULL;
	if (v[0] == '~' && (v[1] == '\0' || v[1] == '/')) {
		const char *home = getenv("HOME");
		if (!home || !*home) {
			*why = _("'~' cannot be expanded: HOME is not set");
			return NULL;
		}
		size_t n = strlen(home) + strlen(v);
		char *p = mem_alloc(n);
		if (p)
			snprintf(p, n, "%s%s", home, v + 1);
		return p;
	}
	if (v[0] != '/') {
		*why = _("data_dir must be an absolute path or start with ~/");
		return NULL;
	}
	return mem_strdup(v);
}

static void set_key(struct config *c, const char *key, const char *val, const char *path,
                    int line, int vcol, struct diag_list *d)
{
	if (!strcmp(key, "language")) {
		if (strcmp(val, "nl") && strcmp(val, "en"))
			diag_warning(d, path, line, vcol, _("language takes nl or en, not '%s'"), val);
		else
			snprintf(c->language, sizeof c->language, "%s", val);
	} else if (!strcmp(key, "theme")) {
		size_t i = 0;
		while (i < sizeof theme_names / sizeof *theme_names && strcmp(val, theme_names[i]))
			i++;
		if (i == sizeof theme_names / sizeof *theme_names)
			diag_warning(d, path, line, vcol,
			             _("theme takes default, high-contrast or none, not '%s'"), val);
		else
			c->theme = (enum config_theme)i;
	} else if (!strcmp(key, "data_dir")) {
		const char *why;
		char *dir = *val ? expand_dir(val, &why) : NULL;
		if (!*val)
			why = _("data_dir is empty");
		if (!dir && why)
			diag_warning(d, path, line, vcol, "%s", why);
		if (dir) {
			mem_free(c->data_dir);
			c->data_dir = dir;
		}
	} else {
		diag_warning(d, path, line, 1, _("unknown setting '%s' (known: language, theme, data_dir)"), key);
	}
}

/* One line, without its newline: blank, comment, or key = value. */
static void parse_line(struct config *c, char *s, const char *path, int line, struct diag_list *d)
{
	char *start = s;
	while (is_blank(*s))
		s++;
	if (*s == '\0' || *s == '#')
		return;
	char *eq = strchr(s, '=');
	if (!eq) {
		diag_warning(d, path, line, (int)(s - start) + 1, "%s",
		             _("expected 'key = value'"));
		return;
	}
	char *kend = eq;
	while (kend > s && is_blank(kend[-1]))
		kend--;
	*kend = '\0';
	char *v = eq + 1;
	while (is_blank(*v))
		v++;
	char *vend = v + strlen(v);
	while (vend > v && is_blank(vend[-1]))
		vend--;
	*vend = '\0';
	if (vend - v >= 2 && v[0] == '"' && vend[-1] == '"') {
		vend[-1] = '\0';
		v++;
	}
	set_key(c, s, v, path, line, (int)(v - start) + 1, d);
}

struct config *config_parse(const char *text, size_t len, const char *path,
                            struct diag_list *d)
{
	struct config *c = mem_alloc(sizeof *c);
	char *buf = c ? mem_strndup(text, len) : NULL;
	if (!buf) {
		mem_free(c);
		return NULL;
	}
	char *end = buf + len;
	int line = 1;
	for (char *s = buf; s < end; line++) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		char *eol = nl ? nl : end;
		*eol = '\0';
		if (strlen(s) != (size_t)(eol - s))
			diag_warning(d, path, line, (int)strlen(s) + 1, "%s",
			             _("a NUL byte in the settings file; the rest of the line is ignored"));
		parse_line(c, s, path, line, d);
		s = eol + 1;
	}
	mem_free(buf);
	return c;
}

/* Reads at most CONFIG_MAX_BYTES of a regular file; NULL with errno set
 * when unreadable, or with *odd set when it is not a regular file (a FIFO
 * there would otherwise hang every peil command). */
static char *slurp(const char *path, size_t *len, bool *too_big, bool *odd)
{
	struct stat st;
	int fd = inpath_open(path, &st);
	*odd = fd >= 0 && !S_ISREG(st.st_mode);
	FILE *f = fd >= 0 && !*odd ? fdopen(fd, "rb") : NULL;
	if (!f) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		errno = saved;
		return NULL;
	}
	char *buf = mem_alloc(CONFIG_MAX_BYTES + 1);
	size_t n = buf ? fread(buf, 1, CONFIG_MAX_BYTES + 1, f) : 0;
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (buf && err) {
		mem_free(buf);
		errno = err;
		return NULL;
	}
	*too_big = n > CONFIG_MAX_BYTES;
	*len = n > CONFIG_MAX_BYTES ? CONFIG_MAX_BYTES : n;
	return buf;
}

struct config *config_load(const char *path, struct diag_list *d)
{
	char *own = path ? NULL : config_default_path();
	const char *p = path ? path : own;
	size_t len = 0;
	bool too_big = false, odd = false;
	char *text = p ? slurp(p, &len, &too_big, &odd) : NULL;
	struct config *c;
	if (!text) {
		if (odd)
			diag_warning(d, p, 0, 0, "%s", _("the settings file is not a regular file; it is ignored"));
		else if (p && errno != ENOENT && errno != ENOTDIR)
			diag_warning(d, p, 0, 0, _("cannot read settings: %s"), strerror(errno));
		c = config_parse("", 0, p ? p : "config", d);
	} else {
		if (too_big)
			diag_warning(d, p, 0, 0, _("settings file larger than %d bytes; the rest is ignored"),
			             CONFIG_MAX_BYTES);
		c = config_parse(text, len, p, d);
	}
	mem_free(text);
	mem_free(own);
	return c;
}

void config_free(struct config *c)
{
	if (!c)
		return;
	mem_free(c->data_dir);
	mem_free(c);
}

const char *config_language(const struct config *c)
{
	return c && c->language[0] ? c->language : NULL;
}

enum config_theme config_theme(const struct config *c)
{
	return c ? c->theme : CONFIG_THEME_DEFAULT;
}

const char *config_data_dir(const struct config *c)
{
	return c ? c->data_dir : NULL;
}

char *config_assessment_dir(const struct config *c, int create)
{
	if (!c || !c->data_dir)
		return lookup_data_dir(create);
	if (create && lookup_mkdirs(c->data_dir) != 0)
		return NULL;
	return mem_strdup(c->data_dir);
}
