# plangen — one non-recursive Makefile.
#   make [build=debug|release|sanitize]   builds ./plangen
#   make demo     renders the built-in 2019 plan into output/
#   make check    runs the tests (make check build=sanitize: under ASan+UBSan)
#   make check-deps  checks the includes against the table of tools/check-deps.sh
#   make bench    prints the speed and memory figures
#   make install  [PREFIX=/usr/local] [DESTDIR=]
# Missing Debian packages are installed by tools/deps.sh (as root) or named.

build ?= debug
PREFIX ?= /usr/local
LOCALEDIR ?= $(PREFIX)/share/locale
VERSION := 0.1.0
O := build/$(build)

PKGS := libxml-2.0 pangocairo pangoft2 cairo fontconfig libcrypto libjpeg \
	harfbuzz-subset zlib libdeflate
# Headers only: libcurl is loaded when --tsa asks (generator/finish/tsa.c),
# libqpdf when a PDF is signed (generator/finish/qpdf-api.c), by the
# soname of the one found here.
HEADER_PKGS := libcurl libqpdf
QPDF_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libqpdf)/libqpdf.so 2>/dev/null | \
	awk '$$1 == "SONAME" { print $$2 }')
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

# The fonts plangen draws with: its own (fonts/), then Debian's DejaVu
# Sans for the characters Carlito lacks (Hebrew, Arabic, arrows, symbols),
# when the package is here.  The reader warns of a character none has
# (the table of tools/coverage.sh, made from the same list).
FONTS := $(sort $(wildcard fonts/*.ttf))
FALLBACK_FONTS := $(wildcard /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf)
space := $() $()
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(HEADER_PKGS))
# hb_shape, three of hb_ot_color's and hb_feature_from_string exported:
# Pango's calls reach the word cache, the colour answers and the parsed
# features before HarfBuzz (generator/layout/shape.c).
PKG_LIBS := $(shell pkg-config --libs $(PKGS)) -lhyphen -lm -pthread \
	-Wl,--export-dynamic-symbol=hb_shape \
	-Wl,--export-dynamic-symbol=hb_ot_color_glyph_get_layers \
	-Wl,--export-dynamic-symbol=hb_ot_color_has_png \
	-Wl,--export-dynamic-symbol=hb_ot_color_has_svg \
	-Wl,--export-dynamic-symbol=hb_feature_from_string
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS_$(build)) $(PKG_CFLAGS) \
	-DPLANGEN_VERSION='"$(VERSION)"' -DPLANGEN_DATADIR='"$(PREFIX)/share/plangen"' \
	-DPLANGEN_LOCALEDIR='"$(LOCALEDIR)"' \
	-DPLANGEN_FALLBACK_FONTS='"$(subst $(space),:,$(FALLBACK_FONTS))"' \
	$(if $(QPDF_SONAME),-DQPDF_SONAME='"$(QPDF_SONAME)"') $(CFLAGS)
ALL_LDFLAGS := $(LDFLAGS_$(build)) $(LDFLAGS)

# generator/*.c but main.c: the top-level files that join the stages.
SRC := $(wildcard generator/*/*.c layouts/*.c) \
	$(filter-out generator/main.c,$(wildcard generator/*.c))
OBJ := $(SRC:%.c=$(O)/%.o) $(O)/generator/input/embedded.o $(O)/coverage.o \
	$(O)/generator/finish/icc.o
MAIN := $(O)/generator/main.o
# The message catalogues (po/LANG.po), compiled for every build.
PO := $(wildcard po/*.po)
MO := $(PO:po/%.po=build/locale/%/LC_MESSAGES/plangen.mo)
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_BIN := $(TEST_SRC:%.c=$(O)/%)

.PHONY: all demo check check-deps bench fuzz install clean deps reference-update po
all: plangen

$(O)/plangen: $(MAIN) $(OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

# ./plangen is the binary of the last build asked for, whichever it is.
plangen: $(O)/plangen $(MO) FORCE
	@cmp -s $< $@ || cp $< $@
FORCE:

# main.c names the installed guide and catalogues: rebuilt when PREFIX
# or LOCALEDIR change (make install PREFIX=/opt after a build).
$(O)/prefix.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(PREFIX) $(LOCALEDIR)' | cmp -s - $@ || echo '$(PREFIX) $(LOCALEDIR)' >$@
$(MAIN): $(O)/prefix.stamp

build/locale/%/LC_MESSAGES/plangen.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# make po: the template of the messages from the sources (diag_add's and
# bld_err's formats, pg_tr's texts), merged into each po/LANG.po to
# translate.
po:
	xgettext --from-code=UTF-8 --language=C --keyword= --keyword=pg_tr \
		--keyword=diag_add:6 --keyword=bld_err:3 --keyword=usage_error:1 \
		--no-location --package-name=plangen -o po/plangen.pot \
		generator/main.c generator/watch.c generator/pipeline.c \
		generator/*/*.c layouts/*.c
	for p in $(PO); do msgmerge --quiet --update --backup=none $$p po/plangen.pot; done

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/generator/input/embedded.o: generator/input/embedded.S input/plan.dtd input/avance.dtd input/rendicion.dtd input/plan-2019.xml
	@mkdir -p $(@D)
	$(CC) -c -o $@ $<

ICC := /usr/share/color/icc/sRGB.icc
$(O)/generator/finish/icc.o: generator/finish/icc.S $(ICC)
	@mkdir -p $(@D)
	$(CC) -c -o $@ $<

$(O)/coverage.c: tools/coverage.sh $(FONTS) $(FALLBACK_FONTS)
	@mkdir -p $(@D)
	sh tools/coverage.sh $(FONTS) $(FALLBACK_FONTS) >$@.tmp && mv $@.tmp $@
$(O)/coverage.o: $(O)/coverage.c
	$(CC) $(ALL_CFLAGS) -Igenerator -c -o $@ $<

$(O)/tests/unit/%: tests/unit/%.c tests/unit/check.h $(OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Igenerator -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

demo: plangen
	./plangen --example
	@echo "demo: output/plan-2019.pdf"

check: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
# The tests read the English messages (tests/cli.sh asks for Spanish itself).
check: export LC_ALL = C.UTF-8
check: export LANGUAGE =
check: check-deps plangen $(TEST_BIN)
	@tools/deps.sh test
	@sh tests/check-deps.sh
	@for t in $(TEST_BIN); do echo "== $$t"; $$t || exit 1; done
	@PLANGEN=./plangen sh tests/run.sh
	@PLANGEN=./plangen sh tests/render.sh
	@PLANGEN=./plangen sh tests/reference.sh
	@PLANGEN=./plangen sh tests/avance.sh
	@PLANGEN=./plangen sh tests/rendicion.sh
	@PLANGEN=./plangen sh tests/sign.sh
	@PLANGEN=./plangen sh tests/cli.sh
	@PLANGEN=./plangen sh tests/pdfa.sh

# Rewrites the reference images (tests/reference/*.png) from this build,
# after a change to what the pages look like on purpose: look at them
# before committing them (tests/reference.sh says how they are compared).
reference-update: plangen
	@UPDATE=1 PLANGEN=./plangen sh tests/reference.sh

# The folders' includes point one way (tools/check-deps.sh), and no
# header a device includes reaches Pango (the layout's only).
check-deps:
	@sh tools/check-deps.sh
	@for f in generator/devices/*.c; do \
		if $(CC) $(ALL_CFLAGS) -M $$f | grep -q '/pango/'; then \
			echo "check-deps: $$f reaches Pango's headers"; exit 1; fi; \
	done

# Figures come from the release build, whatever build= says.
bench:
	@tools/deps.sh bench
	@$(MAKE) --no-print-directory build=release build/release/plangen build/release/tests/bench/bench >/dev/null
	@sh tests/bench.sh build/release/plangen
	@build/release/tests/bench/bench

$(O)/tests/bench/bench: tests/bench/bench.c $(OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Igenerator -o $@ $^ $(PKG_LIBS)

# make fuzz [FUZZ_SECONDS=600] [FUZZ_FLAGS=...]: libFuzzer, with clang,
# ASan, UBSan and LeakSanitizer, on the reader then on the whole pipeline
# into the trace (tests/fuzz), plans and progress reports, FUZZ_SECONDS
# each; corpora and crashes under build/fuzz/.  FUZZ_FLAGS go to both
# (-fork=1 -ignore_crashes=1: go on past a known crash).
FUZZ_SECONDS ?= 600
FUZZ_FLAGS ?=
FUZZ := build/fuzz
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined $(PKG_CFLAGS)
FUZZ_READER_OBJ := $(patsubst %.c,$(FUZZ)/%.o,$(wildcard generator/base/*.c generator/model/*.c \
	generator/input/*.c)) $(FUZZ)/generator/input/embedded.o $(FUZZ)/coverage.o
FUZZ_OBJ := $(patsubst %.c,$(FUZZ)/%.o,$(SRC)) $(FUZZ)/generator/input/embedded.o $(FUZZ)/coverage.o \
	$(FUZZ)/generator/finish/icc.o
fuzz:
	@tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ)/fuzz-reader $(FUZZ)/fuzz-pipeline
	sh tests/fuzz/make-seeds.sh $(FUZZ)/seeds
	@mkdir -p $(FUZZ)/corpus-reader $(FUZZ)/corpus-pipeline $(FUZZ)/artifacts
	cd $(FUZZ) && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		./fuzz-reader -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-dict=$(CURDIR)/tests/fuzz/plan.dict -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=artifacts/reader- $(FUZZ_FLAGS) corpus-reader seeds </dev/null
	cd $(FUZZ) && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		./fuzz-pipeline -max_len=65536 -timeout=60 -rss_limit_mb=2048 \
		-dict=$(CURDIR)/tests/fuzz/plan.dict -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=artifacts/pipeline- $(FUZZ_FLAGS) corpus-pipeline seeds </dev/null

$(FUZZ)/%.o: %.c
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<
$(FUZZ)/generator/input/embedded.o: generator/input/embedded.S input/plan.dtd input/avance.dtd input/rendicion.dtd input/plan-2019.xml
	@mkdir -p $(@D)
	clang -c -o $@ $<
$(FUZZ)/generator/finish/icc.o: generator/finish/icc.S $(ICC)
	@mkdir -p $(@D)
	clang -c -o $@ $<
$(FUZZ)/coverage.o: $(O)/coverage.c
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Igenerator -c -o $@ $<
$(FUZZ)/fuzz-reader: tests/fuzz/fuzz-reader.c tests/fuzz/fuzz-files.h $(FUZZ_READER_OBJ)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $(filter-out %.h,$^) $(PKG_LIBS)
$(FUZZ)/fuzz-pipeline: tests/fuzz/fuzz-pipeline.c tests/fuzz/fuzz-files.h $(FUZZ_OBJ)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

# The release build, whatever build= says (and ./plangen is left alone).
install:
	@$(MAKE) --no-print-directory build=release build/release/plangen $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/plangen
	install -m 755 build/release/plangen $(DESTDIR)$(PREFIX)/bin/plangen
	install -m 644 input/plan.dtd input/avance.dtd input/rendicion.dtd input/GUIA.md $(DESTDIR)$(PREFIX)/share/plangen/
	install -d $(DESTDIR)$(PREFIX)/share/plangen/fonts
	install -m 644 fonts/* $(DESTDIR)$(PREFIX)/share/plangen/fonts/
	for m in $(MO); do l=$${m#build/locale/}; \
		install -D -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l; done

clean:
	rm -rf build plangen

-include $(OBJ:.o=.d) $(MAIN:.o=.d) $(FUZZ_OBJ:.o=.d)
