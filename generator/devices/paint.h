/*
 * paint.h — shared by the devices that draw (png, svg with cairo; the
 * PDF device) only.
 */
#ifndef PG_DEVICES_PAINT_H
#define PG_DEVICES_PAINT_H

#include <cairo.h>

#include "device.h"

/* Draws page p on cr (the structure, links and destinations are the
 * PDF device's: it draws nothing of them). */
void paint_page(cairo_t *cr, const dl_page *p);
/* Whether the operation after o adds to o's path: runs of fills of one
 * colour, of strokes and lines of one width and colour, are one path
 * and one operation (a matrix page has hundreds of cell borders); end:
 * the page's last operation + 1.  The PDF device paints runs the same. */
int paint_same_path(const dl_op *o, const dl_op *next, const dl_op *end);

/* A file name for page n from a pattern (see dev_png_new); g_free it. */
char *paint_page_path(const char *pattern, int n);

/* The devices that write one file per page (png, svg). */
typedef struct paged {
	device dev;
	char *pattern, *name;
	double dpi;
	int said; /* a failure was said (once) */
	diag *d;
} paged;
/* The end of one page's file: a failure said, path freed; 0 or -1. */
int paged_done(paged *p, char *path, cairo_status_t st);
device *paged_new(int (*page)(device *dev, const dl_page *p),
		  const char *pattern, const char *name, double dpi, diag *d);

#endif
