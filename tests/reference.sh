#!/bin/sh
# reference.sh — what cairo paints, against reference images: a few pages
# of each kind, rasterised in grey at 40 dpi (pdftoppm) and compared with
# tests/reference/NAME.png by tests/imgdiff.pl (a pixel differs by more
# than 64 grey levels; at most 0.3 % of them may, REFERENCE_TOLERANCE to
# change it).  A page is chosen by its content, the first whose text
# (pdftotext) has a line matching a pattern, so the test survives a change
# of pagination; what it looks like is the reference's business.  On a
# mismatch the new page and a diff image (the reference faded, differing
# pixels black) are kept in tests/reference/failed/.
#
# Regenerating the references after a change on purpose (line breaking,
# page make-up, a theme's sizes) is one command:
#
#     UPDATE=1 sh tests/reference.sh      (or: make reference-update)
#
# then look at the images in tests/reference/ before committing them.
here=$(dirname "$0")
. "$here/lib.sh"
ref=$here/reference
out=$ref/failed
tol=${REFERENCE_TOLERANCE:-0.003}
rm -rf "$out"

# The pages, one a line: NAME, the document (plan-2019: the built-in plan,
# plan-2016, portada: tests/valid's), a Perl pattern one line of the page's
# text must match, and how many pages after that one (default 0: the
# continuation of a matrix is the page after its first; a Cronograma
# begins on its matrix's last page, its own page is the one after).
cat >"$tmp/pages" <<'PAGES'
cover-logos	portada	^Plan de Acción 2019$
cover-2016	plan-2016	^PLAN DE ACCIÓN 2016$
narrative	plan-2019	^2 Antecedentes y principales apuestas$
pei-figure	plan-2019	^Figura No\. \d+\. Esquema del Plan Estratégico
org-chart	plan-2019	^ESTRUCTURA ORGÁNICA COAMSS-OPAMSS AÑO 2019$
budget-chart	plan-2019	^Figura No\. \d+\. Composición de los ingresos 2019$
matrix	plan-2019	^PLAN OPERATIVO SUBDIRECCIÓN DE CONTROL DEL DESARROLLO URBANO 2019$
continuation	plan-2019	^PLAN OPERATIVO SUBDIRECCIÓN DE CONTROL DEL DESARROLLO URBANO 2019$	1
cronograma	plan-2019	^Cronograma — PLAN OPERATIVO SUBDIRECCIÓN DE CONTROL DEL DESARROLLO URBANO 2019$	1
PAGES

"$P" --example -q -o "$tmp/plan-2019.pdf"
"$P" -q "$here/valid/plan-2016.xml" -o "$tmp/plan-2016.pdf"
"$P" -q "$here/valid/portada.xml" -o "$tmp/portada.pdf"
for d in plan-2019 plan-2016 portada; do
	pdftotext "$tmp/$d.pdf" "$tmp/$d.txt"
done

# page_of DOC PATTERN: the number of the first page of DOC with a line
# matching PATTERN, or nothing.
page_of() {
	perl -CSDA -e 'my $re = qr/$ARGV[1]/m; local $/; open my $f, "<:utf8", $ARGV[0] or die;
		my @p = split /\f/, <$f>;
		for my $i (0 .. $#p) { if ($p[$i] =~ $re) { print $i + 1, "\n"; exit } }' "$tmp/$1.txt" "$2"
}

tab=$(printf '\t')
while IFS="$tab" read -r name doc pattern after; do
	pg=$(page_of "$doc" "$pattern")
	[ -n "$pg" ] && pg=$((pg + ${after:-0}))
	if [ -z "$pg" ]; then
		fail "$name: no page of $doc has a line matching /$pattern/"
		continue
	fi
	pdftoppm -gray -r 40 -f "$pg" -l "$pg" -singlefile "$tmp/$doc.pdf" "$tmp/$name"
	if [ "${UPDATE:-}" = 1 ]; then
		perl "$here/imgdiff.pl" --png "$tmp/$name.pgm" "$ref/$name.png"
		check "$name: reference written (page $pg of $doc)" '[ -s "$ref/$name.png" ]'
		continue
	fi
	if [ ! -f "$ref/$name.png" ]; then
		fail "$name: no reference image $ref/$name.png (UPDATE=1 sh tests/reference.sh)"
		continue
	fi
	if perl "$here/imgdiff.pl" "$ref/$name.png" "$tmp/$name.pgm" "$tmp/$name-diff.png" "$tol" >"$tmp/why"; then
		ok
	else
		mkdir -p "$out"
		perl "$here/imgdiff.pl" --png "$tmp/$name.pgm" "$out/$name.png"
		[ -f "$tmp/$name-diff.png" ] && cp "$tmp/$name-diff.png" "$out/$name-diff.png"
		fail "$name (page $pg of $doc): $(cat "$tmp/why"); see $out/$name.png and $name-diff.png"
	fi
done <"$tmp/pages"

echo "reference.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
