/* The session: what the screens share about the assessment being filled
 * in. Curses-free: the model side of the TUI (navigation, progress,
 * saving). Borrowed: q, r and path belong to the caller of tui_run_*. */
#ifndef PEIL_TUI_SESSION_H
#define PEIL_TUI_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/nav.h"
#include "core/questionnaire.h"
#include "core/response.h"

struct session {
	const struct questionnaire *q;      /* borrowed */
	struct response *r;                 /* borrowed; changed through core/ */
	const char *path;                   /* borrowed; where r is saved */
	int lang;                           /* questionnaire language index */
	/* Moving through the questions (core/nav.h): questionnaire order, or
	 * the one `peil workshop` sets (contested first). */
	struct nav nav;
	/* Saving: `dirty` while the file lags behind r. */
	bool dirty;
	bool saved_once;
	time_t saved_at;
	char save_err[256];                 /* empty unless the last save failed */
	/* The answer before the last change made here (U puts it back);
	 * undo_qi is -1 when there is nothing to undo. */
	int undo_qi;
	struct answer_state undo;
};

/* Remembers question qi's answer before a change, for U. */
void session_remember(struct session *s, int qi);

/* Initialises s (questionnaire order). False when memory runs out. */
bool session_init(struct session *s, const struct questionnaire *q, struct response *r,
                  const char *path, int lang);
void session_fini(struct session *s);
/* Saves r to path; on failure keeps `dirty` and fills save_err. */
bool session_save(struct session *s);

/* The session's language code ("nl", "en"): numbers follow it. */
const char *session_nlang(const struct session *s);

/* Text of t in the session's language ("" when absent). */
const char *session_str(const struct session *s, const struct qn_text *t);

#endif
