#!/bin/sh
# cli.sh — the command line as a user meets it (issue 14):
#   - no input file is a usage error; the built-in plan is --example;
#     two files say to use -o; a misspelt option says where to look;
#   - png and svg: pages named PREFIX-NN.EXT by their number in the
#     document, as many digits as it has pages, with -o DIR/p, DIR/p.png
#     or DIR; --pages and --dpi; not to standard output or a device;
#   - png and svg appear whole: all pages or none (a full disk, a signal),
#     a full render removes the stale pages of an earlier, longer one and
#     a --pages preview leaves the others alone (issue 18 item 9);
#   - - reads standard input; a plan without <poas/> is warned of;
#   - the PDF's dates are PDF dates (D:, a time zone);
#   - --watch renders again when the input or a file it names changes;
#   - a PDF to a fifo waits for its reader, to a reader that leaves is
#     ended by SIGPIPE; the output replaced keeps its mode, even
#     write-only (as a user other than root, when setpriv is there).
here=$(dirname "$0")
. "$here/lib.sh"
min=$here/valid/minimal.xml

# No input file: exit 2, said, nothing written.
mkdir "$tmp/cwd"
(cd "$tmp/cwd" && "$OLDPWD/$P" -o plan2020.pdf 2>"$tmp/err"; echo $? >"$tmp/rc")
check "no input file: exit 2, --example named, nothing written" \
	'[ "$(cat "$tmp/rc")" = 2 ] && grep -q "no input file" "$tmp/err" && grep -q -- "--example" "$tmp/err" &&
	 [ -z "$(ls -A "$tmp/cwd")" ]'
"$P" --example -o "$tmp/example.pdf" 2>"$tmp/err"
check "--example renders the built-in plan" '[ $? = 0 ] && [ ! -s "$tmp/err" ] &&
	pdfinfo "$tmp/example.pdf" | grep -q "^Title: *Plan de Acción 2019"'
"$P" --example "$min" -o "$tmp/x.pdf" 2>/dev/null
check "--example and an input: exit 2" '[ $? = 2 ] && [ ! -e "$tmp/x.pdf" ]'
# Two files: use -o.
"$P" "$min" "$tmp/plan.pdf" 2>"$tmp/err"
check "two file arguments: exit 2, says -o" '[ $? = 2 ] && grep -q -- "use -o: plangen .*minimal.xml -o .*plan.pdf" "$tmp/err" &&
	[ ! -e "$tmp/plan.pdf" ]'
# A misspelt option: getopt's line and where to look, not the usage.
"$P" --ouput x.pdf "$min" 2>"$tmp/err"
check "a misspelt option: exit 2, Try 'plangen --help', short" '[ $? = 2 ] &&
	grep -q "unrecognized option .--ouput" "$tmp/err" && grep -q "^Try '"'"'plangen --help'"'"'" "$tmp/err" &&
	[ "$(wc -l <"$tmp/err")" -le 2 ] && ! grep -q "usage:" "$tmp/err"'
"$P" --help >"$tmp/help"
check "--help names the installed guide" 'grep -q "share/plangen/GUIA.md" "$tmp/help"'

# png naming: DIR/p, DIR/p.png and DIR give p-1.png ... (6 pages: one
# digit); the 2019 plan's 71 pages have two.
mkdir "$tmp/a" "$tmp/b" "$tmp/c"
"$P" "$min" -f png --dpi 20 -o "$tmp/a/p" && "$P" "$min" -f png --dpi 20 -o "$tmp/b/p.png" &&
	"$P" "$min" -f png --dpi 20 -o "$tmp/c"
n=$(pdfinfo "$tmp/example.pdf" >/dev/null; "$P" "$min" -o - | pdfinfo - | awk '/^Pages:/ { print $2 }')
check "png: -o DIR/p, DIR/p.png: p-1.png ... p-$n.png; -o DIR: minimal-1.png ..." \
	'[ "$(ls "$tmp/a")" = "$(seq -f "p-%g.png" 1 "$n")" ] && [ "$(ls "$tmp/b")" = "$(ls "$tmp/a")" ] &&
	 [ "$(ls "$tmp/c")" = "$(seq -f "minimal-%g.png" 1 "$n")" ]'
rm -rf "$tmp/a"/* && mkdir "$tmp/a/svg"
"$P" --example -f png --dpi 10 -o "$tmp/a/p.png"
big=$(pdfinfo "$tmp/example.pdf" | awk '/^Pages:/ { print $2 }')
check "png of the 2019 plan's $big pages: p-01.png ... p-$big.png" \
	'[ "$big" -ge 10 ] && [ "$(ls "$tmp/a" | grep png)" = "$(seq -f "p-%0${#big}g.png" 1 "$big")" ]'
"$P" --example -f svg --pages 5,19-20 -o "$tmp/a/svg/s.svg"
check "svg --pages 5,19-20: s-05.svg s-19.svg s-20.svg only" \
	'[ "$(ls "$tmp/a/svg" | tr "\n" " ")" = "s-05.svg s-19.svg s-20.svg " ] && grep -q "<svg" "$tmp/a/svg/s-19.svg"'
# --dpi: the page's pixels (Letter portrait, 8.5 x 11 in).
"$P" "$min" -f png --dpi 50 --pages 1 -o "$tmp/dpi"
# A PNG's width and height: bytes 16-23, big-endian.
check "png --dpi 50: 425 x 550 pixels" '[ "$(od -An -tu1 -j16 -N8 "$tmp/dpi-1.png" | tr -s " ")" = " 0 0 1 169 0 0 2 38" ]'
"$P" "$min" -f svg --dpi 96 --pages 1 -o "$tmp/dpi"
check "svg --dpi 96: 816 x 1056 px" 'grep -q "width=\"816px\" height=\"1056px\"" "$tmp/dpi-1.svg"'
"$P" "$min" -f svg --pages 7- -o "$tmp/dpi" 2>"$tmp/err"
check "--pages past the end: exit 2, the page count said" '[ $? = 2 ] && grep -q "the document has $n pages" "$tmp/err"'
for bad in 0 x 3-2 1,,2 -4; do
	"$P" "$min" -f png --pages "$bad" -o "$tmp/bad" 2>/dev/null
	check "--pages $bad: exit 2" '[ $? = 2 ] && [ -z "$(ls "$tmp" | grep "^bad")" ]'
done
"$P" "$min" --pages 1 -o "$tmp/x.pdf" 2>/dev/null
check "--pages with a PDF: exit 2" '[ $? = 2 ] && [ ! -e "$tmp/x.pdf" ]'
# Not to standard output or a device: nothing written anywhere.
for fmt in png svg; do
	for o in - /dev/null; do
		(cd "$tmp/cwd" && "$OLDPWD/$P" "$OLDPWD/$min" -f $fmt -o $o >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc")
		check "-f $fmt -o $o: exit 2, nothing written" '[ "$(cat "$tmp/rc")" = 2 ] && [ ! -s "$tmp/out" ] &&
			[ -z "$(ls -A "$tmp/cwd")" ] && [ -z "$(ls /dev | grep "^null-")" ] && grep -q "one file per page" "$tmp/err"'
	done
done

# Stale pages: the 71-page render in $tmp/a, then a 6-page one with the
# same prefix: only p-1.png ... p-6.png remain; a --pages preview
# rewrites its pages and leaves the others.
touch "$tmp/a/p-notes.txt" "$tmp/a/p-3.png.bak" "$tmp/a/q-01.png"
"$P" "$min" -f png --dpi 10 -o "$tmp/a/p"
check "a full render removes the stale pages of its prefix" \
	'[ "$(ls "$tmp/a" | grep "^p-.*png$")" = "$(seq -f "p-%g.png" 1 "$n")" ] &&
	 [ -e "$tmp/a/p-notes.txt" ] && [ -e "$tmp/a/p-3.png.bak" ] && [ -e "$tmp/a/q-01.png" ]'
touch -d 2000-01-01 "$tmp/a"/p-*.png
"$P" "$min" -f png --dpi 10 --pages 2-3 -o "$tmp/a/p"
check "a --pages preview writes its pages and leaves the others" \
	'[ "$(ls "$tmp/a" | grep "^p-.*png$")" = "$(seq -f "p-%g.png" 1 "$n")" ] &&
	 [ "$(find "$tmp/a" -name "p-*.png" -newer "$tmp/a/p-notes.txt" | sort | tr "\n" " ")" = "$tmp/a/p-2.png $tmp/a/p-3.png " ]'
check "no temporary folder left" '[ -z "$(ls -A "$tmp/a" "$tmp/b" "$tmp/c" | grep plangen)" ]'

# A full disk: all pages or none, and an earlier render's pages kept.
# A small tmpfs in a mount namespace of our own (as render.sh does).
if command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
	mkdir "$tmp/small"
	for fmt in png svg; do
		unshare -m sh -c 'mount -t tmpfs -o size=$4 tmpfs "$1" &&
			"$2" "$3" -f $5 -o "$1/p" 2>"$1.err"; echo $? >"$1.rc"; ls -A "$1" >"$1.ls"' \
			sh "$tmp/small" "$P" "$min" 60k $fmt 2>/dev/null
		check "$fmt on a full disk: exit 3, said once, no page, no temporary folder" \
			'[ "$(cat "$tmp/small.rc")" = 3 ] && [ ! -s "$tmp/small.ls" ] &&
			 [ "$(grep -c "error: cannot write: No space left" "$tmp/small.err")" = 1 ] &&
			 grep -q "^$tmp/small/p: error" "$tmp/small.err"'
	done
	# The disk holds one render: a second one fails whole and the first stays.
	unshare -m sh -c 'mount -t tmpfs -o size=150k tmpfs "$1" &&
		"$2" "$3" -f png -o "$1/p" && ls "$1" >"$1.ls1" &&
		{ "$2" "$3" -f png -o "$1/p"; echo $? >"$1.rc"; ls -A "$1" >"$1.ls"; }' \
		sh "$tmp/small" "$P" "$min" 2>/dev/null
	check "png: a disk full halfway through a second render keeps the first whole" \
		'[ "$(cat "$tmp/small.rc")" = 3 ] && [ "$(cat "$tmp/small.ls")" = "$(cat "$tmp/small.ls1")" ] &&
		 [ "$(wc -l <"$tmp/small.ls")" = "$n" ]'
else
	echo "cli.sh: no mount namespace here: the full-disk tests are not run"
fi
# A signal during a png render: no page, no temporary folder.
perl "$here/make-big-plan.pl" 2 >"$tmp/big.xml"
mkdir "$tmp/sig"
perl -e '$SIG{TERM} = "DEFAULT"; exec @ARGV' "$P" "$tmp/big.xml" -f png --dpi 10 -o "$tmp/sig/p" 2>/dev/null &
pid=$!
k=0
while [ -z "$(ls "$tmp/sig"/.p.plangen-*/ 2>/dev/null)" ] && [ $k -lt 600 ]; do sleep 0.1; k=$((k + 1)); done
kill -s TERM $pid
wait $pid 2>/dev/null
st=$?
check "SIGTERM during a png render: exit 143, nothing left ($k)" '[ $st = 143 ] && [ -z "$(ls -A "$tmp/sig")" ]'

# Standard input.
"$P" - -o "$tmp/stdin.pdf" <"$min" 2>"$tmp/err"
check "- reads standard input" '[ $? = 0 ] && [ ! -s "$tmp/err" ] && qpdf --check "$tmp/stdin.pdf" >/dev/null 2>&1'
sed 's|meses="1-12"|meses="1-13"|' "$min" | "$P" --check - 2>"$tmp/err"
check "- : errors located as <stdin>:LINE" '[ $? = 1 ] && grep -q "^<stdin>:[0-9]*:.*error: " "$tmp/err"'
# No <poas/>: a warning at the first POA.
sed 's|<poas/>||' "$min" >"$tmp/nopoas.xml"
"$P" "$tmp/nopoas.xml" -o "$tmp/nopoas.pdf" 2>"$tmp/err"
check "no <poas/>: a located warning, the PDF made" '[ $? = 0 ] &&
	grep -q "nopoas.xml:$(lineof "$tmp/nopoas.xml" "<poa "): warning: 1 POA but no <poas/>" "$tmp/err" && [ -s "$tmp/nopoas.pdf" ]'
# The PDF's dates: D:, and a time zone (the local one, Z in UTC).
TZ=UTC "$P" "$min" -o "$tmp/utc.pdf" && TZ=America/El_Salvador "$P" "$min" -o "$tmp/sv.pdf"
check "/CreationDate and /ModDate are PDF dates with a zone" \
	'qpdf --json "$tmp/utc.pdf" | grep -q "\"/CreationDate\": \"u:D:[0-9]\{14\}Z\"" &&
	 qpdf --json "$tmp/utc.pdf" | grep -q "\"/ModDate\": \"u:D:[0-9]\{14\}Z\"" &&
	 { [ ! -e /usr/share/zoneinfo/America/El_Salvador ] ||
	   qpdf --json "$tmp/sv.pdf" | grep -q "\"/CreationDate\": \"u:D:[0-9]\{14\}-06'"'"'00'"'"'\""; } &&
	 pdfinfo -isodates "$tmp/utc.pdf" | grep -q "^CreationDate: *[0-9-]*T[0-9:]*Z$"'

# Messages in Spanish under a Spanish locale (po/es.po; make check makes
# es_SV.UTF-8 with tools/deps.sh test), English otherwise; the prefix
# FILE:LINE: error: stays as editors read it.
if locale -a 2>/dev/null | grep -qi '^es_SV\.utf-\?8$'; then
	LC_ALL=es_SV.UTF-8 "$P" 2>"$tmp/err"
	check "es_SV: a usage error in Spanish" '[ $? = 2 ] && grep -q "^plangen: falta el archivo de entrada" "$tmp/err" &&
		grep -q "^Pruebe '"'"'plangen --help'"'"'" "$tmp/err"'
	LC_ALL=es_SV.UTF-8 "$P" --help >"$tmp/help"
	check "es_SV: --help in Spanish" 'grep -q "^uso: plangen" "$tmp/help" && grep -q "solo estas páginas" "$tmp/help"'
	sed 's|meses="1-12"|meses="1-13"|' "$min" | LC_ALL=es_SV.UTF-8 "$P" --check - 2>"$tmp/err"
	check "es_SV: a reader's diagnostic in Spanish" \
		'grep -q "^<stdin>:[0-9]*: error: meses=\"1-13\": el mes 13 está fuera de 1-12$" "$tmp/err"'
	sed 's|<responsable>|<resposable>|; s|</responsable>|</resposable>|' "$min" | LC_ALL=es_SV.UTF-8 "$P" --check - 2>"$tmp/err"
	check "es_SV: the hints in Spanish" 'grep -q "¿quiso decir <responsable>?" "$tmp/err"'
	LC_ALL=es_SV.UTF-8 LANGUAGE= LC_MESSAGES= "$P" - -o "$tmp/es.trace" -f trace <"$min" &&
		"$P" "$min" -o "$tmp/c.trace" -f trace
	check "es_SV: the output is the same (numbers with a point)" 'cmp -s "$tmp/es.trace" "$tmp/c.trace"'
else
	fail "the locale es_SV.UTF-8 is missing (as root: tools/deps.sh test makes it)"
fi
LC_ALL=C LANGUAGE= "$P" 2>"$tmp/err"
check "C: English" 'grep -q "^plangen: no input file" "$tmp/err"'

# Editors (input/GUIA.md 1.6): the DTDs copied beside the file, or a
# DOCTYPE naming the installed DTD by its path, let xmllint (and the
# editors that validate with a DTD) check a file as plangen does, which
# accepts both.
dtds=$(cd "$here/../input" && pwd)
mkdir "$tmp/ed" && cp "$min" "$tmp/ed/plan.xml" && cp "$dtds"/*.dtd "$tmp/ed/"
sed 's|<responsable>|<resposable>|; s|</responsable>|</resposable>|' "$min" >"$tmp/ed/bad.xml"
check "editors: the DTD beside the file: xmllint validates as plangen does" \
	'xmllint --valid --noout --nonet "$tmp/ed/plan.xml" && "$P" --check "$tmp/ed/plan.xml" &&
	 ! xmllint --valid --noout --nonet "$tmp/ed/bad.xml" 2>/dev/null && ! "$P" --check "$tmp/ed/bad.xml" 2>/dev/null'
mkdir "$tmp/ed2"
sed "s|SYSTEM \"plan.dtd\"|SYSTEM \"$dtds/plan.dtd\"|" "$min" >"$tmp/ed2/abs.xml"
check "editors: a DOCTYPE with the DTD's path: xmllint and plangen validate it" \
	'grep -q "SYSTEM \"/.*/plan.dtd\"" "$tmp/ed2/abs.xml" && xmllint --valid --noout --nonet "$tmp/ed2/abs.xml" &&
	 "$P" --check "$tmp/ed2/abs.xml"'

# --watch: a save of the input (sed -i: a new file renamed over it, as
# editors save) gives a new PDF; a broken save says why and keeps the
# last good PDF; a change of an image the plan names gives a new PDF.
mkdir -p "$tmp/w/img"
cp "$here/valid/figura.xml" "$tmp/w/plan.xml" && cp "$here/valid/img/sello.jpg" "$tmp/w/img/"
"$P" "$tmp/w/plan.xml" -o "$tmp/w/out.pdf" --watch 2>"$tmp/w/err" &
pid=$!
# until CMD: waits up to 30 s for CMD to hold.
until_() { k=0; while ! eval "$1" && [ $k -lt 300 ]; do sleep 0.1; k=$((k + 1)); done; eval "$1"; }
has() { pdftotext "$tmp/w/out.pdf" - 2>/dev/null | grep -q "$1"; }
check "--watch: the first render" 'until_ "has Texto"'
sed -i 's|<p>Texto.</p>|<p>Cambiado.</p>|' "$tmp/w/plan.xml"
check "--watch: an edit gives the new PDF" 'until_ "has Cambiado"'
sed -i 's|<p>Cambiado.</p>|<p>Roto.</p|' "$tmp/w/plan.xml"
check "--watch: a broken save: its error said" 'until_ "grep -q \"plan.xml:13.*error\" \"$tmp/w/err\""'
check "--watch: a broken save keeps the last good PDF" 'has Cambiado && qpdf --check "$tmp/w/out.pdf" >/dev/null 2>&1'
sed -i 's|<p>Roto.</p|<p>Arreglado.</p>|' "$tmp/w/plan.xml"
check "--watch: mended, the new PDF" 'until_ "has Arreglado"'
printf 'not an image' >"$tmp/w/img/sello.jpg"
check "--watch: a changed image the plan names: rendered again (its error said)" \
	'until_ "grep -q \"error: archivo=.*sello.jpg.*not a PNG or JPEG\" \"$tmp/w/err\""'
written() { grep -c "out.pdf written" "$tmp/w/err"; }
n0=$(written)
cp "$here/valid/img/sello.jpg" "$tmp/w/img/sello.jpg"
check "--watch: the image mended: written again, with its image" \
	'until_ "[ \$(written) -gt $n0 ]" && [ "$(pdfimages -list "$tmp/w/out.pdf" | grep -c " image ")" = 1 ]'
kill $pid
wait $pid 2>/dev/null
check "--watch ends by a signal, no temporary file" '[ -z "$(ls -A "$tmp/w" | grep plangen)" ]'

# A PDF to a pipe or a device: written as to one (it waits for a reader,
# and a reader that leaves ends it), never read back.
mkfifo "$tmp/fifo"
("$P" "$min" -o "$tmp/fifo" 2>"$tmp/fifo.err"; echo $? >"$tmp/fifo.rc") &
sleep 1
check "-o a fifo: waits for its reader" '[ ! -e "$tmp/fifo.rc" ]'
timeout 30 cat "$tmp/fifo" >"$tmp/fifo.pdf"
wait
check "-o a fifo: the whole PDF through it" '[ "$(cat "$tmp/fifo.rc")" = 0 ] &&
	pdfinfo "$tmp/fifo.pdf" | grep -q "^Pages: *5"'
{ timeout 60 "$P" "$here/valid/plan-2016.xml" -o /dev/stdout 2>/dev/null; echo $? >"$tmp/pipe.rc"; } |
	head -c 100 >/dev/null
check "-o /dev/stdout into a reader that leaves: ended by SIGPIPE (141), not waiting (124)" \
	'[ "$(cat "$tmp/pipe.rc")" = 141 ]'
# The output replaced keeps its mode, even one its owner may not read
# (a user other than root: the file is read back to be signed).
echo old >"$tmp/mode.pdf"
chmod 640 "$tmp/mode.pdf"
"$P" "$min" -o "$tmp/mode.pdf" 2>/dev/null
check "the output's mode kept (640)" '[ "$(stat -c %a "$tmp/mode.pdf")" = 640 ] &&
	pdfinfo "$tmp/mode.pdf" >/dev/null 2>&1'
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	# Everything it needs in a folder of its own: the checkout may be
	# in one that user cannot enter.
	mkdir "$tmp/nobody" && chmod 755 "$tmp" && cp -r "$here/../fonts" "$tmp/nobody/" &&
		cp "$P" "$min" "$tmp/nobody/" && chmod -R a+rX "$tmp/nobody" &&
		chmod 777 "$tmp/nobody"
	# (A sanitizer build's leak check wants files that user may not read.)
	env -u LSAN_OPTIONS ASAN_OPTIONS=detect_leaks=0 \
		setpriv --reuid=65534 --regid=65534 --clear-groups sh -c \
		'cd "$1" && touch out.pdf && chmod 222 out.pdf &&
		 PLANGEN_FONTS=fonts ./plangen minimal.xml -o out.pdf 2>err; echo $? >rc' _ \
		"$tmp/nobody"
	check "a write-only output replaced by its owner (not root): exit 0, mode kept" \
		'[ "$(cat "$tmp/nobody/rc")" = 0 ] && [ "$(stat -c %a "$tmp/nobody/out.pdf")" = 222 ] &&
		 [ -z "$(ls -A "$tmp/nobody" | grep "\.plangen-")" ]'
fi

echo "cli.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
