/* PEIL_SCRIPT=FILE: the event loop reads its keys from FILE, then from the
 * terminal again when FILE ends (tig's TIG_SCRIPT). With PEIL_SCRIPT set,
 * the TUI also runs where stdin/stdout are no terminal (TERM must still
 * name one; LINES and COLUMNS give the size).
 *
 * The file, line by line:
 *   # comment               (and empty lines) ignored
 *   :screen PATH            write the screen as it is now to PATH (UTF-8
 *                           text, one line per row, trailing blanks cut)
 *   :resize COLS LINES      the terminal changes size
 *   :click ROW COL          a left click (0-based, row 0 = the title line)
 *   :wait SECONDS           the clock moves on (script_clock): under a
 *                           script the clock stands still otherwise, so
 *                           timers on the screen are the same every run
 *   anything else           keys: each character is one key press, and
 *                           <Enter> <Esc> <Tab> <S-Tab> <Space> <BS> <Del>
 *                           <Backspace> <Up> <Down> <Left> <Right> <Home>
 *                           <End> <PgUp> <PgDn> <F1>..<F12> <C-x> <lt>
 *                           name the others (<lt> is '<').
 * Each key is handled, saved and drawn before the next is read, so a
 * :screen always shows the effect of every key before it. A mistake in the
 * script is reported on stderr as FILE:LINE: and ends the script. */
#ifndef PEIL_TUI_SCRIPT_H
#define PEIL_TUI_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/draw.h"

#include <time.h>

/* What script_key returns after `:wait`: no key, but time passed. */
enum { SCRIPT_TICK = -3 };

/* True when PEIL_SCRIPT names a script. */
bool script_wanted(void);
/* Opens the script, if any; false with a message in err when it cannot. */
bool script_open(char *err, size_t errlen);
void script_close(void);
/* Like wget_wch(w, ch): the script's next key while it lasts, then w's. */
int script_key(WINDOW *w, wint_t *ch);
/* Seconds on a monotonic clock; under a script, 0 at the start and moved
 * only by `:wait`. */
double script_clock(void);
/* The time of day: time(NULL); under a script SOURCE_DATE_EPOCH (else 0)
 * plus what `:wait` added. */
time_t script_time(void);

#endif
