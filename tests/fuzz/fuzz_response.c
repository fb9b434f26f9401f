/* libFuzzer target: the response loader with a fixed questionnaire.
 *
 * A response that loads must score to finite numbers, save, and load back
 * from its own YAML with exactly the same content: that is the path every
 * answer takes in the TUI, so a difference here is a lost answer. */
#include <math.h>
#include <stdint.h>

#include "core/mem.h"
#include "core/response.h"
#include "scoring/score.h"
#include "tests/fuzz/fuzz_common.h"

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void check_same(const struct questionnaire *q, const struct response *a,
                       const struct response *b)
{
	if (!same_str(response_organisation(a), response_organisation(b)) ||
	    !same_str(response_respondent(a), response_respondent(b)) ||
	    !same_str(response_role(a), response_role(b)) ||
	    !same_str(response_date(a), response_date(b)) ||
	    response_population(a) != response_population(b) ||
	    response_participants(a) != response_participants(b))
		fuzz_fail("header changed in a save and load", response_organisation(a));
	for (int d = 0; d < q->ndomains; d++) {
		int ta = 0, tb = 0;
		bool ha = response_own_target(a, d, &ta), hb = response_own_target(b, d, &tb);
		if (ha != hb || ta != tb)
			fuzz_fail("target changed in a save and load", q->domains[d].id);
	}
	for (int i = 0; i < q->nquestions; i++) {
		const struct answer *x = response_answer(a, i), *y = response_answer(b, i);
		bool same = x->status == y->status && x->level == y->level && same_str(x->note, y->note) &&
		            x->nevidence == y->nevidence && x->carried_over == y->carried_over &&
		            x->proposal == y->proposal && !x->votes == !y->votes;
		for (int e = 0; same && e < x->nevidence; e++)
			same = same_str(x->evidence[e], y->evidence[e]);
		for (int l = 0; same && x->votes && l < q->nlevels; l++)
			same = x->votes[l] == y->votes[l];
		if (!same)
			fuzz_fail("answer changed in a save and load", q->questions[i].id);
	}
}

static void check_texts(const struct questionnaire *q, const struct response *r)
{
	fuzz_check_text(response_organisation(r));
	fuzz_check_text(response_respondent(r));
	fuzz_check_text(response_role(r));
	for (int i = 0; i < q->nquestions; i++) {
		const struct answer *a = response_answer(r, i);
		fuzz_check_text(a->note);
		for (int e = 0; e < a->nevidence; e++)
			fuzz_check_text(a->evidence[e]);
	}
}

static void check_scores(const struct questionnaire *q, const struct response *r)
{
	struct scorecard *s = score_compute(q, r);
	if (!s)
		fuzz_fail("score_compute", NULL);
	if (!isfinite(s->progress) || s->progress < 0 || s->progress > 1 ||
	    (s->has_overall && !isfinite(s->overall)))
		fuzz_fail("overall score not finite", NULL);
	for (int d = 0; d < s->ndomains; d++)
		if ((s->domains[d].has_score && !isfinite(s->domains[d].score)) ||
		    (s->domains[d].has_target && s->domains[d].has_score && !isfinite(s->domains[d].gap)))
			fuzz_fail("domain score not finite", q->domains[d].id);
	for (int i = 0; i < s->npriorities; i++)
		if (!isfinite(s->priorities[i].weight))
			fuzz_fail("priority weight not finite", NULL);
	scorecard_free(s);
}

static void check_round_trip(const struct questionnaire *q, const struct response *r)
{
	size_t len;
	char *yaml = response_to_yaml(r, &len);
	if (!yaml)
		fuzz_fail("response_to_yaml", NULL);
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("saved.yaml", yaml, len, d);
	struct response *back = doc ? response_from_doc(doc, q, d) : NULL;
	if (!back || diag_errors(d) || !doc->explicit_end) {
		diag_print(d, stderr, true);
		fprintf(stderr, "--- saved text:\n%.*s\n", (int)len, yaml);
		fuzz_fail("a saved response does not load back cleanly", NULL);
	}
	check_same(q, r, back);
	response_free(back);
	ydoc_free(doc);
	diag_list_free(d);
	mem_free(yaml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct questionnaire *q = fuzz_library();
	struct diag_list *d = diag_list_new();
	struct ydoc *doc = ydoc_load_buffer("fuzz.yaml", (const char *)data, size, d);
	struct response *r = doc ? response_from_doc(doc, q, d) : NULL;
	if (r && !diag_errors(d)) {
		check_texts(q, r);
		check_scores(q, r);
		check_round_trip(q, r);
	}
	for (size_t i = 0; i < diag_count(d); i++)
		fuzz_check_text(diag_get(d, i)->message);
	response_free(r);
	ydoc_free(doc);
	diag_list_free(d);
	return 0;
}
