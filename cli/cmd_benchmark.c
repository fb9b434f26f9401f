/* peil benchmark: not built yet (its issue is open). */
#include "cli/cli.h"
#include "core/i18n.h"

int cmd_benchmark(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("benchmark", "%s", _("this command is not available yet"));
}
