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

#include "base/diag.h"
#include "documents.h"

/* The signing keys of a run (--sign) and its signing time. */
typedef struct pipeline_keys pipeline_keys;

/* Loads the n PKCS#12 files (n may be 0: nothing is read) as the keys of
 * the document's signatories (info), in order: no more files than it has.  The
 * passphrase is the first line of passfile, or PLANGEN_SIGN_PASS when
 * passfile is NULL (or none); the signing time is SOURCE_DATE_EPOCH when
 * set, or now.  NULL after diagnostics.  The caller frees the keys. */
pipeline_keys *pipeline_keys_load(const kit_info *info, char **files, int n,
				  const char *passfile, diag *d);
/* NULL is allowed. */
void pipeline_keys_free(pipeline_keys *k);

/* Renders doc, of kind k, in format fmt (pdf, png, svg, trace, csv) to out, the output as
 * the user named it ("-": standard output).  A PDF has the document's
 * source attached (data[0..len), as read, under info->file's name, and
 * its DTD), info's metadata and language
 * and is signed with keys (NULL or none: unsigned).  A regular file
 * appears complete, by a rename, or not at all, even when a signal
 * ends the run (the handlers are set here: INT, TERM, HUP, QUIT, PIPE,
 * USR1, USR2, ALRM, XCPU, XFSZ, VTALRM, PROF); standard
 * output, other kinds of file (a device, a pipe) and png and svg (one
 * file per page) are written directly.  0, or -1 after diagnostics
 * naming out (a failed write is said once, as "cannot write"), or
 * FLOW_UNPLACEABLE when the document has a block no page can take (the
 * input's fault, located). */
int pipeline_render(const doc_kind *k, const void *doc, const kit_info *info,
		    const char *data, size_t len, const pipeline_keys *keys,
		    const char *fmt, const char *out, const char *argv0, diag *d);

#endif
