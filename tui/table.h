/* The two tables the TUI is generated from (tig's REQ_INFO): its screens
 * and its actions. keys.h turns them into enum screen_kind and enum
 * tui_action; keys.c into the key bindings, the help screen and every
 * footer hint line; nav.c and app.c into opening a screen by its kind.
 *
 * Adding a screen: a SCREEN row here, its own file (a `static const struct
 * screen_ops` with .kind = SCREEN_NAME), and its constructor in screens.h.
 * Adding an action: an ACTION row here, and a `case ACT_NAME:` in the
 * handle() of the screens it names (or nothing, when it only opens a
 * screen). The help, the hints and the bindings follow by themselves.
 *
 * SCREEN(NAME, OPEN, TEXT, TITLE)
 *   OPEN   constructor `struct screen *f(struct app *)` for tui_show(),
 *          or NULL when the screen is opened with arguments by its caller
 *   TEXT   true: a text field has the keys; only the screen's own actions
 *          and the text-safe keys (KT, FT) of the others reach it (a
 *          screen with a text field among other lines, like the export
 *          dialog, is not TEXT: it gives the raw key to its field itself)
 *   TITLE  N_(): what the help screen calls it
 */
#ifndef PEIL_TUI_TABLE_H
#define PEIL_TUI_TABLE_H

#define TUI_SCREENS(SCREEN) \
	SCREEN(ORGANISATION, NULL, true, N_("Name of the organisation")) \
	SCREEN(OVERVIEW, screen_overview_new, false, N_("Overview")) \
	SCREEN(QUESTION, NULL, false, N_("Question")) \
	SCREEN(RESULTS, screen_results_new, false, N_("Results")) \
	SCREEN(DOMAIN, NULL, false, N_("Domain")) \
	SCREEN(HELP, screen_help_new, false, N_("Help")) \
	SCREEN(NOTE, NULL, true, N_("Note and evidence")) \
	SCREEN(EXPORT, screen_export_new, false, N_("Export")) \
	SCREEN(WORKSHOP_LIST, NULL, false, N_("Workshop: the questions")) \
	SCREEN(JOIN, NULL, false, N_("Joining from phones")) \
	SCREEN(PLAN, screen_plan_new, false, N_("Improvement plan")) \
	SCREEN(FORM, NULL, true, N_("Form"))

/* ACTION(NAME, MODE, SCREENS, KEYS, HINT, HELP, SHOWS)
 *   MODE     MAIN (every session), WORKSHOP (peil workshop), VOTING (votes
 *            in the room); rows of a mode in use are looked up in table
 *            order, so the workshop's rows, first, take keys from the rest
 *   SCREENS  SCR(A) | SCR(B): where the action applies; ANY: everywhere
 *   KEYS     (K('x', "x"), F(KEY_UP, N_("Up")), ...): its default keys; a
 *            NULL name binds a key without listing it; KT/FT: the key also
 *            works where a text field has the keys; DIGITS(name): 1-9,
 *            SHIFTED(name): Shift-1-9 (ev->n tells which)
 *   HINT     N_() label in the footer, after the first listed key; NULL:
 *            not in the footer. An action that SHOWS the current screen is
 *            not hinted there.
 *   HELP     N_(): what it does, in the help screen
 *   SHOWS    the screen it brings up (SCREEN_NONE: the screens handle it)
 * SECTION(TITLE) starts a group of the help screen.
 */
#define TUI_ACTIONS(ACTION, SECTION) \
	SECTION(N_("Workshop")) \
	ACTION(VOTE, VOTING, SCR(QUESTION), (K('v', N_("v, then 1-9, n or u"))), NULL, \
	       N_("a vote from the room for a level, for not applicable (n) or don't know (u)"), NONE) \
	ACTION(VOTE_N, VOTING, SCR(QUESTION), (SHIFTED(N_("Shift-1-9"))), NULL, \
	       N_("the same in one key (Shift-1 is ! on a US keyboard)"), NONE) \
	ACTION(CARDS, VOTING, SCR(QUESTION), (K('c', "c")), NULL, \
	       N_("count cards or hands: the votes per level in one go (\"2x3, 4x2\": two 3s and four 2s)"), NONE) \
	ACTION(UNVOTE, VOTING, SCR(QUESTION), (K('z', "z")), NULL, \
	       N_("take back a vote on this question (for votes from before this sitting: then its level)"), NONE) \
	ACTION(REVEAL, VOTING, SCR(QUESTION), (K('R', "R")), NULL, \
	       N_("reveal the votes now, also when not everyone has voted (closes voting on this question)"), NONE) \
	ACTION(REOPEN, VOTING, SCR(QUESTION), (K('N', "N")), NULL, \
	       N_("vote again after the discussion: a new round (the earlier one is kept)"), NONE) \
	ACTION(JOIN, VOTING, SCR(QUESTION) | SCR(JOIN), (K('J', "J")), NULL, \
	       N_("the join address and its QR code for phones (--serve)"), NONE) \
	ACTION(LIST, WORKSHOP, ANY, (K('l', "l"), K('o', "o")), N_("list"), \
	       N_("the list of questions and the decisions taken"), WORKSHOP_LIST) \
	ACTION(NAMES, WORKSHOP, SCR(QUESTION), (K('w', "w")), NULL, \
	       N_("show or hide who wrote what (names are hidden: the room sees this screen)"), NONE) \
	ACTION(NOTES_PAGE, WORKSHOP, SCR(QUESTION), (K('s', "s")), NULL, \
	       N_("the next page of the respondents' notes"), NONE) \
	ACTION(LARGE, WORKSHOP, SCR(QUESTION), (K('+', "+")), NULL, \
	       N_("the projector view: large, the answers folded to their levels (or back)"), NONE) \
	ACTION(FILTER, WORKSHOP, SCR(WORKSHOP_LIST), (K('f', "f")), N_("contested only"), \
	       N_("only the contested questions, or all of them again"), NONE) \
	ACTION(ACCEPT, WORKSHOP, SCR(WORKSHOP_LIST), (K('A', "A")), N_("accept agreed"), \
	       N_("accept every proposal on a question that is not contested, in one step (press twice)"), NONE) \
	ACTION(BLANK, WORKSHOP, ANY, (K('b', "b")), NULL, \
	       N_("blank the projector; any key brings the screen back"), NONE) \
	ACTION(PAUSE, WORKSHOP, ANY, (K('P', "P")), NULL, N_("pause the clock, or go on"), NONE) \
	SECTION(N_("Answering")) \
	ACTION(CHOOSE, MAIN, SCR(QUESTION), (K('\n', N_("Enter")), K('\r', NULL), F(KEY_ENTER, NULL), \
	       K(' ', N_("Space"))), NULL, \
	       N_("choose the highlighted answer and go on; confirms a carried-over answer"), NONE) \
	ACTION(CHOOSE_N, MAIN, SCR(QUESTION), (DIGITS("1-9")), N_("choose"), \
	       N_("choose the n-th answer in level order and go on"), NONE) \
	ACTION(NA, MAIN, SCR(QUESTION), (K('n', "n")), N_("n/a"), N_("not applicable, and go on"), NONE) \
	ACTION(UNKNOWN, MAIN, SCR(QUESTION), (K('u', "u")), N_("don't know"), N_("don't know, and go on"), NONE) \
	ACTION(CLEAR, MAIN, SCR(QUESTION), (F(KEY_BACKSPACE, N_("Backspace")), F(KEY_DC, N_("Delete")), \
	       K(127, NULL), K(CTRL('H'), NULL)), NULL, N_("clear the answer: the question is open again"), NONE) \
	ACTION(NOTE, MAIN, SCR(QUESTION), (K('e', "e")), N_("note"), N_("edit the note and evidence"), NONE) \
	ACTION(INFO, MAIN, SCR(QUESTION), (K('i', "i")), NULL, N_("show or hide the explanation of the question"), NONE) \
	SECTION(N_("Moving")) \
	ACTION(UP, MAIN, ANY, (F(KEY_UP, N_("Up")), K('k', "k")), NULL, N_("highlight the previous answer or line"), NONE) \
	ACTION(DOWN, MAIN, ANY, (F(KEY_DOWN, N_("Down")), K('j', "j")), NULL, N_("highlight the next answer or line"), NONE) \
	ACTION(NEXT, MAIN, SCR(QUESTION), (F(KEY_RIGHT, N_("Right")), F(KEY_NPAGE, N_("PgDn"))), NULL, \
	       N_("next question"), NONE) \
	ACTION(PREV, MAIN, SCR(QUESTION), (F(KEY_LEFT, N_("Left")), F(KEY_PPAGE, N_("PgUp"))), NULL, \
	       N_("previous question"), NONE) \
	ACTION(OPEN, MAIN, SCR(OVERVIEW) | SCR(RESULTS) | SCR(DOMAIN) | SCR(WORKSHOP_LIST) | SCR(PLAN), \
	       (K('\n', N_("Enter")), K('\r', NULL), F(KEY_ENTER, NULL)), N_("open"), \
	       N_("open the highlighted line"), NONE) \
	ACTION(OPEN_N, MAIN, SCR(OVERVIEW), (DIGITS("1-9")), NULL, N_("open the n-th domain"), NONE) \
	ACTION(NEXT_OPEN, MAIN, SCR(QUESTION) | SCR(OVERVIEW) | SCR(WORKSHOP_LIST), (K('\t', N_("Tab"))), \
	       N_("next open"), N_("next open (or unconfirmed) question, wrapping around"), NONE) \
	ACTION(PAGE_DOWN, MAIN, LISTS, (F(KEY_NPAGE, N_("PgDn")), F(KEY_RIGHT, NULL)), NULL, N_("next page"), NONE) \
	ACTION(PAGE_UP, MAIN, LISTS, (F(KEY_PPAGE, N_("PgUp")), F(KEY_LEFT, NULL)), NULL, N_("previous page"), NONE) \
	ACTION(HOME, MAIN, ANY, (F(KEY_HOME, N_("Home")), K('g', "g")), NULL, N_("first answer or line"), NONE) \
	ACTION(END, MAIN, ANY, (F(KEY_END, N_("End")), K('G', "G")), NULL, N_("last answer or line"), NONE) \
	SECTION(N_("Targets and the plan")) \
	ACTION(TARGET, MAIN, SCR(RESULTS), (K('t', "t")), N_("target"), \
	       N_("then 1-9: the highlighted domain's target becomes the n-th level (Backspace removes it); "\
	          "then who decided it"), NONE) \
	ACTION(TARGET_LEVEL, MAIN, SCR(RESULTS), (DIGITS(NULL)), NULL, N_("the level after t"), NONE) \
	ACTION(TARGET_CLEAR, MAIN, SCR(RESULTS), (F(KEY_BACKSPACE, NULL), F(KEY_DC, NULL), K(127, NULL), \
	       K(CTRL('H'), NULL)), NULL, N_("Backspace after t"), NONE) \
	ACTION(ADD_ACTION, MAIN, SCR(RESULTS) | SCR(QUESTION) | SCR(PLAN), (K('a', "a")), N_("action"), \
	       N_("add an action for this question or priority, titled with its advice"), NONE) \
	ACTION(EDIT, MAIN, SCR(RESULTS) | SCR(PLAN), (K('E', "E")), NULL, \
	       N_("edit who decided the targets (results) or the highlighted action (plan)"), NONE) \
	ACTION(STATUS_N, MAIN, SCR(PLAN), (DIGITS("1-4")), N_("status"), \
	       N_("status of the highlighted action: 1 planned, 2 in progress, 3 done, 4 dropped"), NONE) \
	ACTION(DELETE, MAIN, SCR(PLAN), (F(KEY_DC, N_("Delete")), F(KEY_BACKSPACE, N_("Backspace")), K(127, NULL), \
	       K(CTRL('H'), NULL)), N_("delete"), N_("delete the highlighted action (press twice)"), NONE) \
	ACTION(ACTION_DONE, MAIN, SCR(QUESTION) | SCR(PLAN), (K('D', "D")), NULL, \
	       N_("a carried-over action shown with its question: it is done"), NONE) \
	ACTION(ACTION_OPEN, MAIN, SCR(QUESTION) | SCR(PLAN), (K('S', "S")), NULL, N_("... it is still open"), NONE) \
	ACTION(ACTION_DROP, MAIN, SCR(QUESTION) | SCR(PLAN), (K('X', "X")), NULL, N_("... drop it"), NONE) \
	SECTION(N_("Screens")) \
	ACTION(OVERVIEW, MAIN, ANY, (K('o', "o")), N_("overview"), N_("overview of the domains"), OVERVIEW) \
	ACTION(RESULTS, MAIN, ANY, (K('r', "r")), N_("results"), N_("results: scores, targets and priorities"), RESULTS) \
	ACTION(EXPORT, MAIN, ANY, (K('x', "x")), N_("export"), N_("export a scorecard"), EXPORT) \
	ACTION(PLAN, MAIN, ANY, (K('p', "p")), N_("plan"), \
	       N_("the improvement plan: actions by status, owner and due date"), PLAN) \
	ACTION(LANG, MAIN, ANY, (K('L', "L")), NULL, N_("switch the language"), NONE) \
	ACTION(ABOUT, MAIN, ANY, (K('A', "A")), NULL, \
	       N_("about this assessment: who answers, their role, the inhabitants, the region"), NONE) \
	ACTION(BACK, MAIN, ANY, (K(ESC, N_("Esc"))), N_("back"), N_("back to the previous screen"), NONE) \
	ACTION(HELP, MAIN, ANY, (K('?', "?"), FT(KEY_F(1), "F1")), N_("help"), \
	       N_("help: the keys of this screen first"), HELP) \
	ACTION(REDRAW, MAIN, ANY, (KT(CTRL('L'), N_("Ctrl-L"))), NULL, N_("redraw the screen"), NONE) \
	ACTION(UNDO, MAIN, ANY, (K('U', "U")), NULL, \
	       N_("undo the last change of an answer (a choice or a clear), and show its question"), NONE) \
	ACTION(QUIT, MAIN, ANY, (K('q', "q")), N_("quit"), N_("quit (every answer is already saved)"), NONE) \
	SECTION(N_("Editing a note")) \
	ACTION(DONE, MAIN, SCR(NOTE), (K(ESC, N_("Esc")), F(KEY_F(2), "F2")), N_("done (saved)"), \
	       N_("done: keep the text and go back"), NONE) \
	ACTION(CANCEL, MAIN, SCR(NOTE), (K(CTRL('G'), N_("Ctrl-G"))), N_("cancel"), \
	       N_("cancel: forget the changes"), NONE) \
	ACTION(NEXT_FIELD, MAIN, SCR(NOTE) | SCR(EXPORT) | SCR(FORM), (K('\t', N_("Tab"))), N_("other field"), \
	       N_("next field"), NONE) \
	ACTION(PREV_FIELD, MAIN, SCR(NOTE) | SCR(EXPORT) | SCR(FORM), (F(KEY_BTAB, N_("Shift-Tab"))), NULL, \
	       N_("previous field"), NONE) \
	ACTION(NEWLINE, MAIN, SCR(NOTE), (K('\n', N_("Enter"))), N_("new line"), N_("a new line in the text"), NONE) \
	SECTION(N_("Forms")) \
	ACTION(SAVE, MAIN, SCR(FORM), (K('\n', N_("Enter")), K('\r', NULL), F(KEY_ENTER, NULL)), N_("save"), \
	       N_("save the form"), NONE) \
	ACTION(LEAVE, MAIN, SCR(FORM), (K(ESC, N_("Esc")), K(CTRL('G'), N_("Ctrl-G"))), N_("cancel"), \
	       N_("leave without saving"), NONE) \
	ACTION(FIELD_DOWN, MAIN, SCR(FORM), (F(KEY_DOWN, N_("Down"))), NULL, N_("the field below"), NONE) \
	ACTION(FIELD_UP, MAIN, SCR(FORM), (F(KEY_UP, N_("Up"))), NULL, N_("the field above"), NONE) \
	ACTION(CHOICE, MAIN, SCR(FORM), (F(KEY_RIGHT, N_("Left/Right")), F(KEY_LEFT, NULL)), N_("choose"), \
	       N_("step through the field's choices (while it is empty or holds one)"), NONE) \
	SECTION(N_("Starting")) \
	ACTION(START, MAIN, SCR(ORGANISATION), (K('\n', N_("Enter")), K('\r', NULL), F(KEY_ENTER, NULL)), \
	       N_("start"), N_("start with this name"), NONE) \
	ACTION(ABANDON, MAIN, SCR(ORGANISATION), (K(ESC, N_("Esc"))), N_("quit"), \
	       N_("quit without writing anything"), NONE) \
	SECTION(N_("Exporting")) \
	ACTION(WRITE, MAIN, SCR(EXPORT), (K('\n', N_("Enter")), K('\r', NULL), F(KEY_ENTER, NULL)), N_("write"), \
	       N_("write the export"), NONE) \
	ACTION(CHANGE, MAIN, SCR(EXPORT), (F(KEY_RIGHT, N_("Left/Right")), F(KEY_LEFT, NULL), K(' ', NULL)), \
	       N_("choose"), N_("change the choice on this line"), NONE)

/* The lists: what the htop-style panel moves through. */
#define LISTS (SCR(OVERVIEW) | SCR(RESULTS) | SCR(DOMAIN) | SCR(HELP) | SCR(WORKSHOP_LIST) | SCR(PLAN))

#endif
