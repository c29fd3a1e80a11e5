/*
 * dev-svg.c — one SVG file per page.  cairo writes the glyphs as symbols
 * (outlines), so a page looks exactly as in the PDF; its text is not
 * selectable there.  At a resolution (--dpi) the page is measured in
 * pixels of it, for a browser's preview.
 */
#include <cairo-svg.h>
#include <glib.h>
#include <stdlib.h>

#include "paint.h"

static int svg_page(device *dev, const dl_page *pg)
{
	paged *p = (paged *)dev;
	char *path = paint_page_path(p->pattern, pg->number);
	/* At a resolution, the page in pixels of it; otherwise in points. */
	double k = p->dpi > 0 ? p->dpi / 72.0 : 1;
	cairo_surface_t *s = cairo_svg_surface_create(path, pg->w * k, pg->h * k);
	if (p->dpi > 0)
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, k, k);
	paint_page(cr, pg);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return paged_done(p, path, st);
}

device *dev_svg_new(const char *path, const char *name, double dpi, diag *d)
{
	return paged_new(svg_page, path, name, dpi, d);
}
