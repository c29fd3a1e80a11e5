/*
 * block-image.c — a picture (PNG or JPEG) at the width of the frame or a
 * share of it, its aspect kept, upright by its EXIF orientation, centred,
 * never split: it starts where it fits whole, else on the next page; on
 * an empty page that it does not fit it shrinks to the room there.  Its
 * height is at most max_h, when the layout sets one.
 */
#include "engine.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

#include "../base/image.h"

typedef struct image {
	block b;
	char *file, *alt;
	double share, max_h;
	double aspect; /* height / width, upright */
	double w, h;   /* at the flow's width */
} image;

static void size(image *im, double frame)
{
	im->w = frame * im->share;
	im->h = im->w * im->aspect;
	if (im->max_h > 0 && im->h > im->max_h) {
		im->h = im->max_h;
		im->w = im->h / im->aspect;
	}
}

static double measure(block *b, flow *f)
{
	image *im = (image *)b;
	size(im, flow_width(f));
	return im->h;
}

static double first(block *b, flow *f)
{
	return measure(b, f);
}

static int place(block *b, flow *f)
{
	image *im = (image *)b;
	size(im, flow_width(f));
	double w = im->w, h = im->h, room = flow_room(f);
	if (h > room) {
		if (!flow_fresh(f))
			return 0;
		if (room <= 0)
			return 0;
		h = room;
		w = h / im->aspect;
	}
	dl_image(flow_page(f), im->file, flow_x(f) + (flow_width(f) - w) / 2,
		 flow_y(f), w, h, im->alt);
	flow_advance(f, h);
	return 1;
}

static void drop(block *b)
{
	image *im = (image *)b;
	free(im->file);
	free(im->alt);
	free(im);
}

/* Its caption, as the layout gave it. */
static char *figure(block *b)
{
	image *im = (image *)b;
	return im->alt ? g_strdup(im->alt) : NULL;
}

static const block_kind IMAGE = { "image", measure, first, place, drop, figure };

block *image_new(eng *e, const char *file, double share, double max_h,
		 const char *alt)
{
	(void)e;
	image *im = calloc(1, sizeof *im);
	if (!im || !(im->file = strdup(file)) || (alt && !(im->alt = strdup(alt))))
		pg_oom();
	im->b.kind = &IMAGE;
	im->share = share > 0 && share <= 1 ? share : 1;
	im->max_h = max_h;
	char why[256];
	cairo_surface_t *s = pg_image_load(file, why, sizeof why);
	double iw = 1, ih = 1;
	if (s) {
		pg_image_size(s, &iw, &ih);
		cairo_surface_destroy(s);
	}
	im->aspect = iw > 0 && ih > 0 ? ih / iw : 1;
	return &im->b;
}
