/* The scorecard as an OpenDocument text (ODF 1.3), a zip package written
 * with libzip in memory: `mimetype` first and stored (uncompressed), then
 * META-INF/manifest.xml, content.xml, styles.xml, meta.xml and the charts
 * as SVG with a PNG fallback drawn by cairo. Every XML part is written with
 * libxml2's xmlTextWriter. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "exports/cairo_doc.h"
#include "exports/html.h"
#include "exports/odt.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"

static void start_va(struct odt *o, xmlTextWriterPtr w, const char *name, va_list ap)
{
	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0)
		o->failed = true;
	for (const char *k; (k = va_arg(ap, const char *));) {
		const char *v = va_arg(ap, const char *);
		if (v)
			odt_attr(o, w, k, v);
	}
}

void odt_start(struct odt *o, xmlTextWriterPtr w, const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	start_va(o, w, name, ap);
	va_end(ap);
}

void odt_empty(struct odt *o, xmlTextWriterPtr w, const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	start_va(o, w, name, ap);
	va_end(ap);
	odt_end(o, w);
}

void odt_attr(struct odt *o, xmlTextWriterPtr w, const char *name, const char *value)
{
	char *clean = xs_sanitize(value);
	if (!clean || xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST clean) < 0)
		o->failed = true;
	free(clean);
}

void odt_end(struct odt *o, xmlTextWriterPtr w)
{
	if (xmlTextWriterEndElement(w) < 0)
		o->failed = true;
}

void odt_text(struct odt *o, xmlTextWriterPtr w, const char *s)
{
	char *clean = xs_sanitize(s);
	if (!clean) {
		o->failed = true;
		return;
	}
	for (char *line = clean, *nl; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (line != clean)
			odt_empty(o, w, "text:line-break", NULL);
		if (*line && xmlTextWriterWriteString(w, BAD_CAST line) < 0)
			o->failed = true;
	}
	free(clean);
}

static void namespaces(struct odt *o, xmlTextWriterPtr w)
{
	static const char *const ns[][2] = {
		{ "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
		{ "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
		{ "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
		{ "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
		{ "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
		{ "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
		{ "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
		{ "xmlns:xlink", "http://www.w3.org/1999/xlink" },
		{ "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
		{ "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
	};
	for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
		odt_attr(o, w, ns[i][0], ns[i][1]);
	odt_attr(o, w, "office:version", "1.3");
}

/* A new writer into a new buffer, the XML declaration written. */
static xmlTextWriterPtr part_begin(struct odt *o, xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	/* libxml2 2.9 grows a buffer to the exact size by default, so each
	 * 4,000-byte flush of the writer copied the whole part again:
	 * quadratic in the content wherever realloc copies (ASan, other
	 * allocators). Doubling keeps it linear. */
	if (*buf)
		xmlBufferSetAllocationScheme(*buf, XML_BUFFER_ALLOC_DOUBLEIT);
	xmlTextWriterPtr w = *buf ? xmlNewTextWriterMemory(*buf, 0) : NULL;
	if (!w || xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0)
		o->failed = true;
	return w;
}

/* Finishes the document and frees the writer: the buffer, or NULL (the
 * buffer freed) if anything failed. */
static xmlBufferPtr part_end(struct odt *o, xmlTextWriterPtr w, xmlBufferPtr buf)
{
	if (w && xmlTextWriterEndDocument(w) < 0)
		o->failed = true;
	if (w)
		xmlFreeTextWriter(w);
	if (o->failed && buf) {
		xmlBufferFree(buf);
		return NULL;
	}
	return buf;
}

xmlBufferPtr odt_part(struct odt *o, const char *root, bool office, void (*body)(struct odt *, xmlTextWriterPtr))
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = part_begin(o, &buf);
	if (w) {
		odt_start(o, w, root, NULL);
		if (office)
			namespaces(o, w);
		body(o, w);
		odt_end(o, w);
	}
	return part_end(o, w, buf);
}

static void meta(struct odt *o, xmlTextWriterPtr w)
{
	odt_start(o, w, "office:meta", NULL);
	const char *const fields[][2] = {
		{ "meta:generator", "peil" },
		{ "dc:title", o->d->title },
		{ "dc:subject", o->d->subtitle },
		{ "meta:initial-creator", o->d->author },
		{ "dc:language", o->d->lang },
		{ "dc:date", o->d->date },
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		if (!fields[i][1])
			continue;
		odt_start(o, w, fields[i][0], NULL);
		odt_text(o, w, fields[i][1]);
		odt_end(o, w);
	}
	odt_end(o, w);
}

static void manifest_entry(struct odt *o, xmlTextWriterPtr w, const char *path, const char *type)
{
	odt_empty(o, w, "manifest:file-entry", "manifest:full-path", path, "manifest:media-type", type,
	          "manifest:version", strcmp(path, "/") ? NULL : "1.3", NULL);
}

static void manifest(struct odt *o, xmlTextWriterPtr w)
{
	odt_attr(o, w, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
	odt_attr(o, w, "manifest:version", "1.3");
	manifest_entry(o, w, "/", ODT_MIME);
	manifest_entry(o, w, "content.xml", "text/xml");
	manifest_entry(o, w, "styles.xml", "text/xml");
	manifest_entry(o, w, "meta.xml", "text/xml");
	for (int i = 0; i < 2; i++) {
		char path[64];
		if (!o->pics[i].svg)
			continue;
		snprintf(path, sizeof path, "Pictures/%s", o->pics[i].svg_name);
		manifest_entry(o, w, path, "image/svg+xml");
		snprintf(path, sizeof path, "Pictures/%s", o->pics[i].png_name);
		manifest_entry(o, w, path, "image/png");
	}
}

/* The two charts, drawn once each as SVG and PNG. */
static void pictures(struct odt *o)
{
	static const char *const names[2] = { "radar", "bars" };
	for (int i = 0; i < 2; i++) {
		struct odt_picture *p = &o->pics[i];
		bool used = false;
		for (int b = 0; b < o->d->nblocks; b++)
			used |= o->d->blocks[b].kind == DOC_CHART && (int)o->d->blocks[b].chart == i;
		if (!used)
			continue;
		snprintf(p->svg_name, sizeof p->svg_name, "%s.svg", names[i]);
		snprintf(p->png_name, sizeof p->png_name, "%s.png", names[i]);
		FILE *mem = open_memstream(&p->svg, &p->svg_len);
		if (mem) {
			svg_standalone(mem, &o->d->chart, i);
			if (fclose(mem) != 0)
				o->failed = true;
		}
		double w = 450, h;     /* points: 15.9 cm */
		unsigned char *png = NULL;
		if (!mem || !cx_chart_png(&o->d->chart, (enum doc_chart_kind)i, w, 2.5, &png, &p->png_len, &h)) {
			o->failed = true;
			continue;
		}
		p->png = (char *)png;
		p->w_cm = w * 2.54 / 72;
		p->h_cm = h * 2.54 / 72;
	}
}

/* Adds one file; the data must live until zip_close. */
static void add(struct odt *o, zip_t *z, const char *name, const void *data, size_t len, bool store,
                time_t mtime)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	zip_int64_t i = s ? zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) : -1;
	if (i < 0) {
		zip_source_free(s);
		o->failed = true;
		return;
	}
	if (store && zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) < 0)
		o->failed = true;
	zip_file_set_mtime(z, (zip_uint64_t)i, mtime, 0);
}

/* The package into memory, then to f. */
static void package(struct odt *o, xmlBufferPtr parts[4], FILE *f)
{
	static const char *const names[4] = { "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml" };
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&ze);
		o->failed = true;
		return;
	}
	zip_source_keep(src);
	time_t mtime = 1782777600;      /* a fixed time: the same input, the same bytes */
	add(o, z, "mimetype", ODT_MIME, strlen(ODT_MIME), true, mtime);
	for (int i = 0; i < 4; i++)
		add(o, z, names[i], xmlBufferContent(parts[i]), (size_t)xmlBufferLength(parts[i]), false, mtime);
	for (int i = 0; i < 2; i++) {
		char path[64];
		if (!o->pics[i].svg)
			continue;
		snprintf(path, sizeof path, "Pictures/%s", o->pics[i].svg_name);
		add(o, z, path, o->pics[i].svg, o->pics[i].svg_len, false, mtime);
		snprintf(path, sizeof path, "Pictures/%s", o->pics[i].png_name);
		add(o, z, path, o->pics[i].png, o->pics[i].png_len, true, mtime);   /* PNG is compressed already */
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		o->failed = true;
	}
	zip_int64_t len = -1;
	if (!o->failed && zip_source_open(src) == 0) {
		char chunk[16384];
		while ((len = zip_source_read(src, chunk, sizeof chunk)) > 0)
			if (fwrite(chunk, 1, (size_t)len, f) != (size_t)len)
				o->failed = true;
		zip_source_close(src);
	}
	o->failed |= len < 0;
	zip_source_free(src);
	zip_error_fini(&ze);
}

bool odt_render(const struct doc *d, FILE *f)
{
	struct odt o = { .d = d };
	pictures(&o);
	xmlBufferPtr parts[4] = { NULL, NULL, NULL, NULL };
	if (!o.failed) {
		parts[0] = odt_part(&o, "manifest:manifest", false, manifest);
		parts[1] = odt_part(&o, "office:document-content", true, odt_content);
		parts[2] = odt_part(&o, "office:document-styles", true, odt_styles);
		parts[3] = odt_part(&o, "office:document-meta", true, meta);
	}
	if (!o.failed && parts[0] && parts[1] && parts[2] && parts[3])
		package(&o, parts, f);
	else
		o.failed = true;
	for (int i = 0; i < 4; i++)
		if (parts[i])
			xmlBufferFree(parts[i]);
	for (int i = 0; i < 2; i++) {
		free(o.pics[i].svg);
		free(o.pics[i].png);
	}
	return !o.failed && !ferror(f);
}
