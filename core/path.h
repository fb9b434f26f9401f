/* File names. (Written by "network" for issue 20; issue 14.7 gathers the
 * path joining and directory names here too.) */
#ifndef PEIL_PATH_H
#define PEIL_PATH_H

#include <stdbool.h>

/* True when `name` ends in ".yaml" or ".yml", in any case (".YAML", ".Yml"),
 * with something before the dot: the files peil reads from a directory. */
bool path_is_yaml(const char *name);

#endif
