/* File names: the one place for joining paths, directory and base names,
 * and the .yaml/.yml suffix (the SPEC reads both, in any case). */
#ifndef PEIL_PATH_H
#define PEIL_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* True when `name` ends in ".yaml" or ".yml", in any case (".YAML", ".Yml"),
 * with something before the dot: the files peil reads from a directory. */
bool path_is_yaml(const char *name);
/* The length of name without its .yaml/.yml suffix (all of it without). */
size_t path_yaml_stem(const char *name);

/* "dir/name" (one slash between them), or NULL when memory runs out. */
char *path_join(const char *dir, const char *name);
/* The directory part: "a/b" -> "a", "/b" -> "/", "b" -> "."; NULL when
 * memory runs out. */
char *path_dir(const char *path);
/* What follows the last slash (a pointer into path). */
const char *path_base(const char *path);

#endif
