/*
 * paint.c — a display-list page on a cairo context.
 */
#include "paint.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/image.h"

static void color(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0,
			     ((c >> 8) & 255) / 255.0, (c & 255) / 255.0);
}

/* The image fitted in its box, its aspect kept, centred.  The reader
 * has checked that it decodes. */
static void image(cairo_t *cr, const dl_op *o)
{
	char why[256];
	cairo_surface_t *img = pg_image_load(o->str, why, sizeof why);
	if (!img)
		return;
	double iw, ih;
	pg_image_size(img, &iw, &ih); /* upright, by its EXIF orientation */
	double k = o->w / iw < o->h / ih ? o->w / iw : o->h / ih;
	cairo_save(cr);
	cairo_translate(cr, o->x + (o->w - iw * k) / 2, o->y + (o->h - ih * k) / 2);
	cairo_scale(cr, k, k);
	/* A filled box; the path is kept in device space while the image is
	 * turned upright. */
	cairo_rectangle(cr, 0, 0, iw, ih);
	pg_image_upright(cr, img);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_fill(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
}

int paint_same_path(const dl_op *o, const dl_op *next, const dl_op *end)
{
	if (next >= end || next->color != o->color)
		return 0;
	if (o->kind == DL_FILL)
		return next->kind == DL_FILL;
	return (next->kind == DL_STROKE || next->kind == DL_LINE) &&
	       next->lw == o->lw;
}

void paint_page(cairo_t *cr, const dl_page *p)
{
	for (int i = 0; i < p->n; i++) {
		const dl_op *o = &p->ops[i];
		switch (o->kind) {
		case DL_FILL:
			color(cr, o->color);
			cairo_rectangle(cr, o->x, o->y, o->w, o->h);
			if (!paint_same_path(o, o + 1, p->ops + p->n))
				cairo_fill(cr);
			break;
		case DL_STROKE:
		case DL_LINE:
			color(cr, o->color);
			cairo_set_line_width(cr, o->lw);
			if (o->kind == DL_STROKE) {
				cairo_rectangle(cr, o->x, o->y, o->w, o->h);
			} else {
				cairo_move_to(cr, o->x, o->y);
				cairo_rel_line_to(cr, o->w, o->h);
			}
			if (!paint_same_path(o, o + 1, p->ops + p->n))
				cairo_stroke(cr);
			break;
		case DL_POLY:
			color(cr, o->color);
			cairo_move_to(cr, o->pts[0], o->pts[1]);
			for (int k = 1; k < o->npts; k++)
				cairo_line_to(cr, o->pts[2 * k], o->pts[2 * k + 1]);
			cairo_close_path(cr);
			cairo_fill(cr);
			break;
		case DL_TEXT:
			color(cr, o->color);
			for (int k = 0; k < o->glyphs->nruns; k++) {
				const dl_run *r = &o->glyphs->runs[k];
				cairo_set_scaled_font(cr, r->font);
				cairo_show_text_glyphs(cr, r->utf8, r->nbytes,
						       r->glyphs, r->nglyphs,
						       r->clusters, r->nclusters,
						       r->flags);
			}
			break;
		case DL_IMAGE:
			image(cr, o);
			break;
		case DL_LINK:
		case DL_DEST:
		case DL_TAG:
		case DL_TAG_END:
		case DL_OUTLINE:
		case DL_FIELD:
			break; /* the PDF device's */
		case DL_MARK:
			break; /* for the trace only */
		}
	}
}

char *paint_page_path(const char *pattern, int n)
{
	/* The pattern is the user's: never a printf format. */
	const char *pct = strstr(pattern, "%d");
	if (pct)
		return g_strdup_printf("%.*s%d%s", (int)(pct - pattern), pattern,
				       n, pct + 2);
	const char *dot = strrchr(pattern, '.');
	const char *slash = strrchr(pattern, '/');
	if (!dot || (slash && dot < slash))
		return g_strdup_printf("%s-%d", pattern, n);
	return g_strdup_printf("%.*s-%d%s", (int)(dot - pattern), pattern, n,
			       dot);
}

int paged_done(paged *p, char *path, cairo_status_t st)
{
	if (st != CAIRO_STATUS_SUCCESS && !p->said++)
		diag_add(p->d, DIAG_ERROR, p->name, 0, 0, "cannot write: %s",
			 st == CAIRO_STATUS_WRITE_ERROR && errno ? strerror(errno)
								 : cairo_status_to_string(st));
	g_free(path);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

static int paged_close(device *dev)
{
	(void)dev;
	return 0; /* each page's file is complete when written */
}

static void paged_free(device *dev)
{
	paged *p = (paged *)dev;
	g_free(p->pattern);
	g_free(p->name);
	free(p);
}

device *paged_new(int (*page)(device *dev, const dl_page *p),
		  const char *pattern, const char *name, double dpi, diag *d)
{
	paged *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->dev = (device){ page, paged_close, paged_free };
	p->pattern = g_strdup(pattern);
	p->name = g_strdup(name);
	p->dpi = dpi;
	p->d = d;
	return &p->dev;
}
