/* What peil fill and peil workshop share (cli/glue.c). */
#ifndef PEIL_CLI_GLUE_H
#define PEIL_CLI_GLUE_H

#include <stdbool.h>

#include "tui/tui.h"

struct config;

/* The settings file, read once by main() (which prints its warnings and
 * frees it); NULL before that, which reads as every default. */
void cli_config_set(const struct config *c);
const struct config *cli_config(void);

/* DIR/STEM-DATE.yaml, or -2, -3... when that exists; NULL when 999 are
 * taken. DATE: the first datelen characters of today's YYYY-MM-DD (4: the
 * year). The caller frees it. */
char *cli_dated_path(const char *dir, const char *stem, int datelen);

/* The settings' theme for the TUI's options. */
void cli_theme(bool *no_color, bool *high_contrast);

/* The exit code for how the TUI ended, after printing err where it says
 * why (no terminal: EXIT_USAGE; quit unsaved: EXIT_WRITE; a signal: 128+N). */
int cli_tui_exit(enum tui_status st, int sig, const char *err);

/* rc from cli_tui_exit(): after a signal, ends the process as that signal
 * would have (everything is saved and the terminal restored by then). */
int cli_end_as_signalled(int rc);

#endif
