/* `peil workshop`: what the question screen shows below the answers (the
 * votes, the spread, outliers, the rounds, the respondents' notes) and, in
 * the projector view, the bars beside the levels. The screen is what the
 * room sees: respondents' names only when the facilitator shows them. */
#include <stdlib.h>
#include <string.h>

#include "cli/xalloc.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/words.h"
#include "tui/workshop_screens.h"

/* The projector view keeps this many rows of notes; `s` pages on. */
enum { NOTES_PAGE_ROWS = 6 };

/* ---- the pane: counted once, then drawn ---- */

struct pane {
	const struct app *a;
	struct rect r;
	bool draw;
	int row;
	int skip, room;         /* lines of a paged block: skipped, still allowed (-1: any) */
	int over;               /* lines of a paged block left out after its room */
};

/* The screen row for the next line, or -1 when only counting or clipped. */
static int pane_next(struct pane *p)
{
	if (p->skip > 0) {
		p->skip--;
		return -1;
	}
	if (p->room == 0) {
		p->over++;
		return -1;
	}
	if (p->room > 0)
		p->room--;
	int row = p->row++;
	return p->draw && row < p->r.h ? p->r.y + row : -1;
}

static void pane_text(struct pane *p, int x, const char *s, enum tui_attr at)
{
	const struct theme *t = &p->a->theme;
	int width = p->r.w - x > 8 ? p->r.w - x : 8;
	struct wrap_iter it;
	struct span sp;
	draw_wrap_start(&it, s);
	while (draw_wrap_next(t, &it, width, &sp)) {
		int y = pane_next(p);
		if (y < 0)
			continue;
		theme_set(stdscr, t, at);
		draw_text(stdscr, t, y, p->r.x + x, width, s + sp.off, sp.len, 0);
		theme_set(stdscr, t, AT_NORMAL);
	}
}

static void level_name(const struct app *a, int li, char *buf, size_t len)
{
	words_level(buf, len, a->s->q, true, a->s->q->levels[li].value, a->s->lang);
}

/* A bar of `width` cells for frac, as text (the projector's answer lines). */
static size_t bar_text(const struct theme *t, double frac, int width, char *buf, size_t len)
{
	int full = (int)(frac * width + 0.5);
	size_t used = 0, fl = strlen(t->bar_full), el = strlen(t->bar_empty);
	for (int i = 0; i < width && used + fl + el < len; i++) {
		const char *c = i < full ? t->bar_full : t->bar_empty;
		memcpy(buf + used, c, strlen(c));
		used += strlen(c);
	}
	buf[used] = '\0';
	return used;
}

/* One bar per level: its share of the votes, the count beside it, and
 * outliers marked. */
static void pane_histogram(struct pane *p, const struct group_question *g, const bool *outlier)
{
	const struct app *a = p->a;
	const struct theme *t = &a->theme;
	int labw = 0;
	char name[128];
	for (int i = 0; i < a->s->q->nlevels; i++) {
		level_name(a, i, name, sizeof name);
		int c = draw_cols(t, name, strlen(name));
		labw = c > labw ? c : labw;
	}
	labw = labw < p->r.w / 3 ? labw : p->r.w / 3;
	int bw = p->r.w - labw - 16;
	if (bw > 40)
		bw = 40;        /* long bars are hard to compare at a glance */
	bw = bw > 4 ? bw : 4;
	for (int i = 0; i < a->s->q->nlevels; i++) {
		int y = pane_next(p);
		if (y < 0)
			continue;
		level_name(a, i, name, sizeof name);
		draw_str(stdscr, t, y, p->r.x + 2, labw, name, DRAW_ELLIPSIS);
		draw_bar(stdscr, t, y, p->r.x + 3 + labw, bw, g->n ? (double)g->counts[i] / g->n : 0, -1);
		snprintf(name, sizeof name, "%3d%s", g->counts[i], outlier[i] ? _("  outlier") : "");
		draw_str(stdscr, t, y, p->r.x + 4 + labw + bw, p->r.w - labw - bw - 4, name, 0);
	}
}

/* "one participant chose 5", the outliers of an agreed question; false
 * when there are none (or it is contested). */
static bool workshop_outliers(const struct app *a, const struct group_question *g, char *buf, size_t len)
{
	const struct questionnaire *q = a->s->q;
	bool *out = xcalloc((size_t)q->nlevels, sizeof(bool));
	int n = group_outliers(q, g, out);
	char who[200];
	if (n > 0)
		snprintf(buf, len, _("Agreed, with an outlier: %s."), words_outliers(who, sizeof who, q, out, n));
	free(out);
	return n > 0;
}

static void pane_figures(struct pane *p, const struct group_question *g)
{
	const struct theme *t = &p->a->theme;
	char buf[256], range[32];
	if (!g->has_stats) {
		pane_text(p, 0, _("Nobody chose a level."), AT_DIM);
		return;
	}
	if (g->min == g->max)
		snprintf(range, sizeof range, "%d", g->min);
	else
		snprintf(range, sizeof range, "%d%s%d", g->min, t->utf8 ? "–" : "-", g->max);
	const char *nl = session_nlang(p->a->s);
	char mean[NUM_LEN], median[NUM_LEN], sd[NUM_LEN], cons[NUM_LEN], iqr[NUM_LEN];
	snprintf(buf, sizeof buf, _("n %d%smean %s%smedian %s%srange %s%ssd %s%smiddle half %s apart%sconsensus %s"),
	         g->n, t->sep, num_stat(mean, nl, true, g->mean), t->sep, num_median(median, nl, true, g->median),
	         t->sep, range, t->sep, num_stat(sd, nl, true, g->sd), t->sep, num_stat(iqr, nl, true, g->iqr),
	         t->sep, num_stat(cons, nl, true, g->consensus));
	pane_text(p, 0, buf, AT_NORMAL);
	if (g->contested)
		pane_text(p, 0, _("Contested: the group disagrees here. Discuss before deciding."), AT_ERROR);
	else if (workshop_outliers(p->a, g, buf, sizeof buf))
		pane_text(p, 0, buf, AT_CARRIED);
}

/* s cut to `cols` columns (at a character's start) and padded to them. */
static int fit_cols(const struct theme *t, const char *s, int cols, char *out, size_t len)
{
	size_t n = 0;
	int used = 0;
	while (s[n] && n + 4 < len) {
		size_t k = 1;
		while (s[n + k] && ((unsigned char)s[n + k] & 0xC0) == 0x80)
			k++;
		int c = draw_cols(t, s + n, k);
		if (used + c > cols)
			break;
		memcpy(out + n, s + n, k);
		n += k;
		used += c;
	}
	while (used++ < cols && n + 1 < len)
		out[n++] = ' ';
	out[n] = '\0';
	return (int)n;
}

/* How the spread changed since the round before (the Delphi habit). */
static void pane_round_change(struct pane *p, const struct answer *ans, const struct group_question *now)
{
	const struct app *a = p->a;
	struct group_question before;
	char line[256];
	group_question_stats(a->s->q, ans->rounds[ans->nrounds - 1].votes, &before);
	if (!before.has_stats || !now->has_stats)
		return;
	const char *nl = session_nlang(a->s);
	char c0[NUM_LEN], c1[NUM_LEN], i0[NUM_LEN], i1[NUM_LEN];
	const char *how = now->consensus > before.consensus + 0.005 ? _("the votes came closer together")
	                : now->consensus < before.consensus - 0.005 ? _("the votes moved further apart")
	                : _("the spread stayed the same");
	snprintf(line, sizeof line, _("Since round %d: %s (consensus %s → %s, middle half %s → %s apart)."),
	         ans->nrounds, how, num_stat(c0, nl, true, before.consensus), num_stat(c1, nl, true, now->consensus),
	         num_stat(i0, nl, true, before.iqr), num_stat(i1, nl, true, now->iqr));
	pane_text(p, 0, line, AT_NORMAL);
}

/* The rounds side by side: each earlier round's and this round's counts
 * per level (this round's only once revealed), then how the spread
 * changed. The projector view has the rounds beside the levels. */
static void pane_rounds(struct pane *p, const struct workshop *w, int qi, const struct group_question *now)
{
	const struct app *a = p->a;
	const struct questionnaire *q = a->s->q;
	const struct answer *ans = response_answer(a->s->r, qi);
	if (ans->nrounds == 0)
		return;
	bool cur = workshop_revealed(w, a, qi);
	if (!w->large) {
		int first = ans->nrounds > 3 ? ans->nrounds - 3 : 0;   /* the last rounds that fit */
		char line[512], cell[64];
		pane_next(p);
		int n = fit_cols(&a->theme, _("Rounds"), 14, line, sizeof line);
		for (int r = first; r <= ans->nrounds && n > 0 && (size_t)n < sizeof line; r++) {
			snprintf(cell, sizeof cell, _("round %d"), r + 1);
			n += snprintf(line + n, sizeof line - (size_t)n, "%10s", cell);
		}
		pane_text(p, 0, line, AT_HEADING);
		for (int i = 0; i < q->nlevels; i++) {
			char name[128];
			level_name(a, i, name, sizeof name);
			n = fit_cols(&a->theme, name, 14, line, sizeof line);
			for (int r = first; r <= ans->nrounds && n > 0 && (size_t)n < sizeof line; r++) {
				if (r < ans->nrounds)
					n += snprintf(line + n, sizeof line - (size_t)n, "%10d", ans->rounds[r].votes[i]);
				else if (cur)
					n += snprintf(line + n, sizeof line - (size_t)n, "%10d", now->counts[i]);
				else    /* this round is still blind */
					n += snprintf(line + n, sizeof line - (size_t)n, "%10s", "?");
			}
			pane_text(p, 0, line, AT_NORMAL);
		}
	}
	if (cur)
		pane_round_change(p, ans, now);
}

/* Who answered n/a or don't know, and what people wrote: names only
 * when the facilitator shows them; in the projector view a page at a time. */
static void pane_respondents(struct pane *p, struct workshop *w, int qi)
{
	const struct tui_workshop_options *o = w->o;
	int na = 0, unknown = 0, notes = 0;
	for (int i = 0; i < o->nrespondents; i++) {
		const struct response *r = o->respondents[i].r;
		const struct answer *ans = response_answer(r, qi);
		na += response_hidden(r, qi) || ans->status == ANSWER_NA;
		unknown += !response_hidden(r, qi) && ans->status == ANSWER_UNKNOWN;
		notes += ans->note != NULL;
	}
	char buf[1024], what[160];
	if (na || unknown) {
		snprintf(buf, sizeof buf, _("Not applicable: %d%sdon't know: %d"), na, p->a->theme.sep, unknown);
		pane_text(p, 0, buf, AT_DIM);
	}
	w->notes_more = false;
	if (notes == 0)
		return;
	pane_next(p);
	pane_text(p, 0, w->names ? _("What the respondents wrote (w hides the names):")
	                         : _("What the respondents wrote (names hidden; w shows them):"), AT_HEADING);
	if (w->large) {         /* a page at a time: `s` goes on */
		p->skip = w->notes_page * NOTES_PAGE_ROWS;
		p->room = NOTES_PAGE_ROWS;
		p->over = 0;
	}
	for (int i = 0; i < o->nrespondents; i++) {
		const struct response *r = o->respondents[i].r;
		const struct answer *ans = response_answer(r, qi);
		if (!ans->note)
			continue;
		words_response(what, sizeof what, r, qi, p->a->s->lang, 0);
		if (w->names && o->respondents[i].name)
			snprintf(buf, sizeof buf, "%s%s%s: %s", o->respondents[i].name, p->a->theme.sep, what, ans->note);
		else
			snprintf(buf, sizeof buf, "%s: %s", what, ans->note);
		pane_text(p, 2, buf, AT_NORMAL);
	}
	bool more = w->large && p->over > 0;
	w->notes_more = more;
	p->skip = 0;
	p->room = -1;
	if (w->large && (more || w->notes_page > 0))
		pane_text(p, 2, more ? _("(s: more notes)") : _("(s: back to the first notes)"), AT_DIM);
}

static void pane_fill(struct pane *p, struct workshop *w, int qi)
{
	const struct app *a = p->a;
	int nl = a->s->q->nlevels, N = w->o->participants;
	int *counts = xcalloc((size_t)nl, sizeof(int));
	bool *outlier = xcalloc((size_t)nl, sizeof(bool));
	struct group_question g;
	workshop_stats(a, qi, counts, &g);
	group_outliers(a->s->q, &g, outlier);
	char buf[512];
	bool shown = workshop_revealed(w, a, qi);
	if (N > 0) {
		workshop_room_heading(w, a, qi, buf, sizeof buf);
		pane_text(p, 0, buf, AT_HEADING);
		if (!w->large) {
			workshop_room_keys(w, a, buf, sizeof buf);
			pane_text(p, 2, buf, AT_DIM);
		}
		if (workshop_room_join_line(w, a, buf, sizeof buf))
			pane_text(p, 2, buf, AT_NORMAL);
	} else {
		snprintf(buf, sizeof buf, _("How the %d respondents answered"), w->o->nrespondents);
		pane_text(p, 0, buf, AT_HEADING);
	}
	if (shown) {
		if (!w->large)  /* the projector view has the bars beside the levels */
			pane_histogram(p, &g, outlier);
		pane_figures(p, &g);
		const struct answer *ans = response_answer(a->s->r, qi);
		if (N > 0 && (ans->votes_na || ans->votes_unknown) && !w->large) {
			snprintf(buf, sizeof buf, _("Not applicable: %d%sdon't know: %d"), ans->votes_na, a->theme.sep,
			         ans->votes_unknown);
			pane_text(p, 0, buf, AT_DIM);
		}
		if (workshop_unknown_flag(w, a, qi, buf, sizeof buf))
			pane_text(p, 0, buf, AT_CARRIED);
	}
	pane_rounds(p, w, qi, &g);
	if (N <= 0)
		pane_respondents(p, w, qi);
	else
		w->notes_more = false;
	free(counts);
	free(outlier);
}

int workshop_pane_rows(struct workshop *w, const struct app *a, int qi, int width)
{
	struct pane p = { .a = a, .r = { 0, 0, 0, width - 2 }, .room = -1 };
	pane_fill(&p, w, qi);
	return p.row;
}

void workshop_pane_draw(struct workshop *w, const struct app *a, int qi, struct rect r)
{
	struct pane p = { .a = a, .r = r, .draw = true, .room = -1 };
	pane_fill(&p, w, qi);
}

/* ---- the projector view: the bars beside the levels ---- */

const char *workshop_choice_text(void *ctx, const struct app *a, int qi, int li, int width)
{
	struct workshop *w = ctx;
	if (!w->large)
		return NULL;
	char *buf = w->choice_texts[li >= 0 ? li : a->s->q->nlevels - 1 - li];
	size_t len = WORKSHOP_CHOICE_LEN;
	const struct questionnaire *q = a->s->q;
	const struct answer *ans = response_answer(a->s->r, qi);
	size_t used = 0;
	buf[0] = '\0';
	if (li < 0) {   /* not applicable, don't know: the label, then the count */
		const char *na = _("Not applicable"), *dk = _("Don't know");
		int cols = draw_cols(&a->theme, na, strlen(na)), c2 = draw_cols(&a->theme, dk, strlen(dk));
		used = (size_t)fit_cols(&a->theme, li == -1 ? na : dk, (cols > c2 ? cols : c2) + 2, buf, len);
	}
	if (!workshop_revealed(w, a, qi))
		return buf;     /* hidden: the level alone */
	int n = workshop_votes(a, qi) + (w->o->participants > 0 ? ans->votes_na + ans->votes_unknown : 0);
	int count = li >= 0 ? (ans->votes ? ans->votes[li] : 0) : li == -1 ? ans->votes_na : ans->votes_unknown;
	if (w->o->participants <= 0 && li < 0)
		return buf;     /* review mode: n/a and don't know are in the notes' counts */
	int bw = width - (int)used - 16;
	bw = bw > 30 ? 30 : bw < 4 ? 4 : bw;
	if (ans->nrounds > 0 && li >= -2) {     /* the round before, beside this one (Delphi) */
		const struct vote_round *prev = &ans->rounds[ans->nrounds - 1];
		int pn = prev->na + prev->unknown, pc = li >= 0 ? prev->votes[li] : li == -1 ? prev->na : prev->unknown;
		for (int i = 0; i < q->nlevels; i++)
			pn += prev->votes[i];
		bw = (bw - 6) / 2 > 4 ? (bw - 6) / 2 : 4;
		used += bar_text(&a->theme, pn ? (double)pc / pn : 0, bw, buf + used, len - used);
		used += (size_t)snprintf(buf + used, len - used, " %d %s ", pc, a->theme.arrow);
		if (used >= len)
			return buf;
	}
	used += bar_text(&a->theme, n ? (double)count / n : 0, bw, buf + used, len - used);
	bool mark = false;
	if (li >= 0) {
		bool *outlier = xcalloc((size_t)q->nlevels, sizeof(bool));
		int *counts = xcalloc((size_t)q->nlevels, sizeof(int));
		struct group_question g;
		workshop_stats(a, qi, counts, &g);
		group_outliers(q, &g, outlier);
		mark = outlier[li];
		free(counts);
		free(outlier);
	}
	snprintf(buf + used, len - used, " %d%s", count, mark ? _("  outlier") : "");
	return buf;
}
