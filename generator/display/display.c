/*
 * display.c — a growing array of operations per page.
 */
#include "display.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "display-imp.h"

dl_page *dl_page_new(double w, double h, int number)
{
	dl_page *p = calloc(1, sizeof *p);
	if (!p)
		pg_oom();
	p->w = w;
	p->h = h;
	p->number = number;
	return p;
}

static void glyphs_unref(dl_glyphs *g)
{
	if (!g || !g_atomic_int_dec_and_test(&g->refs))
		return;
	for (int i = 0; i < g->nruns; i++)
		cairo_scaled_font_destroy(g->runs[i].font);
	g_free(g->block);
}

void dl_page_free(dl_page *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++) {
		glyphs_unref(p->ops[i].glyphs);
		g_free(p->ops[i].str);
		g_free(p->ops[i].dest);
		g_free(p->ops[i].alt);
		free(p->ops[i].pts);
	}
	free(p->ops);
	g_free(p->label);
	free(p);
}

dl_page *dl_page_copy(const dl_page *p)
{
	dl_page *c = dl_page_new(p->w, p->h, p->number);
	c->label = g_strdup(p->label);
	c->n = c->cap = p->n;
	c->ops = malloc((size_t)(p->n ? p->n : 1) * sizeof *c->ops);
	if (!c->ops)
		pg_oom();
	for (int i = 0; i < p->n; i++) {
		dl_op *o = &c->ops[i];
		*o = p->ops[i];
		o->str = g_strdup(o->str);
		o->dest = g_strdup(o->dest);
		o->alt = g_strdup(o->alt);
		if (o->pts) {
			o->pts = malloc((size_t)o->npts * 2 * sizeof *o->pts);
			if (!o->pts)
				pg_oom();
			memcpy(o->pts, p->ops[i].pts, (size_t)o->npts * 2 * sizeof *o->pts);
		}
		if (o->glyphs)
			g_atomic_int_inc(&o->glyphs->refs);
	}
	return c;
}

void dl_page_append(dl_page *dst, dl_page *src)
{
	if (!src->n)
		return; /* nothing to move (and src->ops may be NULL) */
	if (dst->n + src->n > dst->cap) {
		dst->cap = dst->n + src->n;
		dst->ops = realloc(dst->ops, (size_t)dst->cap * sizeof *dst->ops);
		if (!dst->ops)
			pg_oom();
	}
	memcpy(dst->ops + dst->n, src->ops, (size_t)src->n * sizeof *src->ops);
	dst->n += src->n;
	src->n = 0;
}

static char *sdup(const char *s)
{
	return s ? g_strdup(s) : NULL;
}

void dl_set_label(dl_page *p, const char *label)
{
	g_free(p->label);
	p->label = sdup(label);
}

dl_op *dl_add(dl_page *p, enum dl_kind k)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->ops = realloc(p->ops, (size_t)p->cap * sizeof *p->ops);
		if (!p->ops)
			pg_oom();
	}
	dl_op *o = &p->ops[p->n++];
	memset(o, 0, sizeof *o);
	o->kind = k;
	return o;
}

void dl_fill(dl_page *p, double x, double y, double w, double h, uint32_t color)
{
	dl_op *o = dl_add(p, DL_FILL);
	o->x = x, o->y = y, o->w = w, o->h = h, o->color = color;
}

void dl_stroke(dl_page *p, double x, double y, double w, double h, double lw,
	       uint32_t color)
{
	dl_op *o = dl_add(p, DL_STROKE);
	o->x = x, o->y = y, o->w = w, o->h = h, o->lw = lw, o->color = color;
}

void dl_line(dl_page *p, double x0, double y0, double x1, double y1,
	     double lw, uint32_t color)
{
	dl_op *o = dl_add(p, DL_LINE);
	o->x = x0, o->y = y0, o->w = x1 - x0, o->h = y1 - y0, o->lw = lw;
	o->color = color;
}

void dl_poly(dl_page *p, const double *xy, int n, uint32_t color)
{
	if (n < 3)
		return;
	dl_op *o = dl_add(p, DL_POLY);
	o->pts = malloc((size_t)n * 2 * sizeof *o->pts);
	if (!o->pts)
		pg_oom();
	memcpy(o->pts, xy, (size_t)n * 2 * sizeof *o->pts);
	o->npts = n;
	o->color = color;
	double x0 = xy[0], y0 = xy[1], x1 = x0, y1 = y0;
	for (int i = 1; i < n; i++) {
		x0 = xy[2 * i] < x0 ? xy[2 * i] : x0;
		x1 = xy[2 * i] > x1 ? xy[2 * i] : x1;
		y0 = xy[2 * i + 1] < y0 ? xy[2 * i + 1] : y0;
		y1 = xy[2 * i + 1] > y1 ? xy[2 * i + 1] : y1;
	}
	o->x = x0, o->y = y0, o->w = x1 - x0, o->h = y1 - y0;
}

void dl_image(dl_page *p, const char *file, double x, double y, double w,
	      double h, const char *alt)
{
	dl_op *o = dl_add(p, DL_IMAGE);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(file);
	o->alt = sdup(alt);
}

void dl_link(dl_page *p, double x, double y, double w, double h,
	     const char *dest)
{
	dl_op *o = dl_add(p, DL_LINK);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(dest);
}

void dl_field(dl_page *p, double x, double y, double w, double h,
	      const char *name)
{
	dl_op *o = dl_add(p, DL_FIELD);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(name);
}

void dl_dest(dl_page *p, const char *name, double x, double y)
{
	dl_op *o = dl_add(p, DL_DEST);
	o->x = x, o->y = y;
	o->str = sdup(name);
}

void dl_mark(dl_page *p, double x, double y, double w, double h, const char *what)
{
	dl_op *o = dl_add(p, DL_MARK);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(what);
}

void dl_outline(dl_page *p, int level, const char *title, const char *dest)
{
	dl_op *o = dl_add(p, DL_OUTLINE);
	o->level = level;
	o->str = sdup(title);
	o->dest = sdup(dest);
}

void dl_tag(dl_page *p, const char *name, const void *key, int cont,
	    const char *alt)
{
	dl_op *o = dl_add(p, DL_TAG);
	o->str = sdup(name);
	o->key = key;
	o->cont = cont;
	o->alt = sdup(alt);
}

void dl_tag_cell(dl_page *p, const char *name, const void *key, int cont,
		 int rows, int cols)
{
	dl_tag(p, name, key, cont, NULL);
	p->ops[p->n - 1].rows = rows;
	p->ops[p->n - 1].cols = cols;
}

void dl_tag_end(dl_page *p)
{
	dl_add(p, DL_TAG_END);
}

void dl_wrap(dl_page *p, int from, const char *name, const void *key, int cont,
	     const char *alt)
{
	dl_tag(p, name, key, cont, alt);
	dl_op tag = p->ops[p->n - 1];
	memmove(p->ops + from + 1, p->ops + from, (size_t)(p->n - 1 - from) * sizeof *p->ops);
	p->ops[from] = tag;
	dl_tag_end(p);
}
