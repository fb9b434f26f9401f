/* Finding questionnaires and the user's data directory (SPEC: "-q Q"). */
#ifndef PEIL_LOOKUP_H
#define PEIL_LOOKUP_H

#include <stddef.h>

#define PEIL_DEFAULT_QUESTIONNAIRE "municipal-digital-maturity"

/* `q` is a path (contains '/' or names an existing file) or an id looked up
 * on the questionnaire path: $PEIL_PATH (colon-separated), then
 * $XDG_DATA_HOME/peil/questionnaires, then the installed share dir, then
 * questionnaires/ of the source tree. Returns a malloc'd path (caller frees
 * with mem_free) or NULL. */
char *lookup_questionnaire(const char *q);

/* The questionnaire path as one string for messages (caller frees). */
char *lookup_path_description(void);

/* $XDG_DATA_HOME/peil (default ~/.local/share/peil), created if missing
 * when `create`. Caller frees. NULL if HOME is unknown. */
char *lookup_data_dir(int create);

#endif
