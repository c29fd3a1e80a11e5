/*
 * sign.c — PAdES baseline (B-B) signatures, each an incremental update.
 *
 * For each key, appended to the file: the signature dictionary
 *   << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached
 *      /ByteRange [0 a b c] /Contents <hex> /M (date) /Reason /Location >>
 * the field it signs, written again with /V pointing at it, a
 * cross-reference section for these two objects and a trailer whose
 * /Prev is the previous section: what came before is never touched, so
 * an earlier signature stays valid.  /Contents is reserved first (zeros,
 * room for SIG_MAX bytes of CMS), the SHA-256 of the file around it is
 * taken, then the CMS is written into the reserved room.
 *
 * The CMS is a detached SignedData over that digest, with the signed
 * attributes content-type, message-digest and signing-certificate-v2
 * (OpenSSL's CMS_CADES), and no signing-time: PAdES puts the claimed
 * time in /M.  OpenSSL always adds a signing-time when it signs the
 * attributes, so the attributes are signed here (their DER SET, sorted
 * as DER asks, signed with EVP_DigestSign), written by hand.
 *
 * The objects of the signed revision are read with libqpdf (trailer,
 * fields); the update itself is written by hand: qpdf does not write
 * incremental updates.
 */
#include "sign.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/arena.h"

enum { SIG_MAX = 16384 }; /* bytes of CMS room in /Contents */

struct sign_key {
	char *path;
	EVP_PKEY *pkey;
	X509 *cert;
	STACK_OF(X509) *chain;
};

/* ---- keys ---- */

/* OpenSSL's last error, as text, or `fallback`. */
static const char *ossl_reason(char *buf, size_t n, const char *fallback)
{
	unsigned long e = ERR_peek_last_error();
	ERR_clear_error();
	if (!e)
		return fallback;
	const char *r = ERR_reason_error_string(e);
	snprintf(buf, n, "%s", r ? r : fallback);
	return buf;
}

static PKCS12 *read_p12(const char *path, diag *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "cannot read the signing key: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "the signing key is not a regular file");
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		pg_oom();
	}
	PKCS12 *p12 = d2i_PKCS12_fp(f, NULL);
	fclose(f);
	ERR_clear_error();
	if (!p12)
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "not a PKCS#12 file (.p12, .pfx): a private key "
			 "and its certificate");
	return p12;
}

/* The passphrase that opens p12: pass, or when none was given, an empty
 * one.  Returns 0, or -1 after a diagnostic. */
static int check_pass(PKCS12 *p12, const char *path, const char **pass,
		      diag *d)
{
	if (!PKCS12_mac_present(p12))
		return 0;
	if (*pass && PKCS12_verify_mac(p12, *pass, -1))
		return 0;
	if (!*pass) {
		if (PKCS12_verify_mac(p12, NULL, 0))
			return 0;
		if (PKCS12_verify_mac(p12, "", 0)) {
			*pass = "";
			return 0;
		}
	}
	ERR_clear_error();
	diag_add(d, DIAG_ERROR, path, 0, 0,
		 *pass ? "wrong passphrase for the signing key"
		       : "the signing key needs a passphrase: give it in a "
			 "file (--sign-pass-file) or in PLANGEN_SIGN_PASS");
	return -1;
}

static void warn_validity(const sign_key *k, time_t now, diag *d)
{
	const ASN1_TIME *nb = X509_get0_notBefore(k->cert);
	const ASN1_TIME *na = X509_get0_notAfter(k->cert);
	struct tm tm;
	char when[32];
	if (X509_cmp_time(na, &now) < 0) {
		ASN1_TIME_to_tm(na, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		diag_add(d, DIAG_WARNING, k->path, 0, 0,
			 "the certificate expired on %s: the signature will "
			 "not validate as made in time", when);
	} else if (X509_cmp_time(nb, &now) > 0) {
		ASN1_TIME_to_tm(nb, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		diag_add(d, DIAG_WARNING, k->path, 0, 0,
			 "the certificate is valid only from %s", when);
	}
}

/* Why key cannot sign as PAdES asks (SHA-256 with RSA of 2048 bits or
 * more, or ECDSA of 256 bits or more), or NULL. */
static const char *weak(EVP_PKEY *key, char *buf, size_t n)
{
	int bits = EVP_PKEY_get_bits(key);
	if (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS")) {
		if (bits >= 2048)
			return NULL;
		snprintf(buf, n, "an RSA key of %d bits is too weak: 2048 at least", bits);
		return buf;
	}
	if (EVP_PKEY_is_a(key, "EC")) {
		if (bits >= 256)
			return NULL;
		snprintf(buf, n, "an EC key of %d bits is too weak: 256 at least", bits);
		return buf;
	}
	snprintf(buf, n, "a %s key cannot sign a PAdES signature: use RSA (2048 "
		 "bits or more) or EC (256 or more)", EVP_PKEY_get0_type_name(key));
	return buf;
}

sign_key *sign_key_load(const char *path, const char *pass, time_t now,
			diag *d)
{
	PKCS12 *p12 = read_p12(path, d);
	if (!p12 || check_pass(p12, path, &pass, d) != 0) {
		PKCS12_free(p12);
		return NULL;
	}
	sign_key *k = calloc(1, sizeof *k);
	if (!k)
		pg_oom();
	k->path = g_strdup(path);
	int ok = PKCS12_parse(p12, pass, &k->pkey, &k->cert, &k->chain);
	if (!ok) {
		/* Old files (RC2, from older Windows) need the legacy
		 * algorithms. */
		ERR_clear_error();
		if (OSSL_PROVIDER_load(NULL, "legacy"))
			ok = PKCS12_parse(p12, pass, &k->pkey, &k->cert,
					  &k->chain);
	}
	PKCS12_free(p12);
	char buf[256];
	const char *err = !ok	     ? ossl_reason(buf, sizeof buf, "unreadable")
			  : !k->pkey ? "holds no private key"
			  : !k->cert ? "holds no certificate"
			  : !X509_check_private_key(k->cert, k->pkey)
				  ? "its certificate is not the key's"
				  : NULL;
	if (!err)
		err = weak(k->pkey, buf, sizeof buf);
	if (err) {
		ERR_clear_error();
		diag_add(d, DIAG_ERROR, path, 0, 0, "signing key: %s", err);
		sign_key_free(k);
		return NULL;
	}
	warn_validity(k, now, d);
	return k;
}

void sign_key_free(sign_key *k)
{
	if (!k)
		return;
	EVP_PKEY_free(k->pkey);
	X509_free(k->cert);
	sk_X509_pop_free(k->chain, X509_free);
	g_free(k->path);
	free(k);
}

/* ---- the signed revision ---- */

typedef struct field {
	int id, gen;
	char *dict; /* the field's dictionary, as PDF */
} field;

typedef struct revision {
	long long xref; /* the last cross-reference section */
	long long size; /* the file's length */
	int nobj;	/* the trailer's /Size */
	char *root, *id;
	field *fields;
} revision;

/* The number after the last "startxref" of the file. */
static long long last_xref(int fd, long long size)
{
	char tail[1024 + 1];
	long long from = size > 1024 ? size - 1024 : 0;
	ssize_t n = pread(fd, tail, (size_t)(size - from), from);
	if (n <= 0)
		return -1;
	tail[n] = '\0';
	char *s = NULL;
	for (char *p = tail; (p = strstr(p, "startxref")); p++)
		s = p;
	return s ? strtoll(s + 9, NULL, 10) : -1;
}

static void revision_free(revision *r, int nfields)
{
	for (int i = 0; r->fields && i < nfields; i++)
		g_free(r->fields[i].dict);
	free(r->fields);
	g_free(r->root);
	g_free(r->id);
}

/* Reads what the update needs from the file qpdf wrote; 0 or -1. */
static int read_revision(FILE *f, int nkeys, revision *r, const char *name,
			 diag *d)
{
	struct stat st;
	if (fstat(fileno(f), &st) != 0)
		return -1;
	r->size = st.st_size;
	r->xref = last_xref(fileno(f), r->size);
	r->fields = calloc((size_t)nkeys, sizeof *r->fields);
	if (!r->fields)
		pg_oom();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
	qpdf_data q = qpdf_init();
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	qpdf_read(q, path, NULL);
	qpdf_oh tr = qpdf_get_trailer(q);
	r->nobj = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, tr, "/Size"));
	r->root = g_strdup(qpdf_oh_unparse(q, qpdf_oh_get_key(q, tr, "/Root")));
	r->id = g_strdup(qpdf_oh_unparse(q, qpdf_oh_get_key(q, tr, "/ID")));
	qpdf_oh fields = qpdf_oh_get_key(
		q, qpdf_oh_get_key(q, qpdf_get_root(q), "/AcroForm"), "/Fields");
	int nfields = qpdf_oh_get_array_n_items(q, fields);
	for (int i = 0; i < nkeys && i < nfields; i++) {
		qpdf_oh fl = qpdf_oh_get_array_item(q, fields, i);
		r->fields[i].id = qpdf_oh_get_object_id(q, fl);
		r->fields[i].gen = qpdf_oh_get_generation(q, fl);
		r->fields[i].dict = g_strdup(qpdf_oh_unparse_resolved(q, fl));
	}
	int bad = qpdf_has_error(q) || r->xref <= 0 || r->nobj <= 0;
	if (bad)
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "internal error signing the PDF: %s",
			 qpdf_has_error(q) ? qpdf_get_error_full_text(
						     q, qpdf_get_error(q))
					   : "no cross-reference table");
	else if (nfields < nkeys)
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "%d signing keys for %d signature fields", nkeys,
			 nfields);
	qpdf_cleanup(&q);
	return bad || nfields < nkeys ? -1 : 0;
}

/* ---- the update ---- */

/* A PDF text string: UTF-16BE with its byte-order mark, in hex. */
static void text_string(GString *s, const char *utf8)
{
	glong n = 0;
	gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
	g_string_append(s, "<FEFF");
	for (glong i = 0; u && i < n; i++)
		g_string_append_printf(s, "%04X", (unsigned)u[i]);
	g_string_append_c(s, '>');
	g_free(u);
}

/* The two objects, the cross-reference section and the trailer, for a
 * signature into field fl as object sig, after a file of size bytes.
 * *contents gets the offset of /Contents' "<" in the file. */
static GString *update(const revision *r, const field *fl, int sig,
		       const finish_job *job, long long *contents)
{
	GString *s = g_string_new("\n");
	long long o_sig = r->size + (long long)s->len;
	g_string_append_printf(s, "%d 0 obj\n<< /Type /Sig /Filter "
				  "/Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n"
				  "/ByteRange [0 %10d %10d %10d]\n/Contents ",
			       sig, 0, 0, 0);
	*contents = r->size + (long long)s->len;
	g_string_append_c(s, '<');
	for (int i = 0; i < 2 * SIG_MAX; i++)
		g_string_append_c(s, '0');
	g_string_append(s, ">\n");
	struct tm tm;
	gmtime_r(&job->sign_time, &tm);
	char m[40];
	strftime(m, sizeof m, "D:%Y%m%d%H%M%S+00'00'", &tm);
	g_string_append_printf(s, "/M (%s)", m);
	if (job->reason) {
		g_string_append(s, "\n/Reason ");
		text_string(s, job->reason);
	}
	if (job->location) {
		g_string_append(s, "\n/Location ");
		text_string(s, job->location);
	}
	g_string_append(s, " >>\nendobj\n");
	long long o_field = r->size + (long long)s->len;
	/* The field again, its dictionary closed with /V. */
	size_t dl = strlen(fl->dict);
	while (dl && fl->dict[dl - 1] != '>')
		dl--;
	g_string_append_printf(s, "%d %d obj\n%.*s /V %d 0 R >>\nendobj\n",
			       fl->id, fl->gen, (int)(dl >= 2 ? dl - 2 : 0),
			       fl->dict, sig);
	long long o_xref = r->size + (long long)s->len;
	g_string_append_printf(s, "xref\n%d 1\n%010lld %05d n \n%d 1\n%010lld 00000 n \n",
			       fl->id, o_field, fl->gen, sig, o_sig);
	g_string_append_printf(s, "trailer\n<< /Size %d /Root %s /Prev %lld /ID %s >>\n"
				  "startxref\n%lld\n%%%%EOF\n",
			       sig + 1, r->root, r->xref, r->id, o_xref);
	/* The byte ranges: all but /Contents' hex string. */
	long long a = *contents, b = a + 2 * SIG_MAX + 2;
	long long end = r->size + (long long)s->len;
	char br[64];
	snprintf(br, sizeof br, "[0 %10lld %10lld %10lld]", a, b, end - b);
	char *at = strstr(s->str, "/ByteRange [") + 11;
	memcpy(at, br, strlen(br));
	return s;
}

/* SHA-256 of the file's bytes [0,a) and [b,end). */
static int digest(int fd, long long a, long long b, long long end,
		  unsigned char *md)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	if (!c)
		pg_oom();
	EVP_DigestInit_ex(c, EVP_sha256(), NULL);
	static char buf[1 << 16];
	long long range[2][2] = { { 0, a }, { b, end } };
	int ok = 1;
	for (int k = 0; k < 2 && ok; k++)
		for (long long o = range[k][0]; o < range[k][1] && ok;) {
			long long want = range[k][1] - o;
			ssize_t n = pread(fd, buf, want < (long long)sizeof buf
							   ? (size_t)want
							   : sizeof buf, o);
			ok = n > 0;
			if (ok) {
				EVP_DigestUpdate(c, buf, (size_t)n);
				o += n;
			}
		}
	unsigned int len = 0;
	EVP_DigestFinal_ex(c, md, &len);
	EVP_MD_CTX_free(c);
	return ok ? 0 : -1;
}

static int der_cmp(const void *x, const void *y)
{
	const GBytes *p = *(GBytes *const *)x, *q = *(GBytes *const *)y;
	gsize pn, qn;
	const unsigned char *pd = g_bytes_get_data((GBytes *)p, &pn);
	const unsigned char *qd = g_bytes_get_data((GBytes *)q, &qn);
	int c = memcmp(pd, qd, pn < qn ? pn : qn);
	return c ? c : (int)pn - (int)qn;
}

/* The DER of the signed attributes as signed: a SET OF, sorted. */
static GByteArray *signed_attrs(CMS_SignerInfo *si)
{
	int n = CMS_signed_get_attr_count(si);
	GBytes **enc = calloc((size_t)(n > 0 ? n : 1), sizeof *enc);
	if (!enc)
		pg_oom();
	size_t total = 0;
	for (int i = 0; i < n; i++) {
		unsigned char *der = NULL;
		int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
		enc[i] = g_bytes_new(der, len > 0 ? (gsize)len : 0);
		OPENSSL_free(der);
		total += g_bytes_get_size(enc[i]);
	}
	qsort(enc, (size_t)n, sizeof *enc, der_cmp);
	GByteArray *set = g_byte_array_new();
	unsigned char head[6] = { 0x31 };
	int hl = 1;
	if (total < 128) {
		head[hl++] = (unsigned char)total;
	} else {
		int nb = total > 0xffffff ? 4 : total > 0xffff ? 3 : total > 0xff ? 2 : 1;
		head[hl++] = (unsigned char)(0x80 | nb);
		for (int k = nb - 1; k >= 0; k--)
			head[hl++] = (unsigned char)(total >> (8 * k));
	}
	g_byte_array_append(set, head, (guint)hl);
	for (int i = 0; i < n; i++) {
		gsize len;
		const guint8 *p = g_bytes_get_data(enc[i], &len);
		g_byte_array_append(set, p, (guint)len);
		g_bytes_unref(enc[i]);
	}
	free(enc);
	return set;
}

/* The CMS SignedData over md, DER; NULL on failure. */
static GByteArray *cms_sign(const sign_key *k, const unsigned char *md)
{
	GByteArray *out = NULL;
	unsigned int fl = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY;
	CMS_ContentInfo *cms = CMS_sign(NULL, NULL, NULL, NULL, fl);
	CMS_SignerInfo *si = cms ? CMS_add1_signer(cms, k->cert, k->pkey,
						    EVP_sha256(),
						    fl | CMS_CADES | CMS_NOSMIMECAP)
				 : NULL;
	int ok = si != NULL;
	for (int i = 0; ok && i < sk_X509_num(k->chain); i++)
		ok = CMS_add1_cert(cms, sk_X509_value(k->chain, i));
	ok = ok && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType,
					       V_ASN1_OBJECT,
					       OBJ_nid2obj(NID_pkcs7_data), -1);
	ok = ok && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest,
					       V_ASN1_OCTET_STRING, md, 32);
	if (ok) {
		GByteArray *attrs = signed_attrs(si);
		EVP_MD_CTX *c = EVP_MD_CTX_new();
		size_t len = 0;
		unsigned char *sig = NULL;
		ok = c && EVP_DigestSignInit(c, NULL, EVP_sha256(), NULL, k->pkey) > 0 &&
		     EVP_DigestSign(c, NULL, &len, attrs->data, attrs->len) > 0 &&
		     (sig = OPENSSL_malloc(len)) &&
		     EVP_DigestSign(c, sig, &len, attrs->data, attrs->len) > 0 &&
		     ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig, (int)len);
		OPENSSL_free(sig);
		EVP_MD_CTX_free(c);
		g_byte_array_unref(attrs);
	}
	unsigned char *der = NULL;
	int len = ok ? i2d_CMS_ContentInfo(cms, &der) : 0;
	if (len > 0) {
		out = g_byte_array_sized_new((guint)len);
		g_byte_array_append(out, der, (guint)len);
	}
	OPENSSL_free(der);
	CMS_ContentInfo_free(cms);
	return out;
}

/* Writes n bytes at offset o; 0 or an errno. */
static int write_at(int fd, const void *p, size_t n, long long o)
{
	const char *c = p;
	while (n) {
		ssize_t w = pwrite(fd, c, n, o);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		c += w, n -= (size_t)w, o += w;
	}
	return 0;
}

/* One signature into field fl; 0 or -1 after a diagnostic. */
static int sign_one(int fd, revision *r, const field *fl, const sign_key *k,
		    const finish_job *job, const char *name, diag *d)
{
	int sig = r->nobj;
	long long contents;
	GString *u = update(r, fl, sig, job, &contents);
	int err = write_at(fd, u->str, u->len, r->size);
	long long end = r->size + (long long)u->len;
	long long xref = strtoll(g_strrstr(u->str, "startxref\n") + 10, NULL, 10);
	g_string_free(u, TRUE);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(err));
		return -1;
	}
	unsigned char md[EVP_MAX_MD_SIZE];
	if (digest(fd, contents, contents + 2 * SIG_MAX + 2, end, md) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot read back: %s",
			 strerror(errno ? errno : EIO));
		return -1;
	}
	GByteArray *cms = cms_sign(k, md);
	if (!cms || cms->len > SIG_MAX) {
		char buf[256];
		diag_add(d, DIAG_ERROR, k->path, 0, 0, "cannot sign: %s",
			 cms ? "the signature is larger than the room kept "
			       "for it (a very long certificate chain)"
			     : ossl_reason(buf, sizeof buf, "OpenSSL failed"));
		if (cms)
			g_byte_array_unref(cms);
		return -1;
	}
	GString *hex = g_string_sized_new(2 * cms->len);
	for (guint i = 0; i < cms->len; i++)
		g_string_append_printf(hex, "%02X", cms->data[i]);
	err = write_at(fd, hex->str, hex->len, contents + 1);
	g_string_free(hex, TRUE);
	g_byte_array_unref(cms);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(err));
		return -1;
	}
	r->nobj = sig + 1;
	r->xref = xref;
	r->size = end;
	return 0;
}

int sign_pdf(FILE *f, const finish_job *job, const char *name, diag *d)
{
	revision r = { 0 };
	if (fflush(f) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno));
		return -1;
	}
	int rc = read_revision(f, job->nkeys, &r, name, d);
	for (int i = 0; rc == 0 && i < job->nkeys; i++)
		rc = sign_one(fileno(f), &r, &r.fields[i], job->keys[i], job,
			      name, d);
	revision_free(&r, job->nkeys);
	return rc;
}
