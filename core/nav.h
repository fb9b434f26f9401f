/* Moving through an assessment: which question comes next or before,
 * which are still to do, and the progress. One model for the TUI and plain
 * mode (issue 14.5). A question hidden by its show_if is never visited.
 *
 * "Open" is a visible question without an answer; "to do" is open, or
 * answered by a carried-over answer not yet confirmed, or by a level only
 * proposed from the votes: something that still needs the user. */
#ifndef PEIL_NAV_H
#define PEIL_NAV_H

#include <stdbool.h>

#include "core/questionnaire.h"
#include "core/response.h"

struct nav {
	const struct questionnaire *q;      /* borrowed */
	const struct response *r;           /* borrowed */
	/* The order in which questions are asked: indexes into q->questions;
	 * questionnaire order unless set (a workshop asks contested first). */
	int *order;
	int norder;
};

/* Questionnaire order. False when memory runs out. */
bool nav_init(struct nav *n, const struct questionnaire *q, const struct response *r);
void nav_fini(struct nav *n);
/* Replaces the order by a copy of order[0..count). */
bool nav_set_order(struct nav *n, const int *order, int count);

/* Position of question qi in the order (0-based), or -1. */
int nav_position(const struct nav *n, int qi);
/* "Question 40/64": the 1-based position of qi among the questions asked in
 * the organisation's region, in the order, and how many that region asks
 * (another region's questions are never asked; a show_if may still show a
 * hidden one). 0 when qi is not among them. */
int nav_asked_position(const struct nav *n, int qi, int *total);
bool nav_visible(const struct nav *n, int qi);

/* The next (dir 1) or previous (dir -1) visible question after qi in the
 * order; qi -1 with dir 1: the first. -1 when there is none. */
int nav_step(const struct nav *n, int qi, int dir);
/* The next open (or to-do) visible question after qi, wrapping around (qi
 * itself last); qi -1: from the start. -1 when there is none. */
int nav_next_open(const struct nav *n, int qi);
int nav_next_todo(const struct nav *n, int qi);
int nav_count_todo(const struct nav *n);
/* The first to-do visible question of domain d, else its first visible
 * one, else -1. */
int nav_domain_entry(const struct nav *n, int d);

/* Progress as the SPEC counts it: done (answered with a level, n/a or
 * don't know) of total (the visible questions); domain -1: all. */
void nav_progress(const struct nav *n, int domain, int *done, int *total);
/* Carried-over answers still to be confirmed (visible ones). */
int nav_unconfirmed(const struct nav *n);

#endif
