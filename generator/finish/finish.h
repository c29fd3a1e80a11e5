/*
 * finish.h — the last stage of a PDF: what cairo cannot write.
 *
 * libqpdf reads the PDF cairo made and writes it again with the additions:
 * link annotations to named destinations (cairo 1.16.0 numbers its own
 * link annotations wrongly, leaving a damaged file).  Attachments and
 * signatures will come here too.
 */
#ifndef PG_FINISH_H
#define PG_FINISH_H

#include <stddef.h>

#include "../base/diag.h"

typedef struct finish_link {
	int page;	      /* 0-based */
	double x, y, w, h;    /* PDF user space: origin bottom-left */
	const char *dest;     /* a named destination in the document */
} finish_link;

/* Adds the links to the PDF in[0..n); on success returns 0 and a
 * malloc'd buffer in *out, *outn.  -1 after a diagnostic otherwise. */
int finish_links(const unsigned char *in, size_t n, const finish_link *links,
		 int nlinks, unsigned char **out, size_t *outn,
		 const char *name, diag *d);

#endif
