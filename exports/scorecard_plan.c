/* The scorecard's sections that come from the improvement plan (issue 15):
 * slots in the order of scorecard.c's `parts` table, empty until the plan
 * model fills them. Each adds its own section (doc_section first) and only
 * when it has something to say; see the comment at the top of scorecard.c. */
#include "exports/doc.h"

/* What the council is asked to decide: right after the summary, on page 1
 * of the PDF. */
void scorecard_decision(struct doc *d)
{
	(void)d;
}

/* The improvement plan: actions, owners, dates, costs; after the priorities. */
void scorecard_plan(struct doc *d)
{
	(void)d;
}

/* Done since last time: the actions finished since the baseline. */
void scorecard_done(struct doc *d)
{
	(void)d;
}
