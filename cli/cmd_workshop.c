/* peil workshop [-q Q] [-o SESSION] [--anonymous | --names] [--participants N] [--large]
 *               [--minutes M] [--serve [ADDR:]PORT [--tls-cert F --tls-key F]]
 *               [--organisation NAME] [FILE|DIR...]
 * A facilitated group session. With files (review mode) the session's votes
 * are the respondents' answers; with --participants N (live mode) the room
 * votes. This file finds the files and builds the session; tui/workshop.c
 * runs it. */
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/glue.h"
#include "cli/options.h"
#include "cli/workshop_serve.h"
#include "cli/xalloc.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/lock.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/path.h"
#include "core/response_session.h"
#include "scoring/group.h"
#include "tui/workshop.h"

struct ws_args {
	struct cli_values v;    /* the options as given (cli/options.h) */
	int participants, minutes;
	char **files;
	int nfiles;
	struct workshop_serve_args serve;
};

/* The respondents of review mode, kept for their notes. */
struct crowd {
	struct response **r;
	char **names;           /* "A. Jansen, CIO", or the file's name */
	int n, cap;
	bool has_out;           /* the session file exists: out is its identity */
	struct stat out;
	const char *own;        /* a respondent's file that is also the session file */
};

/* A whole number from 1 to max, else a usage error about --NAME. */
static int number(const char *arg, int max, int *out)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (*end || end == arg || n < 1 || n > max)
		return EXIT_USAGE;
	*out = (int)n;
	return CLI_CONTINUE;
}

/* The options that need checking or converting, in the order given. */
static int ws_option(void *args, enum cli_opt opt, const char *arg)
{
	struct ws_args *a = args;
	switch (opt) {
	case CLI_OPT_minutes:
		if (number(arg, SESSION_MAX_MINUTES, &a->minutes) != CLI_CONTINUE)
			return cli_usage_error("workshop", _("--minutes takes a number from 1 to %d, not '%s'"),
			                       SESSION_MAX_MINUTES, arg);
		break;
	case CLI_OPT_participants:
		if (number(arg, 10000, &a->participants) != CLI_CONTINUE)
			return cli_usage_error("workshop", _("--participants takes a number from 1 to 10000, not '%s'"), arg);
		break;
	case CLI_OPT_serve:
		if (workshop_serve_parse(arg, &a->serve) != EXIT_OK)
			return EXIT_USAGE;
		break;
	default:
		break;
	}
	return CLI_CONTINUE;
}

const struct cli_hooks workshop_hooks = { .size = sizeof(struct ws_args), .option = ws_option };

/* After the options: the files, and which options go together. */
static int take_files(int argc, char **argv, struct ws_args *a)
{
	a->serve.tls_cert = a->v.tls_cert;
	a->serve.tls_key = a->v.tls_key;
	a->files = argv;
	a->nfiles = argc;
	if (a->nfiles > 0 && a->participants > 0)
		return cli_usage_error("workshop", "%s",
		                       _("--participants is for voting in the room; with respondents' files the votes are theirs"));
	if (a->nfiles > 0 && a->serve.serve)
		return cli_usage_error("workshop", "%s", _("--serve lets the room vote: it needs --participants N, not files"));
	if ((a->serve.tls_cert || a->serve.tls_key) && !a->serve.serve)
		return cli_usage_error("workshop", "%s", _("--tls-cert and --tls-key go with --serve"));
	if (!!a->serve.tls_cert != !!a->serve.tls_key)
		return cli_usage_error("workshop", "%s", _("--tls-cert and --tls-key go together"));
	if (a->v.names && a->v.anonymous)
		return cli_usage_error("workshop", "%s", _("--names and --anonymous exclude each other"));
	if (a->v.organisation && !*a->v.organisation)
		return cli_usage_error("workshop", "%s", _("--organisation needs a name"));
	return CLI_CONTINUE;
}

static bool keep(void *ctx, const char *path, struct response *r)
{
	struct crowd *c = ctx;
	struct stat st;
	if (c->has_out && stat(path, &st) == 0 && st.st_dev == c->out.st_dev && st.st_ino == c->out.st_ino) {
		if (!c->own)    /* refused after loading (review_session) */
			c->own = xstrdup(path);
		response_free(r);
		return true;
	}
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 16;
		c->r = xrealloc(c->r, (size_t)cap * sizeof *c->r);
		c->names = xrealloc(c->names, (size_t)cap * sizeof *c->names);
		c->cap = cap;
	}
	const char *who = response_respondent(r), *role = response_role(r);
	size_t len = strlen(who ? who : path) + (role ? strlen(role) : 0) + 4;
	char *name = xmalloc(len);
	if (!who)
		snprintf(name, len, "%s", path_base(path));
	else if (role)
		snprintf(name, len, "%s, %s", who, role);
	else
		snprintf(name, len, "%s", who);
	c->r[c->n] = r;
	c->names[c->n++] = name;
	return true;
}

static void crowd_free(struct crowd *c)
{
	for (int i = 0; i < c->n; i++) {
		response_free(c->r[i]);
		mem_free(c->names[i]);
	}
	mem_free(c->r);
	mem_free(c->names);
	mem_free((void *)c->own);
}

/* DIR/workshop-YYYY-MM-DD.yaml (or -2, -3… when taken) in the data dir. */
static char *default_path(void)
{
	char *dir = config_assessment_dir(cli_config(), 1);
	if (!dir) {
		cli_printf(stderr, "peil: %s\n", _("no data directory for sessions (set HOME or XDG_DATA_HOME, or use -o FILE)"));
		return NULL;
	}
	char *p = cli_dated_path(dir, "workshop", 10);
	mem_free(dir);
	return p;
}

/* The session's votes are the respondents' levels (group statistics). */
static bool set_votes(const struct questionnaire *q, struct response *session, const struct crowd *c)
{
	struct group_acc *acc = group_acc_new(q);
	bool ok = acc != NULL;
	for (int i = 0; ok && i < c->n; i++)
		ok = group_acc_add(acc, c->r[i]);
	struct group_stats *s = ok ? group_finish(acc) : NULL;
	/* The votes of every question, and a proposal where the group has not
	 * decided yet ("accept all agreed proposals" takes those in one step). */
	ok = s != NULL && group_apply_undecided(q, s, session);
	group_stats_free(s);
	group_acc_free(acc);
	return ok;
}

/* The facts of the session, which each export words in its own language
 * (issue 19, defect 9): its kind and who took part. The label "group of N"
 * that earlier versions wrote as the respondent is dropped. */
static bool session_facts(struct response *r, enum session_kind kind, const struct crowd *c, bool anonymous,
                          int minutes)
{
	if (response_respondent(r) && !response_group_respondent(r) && !response_set_respondent(r, NULL))
		return false;
	response_set_session_kind(r, kind);
	if (minutes > 0)
		response_set_session_minutes(r, minutes);
	if (!c)
		return true;
	response_clear_people(r);
	for (int i = 0; !anonymous && i < c->n; i++) {
		const char *who = response_respondent(c->r[i]);
		if (who && !response_add_person(r, who, response_role(c->r[i])))
			return false;
	}
	return true;
}

/* The messages about the files, printed and kept for the TUI's start:
 * a warning printed before the screen is taken shows only after the
 * session (issue 19, defect 7). */
struct captured {
	char *text;
	size_t len;
	FILE *f;
};

/* Review mode: the respondents, then the session (resumed or new). */
static int review_session(const struct ws_args *wa, const char *path, bool exists, struct crowd *c,
                          struct questionnaire **q, struct response **r, struct captured *msgs)
{
	c->has_out = exists && stat(path, &c->out) == 0;
	msgs->f = open_memstream(&msgs->text, &msgs->len);
	struct cli_group_opts go = { .drop_copies = true, .out = msgs->f };
	int rc = cli_group_load(wa->v.qarg, wa->files, wa->nfiles, &go, q, keep, c);
	if (msgs->f) {
		fclose(msgs->f);
		msgs->f = NULL;
		if (msgs->text)
			fputs(msgs->text, stderr);
	}
	if (rc != EXIT_OK)
		return rc;
	if (c->own) {
		cli_printf(stderr, _("peil workshop: %s is one of the respondents' files; the session needs a file of "
		                     "its own (-o SESSION.yaml)\n"), c->own);
		return EXIT_WRITE;
	}
	if (exists) {
		if (!(*r = cli_load_response_with(*q, path)))
			return EXIT_INVALID;
	} else {
		const char *org = wa->v.organisation ? wa->v.organisation : response_organisation(c->r[0]);
		*r = response_new(*q, org);
	}
	/* Every run counts the files afresh; decisions and notes stay. */
	if (!*r || !session_facts(*r, SESSION_REVIEW, c, wa->v.anonymous, wa->minutes) || !set_votes(*q, *r, c)) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* The most votes cast on one question of r (its current round), and which. */
static int most_votes(const struct questionnaire *q, const struct response *r, int *where)
{
	int most = 0;
	*where = -1;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct answer *a = response_answer(r, qi);
		long n = (long)a->votes_na + a->votes_unknown;
		for (int i = 0; a->votes && i < q->nlevels; i++)
			n += a->votes[i];
		if (n > most) {
			most = (int)(n < INT_MAX ? n : INT_MAX);
			*where = qi;
		}
	}
	return most;
}

/* --participants on a resumed session (issue 19, defect 6): fewer than the
 * votes already cast would make "8 of 7" and reveal what was hidden. */
static int check_participants(const struct questionnaire *q, const struct response *r, int given,
                              char *notice, size_t len)
{
	int where, cast = most_votes(q, r, &where), before = response_participants(r);
	if (given < cast)
		return cli_usage_error("workshop", _("--participants %d is fewer than the %d votes already cast on "
		                                     "'%s'; give at least %d, or leave it out to keep %d"),
		                       given, cast, q->questions[where].id, cast, before > cast ? before : cast);
	if (before > 0 && given != before && !notice[0])
		snprintf(notice, len, _("%d participants now; the session had %d."), given, before);
	return EXIT_OK;
}

/* Live mode: a new session, or one resumed (its participants, unless
 * --participants says otherwise). */
static int live_session(const struct ws_args *wa, const char *path, bool exists,
                        struct questionnaire **q, struct response **r, int *participants,
                        char *notice, size_t len)
{
	struct diag_list *d = diag_list_new();
	*q = cli_load_questionnaire(wa->v.qarg, exists ? path : NULL, d);
	diag_print(d, stderr, false);
	diag_list_free(d);
	if (!*q)
		return EXIT_INVALID;
	if (exists && !(*r = cli_load_response_with(*q, path)))
		return EXIT_INVALID;
	if (!exists)
		*r = response_new(*q, wa->v.organisation);
	*participants = wa->participants > 0 ? wa->participants : *r ? response_participants(*r) : 0;
	if (*participants <= 0)
		return cli_usage_error("workshop", "%s",
		                       _("name the respondents' files, or say how many vote in the room: --participants N"));
	int rc;
	if (exists && *r && wa->participants > 0 &&
	    (rc = check_participants(*q, *r, wa->participants, notice, len)) != EXIT_OK)
		return rc;
	if (!*r || !session_facts(*r, SESSION_LIVE, NULL, wa->v.anonymous, wa->minutes) ||
	    (wa->v.organisation && !response_set_organisation(*r, wa->v.organisation))) {
		cli_printf(stderr, "peil: %s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	response_set_participants(*r, *participants);
	return EXIT_OK;
}

static int run_tui(const struct questionnaire *q, struct response *r, const char *path,
                   struct tui_workshop_options *o)
{
	o->lang = cli_lang(q);
	cli_theme(&o->no_color, &o->high_contrast);
	char err[512];
	int sig = 0;
	enum tui_status st = tui_run_workshop(q, r, path, o, &sig, err, sizeof err);
	return cli_tui_exit(st, sig, err);
}

/* Quitting prints where the session stands: decided, open, time taken. */
static void print_summary(const struct questionnaire *q, const struct response *r, const char *path,
                          long seconds_before)
{
	int decided = 0, open = 0, proposed = 0;
	for (int qi = 0; qi < q->nquestions; qi++) {
		const struct answer *a = response_answer(r, qi);
		if (response_hidden(r, qi))
			continue;
		if (a->proposal)
			proposed++;
		else if (a->status == ANSWER_OPEN)
			open++;
		else
			decided++;
	}
	const struct session_facts *f = response_session(r);
	char now[NUM_LEN], all[NUM_LEN], budget[NUM_LEN];
	cli_printf(stdout, _("Session: %d of %d questions decided, %d open"), decided, decided + open + proposed, open);
	if (proposed)
		cli_printf(stdout, ngettext(", %d proposal not yet decided", ", %d proposals not yet decided",
		                            (unsigned long)proposed), proposed);
	cli_printf(stdout, ".\n");
	num_duration(now, f->seconds - seconds_before);
	num_duration(all, f->seconds);
	if (f->minutes > 0)
		cli_printf(stdout, _("Time: %s in this sitting, %s in all, of the %s planned.\n"), now, all,
		           num_duration(budget, (long)f->minutes * 60));
	else
		cli_printf(stdout, _("Time: %s in this sitting, %s in all.\n"), now, all);
	cli_printf(stdout, _("Saved in %s\n"), path);
}

int cmd_workshop(void *args, int argc, char **argv)
{
	struct ws_args *wa = args;
	int rc = take_files(argc, argv, wa);
	if (rc != CLI_CONTINUE)
		return rc;
	char *path = wa->v.out ? xstrdup(wa->v.out) : default_path();
	if (!path)
		return EXIT_WRITE;
	if (wa->nfiles == 0 && wa->participants <= 0 && !cli_is_file(path)) {
		mem_free(path);
		return cli_usage_error("workshop", "%s",
		                       _("name the respondents' files, or say how many vote in the room: --participants N"));
	}
	struct crowd c = { 0 };
	struct questionnaire *q = NULL;
	struct response *r = NULL;
	struct tui_workshop_options o = { .large = wa->v.large, .names = wa->v.names, .anonymous = wa->v.anonymous };
	struct captured msgs = { 0 };
	struct workshop_room wr = { 0 };
	char err[512], notice[640];
	/* The lock before the session file: another peil that saves and quits
	 * between our reading it and locking it would leave us its old state. */
	struct lock *lock = cli_take_lock(path, notice, sizeof notice);
	if (!lock) {
		rc = EXIT_WRITE;
		goto out;
	}
	bool exists = cli_is_file(path);
	if (wa->nfiles > 0)
		rc = review_session(wa, path, exists, &c, &q, &r, &msgs);
	else
		rc = live_session(wa, path, exists, &q, &r, &o.participants, notice, sizeof notice);
	if (rc != EXIT_OK)
		goto out;
	o.notice = notice[0] ? notice : NULL;
	o.file_notes = msgs.text && *msgs.text ? msgs.text : NULL;
	if (!tui_terminal_usable()) {
		cli_printf(stderr, "peil workshop: %s\n", _("needs a terminal (for a summary without one: peil aggregate)"));
		rc = EXIT_USAGE;
		goto out;
	}
	struct workshop_respondent *people = xarray((size_t)c.n, sizeof *people);
	for (int i = 0; i < c.n; i++)
		people[i] = (struct workshop_respondent){ c.r[i], wa->v.anonymous ? NULL : c.names[i] };
	long seconds_before = response_session(r)->seconds;
	o.respondents = people;
	o.nrespondents = c.n;
	o.ask_organisation = !exists && !*response_organisation(r);
	if (o.participants > 0 && (rc = workshop_serve_start(&wa->serve, q, o.participants, &wr)) != EXIT_OK) {
		mem_free(people);
		goto out;
	}
	workshop_serve_options(&wr, &o);
	/* Written at once (the votes are a change), so that a bad path shows now. */
	if (!o.ask_organisation && !response_save(r, path, err, sizeof err)) {
		cli_printf(stderr, "peil: %s\n", err);
		rc = EXIT_WRITE;
	} else {
		rc = run_tui(q, r, path, &o);
		if (rc == EXIT_OK && cli_is_file(path))
			print_summary(q, r, path, seconds_before);
	}
	mem_free(people);
out:
	workshop_serve_stop(&wr);       /* the server stops with the workshop */
	lock_release(lock);
	response_free(r);
	crowd_free(&c);
	questionnaire_free(q);
	mem_free(path);
	free(msgs.text);
	return cli_end_as_signalled(rc);
}
