/* The action table (tui/table.h) and what is generated from it: the
 * bindings, the help screen and the footer hints. A footer hint, a help
 * line and a binding that drift apart fail here. keys.c calls no curses
 * function, so it is compiled in directly and read without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tui/keys.c"

static const unsigned context_sets[] = {
	0, KEYS_BIT(KEYS_WORKSHOP), KEYS_BIT(KEYS_WORKSHOP) | KEYS_BIT(KEYS_VOTING),
};
enum { NSETS = sizeof context_sets / sizeof *context_sets };

/* The SPEC's keys that always work on a question. */
static void spec_keys_on_a_question(void **state)
{
	(void)state;
	static const struct { int key; bool fkey; enum tui_action want; } t[] = {
		{ KEY_UP, true, ACT_UP }, { 'k', false, ACT_UP }, { KEY_DOWN, true, ACT_DOWN },
		{ 'j', false, ACT_DOWN }, { '\n', false, ACT_CHOOSE }, { ' ', false, ACT_CHOOSE },
		{ 'n', false, ACT_NA }, { 'u', false, ACT_UNKNOWN }, { KEY_RIGHT, true, ACT_NEXT },
		{ KEY_NPAGE, true, ACT_NEXT }, { KEY_LEFT, true, ACT_PREV }, { KEY_PPAGE, true, ACT_PREV },
		{ '\t', false, ACT_NEXT_OPEN }, { 'e', false, ACT_NOTE }, { 'r', false, ACT_RESULTS },
		{ 'x', false, ACT_EXPORT }, { 'L', false, ACT_LANG }, { '?', false, ACT_HELP },
		{ KEY_F(1), true, ACT_HELP }, { 27, false, ACT_BACK }, { 'q', false, ACT_QUIT },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		for (int c = 0; c < NSETS; c++)
			assert_int_equal(keys_action(SCREEN_QUESTION, context_sets[c], t[i].key, t[i].fkey, NULL), t[i].want);
	for (int d = 1; d <= 9; d++) {
		int n = 0;
		assert_int_equal(keys_action(SCREEN_QUESTION, 0, '0' + d, false, &n), ACT_CHOOSE_N);
		assert_int_equal(n, d);
	}
}

/* The same key means what the screen on top says it means. */
static void keys_follow_the_screen(void **state)
{
	(void)state;
	int n = 0;
	assert_int_equal(keys_action(SCREEN_OVERVIEW, 0, '\n', false, NULL), ACT_OPEN);
	assert_int_equal(keys_action(SCREEN_OVERVIEW, 0, '3', false, &n), ACT_OPEN_N);
	assert_int_equal(n, 3);
	assert_int_equal(keys_action(SCREEN_RESULTS, 0, KEY_NPAGE, true, NULL), ACT_PAGE_DOWN);
	assert_int_equal(keys_action(SCREEN_RESULTS, 0, KEY_END, true, NULL), ACT_END);
	/* A text field takes letters; F1 and Ctrl-L still work. */
	assert_int_equal(keys_action(SCREEN_NOTE, 0, 'q', false, NULL), ACT_NONE);
	assert_int_equal(keys_action(SCREEN_NOTE, 0, '?', false, NULL), ACT_NONE);
	assert_int_equal(keys_action(SCREEN_NOTE, 0, KEY_F(1), true, NULL), ACT_HELP);
	assert_int_equal(keys_action(SCREEN_NOTE, 0, CTRL('L'), false, NULL), ACT_REDRAW);
	assert_int_equal(keys_action(SCREEN_NOTE, 0, 27, false, NULL), ACT_DONE);
	assert_int_equal(keys_action(SCREEN_NOTE, 0, CTRL('G'), false, NULL), ACT_CANCEL);
	assert_int_equal(keys_action(SCREEN_ORGANISATION, 0, '\n', false, NULL), ACT_START);
	assert_int_equal(keys_action(SCREEN_ORGANISATION, 0, 27, false, NULL), ACT_ABANDON);
	/* The workshop's o is its list; votes only where the room votes. */
	assert_int_equal(keys_action(SCREEN_RESULTS, KEYS_BIT(KEYS_WORKSHOP), 'o', false, NULL), ACT_LIST);
	assert_int_equal(keys_action(SCREEN_QUESTION, KEYS_BIT(KEYS_WORKSHOP), 'v', false, NULL), ACT_NONE);
	assert_int_equal(keys_action(SCREEN_QUESTION, KEYS_BIT(KEYS_VOTING), '@', false, &n), ACT_VOTE_N);
	assert_int_equal(n, 2);
	assert_int_equal(keys_shows(ACT_RESULTS), SCREEN_RESULTS);
	assert_int_equal(keys_shows(ACT_NA), SCREEN_NONE);
}

struct help_seen {
	char keys[64][128];
	char text[64][256];
	char first_heading[128];
	int n;
};

static void collect(void *ctx, const char *keys, const char *text)
{
	struct help_seen *h = ctx;
	if (!keys) {
		if (!h->first_heading[0])
			snprintf(h->first_heading, sizeof h->first_heading, "%s", text);
		return;
	}
	assert_true(h->n < 64);
	snprintf(h->keys[h->n], sizeof h->keys[0], "%s", keys);
	snprintf(h->text[h->n], sizeof h->text[0], "%s", text);
	h->n++;
}

/* The key name `name` of row r, with its code. */
static const struct key *named_key(const struct row *r, const char *name)
{
	for (int j = 0; j < MAX_KEYS; j++)
		if (r->keys[j].name && !strcmp(r->keys[j].name, name))
			return &r->keys[j];
	return NULL;
}

/* Every footer hint "KEY label" names a key that does the hinted action on
 * that screen, and the help screen lists that key with that action's text. */
static void hints_help_and_bindings_agree(void **state)
{
	(void)state;
	int checked = 0;
	for (int kind = 0; kind < SCREEN_COUNT; kind++)
		for (int c = 0; c < NSETS; c++) {
			char hints[512];
			struct help_seen h = { 0 };
			keys_hints(kind, context_sets[c], NULL, NULL, 1000, hints, sizeof hints);
			keys_help(kind, context_sets[c], collect, &h);
			assert_true(hints[0] != '\0');
			for (char *item = strtok(hints, "\n"); item; item = NULL) {
				/* items are two spaces apart; a key name has at most one */
				for (char *p = item; p && *p; ) {
					char *end = strstr(p, "  ");
					if (end)
						*end = '\0';
					bool found = false;
					for (int i = 0; i < NROWS && !found; i++) {
						const struct row *r = &rows[i];
						if (!r->hint || !row_applies(r, kind, context_sets[c]))
							continue;
						size_t hl = strlen(r->hint), pl = strlen(p);
						if (pl <= hl + 1 || strcmp(p + pl - hl, r->hint) || p[pl - hl - 1] != ' ')
							continue;
						char name[64];
						snprintf(name, sizeof name, "%.*s", (int)(pl - hl - 1), p);
						const struct key *k = named_key(r, name);
						if (!k)
							continue;
						int code = k->flags & KF_SHIFTED ? '!' : k->code;
						assert_int_equal(keys_action(kind, context_sets[c], code, (k->flags & KF_FKEY) != 0,
						                             NULL), r->action);
						for (int e = 0; e < h.n && !found; e++)
							found = !strcmp(h.text[e], r->help) && strstr(h.keys[e], name);
					}
					if (!found)
						fail_msg("screen %d, contexts %u: hint \"%s\" has no binding and help line", kind,
						         context_sets[c], p);
					checked++;
					p = end ? end + 2 : NULL;
				}
			}
			/* Help starts with the screen's own keys, where it has any. */
			bool own = false;
			for (int i = 0; i < NROWS; i++)
				own |= rows[i].screens != ANY && row_applies(&rows[i], kind, context_sets[c]);
			if (own)
				assert_string_equal(h.first_heading, screen_title(kind));
		}
	assert_true(checked > 50);
}

/* Every help line's keys do its action there. */
static void help_lists_only_live_keys(void **state)
{
	(void)state;
	for (int kind = 0; kind < SCREEN_COUNT; kind++) {
		struct help_seen h = { 0 };
		keys_help(kind, KEYS_BIT(KEYS_WORKSHOP) | KEYS_BIT(KEYS_VOTING), collect, &h);
		for (int e = 0; e < h.n; e++) {
			const struct row *r = NULL;
			for (int i = 0; i < NROWS && !r; i++)
				if (rows[i].help && !strcmp(rows[i].help, h.text[e]))
					r = &rows[i];
			assert_non_null(r);
			/* The listed keys are the row's named keys that do its action. */
			char want[128] = "";
			for (int j = 0; j < MAX_KEYS; j++) {
				const struct key *k = &r->keys[j];
				int code = k->flags & KF_SHIFTED ? '!' : k->code;
				if (k->name && keys_action(kind, KEYS_BIT(KEYS_WORKSHOP) | KEYS_BIT(KEYS_VOTING), code,
				                           (k->flags & KF_FKEY) != 0, NULL) == r->action &&
				    key_live(r, k, kind))
					snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? ", " : "",
					         k->name);
			}
			assert_string_equal(h.keys[e], want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_keys_on_a_question),
		cmocka_unit_test(keys_follow_the_screen),
		cmocka_unit_test(hints_help_and_bindings_agree),
		cmocka_unit_test(help_lists_only_live_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
