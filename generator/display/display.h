/*
 * display.h — the display list: what one page draws, in drawing order.
 *
 * Between layout and devices: the layout engine records operations on a
 * page, a device plays the finished page and the page is dropped, so
 * memory holds one page at a time whatever the document's length.  Text
 * is kept as glyphs, shaped once by Pango and taken out of it when
 * recorded (record.h, the layout engine's only): cairo fonts, glyph
 * positions, and the text with its clusters (what a PDF needs for
 * copying and searching).  This header names no Pango type: devices,
 * which include it, paint with cairo and never touch Pango, so that one
 * may play pages in a thread of its own.  Everything else is rectangles,
 * lines, filled polygons, images and PDF structure (links, destinations,
 * outline entries, signature fields).  Coordinates are points from the
 * page's top-left corner; colours are 0xRRGGBB.
 */
#ifndef PG_DISPLAY_H
#define PG_DISPLAY_H

#include <cairo.h>
#include <stdint.h>

enum dl_kind {
	DL_FILL,    /* rectangle x,y,w,h filled with color */
	DL_STROKE,  /* rectangle outline of width lw */
	DL_LINE,    /* segment (x,y)-(x+w,y+h) of width lw */
	DL_TEXT,    /* a line of glyphs, its baseline's left end at x,y
		       (recorded by dl_text, record.h) */
	DL_IMAGE,   /* the image file str fitted in the box x,y,w,h (its
		       aspect kept, centred) */
	DL_LINK,    /* box x,y,w,h links to the destination str */
	DL_DEST,    /* the named destination str at x,y */
	DL_OUTLINE, /* outline entry str at level (1 = top) to destination */
	DL_POLY,    /* polygon of npts points pts, filled; x,y,w,h its box */
	DL_FIELD,   /* box x,y,w,h is the signature field named str */
	DL_MARK,    /* box x,y,w,h noted as str for the trace, which the
		       layout invariants read (a table cell split by the
		       page); no other device draws it */
	DL_TAG,	    /* a structure element str begins (tagged PDF): key,
		       cont, alt, rows, cols */
	DL_TAG_END, /* the innermost element begun ends */
};

/* One run of a line: glyphs of one font, at their places on the page,
 * and the text they show (clusters map one to the other). */
typedef struct dl_run {
	cairo_scaled_font_t *font;
	cairo_glyph_t *glyphs;
	int nglyphs;
	cairo_text_cluster_t *clusters;
	int nclusters;
	cairo_text_cluster_flags_t flags;
	const char *utf8; /* into the line's text, or its own (soft hyphens
			     dropped) */
	int nbytes;
} dl_run;

/* A line's runs, shared by the copies of a page (reference counted):
 * all in one block of memory with its runs, their glyphs, clusters and
 * texts. */
typedef struct dl_glyphs {
	int refs;
	int nruns;
	dl_run *runs;
	char *text;
	void *block; /* what to free */
} dl_glyphs;

typedef struct dl_op {
	enum dl_kind kind;
	double x, y, w, h, lw;
	uint32_t color;
	int level;
	dl_glyphs *glyphs; /* DL_TEXT */
	char *str;	   /* text, image file, destination name, outline title */
	char *dest;	       /* DL_OUTLINE: its destination */
	char *alt;	       /* DL_IMAGE: its alternative text, or NULL */
	double *pts;	       /* DL_POLY: x0, y0, x1, y1, ... */
	int npts;
	const void *key;       /* DL_TAG: identifies the element */
	int cont;	       /* DL_TAG: continues the element of key */
	int rows, cols;	       /* DL_TAG: a table cell's span (0: 1) */
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
/* A copy that lives on its own (for a device in another thread). */
dl_page *dl_page_copy(const dl_page *p);
/* Moves src's operations to the end of dst, leaving src empty. */
void dl_page_append(dl_page *dst, dl_page *src);
void dl_set_label(dl_page *p, const char *label);

void dl_fill(dl_page *p, double x, double y, double w, double h, uint32_t color);
void dl_stroke(dl_page *p, double x, double y, double w, double h, double lw,
	       uint32_t color);
void dl_line(dl_page *p, double x0, double y0, double x1, double y1,
	     double lw, uint32_t color);
/* A closed polygon of n points (xy: x0, y0, x1, y1, ...), filled. */
void dl_poly(dl_page *p, const double *xy, int n, uint32_t color);
/* alt: what the image shows, for readers that cannot see it (NULL:
 * none). */
void dl_image(dl_page *p, const char *file, double x, double y, double w,
	      double h, const char *alt);
void dl_link(dl_page *p, double x, double y, double w, double h,
	     const char *dest);
void dl_dest(dl_page *p, const char *name, double x, double y);
void dl_mark(dl_page *p, double x, double y, double w, double h, const char *what);
void dl_field(dl_page *p, double x, double y, double w, double h,
	      const char *name);
void dl_outline(dl_page *p, int level, const char *title, const char *dest);

/* The structure of a tagged PDF (devices other than the PDF's ignore
 * it).  Elements nest, and a page's begins and ends balance: an element
 * cut by a page (a paragraph, a table, a merged cell) begins again on
 * the next with cont set and the same key, and is one element in the
 * document.  What no element holds (page footers, repeated headers,
 * fills and rules) is an artifact.  name is a standard structure type
 * (P, H1, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption, Note);
 * a leaf (P, H1-H6, Lbl, LBody, TH, TD, Figure, Caption, Note) holds no
 * other element.  alt: a figure's alternative text (NULL: none);
 * rows, cols: a table cell's span. */
void dl_tag(dl_page *p, const char *name, const void *key, int cont,
	    const char *alt);
void dl_tag_cell(dl_page *p, const char *name, const void *key, int cont,
		 int rows, int cols);
void dl_tag_end(dl_page *p);
/* The operations from index `from` on put inside an element. */
void dl_wrap(dl_page *p, int from, const char *name, const void *key, int cont,
	     const char *alt);

#endif
