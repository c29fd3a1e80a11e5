/*
 * dev-svg.c — one SVG file per page.  cairo writes the glyphs as symbols
 * (outlines), so a page looks exactly as in the PDF; its text is not
 * selectable there.
 */
#include <cairo-svg.h>
#include <glib.h>
#include <stdlib.h>

#include "paint.h"

static int svg_page(device *dev, const dl_page *pg)
{
	paged *p = (paged *)dev;
	char *path = paint_page_path(p->pattern, pg->number);
	cairo_surface_t *s = cairo_svg_surface_create(path, pg->w, pg->h);
	cairo_t *cr = cairo_create(s);
	paint_page(cr, pg, 0);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return paged_done(p, path, st);
}

device *dev_svg_new(const char *path, diag *d)
{
	return paged_new(svg_page, path, 72, d);
}
