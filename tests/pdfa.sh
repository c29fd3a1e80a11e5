#!/bin/sh
# pdfa.sh — archival and accessible PDF (issue 16), for the plan, a
# progress booklet and the accountability report, checked with tools
# plangen did not write (poppler's pdfinfo, pdffonts, pdftotext; qpdf):
#   - pdfinfo: Tagged: yes; its -meta shows the XMP with pdfaid part 3;
#   - tests/pdfa.pl (qpdf --json): the catalog's /Lang, /MarkInfo,
#     /StructTreeRoot, /OutputIntents (sRGB), /Metadata, /AF; H1, P,
#     Table, TR, TH, TD, Figure and Link elements, figures with /Alt,
#     header cells with /Scope; nothing drawn outside the structure but
#     artifacts; printable annotations, links in the structure; the
#     attached files' relationship, MIME type and dates; no encryption;
#     the XMP's dates and title those of /Info;
#   - every font embedded (pdffonts), a newline before every endstream,
#     qpdf --check;
#   - reading order (pdfinfo -struct-text): page footers and repeated
#     table headers are not in the structure (pdftotext has them on
#     every page); a cell cut by a page is one element;
#   - a POA row copied with pdftotext keeps its months.
here=$(dirname "$0")
. "$here/lib.sh"

for doc in plan-2019 avance-2019-T2 rendicion-2019; do
	pdf=$tmp/$doc.pdf
	"$P" -q "input/$doc.xml" -o "$pdf" 2>/dev/null
	check "$doc: rendered" '[ -s "$pdf" ]'
	check "$doc: qpdf --check" 'qpdf --check "$pdf" >/dev/null 2>&1'
	check "$doc: pdfinfo says Tagged: yes" 'pdfinfo "$pdf" | grep -q "^Tagged: *yes"'
	check "$doc: pdfinfo -meta shows PDF/A-3" \
		'pdfinfo -meta "$pdf" | grep -q "<pdfaid:part>3</pdfaid:part>"'
	if perl "$here/pdfa.pl" "$pdf" >"$tmp/pdfa.out" 2>&1; then ok; else
		fail "$doc: pdfa.pl"; sed 's/^/  | /' "$tmp/pdfa.out" | head -10; fi
	check "$doc: every font embedded" \
		'pdffonts "$pdf" | tail -n +3 | awk "\$(NF-4) != \"yes\" { bad = 1 } END { exit bad }"'
	check "$doc: a newline before every endstream" \
		'[ "$(grep -a -c "endstream" "$pdf")" = "$(perl -0777 -ne "print scalar(() = /\nendstream/g)" "$pdf")" ]'
	pdfinfo -struct-text "$pdf" >"$tmp/$doc.struct" 2>/dev/null
	check "$doc: a structure with text" 'grep -q "^  H1" "$tmp/$doc.struct" && grep -q "Table" "$tmp/$doc.struct"'
done

# Reading order: the footer's signatories are on every page for
# pdftotext, never in the structure (artifacts); the POA header row is
# in the structure once per matrix, not once per page.
s=$tmp/plan-2019.struct
pdftotext "$tmp/plan-2019.pdf" "$tmp/plan.txt"
check "footers are artifacts" '[ "$(grep -c "SECRETARÍA DE COAMSS" "$tmp/plan.txt")" -gt 20 ] &&
	! grep -q "SECRETARÍA DE COAMSS" "$s"'
# (pdftotext -layout: the header row on each of the matrices' pages).
heads=$(grep -c '^ *"INDICADORES"$' "$s")
check "repeated headers are artifacts: once per table in the structure ($heads)" \
	'[ "$heads" -ge "$(grep -c "<poa " input/plan-2019.xml)" ] &&
	awk "/^  Table/ { if (n > 1) bad = 1; n = 0 } /^ *\"INDICADORES\"\$/ { n++ }
		END { exit bad || n > 1 }" "$s" &&
	[ "$(pdftotext -layout "$tmp/plan-2019.pdf" - | grep -c "RESULTADOS *INDICADORES")" -gt "$heads" ]'
# A merged cell cut by a page is one TD: its content on two pages.
check "a cell cut by a page is one element" \
	'qpdf --json --json-key=qpdf "$tmp/plan-2019.pdf" | perl -MJSON::PP -0777 -ne "
		my \$o = decode_json(\$_)->{qpdf}[1]; my \$n = 0;
		for my \$v (map { \$_->{value} } values %\$o) {
			next unless ref \$v eq q(HASH) && (\$v->{q(/S)} // q()) eq q(/TD);
			my @k = @{ ref \$v->{q(/K)} eq q(ARRAY) ? \$v->{q(/K)} : [] };
			my %pg = map { (ref \$_ ? \$_->{q(/Pg)} : \$v->{q(/Pg)}) // q() => 1 } @k;
			delete \$pg{q()};
			\$n++ if keys %pg > 1 }
		exit(\$n ? 0 : 1)"'

# A POA row keeps its months: an activity running in February, May,
# June and November has those month labels on its row (pdftotext
# -layout), and no other; one running January to March, those three.
mkdir -p "$tmp/months"
cp input/plan.dtd "$tmp/months/"
sed 's/<actividad id="sdcu-o2-r4-i1-a1" meses="1-3">/<actividad id="sdcu-o2-r4-i1-a1" meses="2 5-6 11">/' \
	input/plan-2019.xml >"$tmp/months/plan.xml"
check "months: the plan changed" '! cmp -s input/plan-2019.xml "$tmp/months/plan.xml"'
"$P" -q "$tmp/months/plan.xml" -o "$tmp/months/plan.pdf" 2>/dev/null
row_months() { # PDF TEXT: the month labels on the line of TEXT
	pdftotext -layout "$1" - | grep -F -- "$2" | head -1 |
		grep -o -w -E "Ene|Feb|Mar|Abr|May|Jun|Jul|Ago|Sep|Oct|Nov|Dic" | tr '\n' ' '
}
got=$(row_months "$tmp/months/plan.pdf" "Actualizar y publicar el nuevo formulario")
check "months: a copied row has Feb May Jun Nov (got: $got)" '[ "$got" = "Feb May Jun Nov " ]'
got=$(row_months "$tmp/plan-2019.pdf" "Actualizar y publicar el nuevo formulario")
check "months: a copied row has Ene Feb Mar (got: $got)" '[ "$got" = "Ene Feb Mar " ]'

echo "pdfa.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
