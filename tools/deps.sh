#!/bin/sh
# deps.sh [build|test|bench|fuzz] — makes sure the Debian packages plangen
# needs are here (default: build's, make included, so that it can run
# before make exists: the README's first command): installs the missing
# ones when run as root, otherwise prints the apt-get line to run as root
# and fails.  Quiet when nothing is missing.
set -u
need=""
# add PKG: once, however many commands or files it brings.
add() { case " $need " in *" $1 "*) ;; *) need="$need $1" ;; esac; }
want_pc() { pkg-config --exists "$1" 2>/dev/null || add "$2"; }
want_cmd() { command -v "$1" >/dev/null 2>&1 || add "$2"; }

want_cmd cc gcc
want_file() { [ -e "$1" ] || add "$2"; }
# gcc without its recommends (--no-install-recommends) has no C library headers.
want_file /usr/include/stdio.h libc6-dev
want_cmd pkg-config pkg-config
want_cmd make make
# The soname of libqpdf, loaded when a PDF is signed (the Makefile).
want_cmd objdump binutils
want_cmd msgfmt gettext
if command -v pkg-config >/dev/null 2>&1; then
	want_pc libxml-2.0 libxml2-dev
	want_pc pangocairo libpango1.0-dev
	want_pc cairo libcairo2-dev
	# Headers, and the soname of the library loaded when a PDF is signed.
	want_pc libqpdf libqpdf-dev
	want_pc libcrypto libssl-dev
	want_pc libjpeg libjpeg-dev
	# The visible signature's font subset (hb-subset), its deflate; the
	# timestamp authority's HTTP (libcurl, on OpenSSL as the rest: its
	# headers; libcurl.so.4 is loaded when --tsa asks, generator/finish/tsa.c).
	want_pc harfbuzz-subset libharfbuzz-dev
	want_pc zlib zlib1g-dev
	# The PDF's streams: deflated whole, faster than zlib (base/pdfw.c).
	want_pc libdeflate libdeflate-dev
	want_pc libcurl libcurl4-openssl-dev
else
	for p in libxml2-dev libpango1.0-dev libcairo2-dev libqpdf-dev libssl-dev libjpeg-dev \
		 libharfbuzz-dev zlib1g-dev libdeflate-dev libcurl4-openssl-dev; do
		add $p
	done
fi
want_file /usr/include/hyphen.h libhyphen-dev
want_file /usr/share/hyphen/hyph_es_ES.dic hyphen-es
want_file /usr/share/hyphen/hyph_en_US.dic hyphen-en-us
# The fallback font for what Carlito lacks, and fc-query, which reads the
# fonts' character maps at build time (tools/coverage.sh).
want_file /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
want_cmd fc-query fontconfig
# The sRGB profile of the PDF/A output intent, built into the binary.
want_file /usr/share/color/icc/sRGB.icc icc-profiles-free
if [ "${1:-build}" = test ]; then
	want_cmd pdftotext poppler-utils
	want_cmd pdfsig poppler-utils
	want_cmd pdfdetach poppler-utils
	want_cmd qpdf qpdf
	want_cmd openssl openssl
	want_cmd xmllint libxml2-utils
	# The tests' perl scripts use JSON::PP, which perl-base lacks.
	perl -MJSON::PP -e1 2>/dev/null || add perl
	# The Spanish messages are tested under es_SV.UTF-8 (generated below).
	want_file /usr/share/i18n/locales/es_SV locales
	want_cmd localedef locales
fi
if [ "${1:-build}" = bench ]; then
	want_file /usr/bin/time time
	perl -e1 2>/dev/null || add perl
fi
if [ "${1:-build}" = fuzz ]; then
	want_cmd clang clang
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
		add libclang-rt-14-dev
fi
# test: the locale es_SV.UTF-8, made from the locales package's sources.
have_locale() { locale -a 2>/dev/null | grep -qi '^es_SV\.utf-\?8$'; }
make_locale() {
	[ "${1:-build}" != test ] || have_locale ||
		{ echo "plangen: generating the locale es_SV.UTF-8" >&2 &&
		  localedef -i es_SV -c -f UTF-8 es_SV.UTF-8; } || have_locale
}
if [ -n "$need" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "plangen: installing$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq --no-install-recommends $need; } >&2 || exit 1
	need=""
fi
if [ -n "$need" ]; then
	echo "plangen: missing packages; as root, run: apt-get install$need" >&2
	exit 1
fi
[ "${1:-build}" != test ] || have_locale || [ "$(id -u)" = 0 ] ||
	{ echo "plangen: missing the locale es_SV.UTF-8; as root, run: localedef -i es_SV -c -f UTF-8 es_SV.UTF-8" >&2; exit 1; }
make_locale "${1:-build}"
