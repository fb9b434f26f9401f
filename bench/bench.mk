# make bench: peil's benchmark suite (not part of `make check`).
# Included by the Makefile.  Runs against $(BUILD)/peil, built with the
# default optimised CFLAGS (do not combine with SAN=1).
#
#   make bench                     10,000 generated response files
#   make bench BENCH_N=1000        a smaller corpus
#   make bench BENCH_TUI=0         without the terminal measurements
BENCH_N    ?= 10000
BENCH_SEED ?= 1
BENCH_REPEAT ?= 3
BENCH_TUI  ?= 1
BENCH_DIR  := $(BUILD)/bench

$(BENCH_DIR)/floor: bench/floor.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) -O2 -std=c11 -D_DEFAULT_SOURCE $(YAML_CFLAGS) -o $@ $< $(YAML_LIBS)

# dialog is the comparison for the TUI figures; python3-yaml for the
# PyYAML script; time (GNU) measures peak memory. Installed here only,
# never by scripts/deps.sh.
bench-deps:
	@for p in dialog python3-yaml time; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' && continue; \
	  echo "bench: installing $$p"; \
	  if [ "$$(id -u)" -eq 0 ]; then s=""; else s="sudo"; fi; \
	  DEBIAN_FRONTEND=noninteractive $$s apt-get install -y --no-install-recommends $$p >/dev/null 2>&1 || \
	  { $$s apt-get update >/dev/null 2>&1 && \
	    DEBIAN_FRONTEND=noninteractive $$s apt-get install -y --no-install-recommends $$p >/dev/null 2>&1; } || \
	  echo "bench: could not install $$p; its figures are skipped"; \
	done

# Voting from phones: 300 phones against peil's server and a do-nothing
# libmicrohttpd handler, side by side (bench/serve_bench.c).
BENCH_PHONES ?= 300
$(BENCH_DIR)/serve_bench: bench/serve_bench.c $(BUILD)/libserve.a $(BUILD)/libpeil.a
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(MHD_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libserve.a $(BUILD)/libpeil.a \
		$(MHD_LIBS) $(QR_LIBS) $(LIBS)

bench-serve: $(BENCH_DIR)/serve_bench
	$(Q)$(BENCH_DIR)/serve_bench tests/fixtures/valid/library.yaml $(BENCH_PHONES) | tee $(BENCH_DIR)/serve.txt

bench: all $(BENCH_DIR)/floor $(BENCH_DIR)/serve_bench bench-deps
	$(Q)python3 bench/run.py --peil $(BUILD)/peil --floor $(BENCH_DIR)/floor \
	  --corpus $(BENCH_DIR)/corpus-$(BENCH_N)-$(BENCH_SEED) -n $(BENCH_N) --seed $(BENCH_SEED) \
	  --repeat $(BENCH_REPEAT) $(if $(filter 0,$(BENCH_TUI)),--no-tui) | tee $(BENCH_DIR)/results.txt
	$(Q)$(BENCH_DIR)/serve_bench tests/fixtures/valid/library.yaml $(BENCH_PHONES) | tee $(BENCH_DIR)/serve.txt
	$(Q)$(if $(filter 0,$(BENCH_TUI)),true,python3 bench/note_measure.py --peil $(BUILD)/peil | tee $(BENCH_DIR)/note.txt)

# The note editor at the loader's limits (issue 13.2/13.14): opening an
# answer with 100,000 evidence items, a 20,000-character paste, SIGTERM.
bench-note: all
	@mkdir -p $(BENCH_DIR)
	$(Q)python3 bench/note_measure.py --peil $(BUILD)/peil | tee $(BENCH_DIR)/note.txt

.PHONY: bench bench-deps bench-serve bench-note
