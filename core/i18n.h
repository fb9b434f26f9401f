/* Translation of interface strings. Every user-visible string is _("…");
 * strings in static tables are marked N_("…") and translated where shown. */
#ifndef PEIL_I18N_H
#define PEIL_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets up locale and message catalogue. `lang` ("nl", "en") overrides the
 * environment; NULL keeps it. LC_NUMERIC always stays "C" so that numbers in
 * JSON, CSV, SVG and YAML are written with a decimal point. */
void i18n_init(const char *lang);

/* The language asked for: "nl" or "en" from --lang, else from LANGUAGE,
 * LC_ALL, LC_MESSAGES or LANG; NULL when none of them names one (then the
 * questionnaire's first language is used for its texts). */
const char *i18n_language(void);

/* Makes the interface's own messages speak `lang` ("nl", "en"; another
 * code gives the untranslated English) from now on, whatever the locale,
 * and i18n_language() return it. Returns the previous setting for
 * i18n_restore() (caller passes it back; it frees it). */
char *i18n_use(const char *lang);
void i18n_restore(char *saved);

/* The language that everything peil says about questionnaire q speaks,
 * as an index into q->langs: the one asked for (--lang, the settings
 * file, the locale) when q has it; else English when q has it; else q's
 * first language. Interface and questionnaire speak the same one: the
 * interface's messages are switched to it (i18n_use). */
struct questionnaire;
int i18n_choose(const struct questionnaire *q);

/* Makes the interface follow the organisation's region (i18n_catalogues)
 * when its language is Dutch. */
void i18n_set_region(const char *region);

#endif
