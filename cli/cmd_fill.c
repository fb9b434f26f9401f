/* peil fill: not built yet (its issue is open). */
#include "cli/cli.h"
#include "core/i18n.h"

int cmd_fill(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("fill", "%s", _("this command is not available yet"));
}
