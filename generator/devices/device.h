/*
 * device.h — devices play display-list pages into an output.
 *
 * A device gets the pages in order, one at a time, then close() ends the
 * output (0 on success, -1 after a diagnostic: a write error, a full
 * disk).  Devices know the display list only.  Files are written where
 * they are named: putting them in place atomically is the caller's job.
 */
#ifndef PG_DEVICE_H
#define PG_DEVICE_H

#include <stdio.h>

#include "../base/diag.h"
#include "../display/display.h"

typedef struct device device;

struct device {
	int (*page)(device *dev, const dl_page *p);
	int (*close)(device *dev);
	void (*free)(device *dev);
};

typedef struct finish_job finish_job; /* generator/finish/finish.h */

/* Document properties for the PDF's metadata, and what its finish stage
 * adds besides the links and fields of the pages (attached files,
 * signatures; NULL: nothing). */
typedef struct dev_meta {
	const char *title, *author, *subject, *keywords;
	const char *date; /* ISO 8601, e.g. 2018-11-30T00:00:00 */
	const finish_job *finish;
	/* The output as the user named it, for messages, when the file
	 * written is a temporary one beside it (NULL: the path). */
	const char *name;
} dev_meta;

/* pdf: one file.  png, svg: one file per page, `path` with "%d" for the
 * page number (or "-N" is inserted before the extension).  trace: text. */
device *dev_pdf_new(const char *path, const dev_meta *m, diag *d);
device *dev_png_new(const char *path, double dpi, diag *d);
device *dev_svg_new(const char *path, diag *d);
device *dev_trace_new(FILE *out, const char *name, diag *d);
/* inner played in a thread of its own (the pages copied and queued);
 * freeing it frees inner.  NULL if inner is NULL. */
device *dev_thread_new(device *inner);

#endif
