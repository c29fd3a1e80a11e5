/*
 * display.h — the display list: what one page draws, in drawing order.
 *
 * Between layout and devices: the layout engine records operations on a
 * page, a device plays the finished page and the page is dropped, so
 * memory holds one page at a time whatever the document's length.  Text
 * is kept as Pango lines (shaped once, drawn by every device the same);
 * everything else is rectangles, lines, images and PDF structure (links,
 * destinations, outline entries).  Coordinates are points from the page's
 * top-left corner; colours are 0xRRGGBB.
 */
#ifndef PG_DISPLAY_H
#define PG_DISPLAY_H

#include <pango/pango.h>
#include <stdint.h>

enum dl_kind {
	DL_FILL,    /* rectangle x,y,w,h filled with color */
	DL_STROKE,  /* rectangle outline of width lw */
	DL_LINE,    /* segment (x,y)-(x+w,y+h) of width lw */
	DL_TEXT,    /* a Pango line, its baseline's left end at x,y */
	DL_IMAGE,   /* the image file str fitted in the box x,y,w,h (its
		       aspect kept, centred) */
	DL_LINK,    /* box x,y,w,h links to the destination str */
	DL_DEST,    /* the named destination str at x,y */
	DL_OUTLINE, /* outline entry str at level (1 = top) to destination */
	DL_FIELD,   /* box x,y,w,h is the signature field named str */
};

typedef struct dl_op {
	enum dl_kind kind;
	double x, y, w, h, lw;
	uint32_t color;
	int level;
	PangoLayoutLine *line; /* DL_TEXT: a reference to it and its layout */
	char *str;	       /* text, image file, destination name, outline title */
	char *dest;	       /* DL_OUTLINE: its destination */
} dl_op;

typedef struct dl_page {
	double w, h;
	char *label; /* page label (printed number), or NULL */
	int number;  /* 1-based physical page number */
	dl_op *ops;
	int n, cap;
} dl_page;

dl_page *dl_page_new(double w, double h, int number);
void dl_page_free(dl_page *p);
void dl_set_label(dl_page *p, const char *label);

void dl_fill(dl_page *p, double x, double y, double w, double h, uint32_t color);
void dl_stroke(dl_page *p, double x, double y, double w, double h, double lw,
	       uint32_t color);
void dl_line(dl_page *p, double x0, double y0, double x1, double y1,
	     double lw, uint32_t color);
void dl_text(dl_page *p, PangoLayoutLine *line, double x, double baseline,
	     uint32_t color);
void dl_image(dl_page *p, const char *file, double x, double y, double w,
	      double h);
void dl_link(dl_page *p, double x, double y, double w, double h,
	     const char *dest);
void dl_dest(dl_page *p, const char *name, double x, double y);
void dl_field(dl_page *p, double x, double y, double w, double h,
	      const char *name);
void dl_outline(dl_page *p, int level, const char *title, const char *dest);

/* The visible text of a line: soft hyphens dropped, a hyphen where the
 * line breaks at one.  Caller frees (g_free). */
char *dl_line_text(PangoLayoutLine *line);
/* The extents of a line: left x offset and width, in points. */
void dl_line_extents(PangoLayoutLine *line, double *x, double *w);

#endif
