#!/bin/sh
# sign.sh — the signed-off PDF, checked with tools plangen did not write
# (pdfsig, pdfdetach, qpdf, openssl):
#   - two keys and self-signed certificates made here with openssl (no
#     private key is committed); plangen --sign a.p12 --sign b.p12 gives
#     two valid signatures (pdfsig: "Signature is Valid"; "not trusted"
#     is expected of a self-signed certificate), the last one covering
#     the whole file, each in its signatory's field;
#   - one changed byte of signed content: pdfsig reports it;
#   - the XML and DTD are attached, byte for byte, and the XML passes
#     plangen --check;
#   - a wrong passphrase, a missing key file, a key without certificate,
#     more keys than signatories: exit 1, a clear message, no output,
#     the previous file intact, no temporary file; an expired
#     certificate only warns; I/O errors while signing are exit 3.
here=$(dirname "$0")
. "$here/lib.sh"

# cms_of PDF first|last DIR: the first or last signature's CMS of PDF
# into DIR/cms.der, and what it signs (its byte ranges) into DIR/range.
# The DER is cut by its own length, not by stripping the zeros that pad
# its room: a DER may end in a zero byte.
cms_of() {
	W=$2 T=$3 perl -0777 -ne 'my @b = /\/ByteRange \[0 +(\d+) +(\d+) +(\d+)\]/g;
		my ($a, $b, $c) = $ENV{W} eq "first" ? @b[0 .. 2] : @b[-3 .. -1];
		open my $r, ">", "$ENV{T}/range"; print $r substr($_, 0, $a), substr($_, $b, $c);
		my $d = pack("H*", substr($_, $a + 1, $b - $a - 2));
		my $l = ord substr $d, 1, 1; my $hl = 2;
		if ($l & 0x80) { my $k = $l & 0x7f; $l = 0; $l = $l * 256 + ord substr $d, 2 + $_, 1 for 0 .. $k - 1; $hl += $k }
		open my $s, ">", "$ENV{T}/cms.der"; print $s substr($d, 0, $hl + $l)' "$1"
}

# Keys and certificates, made now.
echo 'una frase secreta' >"$tmp/pass"
for n in a b; do
	openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Firmante $n/O=COAMSS" \
		-keyout "$tmp/$n.key" -out "$tmp/$n.crt" 2>/dev/null &&
	openssl pkcs12 -export -inkey "$tmp/$n.key" -in "$tmp/$n.crt" \
		-passout "file:$tmp/pass" -out "$tmp/$n.p12"
	check "make key $n" '[ -s "$tmp/$n.p12" ]'
done
openssl pkcs12 -export -nocerts -inkey "$tmp/a.key" -passout "file:$tmp/pass" \
	-out "$tmp/nocert.p12" 2>/dev/null
echo 'otra frase' >"$tmp/wrong"

# Two signatures.
pdf=$tmp/signed.pdf
"$P" input/plan-2019.xml --sign "$tmp/a.p12" --sign "$tmp/b.p12" \
	--sign-pass-file "$tmp/pass" -o "$pdf" 2>"$tmp/err"
check "sign twice" '[ $? = 0 ] && [ -s "$pdf" ] && ! grep -q -v "signed by" "$tmp/err"'
check "the run says who signed which field" \
	'grep -q "signed.pdf: field \"secretario\" signed by \"Firmante a\" ($tmp/a.p12) on 20" "$tmp/err" &&
	 grep -q "signed.pdf: field \"coordinador\" signed by \"Firmante b\"" "$tmp/err"'
check "qpdf --check" 'qpdf --check "$pdf" >/dev/null 2>&1'
pdfsig "$pdf" >"$tmp/sig" 2>&1
check "two signatures" '[ "$(grep -c "^Signature #" "$tmp/sig")" = 2 ]'
check "both valid" '[ "$(grep -c "Signature Validation: Signature is Valid." "$tmp/sig")" = 2 ]'
# Signing keeps the archival and accessible PDF (tests/pdfa.sh): the
# catalog's /Lang, /MarkInfo, /StructTreeRoot, /OutputIntents,
# /Metadata, the structure, the XMP (the signed revision's trailer has
# no /Info yet: --no-info).
check "signed: still tagged, PDF/A-3 in its XMP" 'pdfinfo "$pdf" | grep -q "^Tagged: *yes" &&
	pdfinfo -meta "$pdf" | grep -q "<pdfaid:part>3</pdfaid:part>"'
if perl "$here/pdfa.pl" --no-info "$pdf" >"$tmp/pdfa.out" 2>&1; then ok; else
	fail "signed: pdfa.pl"; sed 's/^/  | /' "$tmp/pdfa.out" | head -10; fi
check "the last covers the whole file" \
	'[ "$(grep "signed" "$tmp/sig" | tail -1)" = "  - Total document signed" ]'
check "PAdES, SHA-256" '[ "$(grep -c "Signature Type: ETSI.CAdES.detached" "$tmp/sig")" = 2 ] &&
	[ "$(grep -c "Signing Hash Algorithm: SHA-256" "$tmp/sig")" = 2 ]'
check "signers in order, in their fields" 'grep -A1 "^Signature #1" "$tmp/sig" | grep -q "Field Name: secretario" &&
	grep -A2 "^Signature #1" "$tmp/sig" | grep -q "Common Name: Firmante a" &&
	grep -A1 "^Signature #2" "$tmp/sig" | grep -q "Field Name: coordinador" &&
	grep -A2 "^Signature #2" "$tmp/sig" | grep -q "Common Name: Firmante b"'
qpdf --json "$pdf" >"$tmp/json" 2>/dev/null
check "reason and location from the plan" \
	'grep -q "\"/Reason\": \"u:Aprobación del Plan de Acción 2019\"" "$tmp/json" &&
	 grep -q "\"/Location\": \"u:San Salvador, El Salvador\"" "$tmp/json"'
# The CMS itself: no signing-time attribute (PAdES puts it in /M),
# signing-certificate-v2 present, and it verifies with openssl over
# the signed byte ranges.
cms_of "$pdf" first "$tmp"
openssl cms -cmsout -print -inform DER -in "$tmp/cms.der" >"$tmp/cms" 2>&1
check "CAdES attributes, no signing-time" 'grep -q "id-smime-aa-signingCertificateV2" "$tmp/cms" &&
	grep -q "messageDigest" "$tmp/cms" && ! grep -q "signingTime" "$tmp/cms"'
check "openssl verifies the first signature" 'openssl cms -verify -binary -noverify -inform DER \
	-in "$tmp/cms.der" -content "$tmp/range" -out /dev/null 2>/dev/null'

# One byte changed in the signed content (in the first page's stream).
perl -0777 -pe 'substr($_, 2000, 1) = chr(ord(substr($_, 2000, 1)) ^ 1)' "$pdf" >"$tmp/changed.pdf"
check "the change is made" '! cmp -s "$pdf" "$tmp/changed.pdf"'
pdfsig "$tmp/changed.pdf" >"$tmp/sig2" 2>&1
check "pdfsig reports the change" '[ "$(grep -c "Signature is Valid" "$tmp/sig2")" = 0 ] &&
	grep -q "Digest Mismatch" "$tmp/sig2"'

# The source data inside.
pdfdetach -list "$pdf" >"$tmp/list"
check "attached XML and DTD" 'grep -q "plan-2019.xml" "$tmp/list" && grep -q "plan.dtd" "$tmp/list"'
mkdir "$tmp/out"
pdfdetach -saveall -o "$tmp/out" "$pdf"
check "the XML as read" 'cmp -s "$tmp/out/plan-2019.xml" input/plan-2019.xml'
check "the DTD" 'cmp -s "$tmp/out/plan.dtd" input/plan.dtd'
"$P" --check "$tmp/out/plan-2019.xml"
check "the attached XML passes --check" '[ $? = 0 ]'
"$P" "$here/valid/firmado.xml" -o "$tmp/f.pdf" && pdfdetach -saveall -o "$tmp/out" "$tmp/f.pdf"
check "attached: a plan from a file" 'cmp -s "$tmp/out/firmado.xml" "$here/valid/firmado.xml"'

# Unsigned: empty fields, ready for a signature; one key: the first.
pdfsig "$tmp/f.pdf" >"$tmp/sig3" 2>&1
check "unsigned fields" '[ "$(grep -c "The signature form field is not signed" "$tmp/sig3")" = 3 ]'
PLANGEN_SIGN_PASS='una frase secreta' "$P" "$here/valid/firmado.xml" \
	--sign "$tmp/b.p12" -o "$tmp/one.pdf" 2>"$tmp/err"
pdfsig "$tmp/one.pdf" >"$tmp/sig4" 2>&1
check "one key, passphrase from the environment" '! grep -q ": error:" "$tmp/err" &&
	grep -A1 "^Signature #1" "$tmp/sig4" | grep -q "Field Name: secretario" &&
	[ "$(grep -c "Signature is Valid" "$tmp/sig4")" = 1 ] &&
	[ "$(grep -c "The signature form field is not signed" "$tmp/sig4")" = 2 ]'
"$P" --example --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o - >"$tmp/stdout.pdf" 2>/dev/null
check "signed to standard output" '[ $? = 0 ] && pdfsig "$tmp/stdout.pdf" 2>&1 | grep -q "Signature is Valid"'
mkdir "$tmp/builtin"
pdfdetach -saveall -o "$tmp/builtin" "$tmp/stdout.pdf"
check "attached: the built-in plan" 'cmp -s "$tmp/builtin/plan-2019.xml" input/plan-2019.xml'

# An expired certificate (at the signing time asked for): a warning.
SOURCE_DATE_EPOCH=4102444800 "$P" --example --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" \
	-o "$tmp/late.pdf" 2>"$tmp/err"
check "expired certificate: a warning" '[ $? = 0 ] && grep -q "a.p12: warning: the certificate expired" "$tmp/err" &&
	pdfsig "$tmp/late.pdf" 2>&1 | grep -q "Signing Time: Jan 01 2100"'

# Bad keys: exit 1, a message, the previous file kept, nothing left.
bad() {
	name=$1 pattern=$2
	shift 2
	echo keep >"$tmp/old.pdf"
	"$P" --example "$@" -o "$tmp/old.pdf" 2>"$tmp/err"
	check "$name: exit 1" '[ $? = 1 ]'
	check "$name: message" 'grep -q "$pattern" "$tmp/err"'
	check "$name: previous file intact" '[ "$(cat "$tmp/old.pdf")" = keep ]'
	check "$name: no temporary file" '[ -z "$(ls -A "$tmp" | grep "old\.pdf\.")" ]'
}
bad "wrong passphrase" "a.p12: error: wrong passphrase" --sign "$tmp/a.p12" --sign-pass-file "$tmp/wrong"
bad "no passphrase" "a.p12: error: the signing key needs a passphrase" --sign "$tmp/a.p12"
bad "missing key file" "no.p12: error: cannot read the signing key" --sign "$tmp/no.p12" --sign-pass-file "$tmp/pass"
bad "not a key" "a.crt: error: not a PKCS#12 file" --sign "$tmp/a.crt" --sign-pass-file "$tmp/pass"
bad "key without certificate" "nocert.p12: error: signing key: holds no certificate" \
	--sign "$tmp/nocert.p12" --sign-pass-file "$tmp/pass"
bad "missing passphrase file" "nopass: error" --sign "$tmp/a.p12" --sign-pass-file "$tmp/nopass"
bad "three keys, two signatories" "3 signing keys (--sign) for 2 signatories" \
	--sign "$tmp/a.p12" --sign "$tmp/b.p12" --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass"
"$P" --example --sign "$tmp/a.p12" -f png -o "$tmp/x.png" 2>/dev/null
check "--sign with -f png: usage" '[ $? = 2 ]'

# I/O while signing: exit 3, nothing left behind.
if [ -w /dev/full ]; then
	"$P" --example --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o /dev/full 2>"$tmp/err"
	check "signing to a full disk: exit 3" '[ $? = 3 ] && grep -q "cannot write" "$tmp/err"'
fi
"$P" --example --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o "$tmp/no/such/dir.pdf" 2>/dev/null
check "signing into a missing folder: exit 3" '[ $? = 3 ]'
check "no temporary files" '[ -z "$(ls -a "$tmp" | grep "\.pdf\.")" ]'

# A passphrase file that is a folder is said to be one.
mkdir -p "$tmp/passdir"
"$P" --example -q --check --sign "$tmp/a.p12" --sign-pass-file "$tmp/passdir" 2>"$tmp/err"
check "a passphrase file that is a folder: exit 1, 'is a directory'" \
	'[ $? = 1 ] && grep -q "passdir: error: is a directory, not a file" "$tmp/err"'

# Keys PAdES does not take are refused at once, --check included: RSA
# under 2048 bits, EC under 256, Ed25519; an EC P-256 key signs.
mk() { # NAME OPENSSL-NEWKEY-ARGS...
	n=$1; shift
	openssl req -x509 "$@" -nodes -days 30 -subj "/CN=$n" -keyout "$tmp/$n.key" \
		-out "$tmp/$n.crt" >/dev/null 2>&1 &&
		openssl pkcs12 -export -inkey "$tmp/$n.key" -in "$tmp/$n.crt" \
			-passout "file:$tmp/pass" -out "$tmp/$n.p12" >/dev/null 2>&1
}
mk rsa1024 -newkey rsa:1024
mk ed25519 -newkey ed25519
mk p256 -newkey ec -pkeyopt ec_paramgen_curve:P-256
for k in "rsa1024 RSA key of 1024 bits is too weak" "ed25519 ED25519 key cannot sign"; do
	name=${k%% *} want=${k#* }
	"$P" --example -q --check --sign "$tmp/$name.p12" --sign-pass-file "$tmp/pass" 2>"$tmp/err"
	check "$name key refused by --check: exit 1, said" '[ $? = 1 ] && grep -q -F "$want" "$tmp/err"'
	"$P" --example -q -o "$tmp/$name.pdf" --sign "$tmp/$name.p12" --sign-pass-file "$tmp/pass" 2>/dev/null
	check "$name key refused: exit 1, no PDF" '[ $? = 1 ] && [ ! -e "$tmp/$name.pdf" ]'
done
"$P" --example -q -o "$tmp/p256.pdf" --sign "$tmp/p256.p12" --sign-pass-file "$tmp/pass"
check "an EC P-256 key signs: pdfsig says valid" '[ $? = 0 ] && pdfsig "$tmp/p256.pdf" 2>&1 | grep -q "Signature is Valid"'

# ---- Signing as officials do (issue 15) ----
# The office renders; the Secretaría signs the file with her key and
# passphrase; later the Coordinador signs the same file with his.
w=$tmp/office
mkdir "$w"
echo 'clave de la secretaria' >"$w/pa"
echo 'clave del coordinador' >"$w/pb"
openssl pkcs12 -export -inkey "$tmp/a.key" -in "$tmp/a.crt" -passout "file:$w/pa" -out "$w/a.p12"
openssl pkcs12 -export -inkey "$tmp/b.key" -in "$tmp/b.crt" -passout "file:$w/pb" -out "$w/b.p12"
"$P" -q input/plan-2019.xml -o "$w/plan.pdf"
check "office: unsigned PDF" '[ $? = 0 ] && [ "$(pdfsig "$w/plan.pdf" 2>&1 | grep -c "is not signed")" = 2 ]'
"$P" "$w/plan.pdf" --sign "$w/a.p12" --sign-pass-file "$w/pa" 2>"$w/err1"
check "office: key A signs the PDF in place" '[ $? = 0 ] && ! grep -q -v "signed by" "$w/err1" &&
	grep -q "plan.pdf: field \"secretario\" signed by \"Firmante a\"" "$w/err1"'
check "office: no temporary file" '[ "$(ls -A "$w" | grep -c plangen)" = 0 ]'
cp "$w/plan.pdf" "$w/one.pdf"
"$P" "$w/plan.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" -o "$w/final.pdf" 2>"$w/err2"
check "office: key B signs the result (-o)" '[ $? = 0 ] && grep -q "final.pdf: field \"coordinador\" signed by \"Firmante b\"" "$w/err2" &&
	cmp -s "$w/plan.pdf" "$w/one.pdf"'
pdfsig "$w/final.pdf" >"$w/sig" 2>&1
check "office: two valid signatures" '[ "$(grep -c "Signature Validation: Signature is Valid." "$w/sig")" = 2 ]'
check "office: both signers, in their fields" 'grep -A2 "^Signature #1" "$w/sig" | grep -q "Field Name: secretario" &&
	grep -A2 "^Signature #1" "$w/sig" | grep -q "Common Name: Firmante a" &&
	grep -A2 "^Signature #2" "$w/sig" | grep -q "Field Name: coordinador" &&
	grep -A2 "^Signature #2" "$w/sig" | grep -q "Common Name: Firmante b"'
check "office: the last covers the whole file, the first not" \
	'[ "$(grep "signed$" "$w/sig" | tail -1)" = "  - Total document signed" ] &&
	 [ "$(grep -c "Total document signed" "$w/sig")" = 1 ]'
check "office: qpdf --check" 'qpdf --check "$w/final.pdf" >/dev/null 2>&1'
pdfinfo "$w/final.pdf" >"$w/info" 2>&1
check "office: pdfinfo still shows Title, Author, dates" 'grep -q "^Title: *Plan de Acción 2019" "$w/info" &&
	grep -q "^Author: *COAMSS/OPAMSS" "$w/info" && grep -q "^CreationDate: " "$w/info"'
check "office: every trailer carries /Info and /ID" \
	'[ "$(grep -a -c "^trailer" "$w/final.pdf")" = 3 ] &&
	 [ "$(grep -a -A1 "^trailer" "$w/final.pdf" | grep -a -c "/Info [0-9]* 0 R.*/ID \[")" = 3 ]'
pdftotext "$w/final.pdf" "$w/text"
check "office: the visible signatures name the signers" \
	'grep -q "Firmado digitalmente por Firmante a" "$w/text" &&
	 grep -q "Firmado digitalmente por Firmante b" "$w/text" &&
	 [ "$(grep -c "^Fecha: 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:]* UTC" "$w/text")" = 2 ]'
pdffonts "$w/final.pdf" >"$w/fonts" 2>&1
check "office: each appearance has its own embedded subset" \
	'[ "$(grep -c "^[A-Z]\{6\}+Carlito  *CID TrueType  *Identity-H  *yes yes yes" "$w/fonts")" -ge 2 ]'
qpdf --json "$w/final.pdf" >"$w/json" 2>/dev/null
check "office: the later signatures keep the plan's reason and place" \
	'[ "$(grep -c "\"/Reason\": \"u:Aprobación del Plan de Acción 2019\"" "$w/json")" = 2 ] &&
	 [ "$(grep -c "\"/Location\": \"u:San Salvador, El Salvador\"" "$w/json")" = 2 ]'
pdftotext "$w/one.pdf" "$w/text1"
check "office: an unsigned field stays as it is" \
	'[ "$(grep -c "Firmado digitalmente" "$w/text1")" = 1 ]'

# Errors: a clear message, the file intact, no temporary file.
sign_bad() { # NAME EXIT PATTERN FILE ARGS...
	name=$1 want=$2 pattern=$3 f=$4
	shift 4
	cp "$f" "$w/before"
	"$P" "$f" "$@" 2>"$w/err"
	st=$?
	check "$name: exit $want (got $st)" '[ $st = $want ]'
	check "$name: message" 'grep -q -F -- "$pattern" "$w/err"'
	check "$name: the file intact" 'cmp -s "$f" "$w/before"'
	check "$name: no temporary file" '[ "$(ls -A "$(dirname "$f")" | grep -c plangen)" = 0 ]'
}
sign_bad "no empty field left" 1 "final.pdf: error: no empty signature field left" \
	"$w/final.pdf" --sign "$w/a.p12" --sign-pass-file "$w/pa"
sign_bad "unknown --sign-field" 1 'error: no signature field "tesorero" (--sign-field)' \
	"$w/one.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" --sign-field tesorero
sign_bad "a field signed already" 1 'error: the field "secretario" is signed already' \
	"$w/one.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" --sign-field secretario
qpdf --empty "$w/other.pdf"
sign_bad "a PDF plangen did not make" 1 "other.pdf: error: not a PDF made by plangen" \
	"$w/other.pdf" --sign "$w/a.p12" --sign-pass-file "$w/pa"
qpdf --object-streams=generate "$w/plan.pdf" "$w/rewritten.pdf" 2>/dev/null
sign_bad "a PDF rewritten since" 1 "rewritten.pdf: error: rewritten since plangen made it" \
	"$w/rewritten.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb"
sign_bad "wrong passphrase for a PDF" 1 "b.p12: error: wrong passphrase" \
	"$w/one.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pa"
sign_bad "a PDF without --sign" 2 "is a PDF" "$w/one.pdf"
sign_bad "a weak key on a PDF" 1 "RSA key of 1024 bits is too weak" \
	"$w/one.pdf" --sign "$tmp/rsa1024.p12" --sign-pass-file "$tmp/pass"
sign_bad "--check on a full PDF" 1 "final.pdf: error: no empty signature field left" \
	"$w/final.pdf" --check --sign "$w/a.p12" --sign-pass-file "$w/pa"
cp "$w/one.pdf" "$w/before"
"$P" "$w/one.pdf" --check --sign "$w/b.p12" --sign-pass-file "$w/pb" 2>"$w/err"
check "--check on a PDF that can be signed: exit 0, silent, nothing written" \
	'[ $? = 0 ] && [ ! -s "$w/err" ] && cmp -s "$w/one.pdf" "$w/before"'
sign_bad "unreachable timestamp authority" 3 "the timestamp authority http://127.0.0.1:9/ did not answer" \
	"$w/one.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" --tsa http://127.0.0.1:9/

# --sign-field: the Coordinador first; then the next empty field is the
# Secretaría's.
"$P" -q input/plan-2019.xml -o "$w/order.pdf"
"$P" -q "$w/order.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" --sign-field coordinador
st=$?
pdfsig "$w/order.pdf" >"$w/sig" 2>&1
check "--sign-field coordinador" '[ $st = 0 ] && grep -A2 "^Signature #1" "$w/sig" | grep -q "is not signed" &&
	grep -A2 "^Signature #2" "$w/sig" | grep -q "Common Name: Firmante b"'
"$P" -q "$w/order.pdf" --sign "$w/a.p12" --sign-pass-file "$w/pa"
check "then the next empty field" '[ "$(pdfsig "$w/order.pdf" 2>&1 | grep -c "Signature is Valid")" = 2 ]'

# One passphrase per key: each --sign-pass-file belongs to the --sign
# before it; one serves all; with several, a --sign without one is a
# usage error.
"$P" -q input/plan-2019.xml --sign "$w/a.p12" --sign-pass-file "$w/pa" \
	--sign "$w/b.p12" --sign-pass-file "$w/pb" -o "$w/both.pdf"
check "two keys, two passphrases, one run" '[ $? = 0 ] &&
	[ "$(pdfsig "$w/both.pdf" 2>&1 | grep -c "Signature is Valid")" = 2 ]'
echo keep >"$w/keep.pdf"
"$P" input/plan-2019.xml --sign "$w/a.p12" --sign-pass-file "$w/pa" --sign "$w/b.p12" \
	--sign "$w/a.p12" --sign-pass-file "$w/pa" -o "$w/keep.pdf" 2>"$w/err"
check "a --sign without its passphrase file: usage" '[ $? = 2 ] &&
	grep -q -F -- "--sign $w/b.p12 has no --sign-pass-file of its own" "$w/err" && [ "$(cat "$w/keep.pdf")" = keep ]'
"$P" input/plan-2019.xml --sign-pass-file "$w/pa" --sign "$w/a.p12" --sign-pass-file "$w/pa" \
	-o "$w/keep.pdf" 2>"$w/err"
check "a passphrase file before any --sign, with several: usage" '[ $? = 2 ] && [ "$(cat "$w/keep.pdf")" = keep ]'
"$P" input/plan-2019.xml --sign "$w/a.p12" --sign "$w/b.p12" --sign-pass-file "$w/pa" \
	-o "$w/keep.pdf" 2>"$w/err"
check "one passphrase file serves every key" '[ $? = 1 ] && grep -q "b.p12: error: wrong passphrase" "$w/err" &&
	! grep -q "a.p12: error" "$w/err"'
"$P" input/plan-2019.xml --sign-field secretario -o "$w/keep.pdf" 2>"$w/err"
check "--sign-field without --sign: usage" '[ $? = 2 ] && [ "$(cat "$w/keep.pdf")" = keep ]'
"$P" -q input/plan-2019.xml --sign "$w/a.p12" --sign-pass-file "$w/pa" --sign-field tesorero \
	-o "$w/keep.pdf" 2>/dev/null
check "--sign-field of no signatory: exit 1" '[ $? = 1 ] && [ "$(cat "$w/keep.pdf")" = keep ]'

# The certificate's name against the signatory's: accents and case do
# not count; another name is a warning naming both.
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=ANA MARIA PEREZ" \
	-keyout "$w/ana.key" -out "$w/ana.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$w/ana.key" -in "$w/ana.crt" -passout "file:$w/pa" -out "$w/ana.p12"
"$P" "$here/valid/firmado.xml" -o "$w/f.pdf" --sign "$w/ana.p12" --sign-pass-file "$w/pa" 2>"$w/err"
check "the signatory's own certificate: no warning" '[ $? = 0 ] && ! grep -q warning "$w/err"'
"$P" "$w/f.pdf" --sign "$w/a.p12" --sign-pass-file "$w/pa" 2>"$w/err"
check "another's certificate: a warning naming both" '[ $? = 0 ] &&
	grep -q "a.p12: warning: the certificate is of \"Firmante a\", but the field \"coordinador\" is for \"José Rivas\"" "$w/err"'
SOURCE_DATE_EPOCH=4102444800 "$P" "$w/f.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" 2>"$w/err"
check "an expired certificate signing a PDF: a warning" '[ $? = 0 ] &&
	grep -q "b.p12: warning: the certificate expired" "$w/err" &&
	[ "$(pdfsig "$w/f.pdf" 2>&1 | grep -c "Signature is Valid")" = 3 ]'

# A trusted time (PAdES B-T): a timestamp authority of our own on
# 127.0.0.1, openssl ts -reply behind tests/tsa-server.pl.
t=$tmp/tsa
mkdir "$t"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Autoridad de prueba" \
	-keyout "$t/ca.key" -out "$t/ca.crt" 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -subj "/CN=Sellado de tiempo de prueba" \
	-keyout "$t/tsa.key" -out "$t/tsa.csr" 2>/dev/null
printf 'extendedKeyUsage = critical, timeStamping\nbasicConstraints = CA:FALSE\n' >"$t/ext"
openssl x509 -req -in "$t/tsa.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" -CAcreateserial \
	-days 30 -extfile "$t/ext" -out "$t/tsa.crt" 2>/dev/null
echo 01 >"$t/serial"
printf '%s\n' '[ tsa ]' 'default_tsa = tsa_config' '[ tsa_config ]' "serial = $t/serial" \
	"signer_cert = $t/tsa.crt" "certs = $t/ca.crt" "signer_key = $t/tsa.key" \
	'signer_digest = sha256' 'default_policy = 1.3.6.1.4.1.99999.1' 'digests = sha256' \
	'accuracy = secs:1' 'ess_cert_id_alg = sha256' >"$t/tsa.cnf"
perl "$here/tsa-server.pl" "$t" 2>"$t/log" &
tsa_pid=$!
trap 'kill $tsa_pid 2>/dev/null; rm -rf "$tmp"' EXIT
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	[ -s "$t/port" ] && break
	sleep 0.2
done
check "the local timestamp authority listens" '[ -s "$t/port" ]'
url=http://127.0.0.1:$(cat "$t/port")/
"$P" "$w/one.pdf" --sign "$w/b.p12" --sign-pass-file "$w/pb" --tsa "$url" -o "$w/ts.pdf" 2>"$w/err"
check "timestamped signature: done, said" '[ $? = 0 ] && grep -q "signed by \"Firmante b\".*timestamped by $url at 20" "$w/err"'
check "timestamped: both signatures valid" '[ "$(pdfsig "$w/ts.pdf" 2>&1 | grep -c "Signature is Valid")" = 2 ]'
# The token, out of the last signature's CMS, verified by openssl ts
# against the local authority, over the signature's value.
cms_of "$w/ts.pdf" last "$t"
openssl asn1parse -inform DER -in "$t/cms.der" >"$t/asn1" 2>&1
tok=$(grep -A2 ":id-smime-aa-timeStampToken" "$t/asn1" | tail -1 | sed 's/^ *\([0-9]*\):.*/\1/')
openssl asn1parse -inform DER -in "$t/cms.der" -strparse "$tok" -noout -out "$t/token.der" 2>/dev/null
# The signature's value: the OCTET STRING just before the unsigned
# attributes ([1]).
grep -B1 "cont \[ 1 \]" "$t/asn1" | tail -2 | head -1 | sed 's/.*\[HEX DUMP\]://' >"$t/sig.hex"
perl -ne 'chomp; print pack("H*", $_)' "$t/sig.hex" >"$t/sig.bin"
check "the timestamp token is in the signature" '[ -s "$t/token.der" ] && [ -s "$t/sig.bin" ]'
check "openssl ts -verify: the token is over the signature, from the local authority" \
	'openssl ts -verify -token_in -in "$t/token.der" -data "$t/sig.bin" -CAfile "$t/ca.crt" \
		-untrusted "$t/tsa.crt" >/dev/null 2>&1'
check "openssl ts -verify fails over other data" \
	'! openssl ts -verify -token_in -in "$t/token.der" -data "$t/ext" -CAfile "$t/ca.crt" \
		-untrusted "$t/tsa.crt" >/dev/null 2>&1'
"$P" -q input/plan-2019.xml --sign "$w/a.p12" --sign-pass-file "$w/pa" --sign "$w/b.p12" \
	--sign-pass-file "$w/pb" --tsa "$url" -o "$w/ts2.pdf"
check "render and sign twice with timestamps" '[ $? = 0 ] &&
	[ "$(pdfsig "$w/ts2.pdf" 2>&1 | grep -c "Signature is Valid")" = 2 ]'
kill $tsa_pid 2>/dev/null

echo "sign.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
