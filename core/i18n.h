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

#endif
