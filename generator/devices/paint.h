/*
 * paint.h — shared by the cairo devices (pdf, png, svg) only.
 */
#ifndef PG_DEVICES_PAINT_H
#define PG_DEVICES_PAINT_H

#include <cairo.h>

#include "device.h"

/* The structure elements open on a page (DL_TAG): one begun inside a
 * leaf (or deeper than 64) is dropped, with its end, so that cairo's
 * tags always nest and a leaf keeps its content (cairo marks content in
 * leaves only).  The PDF device and paint_page agree through it. */
typedef struct tag_stack {
	char name[64][16];
	int live[64];
	int n, over;
} tag_stack;
/* Whether the element o begins is kept (then pushed). */
int tag_push(tag_stack *ts, const dl_op *o);
/* The name of the element ending, or NULL if it was dropped (or none
 * is open). */
const char *tag_pop(tag_stack *ts);

/* Draws page p on cr; with tags, also its destinations (PDF), and with
 * ts its structure (PDF: the elements open across pages in ts). */
void paint_page(cairo_t *cr, const dl_page *p, int tags, tag_stack *ts);
/* Ends the elements still open in ts. */
void paint_tags_end(cairo_t *cr, tag_stack *ts);

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
