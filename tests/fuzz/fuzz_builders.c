/* libFuzzer target for the exports' text builders at scale (issue 13 item
 * 2): the input picks a number of evidence items (up to 50,000), a number
 * of levels with votes (up to 2,000) and the texts the items are made of;
 * the target writes such a questionnaire and response as YAML, loads them
 * and exports every text format and the ODT. A builder that copies its
 * string again for each item needs minutes and gigabytes here, which the
 * fuzzer's -timeout and -rss_limit_mb (fuzz.mk) report as a finding; the
 * output must also stay within a constant factor of the input. */
#include <stdint.h>

#include "exports/export.h"
#include "tests/fuzz/fuzz_common.h"

enum { MAX_ITEMS = 50000, MAX_LEVELS = 2000 };

/* Bytes to text that tries Markdown, HTML, CSV and autolinks, quoted for
 * YAML by leaving out '"' and '\'. */
static void item_text(const uint8_t *d, size_t n, char *out, size_t cap)
{
	static const char alphabet[] = "abcdefgw.:/@ -_|<>&*#`=+;,\n[]()!0123456789";
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		out[k++] = alphabet[d[i] % (sizeof alphabet - 1)];
	out[k] = '\0';
}

static void yaml_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++)
		if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	fputc('"', f);
}

static char *questionnaire_yaml(int levels, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	fputs("peil: 1\nid: fuzz-builders\nversion: \"1\"\nlanguages: [en]\ntitle: Builders\nlevels:\n", f);
	for (int l = 1; l <= levels; l++)
		fprintf(f, "  - {value: %d, label: L%d}\n", l, l);
	fputs("domains:\n  - id: d\n    title: D\n    target: 2\n    questions:\n      - id: d.q\n"
	      "        text: \"Q www.example.org?\"\n        answers:\n", f);
	for (int l = 1; l <= levels; l++)
		fprintf(f, "          - {level: %d, text: A%d, advice: \"Do www.x.org\"}\n", l, l);
	fclose(f);
	return buf;
}

/* Item i's text is a window of the input (its own start and length), so
 * the items differ from each other and the fuzzer steers all of them. */
static void item_window(const uint8_t *d, size_t n, int i, char *out, size_t cap)
{
	uint8_t w[64];
	size_t start = n ? ((size_t)i * 31u) % n : 0, len = n ? 1 + d[start] % 24 : 0;
	for (size_t k = 0; k < len; k++)
		w[k] = d[(start + k) % n];
	item_text(w, len, out, cap);
}

static char *response_yaml(const uint8_t *d, size_t size, int levels, int items, size_t *len)
{
	char text[65], *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	item_text(d, size < 64 ? size : 64, text, sizeof text);
	fputs("peil-responses: 1\nquestionnaire: fuzz-builders\nquestionnaire_version: \"1\"\n"
	      "organisation: Fuzz\ndate: 2026-06-30\nparticipants: 3\nanswers:\n  d.q:\n    level: 1\n    note: ", f);
	yaml_string(f, text);
	fputs("\n    votes: {", f);
	for (int l = 1; l <= levels; l++)
		fprintf(f, "%s%d: %u", l > 1 ? ", " : "", l, 1u + (size ? d[l % size] : 0u));
	fputs("}\n    evidence:\n", f);
	for (int i = 0; i < items; i++) {
		item_window(d, size, i, text, sizeof text);
		fputs("      - ", f);
		yaml_string(f, text);
		fputc('\n', f);
	}
	fclose(f);
	return buf;
}

static size_t export_size(enum export_format fmt, const struct export_options *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		abort();
	if (!export_write(fmt, o, mem))
		fuzz_fail("export_write failed", export_format_name(fmt));
	fclose(mem);
	free(buf);
	return len;
}

/* Byte 0 picks the scale, bytes 1-3 the number of items and 4-5 the
 * number of levels within it. Most units stay small enough to run many
 * times a second and explore the texts; byte 0 = 255 goes up to 50,000
 * items and 2,000 voted levels (seconds under ASan, where a quadratic
 * builder needs minutes and gigabytes). The seeds start at full scale, so
 * every run of `make fuzz` checks it; the mutator below moves most of
 * their offspring down. */
static void scale(const uint8_t *d, int *items, int *levels)
{
	unsigned c = d[0] < 0xa0 ? 0 : d[0] < 0xe0 ? 1 : d[0] < 0xff ? 2 : 3;
	static const unsigned max_items[] = { 100, 2000, 10000, MAX_ITEMS };
	static const unsigned max_levels[] = { 8, 100, 500, MAX_LEVELS };
	*items = (int)(((unsigned)d[1] << 16 | (unsigned)d[2] << 8 | d[3]) % (max_items[c] + 1));
	*levels = 2 + (int)(((unsigned)d[4] << 8 | d[5]) % (max_levels[c] - 1));
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Without this, new texts found on a full-scale seed stay at full scale and
 * a minute of fuzzing runs a few dozen units: seven mutations in eight go
 * to the small scale, where the same builders run a thousand times faster. */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	size = LLVMFuzzerMutate(data, size, max_size);
	if (size > 0 && seed % 8 != 0 && data[0] >= 0xa0)
		data[0] = (uint8_t)((seed >> 3) % 0xa0);
	return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 6)
		return 0;
	int items, levels;
	scale(data, &items, &levels);
	data += 6, size -= 6;
	size_t qlen, rlen;
	char *qy = questionnaire_yaml(levels, &qlen), *ry = response_yaml(data, size, levels, items, &rlen);
	struct diag_list *d = diag_list_new();
	struct ydoc *qdoc = ydoc_load_buffer("q.yaml", qy, qlen, d);
	struct questionnaire *q = qdoc ? questionnaire_from_doc(qdoc, d) : NULL;
	struct ydoc *rdoc = q ? ydoc_load_buffer("r.yaml", ry, rlen, d) : NULL;
	struct response *r = rdoc ? response_from_doc(rdoc, q, d) : NULL;
	if (!r)
		fuzz_fail("the generated response does not load", rlen < 2000 ? ry : "(large)");
	struct export_options o = { .q = q, .r = r, .lang = 0 };
	static const enum export_format fmts[] = { EXPORT_MD, EXPORT_HTML, EXPORT_CSV, EXPORT_JSON, EXPORT_ODT };
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		size_t out = export_size(fmts[i], &o);
		/* linear: a bounded number of bytes out per byte in */
		if (out > 64 * (qlen + rlen) + (1u << 20))
			fuzz_fail("an export grows faster than its input", export_format_name(fmts[i]));
	}
	response_free(r);
	ydoc_free(rdoc);
	questionnaire_free(q);
	ydoc_free(qdoc);
	diag_list_free(d);
	free(qy);
	free(ry);
	return 0;
}
