/* What peil fill and peil workshop share: the settings read once by
 * main(), a dated file name in the data directory, the terminal's theme,
 * and what the TUI's end means as an exit code. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/xalloc.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/mem.h"

static const struct config *settings;

void cli_config_set(const struct config *c)
{
	settings = c;
}

const struct config *cli_config(void)
{
	return settings;
}

char *cli_dated_path(const char *dir, const char *stem, int datelen)
{
	char date[11];
	response_today(date);
	size_t len = strlen(dir) + strlen(stem) + 32;
	char *p = xmalloc(len);
	for (int i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(p, len, "%s/%s-%.*s.yaml", dir, stem, datelen, date);
		else
			snprintf(p, len, "%s/%s-%.*s-%d.yaml", dir, stem, datelen, date, i);
		if (access(p, F_OK) != 0)
			return p;
	}
	mem_free(p);
	return NULL;
}

void cli_theme(bool *no_color, bool *high_contrast)
{
	enum config_theme t = config_theme(settings);
	*no_color = t == CONFIG_THEME_NONE;
	*high_contrast = t == CONFIG_THEME_HIGH_CONTRAST;
}

int cli_tui_exit(enum tui_status st, int sig, const char *err)
{
	switch (st) {
	case TUI_DONE:
	case TUI_CANCELLED:
		return EXIT_OK;
	case TUI_NO_TERMINAL:
		cli_printf(stderr, "peil: %s\n", err);
		return EXIT_USAGE;
	case TUI_NOT_SAVED:
		cli_printf(stderr, "peil: %s\n", err);
		return EXIT_WRITE;
	case TUI_SIGNALLED:
		return 128 + sig;
	}
	return EXIT_OK;
}

int cli_end_as_signalled(int rc)
{
	if (rc > 128 && rc < 128 + 65) {
		/* Saved and restored: now end as the signal would have. */
		signal(rc - 128, SIG_DFL);
		raise(rc - 128);
	}
	return rc;
}
