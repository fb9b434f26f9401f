/* libFuzzer target: every exporter on fuzzed responses.
 *
 * The response is loaded against the fixed questionnaire (whose texts
 * already try to break out of HTML, CSV and Markdown); every format is
 * written in both languages, with and without a baseline and peers, and
 * each output is checked for what would hurt its reader:
 *   all:      valid UTF-8, no control characters or bidi overrides;
 *   JSON:     valid JSON (so never NaN or infinity);
 *   HTML:     no element from the input (<script, <img, <iframe, ...);
 *   Markdown: every '<' escaped (raw HTML passes through renderers), no
 *             autolink (URL, www., e-mail address) outside a code span;
 *   CSV:      no cell a spreadsheet would run as a formula. */
#define _GNU_SOURCE             /* open_memstream, strcasestr */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <strings.h>

#include "core/mem.h"
#include "core/response.h"
#include "exports/export.h"
#include "tests/fuzz/fuzz_common.h"

static const char baseline_yaml[] =
	"peil-responses: 1\nquestionnaire: library-digital-services\norganisation: Vorig jaar\n"
	"date: 2025-06-30\nanswers:\n  services.online-loans: {level: 2}\n"
	"  services.help-desk: {status: na}\n  skills.training: {level: 5}\n...\n";

static void check_safe_text(const char *out, size_t len, bool allow_cr, const char *fmt)
{
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t n = text_utf8_decode(out + i, len - i, &cp);
		if (n == 0)
			fuzz_fail("invalid UTF-8 in an export", fmt);
		if (text_is_unsafe_codepoint(cp) && !(allow_cr && cp == '\r'))
			fuzz_fail("control or bidi character in an export", fmt);
		i += n;
	}
}

/* --- a small JSON syntax checker (RFC 8259) --- */
static const char *json_value(const char *p, const char *end, int depth);

static const char *json_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

static const char *json_string(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++) {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\' && ++p < end && !strchr("\"\\/bfnrtu", *p))
			return NULL;
	}
	return p < end ? p + 1 : NULL;
}

static const char *json_number(const char *p, const char *end)
{
	const char *start = p;
	if (p < end && *p == '-')
		p++;
	if (p >= end || *p < '0' || *p > '9')
		return NULL;
	if (*p == '0')
		p++;
	else
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	if (p < end && *p == '.') {
		if (++p >= end || *p < '0' || *p > '9')
			return NULL;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || *p < '0' || *p > '9')
			return NULL;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	return p > start ? p : NULL;
}

static const char *json_items(const char *p, const char *end, int depth, char close, bool keys)
{
	p = json_ws(p + 1, end);
	if (p < end && *p == close)
		return p + 1;
	for (;;) {
		if (keys) {
			if (p >= end || *p != '"' || !(p = json_string(p, end)))
				return NULL;
			p = json_ws(p, end);
			if (p >= end || *p++ != ':')
				return NULL;
		}
		if (!(p = json_value(p, end, depth + 1)))
			return NULL;
		p = json_ws(p, end);
		if (p < end && *p == ',') {
			p = json_ws(p + 1, end);
			continue;
		}
		return p < end && *p == close ? p + 1 : NULL;
	}
}

static const char *json_value(const char *p, const char *end, int depth)
{
	p = json_ws(p, end);
	if (p >= end || depth > 64)
		return NULL;
	switch (*p) {
	case '{': return json_items(p, end, depth, '}', true);
	case '[': return json_items(p, end, depth, ']', false);
	case '"': return json_string(p, end);
	case 't': return (size_t)(end - p) >= 4 && !memcmp(p, "true", 4) ? p + 4 : NULL;
	case 'f': return (size_t)(end - p) >= 5 && !memcmp(p, "false", 5) ? p + 5 : NULL;
	case 'n': return (size_t)(end - p) >= 4 && !memcmp(p, "null", 4) ? p + 4 : NULL;
	default: return json_number(p, end);
	}
}

static void check_json(const char *out, size_t len)
{
	const char *end = out + len, *p = json_value(out, end, 0);
	if (!p || json_ws(p, end) != end) {
		fprintf(stderr, "%.*s\n", (int)len, out);
		fuzz_fail("the JSON export is not valid JSON", p ? p : "(syntax)");
	}
}

/* Inside the exporter's own tags: no event handler attribute, no script URL.
 * (Text outside tags cannot start a tag: the input's '<' is escaped.) */
static void check_html_attributes(const char *tag, const char *end)
{
	const char *p = tag + 1;
	while (p < end && !strchr(" \t\n/>", *p))
		p++;                            /* the tag's name */
	while (p < end) {
		while (p < end && strchr(" \t\n/", *p))
			p++;
		const char *name = p;
		while (p < end && !strchr(" \t\n=/>", *p))
			p++;
		size_t nlen = (size_t)(p - name);
		if (nlen == 0)
			break;
		if (nlen > 2 && !strncasecmp(name, "on", 2))
			fuzz_fail("an event handler attribute in the HTML export", name);
		if (p >= end || *p != '=')
			continue;
		char q = *++p;
		const char *v = p + (q == '"' || q == '\'');
		const char *vend = q == '"' || q == '\'' ? memchr(v, q, (size_t)(end - v)) : NULL;
		if (!vend)
			for (vend = v; vend < end && !strchr(" \t\n>", *vend); vend++)
				;
		while (v < vend && (*v == ' ' || *v == '\t'))
			v++;
		if ((size_t)(vend - v) >= 11 && !strncasecmp(v, "javascript:", 11))
			fuzz_fail("a javascript: URL in the HTML export", name);
		p = vend + (vend < end && (*vend == '"' || *vend == '\''));
	}
}

static void check_html(const char *out)
{
	static const char *const banned[] = { "<script", "<img", "<iframe", "<object", "<embed",
		"<link", "<form", "<input", "<a ", "<base", NULL };
	for (const char *const *b = banned; *b; b++)
		if (strcasestr(out, *b))
			fuzz_fail("markup from the input in the HTML export", *b);
	for (const char *t = strchr(out, '<'); t; t = strchr(t + 1, '<')) {
		const char *end = strchr(t, '>');
		if (!end)
			fuzz_fail("an unclosed tag in the HTML export", t);
		if (!strncmp(t, "<style>", 7)) {          /* CSS is the exporter's own */
			t = strstr(t, "</style>");
			if (!t)
				fuzz_fail("an unclosed <style> in the HTML export", NULL);
			continue;
		}
		check_html_attributes(t, end);
	}
}

/* Whether the character at p is backslash-escaped (an odd run of '\\'). */
static bool md_escaped(const char *out, const char *p)
{
	size_t n = 0;
	while (p - n > out && p[-1 - (ptrdiff_t)n] == '\\')
		n++;
	return n % 2;
}

static bool md_local_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr(".+-_", c));
}

/* No raw HTML, and no link under GFM's autolink extension (SECURITY.md:
 * no links come out of a note): every "://" has its ':' escaped, no
 * word-initial "www." is left whole, and no '@' outside a code span sits
 * between a local part and a domain with a dot, as GFM's e-mail rule reads
 * them (an escaped '@' is still linked). */
static void check_markdown(const char *out)
{
	bool code = false;
	for (const char *p = out; *p; p++) {
		if (*p == '`' && !md_escaped(out, p))
			code = !code;
		if (code)
			continue;
		if (*p == '<' && !md_escaped(out, p) && strncmp(p, "<br>", 4) != 0)
			fuzz_fail("a raw '<' in the Markdown export", p);
		if (*p == ':' && p[1] == '/' && p[2] == '/' && !md_escaped(out, p))
			fuzz_fail("a URL GFM would link in the Markdown export", p);
		if (!strncasecmp(p, "www.", 4) && (p == out || !isalnum((unsigned char)p[-1])))
			fuzz_fail("a www. address GFM would link in the Markdown export", p);
		if (*p == '@' && p > out) {
			const char *before = p - 1 - (p - 1 > out && p[-1] == '\\'), *e = p + 1;
			bool dot = false;
			for (; *e && (isalnum((unsigned char)*e) || strchr(".-_", *e)); e++)
				dot |= *e == '.' && isalnum((unsigned char)e[1]);
			if (md_local_char(*before) && dot && (isalpha((unsigned char)e[-1]) || e[-1] == '.'))
				fuzz_fail("an e-mail address GFM would link in the Markdown export", p);
		}
	}
}

/* A cell starting with = + - @ tab or CR is a formula to a spreadsheet,
 * unless it is a plain number. */
static void check_csv_cell(const char *cell, size_t n)
{
	if (n == 0 || !strchr("=+-@\t\r", cell[0]))
		return;
	size_t i = cell[0] == '-' ? 1 : 0;
	while (i < n && ((cell[i] >= '0' && cell[i] <= '9') || cell[i] == '.'))
		i++;
	if (i < n || n == 1)
		fuzz_fail("a CSV cell a spreadsheet would run as a formula", cell);
}

static void check_csv(const char *out, size_t len, char sep)
{
	char *cell = malloc(len + 1);
	size_t i = 0;
	if (len >= 3 && !memcmp(out, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		size_t n = 0;
		if (out[i] == '"') {
			for (i++; i < len; i++) {
				if (out[i] == '"' && i + 1 < len && out[i + 1] == '"')
					cell[n++] = out[i++];
				else if (out[i] == '"')
					break;
				else
					cell[n++] = out[i];
			}
			if (i++ >= len)
				fuzz_fail("an unterminated quoted CSV cell", NULL);
		} else {
			while (i < len && out[i] != sep && out[i] != '\r' && out[i] != '\n')
				cell[n++] = out[i++];
		}
		cell[n] = '\0';
		check_csv_cell(cell, n);
		if (i < len && out[i] == sep)
			i++;
		else if (i + 1 < len && out[i] == '\r' && out[i + 1] == '\n')
			i += 2;
		else if (i < len)
			fuzz_fail("a CSV cell continues after its closing quote", out + i);
	}
	free(cell);
}

static void export_and_check(enum export_format f, const struct export_options *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		abort();
	bool ok = export_write(f, o, mem);
	fclose(mem);
	if (!ok)
		fuzz_fail("export_write failed", export_format_name(f));
	/* The binary documents: a PDF and a zip package, whole. */
	if (f == EXPORT_PDF || f == EXPORT_ODT) {
		const char *magic = f == EXPORT_PDF ? "%PDF-" : "PK\x03\x04";
		if (len < 64 || memcmp(buf, magic, strlen(magic)) != 0)
			fuzz_fail("not a whole document", export_format_name(f));
		free(buf);
		return;
	}
	if (strlen(buf) != len)
		fuzz_fail("a NUL byte in an export", export_format_name(f));
	/* CSV and iCalendar end their lines with CRLF */
	check_safe_text(buf, len, f == EXPORT_CSV || f == EXPORT_ICS, export_format_name(f));
	if (f == EXPORT_JSON)
		check_json(buf, len);
	else if (f == EXPORT_HTML)
		check_html(buf);
	else if (f == EXPORT_MD)
		check_markdown(buf);
	else if (f == EXPORT_CSV)
		check_csv(buf, len, o->csv_sep ? o->csv_sep : ',');
	free(buf);
}

static struct response *load(const char *name, const char *text, size_t len)
{
	const struct questionnaire *q = fuzz_library();
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer(name, text, len, d);
	struct response *r = doc ? response_from_doc(doc, q, d) : NULL;
	if (r && diag_errors(d)) {
		response_free(r);
		r = NULL;
	}
	ydoc_free(doc);
	diag_list_free(d);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct response *baseline;
	if (!baseline && !(baseline = load("baseline.yaml", baseline_yaml, sizeof baseline_yaml - 1)))
		fuzz_fail("the embedded baseline does not load", NULL);
	struct response *r = load("fuzz.yaml", (const char *)data, size);
	if (!r)
		return 0;
	static const struct export_peer_domain pd[] = {
		{ .has = true, .n = 7, .p25 = 1.5, .median = 2.25, .p75 = 3.75, .percentile = 64.3 },
		{ .has = false },
	};
	const struct export_peers peers = { .npeers = 9, .size_class = "20k-50k", .domains = pd };
	/* The first bytes pick the variant, so the fuzzer explores them too. */
	unsigned pick = size ? data[0] : 0;
	struct export_options o = {
		.q = fuzz_library(), .r = r,
		.baseline = pick & 1 ? baseline : NULL,
		.peers = pick & 2 ? &peers : NULL,
		.lang = (pick >> 2) & 1,
		.csv_sep = pick & 8 ? ';' : 0,
		.csv_bom = pick & 16,
	};
	for (int f = 0; f < EXPORT_NFORMATS; f++)
		export_and_check((enum export_format)f, &o);
	response_free(r);
	return 0;
}
