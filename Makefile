# plangen — one non-recursive Makefile.
#   make [build=debug|release|sanitize]   builds ./plangen
#   make demo     renders the built-in 2019 plan into output/
#   make check    runs the tests (make check build=sanitize: under ASan+UBSan)
#   make bench    prints the speed and memory figures
#   make install  [PREFIX=/usr/local] [DESTDIR=]
# Missing Debian packages are installed by tools/deps.sh (as root) or named.

build ?= debug
PREFIX ?= /usr/local
VERSION := 0.1.0
O := build/$(build)

PKGS := libxml-2.0 pangocairo pangoft2 cairo fontconfig libqpdf libcrypto libjpeg
DEPS_OK := $(shell tools/deps.sh build >&2 && echo ok)
ifneq ($(DEPS_OK),ok)
$(error missing build dependencies (see above))
endif

CC ?= cc
WARN := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wformat=2 -Wno-format-nonliteral
CFLAGS_debug := -O1 -g
CFLAGS_release := -O2 -g -DNDEBUG
CFLAGS_sanitize := -O1 -g -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
LDFLAGS_sanitize := -fsanitize=address,undefined
ifeq ($(filter $(build),debug release sanitize),)
$(error build must be debug, release or sanitize)
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS)) -lhyphen -pthread
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS_$(build)) $(PKG_CFLAGS) \
	-DPLANGEN_VERSION='"$(VERSION)"' $(CFLAGS)
ALL_LDFLAGS := $(LDFLAGS_$(build)) $(LDFLAGS)

SRC := $(wildcard generator/*/*.c layouts/*.c)
OBJ := $(SRC:%.c=$(O)/%.o) $(O)/generator/input/embedded.o
MAIN := $(O)/generator/main.o
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_BIN := $(TEST_SRC:%.c=$(O)/%)

.PHONY: all demo check bench fuzz install clean deps
all: plangen

$(O)/plangen: $(MAIN) $(OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

# ./plangen is the binary of the last build asked for, whichever it is.
plangen: $(O)/plangen FORCE
	@cmp -s $< $@ || cp $< $@
FORCE:

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/generator/input/embedded.o: generator/input/embedded.S input/plan.dtd input/plan-2019.xml
	@mkdir -p $(@D)
	$(CC) -c -o $@ $<

$(O)/tests/unit/%: tests/unit/%.c tests/unit/check.h $(OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Igenerator -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

demo: plangen
	./plangen
	@echo "demo: output/plan-2019.pdf"

check: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
check: plangen $(TEST_BIN)
	@tools/deps.sh test
	@for t in $(TEST_BIN); do echo "== $$t"; $$t || exit 1; done
	@PLANGEN=./plangen sh tests/run.sh
	@PLANGEN=./plangen sh tests/render.sh
	@PLANGEN=./plangen sh tests/sign.sh

# Figures come from the release build, whatever build= says.
bench:
	@$(MAKE) --no-print-directory build=release build/release/plangen build/release/tests/bench/bench >/dev/null
	@sh tests/bench.sh build/release/plangen
	@build/release/tests/bench/bench

$(O)/tests/bench/bench: tests/bench/bench.c $(OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Igenerator -o $@ $^ $(PKG_LIBS)

# make fuzz [FUZZ_SECONDS=600]: libFuzzer on the reader (tests/fuzz), with
# clang, ASan and UBSan; new corpus and crashes under build/fuzz/.
FUZZ_SECONDS ?= 600
FUZZ := build/fuzz
fuzz:
	@tools/deps.sh fuzz
	@mkdir -p $(FUZZ)/corpus $(FUZZ)/artifacts
	clang -c -o $(FUZZ)/embedded.o generator/input/embedded.S
	clang -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		generator/base/*.c generator/input/*.c $(FUZZ)/embedded.o \
		tests/fuzz/fuzz-reader.c $(shell pkg-config --cflags --libs libxml-2.0 cairo libjpeg) \
		-o $(FUZZ)/fuzz-reader
	sh tests/fuzz/make-seeds.sh $(FUZZ)/seeds
	cd $(FUZZ) && ./fuzz-reader -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-dict=$(CURDIR)/tests/fuzz/plan.dict -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=artifacts/ corpus seeds </dev/null

install: plangen
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/plangen
	install -m 755 plangen $(DESTDIR)$(PREFIX)/bin/plangen
	install -m 644 input/plan.dtd input/GUIA.md $(DESTDIR)$(PREFIX)/share/plangen/
	install -d $(DESTDIR)$(PREFIX)/share/plangen/fonts
	install -m 644 fonts/* $(DESTDIR)$(PREFIX)/share/plangen/fonts/

clean:
	rm -rf build plangen

-include $(OBJ:.o=.d) $(MAIN:.o=.d)
