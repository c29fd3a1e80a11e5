/*
 * display.c — a growing array of operations per page.
 */
#include "display.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

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

void dl_page_free(dl_page *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++) {
		if (p->ops[i].line) {
			PangoLayout *l = p->ops[i].line->layout;
			pango_layout_line_unref(p->ops[i].line);
			if (l)
				g_object_unref(l);
		}
		g_free(p->ops[i].str);
		g_free(p->ops[i].dest);
	}
	free(p->ops);
	g_free(p->label);
	free(p);
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

static dl_op *add(dl_page *p, enum dl_kind k)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
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
	dl_op *o = add(p, DL_FILL);
	o->x = x, o->y = y, o->w = w, o->h = h, o->color = color;
}

void dl_stroke(dl_page *p, double x, double y, double w, double h, double lw,
	       uint32_t color)
{
	dl_op *o = add(p, DL_STROKE);
	o->x = x, o->y = y, o->w = w, o->h = h, o->lw = lw, o->color = color;
}

void dl_line(dl_page *p, double x0, double y0, double x1, double y1,
	     double lw, uint32_t color)
{
	dl_op *o = add(p, DL_LINE);
	o->x = x0, o->y = y0, o->w = x1 - x0, o->h = y1 - y0, o->lw = lw;
	o->color = color;
}

void dl_text(dl_page *p, PangoLayoutLine *line, double x, double baseline,
	     uint32_t color)
{
	dl_op *o = add(p, DL_TEXT);
	/* A line needs its layout to be drawn: both live as long as the
	 * page (one page at a time, so memory stays flat). */
	o->line = pango_layout_line_ref(line);
	if (line->layout)
		g_object_ref(line->layout);
	o->str = dl_line_text(line);
	o->x = x, o->y = baseline, o->color = color;
	double lx;
	dl_line_extents(line, &lx, &o->w);
	PangoRectangle r;
	pango_layout_line_get_extents(line, NULL, &r);
	o->h = (double)r.height / PANGO_SCALE;
}

void dl_image(dl_page *p, const char *file, double x, double y, double w,
	      double h)
{
	dl_op *o = add(p, DL_IMAGE);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(file);
}

void dl_link(dl_page *p, double x, double y, double w, double h,
	     const char *dest)
{
	dl_op *o = add(p, DL_LINK);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(dest);
}

void dl_field(dl_page *p, double x, double y, double w, double h,
	      const char *name)
{
	dl_op *o = add(p, DL_FIELD);
	o->x = x, o->y = y, o->w = w, o->h = h;
	o->str = sdup(name);
}

void dl_dest(dl_page *p, const char *name, double x, double y)
{
	dl_op *o = add(p, DL_DEST);
	o->x = x, o->y = y;
	o->str = sdup(name);
}

void dl_outline(dl_page *p, int level, const char *title, const char *dest)
{
	dl_op *o = add(p, DL_OUTLINE);
	o->level = level;
	o->str = sdup(title);
	o->dest = sdup(dest);
}

char *dl_line_text(PangoLayoutLine *line)
{
	if (!line->layout)
		return g_strdup("");
	const char *t = pango_layout_get_text(line->layout);
	const char *s = t + line->start_index, *end = s + line->length;
	GString *out = g_string_sized_new((gsize)line->length + 1);
	while (s < end) {
		gunichar c = g_utf8_get_char(s);
		const char *next = g_utf8_next_char(s);
		if (c == 0x00AD) {
			if (next >= end)
				g_string_append_c(out, '-');
		} else if (c != 0x2028) {
			g_string_append_len(out, s, next - s);
		}
		s = next;
	}
	while (out->len && out->str[out->len - 1] == ' ')
		g_string_truncate(out, out->len - 1);
	return g_string_free(out, FALSE);
}

void dl_line_extents(PangoLayoutLine *line, double *x, double *w)
{
	PangoRectangle r;
	pango_layout_line_get_extents(line, NULL, &r);
	*x = (double)r.x / PANGO_SCALE;
	*w = (double)r.width / PANGO_SCALE;
}
