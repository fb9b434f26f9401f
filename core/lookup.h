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

/* $XDG_DATA_HOME/peil (default ~/.local/share/peil), created with any
 * missing parents when `create`. Caller frees. NULL if HOME is unknown or
 * the directory cannot be created. */
char *lookup_data_dir(int create);

/* Creates `dir` and its missing parents (like mkdir -p), new ones with mode
 * 0700. Returns 0 when it is a directory afterwards, else -1 (errno set). */
int lookup_mkdirs(const char *dir);

#endif
