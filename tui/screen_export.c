/* The export dialog (x): a scorecard of the answers so far in any export
 * format, in a chosen language, full or public (without notes, evidence and
 * names), written atomically through exports/export.h next to the response
 * file (or where the user says). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/outpath.h"
#include "core/path.h"
#include "exports/export.h"
#include "tui/edit.h"
#include "tui/screens.h"

enum { ROW_FORMAT, ROW_LANG, ROW_PATH, ROW_CSV, ROW_VERSION, NROWS };
/* The versions: everything, or the public one (export --public). */
enum { VERSION_FULL, VERSION_PUBLIC, NVERSIONS };
/* The CSV choices: Excel set to Dutch wants ; and a byte order mark. */
enum { CSV_EXCEL, CSV_PLAIN, NCSV };
enum { LABEL_COLS = 12, MAX_PATH_BYTES = 4096 };

struct export_screen {
	struct screen base;
	int row;
	enum export_format fmt;
	int lang;
	int csv;                /* CSV_EXCEL or CSV_PLAIN */
	bool csv_chosen;        /* by the user: keep it when the language changes */
	int version;            /* VERSION_FULL or VERSION_PUBLIC */
	struct edit path;
	bool path_edited;       /* typed by the user: keep it when the format changes */
	char result[1024];
	bool result_error;
};

/* The response file's name with the format's extension. */
static void default_path(struct export_screen *es, const struct app *a)
{
	const char *p = a->s->path, *ext = export_format_ext(es->fmt);
	size_t n = path_yaml_stem(p);
	char *s = xmalloc(n + strlen(ext) + 2);
	memcpy(s, p, n);
	s[n] = '.';
	strcpy(s + n + 1, ext);
	edit_set(&es->path, s);
	free(s);
}

/* After a change of format, a path the user typed keeps its name but not
 * an export format's extension: "raad.md" becomes "raad.pdf". */
static void replace_ext(struct export_screen *es)
{
	const char *p = es->path.text, *ext = export_format_ext(es->fmt);
	size_t n = strlen(p), on = 0;
	for (int f = 0; f < EXPORT_NFORMATS && !on; f++) {
		const char *o = export_format_ext((enum export_format)f);
		size_t len = strlen(o);
		if (n > len + 1 && p[n - len - 1] == '.' && !strcmp(p + n - len, o))
			on = len;
	}
	if (!on)
		return;
	char *s = xmalloc(n - on + strlen(ext) + 1);
	memcpy(s, p, n - on);
	strcpy(s + n - on, ext);
	edit_set(&es->path, s);
	free(s);
}

static struct rect path_box(struct rect r)
{
	return (struct rect){ r.y + 6, 3 + LABEL_COLS, 1, r.w - 4 - LABEL_COLS };
}

/* One row of radio buttons; the chosen one marked. */
static void draw_choices(const struct app *a, int y, int x, int w, const char *const *names, int n, int chosen)
{
	const struct theme *t = &a->theme;
	char buf[64];
	/* More choices than the row holds: start late enough that the chosen
	 * one shows, after an ellipsis (the format table keeps growing). */
	int start = 0, room = w - 2;
	for (int width = 0, i = chosen; i >= 0; i--) {
		snprintf(buf, sizeof buf, "%s %s  ", t->radio_off, names[i]);
		width += draw_cols(t, buf, strlen(buf));
		if (width > room && i < chosen)
			break;
		start = i;
	}
	if (start > 0) {
		int used = draw_str(stdscr, t, y, x, w, t->ellipsis, 0) + 1;
		x += used;
		w -= used;
	}
	for (int i = start; i < n && w > 0; i++) {
		snprintf(buf, sizeof buf, "%s %s  ", i == chosen ? t->radio_on : t->radio_off, names[i]);
		theme_set(stdscr, t, i == chosen ? AT_CHOSEN : AT_NORMAL);
		int used = draw_str(stdscr, t, y, x, w, buf, 0);
		x += used;
		w -= used;
	}
	theme_set(stdscr, t, AT_NORMAL);
}

static void draw_label(const struct export_screen *es, const struct app *a, int row, int y, const char *text)
{
	bool cur = es->row == row;
	draw_marked(stdscr, &a->theme, y, 3, LABEL_COLS - 1, text, cur, cur ? AT_CURSOR : AT_HEADING);
}

static void draw(const struct screen *sc, const struct app *a, struct rect r)
{
	const struct export_screen *es = (const struct export_screen *)sc;
	const struct theme *t = &a->theme;
	theme_set(stdscr, t, AT_HEADING);
	draw_str(stdscr, t, r.y + 1, 1, r.w - 2, _("Export a scorecard"), 0);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, r.y + 2, 1, r.w - 2,
	         _("The answers so far as a scorecard: levels, targets, priorities and advice."), DRAW_ELLIPSIS);
	draw_label(es, a, ROW_FORMAT, r.y + 4, _("Format"));
	const char *formats[EXPORT_NFORMATS];     /* the labels of the format table */
	for (int i = 0; i < EXPORT_NFORMATS; i++)
		formats[i] = export_format_label((enum export_format)i);
	draw_choices(a, r.y + 4, 3 + LABEL_COLS, r.w - 4 - LABEL_COLS, formats, EXPORT_NFORMATS, es->fmt);
	draw_label(es, a, ROW_LANG, r.y + 5, _("Language"));
	draw_choices(a, r.y + 5, 3 + LABEL_COLS, r.w - 4 - LABEL_COLS, a->s->q->langs, a->s->q->nlangs, es->lang);
	draw_label(es, a, ROW_PATH, r.y + 6, _("File"));
	theme_set(stdscr, t, AT_FIELD);
	edit_draw(&es->path, t, path_box(r));
	draw_label(es, a, ROW_CSV, r.y + 7, _("CSV"));
	const char *csv[NCSV] = { _("; and BOM (Excel)"), _(", (RFC 4180)") };
	draw_choices(a, r.y + 7, 3 + LABEL_COLS, r.w - 4 - LABEL_COLS, csv, NCSV, es->csv);
	draw_label(es, a, ROW_VERSION, r.y + 8, _("Version"));
	const char *versions[NVERSIONS] = { _("full"), _("public: without notes, evidence and names") };
	draw_choices(a, r.y + 8, 3 + LABEL_COLS, r.w - 4 - LABEL_COLS, versions, NVERSIONS, es->version);
	theme_set(stdscr, t, AT_DIM);
	draw_str(stdscr, t, r.y + 10, 3, r.w - 4,
	         _("Enter writes the file; Up/Down another line; Left/Right another choice."), DRAW_ELLIPSIS);
	if (es->result[0]) {
		/* Wrapped, not cut: the path and the reason are at the end. */
		theme_set(stdscr, t, es->result_error ? AT_ERROR : AT_OK);
		struct wrap_iter it;
		struct span sp;
		draw_wrap_start(&it, es->result);
		for (int y = r.y + 12; y < r.y + r.h && draw_wrap_next(t, &it, r.w - 4, &sp); y++)
			draw_text(stdscr, t, y, 3, r.w - 4, es->result + sp.off, sp.len, 0);
	}
	theme_set(stdscr, t, AT_NORMAL);
}

/* The path is a text field among other lines: its keys are the
 * handle()'s, which gives it ? and the letters j and k too. */
static struct edit *field(struct screen *sc, const struct app *a, struct rect *box)
{
	struct export_screen *es = (struct export_screen *)sc;
	*box = path_box(app_area(a));
	return es->row == ROW_PATH ? &es->path : NULL;
}

/* ~/ means the home directory, as in a shell; a relative path is taken
 * from the working directory, and shown in full in the message. */
static char *full_path(const char *p)
{
	const char *home = getenv("HOME");
	if (!strncmp(p, "~/", 2) && home)
		return path_join(home, p + 2);
	char cwd[4096];
	if (p[0] == '/' || !p[0] || !getcwd(cwd, sizeof cwd))
		return xstrdup(p);
	return path_join(cwd, p[0] == '.' && p[1] == '/' ? p + 2 : p);
}

/* The export into memory, then atomically to path: nothing half-written,
 * under the output-path rules (core/outpath.h). */
static bool export_to_file(enum export_format f, const struct export_options *o, const char *path,
                           const struct outpath_rules *rules, char *err, size_t errlen)
{
	char *buf;
	size_t len;
	bool ok = export_render(f, o, &buf, &len);
	if (!ok)
		snprintf(err, errlen, "%s", _("out of memory"));
	else
		ok = outpath_write(path, buf, len, 0666, rules, err, errlen);
	free(buf);
	return ok;
}

static int write_export(struct export_screen *es, struct app *a)
{
	char *path = full_path(es->path.text);
	char err[768] = "";
	if (!path || !*path) {
		snprintf(es->result, sizeof es->result, "%s", _("Name a file to write to."));
		es->result_error = true;
		mem_free(path);
		return TUI_HANDLED;
	}
	bool public = es->version == VERSION_PUBLIC;
	const struct export_options o = { .q = a->s->q, .r = a->s->r, .lang = es->lang,
	                                  .csv_sep = es->csv == CSV_EXCEL ? ';' : ',', .csv_bom = es->csv == CSV_EXCEL,
	                                  .public = public };
	/* The scorecard's fixed wording in the language chosen for it. */
	char *saved = i18n_use(a->s->q->langs[es->lang]);
	/* Never over the session's own file (nor its questionnaire). */
	const char *inputs[] = { a->s->path, a->s->q->path };
	const struct outpath_rules rules = { .inputs = inputs, .ninputs = 2 };
	bool ok = export_to_file(es->fmt, &o, path, &rules, err, sizeof err);
	i18n_restore(saved);
	struct stat st;
	long long size = ok && stat(path, &st) == 0 ? (long long)st.st_size : -1;
	if (ok && public)
		snprintf(es->result, sizeof es->result,
		         _("Written, the public version (without notes, evidence and names): %s (%lld bytes)"), path, size);
	else if (ok)
		snprintf(es->result, sizeof es->result,
		         _("Written, the full version (with notes and evidence): %s (%lld bytes)"), path, size);
	else
		snprintf(es->result, sizeof es->result, _("Not written: %s"), err);
	es->result_error = !ok;
	mem_free(path);
	return TUI_HANDLED;
}

/* ; and a BOM for a Dutch export (Excel set to Dutch reads it right). */
static int csv_default(const struct app *a, int lang)
{
	return !strcmp(a->s->q->langs[lang], "nl") ? CSV_EXCEL : CSV_PLAIN;
}

static int change(struct export_screen *es, struct app *a, int dir)
{
	if (es->row == ROW_FORMAT) {
		es->fmt = (enum export_format)(((int)es->fmt + dir + EXPORT_NFORMATS) % EXPORT_NFORMATS);
		if (!es->path_edited)
			default_path(es, a);
		else
			replace_ext(es);
	} else if (es->row == ROW_LANG) {
		es->lang = (es->lang + dir + a->s->q->nlangs) % a->s->q->nlangs;
		if (!es->csv_chosen)
			es->csv = csv_default(a, es->lang);
	} else if (es->row == ROW_CSV) {
		es->csv = (es->csv + dir + NCSV) % NCSV;
		es->csv_chosen = true;
	} else if (es->row == ROW_VERSION) {
		es->version = (es->version + dir + NVERSIONS) % NVERSIONS;
	}
	es->result[0] = '\0';
	return TUI_HANDLED;
}

static int handle(struct screen *sc, struct app *a, const struct tui_event *ev)
{
	struct export_screen *es = (struct export_screen *)sc;
	switch (ev->action) {
	case ACT_UP:
	case ACT_DOWN:
		if (!ev->fkey && es->row == ROW_PATH)
			break;          /* k and j are letters of a file name */
		/* fall through */
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		es->row = (es->row + (ev->action == ACT_UP || ev->action == ACT_PREV_FIELD ? -1 : 1) + NROWS) % NROWS;
		return TUI_HANDLED;
	case ACT_WRITE:
		return write_export(es, a);
	case ACT_CLICK: {
		int row = ev->y - (app_area(a).y + 4);
		if (row >= 0 && row < NROWS)
			es->row = row;
		return TUI_HANDLED;
	}
	case ACT_BACK:
	case ACT_HELP:
	case ACT_REDRAW:
		if (ev->action != ACT_HELP || ev->fkey || es->row != ROW_PATH)
			return TUI_UNHANDLED;
		break;          /* ? in a file name */
	default:
		break;
	}
	if (es->row != ROW_PATH) {
		if (ev->action == ACT_CHANGE)
			return change(es, a, ev->fkey && ev->key == KEY_LEFT ? -1 : 1);
		return TUI_UNHANDLED;       /* q, ?, r… as everywhere */
	}
	/* The path line is a text field: every other key edits it. */
	if (edit_key(&es->path, &a->theme, path_box(app_area(a)), ev->key, ev->fkey)) {
		es->path_edited = true;
		es->result[0] = '\0';
	}
	return TUI_HANDLED;
}

static const struct screen_ops ops = {
	.kind = SCREEN_EXPORT,
	.draw = draw,
	.handle = handle,
	.field = field,
};

struct screen *screen_export_new(struct app *a)
{
	struct export_screen *es = (struct export_screen *)screen_alloc(sizeof *es, &ops);
	es->fmt = EXPORT_HTML;
	es->lang = qn_lang_base(a->s->q, a->s->lang);
	es->csv = csv_default(a, es->lang);
	edit_init(&es->path, "", false, MAX_PATH_BYTES);
	screen_fields(&es->base, &es->path, 1);     /* its rows' Tab is handle()'s */
	default_path(es, a);
	return &es->base;
}
