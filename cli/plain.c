/* Plain mode: a linear dialogue on stdin/stdout (see plain.h). */
#include "cli/plain.h"
#include "cli/plain_private.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nav.h"
#include "core/num.h"
#include "core/text.h"
#include "scoring/score.h"



/* Saves every answer. A failure is said at once (and every message after
 * says "NOT saved" until a save succeeds); the answers stay in memory and
 * the next save writes them all, as in the TUI (issue 13.5). */
bool plain_save(struct plain *p)
{
	char err[1024];
	bool was_failing = p->save_failed;
	p->save_failed = !response_save(p->r, p->path, err, sizeof err);
	if (p->save_failed)
		cli_printf(stderr, _("peil: cannot save %s: %s\n"), p->path, err);
	else if (was_failing)
		cli_printf(p->out, _("Saved after all: every answer is in %s now.\n"), p->path);
	return !p->save_failed;
}

static void plain_say_not_saved(const struct plain *p)
{
	cli_printf(p->out, _("Your answers are NOT saved in %s (see the message above). They are kept "
	                     "here, and every change tries again.\n"), p->path);
}

/* "1. Initial — what it looks like" for the answer at level index li, with
 * the group's votes for it after a merge. */
static void print_choice(const struct plain *p, const struct qn_question *qu, int li)
{
	const struct questionnaire *q = p->q;
	const int *votes = response_answer(p->r, p->cur)->votes;
	fprintf(p->out, "  %d. %s — %s", li + 1, qn_str(q, &q->levels[li].label, p->lang),
	        qn_str(q, &qu->answers[li].text, p->lang));
	if (votes)
		fprintf(p->out, ngettext(" (%d vote)", " (%d votes)", (unsigned long)votes[li]), votes[li]);
	fputc('\n', p->out);
}

static void print_current(const struct plain *p)
{
	const struct questionnaire *q = p->q;
	const struct answer *a = response_answer(p->r, p->cur);
	if (a->status == ANSWER_LEVEL) {
		int li = qn_level_index(q, a->level);
		fprintf(p->out, _("Your answer: %d. %s — %s\n"), li + 1, qn_str(q, &q->levels[li].label, p->lang),
		        qn_str(q, &q->questions[p->cur].answers[li].text, p->lang));
	} else if (a->status == ANSWER_NA) {
		fprintf(p->out, "%s\n", _("Your answer: not applicable."));
	} else if (a->status == ANSWER_UNKNOWN) {
		fprintf(p->out, "%s\n", _("Your answer: don't know."));
	} else {
		fprintf(p->out, "%s\n", _("Not answered yet."));
	}
	if (a->recheck)
		fprintf(p->out, "%s\n", _("This question changed since last time: read the answers again and choose the one that fits now."));
	else if (a->carried_over)
		fprintf(p->out, "%s\n", _("This answer is from last time: choose it again to confirm it."));
	if (a->proposal)
		fprintf(p->out, "%s\n", _("This level was proposed from the votes and is not decided yet: choose it to decide."));
	if (a->note && a->note_last_year)
		fprintf(p->out, _("Note (from last year: the answer has changed since): %s\n"), a->note);
	else if (a->note)
		fprintf(p->out, _("Note: %s\n"), a->note);
}

static void show_question(const struct plain *p)
{
	const struct questionnaire *q = p->q;
	const struct qn_question *qu = &q->questions[p->cur];
	struct scorecard *s = score_compute(q, p->r);
	fprintf(p->out, "\n");
	fprintf(p->out, _("Domain %d of %d: %s\n"), qu->domain + 1, q->ndomains,
	        qn_str(q, &q->domains[qu->domain].title, p->lang));
	int total, pos = nav_asked_position(&p->nav, p->cur, &total);
	fprintf(p->out, _("Question %d of %d, %d%% answered\n"), pos, total, s ? num_done_percent(s->progress) : 0);
	scorecard_free(s);
	fprintf(p->out, "%s\n", qn_str(q, &qu->text, p->lang));
	print_current(p);
	fprintf(p->out, "%s\n", _("Answers:"));
	for (int li = 0; li < q->nlevels; li++)
		print_choice(p, qu, li);
	if (qu->allow_na)
		fprintf(p->out, "  n. %s\n", _("Not applicable"));
	fprintf(p->out, "  u. %s\n", _("Don't know"));
	if (qn_tr(q, &qu->help, p->lang))
		fprintf(p->out, "%s\n", _("Type help for an explanation of this question."));
}

static void show_help(const struct plain *p)
{
	const struct questionnaire *q = p->q;
	const char *help = qn_tr(q, &q->questions[p->cur].help, p->lang);
	if (help)
		fprintf(p->out, "%s\n%s\n", _("About this question:"), help);
	else
		fprintf(p->out, "%s\n", _("This question has no explanation."));
	fprintf(p->out, "%s\n", _("Commands:"));
	fprintf(p->out, _("  1 to %d    choose that answer and go to the next question\n"), q->nlevels);
	fprintf(p->out, "%s\n", _("  n         not applicable"));
	fprintf(p->out, "%s\n", _("  u         don't know"));
	fprintf(p->out, "%s\n", _("  s         skip: go to the next question without answering"));
	fprintf(p->out, "%s\n", _("  b         back to the previous question"));
	fprintf(p->out, "%s\n", _("  note      read the note; note TEXT sets it, note - removes it"));
	fprintf(p->out, "%s\n", _("  note+ TEXT  add a line to the note; note! TEXT replaces it"));
	fprintf(p->out, "%s\n", _("  evidence  list the evidence; evidence TEXT adds one, evidence -N removes number N"));
	fprintf(p->out, "%s\n", _("  Enter     read the question again"));
	fprintf(p->out, "%s\n", _("  help      this explanation"));
	fprintf(p->out, "%s\n", _("  quit      stop; your answers are already saved"));
}

/* After the last question: back to the first open one, or done. */
static enum step go_on(struct plain *p)
{
	int next = nav_step(&p->nav, p->cur, 1);
	if (next >= 0) {
		p->cur = next;
		return NEXT;
	}
	int open = nav_count_todo(&p->nav);
	if (open == 0) {
		if (p->save_failed && !plain_save(p)) {
			fprintf(p->out, "\n%s\n", _("All questions are answered."));
			plain_say_not_saved(p);
			return STAY;
		}
		cli_printf(p->out, _("\nAll questions are answered. Your answers are saved in %s.\n"), p->path);
		return DONE;
	}
	fprintf(p->out, ngettext("\nThat was the last question; %d question still needs an answer or a confirmation. Here it is.\n",
	                         "\nThat was the last question; %d questions still need an answer or a confirmation. Here is the first.\n",
	                         (unsigned long)open), open);
	p->cur = nav_next_todo(&p->nav, -1);
	return NEXT;
}

/* A number 1..nlevels, or 0 when s is not one. */
static int choice_number(const struct plain *p, const char *s)
{
	int n = 0;
	if (!*s)
		return 0;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || n > p->q->nlevels)
			return 0;
		n = n * 10 + (*s - '0');
	}
	return n <= p->q->nlevels ? n : 0;
}

static enum step answer(struct plain *p, bool ok, const char *what)
{
	if (!ok) {
		fprintf(p->out, "%s\n", _("Out of memory: the answer was not changed."));
		return STAY;
	}
	if (plain_save(p))
		fprintf(p->out, _("Saved: %s.\n"), what);
	else
		fprintf(p->out, _("NOT saved: %s is kept, but the file could not be written.\n"), what);
	return go_on(p);
}

static bool is_word(const char *s, const char *a, const char *b)
{
	return !strcasecmp(s, a) || (b && !strcasecmp(s, b));
}

/* Like the TUI: a failed save is tried again; if it fails still, the
 * first quit is refused and a second one leaves without the answers. */
static enum step quit(struct plain *p)
{
	if (!p->save_failed || plain_save(p)) {
		cli_printf(p->out, _("Stopped. Your answers are saved in %s.\n"), p->path);
		return DONE;
	}
	if (!p->quit_asked) {
		p->quit_asked = true;
		plain_say_not_saved(p);
		fprintf(p->out, "%s\n", _("Type quit again to stop without saving them, or free space (or fix "
		                           "the file's permissions) and answer on."));
		return STAY;
	}
	fprintf(p->out, "%s\n", _("Stopped. Your last answers are NOT saved."));
	return DONE;
}

static enum step command(struct plain *p, const char *s)
{
	const struct questionnaire *q = p->q;
	const struct qn_question *qu = &q->questions[p->cur];
	int n = choice_number(p, s);
	if (n == 0 && *s && strspn(s, "0123456789") == strlen(s)) {
		/* The same words as the TUI's. */
		fprintf(p->out, _("There are only %d answers."), q->nlevels);
		fputc('\n', p->out);
		return STAY;
	}
	if (n > 0) {
		char what[256];
		snprintf(what, sizeof what, "%d. %s", n, qn_str(q, &q->levels[n - 1].label, p->lang));
		return answer(p, response_set_level(p->r, p->cur, q->levels[n - 1].value), what);
	}
	if (is_word(s, "n", NULL)) {
		if (!qu->allow_na) {
			fprintf(p->out, "%s\n", _("This question cannot be answered with 'not applicable'."));
			return STAY;
		}
		return answer(p, response_set_status(p->r, p->cur, ANSWER_NA), _("not applicable"));
	}
	if (is_word(s, "u", NULL))
		return answer(p, response_set_status(p->r, p->cur, ANSWER_UNKNOWN), _("don't know"));
	if (is_word(s, "s", "skip"))
		return go_on(p);
	if (is_word(s, "b", "back")) {
		int prev = nav_step(&p->nav, p->cur, -1);
		if (prev < 0) {
			fprintf(p->out, "%s\n", _("This is the first question."));
			return STAY;
		}
		p->cur = prev;
		return NEXT;
	}
	enum step st;
	if (plain_note_command(p, s, &st))
		return st;
	if (is_word(s, "help", "?") || is_word(s, "h", NULL)) {
		show_help(p);
		return STAY;
	}
	if (is_word(s, "quit", "q") || is_word(s, "exit", NULL))
		return quit(p);
	if (!*s)
		return NEXT;            /* Enter: read the question again */
	cli_printf(p->out, _("Not understood: '%s'. Type help for the commands.\n"), s);
	return STAY;
}

/* Reads one line into buf, without its line end and surrounding blanks.
 * Returns false at the end of input; *too_long when the line was cut. */
static bool read_line(struct plain *p, char *buf, size_t size, bool *too_long)
{
	*too_long = false;
	if (!fgets(buf, (int)size, p->in))
		return false;
	size_t len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n') {
		buf[--len] = '\0';
	} else if (len == size - 1) {
		int c;
		while ((c = getc(p->in)) != EOF && c != '\n')
			;
		*too_long = true;
	}
	while (len > 0 && isspace((unsigned char)buf[len - 1]))
		buf[--len] = '\0';
	size_t lead = strspn(buf, " \t");
	memmove(buf, buf + lead, len - lead + 1);
	return true;
}

/* Reads a line as above, with control characters, bidirectional overrides
 * and invalid UTF-8 replaced by U+FFFD: typed text is echoed, quoted back
 * and saved, and must never carry an escape sequence. */
static bool read_safe_line(struct plain *p, char *buf, size_t size, bool *too_long)
{
	char raw[PLAIN_LINE_MAX];
	if (!read_line(p, raw, sizeof raw, too_long))
		return false;
	/* Room for every byte becoming U+FFFD; a longer result is cut short. */
	char out[PLAIN_LINE_MAX * 3 + 1];
	size_t n = text_sanitize(raw, strlen(raw), out, NULL);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
			n--;        /* not inside a UTF-8 sequence */
		*too_long = true;
	}
	memcpy(buf, out, n);
	buf[n] = '\0';
	return true;
}

static void prompt(const struct plain *p)
{
	if (p->q->questions[p->cur].allow_na)
		fprintf(p->out, _("Answer (1-%d, n, u, s, b, note, help, quit): "), p->q->nlevels);
	else
		fprintf(p->out, _("Answer (1-%d, u, s, b, note, help, quit): "), p->q->nlevels);
	fflush(p->out);
}

/* A new file needs the organisation's name first. False when the input
 * ends before one is given: then nothing is written. */
static bool ask_organisation(struct plain *p, char *line, size_t size)
{
	bool too_long;
	do {
		fprintf(p->out, "%s", _("Name of the organisation (for example: Gemeente Voorbeeld): "));
		fflush(p->out);
		if (!read_safe_line(p, line, size, &too_long)) {
			fprintf(p->out, "\n%s\n", _("No organisation given: nothing was saved."));
			return false;
		}
		if (p->echo)
			fprintf(p->out, "%s\n", line);
		if (!strcmp(line, "quit") || !strcmp(line, "q")) {
			fprintf(p->out, "%s\n", _("Stopped: nothing was saved."));
			return false;
		}
	} while (!*line || too_long);
	if (!response_set_organisation(p->r, line)) {
		fprintf(p->out, "%s\n", _("out of memory"));
		return false;
	}
	return true;
}

static void greet(const struct plain *p)
{
	const struct questionnaire *q = p->q;
	fprintf(p->out, "peil — %s\n", qn_str(q, &q->title, p->lang));
	fprintf(p->out, _("Organisation: %s\n"), response_organisation(p->r));
	if (p->save_failed)
		plain_say_not_saved(p);
	else
		cli_printf(p->out, _("Your answers are saved in %s after every change.\n"), p->path);
	fprintf(p->out, "%s\n", _("Type the number of an answer and press Enter. Type help for all commands."));
	if (nav_next_todo(&p->nav, -1) < 0)
		fprintf(p->out, "%s\n", _("All questions are answered; you can change any of them."));
}

int plain_fill(const struct questionnaire *q, struct response *r, const char *path,
               FILE *in, FILE *out)
{
	return plain_fill_named(q, r, path, NULL, in, out);
}

int plain_fill_named(const struct questionnaire *q, struct response *r, const char *path,
                     const struct plain_naming *naming, FILE *in, FILE *out)
{
	struct plain p = { .q = q, .r = r, .path = path, .in = in, .out = out,
	                   .lang = response_text_lang(r, cli_lang(q)), .echo = !isatty(fileno(in)) };
	char line[PLAIN_LINE_MAX];
	if (!nav_init(&p.nav, q, r)) {
		fprintf(out, "%s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	p.cur = nav_next_todo(&p.nav, -1);
	if (p.cur < 0)
		p.cur = nav_step(&p.nav, -1, 1);
	if (!*response_organisation(r) && !ask_organisation(&p, line, sizeof line)) {
		nav_fini(&p.nav);
		return EXIT_OK;
	}
	if (naming && !(p.path = naming->name(naming->ctx, response_organisation(r), line, sizeof line))) {
		cli_printf(stderr, "peil: %s\n", line);
		nav_fini(&p.nav);
		return EXIT_WRITE;
	}
	if (access(path, F_OK) != 0)
		plain_save(&p);               /* the file exists from the start */
	greet(&p);
	enum step st = p.cur < 0 ? DONE : NEXT;
	while (st != DONE) {
		if (st == NEXT)
			show_question(&p);
		prompt(&p);
		bool too_long;
		if (!read_safe_line(&p, line, sizeof line, &too_long)) {
			if (!p.save_failed || plain_save(&p))
				fprintf(out, "\n%s\n", _("End of input: stopping. Your answers are saved."));
			else
				fprintf(out, "\n%s\n", _("End of input: stopping. Your last answers are NOT saved."));
			break;
		}
		if (p.echo)
			fprintf(out, "%s\n", line);
		if (too_long) {
			fprintf(out, _("That line is longer than %d bytes and was ignored.\n"), PLAIN_LINE_MAX - 2);
			st = STAY;
			continue;
		}
		st = command(&p, line);
	}
	fflush(out);
	nav_fini(&p.nav);
	return p.save_failed ? EXIT_WRITE : EXIT_OK;
}
