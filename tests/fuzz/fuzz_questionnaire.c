/* libFuzzer target: the questionnaire loader (ydoc_load_buffer and
 * questionnaire_from_doc) on arbitrary bytes.
 *
 * Besides "no crash, no leak, no undefined behaviour", it checks what the
 * rest of peil relies on: every loaded text is safe to print, the structure
 * is consistent, and a response to the questionnaire saves and loads back. */
#include <stdint.h>

#include "core/mem.h"
#include "core/response.h"
#include "scoring/score.h"
#include "tests/fuzz/fuzz_common.h"

static void check_qtext(const struct questionnaire *q, const struct qn_text *t, bool required)
{
	if (!t->tr) {
		if (required)
			fuzz_fail("a required text is missing", q->id);
		return;
	}
	for (int i = 0; i < q->nlangs; i++) {
		if (!t->tr[i])
			fuzz_fail("a text lacks a language", q->id);
		fuzz_check_text(t->tr[i]);
	}
}

static void check_structure(const struct questionnaire *q)
{
	if (!q->id || !qn_valid_id(q->id) || q->nlangs < 1 || q->nlevels < 2 || q->ndomains < 1)
		fuzz_fail("header", q->id);
	fuzz_check_text(q->version);
	check_qtext(q, &q->title, true);
	check_qtext(q, &q->description, false);
	for (int i = 0; i < q->nlevels; i++) {
		if (i > 0 && q->levels[i].value <= q->levels[i - 1].value)
			fuzz_fail("levels not ascending", q->id);
		check_qtext(q, &q->levels[i].label, true);
		check_qtext(q, &q->levels[i].description, false);
	}
	int next = 0;
	for (int d = 0; d < q->ndomains; d++) {
		const struct qn_domain *dom = &q->domains[d];
		if (dom->first != next || dom->count < 1 || !(dom->weight > 0))
			fuzz_fail("domain range or weight", dom->id);
		if (dom->has_target && qn_level_index(q, dom->target) < 0)
			fuzz_fail("domain target is not a level", dom->id);
		if (qn_domain_index(q, dom->id) != d)
			fuzz_fail("domain lookup", dom->id);
		check_qtext(q, &dom->title, true);
		next += dom->count;
	}
	if (next != q->nquestions)
		fuzz_fail("question count", q->id);
	for (int i = 0; i < q->nquestions; i++) {
		const struct qn_question *qu = &q->questions[i];
		if (qn_question_index(q, qu->id) != i || !qn_valid_id(qu->id))
			fuzz_fail("question lookup", qu->id);
		if (qu->show_if.question >= i || !(qu->weight >= 0))
			fuzz_fail("show_if must name an earlier question", qu->id);
		check_qtext(q, &qu->text, true);
		check_qtext(q, &qu->help, false);
		for (int l = 0; l < q->nlevels; l++) {
			if (qu->answers[l].level != q->levels[l].value)
				fuzz_fail("answers not in level order", qu->id);
			check_qtext(q, &qu->answers[l].text, true);
			check_qtext(q, &qu->answers[l].advice, false);
		}
	}
}

/* Answers every question with its highest level, saves, loads back: what
 * the TUI does on every change must work for every valid questionnaire. */
static void check_round_trip(const struct questionnaire *q)
{
	struct response *r = response_new(q, "Gemeente Fuzz");
	if (!r)
		fuzz_fail("response_new", q->id);
	for (int i = 0; i < q->nquestions; i++)
		if (!response_set_level(r, i, q->levels[q->nlevels - 1].value))
			fuzz_fail("response_set_level", q->questions[i].id);
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	if (!yaml)
		fuzz_fail("response_to_yaml", q->id);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("saved.yaml", yaml, len, d);
	struct response *back = doc ? response_from_doc(doc, q, d) : NULL;
	if (!back || diag_errors(d)) {
		diag_print(d, stderr, true);
		fprintf(stderr, "%.*s\n", (int)len, yaml);
		fuzz_fail("a saved response does not load back", q->id);
	}
	struct scorecard *s = score_compute(q, back);
	if (!s || !s->has_overall)
		fuzz_fail("score of a fully answered response", q->id);
	scorecard_free(s);
	response_free(back);
	ydoc_free(doc);
	diag_list_free(d);
	mem_free(yaml);
	response_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("fuzz.yaml", (const char *)data, size, d);
	struct questionnaire *q = doc ? questionnaire_from_doc(doc, d) : NULL;
	bool errors = diag_errors(d) > 0;
	if (q && !errors) {
		check_structure(q);
		check_round_trip(q);
	}
	for (size_t i = 0; i < diag_count(d); i++) {
		const struct diag *g = diag_get(d, i);
		if (g->line < 0 || g->col < 0 || !g->message)
			fuzz_fail("diagnostic position", g->message);
		fuzz_check_text(g->message);    /* messages reach the terminal too */
	}
	questionnaire_free(q);
	ydoc_free(doc);
	diag_list_free(d);
	return 0;
}
