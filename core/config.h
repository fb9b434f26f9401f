/* User settings: $XDG_CONFIG_HOME/peil/config (default ~/.config/peil/config).
 *
 * A small text file, one `key = value` per line; `#` starts a comment line;
 * blank lines are ignored; a value may be put in double quotes. Keys:
 *   language = nl | en                     default interface language
 *   theme    = default | high-contrast | none   colours of the TUI
 *   data_dir = PATH                        where assessments are kept
 *                                          (absolute, or ~/...)
 * A missing file is not an error. A line that cannot be understood gives a
 * warning (with path:line:col) and that setting keeps its default, so that a
 * typo never stops peil from starting. Unknown keys are warned about too. */
#ifndef PEIL_CONFIG_H
#define PEIL_CONFIG_H

#include <stddef.h>

#include "core/diag.h"

enum config_theme {
	CONFIG_THEME_DEFAULT,
	CONFIG_THEME_HIGH_CONTRAST,
	CONFIG_THEME_NONE,              /* no colours at all, like NO_COLOR */
};

struct config;

/* The settings file's path: $XDG_CONFIG_HOME/peil/config when that variable
 * is an absolute path, else $HOME/.config/peil/config. NULL if neither is
 * known. Caller frees with mem_free(). */
char *config_default_path(void);

/* Reads the file at `path` (NULL: config_default_path()). Never returns NULL
 * except when memory runs out: a missing or unreadable file gives defaults
 * (unreadable with a warning). Problems go to d as warnings. Free with
 * config_free(). */
struct config *config_load(const char *path, struct diag_list *d);

/* Parses settings text (len bytes); `path` is only used in messages. */
struct config *config_parse(const char *text, size_t len, const char *path,
                            struct diag_list *d);

void config_free(struct config *c);                 /* NULL is fine */

/* "nl", "en", or NULL when not set. Borrowed from c. */
const char *config_language(const struct config *c);
enum config_theme config_theme(const struct config *c);
/* The configured data_dir with ~ expanded, or NULL when not set. Borrowed. */
const char *config_data_dir(const struct config *c);

/* Where assessments go: the configured data_dir, else lookup_data_dir()
 * ($XDG_DATA_HOME/peil). Created with its parents when `create`; NULL when
 * it cannot be created or HOME is unknown. Caller frees with mem_free(). */
char *config_assessment_dir(const struct config *c, int create);

#endif
