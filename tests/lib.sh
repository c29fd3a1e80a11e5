# lib.sh — what the test scripts share, sourced after they set `here`
# (their folder): the binary under test ($P: PLANGEN, or ./plangen), a
# temporary folder ($tmp) removed at exit, the counters and check, and
# the helpers of the bad-input cases.
set -u
P=${PLANGEN:-./plangen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 total=0
ok() { total=$((total + 1)); }
fail() { total=$((total + 1)); echo "FAIL: $*"; fails=$((fails + 1)); }
check() { if eval "$2"; then ok; else fail "$1"; fi; }

# lineof FILE STRING [N]: the line of the Nth (default first) line of
# FILE holding STRING.
lineof() { grep -n -F -- "$2" "$1" | sed -n "${3:-1}p" | cut -d: -f1; }

# bad_input NAME INPUT FILE LINE PHRASE: plangen on $tmp/NAME/INPUT says
# "FILE:LINE: error: ...PHRASE..." (FILE in $tmp/NAME; LINE empty: an
# unlocated error of a file, "FILE: error:"), exits 1, writes nothing
# and keeps an existing file; it prints nothing but diagnostics.
bad_input() {
	d=$tmp/$1
	loc=$d/$3:$4
	[ -n "$4" ] || loc=$d/$3
	mkdir -p "$d/out"
	"$P" "$d/$2" -o "$d/out/new.pdf" >"$d/stdout" 2>"$d/err"
	st=$?
	check "$1: exit 1 (got $st)" '[ $st = 1 ]'
	if grep -F -- "$loc: error: " "$d/err" | grep -q -F -- "$5"; then ok; else
		fail "$1: no \"$loc: error: ...$5\""; sed 's/^/  | /' "$d/err" | head -5; fi
	check "$1: diagnostics only (no sanitizer's report)" \
		'! grep -q -v -E "^[^ ]+(:[0-9]+)?: (error|warning): " "$d/err"'
	check "$1: nothing written" '[ -z "$(ls -A "$d/out")" ] && [ ! -s "$d/stdout" ]'
	echo keep >"$d/out/old.pdf"
	"$P" "$d/$2" -o "$d/out/old.pdf" 2>/dev/null
	st=$?
	check "$1: an existing file kept" '[ $st = 1 ] && [ "$(cat "$d/out/old.pdf")" = keep ] &&
		[ "$(ls -A "$d/out")" = old.pdf ]'
}

# warns_on NAME INPUT WHAT: plangen on $tmp/NAME/INPUT: exit 0, a valid
# PDF (WHAT names it in the checks), the diagnostics in $tmp/NAME/err,
# warnings only.
warns_on() {
	d=$tmp/$1
	"$P" "$d/$2" -o "$d/x.pdf" 2>"$d/err"
	st=$?
	check "$1: exit 0 (got $st), a $3" '[ $st = 0 ] && qpdf --check "$d/x.pdf" >/dev/null 2>&1'
	check "$1: warnings only" '[ -s "$d/err" ] && ! grep -q -v ": warning: " "$d/err"'
}

# signs INPUT LABEL: INPUT signed as the plan is, with a key made here: a
# PAdES signature that pdfsig validates.
signs() {
	k=$tmp/key
	mkdir -p "$k"
	[ -s "$k/a.p12" ] ||
		{ openssl req -x509 -newkey rsa:2048 -nodes -keyout "$k/k.pem" -out "$k/c.pem" \
			-days 30 -subj "/CN=Revisora" >/dev/null 2>&1 &&
		  openssl pkcs12 -export -inkey "$k/k.pem" -in "$k/c.pem" -out "$k/a.p12" \
			-passout pass:clave >/dev/null 2>&1; }
	echo clave >"$k/pass"
	"$P" -q "$1" -o "$k/signed.pdf" --sign "$k/a.p12" --sign-pass-file "$k/pass"
	check "$2 signed: pdfsig says valid" '[ $? = 0 ] && pdfsig "$k/signed.pdf" 2>&1 | grep -q "Signature is Valid"'
}
