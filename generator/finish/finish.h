/*
 * finish.h — the last stage of a PDF: what cairo cannot write.
 *
 * cairo writes the document into an unnamed temporary file; libqpdf
 * reads it from there and writes it again, into a second one, with the
 * additions: link annotations to named destinations (cairo 1.16.0
 * numbers its own link annotations wrongly, leaving a damaged file).
 * The result is then copied to the output.  Files, not memory: what is
 * held stays the same whatever the number of pages.
 */
#ifndef PG_FINISH_H
#define PG_FINISH_H

#include <stdio.h>

#include "../base/diag.h"

typedef struct finish_link {
	int page;	      /* 0-based */
	double x, y, w, h;    /* PDF user space: origin bottom-left */
	const char *dest;     /* a named destination in the document */
} finish_link;

typedef struct finish_job {
	const finish_link *links;
	int nlinks;
} finish_job;

/* Reads the PDF in the open file `in` (its whole content), adds what job
 * asks, and writes the result to out.  0, or -1 after a diagnostic
 * naming `name` (the output). */
int finish_pdf(FILE *in, const finish_job *job, FILE *out, const char *name,
	       diag *d);

#endif
