#!/bin/sh
# render.sh — the rendering tests, with tools plangen did not write:
# pdfinfo, pdffonts, pdftotext (poppler) and qpdf.
#   - the built-in 2019 plan renders: valid PDF (qpdf --check), every
#     font embedded, portrait and landscape pages, its metadata, an
#     outline entry per section and per POA, the Contenido's links;
#   - its text holds every paragraph, item and matrix cell of the XML;
#   - bad input writes nothing and keeps an existing file; a full disk
#     is exit 3 with the previous file intact; png, svg and trace work.
set -u
P=${PLANGEN:-./plangen}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 total=0
ok() { total=$((total + 1)); }
fail() { total=$((total + 1)); echo "FAIL: $*"; fails=$((fails + 1)); }
check() { if eval "$2"; then ok; else fail "$1"; fi; }

pdf=$tmp/plan.pdf
"$P" -o "$pdf" 2>"$tmp/err"
check "render the built-in plan" '[ $? = 0 ] && [ ! -s "$tmp/err" ] && [ -s "$pdf" ]'
check "qpdf --check" 'qpdf --check "$pdf" >/dev/null 2>&1'
pdffonts "$pdf" | tail -n +3 >"$tmp/fonts"
check "fonts embedded" '[ -s "$tmp/fonts" ] && ! awk "{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit !bad }" "$tmp/fonts"'
pdfinfo -f 1 -l 999 "$pdf" >"$tmp/info"
check "portrait pages" 'grep -q "size: *612 x 792" "$tmp/info"'
check "landscape pages" 'grep -q "size: *792 x 612" "$tmp/info"'
check "title" 'grep -q "^Title: *Plan de Acción 2019" "$tmp/info"'
check "author" 'grep -q "^Author: *COAMSS/OPAMSS" "$tmp/info"'
check "creation date from the document" 'grep -q "^CreationDate: .*2018" "$tmp/info"'
qpdf --json "$pdf" >"$tmp/json" 2>/dev/null
check "contents links" '[ "$(grep -c "\"/Subtype\": \"/Link\"" "$tmp/json")" -ge 9 ]'
check "outline: sections and POAs" '[ "$(grep -c "\"/Title\"" "$tmp/json")" -ge 19 ]'
pdftotext "$pdf" "$tmp/plan.txt"
if perl "$here/content.pl" input/plan-2019.xml "$tmp/plan.txt" >"$tmp/content"; then ok; else
	fail "content"; cat "$tmp/content"; fi
big=$(grep -c -F '$ 2,332,273.00' "$tmp/plan.txt")
zero=$(grep -c -x -E '[$] ?-' "$tmp/plan.txt")
check "amounts as printed" '[ "$big" -ge 1 ] && [ "$zero" -ge 1 ]'

# Two runs, the same text (the dates come from the document).
"$P" -o "$tmp/again.pdf" && pdftotext "$tmp/again.pdf" "$tmp/again.txt"
pdfinfo "$tmp/again.pdf" | grep -v "^File size" >"$tmp/i2"; pdfinfo "$pdf" | grep -v "^File size" >"$tmp/i1"
check "reproducible" 'cmp -s "$tmp/plan.txt" "$tmp/again.txt" && cmp -s "$tmp/i1" "$tmp/i2"'

# Bad input: exit 1, nothing written, an existing file kept.
echo keep >"$tmp/old.pdf"
"$P" "$here/bad/15-month-out-of-range.xml" -o "$tmp/old.pdf" 2>/dev/null
check "bad input keeps the old file" '[ $? = 1 ] && [ "$(cat "$tmp/old.pdf")" = keep ]'
"$P" "$here/bad/15-month-out-of-range.xml" -o "$tmp/new.pdf" 2>/dev/null
check "bad input writes nothing" '[ ! -e "$tmp/new.pdf" ] && [ -z "$(ls "$tmp" | grep "new.pdf.")" ]'
# A full disk: exit 3.
if [ -w /dev/full ]; then
	"$P" -o /dev/full 2>"$tmp/err"
	check "full disk" '[ $? = 3 ] && grep -q "/dev/full: error: cannot write" "$tmp/err"'
	"$P" -f trace -o /dev/full 2>"$tmp/err"
	check "full disk (trace)" '[ $? = 3 ] && grep -q "/dev/full: error: cannot write" "$tmp/err"'
	"$P" -f trace -o - >/dev/full 2>"$tmp/err"
	check "full disk (standard output)" '[ $? = 3 ] && grep -q "error: cannot write" "$tmp/err"'
fi
# An output folder that does not exist, or that may not be written
# (chmod 555, which root ignores; and /sys, read-only for root too), an
# output path that is a directory: exit 3, named, nothing left behind.
"$P" -o "$tmp/no/such/dir.pdf" 2>"$tmp/err"
check "missing output folder" '[ $? = 3 ] && grep -q "dir.pdf: error: cannot write: No such file" "$tmp/err"'
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	"$P" -o "$tmp/ro/plan.pdf" 2>"$tmp/err"
	check "unwritable folder" '[ $? = 3 ] && grep -q "plan.pdf: error: cannot write: Permission denied" "$tmp/err" && [ -z "$(ls -A "$tmp/ro")" ]'
fi
if [ -d /sys ] && ! (: >/sys/plangen-test.pdf) 2>/dev/null; then
	"$P" -o /sys/plangen-test.pdf 2>"$tmp/err"
	check "read-only folder" '[ $? = 3 ] && grep -q "^/sys/plangen-test.pdf: error: cannot write: Permission denied" "$tmp/err"'
fi
mkdir "$tmp/dir.pdf"
"$P" -o "$tmp/dir.pdf" 2>"$tmp/err"
check "output is a directory" '[ $? = 3 ] && grep -q "dir.pdf: error: is a directory" "$tmp/err" && [ -d "$tmp/dir.pdf" ] && [ -z "$(ls -A "$tmp/dir.pdf")" ]'
"$P" -f trace -o "$tmp/dir.pdf" 2>/dev/null
check "output is a directory (trace)" '[ $? = 3 ] && [ -z "$(ls -A "$tmp/dir.pdf")" ]'
check "no temporary files" '[ -z "$(ls -a "$tmp" | grep "\.pdf\.")" ]'

# An interrupted run: SIGINT, SIGTERM or SIGHUP while a large plan is
# laid out (once its temporary file exists) ends it by that signal (the
# shell sees 128+n), with the previous file intact and no temporary file
# left.  perl restores the default actions that a background job of a
# non-interactive shell starts without (SIGINT ignored).
perl "$here/make-big-plan.pl" 3 >"$tmp/big.xml"
for run in "INT 2 pdf" "TERM 15 pdf" "HUP 1 pdf" "TERM 15 trace"; do
	set -- $run
	sig=$1 num=$2 fmt=$3
	echo keep >"$tmp/sig.out"
	perl -e '$SIG{$_} = "DEFAULT" for qw(INT TERM HUP); exec @ARGV' \
		"$P" "$tmp/big.xml" -f "$fmt" -o "$tmp/sig.out" 2>/dev/null &
	pid=$!
	n=0
	while [ -z "$(ls "$tmp" | grep '^sig\.out\.')" ] && [ $n -lt 600 ]; do
		sleep 0.1; n=$((n + 1))
	done
	sleep 0.3
	kill -s "$sig" $pid
	wait $pid 2>/dev/null
	st=$?
	check "SIG$sig during a $fmt render: exit $st, old file kept, no temporary file" \
		'[ $st = $((128 + num)) ] && [ "$(cat "$tmp/sig.out")" = keep ] &&
		 [ -z "$(ls "$tmp" | grep "^sig\.out\.")" ]'
done

# The other devices.
"$P" -f trace -o "$tmp/plan.trace"
check "trace" '[ $? = 0 ] && grep -q "^page 1 612.00 792.00" "$tmp/plan.trace"'
if perl "$here/invariants.pl" "$tmp/plan.trace" >"$tmp/inv"; then ok; else
	fail "layout invariants"; cat "$tmp/inv"; fi
"$P" "$here/valid/minimal.xml" -f png -o "$tmp/min.png"
check "png" '[ $? = 0 ] && [ -s "$tmp/min-1.png" ] && [ -s "$tmp/min-3.png" ]'
"$P" "$here/valid/minimal.xml" -f svg -o "$tmp/min.svg"
check "svg" '[ $? = 0 ] && grep -q "<svg" "$tmp/min-1.svg"'
# Extreme content: a 3,000-word cell (a row taller than a page), 200
# activities under one result, a one-word plan.  Each renders, passes
# the invariants, and loses no word.
words=$(i=0; while [ $i -lt 3000 ]; do printf 'uno '; i=$((i + 1)); done)
sed "s|<texto>Apoyar a las comisiones.</texto>|<texto>$words</texto>|" \
	"$here/valid/minimal.xml" >"$tmp/x-long-cell.xml"
awk '/<actividad id="uj-o1-r1-i1-a1"/ { grab = 1 } grab { buf = buf $0 "\n" }
	/<\/actividad>/ && grab { grab = 0; for (i = 1; i <= 200; i++) { b = buf;
		gsub(/uj-o1-r1-i1-a1/, "uj-o1-r1-i1-a" i, b); printf "%s", b }; next }
	!grab { print }' "$here/valid/minimal.xml" >"$tmp/x-200-activities.xml"
sed 's|>[^<>]*[^<> ][^<>]*</\(texto\|p\|titulo\|responsable\|verificacion\|linea\|objetivo\|riesgo-institucional\)>|>Uno</\1>|' \
	"$here/valid/minimal.xml" >"$tmp/x-one-word.xml"
for x in long-cell 200-activities one-word; do
	"$P" "$tmp/x-$x.xml" -o "$tmp/x.pdf" 2>"$tmp/err" &&
		"$P" "$tmp/x-$x.xml" -f trace -o "$tmp/x.trace" 2>>"$tmp/err"
	check "extreme $x renders" '[ $? = 0 ] && qpdf --check "$tmp/x.pdf" >/dev/null 2>&1'
	if perl "$here/invariants.pl" "$tmp/x.trace" >"$tmp/inv"; then ok; else
		fail "extreme $x: invariants"; cat "$tmp/inv"; fi
done
"$P" "$tmp/x-long-cell.xml" -o "$tmp/x.pdf" && pdftotext "$tmp/x.pdf" "$tmp/x.txt"
n=$(grep -o '\buno\b' "$tmp/x.txt" | wc -l)
check "a 3,000-word cell keeps every word ($n)" '[ "$n" = 3000 ]'
"$P" "$tmp/x-200-activities.xml" -f trace -o "$tmp/x.trace"
n=$(grep -c '"A.1 Apoyar a las comisiones."' "$tmp/x.trace")
check "200 activities in one result ($n)" '[ "$n" = 200 ]'

# Sections nested 12 deep, then siblings: every heading keeps its own
# number and outline level (the contents list levels 1 and 2).
{
	sed -n '1,11p' "$here/valid/minimal.xml"
	i=1; while [ $i -le 12 ]; do echo "<seccion titulo=\"Nivel $i\"><p>T.</p>"; i=$((i + 1)); done
	i=1; while [ $i -le 12 ]; do echo "</seccion>"; i=$((i + 1)); done
	echo '<seccion titulo="Otra"><p>x</p><poas/></seccion>'
	sed -n '16,$p' "$here/valid/minimal.xml"
} >"$tmp/x-deep.xml"
"$P" "$tmp/x-deep.xml" -f trace -o "$tmp/x.trace"
check "deep sections: numbers and outline levels" \
	'grep -q "^outline 8 \"1.1.1.1.1.1.1.1 Nivel 8\"" "$tmp/x.trace" &&
	 grep -q "^outline 1 \"2 Otra\" \"sec-2\"" "$tmp/x.trace" &&
	 grep -q "^text .*\"2 *Otra\"" "$tmp/x.trace"'

for f in "$here"/valid/*.xml; do
	"$P" "$f" -o "$tmp/v.pdf" 2>"$tmp/err"
	check "render $f" '[ $? = 0 ] && qpdf --check "$tmp/v.pdf" >/dev/null 2>&1'
done

echo "render.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
