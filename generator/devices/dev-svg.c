/*
 * dev-svg.c — one SVG file per page; text stays text (cairo writes glyphs
 * as symbols, so it is drawn exactly as in the PDF).
 */
#include <cairo-svg.h>
#include <glib.h>
#include <stdlib.h>

#include "paint.h"

typedef struct svg {
	device dev;
	char *pattern;
	diag *d;
} svg;

static int svg_page(device *dev, const dl_page *pg)
{
	svg *p = (svg *)dev;
	char *path = paint_page_path(p->pattern, pg->number);
	cairo_surface_t *s = cairo_svg_surface_create(path, pg->w, pg->h);
	cairo_t *cr = cairo_create(s);
	paint_page(cr, pg, 0);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		diag_add(p->d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
			 cairo_status_to_string(st));
	g_free(path);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

static int svg_close(device *dev)
{
	(void)dev;
	return 0;
}

static void svg_free(device *dev)
{
	svg *p = (svg *)dev;
	g_free(p->pattern);
	free(p);
}

device *dev_svg_new(const char *path, diag *d)
{
	svg *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->dev = (device){ svg_page, svg_close, svg_free };
	p->pattern = g_strdup(path);
	p->d = d;
	return &p->dev;
}
