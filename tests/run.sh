#!/bin/sh
# run.sh — the command-line tests of plangen.
#   valid/*.xml   must pass --check silently (exit 0, nothing printed);
#   bad/*.xml     must give exactly bad/NAME.expected: first line
#                 "exit N", then the diagnostics on stderr;
#   and the cases made at run time (huge attribute, deep nesting, a
#   missing file, a directory, the built-in plan).
# PLANGEN names the binary (default ./plangen).  UPDATE=1 rewrites the
# .expected files from the current output: review them before committing.
set -u
P=${PLANGEN:-./plangen}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 total=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect NAME STATUS EXPECTED-STDERR-FILE -- ARGS...
expect() {
	name=$1 want=$2 file=$3
	shift 4
	total=$((total + 1))
	"$P" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ge 128 ] || [ "$got" != "$want" ]; then
		fail "$name: exit $got, expected $want"; sed 's/^/  | /' "$tmp/err" | head -5
		return
	fi
	if ! cmp -s "$tmp/err" "$file"; then
		fail "$name: diagnostics differ"
		diff "$file" "$tmp/err" | sed 's/^/  | /' | head -10
	fi
	if [ -s "$tmp/out" ]; then
		fail "$name: printed on stdout"
	fi
}

: >"$tmp/nothing"
# Valid inputs: no diagnostics, or the warnings their .warnings file
# lists (the 2016 plan: a section whose tables the seed's extraction lost).
for f in "$here"/valid/*.xml; do
	w=${f%.xml}.warnings
	[ -f "$w" ] || w=$tmp/nothing
	expect "$f" 0 "$w" -- --check "$f"
done
expect "built-in plan" 0 "$tmp/nothing" -- --check --example

for f in "$here"/bad/*.xml; do
	exp=${f%.xml}.expected
	if [ "${UPDATE:-}" = 1 ]; then
		"$P" --check "$f" 2>"$tmp/e" >/dev/null
		{ echo "exit $?"; cat "$tmp/e"; } >"$exp"
	fi
	[ -f "$exp" ] || { fail "$f: no $exp"; continue; }
	tail -n +2 "$exp" >"$tmp/want"
	expect "$f" "$(head -1 "$exp" | cut -d' ' -f2)" "$tmp/want" -- --check "$f"
done

# expect_match NAME FILE PATTERN: exit 1 and a diagnostic matching PATTERN.
expect_match() {
	total=$((total + 1))
	"$P" --check "$2" 2>"$tmp/err"
	st=$?
	if [ $st != 1 ] || ! grep -q "$3" "$tmp/err"; then
		fail "$1: exit $st"; head -3 "$tmp/err"
	fi
}

# A 12 MB attribute: beyond libxml2's limit for one value, located.
{
	sed -n '1,2p' "$here/valid/minimal.xml"
	printf '<plan anio="2019" fecha="2018-11-30" institucion="'
	head -c 12000000 /dev/zero | tr '\0' 'x'
	printf '">\n'
	sed -n '4,$p' "$here/valid/minimal.xml"
} >"$tmp/huge-attribute.xml"
expect_match "huge attribute" "$tmp/huge-attribute.xml" \
	"huge-attribute.xml:3:[0-9]*: error: .*AttValue length too long"

# Nesting 300 sections deep: libxml2's depth limit, located.
{
	sed -n '1,10p' "$here/valid/minimal.xml"
	echo '  <cuerpo>'
	i=0; while [ $i -lt 300 ]; do echo '<seccion titulo="x">'; i=$((i + 1)); done
	i=0; while [ $i -lt 300 ]; do echo '</seccion>'; i=$((i + 1)); done
	echo '  </cuerpo>'
	echo '</plan>'
} >"$tmp/deep.xml"
expect_match "deep nesting" "$tmp/deep.xml" \
	"deep.xml:[0-9]*:[0-9]*: error: Excessive depth"

# The model's limits (generator/model/plan.h, input/GUIA.md), each just
# crossed in a copy of valid/minimal.xml, each refused where it is.
# limit NAME PATTERN PERL-SUBSTITUTION
limit() {
	perl -0pe "$3" "$here/valid/minimal.xml" >"$tmp/$1.xml"
	expect_match "limit: $1" "$tmp/$1.xml" "$1.xml:[0-9][0-9]*: error: $2"
}
limit long-text "the text of <p> is 100001 characters long; a text has at most 100000" \
	's|<p>Texto.</p>|"<p>" . ("x" x 100001) . "</p>"|e'
limit long-attribute "the attribute titulo is 100001 characters long" \
	's|<seccion titulo="Presentación">|"<seccion titulo=\"" . ("x" x 100001) . "\">"|e'
limit table-rows "this table has 2001 rows; a table has at most 2000" \
	's|<p>Texto.</p>|"<tabla>" . ("<fila><celda>x</celda></fila>\n" x 2001) . "</tabla>"|e'
limit header-rows "more than 16 header rows in a table" \
	's|<p>Texto.</p>|"<tabla>" . ("<fila tipo=\"encabezado\"><celda>x</celda></fila>\n" x 17) . "</tabla>"|e'
limit poa-rows "the matrix of this POA would have 2002 rows" \
	's|(<actividad id="uj-o1-r1-i1-a1".*?</actividad>)|join "", map { (my $a = $1) =~ s/-a1"/-a$_"/; $a } 1 .. 1998|se'
limit poa-rows-period "the matrix of this POA would have 2003 rows" \
	's|(<actividad id="uj-o1-r1-i1-a1".*?</actividad>)|join "", map { (my $a = $1) =~ s/-a1"/-a$_"/; $a } 1 .. 1998|se; s|<poa id="poa-uj"[^>]*>|$&<columnas periodo="AÑO 2019"/>|'
limit month-label "meses=\"E F M A M J J A S Octubre N D\": a month label has at most 4 characters" \
	's|<poa id="poa-uj" unidad="uj" titulo="PLAN OPERATIVO 2019 UNIDAD JURIDICA">|$&<columnas meses="E F M A M J J A S Octubre N D"/>|'
limit units "more than 500 units in the organisation" \
	's|<unidad id="uj" nombre="Unidad Jurídica" nivel="asesor"/>|$& . join "", map { "<unidad id=\"n$_\" nombre=\"U\" nivel=\"apoyo\"/>" } 1 .. 500|e'
limit cell-risks "more than 128 risks for one cell of the matrix" \
	's|<riesgo num="24"/>|"<riesgo>r</riesgo>" x 129|e'
limit budget-lines "<ingresos> has 1999 lines; its table has at most 2000 rows" \
	's|<ingresos total="150.00">.*?</ingresos>|"<ingresos>" . ("<linea monto=\"1.00\">x</linea>\n" x 1999) . "</ingresos>"|se; s|<egresos.*?</egresos>||s'
limit action-rows "the action plan's table for the strategic area 1 would have 2001 rows" \
	's|</pei>|"</pei><plan-accion titulo=\"PA\"><alcance id=\"al1\" objetivo=\"oe1\"><texto>A</texto>" . join("", map { "<resultado id=\"ar$_\"><texto>r</texto></resultado>" } 1 .. 2000) . "</alcance></plan-accion>"|e'
limit link-rows "the table linking the PEI to the action plan would have 2001 rows" \
	's|</pei>|"</pei><plan-accion titulo=\"PA\">" . join("", map { "<alcance id=\"al$_\" objetivo=\"oe1\"><texto>A</texto></alcance>" } 1 .. 2000) . "</plan-accion>"|e'

# A file over the 128 MiB the reader takes (sparse: nothing is written).
total=$((total + 1))
: >"$tmp/huge.xml"
truncate -s 129M "$tmp/huge.xml" 2>/dev/null || dd if=/dev/zero of="$tmp/huge.xml" bs=1 count=0 seek=129M 2>/dev/null
"$P" --check "$tmp/huge.xml" 2>"$tmp/err"
st=$?
[ $st = 3 ] && grep -q "^$tmp/huge.xml: error: is larger than 128 MiB" "$tmp/err" ||
	{ fail "input over 128 MiB: exit $st"; head -3 "$tmp/err"; }
rm -f "$tmp/huge.xml"

# Inputs that once crashed or hung plangen (found by tests/fuzz): each
# is read (--check) and rendered into the trace in bounded time, without
# a crash: exit 0, or 1 with diagnostics.
for f in "$here"/fuzz/crashes/*.xml; do
	for how in --check "-f trace -o /dev/null"; do
		total=$((total + 1))
		timeout 60 "$P" $how "$f" </dev/null >/dev/null 2>"$tmp/err"
		st=$?
		[ $st = 0 ] || { [ $st = 1 ] && [ -s "$tmp/err" ]; } ||
			fail "$f ($how): exit $st"
	done
done

# I/O: a missing file and a directory are exit 3, named.
echo "$tmp/no-such.xml: error: cannot open: No such file or directory" >"$tmp/want"
expect "missing input" 3 "$tmp/want" -- --check "$tmp/no-such.xml"
echo "$tmp: error: is a directory, not a file" >"$tmp/want"
expect "directory as input" 3 "$tmp/want" -- --check "$tmp"

# Usage errors are exit 2.
total=$((total + 1))
"$P" --no-such-option >/dev/null 2>&1
[ $? = 2 ] || fail "unknown option: not exit 2"
total=$((total + 1))
"$P" --help | grep -q "usage: plangen" || fail "--help"

# -o the input itself, however named (./, a link): exit 2, the XML kept.
cp "$here/valid/minimal.xml" "$tmp/in.xml"
ln -s in.xml "$tmp/link.xml"
for o in "$tmp/in.xml" "$tmp/./in.xml" "$tmp/link.xml"; do
	total=$((total + 1))
	"$P" "$tmp/in.xml" -o "$o" 2>"$tmp/err"
	st=$?
	{ [ $st = 2 ] && grep -q "is the input file itself" "$tmp/err" &&
	  cmp -s "$tmp/in.xml" "$here/valid/minimal.xml"; } || fail "-o $o, the input: exit $st"
done

echo "run.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
