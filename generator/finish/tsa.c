/*
 * tsa.c — a trusted time for a signature (PAdES B-T): an RFC 3161
 * timestamp token over the signature's value, asked of a timestamp
 * authority over HTTP.
 *
 * The request (OpenSSL's TS API) carries the SHA-256 of the value, a
 * random nonce and asks for the authority's certificate; it is POSTed
 * as application/timestamp-query with libcurl.  The reply must be
 * granted, and the token in it must be over that digest and nonce
 * (TS_RESP_verify_response: the authority's own signature is checked by
 * whoever validates the PDF, against the authorities they trust).  The
 * token goes into the signer's unsigned attributes as
 * id-aa-signatureTimeStampToken.
 */
#include "finish-imp.h"

#include <curl/curl.h>
#include <glib.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <pthread.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/dlib.h"

enum { REPLY_MAX = 1 << 20 };

/* libcurl, loaded when a timestamp is first asked for: only --tsa needs
 * it, and linked, it brought two dozen libraries (GnuTLS, Kerberos,
 * LDAP, SSH...) into every run of plangen: 3 ms to start, 3 MB. */
static struct {
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
} curl;

#define CURL_LIBRARY "libcurl.so.4"

static int curl_ok;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_load(void)
{
	static const char *const names[] = {
		"curl_easy_init", "curl_easy_setopt", "curl_easy_perform",
		"curl_easy_cleanup", "curl_easy_strerror", "curl_slist_append",
		"curl_slist_free_all",
	};
	void **const slots[] = {
		(void **)&curl.easy_init, (void **)&curl.easy_setopt,
		(void **)&curl.easy_perform, (void **)&curl.easy_cleanup,
		(void **)&curl.easy_strerror, (void **)&curl.slist_append,
		(void **)&curl.slist_free_all,
	};
	curl_ok = pg_dl_load(CURL_LIBRARY, names, slots, sizeof names / sizeof *names);
}

/* Whether libcurl is loaded (kept for the process's life). */
static int curl_loaded(void)
{
	pthread_once(&curl_once, curl_load);
	return curl_ok;
}

static size_t gather(char *p, size_t size, size_t n, void *user)
{
	GByteArray *b = user;
	if (b->len + size * n > REPLY_MAX)
		return 0;
	g_byte_array_append(b, (const guint8 *)p, (guint)(size * n));
	return size * n;
}

/* The reply's status as words. */
static const char *status_text(long s)
{
	switch (s) {
	case 2: return "rejection";
	case 3: return "waiting";
	case 4: return "revocation warning";
	case 5: return "revocation notification";
	default: return "an unknown status";
	}
}

int tsa_stamp(CMS_SignerInfo *si, const char *url, char *gentime, size_t gn,
	      const char *name, diag *d)
{
	ASN1_OCTET_STRING *value = CMS_SignerInfo_get0_signature(si);
	unsigned char md[32];
	unsigned int mdl = 0;
	EVP_Digest(ASN1_STRING_get0_data(value), (size_t)ASN1_STRING_length(value),
		   md, &mdl, EVP_sha256(), NULL);

	TS_REQ *req = TS_REQ_new();
	TS_MSG_IMPRINT *imp = TS_MSG_IMPRINT_new();
	X509_ALGOR *alg = X509_ALGOR_new();
	ASN1_INTEGER *nonce = ASN1_INTEGER_new();
	unsigned char nb[8];
	if (!req || !imp || !alg || !nonce)
		pg_oom();
	X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL);
	RAND_bytes(nb, sizeof nb);
	nb[0] &= 0x7f;
	BIGNUM *bn = BN_bin2bn(nb, sizeof nb, NULL);
	BN_to_ASN1_INTEGER(bn, nonce);
	BN_free(bn);
	int ok = TS_REQ_set_version(req, 1) && TS_MSG_IMPRINT_set_algo(imp, alg) &&
		 TS_MSG_IMPRINT_set_msg(imp, md, (int)mdl) &&
		 TS_REQ_set_msg_imprint(req, imp) && TS_REQ_set_nonce(req, nonce) &&
		 TS_REQ_set_cert_req(req, 1);
	X509_ALGOR_free(alg);
	TS_MSG_IMPRINT_free(imp);
	ASN1_INTEGER_free(nonce);
	unsigned char *der = NULL;
	int dl = ok ? i2d_TS_REQ(req, &der) : -1;
	int r = -1;
	TS_RESP *resp = NULL;
	TS_VERIFY_CTX *vc = NULL;
	GByteArray *reply = g_byte_array_new();
	if (dl <= 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "cannot make the timestamp request");
		goto done;
	}

	if (!curl_loaded()) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "cannot ask %s for a timestamp: %s (Debian package "
			 "libcurl4) cannot be loaded", url, CURL_LIBRARY);
		goto done;
	}
	CURL *c = curl.easy_init();
	if (!c)
		pg_oom();
	char err[CURL_ERROR_SIZE] = "";
	struct curl_slist *hdr = curl.slist_append(NULL,
		"Content-Type: application/timestamp-query");
	curl.easy_setopt(c, CURLOPT_URL, url);
	curl.easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl.easy_setopt(c, CURLOPT_POSTFIELDS, der);
	curl.easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)dl);
	curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, gather);
	curl.easy_setopt(c, CURLOPT_WRITEDATA, reply);
	curl.easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl.easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl.easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.easy_setopt(c, CURLOPT_USERAGENT, "plangen");
	CURLcode cc = curl.easy_perform(c);
	curl.slist_free_all(hdr);
	curl.easy_cleanup(c);
	if (cc != CURLE_OK) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "the timestamp authority %s did not answer: %s", url,
			 *err ? err : curl.easy_strerror(cc));
		goto done;
	}
	const unsigned char *p = reply->data;
	resp = d2i_TS_RESP(NULL, &p, (long)reply->len);
	if (!resp) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "the timestamp authority %s answered something that is "
			 "not a timestamp reply (RFC 3161)", url);
		goto done;
	}
	long st = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp)));
	if (st != 0 && st != 1) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "the timestamp authority %s refused the request (%s)", url,
			 status_text(st));
		goto done;
	}
	vc = TS_REQ_to_TS_VERIFY_CTX(req, NULL);
	if (!vc || !TS_RESP_verify_response(vc, resp)) {
		ERR_clear_error();
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "the timestamp of %s is not over this signature", url);
		goto done;
	}
	unsigned char *tok = NULL;
	int tl = i2d_PKCS7(TS_RESP_get_token(resp), &tok);
	if (tl <= 0 || !CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken,
						      V_ASN1_SEQUENCE, tok, tl)) {
		OPENSSL_free(tok);
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot add the timestamp");
		goto done;
	}
	OPENSSL_free(tok);
	const ASN1_GENERALIZEDTIME *gt =
		TS_TST_INFO_get_time(TS_RESP_get_tst_info(resp));
	struct tm tm;
	if (gt && ASN1_TIME_to_tm(gt, &tm))
		strftime(gentime, gn, "%Y-%m-%d %H:%M:%S UTC", &tm);
	else
		snprintf(gentime, gn, "?");
	r = 0;
done:
	ERR_clear_error();
	TS_VERIFY_CTX_free(vc);
	TS_RESP_free(resp);
	g_byte_array_unref(reply);
	OPENSSL_free(der);
	TS_REQ_free(req);
	return r;
}
