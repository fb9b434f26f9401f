#include "core/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/questionnaire.h"

static char language[8];
static char region[16];        /* the organisation's, for i18n_catalogues() */

static const char *lang_of(const char *v)
{
	if (v && !strncmp(v, "nl", 2))
		return "nl";
	if (v && !strncmp(v, "en", 2))
		return "en";
	return NULL;
}

/* Installed catalogues first; else the ones built next to the binary, so
 * that build/peil speaks Dutch straight from the source tree. */
static void bind_catalogue(void)
{
	struct stat st;
	char path[PATH_MAX];
	if (stat(PEIL_LOCALEDIR "/nl/LC_MESSAGES/peil.mo", &st) == 0) {
		bindtextdomain("peil", PEIL_LOCALEDIR);
		return;
	}
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 16);
	if (n > 0) {
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (slash) {
			strcpy(slash + 1, "locale");
			if (stat(path, &st) == 0) {
				bindtextdomain("peil", path);
				return;
			}
		}
	}
	bindtextdomain("peil", PEIL_LOCALEDIR);
}

void i18n_init(const char *lang)
{
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	/* No locale set (a fresh machine, ssh without LANG) gives the ASCII "C"
	 * locale, while the terminal almost surely sends and shows UTF-8: typed
	 * accents were dropped ("Súd-Fryslân" became "S") and lines were drawn
	 * as "qqqq". Like Python (PEP 538), take C.UTF-8 for the characters
	 * unless LC_ALL asks for "C" on purpose. */
	const char *ctype = setlocale(LC_CTYPE, NULL);
	const char *all = getenv("LC_ALL");
	if (ctype && (!strcmp(ctype, "C") || !strcmp(ctype, "POSIX")) && !(all && *all))
		setlocale(LC_CTYPE, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	const char *chosen = lang_of(lang);
	if (chosen) {
		/* LANGUAGE outranks the locale for messages; glibc ignores it only
		 * in the plain "C" locale, so move to C.UTF-8 there. */
		setenv("LANGUAGE", chosen, 1);
		const char *cur = setlocale(LC_MESSAGES, NULL);
		if (cur && (!strcmp(cur, "C") || !strcmp(cur, "POSIX")))
			setlocale(LC_MESSAGES, "C.UTF-8");
	} else {
		const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
		for (size_t i = 0; i < sizeof vars / sizeof *vars && !chosen; i++) {
			const char *v = getenv(vars[i]);
			if (v && *v)
				chosen = lang_of(v) ? lang_of(v) : (i == 0 ? NULL : "");
		}
		if (chosen && !*chosen)
			chosen = NULL;
		/* LANG=nl_BE.UTF-8 on a system without that locale: setlocale
		 * fell back to C.UTF-8, whose name gettext would use. Name the
		 * catalogue through LANGUAGE instead, unless the user set it. */
		const char *cur = setlocale(LC_MESSAGES, NULL);
		if (chosen && !lang_of(getenv("LANGUAGE")) && lang_of(cur) != chosen)
			setenv("LANGUAGE", chosen, 1);
		if (chosen && cur && (!strcmp(cur, "C") || !strcmp(cur, "POSIX")))
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	snprintf(language, sizeof language, "%s", chosen ? chosen : "");
	bind_catalogue();
	bind_textdomain_codeset("peil", "UTF-8");
	textdomain("peil");
}

const char *i18n_language(void)
{
	return language[0] ? language : NULL;
}

static const char *i18n_catalogues(const char *lang, const char *org_region);

char *i18n_use(const char *lang)
{
	const char *old = getenv("LANGUAGE");
	size_t n = old ? strlen(old) : 0;
	char *saved = malloc(sizeof language + 1 + n + 1);
	if (saved) {
		/* "chosen\0" then "1LANGUAGE" or "0" */
		memcpy(saved, language, sizeof language);
		saved[sizeof language] = old ? '1' : '0';
		memcpy(saved + sizeof language + 1, old ? old : "", n + 1);
	}
	setenv("LANGUAGE", i18n_catalogues(lang, region[0] ? region : NULL), 1);
	/* glibc ignores LANGUAGE in the "C" locale. */
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (cur && (!strcmp(cur, "C") || !strcmp(cur, "POSIX")))
		setlocale(LC_MESSAGES, "C.UTF-8");
	snprintf(language, sizeof language, "%s", lang);
	textdomain(textdomain(NULL));   /* makes gettext look up anew */
	return saved;
}

void i18n_restore(char *saved)
{
	if (!saved)
		return;
	memcpy(language, saved, sizeof language);
	if (saved[sizeof language] == '1')
		setenv("LANGUAGE", saved + sizeof language + 1, 1);
	else
		unsetenv("LANGUAGE");
	textdomain(textdomain(NULL));
	free(saved);
}

int i18n_choose(const struct questionnaire *q)
{
	const char *want = i18n_language();
	int i = want ? qn_lang_index(q, want) : -1;
	if (i < 0)
		i = qn_lang_index(q, "en");
	if (i < 0)
		i = 0;
	if (!want || strcmp(want, q->langs[i]) != 0)
		free(i18n_use(q->langs[i]));
	return i;
}

/* The message catalogues for `lang` ("nl", "en") in an organisation's
 * `region` (NULL: none): "nl_BE:nl" for Dutch in a region of Belgium, so
 * that the few interface words that differ in Flanders (schepen, algemeen
 * directeur) come from po/nl_BE.po and the rest from po/nl.po; else lang. */
static const char *i18n_catalogues(const char *lang, const char *org_region)
{
	if (lang && !strcmp(lang, "nl") && org_region && !strncmp(org_region, "BE", 2) &&
	    (org_region[2] == '\0' || org_region[2] == '-'))
		return "nl_BE:nl";
	return lang;
}

void i18n_set_region(const char *r)
{
	snprintf(region, sizeof region, "%s", r ? r : "");
	if (!language[0])
		return;         /* no language chosen yet: i18n_use() applies it */
	char lang[sizeof language];
	memcpy(lang, language, sizeof lang);
	free(i18n_use(lang));
}
