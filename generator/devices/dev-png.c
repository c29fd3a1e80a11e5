/*
 * dev-png.c — one PNG file per page, at a given resolution.
 */
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "paint.h"

static int png_page(device *dev, const dl_page *pg)
{
	paged *p = (paged *)dev;
	double k = p->dpi / 72.0;
	int w = (int)(pg->w * k + 0.5), h = (int)(pg->h * k + 0.5);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	paint_page(cr, pg);
	cairo_destroy(cr);
	char *path = paint_page_path(p->pattern, pg->number);
	cairo_status_t st = cairo_surface_write_to_png(s, path);
	cairo_surface_destroy(s);
	return paged_done(p, path, st);
}

device *dev_png_new(const char *path, const char *name, double dpi, diag *d)
{
	return paged_new(png_page, path, name, dpi > 0 ? dpi : 96, d);
}
