# libFuzzer targets (clang): `make fuzz` runs each for FUZZ_SECONDS and fails
# on any finding (crash, leak, undefined behaviour, timeout, out of memory).
# Included by the Makefile; everything here lives under $(BUILD)/fuzz.
#   make fuzz FUZZ_SECONDS=60       what CI runs
#   make fuzz-build                 only build the targets
#   make fuzz-corpus                refresh the seed corpus from the fixtures
# New inputs found go to $(BUILD)/fuzz/work/<target>; crashes to
# $(BUILD)/fuzz/artifacts/. The seed corpus tests/fuzz/corpus/ is committed.

FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN) $(WARN) $(DEFS) -I. $(YAML_CFLAGS) $(DOCS_CFLAGS)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_DIR)/%.o)
# fuzz_export joins in once the exporters implement export_write().
FUZZ_TARGETS := fuzz_questionnaire fuzz_response fuzz_builders \
                $(if $(shell grep -ls '^bool export_write' exports/*.c 2>/dev/null),fuzz_export)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)
FUZZ_OPTS    := -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
                -dict=tests/fuzz/yaml.dict

$(FUZZ_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(E) FUZZCC $<
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/libpeil-fuzz.a: $(FUZZ_LIB_OBJ)
	$(E) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_DIR)/libpeil-fuzz.a
	$(E) FUZZLD $@
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_DIR)/libpeil-fuzz.a $(LIBS)

fuzz-build: $(FUZZ_BINS)

# Runs every target even after a finding, then fails if any found one.
fuzz: fuzz-build
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/work/$$t $(FUZZ_DIR)/artifacts; \
	  echo "  FUZZ   $$t for $(FUZZ_SECONDS) s"; \
	  if ! LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ./$(FUZZ_DIR)/$$t $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	       -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- \
	       $(FUZZ_DIR)/work/$$t tests/fuzz/corpus/$$t >$(FUZZ_DIR)/$$t.log 2>&1; then \
	    failed="$$failed $$t"; tail -n 60 $(FUZZ_DIR)/$$t.log; \
	  fi; \
	  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' $(FUZZ_DIR)/$$t.log | sed "s/^/         $$t /"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in:$$failed (see $(FUZZ_DIR)/artifacts/)"; exit 1; fi

# Seeds: every YAML fixture, sorted by its first key into the target that reads it.
fuzz-corpus:
	@for f in $$(find tests/fixtures ../shared/checks/cases -name '*.yaml' 2>/dev/null); do \
	  n=$$(printf '%s' "$$f" | sed 's,^\.\./,,' | tr '/' '_'); \
	  if grep -q '^peil-responses:' "$$f"; then \
	    for t in fuzz_response fuzz_export; do mkdir -p tests/fuzz/corpus/$$t; cp "$$f" tests/fuzz/corpus/$$t/$$n; done; \
	  else mkdir -p tests/fuzz/corpus/fuzz_questionnaire; cp "$$f" tests/fuzz/corpus/fuzz_questionnaire/$$n; fi; \
	done; ls tests/fuzz/corpus/* | wc -l

.PHONY: fuzz fuzz-build fuzz-corpus
