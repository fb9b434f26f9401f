# peil — build, test, install.  Plain GNU make, no autotools.
#
#   make            build build/peil
#   make run        install missing Debian packages, build, open the assessment
#   make check      install missing packages, then every test (ASan + UBSan)
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      benchmarks (not part of check)
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make update-po  re-extract interface strings into po/, then translate
#   V=1             show the commands

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
PKGDATADIR ?= $(DATADIR)/peil
MANDIR     ?= $(DATADIR)/man
LOCALEDIR  ?= $(DATADIR)/locale
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions

BUILD      ?= build
CC         ?= cc
CFLAGS     ?= -O2 -g
PKG_CONFIG ?= pkg-config

# Warnings are always appended, so a user's CFLAGS cannot silently drop them.
WARN := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wwrite-strings -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

YAML_CFLAGS   := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS     := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
# Voting from phones (serve/): the HTTP server and the join QR code.
MHD_CFLAGS    := $(shell $(PKG_CONFIG) --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS      := $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd)
QR_CFLAGS     := $(shell $(PKG_CONFIG) --cflags libqrencode 2>/dev/null)
QR_LIBS       := $(shell $(PKG_CONFIG) --libs libqrencode 2>/dev/null || echo -lqrencode)
# Council documents: PDF through cairo + pango, ODT through libzip + libxml2
# (exports/ only). Their headers as system headers: our warnings are ours.
DOCS_PKGS     := cairo pangocairo fontconfig libzip libxml-2.0
DOCS_CFLAGS   := $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(DOCS_PKGS) 2>/dev/null))
DOCS_LIBS     := $(shell $(PKG_CONFIG) --libs $(DOCS_PKGS) 2>/dev/null || \
                   echo -lpangocairo-1.0 -lpango-1.0 -lgobject-2.0 -lglib-2.0 -lcairo -lfontconfig -lzip -lxml2)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

DEFS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
        -DPEIL_VERSION='"$(VERSION)"' \
        -DPEIL_DATADIR='"$(PKGDATADIR)"' \
        -DPEIL_LOCALEDIR='"$(LOCALEDIR)"' \
        -DPEIL_SRCDIR='"$(CURDIR)"'
override CFLAGS  += $(WARN) $(SANFLAGS) $(DEFS) -I. $(YAML_CFLAGS) $(DOCS_CFLAGS) -MMD -MP
override LDFLAGS += $(SANFLAGS)
LIBS := $(YAML_LIBS) $(DOCS_LIBS) -lm -lpthread

ifneq ($(V),1)
Q = @
E = @printf '  %-6s %s\n'
else
E = @true
endif

# The model, scoring and exports never see curses: they form libpeil.a,
# which the unit tests link without ncurses.
LIB_SRC  := $(wildcard core/*.c scoring/*.c exports/*.c)
TUI_SRC  := $(wildcard tui/*.c)
CLI_SRC  := $(wildcard cli/*.c)
SERVE_SRC := $(wildcard serve/*.c)
SERVE_OBJ := $(SERVE_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
PO       := $(wildcard po/*.po)
MO       := $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/peil.mo)

all: $(BUILD)/peil $(MO)

$(BUILD)/libpeil.a: $(LIB_OBJ)
	$(E) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/peil: $(CLI_OBJ) $(TUI_OBJ) $(BUILD)/libserve.a $(BUILD)/libpeil.a
	$(E) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_OBJ) $(BUILD)/libserve.a $(BUILD)/libpeil.a $(CURSES_LIBS) \
		$(MHD_LIBS) $(QR_LIBS) $(LIBS)

# The workshop's HTTP side: the only objects (with cli/) that see the network.
$(BUILD)/libserve.a: $(SERVE_OBJ)
	$(E) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/serve/%.o: serve/%.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(MHD_CFLAGS) $(QR_CFLAGS) -c -o $@ $<

$(BUILD)/tui/%.o: tui/%.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libserve.a $(BUILD)/libpeil.a
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) $(MHD_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libserve.a $(BUILD)/libpeil.a \
		$(CMOCKA_LIBS) $(MHD_LIBS) $(QR_LIBS) $(LIBS)

$(BUILD)/locale/%/LC_MESSAGES/peil.mo: po/%.po
	@mkdir -p $(@D)
	$(E) MSGFMT $<
	$(Q)msgfmt --check -o $@ $<

tests: $(TESTS)

deps:
	@sh scripts/deps.sh build

deps-check:
	@sh scripts/deps.sh check

run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/peil

# Every test, on a build with AddressSanitizer and UndefinedBehaviorSanitizer.
# Both cores unless make was given -j itself. The sanitizer build is -O1
# (the usual choice for ASan: a fifth of -O2's compile time). -Werror holds
# for the -O2 build, whose warnings are the ones developers see; gcc's
# -O1 flow analysis guesses differently and only prints its warnings.
NPROC      = $(shell nproc 2>/dev/null || echo 2)
CHECK_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
SAN_CFLAGS ?= -O1 -g
check: deps-check
	@$(MAKE) --no-print-directory $(CHECK_JOBS) WERROR=1 all
	@$(MAKE) --no-print-directory $(CHECK_JOBS) SAN=1 BUILD=$(BUILD)/san CFLAGS="$(SAN_CFLAGS)" all tests
	@sh tests/run.sh $(BUILD)/san

sanitize:
	@$(MAKE) --no-print-directory SAN=1 BUILD=$(BUILD)/san CFLAGS="$(SAN_CFLAGS)" all tests

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PKGDATADIR)/questionnaires
	install -m 755 $(BUILD)/peil $(DESTDIR)$(BINDIR)/peil
	install -m 644 questionnaires/*.yaml $(DESTDIR)$(PKGDATADIR)/questionnaires/
	if [ -d questionnaires/examples ]; then install -d $(DESTDIR)$(PKGDATADIR)/examples && \
	  install -m 644 questionnaires/examples/*.yaml $(DESTDIR)$(PKGDATADIR)/examples/; fi
	if [ -f doc/peil.1 ]; then install -d $(DESTDIR)$(MANDIR)/man1 && \
	  install -m 644 doc/peil.1 $(DESTDIR)$(MANDIR)/man1/peil.1; fi
	if [ -f scripts/peil.bash-completion ]; then install -d $(DESTDIR)$(BASHCOMPDIR) && \
	  install -m 644 scripts/peil.bash-completion $(DESTDIR)$(BASHCOMPDIR)/peil; fi
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/peil.mo; done

# Removes exactly what install added: questionnaires an administrator put
# next to ours in $(PKGDATADIR) stay (and so does the directory then).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/peil $(DESTDIR)$(MANDIR)/man1/peil.1 $(DESTDIR)$(BASHCOMPDIR)/peil
	for f in questionnaires/*.yaml; do rm -f $(DESTDIR)$(PKGDATADIR)/questionnaires/$${f##*/}; done
	for f in questionnaires/examples/*.yaml; do rm -f $(DESTDIR)$(PKGDATADIR)/examples/$${f##*/}; done
	-rmdir $(DESTDIR)$(PKGDATADIR)/questionnaires $(DESTDIR)$(PKGDATADIR)/examples $(DESTDIR)$(PKGDATADIR) 2>/dev/null
	for po in $(PO); do l=$${po#po/}; l=$${l%.po}; \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/peil.mo; done

# Translations: re-extract every interface string into po/peil.pot and
# merge it into po/*.po; check that none lacks a translation.
update-po:
	@sh scripts/update-po.sh

check-po:
	@sh scripts/check-po.sh

clean:
	rm -rf $(BUILD)

-include bench/bench.mk
-include tests/fuzz/fuzz.mk

.PHONY: all tests deps deps-check run check sanitize install uninstall clean update-po check-po
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
