/*
 * image.h — PNG and JPEG files as cairo image surfaces, decoded once.
 *
 * PNG through cairo, JPEG through libjpeg, kept at no more than 3,300
 * pixels on the longer side (300 dpi across a Letter page: a larger
 * image is scaled down once, when it is decoded); a JPEG surface carries the
 * file itself as its CAIRO_MIME_TYPE_JPEG data, so that the PDF embeds
 * it unchanged, and every surface carries its path as its unique id, so
 * that an image drawn on every page is embedded once.  Decoded images
 * are kept for the run (up to a budget of memory): the reader decodes
 * each to check it, the devices draw what the reader checked.
 */
#ifndef PG_BASE_IMAGE_H
#define PG_BASE_IMAGE_H

#include <cairo.h>
#include <stddef.h>

/* The image at path, or NULL with a reason in err (cannot be read, not a
 * PNG or JPEG, damaged, too large).  The caller destroys its reference
 * (cairo_surface_destroy). */
cairo_surface_t *pg_image_load(const char *path, char *err, size_t n);

/* An image's EXIF orientation (1 upright, 3 turned, 6 and 8 on their
 * side, 2, 4, 5, 7 mirrored), 1 when it has none (every PNG). */
int pg_image_orientation(cairo_surface_t *s);
/* Its size upright (width and height swapped for 5 to 8), in pixels. */
void pg_image_size(cairo_surface_t *s, double *w, double *h);
/* Transforms cr so that painting s at the origin shows it upright, in
 * the box of pg_image_size. */
void pg_image_upright(cairo_t *cr, cairo_surface_t *s);
/* That transformation: from the stored pixels to the upright picture. */
void pg_image_upright_matrix(cairo_surface_t *s, cairo_matrix_t *m);

/* Drops the images kept. */
void pg_images_free(void);

#endif
