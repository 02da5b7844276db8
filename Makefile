# interleave - build, run, test, bench, fuzz, install.
#
#   make          build ./interleave (objects under build/)
#   make run      build and start the main thing
#   make test     build with AddressSanitizer + UBSan and run every test
#   make bench    speed figures, as ratios against python3 in the same run
#   make pgo      ./interleave built with profile feedback (a training run of
#                 the bench programs between two builds): ~20% faster bytecode
#   make fuzz     run the parser/compiler fuzz target (needs clang)
#   make install  the binary, the man page, the scenarios (the challenges too)
#                 and LESSONS.md
#                 (PREFIX=/usr/local, DESTDIR= for staging); make uninstall

CC      ?= cc
PKGS    := ncursesw libedit
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -D_GNU_SOURCE
DEPFL   := -MMD -MP
OPT     ?= -O2 -g
SAN     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
# The program looks for its lessons and scenarios in <its dir>/../share/interleave.
DATADIR ?= $(PREFIX)/share/interleave
INSTALL ?= install
# The binary make install copies (the install test passes its sanitizer build).
INSTALL_BIN ?= interleave
FUZZ_TIME ?= 300

# Evaluated lazily (=), after build/deps.ok has installed what is missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# sim/py/*.py (the simulated library's Python parts) are compiled into the
# binary as C strings.
PY_SRC  := $(sort $(wildcard sim/py/*.py))
GEN_SRC := build/gen/pysrc.c
# sim/ is layered (README, Layout): base, core, lang, sched, lib, and the
# front door in sim/ itself.  Its files include each other by name.
SIM_LAYERS := base core lang sched lib
SIM_INC := -Isim $(addprefix -Isim/,$(SIM_LAYERS))
SIM_SRC := $(wildcard sim/*.c $(addsuffix /*.c,$(addprefix sim/,$(SIM_LAYERS)))) $(GEN_SRC)
UI_SRC  := $(wildcard ui/*.c)
SRC     := $(SIM_SRC) $(UI_SRC)
# the release objects' directory (make pgo builds in build/pgo)
REL     ?= build/rel
OBJ     := $(patsubst %.c,$(REL)/%.o,$(patsubst build/%,%,$(SRC)))
SAN_OBJ := $(patsubst %.c,build/san/%.o,$(patsubst build/%,%,$(SRC)))
SIM_SAN_OBJ := $(patsubst %.c,build/san/%.o,$(patsubst build/%,%,$(SIM_SRC)))
UNIT_SRC := $(wildcard tests/unit/*.c)
# the parts of ui/ that need no terminal, tested in-process
UI_PURE_SAN_OBJ := build/san/ui/tl_index.o build/san/ui/tui_layout.o

.PHONY: all run test sweep bench pgo fuzz clean install uninstall deps

all: interleave

# ---- dependencies: ncursesw and libedit through pkg-config ----
deps: build/deps.ok
build/deps.ok:
	@mkdir -p build
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $(PKGS); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "interleave: installing libncurses-dev libedit-dev pkg-config (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libncurses-dev libedit-dev pkg-config >/dev/null || exit 1; \
	else \
	  echo "interleave needs the ncursesw and libedit development files. Install them with:"; \
	  echo "  sudo apt-get install libncurses-dev libedit-dev pkg-config"; \
	  exit 1; \
	fi
	@touch $@

# `make test` also drives the REPL and the UI in a real terminal (tmux),
# lints the man page (groff), and compares the simulated trio and gevent
# with the real ones under Debian's python3 (python3-trio, python3-gevent).
build/testdeps.ok: build/deps.ok
	@missing=""; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v groff >/dev/null 2>&1 || missing="$$missing groff-base"; \
	if [ -x /usr/bin/python3 ]; then \
	  /usr/bin/python3 -c "import trio" >/dev/null 2>&1 || missing="$$missing python3-trio"; \
	  /usr/bin/python3 -c "import gevent" >/dev/null 2>&1 || missing="$$missing python3-gevent"; \
	fi; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "interleave: installing$$missing for the tests (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	else \
	  echo "make test drives the REPL and the UI in tmux, lints the man page with groff and compares trio and gevent with the real ones. Install them with:"; \
	  echo "  sudo apt-get install$$missing"; \
	  exit 1; \
	fi
	@touch $@

$(GEN_SRC): $(PY_SRC) Makefile
	@mkdir -p build/gen
	@{ echo '/* generated from the files in sim/py by the Makefile: do not edit */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const char *const py_sources[][2];'; \
	  echo 'const char *const py_sources[][2] = {'; \
	  for f in $(PY_SRC); do \
	    printf '{"%s",\n' "$$(basename $$f .py)"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    echo '},'; \
	  done; \
	  echo '{NULL, NULL}};'; } > $@.tmp && mv $@.tmp $@

# The library's Python parts compiled at build time, as C data (frozen
# modules, sim/lang/freeze.c): sim/tool/freeze.c, linked from the same sim/
# objects as the program, compiles them with its compiler.
$(REL)/freeze: $(patsubst %.c,$(REL)/%.o,$(patsubst build/%,%,$(SIM_SRC))) $(REL)/sim/tool/freeze.o
	$(CC) $(OPT) -o $@ $^ -lm
$(REL)/gen/pyfrozen.c: $(REL)/freeze
	@mkdir -p $(dir $@)
	$(REL)/freeze > $@.tmp && mv $@.tmp $@
$(REL)/gen/pyfrozen.o: $(REL)/gen/pyfrozen.c
	$(CC) $(WARN) $(OPT) -c $< -o $@

# ---- release build ----
interleave: $(OBJ) $(REL)/gen/pyfrozen.o
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) -lm

$(REL)/%.o: %.c build/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEPFL) $(OPT) $(SIM_INC) $(PKG_CFLAGS) -c $< -o $@

$(REL)/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -c $< -o $@

# ---- profile-guided build ----
# GCC lays out vm_run's ~90 op bodies and keeps its hot state in registers
# much better when it knows which ops run: the countdown loop runs about
# 20% faster.  It costs a second build and a training run (the bench
# programs, tests/bench.py --train).  The profile is made in build/pgo and
# used there; a later plain `make` relinks from build/rel when a source
# changes.
# (Instrumented code trips GCC's maybe-uninitialized guesses that the
# plain build, which keeps them as errors, does not.)
PGO_GEN := -fprofile-generate -fprofile-update=single -Wno-maybe-uninitialized
PGO_USE := -fprofile-use -fprofile-partial-training -Wno-missing-profile -Wno-maybe-uninitialized
pgo: build/deps.ok $(GEN_SRC)
	@rm -rf build/pgo
	$(MAKE) --no-print-directory REL=build/pgo OPT="$(OPT) $(PGO_GEN)" build/pgo/interleave-gen
	python3 tests/bench.py --train --bin build/pgo/interleave-gen
	@find build/pgo -name '*.o' -delete
	$(MAKE) --no-print-directory REL=build/pgo OPT="$(OPT) $(PGO_USE)" build/pgo/interleave-use
	cp build/pgo/interleave-use interleave

build/pgo/interleave-gen build/pgo/interleave-use: $(OBJ) $(REL)/gen/pyfrozen.o
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS) -lm

# ---- sanitizer build for the tests ----
build/san/interleave: $(SAN_OBJ) build/san/gen/pyfrozen.o
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lm

build/san/freeze: $(SIM_SAN_OBJ) build/san/sim/tool/freeze.o
	$(CC) $(SAN) -o $@ $^ -lm
build/san/gen/pyfrozen.c: build/san/freeze
	@mkdir -p $(dir $@)
	build/san/freeze > $@.tmp && mv $@.tmp $@
build/san/gen/pyfrozen.o: build/san/gen/pyfrozen.c
	$(CC) $(WARN) $(SAN) -c $< -o $@

build/san/%.o: %.c build/deps.ok
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEPFL) $(SAN) $(SIM_INC) $(PKG_CFLAGS) -c $< -o $@

build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(SAN) -c $< -o $@

build/san/unit_tests: $(UNIT_SRC) tests/unit/check.h $(SIM_SAN_OBJ) $(UI_PURE_SAN_OBJ)
	$(CC) $(WARN) $(SAN) $(SIM_INC) -o $@ $(UNIT_SRC) $(SIM_SAN_OBJ) $(UI_PURE_SAN_OBJ) -lm

# The first build compiles about 80 files: say so before the compiler lines.
run:
	@$(MAKE) -q interleave 2>/dev/null || echo "interleave: building the program first (about a minute on 2 cores the first time, then only what changed)..."
	@$(MAKE) --no-print-directory interleave
	@./tests/run_main.sh

test: build/testdeps.ok build/san/interleave build/san/unit_tests
	@python3 tests/run.py --bin build/san/interleave --unit build/san/unit_tests

# every native callable with odd arguments, under ASan and UBSan
# (tests/families/sweep.py): part of make test; this runs it alone
sweep: build/testdeps.ok build/san/interleave
	@python3 tests/run.py --bin build/san/interleave -k sweep/

bench: interleave
	@python3 tests/bench.py --bin ./interleave

fuzz: build/deps.ok $(GEN_SRC)
	@if ! command -v clang >/dev/null 2>&1; then echo "make fuzz needs clang (apt-get install clang)"; exit 1; fi
	@mkdir -p build/fuzz tests/fuzz/corpus tests/fuzz/crashes
	@# UBSan findings abort (and are saved as crashes) like ASan's
	clang $(WARN) $(SIM_INC) -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o build/fuzz/fuzz_load tests/fuzz/fuzz_load.c $(SIM_SRC) -lm
	@# seeds: every corpus of programs, read in place; new inputs go to tests/fuzz/corpus
	build/fuzz/fuzz_load -max_total_time=$(FUZZ_TIME) -max_len=4096 -timeout=10 -dict=tests/fuzz/python.dict \
	  -print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/ tests/fuzz/corpus tests/parity tests/errors \
	  scenarios tests/trio tests/gevent tests/golden

# DESTDIR stages the tree (packaging, tests); the installed program finds
# its data relative to itself, so a staged tree works where it lies.
install: $(INSTALL_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/scenarios \
	  $(DESTDIR)$(DATADIR)/scenarios/challenges
	$(INSTALL) -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/interleave
	$(INSTALL) -m 644 docs/interleave.1 $(DESTDIR)$(MANDIR)/man1/interleave.1
	$(INSTALL) -m 644 LESSONS.md $(DESTDIR)$(DATADIR)/LESSONS.md
	$(INSTALL) -m 644 scenarios/*.py $(DESTDIR)$(DATADIR)/scenarios/
	$(INSTALL) -m 644 scenarios/challenges/*.py $(DESTDIR)$(DATADIR)/scenarios/challenges/

# Removes only what install puts there (and the data directories if they
# are then empty).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/interleave $(DESTDIR)$(MANDIR)/man1/interleave.1
	rm -f $(DESTDIR)$(DATADIR)/LESSONS.md $(DESTDIR)$(DATADIR)/scenarios/*.py
	rm -f $(DESTDIR)$(DATADIR)/scenarios/challenges/*.py
	rmdir $(DESTDIR)$(DATADIR)/scenarios/challenges $(DESTDIR)$(DATADIR)/scenarios $(DESTDIR)$(DATADIR) 2>/dev/null || true

clean:
	rm -rf build interleave

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(REL)/sim/tool/freeze.d build/san/sim/tool/freeze.d
