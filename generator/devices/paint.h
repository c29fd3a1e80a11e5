/*
 * paint.h — shared by the cairo devices (pdf, png, svg) only.
 */
#ifndef PG_DEVICES_PAINT_H
#define PG_DEVICES_PAINT_H

#include <cairo.h>

#include "device.h"

/* Draws page p on cr; with tags, also its links, destinations and
 * outline entries (PDF). */
void paint_page(cairo_t *cr, const dl_page *p, int tags);
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
