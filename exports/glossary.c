/* A short glossary of the abbreviations a reader meets in this scorecard:
 * only those that occur in the questionnaire's texts in the export's
 * language (questions, answers, advice, domains, levels), of the questions
 * asked in the organisation's region. */
#include <ctype.h>
#include <string.h>

#include "core/i18n.h"
#include "exports/doc.h"

static const struct term {
	const char *abbr, *meaning;
} terms[] = {
	{ "AI", N_("artificial intelligence: computer systems that learn from data to predict, recommend or decide") },
	{ "API", N_("application programming interface: an agreed way for computer systems to exchange data") },
	{ "AVG", N_("Algemene verordening gegevensbescherming, the Dutch name of the GDPR") },
	{ "BIO", N_("Baseline Informatiebeveiliging Overheid: the information security standard of Dutch government") },
	{ "BIO2", N_("version 2 of the BIO, the information security standard of Dutch government") },
	{ "CERT", N_("computer emergency response team: the team that handles security incidents") },
	{ "CISO", N_("chief information security officer: the person responsible for information security") },
	{ "DigiD", N_("the login of Dutch government for citizens") },
	{ "DPIA", N_("data protection impact assessment: a check of the privacy risks before personal data is used") },
	{ "DPO", N_("data protection officer: supervises the use of personal data inside the organisation") },
	{ "ENSIA", N_("the yearly accountability of Dutch municipalities on information security") },
	{ "FG", N_("functionaris gegevensbescherming, the Dutch name of the data protection officer (DPO)") },
	{ "FRIA", N_("fundamental rights impact assessment: a check of the risks of an AI system for people's rights") },
	{ "GDPR", N_("General Data Protection Regulation: the European privacy law") },
	{ "GEMMA", N_("the reference architecture of Dutch municipalities") },
	{ "ICT", N_("information and communication technology") },
	{ "ISMS", N_("information security management system: how an organisation plans, checks and improves its "
	             "security") },
	{ "MFA", N_("multi-factor authentication: logging in with a second proof besides the password") },
	{ "NIS2", N_("the European directive on the security of network and information systems (2022)") },
	{ "SaaS", N_("software as a service: software used online and paid for by subscription") },
	{ "VNG", N_("Vereniging van Nederlandse Gemeenten, the association of Dutch municipalities") },
	{ "WCAG", N_("Web Content Accessibility Guidelines: the standard for accessible websites and apps") },
};
enum { NTERMS = sizeof terms / sizeof *terms };

/* Whether abbr occurs in s as a word of its own (a plural s allowed). */
static bool occurs(const char *s, const char *abbr)
{
	size_t n = strlen(abbr);
	for (const char *p = s ? strstr(s, abbr) : NULL; p; p = strstr(p + 1, abbr)) {
		const char *e = p + n;
		if (*e == 's')
			e++;
		if ((p == s || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)*e))
			return true;
	}
	return false;
}

static bool in_questionnaire(const struct xctx *x, const char *abbr)
{
	const struct questionnaire *q = x->q;
	for (int i = 0; i < q->ndomains; i++)
		if (occurs(xctx_tr(x, &q->domains[i].title), abbr) || occurs(xctx_tr(x, &q->domains[i].description), abbr))
			return true;
	for (int i = 0; i < q->nquestions; i++) {
		const struct qn_question *qu = &q->questions[i];
		if (!qn_asked_in(q, i, response_region(x->r)))
			continue;       /* another region's question: its terms never reach this reader */
		if (occurs(xctx_tr(x, &qu->text), abbr))
			return true;
		for (int l = 0; l < q->nlevels; l++)
			if (occurs(xctx_tr(x, &qu->answers[l].text), abbr) || occurs(xctx_tr(x, &qu->answers[l].advice), abbr))
				return true;
	}
	return false;
}

void scorecard_glossary(struct doc *d)
{
	struct doc_fact f[NTERMS];
	int n = 0;
	for (int i = 0; i < NTERMS; i++)
		if (in_questionnaire(d->x, terms[i].abbr))
			f[n++] = (struct doc_fact){ terms[i].abbr, _(terms[i].meaning) };
	if (n == 0)
		return;
	doc_section(d, "glossary", _("Abbreviations"), false);
	doc_facts(d, f, n);
}
