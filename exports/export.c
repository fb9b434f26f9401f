/* The exporter table and the two entry points. */
#include "exports/export.h"

#include <stdlib.h>
#include <string.h>

#include "core/atomic.h"
#include "core/i18n.h"
#include "exports/doc.h"

static bool write_md(struct xctx *x, FILE *f)
{
	struct doc d = { .f = f, .x = x, .ops = &markdown_ops };
	scorecard_write(&d);
	return true;
}

static bool write_html(struct xctx *x, FILE *f)
{
	struct doc d = { .f = f, .x = x, .ops = &html_ops };
	scorecard_write(&d);
	return true;
}

static const struct exporter {
	const char *name;
	bool (*write)(struct xctx *x, FILE *f);
} exporters[EXPORT_NFORMATS] = {
	[EXPORT_MD] = { "md", write_md },
	[EXPORT_HTML] = { "html", write_html },
	[EXPORT_CSV] = { "csv", csv_write },
	[EXPORT_JSON] = { "json", json_write },
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

const char *export_format_name(enum export_format f)
{
	return (unsigned)f < EXPORT_NFORMATS ? exporters[f].name : "?";
}

bool export_write(enum export_format f, const struct export_options *o, FILE *out)
{
	if ((unsigned)f >= EXPORT_NFORMATS)
		return false;
	struct xctx x;
	bool ok = xctx_init(&x, o) && exporters[f].write(&x, out) && !x.oom;
	xctx_free(&x);
	return ok && fflush(out) == 0 && !ferror(out);
}

bool export_to_file(enum export_format f, const struct export_options *o,
                    const char *path, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return false;
	}
	bool ok = export_write(f, o, mem);
	if (fclose(mem) != 0)
		ok = false;
	if (!ok)
		snprintf(err, errlen, "%s", _("out of memory"));
	else
		ok = atomic_write(path, buf, len, 0666, true, false, err, errlen);
	free(buf);
	return ok;
}
