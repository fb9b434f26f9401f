/* The model side of the TUI: what the screens share, and saving; moving
 * through the questions is core/nav.c. */
#include "tui/session.h"

#include <stdlib.h>
#include <string.h>

bool session_init(struct session *s, const struct questionnaire *q, struct response *r,
                  const char *path, int lang)
{
	memset(s, 0, sizeof *s);
	s->q = q;
	s->r = r;
	s->path = path;
	s->undo_qi = -1;
	s->lang = response_text_lang(r, lang);   /* nl-BE texts for a Flemish organisation */
	return nav_init(&s->nav, q, r);
}

void session_fini(struct session *s)
{
	nav_fini(&s->nav);
}

void session_remember(struct session *s, int qi)
{
	s->undo_qi = qi;
	response_answer_state(s->r, qi, &s->undo);
}

bool session_save(struct session *s)
{
	if (!response_save(s->r, s->path, s->save_err, sizeof s->save_err)) {
		if (!s->save_err[0])
			strcpy(s->save_err, "?");
		s->dirty = true;
		return false;
	}
	s->save_err[0] = '\0';
	s->dirty = false;
	s->saved_once = true;
	s->saved_at = time(NULL);
	return true;
}

const char *session_str(const struct session *s, const struct qn_text *t)
{
	return qn_str(s->q, t, s->lang);
}

const char *session_nlang(const struct session *s)
{
	return s->q->langs[s->lang];
}
