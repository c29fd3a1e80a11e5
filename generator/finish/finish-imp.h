/*
 * finish-imp.h — shared inside generator/finish only.
 */
#ifndef PG_FINISH_IMP_H
#define PG_FINISH_IMP_H

#include <glib.h>
#include <openssl/cms.h>

#include "../base/diag.h"
#include "../base/marks.h"

#include "../base/pdfw.h"
#include "finish.h"

#ifndef PLANGEN_VERSION
#define PLANGEN_VERSION "(unversioned)" /* a build without the Makefile's flags */
#endif
#define FINISH_PRODUCER "plangen " PLANGEN_VERSION

/* pdfa.c: the document's date, as PDF and XMP write it. */
typedef struct finish_when {
	char digits[48]; /* YYYYMMDDHHmmSS */
	char zone[24];	 /* "Z", "-06:00" */
} finish_when;
void finish_date(const finish_job *job, finish_when *t);
/* D:YYYYMMDDHHmmSSZ, or with the zone as D:...-06'00'. */
void finish_pdf_date(char *out, size_t n, const finish_when *t);
/* The XMP metadata stream (PDF/A-3, conformance A if tagged, else B),
 * consistent with /Info; its number. */
int finish_metadata(pdfw *w, const finish_job *job, const finish_when *t, int tagged);
/* The sRGB output intent; its number. */
int finish_output_intent(pdfw *w);
/* document.c: all of in, from its start, to out; 0, or an errno. */
int finish_copy(FILE *in, FILE *out);

/* sign-look.c: the appearance of a signed field of w×h points: the
 * lines "Firmado digitalmente por SIGNER" and "Fecha: WHEN" in the
 * TrueType font fontfile, subset.  The bodies (what goes between "N 0
 * obj" and "endobj") of the objects first, first+1, ...: [0] the form
 * XObject, then its font's.  NULL after a diagnostic naming name. */
GPtrArray *sign_look(const char *fontfile, double w, double h, const char *signer,
		     const char *when, int first, const char *name, diag *d);

/* tsa.c: an RFC 3161 timestamp token from the authority at url over
 * si's signature value, added to si's unsigned attributes; gentime gets
 * the authority's time.  0, or -1 after a diagnostic naming name. */
int tsa_stamp(CMS_SignerInfo *si, const char *url, char *gentime, size_t gn,
	      const char *name, diag *d);

#endif
