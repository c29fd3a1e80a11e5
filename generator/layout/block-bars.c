/*
 * block-bars.c — horizontal bar charts that split across pages.
 *
 * Geometry, from the frame's left edge: the label column (as wide as
 * the widest label, at most LABEL_SHARE of the inside, labels wrapped to
 * it), the axis, the bar column, and the room of the widest value text,
 * which is printed just after its bar's end.  So the longest bar and its
 * value end at the frame's right padding and no value leaves the frame.
 * One scale for the chart: bar length = total * scale.  Each row is as
 * tall as its label (at least the bar), bar and value centred on it.
 *
 * Every page's piece is a frame holding the title and legend (the head)
 * and the rows placed there.  A chart that fits a page is never split;
 * a longer one is split between rows, at least MIN_ROWS rows a piece,
 * and its last piece keeps `foot` free below the frame.
 */
#include "engine.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

typedef struct brow {
	char *label, *value;
	double seg[BARCHART_MAX_SERIES];
	PangoLayout *ll, *vl;
	double h;
} brow;

struct barchart {
	block b;
	eng *e;
	barchart_style st;
	char *title;
	char *sname[BARCHART_MAX_SERIES];
	uint32_t scolor[BARCHART_MAX_SERIES];
	int nseries;
	brow *rows;
	int nrows, cap;
	int next; /* first row not placed */
	/* Laid out at `width`. */
	double width, labw, barx, scale, head_h;
	PangoLayout *tl;
	PangoLayout *leg[BARCHART_MAX_SERIES];
	double leg_x[BARCHART_MAX_SERIES], leg_y[BARCHART_MAX_SERIES];
};

static const double LABEL_SHARE = 0.38; /* of the inside, at most */
static const double AXIS_GAP = 6;	/* label to axis, bar end to value */
static const double SWATCH = 8;		/* legend squares */
static const double SWATCH_GAP = 4;	/* square to name */
static const double ENTRY_GAP = 14;	/* between legend entries */
static const double EPS = 0.01;
enum { MIN_ROWS = 3 }; /* the fewest rows a piece may have */

static double total(const brow *r)
{
	double t = 0;
	for (int s = 0; s < BARCHART_MAX_SERIES; s++)
		t += r->seg[s];
	return t;
}

static void unlay(barchart *c)
{
	if (c->tl)
		g_object_unref(c->tl);
	c->tl = NULL;
	for (int s = 0; s < BARCHART_MAX_SERIES; s++) {
		if (c->leg[s])
			g_object_unref(c->leg[s]);
		c->leg[s] = NULL;
	}
	for (int i = 0; i < c->nrows; i++) {
		if (c->rows[i].ll)
			g_object_unref(c->rows[i].ll);
		if (c->rows[i].vl)
			g_object_unref(c->rows[i].vl);
		c->rows[i].ll = c->rows[i].vl = NULL;
	}
}

static double legend_line(const barchart *c)
{
	return c->st.legend.size * 1.3;
}

/* The legend: swatch, gap, name, in lines centred in the inside. */
static double lay_legend(barchart *c, double inside)
{
	double y = 0;
	int from = 0;
	double used = 0;
	for (int s = 0; s <= c->nseries; s++) {
		double w = s < c->nseries && c->leg[s] ? SWATCH + SWATCH_GAP + eng_width(c->leg[s]) : 0;
		int end = s == c->nseries;
		if (!end && !c->leg[s])
			continue;
		if (end || (used > 0 && used + ENTRY_GAP + w > inside)) {
			/* Centre the entries [from, s) on this line. */
			double x = (inside - used) / 2;
			for (int k = from; k < s; k++) {
				if (!c->leg[k])
					continue;
				c->leg_x[k] = x;
				c->leg_y[k] = y;
				x += SWATCH + SWATCH_GAP + eng_width(c->leg[k]) + ENTRY_GAP;
			}
			if (used > 0)
				y += legend_line(c);
			from = s;
			used = 0;
		}
		if (!end)
			used += (used > 0 ? ENTRY_GAP : 0) + w;
	}
	return y;
}

static void lay_out(barchart *c, double width)
{
	if (c->tl && width == c->width)
		return;
	unlay(c);
	c->width = width;
	double pad = c->st.pad, inside = width - 2 * pad;
	c->tl = eng_plain(c->e, c->title, &c->st.title, inside);
	c->head_h = c->title[0] ? eng_height(c->tl) + pad : 0;
	for (int s = 0; s < c->nseries; s++)
		if (c->sname[s])
			c->leg[s] = eng_plain(c->e, c->sname[s], &c->st.legend, 0);
	double lh = lay_legend(c, inside);
	if (lh > 0)
		c->head_h += lh + pad / 2;
	double labw = 0, valw = 0, max = 0;
	for (int i = 0; i < c->nrows; i++) {
		brow *r = &c->rows[i];
		PangoLayout *one = eng_plain(c->e, r->label, &c->st.label, 0);
		double w = eng_width(one);
		g_object_unref(one);
		labw = w > labw ? w : labw;
		r->vl = eng_plain(c->e, r->value, &c->st.value, 0);
		w = eng_width(r->vl);
		valw = w > valw ? w : valw;
		max = total(r) > max ? total(r) : max;
	}
	if (labw > inside * LABEL_SHARE)
		labw = inside * LABEL_SHARE;
	c->labw = labw;
	c->barx = pad + labw + AXIS_GAP;
	double barw = width - pad - valw - AXIS_GAP - c->barx;
	if (barw < 0)
		barw = 0;
	c->scale = max > 0 ? barw / max : 0;
	for (int i = 0; i < c->nrows; i++) {
		brow *r = &c->rows[i];
		r->ll = eng_plain(c->e, r->label, &c->st.label, labw);
		double h = eng_height(r->ll);
		if (eng_height(r->vl) > h)
			h = eng_height(r->vl);
		r->h = (h > c->st.bar_h ? h : c->st.bar_h) + c->st.pad / 2;
	}
}

/* The frame around the head and rows [from, to). */
static double piece_h(const barchart *c, int from, int to)
{
	double h = 2 * c->st.pad + c->head_h;
	for (int i = from; i < to; i++)
		h += c->rows[i].h;
	return h;
}

static double measure(block *b, flow *f)
{
	barchart *c = (barchart *)b;
	lay_out(c, flow_width(f));
	return piece_h(c, c->next, c->nrows);
}

/* A chart that fits a page is not split: all of it (and the foot), or
 * the head and MIN_ROWS rows of a longer one. */
static double first(block *b, flow *f)
{
	barchart *c = (barchart *)b;
	lay_out(c, flow_width(f));
	double all = piece_h(c, c->next, c->nrows) + c->st.foot;
	if (all <= flow_frame_height(f) + EPS)
		return all;
	int to = c->next + MIN_ROWS < c->nrows ? c->next + MIN_ROWS : c->nrows;
	return piece_h(c, c->next, to);
}

static void draw_head(barchart *c, dl_page *pg, double x0, double y)
{
	double pad = c->st.pad;
	eng_draw(pg, c->tl, x0 + pad, y + pad, c->st.title.color);
	double ly = y + pad + (c->title[0] ? eng_height(c->tl) + pad : 0);
	for (int s = 0; s < c->nseries; s++) {
		if (!c->leg[s])
			continue;
		double x = x0 + pad + c->leg_x[s], top = ly + c->leg_y[s];
		double line_h = legend_line(c);
		dl_fill(pg, x, top + (line_h - SWATCH) / 2, SWATCH, SWATCH, c->scolor[s]);
		eng_draw(pg, c->leg[s], x + SWATCH + SWATCH_GAP,
			 top + (line_h - eng_height(c->leg[s])) / 2, c->st.legend.color);
	}
}

static void draw_row(barchart *c, const brow *r, dl_page *pg, double x0, double y)
{
	double pad = c->st.pad, mid = y + r->h / 2;
	double lh = eng_height(r->ll);
	eng_draw(pg, r->ll, x0 + pad, mid - lh / 2, c->st.label.color);
	double x = x0 + c->barx;
	for (int s = 0; s < BARCHART_MAX_SERIES; s++) {
		double len = r->seg[s] * c->scale;
		if (len <= 0)
			continue;
		dl_fill(pg, x, mid - c->st.bar_h / 2, len, c->st.bar_h, c->scolor[s]);
		x += len;
	}
	eng_draw(pg, r->vl, x + AXIS_GAP, mid - eng_height(r->vl) / 2,
		 c->st.value.color);
}

static int place(block *b, flow *f)
{
	barchart *c = (barchart *)b;
	lay_out(c, flow_width(f));
	if (c->next >= c->nrows && c->nrows > 0)
		return 1;
	double room = flow_room(f);
	int fresh = flow_fresh(f);
	if (!fresh && first(b, f) > room + EPS)
		return 0;
	/* The rows that fit: all of them with the foot below, or as many
	 * as leave the foot's worth to the next page. */
	int to = c->next;
	while (to < c->nrows && piece_h(c, c->next, to + 1) <= room + EPS)
		to++;
	if (to == c->nrows && piece_h(c, c->next, to) + c->st.foot > room + EPS &&
	    to - c->next > MIN_ROWS)
		to--;
	if (to == c->next && (c->nrows > 0 || piece_h(c, 0, 0) > room + EPS)) {
		if (!fresh)
			return 0;
		if (c->nrows > 0)
			to = c->next + 1; /* a row taller than the page */
	}
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), y = flow_y(f), h = piece_h(c, c->next, to);
	dl_stroke(pg, x0, y, c->width, h, 0.5, c->st.frame);
	draw_head(c, pg, x0, y);
	double ry = y + c->st.pad + c->head_h, top = ry;
	for (int i = c->next; i < to; i++) {
		draw_row(c, &c->rows[i], pg, x0, ry);
		ry += c->rows[i].h;
	}
	if (to > c->next)
		dl_line(pg, x0 + c->barx, top, x0 + c->barx, ry, 0.75, c->st.axis);
	flow_advance(f, h);
	c->next = to;
	return c->next >= c->nrows;
}

static void drop(block *b)
{
	barchart *c = (barchart *)b;
	unlay(c);
	for (int i = 0; i < c->nrows; i++) {
		g_free(c->rows[i].label);
		g_free(c->rows[i].value);
	}
	for (int s = 0; s < c->nseries; s++)
		g_free(c->sname[s]);
	free(c->rows);
	g_free(c->title);
	free(c);
}

/* "Title: label value; label value." from the chart's rows. */
static char *figure(block *b)
{
	barchart *c = (barchart *)b;
	GString *s = g_string_new(c->title ? c->title : "");
	for (int i = 0; i < c->nrows; i++)
		g_string_append_printf(s, "%s%s %s", i ? "; " : s->len ? ": " : "",
				       c->rows[i].label ? c->rows[i].label : "",
				       c->rows[i].value ? c->rows[i].value : "");
	if (s->len)
		g_string_append_c(s, '.');
	return g_string_free(s, FALSE);
}

static const block_kind BARS = { "bars", measure, first, place, drop, figure };

barchart *barchart_new(eng *e, const char *title, const barchart_style *st)
{
	barchart *c = calloc(1, sizeof *c);
	if (!c)
		pg_oom();
	c->b.kind = &BARS;
	c->e = e;
	c->st = *st;
	c->title = g_strdup(title ? title : "");
	c->width = -1;
	return c;
}

int barchart_series(barchart *c, const char *name, uint32_t color)
{
	if (c->nseries == BARCHART_MAX_SERIES)
		return -1;
	c->sname[c->nseries] = name ? g_strdup(name) : NULL;
	c->scolor[c->nseries] = color;
	return c->nseries++;
}

void barchart_row(barchart *c, const char *label, const char *value)
{
	if (c->nrows == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->rows = realloc(c->rows, (size_t)c->cap * sizeof *c->rows);
		if (!c->rows)
			pg_oom();
	}
	brow *r = &c->rows[c->nrows++];
	memset(r, 0, sizeof *r);
	r->label = g_strdup(label ? label : "");
	r->value = g_strdup(value ? value : "");
}

void barchart_segment(barchart *c, int series, double amount)
{
	if (!c->nrows || series < 0 || series >= c->nseries || !(amount > 0))
		return;
	c->rows[c->nrows - 1].seg[series] += amount;
}

block *barchart_block(barchart *c)
{
	return &c->b;
}
