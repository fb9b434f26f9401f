/* Text in libform fields: multi-line, UTF-8, with the paragraph breaks
 * kept. A form field holds rows of fixed width padded with spaces, not
 * lines; these functions lay text out into rows and read it back, telling
 * a row that wrapped from a line the user ended with Enter. */
#ifndef PEIL_TUI_FIELD_H
#define PEIL_TUI_FIELD_H

#include <form.h>

#include "tui/draw.h"

/* Fills f with text (wrapped to the field's width). False when memory
 * runs out. */
bool field_set_text(FIELD *f, const struct theme *t, const char *text);
/* The text in f, lines joined with '\n', trailing blanks dropped; the
 * caller frees it with free(). NULL when memory runs out. */
char *field_get_text(FIELD *f, const struct theme *t);
/* Passes one key to a form as the editing request it means (arrows, Home,
 * End, Backspace, Delete, Enter, printable characters). `multiline`:
 * Enter starts a new line. Returns false for keys it does not use. */
bool field_edit_key(FORM *form, int key, bool fkey, bool multiline);

#endif
