#!/bin/sh
# render.sh — the rendering tests, with tools plangen did not write:
# pdfinfo, pdffonts, pdftotext (poppler) and qpdf.
#   - the built-in 2019 plan renders: valid PDF (qpdf --check), every
#     font embedded, portrait and landscape pages, its metadata, an
#     outline entry per section and per POA, the Contenido's links;
#   - its text holds every paragraph, item and matrix cell of the XML,
#     and every sentence of the printed plan (tests/seeds), as is the
#     2016 plan's;
#   - bad input writes nothing and keeps an existing file; a full disk
#     is exit 3 with the previous file intact; png, svg and trace work;
#   - the layout invariants and the timelines (months drawn as in the
#     XML) hold for it and for generated extremes, on Letter and A4;
#   - footnotes sit at the foot of their mark's page;
#   - small plans give their golden traces (tests/golden);
#   - charts (charts.pl): bars on the XML's amounts, unit names in their
#     boxes, chart text extracted; for the 2019 and 2016 plans and for
#     generated extremes (1 and 40 budget lines, 1 and 60 units);
#   - the same pages on one thread as on four, with or without the cache
#     of shaped words.
here=$(dirname "$0")
. "$here/lib.sh"

pdf=$tmp/plan.pdf
"$P" --example -o "$pdf" 2>"$tmp/err"
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
# Every sentence of the printed plans (tests/seeds), as they punctuate it.
if perl "$here/content.pl" --seed "$here/seeds/plan-2019.txt" "$here/seeds/plan-2019.except" \
	"$tmp/plan.txt" >"$tmp/content"; then ok; else fail "the 2019 seed's sentences"; fi
cat "$tmp/content"
"$P" -q "$here/valid/plan-2016.xml" -o "$tmp/seed16.pdf" && pdftotext "$tmp/seed16.pdf" "$tmp/seed16.txt"
if perl "$here/content.pl" --seed "$here/seeds/plan-2016.txt" "$here/seeds/plan-2016.except" \
	"$tmp/seed16.txt" >"$tmp/content"; then ok; else fail "the 2016 seed's sentences"; fi
cat "$tmp/content"
big=$(grep -c -F '$ 2,332,273.00' "$tmp/plan.txt")
zero=$(grep -c -x -E '[$] ?-' "$tmp/plan.txt")
check "amounts as printed" '[ "$big" -ge 1 ] && [ "$zero" -ge 1 ]'

# Two runs, the same text (the dates come from the document).
"$P" --example -o "$tmp/again.pdf" && pdftotext "$tmp/again.pdf" "$tmp/again.txt"
pdfinfo "$tmp/again.pdf" | grep -v "^File size" >"$tmp/i2"; pdfinfo "$pdf" | grep -v "^File size" >"$tmp/i1"
check "reproducible" 'cmp -s "$tmp/plan.txt" "$tmp/again.txt" && cmp -s "$tmp/i1" "$tmp/i2"'

# Bad input: exit 1, nothing written, an existing file kept.
echo keep >"$tmp/old.pdf"
"$P" "$here/bad/15-month-out-of-range.xml" -o "$tmp/old.pdf" 2>/dev/null
check "bad input keeps the old file" '[ $? = 1 ] && [ "$(cat "$tmp/old.pdf")" = keep ]'
"$P" "$here/bad/15-month-out-of-range.xml" -o "$tmp/new.pdf" 2>/dev/null
check "bad input writes nothing" '[ ! -e "$tmp/new.pdf" ] && [ -z "$(ls -A "$tmp" | grep "new\.pdf\.")" ]'
# A full disk: exit 3.
if [ -w /dev/full ]; then
	"$P" --example -o /dev/full 2>"$tmp/err"
	check "full disk" '[ $? = 3 ] && grep -q "/dev/full: error: cannot write" "$tmp/err"'
	"$P" --example -f trace -o /dev/full 2>"$tmp/err"
	check "full disk (trace)" '[ $? = 3 ] && grep -q "/dev/full: error: cannot write" "$tmp/err"'
	"$P" --example -f trace -o - >/dev/full 2>"$tmp/err"
	check "full disk (standard output)" '[ $? = 3 ] && grep -q "error: cannot write" "$tmp/err"'
fi
# A disk that fills up at each stage (cairo's file, qpdf's, the output):
# exit 3, one "cannot write" naming the output, no file, nothing left
# behind, never a cut PDF.  Needs a small
# tmpfs, so root and a mount namespace of our own (unshare).
mkdir "$tmp/small"
if command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
	small() {
		unshare -m sh -c 'mount -t tmpfs -o size='$1' tmpfs "$1" &&
			"$2" --example -o "$1/x.pdf" 2>"$1.err"; echo $? >"$1.rc"; ls -A "$1" >"$1.ls"
			[ -f "$1/x.pdf" ] && qpdf --check "$1/x.pdf" >/dev/null 2>&1; echo $? >"$1.qpdf"' \
			sh "$tmp/small" "$P" 2>/dev/null
	}
	for sz in 250k 450k 700k; do
		small $sz
		check "small disk ($sz): exit 3, nothing written" '[ "$(cat "$tmp/small.rc")" = 3 ] && [ ! -s "$tmp/small.ls" ]'
		check "small disk ($sz): said once, as cannot write" \
			'[ "$(wc -l <"$tmp/small.err")" = 1 ] && grep -q "^$tmp/small/x.pdf: error: cannot write: No space left" "$tmp/small.err"'
	done
	small 3000k # cairo's file, qpdf's and the output (tagged: about 1 MB each)
	check "a disk just big enough: a whole PDF" '[ "$(cat "$tmp/small.rc")" = 0 ] && [ "$(cat "$tmp/small.qpdf")" = 0 ]'
else
	echo "render.sh: no mount namespace here: the small-disk tests are not run"
fi
# An output folder that does not exist, or that may not be written
# (chmod 555, which root ignores; and /sys, read-only for root too), an
# output path that is a directory: exit 3, named, nothing left behind.
"$P" --example -o "$tmp/no/such/dir.pdf" 2>"$tmp/err"
check "missing output folder" '[ $? = 3 ] && grep -q "dir.pdf: error: cannot write: No such file" "$tmp/err"'
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	"$P" --example -o "$tmp/ro/plan.pdf" 2>"$tmp/err"
	check "unwritable folder" '[ $? = 3 ] && grep -q "plan.pdf: error: cannot write: Permission denied" "$tmp/err" && [ -z "$(ls -A "$tmp/ro")" ]'
fi
if [ -d /sys ] && ! (: >/sys/plangen-test.pdf) 2>/dev/null; then
	"$P" --example -o /sys/plangen-test.pdf 2>"$tmp/err"
	check "read-only folder" '[ $? = 3 ] && grep -q "^/sys/plangen-test.pdf: error: cannot write: Permission denied" "$tmp/err"'
fi
mkdir "$tmp/dir.pdf"
"$P" --example -o "$tmp/dir.pdf" 2>"$tmp/err"
check "output is a directory" '[ $? = 3 ] && grep -q "dir.pdf: error: is a directory" "$tmp/err" && [ -d "$tmp/dir.pdf" ] && [ -z "$(ls -A "$tmp/dir.pdf")" ]'
"$P" --example -f trace -o "$tmp/dir.pdf" 2>/dev/null
check "output is a directory (trace)" '[ $? = 3 ] && [ -z "$(ls -A "$tmp/dir.pdf")" ]'
check "no temporary files" '[ -z "$(ls -a "$tmp" | grep "\.pdf\.")" ]'

# An interrupted run: SIGINT, SIGTERM or SIGHUP while a large plan is
# laid out (once its temporary file exists) ends it by that signal (the
# shell sees 128+n), with the previous file intact and no temporary file
# left.  perl restores the default actions that a background job of a
# non-interactive shell starts without (SIGINT ignored).
perl "$here/make-big-plan.pl" 3 >"$tmp/big.xml"
for run in "INT 2 pdf" "TERM 15 pdf" "HUP 1 pdf" "TERM 15 trace" "QUIT 3 pdf" \
	   "PIPE 13 pdf" "USR1 10 pdf" "ALRM 14 pdf" "XCPU 24 pdf" "XFSZ 25 pdf"; do
	set -- $run
	sig=$1 num=$2 fmt=$3
	echo keep >"$tmp/sig.out"
	perl -e '$SIG{$_} = "DEFAULT" for qw(INT TERM HUP QUIT PIPE USR1 ALRM XCPU XFSZ); exec @ARGV' \
		"$P" "$tmp/big.xml" -f "$fmt" -o "$tmp/sig.out" 2>/dev/null &
	pid=$!
	n=0
	while [ -z "$(ls -A "$tmp" | grep '^\.sig\.out\.plangen-')" ] && [ $n -lt 600 ]; do
		sleep 0.1; n=$((n + 1))
	done
	sleep 0.3
	kill -s "$sig" $pid
	wait $pid 2>/dev/null
	st=$?
	check "SIG$sig during a $fmt render: exit $st, old file kept, no temporary file" \
		'[ $st = $((128 + num)) ] && [ "$(cat "$tmp/sig.out")" = keep ] &&
		 [ -z "$(ls -A "$tmp" | grep "sig\.out\.")" ]'
done

# The other devices.
"$P" --example -f trace -o "$tmp/plan.trace"
check "trace" '[ $? = 0 ] && grep -q "^page 1 612.00 792.00" "$tmp/plan.trace"'
if perl "$here/invariants.pl" "$tmp/plan.trace" input/plan-2019.xml >"$tmp/inv"; then ok; else
	fail "layout invariants"; cat "$tmp/inv"; fi
"$P" "$here/valid/plan-2016.xml" -f trace -o "$tmp/p16i.trace" 2>"$tmp/err"
if perl "$here/invariants.pl" "$tmp/p16i.trace" >"$tmp/inv"; then ok; else
	fail "layout invariants of the 2016 plan"; cat "$tmp/inv"; fi
# Sections follow each other on the page (the seeds: the 2019 plan's
# Objetivo under its Antecedentes, the 2016 plan's chapters 2 and 3 on
# one page); pagina="nueva" starts one on a page of its own; a section
# with no text is left out, heading and contents line, with a warning.
# follows HEADING TRACE: the heading (16 pt) has text above it on its page.
follows() { perl -ne 'BEGIN { $h = shift } $above = 0 if /^page /; $above = 1 if /^text / && !/ 16\.00 #1f3864 "\Q$h\E"$/;
	if (/^text \S+ \S+ \S+ 16\.00 #1f3864 "\Q$h\E"$/) { $found = 1; $ok = $above } END { exit !($found && $ok) }' "$1" "$2"; }
check "sections: the 2019 Objetivo after its Antecedentes on their page" 'follows "3   Objetivo" "$tmp/plan.trace"'
check "sections: the 2016 chapter 3 after chapter 2 on their page" \
	'follows "3   PLAN ESTRATÉGICO COAMSS/OPAMSS" "$tmp/p16i.trace" && follows "2   OBJETIVO" "$tmp/p16i.trace"'
check "sections: an empty one warned of and left out" \
	'grep -q "plan-2016.xml:[0-9]*: warning: section \"Resultados Estratégicos e Indicadores.\" has no text" "$tmp/err" &&
	 ! grep -q "Resultados Estratégicos e Indicadores" "$tmp/p16i.trace"'
sed 's|<seccion titulo="Presentación">|<seccion titulo="Presentación"><p>Uno.</p></seccion><seccion titulo="Nueva" pagina="nueva">|' \
	"$here/valid/minimal.xml" >"$tmp/newpage.xml"
"$P" "$tmp/newpage.xml" -f trace -o "$tmp/newpage.trace"
sed 's| pagina="nueva"||' "$tmp/newpage.xml" >"$tmp/newpage-follow.xml"
"$P" "$tmp/newpage-follow.xml" -f trace -o "$tmp/newpage-follow.trace"
check "sections: pagina=\"nueva\" starts a page" '! follows "2   Nueva" "$tmp/newpage.trace" && follows "2   Nueva" "$tmp/newpage-follow.trace"'
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
	if perl "$here/invariants.pl" "$tmp/x.trace" "$tmp/x-$x.xml" >"$tmp/inv"; then ok; else
		fail "extreme $x: invariants"; cat "$tmp/inv"; fi
done
# Golden traces: small plans' display lists, operation by operation, as
# reviewed (UPDATE=1 rewrites them after a change meant to alter them).
for g in "$here"/golden/*.trace; do
	n=$(basename "$g" .trace)
	# A case in a folder (valid/avance-small/): avance.sh compares it.
	[ -d "$here/valid/$n" ] && continue
	"$P" "$here/valid/$n.xml" -f trace -o "$tmp/golden.trace"
	if [ "${UPDATE:-}" = 1 ]; then cp "$tmp/golden.trace" "$g"; fi
	if diff -u "$g" "$tmp/golden.trace" >"$tmp/golden.diff"; then ok; else
		fail "golden trace $n"; head -20 "$tmp/golden.diff"; fi
done
# A4 paper: the same document on A4 pages, portrait and landscape, and
# the invariants hold.
sed 's/<plan anio=/<plan papel="A4" anio=/' input/plan-2019.xml >"$tmp/a4.xml"
"$P" "$tmp/a4.xml" -o "$tmp/a4.pdf" && pdfinfo -f 1 -l 999 "$tmp/a4.pdf" >"$tmp/a4.info"
check "A4 portrait and landscape pages" 'grep -q "size: *595.28 x 841.89" "$tmp/a4.info" &&
	grep -q "size: *841.89 x 595.28" "$tmp/a4.info" && ! grep -q "size: *612 x 792" "$tmp/a4.info"'
"$P" "$tmp/a4.xml" -f trace -o "$tmp/a4.trace"
if perl "$here/invariants.pl" "$tmp/a4.trace" "$tmp/a4.xml" >"$tmp/inv"; then ok; else
	fail "A4: invariants"; cat "$tmp/inv"; fi
# Footnotes: numbered marks, each note at the foot of the page of its
# mark, below the text and above the footer, however the paragraphs fall.
filler=$(i=0; while [ $i -lt 60 ]; do printf 'palabra '; i=$((i + 1)); done)
awk -v f="$filler" '/<p>Texto.<\/p>/ { for (i = 1; i <= 24; i++) {
		if (i % 5 == 0) printf "<p>%s marca%d<nota>Nota%d al pie.</nota> fin.</p>\n", f, i, i;
		else printf "<p>%s</p>\n", f } ; next } { print }' \
	"$here/valid/minimal.xml" >"$tmp/notes.xml"
"$P" "$tmp/notes.xml" -f trace -o "$tmp/notes.trace"
check "footnotes render" '[ $? = 0 ]'
if perl -e '
	my ($page, $h, %mark, %note, %low);
	while (<>) {
		($page, $h) = ($1, $2) if /^page (\d+) \S+ (\S+)/;
		next unless /^text \S+ (\S+) \S+ \S+ \S+ "(.*)"$/;
		my ($y, $t) = ($1, $2);
		$mark{$1} = [$page, $y] if $t =~ /marca(\d+)/;
		$note{$1} = [$page, $y, $h] if $t =~ /^(\d+) Nota\d+ al pie/;
		$low{$page} = $y if $t =~ /palabra/ && $y > ($low{$page} // 0);
	}
	my $bad = 0;
	for my $n (sort keys %mark) {
		my $k = grep { $note{$_} && $note{$_}[0] == $mark{$n}[0] && $note{$_}[1] > $low{$mark{$n}[0]} } keys %note;
		$bad++, print "note of marca$n not at the foot of its page\n" unless $k;
	}
	$bad++, print "expected 4 notes, found ", scalar(keys %note), "\n" unless keys %note == 4;
	exit($bad != 0);' "$tmp/notes.trace" >"$tmp/inv"; then ok; else fail "footnotes at the foot of their page"; cat "$tmp/inv"; fi
# A footnote's number is a superscript at the foot too (raised: its line
# is taller than the note's 9 pt), and the notes stay clear of the footer
# rule (4 pt under the descenders at least).
check "footnote numbers superscript, notes clear of the footer rule" 'perl -ne '"'"'
	if (/^page /) { check(); ($rule, @n) = () }
	elsif (/^line (\S+) (\S+) (\S+) \2 \S+ #1f3864/ && $3 - $1 > 300) { $rule = $2 }
	elsif (/^text \S+ (\S+) \S+ (\S+) \S+ "\d+ Nota\d+ al pie/) { push @n, [$1, $2] }
	sub check { for (@n) { $bad++ unless $_->[1] > 9.2 && defined $rule && $_->[0] + 0.25 * $_->[1] + 4 <= $rule; $seen++ } }
	END { check(); exit !($seen && !$bad) }'"'"' "$tmp/notes.trace"'
# A paragraph with 100 footnotes: none lost.
many=$(i=1; while [ $i -le 100 ]; do printf 'n%d<nota>Nota%d al margen.</nota> ' $i $i; i=$((i + 1)); done)
sed "s|<p>Texto.</p>|<p>Texto $many fin.</p>|" "$here/valid/minimal.xml" >"$tmp/many.xml"
"$P" "$tmp/many.xml" -o "$tmp/many.pdf" && pdftotext "$tmp/many.pdf" "$tmp/many.txt"
check "100 footnotes in one paragraph, all printed" '[ "$(grep -c "Nota[0-9]* al margen" "$tmp/many.txt")" = 100 ]'
if perl "$here/invariants.pl" "$tmp/notes.trace" "$tmp/notes.xml" >"$tmp/inv"; then ok; else
	fail "footnotes: invariants"; cat "$tmp/inv"; fi
# A footnote longer than a page (1,000 words) goes on at the foot of the
# next pages, as in print: every word printed, and on every page the
# note's lines (9 pt) below its rule (a black line 144 pt long) and the
# body above it, none above the frame's top.
words=$(i=1; while [ $i -le 1000 ]; do printf 'planificación%04d ' $i; i=$((i + 1)); done)
sed "s|<p>Texto.</p>|<p>Texto antes de la nota tres<nota>$words</nota> y el texto sigue tras la marca.</p><p>Otro párrafo después.</p>|" \
	"$here/valid/minimal.xml" >"$tmp/longnote.xml"
"$P" "$tmp/longnote.xml" -o "$tmp/longnote.pdf" && "$P" "$tmp/longnote.xml" -f trace -o "$tmp/longnote.trace"
n=$(pdftotext "$tmp/longnote.pdf" - | grep -o 'planificación[0-9]\{4\}' | sort -u | wc -l)
check "a footnote of 1,000 words keeps every word ($n)" '[ "$n" = 1000 ]'
if perl -e '
	my ($page, $top, $rule, $foot, @t, $bad, $pages);
	sub done {
		return unless defined $page;
		$pages++ if grep { $_->[2] =~ /planificación/ } @t;
		for (@t) {
			my ($y, $h, $s) = @$_;
			next if defined $foot && $y > $foot;   # the footer
			if ($h < 10 && $s =~ /planificación/) {   # 9 pt, the first line with its number
				$bad++, print "page $page: a note line at $y, above its rule or the frame\n"
					if !defined $rule || $y - 0.8 * $h < $rule || $y - 0.8 * $h < $top;
			} elsif (defined $rule && $y > $rule) {
				$bad++, print "page $page: \"$s\" below the notes rule\n";
			}
		}
	}
	while (<>) {
		if (/^page (\d+) (\S+) (\S+)/) { done(); ($page, $top, $rule, $foot, @t) = ($1, $2 > $3 ? 54 : 72); next }
		$rule = $2 if /^line (\S+) (\S+) (\S+) \S+ 0\.50 #000000$/ && abs($3 - $1 - 144) < 0.01;
		$foot = $1 if /^line \S+ (\S+) \S+ \S+ \S+ #1f3864$/;
		push @t, [ $1, $2, $3 ] if /^text \S+ (\S+) \S+ (\S+) \S+ "(.*)"$/;
	}
	done();
	$bad++, print "the note on ", $pages // 0, " page(s)\n" if ($pages // 0) < 2;
	exit($bad ? 1 : 0);' "$tmp/longnote.trace" >"$tmp/inv"; then ok; else fail "a long footnote: below its rule on each page"; cat "$tmp/inv"; fi
# Pages of a timeline (Cronograma) and the others: pdftotext ends pages
# with a form feed; the trace starts them with "page".  A Cronograma
# that begins on its matrix's last page starts a part of its own at its
# title (the text before its destination).
not_timeline() { awk 'BEGIN { RS = "\f" } !/Trimestre 1/ { printf "%s\f", $0 }' "$1"; }
trace_pages() { awk -v want="$2" '/^page / { if (n) flush(); n = 0 }
	/^dest .*-cronograma"$/ && n > 2 { t = buf[--n]; flush(); n = 0; buf[n++] = "page (part)"; buf[n++] = t }
	{ buf[n++] = $0 }
	/"Trimestre 1"/ { tl = 1 } function flush() { if (tl == want) for (i = 0; i < n; i++) print buf[i]; tl = 0 }
	END { flush() }' "$1"; }
"$P" "$tmp/x-long-cell.xml" -o "$tmp/x.pdf" && pdftotext "$tmp/x.pdf" "$tmp/x.txt"
n=$(not_timeline "$tmp/x.txt" | grep -o '\buno\b' | wc -l)
check "a 3,000-word cell keeps every word ($n)" '[ "$n" = 3000 ]'
"$P" "$tmp/x-200-activities.xml" -f trace -o "$tmp/x.trace"
n=$(trace_pages "$tmp/x.trace" 0 | grep -c '"A.1 Apoyar a las comisiones."')
m=$(trace_pages "$tmp/x.trace" 1 | grep -c '"A.1 Apoyar a las comisiones."')
check "200 activities in one result ($n in the matrix, $m in the timeline)" '[ "$n" = 200 ] && [ "$m" = 200 ]'

# The timelines: the months shaded in the matrices and the bars and
# diamonds of the Cronograma pages are those of the XML (timeline.pl),
# for the 2019 plan, a plan of one activity (months apart), and a POA of
# 150 activities (generated: 5 objectives of 3 results, months apart and
# together, deadlines, labels too long for three lines) whose timeline
# runs over pages, its groups continued.
if perl "$here/timeline.pl" input/plan-2019.xml "$tmp/plan.trace" >"$tmp/tl"; then ok; else
	fail "timelines of the 2019 plan"; cat "$tmp/tl"; fi
# Each POA's outline entry has its Cronograma under it, on a later page.
qpdf --json --json-key=outlines "$pdf" >"$tmp/outlines" 2>/dev/null
n=$(perl -MJSON::PP -0777 -ne 'my $n = 0; sub walk { for my $o (@{ $_[0] }) {
	$n++ if grep { $_->{title} eq "Cronograma — $o->{title}" && $_->{destpageposfrom1} > $o->{destpageposfrom1} } @{ $o->{kids} };
	walk($o->{kids}) } } walk(JSON::PP->new->decode($_)->{outlines}); print $n' "$tmp/outlines")
check "a Cronograma under each POA in the outline ($n)" '[ "$n" = "$(grep -c "<poa " input/plan-2019.xml)" ]'
sed 's|meses="1-12"|meses="2 5-6 11"|' "$here/valid/minimal.xml" >"$tmp/x-one-activity.xml"
awk 'BEGIN { split("1-12|1-3|4-6 10-12|2 5 8 11|7|1 12|6-9|3-4 9|10-12|1-6", M, "|") }
/<poa / { skip = 1
	print "  <poa id=\"poa-x\" unidad=\"uj\" titulo=\"PLAN OPERATIVO 2019 CIENTO CINCUENTA ACTIVIDADES\">"
	for (o = 1; o <= 5; o++) {
		printf "<objetivo-especifico num=\"%d\" pei=\"oe1\"><texto>Objetivo específico %d de la prueba.</texto>\n", o, o
		for (r = 1; r <= 3; r++) {
			printf "<resultado id=\"x%d-%d\" codigo=\"R%d.%d\"><texto>Resultado %d del objetivo %d.</texto>\n", o, r, o, r, r, o
			for (i = 1; i <= 2; i++) {
				printf "<indicador id=\"x%d-%d-%d\" plazo=\"%d\"><texto>Indicador %d.</texto>\n", o, r, i, (o * 3 + r * 2 + i) % 12 + 1, i
				for (k = 1; k <= 5; k++) {
					n++; t = "Actividad " n " de la prueba."
					if (n % 7 == 0) for (j = 0; j < 12; j++) t = t " Con un texto que no cabe en tres líneas."
					printf "<actividad id=\"xa%d\" codigo=\"A.%d\" meses=\"%s\"><texto>%s</texto></actividad>\n", n, n, M[n % 10 + 1], t
				}
				print "</indicador>"
			}
			print "</resultado>"
		}
		print "</objetivo-especifico>"
	}
	print "</poa>"
}
skip && /<\/poa>/ { skip = 0; next }
!skip' "$here/valid/minimal.xml" >"$tmp/x-150-activities.xml"
for x in one-activity 150-activities; do
	"$P" "$tmp/x-$x.xml" -o "$tmp/x.pdf" 2>"$tmp/err" &&
		"$P" "$tmp/x-$x.xml" -f trace -o "$tmp/x.trace" 2>>"$tmp/err"
	check "extreme $x renders" '[ $? = 0 ] && [ ! -s "$tmp/err" ] && qpdf --check "$tmp/x.pdf" >/dev/null 2>&1'
	if perl "$here/invariants.pl" "$tmp/x.trace" "$tmp/x-$x.xml" >"$tmp/inv"; then ok; else
		fail "extreme $x: invariants"; cat "$tmp/inv"; fi
	if perl "$here/timeline.pl" "$tmp/x-$x.xml" "$tmp/x.trace" >"$tmp/tl"; then ok; else
		fail "extreme $x: timelines"; cat "$tmp/tl"; fi
done
n=$(trace_pages "$tmp/x.trace" 1 | grep -c '^page')
m=$(trace_pages "$tmp/x.trace" 1 | grep -c '(continuación)"$')
check "150 activities: a timeline of $n pages, $m continued groups" '[ "$n" -ge 3 ] && [ "$m" -ge 2 ]'
pdftotext "$tmp/x.pdf" "$tmp/x.txt"
check "timeline text is text" 'grep -q "Cronograma — PLAN OPERATIVO 2019 CIENTO" "$tmp/x.txt" && grep -q "A.150 Actividad 150 de la prueba." "$tmp/x.txt" && grep -q "Trimestre 4" "$tmp/x.txt"'

# Charts and diagrams: the plans' own, then extremes (extreme-charts.pl):
# 1 budget line and 1 unit; 40 lines and 60 units as a deep tree; 40
# lines and 60 units under one.  Each renders, passes the invariants and
# the chart checks.
check "2019 charts" 'perl "$here/charts.pl" input/plan-2019.xml "$tmp/plan.trace" "$tmp/plan.txt" >"$tmp/ch" || { cat "$tmp/ch"; false; }'
"$P" -q "$here/valid/plan-2016.xml" -f trace -o "$tmp/p16.trace" && "$P" -q "$here/valid/plan-2016.xml" -o - | pdftotext - "$tmp/p16.txt"
check "2016 charts (donors)" 'perl "$here/charts.pl" "$here/valid/plan-2016.xml" "$tmp/p16.trace" "$tmp/p16.txt" >"$tmp/ch" || { cat "$tmp/ch"; false; }'
# The 2016 plan's hyphenation (the invariants' others are not all kept
# yet: a heading alone at the foot of page 6, the page make-up's).
perl "$here/invariants.pl" "$tmp/p16.trace" "$here/valid/plan-2016.xml" >"$tmp/inv"
# List 4.1 of the 2016 plan: each line before a <br/> at its natural
# width, not stretched edge to edge.
check "2016 plan: a line before <br/> is not justified" \
	'[ "$(grep -c "^text [0-9.]* [0-9.]* 1[0-9][0-9]\.[0-9]* [0-9.]* #000000 \"Comisión de Gestión del Territorio\"" "$tmp/p16.trace")" -ge 1 ]'
check "2016 plan: hyphenation" '! grep -q "hyphen\|cut where" "$tmp/inv" || { cat "$tmp/inv"; false; }'
for x in "1 1" "40 60" "40 60 flat"; do
	perl "$here/extreme-charts.pl" "$here/valid/minimal.xml" $x >"$tmp/x.xml"
	"$P" "$tmp/x.xml" -o "$tmp/x.pdf" 2>"$tmp/err" && "$P" "$tmp/x.xml" -f trace -o "$tmp/x.trace" 2>>"$tmp/err"
	check "charts $x renders" '[ $? = 0 ] && [ ! -s "$tmp/err" ] && qpdf --check "$tmp/x.pdf" >/dev/null 2>&1'
	if perl "$here/invariants.pl" "$tmp/x.trace" "$tmp/x.xml" >"$tmp/inv"; then ok; else
		fail "charts $x: invariants"; cat "$tmp/inv"; fi
	pdftotext "$tmp/x.pdf" "$tmp/x.txt"
	if perl "$here/charts.pl" "$tmp/x.xml" "$tmp/x.trace" "$tmp/x.txt" >"$tmp/ch"; then ok; else
		fail "charts $x: chart checks"; cat "$tmp/ch"; fi
	# Legible: no text below 6 pt (the trace gives its size as its height).
	n=$(awk '/^text/ && $5 + 0 < 5.95' "$tmp/x.trace" | wc -l)
	check "charts $x: legible ($n texts below 6 pt)" '[ "$n" = 0 ]'
done

# A header row taller than a page (a 3,000-word header cell) would be
# repeated at the top of every page for ever: it is set once, as a body
# row, and the table ends with every word.
words=$(i=0; while [ $i -lt 3000 ]; do printf 'dos '; i=$((i + 1)); done)
sed "s|<p>Texto.</p>|<tabla><fila tipo=\"encabezado\"><celda>$words</celda><celda>B</celda></fila><fila><celda>uno</celda><celda>fin</celda></fila></tabla>|" \
	"$here/valid/minimal.xml" >"$tmp/x-tall-header.xml"
timeout 120 "$P" "$tmp/x-tall-header.xml" -o "$tmp/x.pdf" 2>"$tmp/err"
check "a header taller than a page ends" '[ $? = 0 ] && qpdf --check "$tmp/x.pdf" >/dev/null 2>&1'
pdftotext "$tmp/x.pdf" "$tmp/x.txt"
n=$(grep -o '\bdos\b' "$tmp/x.txt" | wc -l)
check "a header taller than a page keeps every word ($n)" '[ "$n" = 3000 ] && grep -q "^fin$" "$tmp/x.txt"'

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

# The document's language: idioma picks the printed words and the PDF's
# /Lang; the plan's own label for the contents wins over the word.
sed 's/<plan /<plan idioma="en" /' "$here/../input/plan-2019.xml" >"$here/../input/.lang-en.xml"
"$P" -q "$here/../input/.lang-en.xml" -o "$tmp/en.pdf"
pdftotext "$tmp/en.pdf" - | tr -d '\f' >"$tmp/en.txt"
check "idioma=en: English words" \
	'grep -q "^Contents$" "$tmp/en.txt" && grep -q "^Table 1\." "$tmp/en.txt" &&
	 grep -q "^Source: " "$tmp/en.txt" && grep -q "STRATEGIC RESULTS" "$tmp/en.txt" &&
	 ! grep -q "^Contenido$" "$tmp/en.txt" && ! grep -q "^Fuente\. " "$tmp/en.txt"'
check "idioma=en: /Lang en" 'qpdf --qdf --object-streams=disable "$tmp/en.pdf" - | grep -a -q "/Lang (en)"'
check "idioma=es: /Lang es" 'qpdf --qdf --object-streams=disable "$pdf" - | grep -a -q "/Lang (es)"'
sed 's/<cuerpo>/<cuerpo contenido="ÍNDICE GENERAL">/' "$here/../input/plan-2019.xml" >"$here/../input/.lang-en.xml"
"$P" -q "$here/../input/.lang-en.xml" -o "$tmp/idx.pdf"
check "<cuerpo contenido>: the plan's own heading of the contents" \
	'pdftotext "$tmp/idx.pdf" - | tr -d "\f" >"$tmp/idx.txt" &&
	 grep -q "^ÍNDICE GENERAL$" "$tmp/idx.txt" && ! grep -q "^Contenido$" "$tmp/idx.txt"'
rm -f "$here/../input/.lang-en.xml"

# The plan's data table keeps a long risk text whole.
long=$(perl -e 'print "palabra " x 900, "FIN"')
sed "0,/<riesgo>[^<]*<\/riesgo>/s||<riesgo>$long</riesgo>|" "$here/../input/plan-2019.xml" >"$here/../input/.risk.xml"
"$P" -q "$here/../input/.risk.xml" -f csv -o "$tmp/risk.csv"
check "csv: a 7,000-character risk whole" 'grep -q "palabra FIN" "$tmp/risk.csv"'
rm -f "$here/../input/.risk.xml"

# Attribute values come from the document and the bundled DTD only: the
# defaults an internal subset declares give none.
sed 's|<!DOCTYPE plan SYSTEM "plan.dtd">|<!DOCTYPE plan SYSTEM "plan.dtd" [<!ATTLIST plan papel CDATA "A4"><!ATTLIST tabla id CDATA "t1">]>|' \
	"$here/valid/minimal.xml" | sed 's|<p>Texto.</p>|<p>Texto.</p><tabla><fila><celda>a</celda></fila></tabla><tabla><fila><celda>b</celda></fila></tabla>|' \
	>"$tmp/subset.xml"
"$P" "$tmp/subset.xml" -o "$tmp/subset.pdf" 2>"$tmp/err"
check "an internal subset's defaults give no attribute (papel, id)" \
	'[ $? = 0 ] && pdfinfo "$tmp/subset.pdf" | grep -q "size: *612 x 792" && ! grep -q "t1" "$tmp/err"'
# The output's mode: the file's it replaces.
cp "$pdf" "$tmp/mode.pdf" && chmod 640 "$tmp/mode.pdf"
"$P" --example -q -o "$tmp/mode.pdf"
check "an existing output keeps its mode" '[ "$(stat -c %a "$tmp/mode.pdf")" = 640 ]'
# Standard output closed: a failed write, exit 3.
"$P" --example -q -f trace -o - >&- 2>"$tmp/err"
check "-o - with standard output closed: exit 3" '[ $? = 3 ] && grep -q "cannot write" "$tmp/err"'

# Characters Carlito lacks: Hebrew, Arabic, arrows and check marks print
# in the fallback font (DejaVu Sans, embedded) and are extracted; one no
# font has (Chinese) is a warning at its line, once per character, and
# after 16 characters one more warning for the rest.
d=$tmp/glyphs
mkdir -p "$d"
cp input/plan.dtd "$d/"
sed 's|<p>Texto.</p>|<p>Texto → שלום مرحبا ✓.\n Otra línea: 中文, otra vez 中.</p>|' \
	"$here/valid/minimal.xml" >"$d/plan.xml"
warns_on glyphs plan.xml PDF
l=$(lineof "$d/plan.xml" "Otra línea")
check "a character no font has: one warning per character, at its line" \
	'[ "$(grep -c "^$d/plan.xml:$l: warning: \"中\" (U+4E2D) is in none of the fonts (Carlito, DejaVu Sans): it prints as an empty box" "$d/err")" = 1 ] &&
	 grep -q "^$d/plan.xml:$l: warning: \"文\" (U+6587)" "$d/err" && [ "$(wc -l <"$d/err")" = 2 ]'
check "Hebrew, Arabic and symbols: in the fallback font, embedded, extracted" \
	'pdffonts "$d/x.pdf" | grep -q "+DejaVuSans " && pdftotext "$d/x.pdf" - | grep -q "→" &&
	 pdftotext "$d/x.pdf" - | grep -q "שלום" && pdftotext "$d/x.pdf" - | grep -q "مرحبا" &&
	 pdftotext "$d/x.pdf" - | grep -q "✓"'
sed "s|<p>Texto.</p>|<p>$(printf '\\u%x' $(seq 19968 19987) | perl -pe 's/\\u([0-9a-f]+)/chr hex $1/ge; binmode STDOUT, ":utf8"')</p>|" \
	"$here/valid/minimal.xml" >"$d/many.xml"
warns_on glyphs many.xml PDF
check "20 characters no font has: 16 warnings and one for the rest" \
	'[ "$(grep -c "is in none of the fonts" "$d/err")" = 16 ] &&
	 [ "$(grep -c "more characters that no font has" "$d/err")" = 1 ] && [ "$(wc -l <"$d/err")" = 17 ]'

# Figures and tables are numbered without gaps: a figure without a
# caption (the 2016 plan's organisation chart) takes no number.
for f in input/plan-2019.xml "$here/valid/plan-2016.xml"; do
	"$P" -q "$f" -o "$tmp/num.pdf" 2>/dev/null
	pdftotext "$tmp/num.pdf" "$tmp/num.txt"
	for k in Figura Tabla; do
		check "${f##*/}: the numbers of $k No. have no gaps" \
			'[ "$(grep -o "^$k No\. [0-9]*" "$tmp/num.txt" | awk "{ print \$3 }" | tr "\n" " ")" = \
			   "$(grep -c "^$k No\. [0-9]*" "$tmp/num.txt" | xargs seq 2>/dev/null | tr "\n" " ")" ]'
	done
done

# A figure is drawn, and its caption is its alternative text (/Alt).
"$P" -q "$here/valid/figura.xml" -o "$tmp/fig.pdf"
check "a figure's picture is drawn" '[ "$(pdfimages -list "$tmp/fig.pdf" | grep -c " image ")" = 1 ]'
alt=$(printf 'Sello de prueba' | perl -CS -ne 'print join "", map { sprintf "%04x", ord } split //')
check "a figure's caption as its /Alt" \
	'qpdf --qdf --object-streams=disable "$tmp/fig.pdf" - | grep -a -q "/Span << /Alt <feff$alt> >> BDC /x[0-9]* Do EMC"'

# Large images: a 6000×6000 PNG signature and a 6000×4000 JPEG seal in
# the footer of every page of the 2019 plan.  Each is decoded once and
# kept at 3,300 pixels on its longer side (it had been decoded again on
# every page: 37 s and 600 MB): the PDF holds one image object each,
# drawn on every page, the PNG at 3,300 pixels and the JPEG as the file
# itself (6000×4000); the PNG device draws them too.
mkdir -p "$tmp/big"
perl "$here/make-png.pl" 6000 6000 "$tmp/big/firma.png"
gzip -dc "$here/valid/img/sello-grande.jpg.gz" >"$tmp/big/sello.jpg"
cp input/plan.dtd "$tmp/big/"
sed 's|<firmante id="secretario" cargo="SECRETARÍA DE COAMSS"/>|<firmante id="secretario" cargo="SECRETARÍA DE COAMSS" firma="firma.png" sello="sello.jpg"/>|' \
	input/plan-2019.xml >"$tmp/big/plan.xml"
"$P" -q "$tmp/big/plan.xml" -o "$tmp/big/plan.pdf"
check "large images in every footer: rendered" '[ $? = 0 ] && qpdf --check "$tmp/big/plan.pdf" >/dev/null 2>&1'
pdfimages -list "$tmp/big/plan.pdf" 2>/dev/null >"$tmp/big/list"
pages=$(pdfinfo "$tmp/big/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
check "large images: two image objects, drawn on every page but the cover" \
	'[ "$(awk "NR > 2 { print \$11 }" "$tmp/big/list" | sort -u | wc -l)" = 2 ] &&
	 [ "$(awk "NR > 2 { print \$1 }" "$tmp/big/list" | sort -u | wc -l)" = $((pages - 1)) ]'
check "large images: the PNG kept at 3300×3300, the JPEG embedded as it is (6000×4000 jpeg)" \
	'grep -q " image *3300 *3300 .* image " "$tmp/big/list" && grep -q " image *6000 *4000 .* jpeg " "$tmp/big/list"'
"$P" -q "$tmp/big/plan.xml" -f png -o "$tmp/big/p" 2>/dev/null
check "large images: the PNG device draws every page" '[ "$(ls "$tmp/big" | grep -c "^p-")" = "$pages" ]'
rm -rf "$tmp/big"
# The cover (issue 13.9, 13.10): its logos drawn in a row at the top, the
# institution lines written before the title above it, the approver's
# stamp and signature at its foot (portada firmas="si"); the logo stored
# sideways (EXIF Orientation 6, pixels wider than tall) drawn upright.
"$P" -q "$here/valid/portada.xml" -o "$tmp/cover.pdf"
pdfimages -f 1 -l 1 -list "$tmp/cover.pdf" | tail -n +3 | awk '$3 == "image"' | wc -l >"$tmp/n"
check "the cover: three logos, a stamp and a signature drawn" '[ "$(cat "$tmp/n")" = 5 ]'
alt=$(printf 'Logotipo de la institución' | perl -CS -ne 'print join "", map { sprintf "%04x", ord } split //')
check "the cover: each logo with its /Alt" \
	'[ "$(qpdf --qdf --object-streams=disable "$tmp/cover.pdf" - | grep -a -c "/Span << /Alt <feff$alt> >> BDC /x[0-9]* Do EMC")" = 3 ]'
pdftotext -f 1 -l 1 "$tmp/cover.pdf" - | tr -d "\f" | grep . >"$tmp/cover.txt"
check "the cover: a line above the title, a line under it, the cargo at the foot" \
	'[ "$(sed -n 1p "$tmp/cover.txt")" = "Consejo de Alcaldes" ] &&
	 [ "$(sed -n 2p "$tmp/cover.txt")" = "Plan de Acción 2019" ] &&
	 [ "$(sed -n 3p "$tmp/cover.txt")" = "del Área Metropolitana" ] &&
	 [ "$(tail -n 1 "$tmp/cover.txt")" = "SECRETARIO COAMSS" ]'
"$P" -q "$here/valid/portada.xml" -f trace -o "$tmp/cover.trace"
box=$(awk '$1 == "image" && /taller-comunitario/ { print $2, $3, $4, $5; exit }' "$tmp/cover.trace")
check "the sideways logo's box is upright ($box)" '[ -n "$box" ] && echo "$box" | awk "{ exit !(\$4 > \$3) }"'
# Its ink, rendered at 72 dpi inside its box: taller than wide.
set -- $box 0 0 0 0
pdftoppm -f 1 -l 1 -r 72 -x "${1%.*}" -y "${2%.*}" -W "${3%.*}" -H "${4%.*}" "$tmp/cover.pdf" "$tmp/logo" 2>/dev/null
ink=$(perl -e 'open my $f, "<:raw", $ARGV[0] or die; local $/; my $d = <$f>;
	$d =~ s/^P6\s+(\d+)\s+(\d+)\s+\d+\s//s or die; my ($w, $h) = ($1, $2);
	my ($x0, $y0, $x1, $y1) = ($w, $h, -1, -1);
	for my $p (0 .. $w * $h - 1) { my ($r, $g, $b) = unpack "C3", substr($d, 3 * $p, 3);
		next unless $r < 250 || $g < 250 || $b < 250; my ($x, $y) = ($p % $w, int($p / $w));
		$x0 = $x if $x < $x0; $x1 = $x if $x > $x1; $y0 = $y if $y < $y0; $y1 = $y if $y > $y1 }
	printf "%d %d\n", $x1 - $x0 + 1, $y1 - $y0 + 1' "$(ls "$tmp"/logo*.ppm | head -n 1)" 2>/dev/null)
check "the sideways logo painted upright: ink $ink, taller than wide" \
	'[ -n "$ink" ] && echo "$ink" | awk "{ exit !(\$2 > \$1 && \$1 > 20) }"'
# A group row is one cell across the table without columnas.
check "a group row without columnas spans the table" \
	'grep -q "^fill 85.00 [0-9.]* 455.00 " "$tmp/cover.trace"'
# The 2016 plan: its cover as printed, its own CONTENIDO heading.
"$P" -q "$here/valid/plan-2016.xml" -o "$tmp/p16.pdf"
pdftotext -f 1 -l 2 "$tmp/p16.pdf" - | tr -d "\f" | grep . >"$tmp/p16.txt"
check "2016: the institution lines above the title, the cargos on the cover, CONTENIDO" \
	'[ "$(sed -n 3p "$tmp/p16.txt")" = "PLAN DE ACCIÓN 2016" ] &&
	 sed -n 1p "$tmp/p16.txt" | grep -q "^Consejo de Alcaldes" &&
	 grep -q "COORDINADOR COAMSS" "$tmp/p16.txt" && grep -q -x "CONTENIDO" "$tmp/p16.txt"'

# The Contenido's leaders: the dots of every entry on one grid (columns
# of dots under each other) ending at one x, clear of the page numbers.
check "contents leaders aligned" 'perl -ne '"'"'
	$p = $1 if /^page (\d+)/;
	next unless $p == 2 && /^text (\S+) (\S+) (\S+) \S+ \S+ "(.*)"$/;
	if ($4 eq ".") { push @{ $d{$2} }, $1; $dw = $3 } elsif ($4 =~ /^\d+$/) { $num{$2} = $1 }
	END {
		my (%end, $bad);
		my ($long) = sort { @{ $d{$b} } <=> @{ $d{$a} } } keys %d;
		my @l = sort { $a <=> $b } @{ $d{$long} };
		my $pitch = ($l[-1] - $l[0]) / $#l;   # the trace rounds to 0.01
		for my $b (keys %d) {
			my @x = sort { $a <=> $b } @{ $d{$b} };
			$end{ sprintf "%.1f", $x[-1] } = 1;
			$bad++ if defined $num{$b} && $x[-1] + $dw > $num{$b} - 2;
			for (@x) { my $k = ($x[-1] - $_) / $pitch; $bad++ if abs($k - int($k + 0.5)) > 0.05 }
		}
		exit !(keys %d >= 5 && keys %end == 1 && !$bad);
	}'"'"' "$tmp/plan.trace"'

# A word with no break as long as the reader allows (100,000 letters) in
# a narrow cell (an activity's responsible) lays out in time that grows
# with its length (it took minutes: each cut re-laid the rest of it),
# every letter kept.  The bound is generous, for the debug build.
perl -0pe 's|<responsable>Unidad Jurídica</responsable>|"<responsable>" . ("abcdefghi\xc3\xb1" x 10000) . "</responsable>"|e' \
	"$here/valid/minimal.xml" >"$tmp/longword.xml"
t0=$(date +%s.%N)
"$P" "$tmp/longword.xml" -f trace -o "$tmp/longword.trace" 2>"$tmp/err"
rc=$?
secs=$(perl -e "printf '%.2f', $(date +%s.%N) - $t0")
echo "render.sh: a 100,000-letter word in a narrow cell: $secs s"
letters=$(perl -CSD -ne 'print $1 =~ s/-$//r if /^text [-\d. ]+#\w+ "([a-i\x{f1}-]+)"$/' "$tmp/longword.trace" | wc -m)
check "a 100,000-letter word lays out in under 20 s, every letter kept" \
	'[ $rc = 0 ] && perl -e "exit !($secs < 20)" && [ "$letters" -ge 100000 ]'

# Seven and eight approvers with signature and stamp images: the footer
# lays them out in rows (three a row on portrait pages, five on
# landscape), every cargo and name whole on every page, nothing over the
# page number (the invariants: no overlap, nothing across a box).
for n in 7 8; do
	"$P" "$here/valid/firmantes-$n.xml" -f trace -o "$tmp/f.trace" 2>"$tmp/err"
	check "$n approvers render" '[ $? = 0 ] && [ ! -s "$tmp/err" ]'
	if perl "$here/invariants.pl" "$tmp/f.trace" "$here/valid/firmantes-$n.xml" >"$tmp/inv"; then ok; else
		fail "$n approvers: invariants"; cat "$tmp/inv"; fi
	pages=$(grep -c '^page' "$tmp/f.trace")
	k=1; whole=1
	while [ $k -le $n ]; do
		[ "$(grep -c -F "\"Nombre Apellido $k\"" "$tmp/f.trace")" -ge $((pages - 1)) ] || whole=0
		[ "$(grep -c -F "\"DIRECTORA DE LA UNIDAD $k" "$tmp/f.trace")" -ge $((pages - 1)) ] || whole=0
		k=$((k + 1))
	done
	check "$n approvers: every cargo and name whole on every page" '[ $whole = 1 ] && ! grep -q "PLANIFICA[A-ZÓ]*-\"" "$tmp/f.trace"'
	# The footer's rows are below the body on every page: the body's
	# lowest text is above the footer rule.
	check "$n approvers: the body ends above the footer" \
		'perl -ne '"'"'if (/^page \d+ \S+ (\S+)/) { $h = $1 } elsif (/^line (\S+) (\S+) (\S+) \2 \S+ #1f3864/ && $3 - $1 > 400) { $rule{$.} = $2; $r = $2 } elsif (/^text \S+ (\S+) \S+ \S+ \S+ "(.*)"$/ && $2 !~ /^(DIRECTORA|PLANIFICACIÓN|DE PLANIFICACIÓN|Nombre|\d+$)/) { $low = $1 if !defined $low || $1 > $low } END { exit !(defined $r && $low < $r) }'"'"' "$tmp/f.trace"'
done

for f in "$here"/valid/*.xml; do
	"$P" "$f" -o "$tmp/v.pdf" 2>"$tmp/err"
	check "render $f" '[ $? = 0 ] && qpdf --check "$tmp/v.pdf" >/dev/null 2>&1'
done

# The same pages whatever the number of threads (PLANGEN_THREADS) and
# with or without the cache of shaped words (PLANGEN_SHAPE_CACHE,
# layout/shape.c): the same trace (every text's place and width) and,
# in the PDF, every word's box as pdftotext reads it.
for doc in --example "$here/valid/plan-2016.xml" input/avance-2019-T4.xml \
	   input/rendicion-2019.xml "$tmp/big.xml"; do
	PLANGEN_THREADS=1 PLANGEN_SHAPE_CACHE=0 "$P" -q "$doc" -f trace -o "$tmp/one.trace"
	PLANGEN_THREADS=4 "$P" -q "$doc" -f trace -o "$tmp/four.trace"
	check "one thread uncached, four cached: the same trace ($doc)" \
		'[ -s "$tmp/one.trace" ] && cmp -s "$tmp/one.trace" "$tmp/four.trace"'
done
for doc in --example "$here/valid/plan-2016.xml"; do
	PLANGEN_THREADS=1 PLANGEN_SHAPE_CACHE=0 "$P" -q "$doc" -o "$tmp/one.pdf" &&
		pdftotext -bbox "$tmp/one.pdf" "$tmp/one.html"
	PLANGEN_THREADS=4 "$P" -q "$doc" -o "$tmp/four.pdf" && pdftotext -bbox "$tmp/four.pdf" "$tmp/four.html"
	check "one thread uncached, four cached: every word where it was ($doc)" \
		'[ -s "$tmp/one.html" ] && cmp -s "$tmp/one.html" "$tmp/four.html"'
done

echo "render.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
