/* The session: what the screens share about the assessment being filled
 * in. Curses-free: the model side of the TUI (navigation, progress,
 * saving). Borrowed: q, r and path belong to the caller of tui_run_*. */
#ifndef PEIL_TUI_SESSION_H
#define PEIL_TUI_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/questionnaire.h"
#include "core/response.h"

struct session {
	const struct questionnaire *q;      /* borrowed */
	struct response *r;                 /* borrowed; changed through core/ */
	const char *path;                   /* borrowed; where r is saved */
	int lang;                           /* questionnaire language index */
	/* The order in which questions are asked: indexes into q->questions.
	 * Defaults to questionnaire order; `peil workshop` may set its own
	 * (contested first). Owned by the session. */
	int *order;
	int norder;
	/* Saving: `dirty` while the file lags behind r. */
	bool dirty;
	bool saved_once;
	time_t saved_at;
	char save_err[256];                 /* empty unless the last save failed */
};

/* Initialises s (questionnaire order). False when memory runs out. */
bool session_init(struct session *s, const struct questionnaire *q, struct response *r,
                  const char *path, int lang);
void session_fini(struct session *s);
/* Replaces the question order by a copy of order[0..n). */
bool session_set_order(struct session *s, const int *order, int n);

/* Position of question qi in the order (0-based), or -1. */
int session_position(const struct session *s, int qi);
/* The next (dir 1) or previous (dir -1) question in the order after qi
 * that is not hidden by its show_if; -1 when there is none. */
int session_step(const struct session *s, int qi, int dir);
/* The next open, visible question after qi, wrapping around (qi itself
 * last); -1 when every question is answered. qi -1: from the start. */
int session_next_open(const struct session *s, int qi);
/* Like session_next_open, but an answer carried over from last time and
 * not yet confirmed counts as still to do. */
int session_next_todo(const struct session *s, int qi);
/* The first visible question of the order (or -1). */
int session_first(const struct session *s);
/* The first open (or unconfirmed) visible question of domain d, else its
 * first visible one, else -1. */
int session_domain_entry(const struct session *s, int d);

/* Progress as the SPEC counts it: hidden questions count as answered
 * (not applicable). done/total over all questions; if domain >= 0, only
 * that domain's. */
void session_progress(const struct session *s, int domain, int *done, int *total);
/* Answers copied by --from that are still to be confirmed. */
int session_unconfirmed(const struct session *s);

/* Saves r to path; on failure keeps `dirty` and fills save_err. */
bool session_save(struct session *s);

/* The session's language code ("nl", "en"): numbers follow it. */
const char *session_nlang(const struct session *s);

/* Text of t in the session's language ("" when absent). */
const char *session_str(const struct session *s, const struct qn_text *t);

#endif
