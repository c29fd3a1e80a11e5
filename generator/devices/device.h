/*
 * device.h — devices play display-list pages into an output.
 *
 * A device gets the pages in order, one at a time, then close() ends the
 * output (0 on success, -1 after a diagnostic: a write error, a full
 * disk).  Devices know the display list only (display.h: cairo types,
 * no Pango) and include only base/, display/ and devices/ headers.
 * Files are written where they are named or given: putting them in
 * place atomically is the caller's job, and so, for a PDF, is the finish
 * stage (generator/finish: signature fields, attached files, metadata,
 * the catalog, signatures), run on the PDF device's writer with the
 * marks it recorded (generator/pipeline.c does both).
 */
#ifndef PG_DEVICE_H
#define PG_DEVICE_H

#include <stdio.h>

#include "../base/diag.h"
#include "../base/marks.h"
#include "../base/pdfw.h"
#include "../display/display.h"

typedef struct device device;

struct device {
	int (*page)(device *dev, const dl_page *p);
	int (*close)(device *dev);
	void (*free)(device *dev);
};

/* Document properties for the PDF's metadata. */
typedef struct dev_meta {
	const char *title, *author, *subject, *keywords;
	const char *date; /* ISO 8601, e.g. 2018-11-30T00:00:00 */
} dev_meta;

/* pdf: the pages written as PDF through w (base/pdfw.h), which stays
 * the caller's: the content, fonts, pictures, structure, links,
 * outline, named destinations and page labels.  What the document's end
 * needs (the objects written, the signature fields met, their numbers
 * reserved) goes to marks (the caller's, read once the device is
 * closed), in PDF user space; the catalog and the cross-reference table
 * are the finish stage's.  name is the output as the user named it, for
 * messages.  Never NULL. */
device *dev_pdf_new(pdfw *w, const char *name, pg_marks *marks, diag *d);
/* png, svg: one file per page, `path` with "%d" for the page number (or
 * "-N" is inserted before the extension), at dpi (png: 0 is 96; svg: 0
 * is the page's size in points, otherwise in pixels of that
 * resolution); name is the output as the user named it, for messages
 * (a failed write is said once). */
device *dev_png_new(const char *path, const char *name, double dpi, diag *d);
device *dev_svg_new(const char *path, const char *name, double dpi, diag *d);
/* trace: text into out, which stays the caller's; name for messages. */
device *dev_trace_new(FILE *out, const char *name, diag *d);
/* inner played in a thread of its own (the pages copied and queued);
 * freeing it frees inner.  NULL if inner is NULL. */
device *dev_thread_new(device *inner);

#endif
