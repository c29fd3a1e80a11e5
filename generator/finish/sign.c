/*
 * sign.c — PAdES baseline signatures (B-B, and B-T with a timestamp
 * authority), each an incremental update.
 *
 * For each key, appended to the file: the signature dictionary
 *   << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached
 *      /ByteRange [0 a b c] /Contents <hex> /M (date) /Reason /Location >>
 * the objects of its appearance (sign-look.c: "Firmado digitalmente
 * por NAME", the date, in a subset of the bundled font), the field it
 * signs, written again with /V and /AP pointing at them, a
 * cross-reference section for these objects and a trailer whose /Prev
 * is the previous section and which carries the previous one's /Root,
 * /Info and /ID (ISO 32000-1 7.5.6): what came before is never touched,
 * so an earlier signature stays valid, and readers still find the
 * document's title and dates.  /Contents is reserved first (zeros, room
 * for SIG_MAX bytes of CMS), the SHA-256 of the file around it is taken,
 * then the CMS is written into the reserved room.
 *
 * The field of each key is the one its --sign-field names, or the next
 * empty one in the /AcroForm's order (the signatories' order).  A PDF
 * given to sign (finish_sign) must be one plangen made (its /Creator)
 * with a classic cross-reference table, as plangen writes it; the
 * reason and place of its signatures are those its fields keep (/SV
 * /Reasons, /PlangenLocation: rewrite.c), and the name of each field's
 * signatory (/TU) is compared with the certificate's common name.
 *
 * The CMS is a detached SignedData over that digest, with the signed
 * attributes content-type, message-digest and signing-certificate-v2
 * (OpenSSL's CMS_CADES), and no signing-time: PAdES puts the claimed
 * time in /M.  OpenSSL always adds a signing-time when it signs the
 * attributes, so the attributes are signed here (their DER SET, sorted
 * as DER asks, signed with EVP_DigestSign), written by hand.  With a
 * timestamp authority, its token over the signature value is an
 * unsigned attribute (tsa.c).
 *
 * The objects of the signed revision are read with libqpdf (trailer,
 * fields); the update itself is written by hand: qpdf does not write
 * incremental updates.
 */
#include "sign.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/tmpfile.h"
#include "finish-imp.h"
#include "qpdf-api.h"

/* Bytes of CMS room in /Contents: without and with a timestamp token
 * (the authority's certificates come with it). */
enum { SIG_MAX = 16384, SIG_MAX_TSA = 32768 };

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
	char *name;   /* /T, UTF-8 */
	char *person; /* /TU: the signatory's name, or NULL */
	int is_signed;
	double w, h;  /* of /Rect */
	char *rest;   /* the entries of its dictionary but /V and /AP */
} field;

typedef struct revision {
	long long xref; /* the last cross-reference section */
	long long size; /* the file's length */
	int nobj;	/* the trailer's /Size */
	char *root, *info, *id;
	char *reason, *location; /* what the fields keep for their signatures */
	field *fields;
	int nfields;
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

/* Whether the section at xref is a classic table ("xref"), as qpdf
 * writes it for plangen: an update of a cross-reference stream would
 * have to be a stream too. */
static int classic_xref(int fd, long long xref)
{
	char word[5] = "";
	return xref > 0 && pread(fd, word, 4, xref) == 4 && !memcmp(word, "xref", 4);
}

/* qpdf's functions (qpdf-api.h), loaded by read_revision before any
 * of the readers below runs. */
static const qpdf_api *Q;

static void revision_free(revision *r)
{
	for (int i = 0; r->fields && i < r->nfields; i++) {
		g_free(r->fields[i].name);
		g_free(r->fields[i].person);
		g_free(r->fields[i].rest);
	}
	g_free(r->fields);
	g_free(r->root);
	g_free(r->info);
	g_free(r->id);
	g_free(r->reason);
	g_free(r->location);
}

/* A text string of the file, as UTF-8, or NULL. */
static char *utf8_of(qpdf_data q, qpdf_oh o)
{
	return Q->oh_is_string(q, o) ? g_strdup(Q->oh_get_utf8_value(q, o)) : NULL;
}

/* The entries of dictionary o but those named in skip, unparsed. */
static char *entries_but(qpdf_data q, qpdf_oh o, const char *const *skip)
{
	GString *s = g_string_new(NULL);
	Q->oh_begin_dict_key_iter(q, o);
	while (Q->oh_dict_more_keys(q)) {
		const char *k = Q->oh_dict_next_key(q);
		int skipped = 0;
		for (int i = 0; skip[i]; i++)
			skipped |= !strcmp(k, skip[i]);
		if (skipped)
			continue;
		char *key = g_strdup(Q->oh_unparse(q, Q->oh_new_name(q, k)));
		g_string_append_printf(s, "%s %s ", key,
				       Q->oh_unparse(q, Q->oh_get_key(q, o, k)));
		g_free(key);
	}
	return g_string_free(s, FALSE);
}

static void read_field(qpdf_data q, qpdf_oh fl, field *f)
{
	static const char *const skip[] = { "/V", "/AP", NULL };
	f->id = Q->oh_get_object_id(q, fl);
	f->gen = Q->oh_get_generation(q, fl);
	f->name = utf8_of(q, Q->oh_get_key(q, fl, "/T"));
	f->person = utf8_of(q, Q->oh_get_key(q, fl, "/TU"));
	f->is_signed = Q->oh_is_dictionary(q, Q->oh_get_key(q, fl, "/V"));
	qpdf_oh rect = Q->oh_get_key(q, fl, "/Rect");
	double v[4] = { 0 };
	for (int k = 0; k < 4 && Q->oh_get_array_n_items(q, rect) == 4; k++)
		v[k] = Q->oh_get_numeric_value(q, Q->oh_get_array_item(q, rect, k));
	f->w = fabs(v[2] - v[0]);
	f->h = fabs(v[3] - v[1]);
	f->rest = entries_but(q, fl, skip);
}

/* Reads what the updates need from the file: its trailer and its
 * signature fields.  ours: the file must be one plangen made (its
 * /Creator), else FINISH_INVALID after a diagnostic naming src.  0, or
 * -1 (an internal error) or FINISH_INVALID after one. */
static int read_revision(FILE *f, revision *r, int ours, const char *src,
			 const char *name, diag *d)
{
	struct stat st;
	if (fstat(fileno(f), &st) != 0)
		return -1;
	r->size = st.st_size;
	r->xref = last_xref(fileno(f), r->size);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
	if (!(Q = qpdf_api_load())) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "cannot read the PDF to sign: %s (qpdf's library) "
			 "cannot be loaded", QPDF_SONAME);
		return -1;
	}
	qpdf_data q = Q->init();
	Q->set_suppress_warnings(q, QPDF_TRUE);
	Q->read(q, path, NULL);
	int rc = 0;
	if (Q->has_error(q)) {
		diag_add(d, DIAG_ERROR, ours ? src : name, 0, 0, "%s: %s",
			 ours ? "not a readable PDF" : "internal error signing the PDF",
			 Q->get_error_full_text(q, Q->get_error(q)));
		Q->cleanup(&q);
		return ours ? FINISH_INVALID : -1;
	}
	qpdf_oh tr = Q->get_trailer(q);
	r->nobj = Q->oh_get_int_value_as_int(q, Q->oh_get_key(q, tr, "/Size"));
	r->root = g_strdup(Q->oh_unparse(q, Q->oh_get_key(q, tr, "/Root")));
	qpdf_oh info = Q->oh_get_key(q, tr, "/Info");
	if (Q->oh_is_dictionary(q, info))
		r->info = g_strdup(Q->oh_unparse(q, info));
	if (Q->oh_is_array(q, Q->oh_get_key(q, tr, "/ID")))
		r->id = g_strdup(Q->oh_unparse(q, Q->oh_get_key(q, tr, "/ID")));
	char *creator = utf8_of(q, Q->oh_get_key(q, info, "/Creator"));
	if (ours && (!creator || strcmp(creator, "plangen"))) {
		diag_add(d, DIAG_ERROR, src, 0, 0,
			 "not a PDF made by plangen (%s%s%s): plangen signs the "
			 "fields of its own documents only",
			 creator ? "its creator is \"" : "it names no creator",
			 creator ? creator : "", creator ? "\"" : "");
		rc = FINISH_INVALID;
	} else if (!classic_xref(fileno(f), r->xref) || r->nobj <= 0 || !r->id) {
		diag_add(d, DIAG_ERROR, ours ? src : name, 0, 0, "%s",
			 ours ? "rewritten since plangen made it (its cross-reference "
				"is not a table, or it has no /ID): plangen cannot "
				"add a signature that leaves the others valid"
			      : "internal error signing the PDF: no cross-reference table");
		rc = ours ? FINISH_INVALID : -1;
	}
	g_free(creator);
	qpdf_oh fields = Q->oh_get_key(
		q, Q->oh_get_key(q, Q->get_root(q), "/AcroForm"), "/Fields");
	int n = Q->oh_is_array(q, fields) ? Q->oh_get_array_n_items(q, fields) : 0;
	r->fields = g_new0(field, n > 0 ? n : 1);
	for (int i = 0; rc == 0 && i < n; i++) {
		qpdf_oh fl = Q->oh_get_array_item(q, fields, i);
		if (!Q->oh_is_name_and_equals(q, Q->oh_get_key(q, fl, "/FT"), "/Sig") ||
		    !Q->oh_is_indirect(q, fl))
			continue;
		field *fd = &r->fields[r->nfields++];
		read_field(q, fl, fd);
		if (!fd->name)
			fd->name = g_strdup_printf("%d", r->nfields);
		/* The reason and place the document's fields keep. */
		qpdf_oh reasons = Q->oh_get_key(q, Q->oh_get_key(q, fl, "/SV"), "/Reasons");
		if (!r->reason && Q->oh_get_array_n_items(q, reasons) > 0)
			r->reason = utf8_of(q, Q->oh_get_array_item(q, reasons, 0));
		if (!r->location)
			r->location = utf8_of(q, Q->oh_get_key(q, fl, "/PlangenLocation"));
	}
	if (rc == 0 && Q->has_error(q)) {
		diag_add(d, DIAG_ERROR, ours ? src : name, 0, 0,
			 "internal error signing the PDF: %s",
			 Q->get_error_full_text(q, Q->get_error(q)));
		rc = -1;
	}
	Q->cleanup(&q);
	return rc;
}

/* The list of the fields' names, for a message: "a, b, c". */
static char *field_names(const revision *r)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < r->nfields; i++)
		g_string_append_printf(s, "%s\"%s\"", i ? ", " : "", r->fields[i].name);
	return g_string_free(s, FALSE);
}

/* The field each key signs, in which[]: key_fields[i] by name, or the
 * next empty field.  0, or FINISH_INVALID after a diagnostic naming
 * src. */
static int assign(const revision *r, const finish_job *job, int *which,
		  const char *src, diag *d)
{
	int *taken = g_new0(int, r->nfields + 1);
	for (int i = 0; i < r->nfields; i++)
		taken[i] = r->fields[i].is_signed;
	int rc = 0;
	for (int k = 0; rc == 0 && k < job->nkeys; k++) {
		const char *want = job->key_fields ? job->key_fields[k] : NULL;
		int i = 0;
		if (want)
			while (i < r->nfields && strcmp(r->fields[i].name, want))
				i++;
		else
			while (i < r->nfields && taken[i])
				i++;
		char *names = field_names(r);
		if (!r->nfields)
			diag_add(d, DIAG_ERROR, src, 0, 0, "has no signature field");
		else if (want && i == r->nfields)
			diag_add(d, DIAG_ERROR, src, 0, 0,
				 "no signature field \"%s\" (--sign-field): its "
				 "fields are %s", want, names);
		else if (want && taken[i])
			diag_add(d, DIAG_ERROR, src, 0, 0,
				 "the field \"%s\" is signed already%s", want,
				 r->fields[i].is_signed ? "" : " (by an earlier --sign)");
		else if (i == r->nfields)
			diag_add(d, DIAG_ERROR, src, 0, 0,
				 "no empty signature field left: %s %s signed",
				 names, r->nfields > 1 ? "are" : "is");
		g_free(names);
		if (!r->nfields || i == r->nfields || (want && taken[i]))
			rc = FINISH_INVALID;
		else
			which[k] = i, taken[i] = 1;
	}
	g_free(taken);
	return rc;
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

/* The objects, the cross-reference section and the trailer of a
 * signature into field fl as object sig, with the appearance look (its
 * objects sig+1, ...), after a file of r->size bytes.  *contents gets
 * the offset of /Contents' "<" in the file; room is its size in bytes. */
static GString *update(const revision *r, const field *fl, int sig, GPtrArray *look,
		       const finish_job *job, int room, long long *contents,
		       long long *xref)
{
	GString *s = g_string_new("\n");
	long long *off = g_new(long long, look->len + 1);
	off[0] = r->size + (long long)s->len;
	g_string_append_printf(s, "%d 0 obj\n<< /Type /Sig /Filter "
				  "/Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n"
				  "/ByteRange [0 %10d %10d %10d]\n/Contents ",
			       sig, 0, 0, 0);
	*contents = r->size + (long long)s->len;
	g_string_append_c(s, '<');
	for (int i = 0; i < 2 * room; i++)
		g_string_append_c(s, '0');
	g_string_append(s, ">\n");
	struct tm tm;
	gmtime_r(&job->sign_time, &tm);
	char m[40];
	strftime(m, sizeof m, "D:%Y%m%d%H%M%S+00'00'", &tm);
	g_string_append_printf(s, "/M (%s)", m);
	const char *reason = job->reason ? job->reason : r->reason;
	const char *location = job->location ? job->location : r->location;
	if (reason) {
		g_string_append(s, "\n/Reason ");
		text_string(s, reason);
	}
	if (location) {
		g_string_append(s, "\n/Location ");
		text_string(s, location);
	}
	g_string_append(s, " >>\nendobj\n");
	for (guint i = 0; i < look->len; i++) {
		const GString *o = look->pdata[i];
		off[i + 1] = r->size + (long long)s->len;
		g_string_append_printf(s, "%d 0 obj\n", sig + 1 + (int)i);
		g_string_append_len(s, o->str, (gssize)o->len);
		g_string_append(s, "\nendobj\n");
	}
	long long o_field = r->size + (long long)s->len;
	/* The field again, with its value and its appearance. */
	g_string_append_printf(s, "%d %d obj\n<< %s/V %d 0 R /AP << /N %d 0 R >> >>\nendobj\n",
			       fl->id, fl->gen, fl->rest, sig, sig + 1);
	long long o_xref = r->size + (long long)s->len;
	*xref = o_xref;
	g_string_append_printf(s, "xref\n%d 1\n%010lld %05d n \n%d %u\n", fl->id,
			       o_field, fl->gen, sig, look->len + 1);
	for (guint i = 0; i <= look->len; i++)
		g_string_append_printf(s, "%010lld 00000 n \n", off[i]);
	g_free(off);
	/* What the trailer before said of the document (ISO 32000-1
	 * 7.5.6): its catalog, its information and its identifier. */
	g_string_append_printf(s, "trailer\n<< /Size %d /Root %s", sig + 1 + (int)look->len,
			       r->root);
	if (r->info)
		g_string_append_printf(s, " /Info %s", r->info);
	g_string_append_printf(s, " /Prev %lld /ID %s >>\nstartxref\n%lld\n%%%%EOF\n",
			       r->xref, r->id, o_xref);
	/* The byte ranges: all but /Contents' hex string. */
	long long a = *contents, b = a + 2 * room + 2;
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

/* The CMS SignedData over md, DER, with a timestamp token from tsa
 * when it is not NULL (gentime gets its time).  NULL on failure, *said
 * set when a diagnostic says why. */
static GByteArray *cms_sign(const sign_key *k, const unsigned char *md,
			    const char *tsa, char *gentime, size_t gn,
			    const char *name, diag *d, int *said)
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
	if (ok && tsa && tsa_stamp(si, tsa, gentime, gn, name, d) != 0)
		ok = 0, *said = 1;
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


/* The certificate's subject's common name (or the whole subject). */
static char *common_name(X509 *c)
{
	const X509_NAME *s = X509_get_subject_name(c);
	int i = X509_NAME_get_index_by_NID(s, NID_commonName, -1);
	unsigned char *u = NULL;
	if (i >= 0 && ASN1_STRING_to_UTF8(&u, X509_NAME_ENTRY_get_data(
							 X509_NAME_get_entry(s, i))) >= 0) {
		char *r = g_strdup((char *)u);
		OPENSSL_free(u);
		return r;
	}
	char *line = X509_NAME_oneline(s, NULL, 0);
	char *r = g_strdup(line ? line : "?");
	OPENSSL_free(line);
	return r;
}

/* A name as compared: no accents, no case, single spaces ("ANA MARIA
 * PEREZ" is "Ana María Pérez", as certificates often write names). */
static char *name_key(const char *s)
{
	char *nfd = g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
	GString *o = g_string_new(NULL);
	int space = 1;
	for (const char *p = nfd ? nfd : ""; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_ismark(c))
			continue;
		if (g_unichar_isspace(c)) {
			if (!space)
				g_string_append_c(o, ' ');
			space = 1;
			continue;
		}
		g_string_append_unichar(o, c);
		space = 0;
	}
	if (o->len && o->str[o->len - 1] == ' ')
		g_string_truncate(o, o->len - 1);
	char *k = g_utf8_casefold(o->str, -1);
	g_string_free(o, TRUE);
	g_free(nfd);
	return k;
}

/* The signing time as people read it: local time, and its offset. */
static void local_time(time_t t, char *buf, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	size_t l = strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm);
	long off = tm.tm_gmtoff / 60;
	if (!off)
		snprintf(buf + l, n - l, " UTC");
	else
		snprintf(buf + l, n - l, " UTC%c%02ld:%02ld", off < 0 ? '-' : '+',
			 labs(off) / 60, labs(off) % 60);
}

/* One signature into field fl; 0 or -1 after a diagnostic; what was
 * done is added to report. */
static int sign_one(int fd, revision *r, const field *fl, const sign_key *k,
		    const finish_job *job, const char *name, GString *report,
		    diag *d)
{
	int sig = r->nobj, room = job->tsa ? SIG_MAX_TSA : SIG_MAX;
	char *cn = common_name(k->cert);
	char when[64];
	local_time(job->sign_time, when, sizeof when);
	GPtrArray *look = sign_look(job->font, fl->w, fl->h, cn, when, sig + 1, name, d);
	if (!look) {
		g_free(cn);
		return -1;
	}
	long long contents, xref;
	GString *u = update(r, fl, sig, look, job, room, &contents, &xref);
	int nlook = (int)look->len;
	for (guint i = 0; i < look->len; i++)
		g_string_free(look->pdata[i], TRUE);
	g_ptr_array_unref(look);
	int err = write_at(fd, u->str, u->len, r->size);
	long long end = r->size + (long long)u->len;
	g_string_free(u, TRUE);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(err));
		g_free(cn);
		return -1;
	}
	unsigned char md[EVP_MAX_MD_SIZE];
	if (digest(fd, contents, contents + 2 * room + 2, end, md) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot read back: %s",
			 strerror(errno ? errno : EIO));
		g_free(cn);
		return -1;
	}
	char gentime[64] = "";
	int said = 0;
	GByteArray *cms = cms_sign(k, md, job->tsa, gentime, sizeof gentime, name, d, &said);
	if (!cms || cms->len > (guint)room) {
		char buf[256];
		if (!said)
			diag_add(d, DIAG_ERROR, k->path, 0, 0, "cannot sign: %s",
				 cms ? "the signature is larger than the room kept "
				       "for it (a very long certificate chain)"
				     : ossl_reason(buf, sizeof buf, "OpenSSL failed"));
		if (cms)
			g_byte_array_unref(cms);
		g_free(cn);
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
		g_free(cn);
		return -1;
	}
	/* Who the field was for, and who signed it. */
	if (fl->person) {
		char *a = name_key(fl->person), *b = name_key(cn);
		if (strcmp(a, b))
			diag_add(d, DIAG_WARNING, k->path, 0, 0,
				 "the certificate is of \"%s\", but the field \"%s\" "
				 "is for \"%s\"", cn, fl->name, fl->person);
		g_free(a);
		g_free(b);
	}
	g_string_append_printf(report, "%s: field \"%s\" signed by \"%s\" (%s) on %s",
			       strcmp(name, "-") ? name : "standard output", fl->name, cn,
			       k->path, when);
	if (job->tsa)
		g_string_append_printf(report, ", timestamped by %s at %s", job->tsa,
				       gentime);
	g_string_append_c(report, '\n');
	g_free(cn);
	r->nobj = sig + 1 + nlook;
	r->xref = xref;
	r->size = end;
	return 0;
}

/* The updates of job into f, or with dry, only the checks that they
 * can be made (the fields there are). */
static int sign_revisions(FILE *f, const finish_job *job, int ours, int dry,
			  const char *src, const char *name, diag *d)
{
	revision r = { 0 };
	if (job->nkeys && fflush(f) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno));
		return -1;
	}
	int *which = g_new0(int, job->nkeys + 1);
	int rc = read_revision(f, &r, ours, src, name, d);
	if (rc == 0)
		rc = assign(&r, job, which, src, d);
	GString *report = g_string_new(NULL);
	for (int i = 0; rc == 0 && !dry && i < job->nkeys; i++)
		rc = sign_one(fileno(f), &r, &r.fields[which[i]], job->keys[i], job,
			      name, report, d);
	if (rc == 0 && job->report) {
		fputs(report->str, job->report);
		fflush(job->report);
	}
	g_string_free(report, TRUE);
	g_free(which);
	revision_free(&r);
	return rc;
}

int sign_pdf(FILE *f, const finish_job *job, const char *name, diag *d)
{
	return sign_revisions(f, job, 0, 0, name, name, d);
}

int finish_sign(FILE *in, const char *src, const finish_job *job, FILE *out,
		const char *name, diag *d)
{
	if (!out)
		return sign_revisions(in, job, 1, 1, src, src, d);
	/* Signed in a copy: out may be a pipe, and the input stays as it is
	 * until the output replaces it whole. */
	FILE *tmp = pg_tmpfile_near(out, name);
	int err = tmp ? finish_copy(in, tmp) : errno;
	if (err) {
		diag_add(d, DIAG_ERROR, tmp && ferror(in) ? src : name, 0, 0,
			 tmp && ferror(in) ? "cannot read: %s" : "cannot write: %s",
			 strerror(err));
		if (tmp)
			fclose(tmp);
		return -1;
	}
	int rc = sign_revisions(tmp, job, 1, 0, src, name, d);
	if (rc == 0) {
		err = finish_copy(tmp, out);
		if (err) {
			diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
				 strerror(err));
			rc = -1;
		}
	}
	fclose(tmp);
	return rc;
}
