/*
 * finish.h — the last stage of a PDF: the document's end, its
 * signatures.
 *
 * A stage of the pipeline of its own, after the devices: the PDF device
 * writes the pages (their content, fonts, pictures, structure, links,
 * outline, destinations and labels) through a pdfw into an unnamed
 * temporary file, and leaves in its marks (base/marks.h) the objects it
 * wrote and the signature fields it met; once it is closed, the
 * pipeline (generator/pipeline.c) hands the writer and the marks to
 * finish_pdf, with the attached files and the signing keys.  finish
 * writes the signature fields, the attached files (the source data),
 * the document information, what PDF/A-3 asks (pdfa.c: XMP metadata,
 * the output intent), the catalog and the cross-reference table; then
 * each digital signature is appended to that file as an incremental
 * update (sign.c), and the result is copied to the output.  finish/
 * includes only base/ and finish/ headers: it knows neither the display
 * list nor the devices.
 */
#ifndef PG_FINISH_H
#define PG_FINISH_H

#include <stdio.h>
#include <time.h>

#include "../base/diag.h"
#include "../base/marks.h"
#include "../base/pdfw.h"

/* An attached file's stream made ahead (finish_pack), on any thread:
 * its checksum and its bytes deflated, as finish_pdf would make them at
 * the document's end, the one stretch on one core. */
typedef struct finish_packed {
	unsigned char md5[16];
	void *z;
	size_t zn;
} finish_packed;

void finish_pack(finish_packed *p, const char *data, size_t len);
void finish_packed_free(finish_packed *p);

/* A file attached to the document (an associated file of the catalog). */
typedef struct finish_file {
	const char *name;     /* its file name in the PDF */
	const char *mime;     /* e.g. application/xml */
	const char *relation; /* /AFRelationship: Source, Data, ... */
	const char *desc;     /* a description, or NULL */
	const char *data;
	size_t len;
	const finish_packed *packed; /* data packed already, or NULL */
} finish_file;

typedef struct sign_key sign_key; /* sign.h */

/* A signatory of the document, by the name of their field. */
typedef struct finish_signatory {
	const char *field; /* the field's name (/T) */
	const char *name;  /* the person's, or NULL */
} finish_signatory;

/* What finish_pdf and finish_sign return for a document that cannot be
 * signed as asked (the input's fault, not an I/O error). */
enum { FINISH_INVALID = -2 };

typedef struct finish_job {
	/* What the PDF device wrote, and the signature fields it met (in
	 * signing order). */
	const pg_marks *marks;
	/* The document information (UTF-8, or NULL), and its date (ISO
	 * 8601, 2018-11-30T00:00:00 in local time, or with its zone; NULL:
	 * sign_time, or now). */
	const char *title, *author, *subject, *keywords, *date;
	const finish_file *files;
	int nfiles;
	/* One digital signature per key, each an incremental update: into
	 * key_fields[i] (a field's name), or when that is NULL (or
	 * key_fields is), into the next empty field in order. */
	sign_key *const *keys;
	const char *const *key_fields;
	int nkeys;
	/* The people of the fields (their /TU, checked against each
	 * signing certificate's common name). */
	const finish_signatory *signatories;
	int nsignatories;
	const char *tsa;  /* a timestamp authority's URL (PAdES B-T), or NULL */
	const char *font; /* the TrueType file of the visible signatures */
	FILE *report;	  /* who signed which field and when, or NULL */
	const char *reason, *location; /* UTF-8, or NULL */
	const char *lang; /* the catalog's /Lang ("es"), or NULL */
	time_t sign_time;
} finish_job;

/* Ends the PDF that w writes into the open file `in` (the PDF device's,
 * closed) with what job asks, signs it, and copies the result to out
 * (nothing to copy when out is in); both files stay open, the caller's.  0, or -1 after one diagnostic
 * naming `name` (the output as the user gave it): a failed write (a
 * full disk), whichever file it was, is "cannot write". */
int finish_pdf(pdfw *w, FILE *in, const finish_job *job, FILE *out,
	       const char *name, diag *d);

/* Signs the PDF in `in`, named src, which plangen made (its /Creator),
 * as job asks (job->keys, key_fields, tsa, font, report; the reason and
 * location are those the fields keep), and writes it with its new
 * revisions to out, through a temporary file beside out.  0, -1 after a
 * diagnostic (an I/O error), or FINISH_INVALID after one naming src:
 * not a PDF plangen made, no empty field left, no field of that name.
 * out NULL: the checks only, nothing signed nor written (--check). */
int finish_sign(FILE *in, const char *src, const finish_job *job, FILE *out,
		const char *name, diag *d);

#endif
