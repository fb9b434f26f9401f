/* "About this assessment" (A): who answers, in what role, for how many
 * inhabitants and in which region, set in the TUI rather than by editing
 * the YAML, so that a scorecard says who answered (issue 12). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/form.h"
#include "tui/screens.h"

enum { F_RESPONDENT, F_ROLE, F_POPULATION, F_REGION, F_NFIELDS };
enum { MAX_POPULATION_TEXT = 16 };

/* "30000", "30.000" or "30 000": whole inhabitants; "" is unknown (-1).
 * False for anything else. */
static bool parse_population(const char *s, long *out)
{
	char digits[MAX_POPULATION_TEXT + 1];
	size_t n = 0;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s) && n < MAX_POPULATION_TEXT)
			digits[n++] = *s;
		else if (!strchr(" .,'", *s) || n == 0)
			return false;
	}
	digits[n] = '\0';
	if (n == 0) {
		*out = -1;
		return true;
	}
	errno = 0;
	char *end;
	long v = strtol(digits, &end, 10);
	if (errno || *end || v <= 0 || v > 100000000)
		return false;
	*out = v;
	return true;
}

static const char *about_done(void *ctx, struct app *a, const char *const *v, int *focus)
{
	(void)ctx;
	struct session *s = a->s;
	long population;
	if (!parse_population(v[F_POPULATION], &population)) {
		*focus = F_POPULATION;
		return _("Inhabitants: a whole number such as 30000 (or leave it empty).");
	}
	const char *region = v[F_REGION];
	if (*region && (!qn_valid_region(region) || (s->q->regions_listed && qn_region_index(s->q, region) < 0))) {
		*focus = F_REGION;
		return s->q->regions_listed ? _("Region: choose one of the questionnaire's regions (Left/Right).")
		                            : _("Region: a code such as NL or BE-VLG (or leave it empty).");
	}
	if (!response_set_respondent(s->r, v[F_RESPONDENT]) || !response_set_role(s->r, v[F_ROLE]) ||
	    (*region && !response_set_region(s->r, region)))
		return _("out of memory");
	response_set_population(s->r, population);
	/* Another region may ask other questions, in its own words (nl-BE). */
	i18n_set_region(response_region(s->r));
	s->lang = response_text_lang(s->r, qn_lang_base(s->q, s->lang));
	app_message(a, false, "%s", _("Saved: the scorecard says who answered, and for whom."));
	return NULL;
}

struct screen *form_about_new(struct app *a)
{
	static const char *roles[5], *regions[17];
	roles[0] = _("CIO");
	roles[1] = _("information manager");
	roles[2] = _("CISO");
	roles[3] = _("municipal secretary");
	roles[4] = NULL;
	const struct questionnaire *q = a->s->q;
	int nr = 0;
	for (int i = 0; q->regions_listed && i < q->nlisted && nr < 16; i++)
		regions[nr++] = q->regions[i];
	regions[nr] = NULL;
	const struct response *r = a->s->r;
	char population[32] = "";
	if (response_population(r) >= 0)
		snprintf(population, sizeof population, "%ld", response_population(r));
	struct form_field f[F_NFIELDS] = {
		{ _("Answered by (name)"), response_respondent(r), NULL, false, 120 },
		{ _("Role"), response_role(r), roles, false, 120 },
		{ _("Inhabitants"), population, NULL, false, MAX_POPULATION_TEXT },
		{ _("Region"), response_own_region(r), nr ? regions : NULL, nr > 0, 16 },
	};
	return screen_form_new(a, _("About this assessment"),
	                       _("Who answers the questions and for how many inhabitants: the scorecard says so, "
	                         "and peers of the same size are compared with it. Esc leaves it as it was."),
	                       f, F_NFIELDS, about_done, NULL, NULL);
}
