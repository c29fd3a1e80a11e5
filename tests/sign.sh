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
check "sign twice" '[ $? = 0 ] && [ ! -s "$tmp/err" ] && [ -s "$pdf" ]'
check "qpdf --check" 'qpdf --check "$pdf" >/dev/null 2>&1'
pdfsig "$pdf" >"$tmp/sig" 2>&1
check "two signatures" '[ "$(grep -c "^Signature #" "$tmp/sig")" = 2 ]'
check "both valid" '[ "$(grep -c "Signature Validation: Signature is Valid." "$tmp/sig")" = 2 ]'
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
T=$tmp perl -0777 -ne 'my @b = /\/ByteRange \[0 +(\d+) +(\d+) +(\d+)\]/; my ($a, $b, $c) = @b;
	open my $r, ">", "$ENV{T}/range"; print $r substr($_, 0, $a), substr($_, $b, $c);
	my $h = substr($_, $a + 1, $b - $a - 2); $h =~ s/(00)+$//;
	open my $s, ">", "$ENV{T}/cms.der"; print $s pack("H*", $h)' "$pdf"
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
check "one key, passphrase from the environment" '[ ! -s "$tmp/err" ] &&
	grep -A1 "^Signature #1" "$tmp/sig4" | grep -q "Field Name: secretario" &&
	[ "$(grep -c "Signature is Valid" "$tmp/sig4")" = 1 ] &&
	[ "$(grep -c "The signature form field is not signed" "$tmp/sig4")" = 2 ]'
"$P" --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o - >"$tmp/stdout.pdf"
check "signed to standard output" '[ $? = 0 ] && pdfsig "$tmp/stdout.pdf" 2>&1 | grep -q "Signature is Valid"'
mkdir "$tmp/builtin"
pdfdetach -saveall -o "$tmp/builtin" "$tmp/stdout.pdf"
check "attached: the built-in plan" 'cmp -s "$tmp/builtin/plan-2019.xml" input/plan-2019.xml'

# An expired certificate (at the signing time asked for): a warning.
SOURCE_DATE_EPOCH=4102444800 "$P" --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" \
	-o "$tmp/late.pdf" 2>"$tmp/err"
check "expired certificate: a warning" '[ $? = 0 ] && grep -q "a.p12: warning: the certificate expired" "$tmp/err" &&
	pdfsig "$tmp/late.pdf" 2>&1 | grep -q "Signing Time: Jan 01 2100"'

# Bad keys: exit 1, a message, the previous file kept, nothing left.
bad() {
	name=$1 pattern=$2
	shift 2
	echo keep >"$tmp/old.pdf"
	"$P" "$@" -o "$tmp/old.pdf" 2>"$tmp/err"
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
"$P" --sign "$tmp/a.p12" -f png -o "$tmp/x.png" 2>/dev/null
check "--sign with -f png: usage" '[ $? = 2 ]'

# I/O while signing: exit 3, nothing left behind.
if [ -w /dev/full ]; then
	"$P" --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o /dev/full 2>"$tmp/err"
	check "signing to a full disk: exit 3" '[ $? = 3 ] && grep -q "cannot write" "$tmp/err"'
fi
"$P" --sign "$tmp/a.p12" --sign-pass-file "$tmp/pass" -o "$tmp/no/such/dir.pdf" 2>/dev/null
check "signing into a missing folder: exit 3" '[ $? = 3 ]'
check "no temporary files" '[ -z "$(ls -a "$tmp" | grep "\.pdf\.")" ]'

# A passphrase file that is a folder is said to be one.
mkdir -p "$tmp/passdir"
"$P" -q --check --sign "$tmp/a.p12" --sign-pass-file "$tmp/passdir" 2>"$tmp/err"
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
	"$P" -q --check --sign "$tmp/$name.p12" --sign-pass-file "$tmp/pass" 2>"$tmp/err"
	check "$name key refused by --check: exit 1, said" '[ $? = 1 ] && grep -q -F "$want" "$tmp/err"'
	"$P" -q -o "$tmp/$name.pdf" --sign "$tmp/$name.p12" --sign-pass-file "$tmp/pass" 2>/dev/null
	check "$name key refused: exit 1, no PDF" '[ $? = 1 ] && [ ! -e "$tmp/$name.pdf" ]'
done
"$P" -q -o "$tmp/p256.pdf" --sign "$tmp/p256.p12" --sign-pass-file "$tmp/pass"
check "an EC P-256 key signs: pdfsig says valid" '[ $? = 0 ] && pdfsig "$tmp/p256.pdf" 2>&1 | grep -q "Signature is Valid"'

echo "sign.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
