/*
 * finish-imp.h — shared inside generator/finish only.
 */
#ifndef PG_FINISH_IMP_H
#define PG_FINISH_IMP_H

#include <glib.h>
#include <openssl/cms.h>
#include <qpdf/qpdf-c.h>

#include "../base/diag.h"
#include "../base/marks.h"

/* alt.c: each image of m->alts marked with its alternative text. */
void finish_alts(qpdf_data q, const pg_marks *m);
/* tags.c: the structure completed (alternative texts, table
 * attributes, elements cut by pages joined, links, artifacts,
 * /MarkInfo); links[i] is the annotation of m->links[i] (0: none).
 * Returns whether the structure is complete (every element the device
 * began is there). */
int finish_tags(qpdf_data q, const pg_marks *m, const qpdf_oh *links);
/* pdfa.c: the output intent, the XMP metadata (PDF/A-3, conformance A
 * if tagged, else B) consistent with /Info, the attached files' dates. */
void finish_pdfa(qpdf_data q, int tagged);

/* sign-look.c: the appearance of a signed field of w×h points: the
 * lines "Firmado digitalmente por SIGNER" and "Fecha: WHEN" in the
 * TrueType font fontfile, subset.  The bodies (what goes between "N 0
 * obj" and "endobj") of the objects first, first+1, ...: [0] the form
 * XObject, then its font's.  NULL after a diagnostic naming name. */
GPtrArray *sign_look(const char *fontfile, double w, double h, const char *signer,
		     const char *when, int first, const char *name, diag *d);

/* buf.c: a growing byte buffer, kept NUL-terminated (content streams
 * rewritten, XML written), and the white space and delimiters of PDF's
 * syntax (ISO 32000-1 §7.2.2), for the passes that read content. */
typedef struct fbuf {
	char *p;
	size_t n, cap;
} fbuf;
void buf_put(fbuf *b, const void *s, size_t n);
int pdf_is_space(int c);
int pdf_is_delim(int c);

/* tsa.c: an RFC 3161 timestamp token from the authority at url over
 * si's signature value, added to si's unsigned attributes; gentime gets
 * the authority's time.  0, or -1 after a diagnostic naming name. */
int tsa_stamp(CMS_SignerInfo *si, const char *url, char *gentime, size_t gn,
	      const char *name, diag *d);

#endif
