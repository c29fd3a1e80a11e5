/*
 * sign.h — digital signatures: PAdES baseline signatures (CMS detached,
 * CAdES signed attributes, SHA-256) made with OpenSSL, each appended to
 * the finished PDF as an incremental update.
 */
#ifndef PG_FINISH_SIGN_H
#define PG_FINISH_SIGN_H

#include <stdio.h>
#include <time.h>

#include "../base/diag.h"
#include "finish.h"

/* Reads a PKCS#12 file (.p12, .pfx): a private key, its certificate and
 * the certificates of its chain.  pass may be NULL (none given).  NULL
 * after an error naming the file: unreadable, not PKCS#12, a wrong
 * passphrase, no key, no certificate, a certificate not of this key.  A
 * certificate not valid at `now` (expired, not yet valid) is a warning. */
sign_key *sign_key_load(const char *path, const char *pass, time_t now,
			diag *d);
void sign_key_free(sign_key *k);

/* Signs the PDF in f, as libqpdf wrote it (a classic cross-reference
 * table; the signature fields in the /AcroForm's /Fields, in order):
 * for each key of job in turn, an incremental update that gives its
 * field (job->key_fields, or the next empty one) its signature value
 * and its visible appearance.  0, or -1 after a diagnostic naming
 * `name` (the output), or FINISH_INVALID after one saying which field
 * cannot be signed. */
int sign_pdf(FILE *f, const finish_job *job, const char *name, diag *d);

#endif
