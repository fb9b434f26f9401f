/* The format table and the one entry point. exports/ opens no file: the
 * caller hands it a stream (cli/ and tui/ write it atomically). */
#include "exports/export.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/doc.h"
#include "exports/html.h"

/* The appendix: --appendix / --no-appendix, else the format's default
 * (in the PDF only on request, as a part of its own). */
static bool export_wants_appendix(const struct xctx *x, bool by_default)
{
	return x->o->appendix ? x->o->appendix > 0 : by_default;
}

/* The document formats: the model, then one writer's layout of it. */
static bool doc_write(struct xctx *x, FILE *f, bool appendix, bool (*render)(const struct doc *, FILE *))
{
	struct doc d;
	bool ok = doc_build(&d, x, export_wants_appendix(x, appendix)) && render(&d, f);
	doc_free(&d);
	return ok;
}

bool md_write(struct xctx *x, FILE *f) { return doc_write(x, f, true, md_render); }
bool html_write(struct xctx *x, FILE *f) { return doc_write(x, f, true, html_render); }
bool pdf_write(struct xctx *x, FILE *f) { return doc_write(x, f, false, pdf_render); }
bool odt_write(struct xctx *x, FILE *f) { return doc_write(x, f, true, odt_render); }

static const struct exporter {
	const char *name, *ext, *label, *help;
	bool (*write)(struct xctx *x, FILE *f);
} exporters[EXPORT_NFORMATS] = {
#define EXPORT_ROW(id, name, ext, writer, label, help) [EXPORT_##id] = { name, ext, label, help, writer },
	EXPORT_FORMATS(EXPORT_ROW)
#undef EXPORT_ROW
};

bool export_format_parse(const char *s, enum export_format *f)
{
	if (!strcmp(s, "markdown")) {
		*f = EXPORT_MD;
		return true;
	}
	for (int i = 0; i < EXPORT_NFORMATS; i++) {
		if (!strcmp(s, exporters[i].name)) {
			*f = (enum export_format)i;
			return true;
		}
	}
	return false;
}

static const struct exporter *exporter(enum export_format f)
{
	static const struct exporter none = { "?", "", "?", "", NULL };
	return (unsigned)f < EXPORT_NFORMATS ? &exporters[f] : &none;
}

const char *export_format_name(enum export_format f)
{
	return exporter(f)->name;
}

const char *export_format_ext(enum export_format f)
{
	return exporter(f)->ext;
}

const char *export_format_label(enum export_format f)
{
	return _(exporter(f)->label);
}

const char *export_format_help(enum export_format f)
{
	return *exporter(f)->help ? _(exporter(f)->help) : "";
}

const char *export_format_names(char *buf, size_t len, const char *sep)
{
	size_t used = 0;
	if (len)
		buf[0] = '\0';
	for (int i = 0; i < EXPORT_NFORMATS && used < len; i++) {
		int n = snprintf(buf + used, len - used, "%s%s", i ? sep : "", exporters[i].name);
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

static bool write_as(enum export_format f, const struct export_options *o, FILE *out)
{
	struct xctx x;
	bool ok = xctx_init(&x, o) && exporters[f].write(&x, out) && !x.oom;
	xctx_free(&x);
	return ok && fflush(out) == 0 && !ferror(out);
}

bool export_write(enum export_format f, const struct export_options *o, FILE *out)
{
	if ((unsigned)f >= EXPORT_NFORMATS)
		return false;
	if (!o->public)
		return write_as(f, o, out);
	/* The public version: the exporters see copies without what is internal. */
	struct export_options p = *o;
	struct response *r = response_public_copy(o->r);
	struct response *base = o->baseline ? response_public_copy(o->baseline) : NULL;
	p.r = r;
	p.baseline = base;
	bool ok = r && (base || !o->baseline) && write_as(f, &p, out);
	response_free(r);
	response_free(base);
	return ok;
}

bool export_render(enum export_format f, const struct export_options *o, char **buf, size_t *len)
{
	*buf = NULL;
	*len = 0;
	FILE *mem = open_memstream(buf, len);
	bool ok = mem && export_write(f, o, mem);
	if (mem && fclose(mem) != 0)
		ok = false;
	if (!ok) {
		free(*buf);
		*buf = NULL;
		*len = 0;
	}
	return ok;
}
