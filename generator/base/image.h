/*
 * image.h — PNG and JPEG files as cairo image surfaces, decoded once.
 *
 * PNG through cairo, JPEG through libjpeg; a JPEG surface carries the
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

/* Drops the images kept. */
void pg_images_free(void);

#endif
