/*
 * pipeline.h — a plan, read and checked, to its output:
 *   layout (generator/layout, layouts/) → device (generator/devices)
 *   → for a PDF, finish (generator/finish: links, signature fields, the
 *     source attached, signatures) → the output, put in place whole.
 *
 * A top-level file: it may include every stage; no stage includes it.
 */
#ifndef PG_PIPELINE_H
#define PG_PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "documents.h"

/* What a run says when the input is at fault (invalid, exit 1): a
 * block no page can take, a field that cannot be signed as asked. */
#define PIPELINE_INVALID FLOW_UNPLACEABLE

/* The signing options of the command line, gathered in their order:
 *   --sign FILE.p12        a key (PKCS#12: key and certificate), one
 *                          signature each, in the order given;
 *   --sign-pass-file FILE  its passphrase (first line of FILE): one
 *                          serves every key; with several, each belongs
 *                          to the --sign just before it;
 *   --sign-field NAME      the field the --sign just before it signs
 *                          (otherwise: the next empty one);
 *   --tsa URL              an RFC 3161 timestamp on every signature.
 * Without a passphrase file, PLANGEN_SIGN_PASS serves. */
typedef struct pipeline_signing pipeline_signing;
enum { PIPELINE_OPT_SIGN = 's', PIPELINE_OPT_PASS = 'P', PIPELINE_OPT_FIELD = 'F',
       PIPELINE_OPT_TSA = 'T' };
pipeline_signing *pipeline_signing_new(void);
/* One option (PIPELINE_OPT_*) and its argument, as met. */
void pipeline_signing_option(pipeline_signing *s, int opt, const char *arg);
/* 0, or -1 after printing a usage error ("plangen: ...") to err: a
 * --sign without its passphrase file when there are several, a
 * --sign-field or passphrase file that follows no --sign of its own,
 * --tsa without --sign or not an http(s) URL. */
int pipeline_signing_check(const pipeline_signing *s, FILE *err);
/* The number of --sign (0 for NULL). */
int pipeline_signing_count(const pipeline_signing *s);
void pipeline_signing_free(pipeline_signing *s);

/* The signing keys of a run (--sign), their fields, the timestamp
 * authority, the signing time and the font of the visible signature. */
typedef struct pipeline_keys pipeline_keys;

/* Loads the keys of s (none: nothing is read), each with its passphrase
 * (its own file, the one file, or PLANGEN_SIGN_PASS); the signing time
 * is SOURCE_DATE_EPOCH when set, or now.  info: the document's
 * signatories when it is rendered (no more keys than it has, each
 * --sign-field one of their ids); NULL when a PDF is signed.  Unless
 * quiet, the signing prints to standard error who signed which field
 * and when.  NULL after diagnostics.  The caller frees the keys. */
pipeline_keys *pipeline_keys_load(const kit_info *info, const pipeline_signing *s,
				  const char *argv0, int quiet, diag *d);
/* NULL is allowed. */
void pipeline_keys_free(pipeline_keys *k);

/* What a png or svg render writes: the pages in ranges (first, last;
 * 1-based, inclusive), or all when n is 0, at dpi (0: the device's
 * default, 96 for png, points for svg). */
/* pipeline_render's status when view names no page of the document. */
enum { PIPELINE_NO_PAGES = -3 };

typedef struct pipeline_view {
	int (*ranges)[2];
	int n;
	double dpi;
} pipeline_view;

/* The file of page n of a document of npages pages written as prefix
 * (the output less its extension) in format ext: PREFIX-NN.EXT, the
 * number with as many digits as npages has (p-07.png of 72).  Freed by
 * the caller. */
char *pipeline_page_name(const char *prefix, int n, int npages, const char *ext);

/* What a render needs that the reading of its input does not decide,
 * made on a thread of its own while the input is read and checked (the
 * other core is idle then): the engine (its fonts, hyphenation and
 * threads) and, for a PDF, the input's attached copy (data[0..len), the
 * bytes pipeline_render is given) deflated.  pipeline_render takes
 * what it wants of it; pipeline_ahead_free waits for the thread and
 * frees the rest (NULL is allowed).  NULL: none, all made when
 * needed. */
typedef struct pipeline_ahead pipeline_ahead;
pipeline_ahead *pipeline_ahead_start(const char *data, size_t len, const char *fmt,
				     const char *argv0);
void pipeline_ahead_free(pipeline_ahead *a);

/* Renders doc, of kind k, in format fmt (pdf, png, svg, trace, csv) to out, the output as
 * the user named it ("-": standard output).  A PDF has the document's
 * source attached (data[0..len), as read, under info->file's name, and
 * its DTD), info's metadata and language
 * and is signed with keys (NULL or none: unsigned).  A regular file
 * appears complete, by a rename, or not at all, even when a signal
 * ends the run (the handlers are set here: INT, TERM, HUP, QUIT, PIPE,
 * USR1, USR2, ALRM, XCPU, XFSZ, VTALRM, PROF); standard
 * output and other kinds of file (a device, a pipe) are written directly.
 * png and svg write one file per page (pipeline_page_name; out less
 * its extension .png or .svg is the prefix), the pages of view (NULL:
 * all): into a temporary folder beside them, then renamed into place
 * once all are written, so that all appear or none; a render of every
 * page removes the pages of the prefix an earlier one left beyond
 * them.  0, or -1 after diagnostics
 * naming out (a failed write is said once, as "cannot write"), or
 * FLOW_UNPLACEABLE when the document has a block no page can take (the
 * input's fault, located). */
int pipeline_render(const doc_kind *k, const void *doc, const kit_info *info,
		    const char *data, size_t len, const pipeline_keys *keys,
		    const char *fmt, const char *out, const pipeline_view *view,
		    const char *argv0, pipeline_ahead *ahead, diag *d);

/* Whether the file at path begins as a PDF does ("%PDF-"). */
int pipeline_is_pdf(const char *path);

/* Signs the PDF in, which plangen made, with keys (nothing is
 * rendered): one incremental update per key, into its field or the next
 * empty one, every earlier signature left valid; written to out ("-":
 * standard output) as pipeline_render writes (out may be in itself: it
 * is replaced whole).  0, -1 after diagnostics (an I/O error), or
 * PIPELINE_INVALID after one naming in: not a PDF plangen made, no empty
 * field left, no field of that name.  out NULL: only checks that the
 * keys can sign in (--check). */
int pipeline_sign_file(const char *in, const pipeline_keys *keys, const char *out,
		       diag *d);

#endif
