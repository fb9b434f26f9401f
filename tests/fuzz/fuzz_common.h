/* Shared by the libFuzzer targets: the fixed questionnaire the response and
 * export targets answer, and the invariants every loaded text must keep.
 * A broken invariant calls abort(), which libFuzzer reports as a crash. */
#ifndef PEIL_FUZZ_COMMON_H
#define PEIL_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/questionnaire.h"
#include "core/text.h"
#include "core/ydoc.h"

/* library.yaml from the shared checks, with texts that try to break out of
 * HTML, CSV and Markdown, so the export target sees them in every cell. */
static const char fuzz_library_yaml[] =
	"peil: 1\n"
	"id: library-digital-services\n"
	"version: \"1.0\"\n"
	"languages: [nl, en]\n"
	"title: {nl: \"Bibliotheek <script>alert(1)</script>\", en: \"=HYPERLINK(\\\"http://x\\\")\"}\n"
	"description: \"| a | b |\\n# kop\\n<img src=x onerror=alert(1)>\"\n"
	"levels:\n"
	"  - {value: 1, label: {nl: Start, en: \"@SUM(1+1)\"}}\n"
	"  - {value: 2, label: {nl: Basis, en: \"+1\"}}\n"
	"  - {value: 3, label: {nl: Op orde, en: \"-1\"}}\n"
	"  - {value: 4, label: {nl: Gevorderd, en: \"\\tTab\"}}\n"
	"  - {value: 5, label: {nl: Voorbeeld, en: \"\\\"quoted\\\", comma\"}}\n"
	"domains:\n"
	"  - id: services\n"
	"    title: {nl: \"Diensten & <b>zo</b>\", en: \"Services\\e]0;pwned\\a\"}\n"
	"    weight: 3\n"
	"    target: 4\n"
	"    questions:\n"
	"      - id: services.online-loans\n"
	"        text: {nl: \"Kunnen leden online lenen?\", en: \"=cmd|' /C calc'!A0\"}\n"
	"        help: {nl: \"Denk aan de app.\", en: \"</td></tr></table><script>x()</script>\"}\n"
	"        answers:\n"
	"          - {level: 1, text: {nl: Nee, en: \"No\"}, advice: \"Begin met ]]> en -->\"}\n"
	"          - {level: 2, text: {nl: Verlengen, en: Renewals}}\n"
	"          - {level: 3, text: {nl: Beide, en: Both}}\n"
	"          - {level: 4, text: {nl: \"Beide, met meldingen\", en: \"Both\\u202e reversed\"}}\n"
	"          - {level: 5, text: {nl: \"Ook e-boeken\", en: \"E-books\"}}\n"
	"      - id: services.help-desk\n"
	"        text: {nl: \"Is er digitale hulp?\", en: \"Is there digital help?\"}\n"
	"        weight: 2\n"
	"        answers:\n"
	"          - {level: 1, text: {nl: Nee, en: \"No\"}, advice: \"Stel een spreekuur in\"}\n"
	"          - {level: 2, text: {nl: Soms, en: Sometimes}, advice: \"=1+1\"}\n"
	"          - {level: 3, text: {nl: Wekelijks, en: Weekly}}\n"
	"          - {level: 4, text: {nl: Dagelijks, en: Daily}}\n"
	"          - {level: 5, text: {nl: \"Ook aan huis\", en: \"Also at home\"}}\n"
	"      - id: services.wifi-note\n"
	"        text: {nl: \"Wie beheert de wifi?\", en: \"Who runs the wifi?\"}\n"
	"        weight: 0\n"
	"        answers:\n"
	"          - {level: 1, text: \"?\"}\n"
	"          - {level: 2, text: \"Vrijwilliger / volunteer\"}\n"
	"          - {level: 3, text: \"Gemeente / municipality\"}\n"
	"          - {level: 4, text: \"Leverancier / supplier\"}\n"
	"          - {level: 5, text: \"Eigen team / own team\"}\n"
	"  - id: skills\n"
	"    title: {nl: Vaardigheden, en: Skills}\n"
	"    questions:\n"
	"      - id: skills.training\n"
	"        text: {nl: \"Krijgt personeel scholing?\", en: \"Are staff trained?\"}\n"
	"        allow_na: false\n"
	"        answers:\n"
	"          - {level: 1, text: {nl: Nooit, en: Never}}\n"
	"          - {level: 2, text: {nl: Eenmalig, en: Once}}\n"
	"          - {level: 3, text: {nl: Jaarlijks, en: Yearly}}\n"
	"          - {level: 4, text: {nl: \"Jaarlijks, getoetst\", en: \"Yearly, assessed\"}}\n"
	"          - {level: 5, text: {nl: Doorlopend, en: Continuously}}\n"
	"      - id: skills.plan\n"
	"        text: {nl: \"Is er een opleidingsplan?\", en: \"Is there a training plan?\"}\n"
	"        show_if: {question: skills.training, min: 2}\n"
	"        answers:\n"
	"          - {level: 1, text: {nl: Nee, en: \"No\"}}\n"
	"          - {level: 2, text: {nl: Concept, en: Draft}}\n"
	"          - {level: 3, text: {nl: Vastgesteld, en: Adopted}}\n"
	"          - {level: 4, text: {nl: \"Vastgesteld en gevolgd\", en: \"Adopted and followed\"}}\n"
	"          - {level: 5, text: {nl: \"Geëvalueerd\", en: \"Evaluated\"}}\n";

static inline void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz invariant broken: %s: %s\n", what, detail ? detail : "(null)");
	abort();
}

/* Loaded text is valid UTF-8 without controls or bidi overrides. */
static inline void fuzz_check_text(const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			fuzz_fail("invalid UTF-8 in a loaded text", s);
		if (text_is_unsafe_codepoint(cp))
			fuzz_fail("unsafe code point in a loaded text", s);
		i += n;
	}
}

/* The fixed questionnaire, loaded once; the fuzzers never free it. */
static inline const struct questionnaire *fuzz_library(void)
{
	static struct questionnaire *q;
	if (q)
		return q;
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("library.yaml", fuzz_library_yaml,
	                                    sizeof fuzz_library_yaml - 1, d);
	q = doc ? questionnaire_from_doc(doc, d) : NULL;
	if (!q || diag_errors(d)) {
		diag_print(d, stderr, true);
		fuzz_fail("the embedded questionnaire does not load", NULL);
	}
	ydoc_free(doc);
	diag_list_free(d);
	return q;
}

#endif
