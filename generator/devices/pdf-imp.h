/*
 * pdf-imp.h — shared inside the PDF device only (dev-pdf.c and its
 * pdf-*.c): the fonts, the images and the structure tree it writes.
 */
#ifndef PG_PDF_IMP_H
#define PG_PDF_IMP_H

#include <cairo.h>

#include "../base/pdfw.h"

/* ---- pdf-font.c: the fonts, embedded as subsets ---- */

typedef struct pdf_fonts pdf_fonts;
typedef struct pdf_font pdf_font;

pdf_fonts *pdf_fonts_new(pdfw *w);
/* The font of a cairo font (one per font file, whatever its size), or
 * NULL when it is not a FreeType font. */
pdf_font *pdf_font_of(pdf_fonts *fs, cairo_scaled_font_t *sf);
/* Its resource name's number (/F<n>) and its object's. */
int pdf_font_index(const pdf_font *f);
int pdf_font_id(const pdf_font *f);
/* A glyph's advance, in thousandths of the em; the glyph is kept in the
 * subset. */
double pdf_font_use(pdf_font *f, unsigned gid);
/* Whether glyph gid is text utf8[0..n): the first text a glyph shows is
 * its /ToUnicode; 0 when it showed another (the caller says this one
 * with /ActualText). */
int pdf_font_text(pdf_font *f, unsigned gid, const char *utf8, int n);
/* Writes every font (subset, widths, /ToUnicode) and frees them. */
void pdf_fonts_end(pdf_fonts *fs);

/* ---- pdf-image.c: the pictures, each written once ---- */

typedef struct pdf_images pdf_images;

pdf_images *pdf_images_new(pdfw *w);
/* The image XObject of the picture at path (written on its first use):
 * its resource number (/x<n>), or -1 when it cannot be read. */
int pdf_image_of(pdf_images *im, const char *path, int *id);
void pdf_images_free(pdf_images *im);

#endif
