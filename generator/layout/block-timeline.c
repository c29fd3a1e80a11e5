/*
 * block-timeline.c — timelines (Gantt charts) that split across pages.
 *
 * A label column, then n periods (months) grouped in spans (quarters).
 * Rows are groups (a bold label; a bar from the first to the last period
 * of the rows under it, down to the next group of the same or an outer
 * level) and items (a label cut to a few lines; a bar per run of
 * periods, so that periods apart show apart).  Any row may carry
 * milestones (diamonds); for progress reports an item may carry an
 * actual bar under the planned one, filled from its start by the
 * fraction done, and the chart a cut-off line.
 *
 * A row is as tall as its label (wrapped; cut with "…" only past
 * max_lines) or its bars; its bars and diamonds are centred in it.  Each
 * page of the chart draws, top to bottom: the header (span and period
 * labels), the groups still open where the page starts, marked as
 * continued, as many rows as fit (a group row is never the last on its
 * page), under them the grid and the separators between spans, over them
 * the cut-off line and the frame, and the legend under the chart.
 * Labels stay text.
 */
#include "engine.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

enum { MAX_PERIODS = 64, MAX_LEVELS = 16 };
static const double EPS = 0.01;
static const double GAP = 1.5;	   /* between planned and actual bars */
static const double DIAMOND = 1.6; /* a diamond's height, in bar heights */
static const double INSET = 1;	   /* a bar's ends inside its periods */
static const double SWATCH = 16;   /* legend sample */
static const double LEGEND_GAP = 4; /* between the chart and its legend */

typedef struct tl_row {
	int group, level;
	char *code, *text;
	uint64_t plan, actual;
	int has_actual;
	double progress;
	double *miles;
	int nmiles;
	PangoLayout *l, *cont; /* label; continued (groups, on demand) */
} tl_row;

/* Where a label sits in its row. */
typedef struct geom {
	double label_top, cy, h; /* offsets from the row's top; height */
} geom;

struct timeline {
	block b;
	eng *e;
	tl_style st;
	int np, span;
	char **plabel, **slabel, *head, *continued, *legend[TL_NLEGEND];
	tl_row *rows;
	int nrows, cap;
	int has_cutoff, any_actual, any_miles;
	double cutoff;
	double width, pw; /* laid out at; one period's width */
	PangoLayout *headl, *pl[MAX_PERIODS], *sl[MAX_PERIODS], *leg[TL_NLEGEND];
	double span_h, period_h, legend_h;
	char *title; /* above the header on the pages it goes on to */
	eng_style title_st;
	double title_after;
	PangoLayout *titlel;
	int next; /* first row not placed */
	int ticket; /* the labels' batch (eng_start) */
};

static char *sdup(const char *s)
{
	return s ? g_strdup(s) : NULL;
}

/* ---- labels ---- */

/* The bytes of the first n words of s. */
static int words_len(const char *s, int n)
{
	const char *p = s;
	for (int k = 0; *p; k++) {
		while (*p == ' ')
			p++;
		if (k == n)
			break;
		while (*p && *p != ' ')
			p++;
	}
	while (p > s && p[-1] == ' ')
		p--;
	return (int)(p - s);
}

static int count_words(const char *s)
{
	int n = 0;
	for (const char *p = s; *p; p++)
		n += *p != ' ' && (p == s || p[-1] == ' ');
	return n;
}

/* "code text suffix" with the code in bold; the text cut after `words`
 * words with an ellipsis (words < 0: all of it). */
static PangoLayout *label_layout(eng *e, const eng_style *st,
				 const tl_row *r, int words,
				 const char *suffix, double width)
{
	pg_span sp[3];
	memset(sp, 0, sizeof sp);
	int n = 0;
	char *code = r->code && *r->code ? g_strdup_printf("%s ", r->code) : NULL;
	const char *text = r->text ? r->text : "";
	char *body = words < 0 ? g_strdup(text)
			       : g_strdup_printf("%.*s\xe2\x80\xa6", words_len(text, words), text);
	char *tail = suffix ? g_strdup_printf(" %s", suffix) : NULL;
	if (code)
		sp[n++] = (pg_span){ .kind = PG_SPAN_TEXT, .style = PG_BOLD, .text = code };
	sp[n++] = (pg_span){ .kind = PG_SPAN_TEXT, .text = body };
	if (tail)
		sp[n++] = (pg_span){ .kind = PG_SPAN_TEXT, .text = tail };
	for (int i = 0; i + 1 < n; i++)
		sp[i].next = &sp[i + 1];
	PangoLayout *l = eng_text(e, sp, st, width, NULL);
	g_free(code);
	g_free(body);
	g_free(tail);
	return l;
}

/* The label in at most max lines: as many words as fit, and "…".  The
 * words on the first max lines of the whole label are counted, then one
 * fewer is tried while the ellipsis pushes the label over. */
static PangoLayout *fit_label(eng *e, const eng_style *st, const tl_row *r,
			      const char *suffix, int max, double width)
{
	PangoLayout *l = label_layout(e, st, r, -1, suffix, width);
	if (max <= 0 || pango_layout_get_line_count(l) <= max)
		return l;
	PangoLayoutLine *last = pango_layout_get_line_readonly(l, max - 1);
	char *head = g_strndup(pango_layout_get_text(l),
			       (gsize)(last->start_index + last->length));
	int words = count_words(head) -
		    (r->code && *r->code ? count_words(r->code) : 0);
	g_free(head);
	g_object_unref(l);
	for (words = words < 0 ? 0 : words;; words--) {
		l = label_layout(e, st, r, words, suffix, width);
		if (words == 0 || pango_layout_get_line_count(l) <= max)
			return l;
		g_object_unref(l);
	}
}

static double indent_of(const timeline *t, const tl_row *r)
{
	return t->st.indent * r->level;
}

static double label_width(const timeline *t, const tl_row *r)
{
	double w = t->st.label_w - 2 * t->st.pad - indent_of(t, r);
	return w > 1 ? w : 1;
}

static PangoLayout *cont_label(timeline *t, tl_row *r)
{
	if (!r->cont)
		r->cont = fit_label(t->e, &t->st.group, r, t->continued, 1,
				    label_width(t, r));
	return r->cont;
}

/* ---- geometry ---- */

/* The row r with label l (and its diamonds, if miles): as tall as its
 * label or its bars, whichever is taller, the bars and diamonds centred
 * in it, the label too when the bars are taller. */
static geom row_geom(const timeline *t, const tl_row *r, PangoLayout *l,
		     int miles)
{
	double bh = t->st.bar_h, band = r->has_actual ? 2 * bh + GAP : bh;
	if (miles && r->nmiles && DIAMOND * bh > band)
		band = DIAMOND * bh;
	double lh = eng_height(l), inner = lh > band ? lh : band;
	geom g;
	g.h = inner + 2 * t->st.pad;
	g.cy = g.h / 2;
	g.label_top = t->st.pad + (inner - lh) / 2;
	return g;
}

/* Row i's height; its label set first (lay_out: the labels are set in
 * order while the rows before are placed). */
static double row_h(const timeline *t, int i)
{
	const tl_row *r = &t->rows[i];
	eng_wait(t->e, t->ticket, i + 1);
	return row_geom(t, r, r->l, 1).h;
}

static double px(const timeline *t, double x0, double pos)
{
	return x0 + t->st.label_w + pos * t->pw;
}

static double header_h(const timeline *t)
{
	return t->span_h + t->period_h;
}

/* The groups open where row `from` starts a page, outermost first;
 * returns how many. */
static int open_groups(const timeline *t, int from, int *out)
{
	int n = 0, lim = from < t->nrows && t->rows[from].group
				 ? t->rows[from].level : MAX_LEVELS;
	int stack[MAX_LEVELS];
	for (int i = from - 1; i >= 0 && lim > 0 && n < MAX_LEVELS; i--) {
		if (t->rows[i].group && t->rows[i].level < lim) {
			stack[n++] = i;
			lim = t->rows[i].level;
		}
	}
	for (int k = 0; k < n; k++)
		out[k] = stack[n - 1 - k];
	return n;
}

static double cont_h(timeline *t, int from)
{
	int g[MAX_LEVELS], n = open_groups(t, from, g);
	double h = 0;
	for (int k = 0; k < n; k++)
		h += row_geom(t, &t->rows[g[k]], cont_label(t, &t->rows[g[k]]), 0).h;
	return h;
}

/* Row i and, if it is a group, the rows that must follow it on its page
 * (the groups under it and the first item). */
static double keep_h(const timeline *t, int i)
{
	double h = 0;
	for (; i < t->nrows; i++) {
		h += row_h(t, i);
		if (!t->rows[i].group)
			break;
	}
	return h;
}

/* ---- layout ---- */

static void drop_layouts(timeline *t)
{
	eng_wait(t->e, t->ticket, t->nrows);
	for (int i = 0; i < t->nrows; i++) {
		if (t->rows[i].l)
			g_object_unref(t->rows[i].l);
		if (t->rows[i].cont)
			g_object_unref(t->rows[i].cont);
		t->rows[i].l = t->rows[i].cont = NULL;
	}
	if (t->headl)
		g_object_unref(t->headl);
	if (t->titlel)
		g_object_unref(t->titlel);
	t->headl = t->titlel = NULL;
	for (int i = 0; i < MAX_PERIODS; i++) {
		if (t->pl[i])
			g_object_unref(t->pl[i]);
		if (t->sl[i])
			g_object_unref(t->sl[i]);
		t->pl[i] = t->sl[i] = NULL;
	}
	for (int i = 0; i < TL_NLEGEND; i++) {
		if (t->leg[i])
			g_object_unref(t->leg[i]);
		t->leg[i] = NULL;
	}
}

/* Whether legend entry k is shown. */
static int shown(const timeline *t, int k)
{
	if (!t->legend[k])
		return 0;
	switch (k) {
	case TL_ACTUAL:
	case TL_PROGRESS:
		return t->any_actual;
	case TL_MILESTONE:
		return t->any_miles;
	case TL_CUTOFF:
		return t->has_cutoff;
	case TL_SUMMARY:
		for (int i = 0; i < t->nrows; i++)
			if (t->rows[i].group && t->rows[i].plan)
				return 1;
		return 0;
	}
	return 1;
}

/* Sets row i's label (eng_each: on any thread, with its engine). */
static void set_label(eng *e, int i, void *ud)
{
	timeline *t = ud;
	tl_row *r = &t->rows[i];
	r->l = fit_label(e, r->group ? &t->st.group : &t->st.item, r, NULL,
			 t->st.max_lines, label_width(t, r));
}

static void lay_out(timeline *t, double width)
{
	if (width == t->width)
		return;
	drop_layouts(t);
	t->width = width;
	t->pw = (width - t->st.label_w) / t->np;
	const tl_style *st = &t->st;
	double line = st->head.size * 1.25 + 2 * st->pad;
	t->span_h = t->span ? line : 0;
	t->period_h = line;
	t->headl = eng_plain(t->e, t->head ? t->head : "", &st->head,
			     st->label_w - 2 * st->pad);
	if (eng_height(t->headl) + 2 * st->pad > header_h(t))
		t->period_h += eng_height(t->headl) + 2 * st->pad - header_h(t);
	if (t->title)
		t->titlel = eng_plain(t->e, t->title, &t->title_st, width);
	for (int i = 0; i < t->np; i++)
		t->pl[i] = eng_plain(t->e, t->plabel[i], &st->head, 0);
	for (int i = 0; t->span && i < t->np / t->span; i++)
		t->sl[i] = eng_plain(t->e, t->slabel[i], &st->head, 0);
	t->legend_h = 0;
	for (int k = 0; k < TL_NLEGEND; k++) {
		if (!shown(t, k))
			continue;
		t->leg[k] = eng_plain(t->e, t->legend[k], &st->legend, 0);
		double h = eng_height(t->leg[k]) + 2 * st->pad;
		if (h > t->legend_h)
			t->legend_h = h;
	}
	t->ticket = eng_start(t->e, t->nrows, set_label, t);
}

static double measure(block *b, flow *f)
{
	timeline *t = (timeline *)b;
	lay_out(t, flow_width(f));
	if (!t->nrows)
		return 0;
	double h = header_h(t) + LEGEND_GAP + t->legend_h;
	for (int i = 0; i < t->nrows; i++)
		h += row_h(t, i);
	return h;
}

/* The title's height with the space after it, on a page the chart goes
 * on to. */
static double title_h(const timeline *t)
{
	return t->next > 0 && t->titlel ? eng_height(t->titlel) + t->title_after : 0;
}

/* The height of the rows from i on, up to and with the n-th item. */
static double rows_h(const timeline *t, int i, int n)
{
	double h = 0;
	for (; i < t->nrows && n > 0; i++) {
		h += row_h(t, i);
		n -= !t->rows[i].group;
	}
	return h;
}

/* What a page must take of the chart to start it: its header and its
 * first few rows (FIRST_ITEMS items, the groups above them), so that
 * it does not begin at a page's foot with a row or two. */
enum { FIRST_ITEMS = 3 };

static double first(block *b, flow *f)
{
	timeline *t = (timeline *)b;
	lay_out(t, flow_width(f));
	if (t->next >= t->nrows)
		return 0;
	double rows = t->next == 0 ? rows_h(t, 0, FIRST_ITEMS) : keep_h(t, t->next);
	return title_h(t) + header_h(t) + cont_h(t, t->next) + rows + LEGEND_GAP +
	       t->legend_h;
}

/* ---- drawing ---- */

static void diamond(dl_page *pg, double x, double y, double h, uint32_t color)
{
	double xy[8] = { x, y - h / 2, x + h / 2, y, x, y + h / 2, x - h / 2, y };
	dl_poly(pg, xy, 4, color);
}

/* Bars over the runs of periods in mask, from y, h high; returns their
 * total length. */
static double bars(const timeline *t, dl_page *pg, double x0, uint64_t mask,
		   double y, double h, uint32_t color)
{
	double len = 0;
	for (int i = 0; i < t->np; i++) {
		if (!(mask >> i & 1))
			continue;
		int j = i;
		while (j + 1 < t->np && (mask >> (j + 1) & 1))
			j++;
		double a = px(t, x0, i) + INSET, w = (j + 1 - i) * t->pw - 2 * INSET;
		dl_fill(pg, a, y, w, h, color);
		len += w;
		i = j;
	}
	return len;
}

/* The first `len` points of the bars over mask, filled. */
static void progress(const timeline *t, dl_page *pg, double x0, uint64_t mask,
		     double y, double h, double len)
{
	for (int i = 0; i < t->np && len > EPS; i++) {
		if (!(mask >> i & 1))
			continue;
		int j = i;
		while (j + 1 < t->np && (mask >> (j + 1) & 1))
			j++;
		double w = (j + 1 - i) * t->pw - 2 * INSET;
		double part = len < w ? len : w;
		dl_fill(pg, px(t, x0, i) + INSET, y, part, h, t->st.progress);
		len -= part;
		i = j;
	}
}

static void draw_row(timeline *t, dl_page *pg, const tl_row *r,
		     PangoLayout *l, int miles, double x0, double y)
{
	const tl_style *st = &t->st;
	geom g = row_geom(t, r, l, miles);
	double cy = y + g.cy, bh = st->bar_h;
	if (r->group) {
		int a = 0, z = t->np - 1;
		while (a < t->np && !(r->plan >> a & 1))
			a++;
		while (z >= 0 && !(r->plan >> z & 1))
			z--;
		if (a <= z)
			dl_fill(pg, px(t, x0, a) + INSET, cy - bh * 0.3,
				(z + 1 - a) * t->pw - 2 * INSET, bh * 0.6, st->group_bar);
	} else if (!r->has_actual) {
		bars(t, pg, x0, r->plan, cy - bh / 2, bh, st->bar);
	} else {
		bars(t, pg, x0, r->plan, cy - bh - GAP / 2, bh, st->bar);
		double len = bars(t, pg, x0, r->actual, cy + GAP / 2, bh, st->actual);
		progress(t, pg, x0, r->actual, cy + GAP / 2, bh, len * r->progress);
	}
	for (int k = 0; miles && k < r->nmiles; k++)
		diamond(pg, px(t, x0, r->miles[k]), cy, DIAMOND * bh, st->milestone);
	eng_draw(pg, l, x0 + st->pad + indent_of(t, r), y + g.label_top,
		 r->group ? st->group.color : st->item.color);
}

static void centred(dl_page *pg, PangoLayout *l, double x, double w, double y,
		    double h, uint32_t color)
{
	eng_draw(pg, l, x + (w - eng_width(l)) / 2, y + (h - eng_height(l)) / 2,
		 color);
}

static void draw_header(timeline *t, dl_page *pg, double x0, double y)
{
	const tl_style *st = &t->st;
	double hh = header_h(t), right = x0 + t->width;
	dl_fill(pg, x0, y, t->width, hh, st->head_fill);
	eng_draw(pg, t->headl, x0 + st->pad, y + (hh - eng_height(t->headl)) / 2,
		 st->head.color);
	for (int q = 0; t->span && q < t->np / t->span; q++)
		centred(pg, t->sl[q], px(t, x0, q * t->span), t->span * t->pw, y,
			t->span_h, st->head.color);
	double py = y + t->span_h;
	for (int i = 0; i < t->np; i++)
		centred(pg, t->pl[i], px(t, x0, i), t->pw, py, t->period_h,
			st->head.color);
	if (t->span)
		dl_line(pg, px(t, x0, 0), py, right, py, st->grid_lw, st->rule);
}

/* The lines between periods, through the body (top to bottom) and the
 * period labels; those between spans and the label column's, from the
 * header's top (htop). */
static void draw_grid(timeline *t, dl_page *pg, double x0, double htop,
		      double top, double bottom)
{
	const tl_style *st = &t->st;
	for (int i = 1; i < t->np; i++) {
		int sep = t->span && i % t->span == 0;
		double y0 = sep ? htop : top - t->period_h;
		dl_line(pg, px(t, x0, i), y0, px(t, x0, i), bottom,
			sep ? st->span_lw : st->grid_lw, sep ? st->rule : st->grid);
	}
	dl_line(pg, px(t, x0, 0), htop, px(t, x0, 0), bottom, st->rule_lw, st->rule);
	dl_line(pg, x0, top, x0 + t->width, top, st->rule_lw, st->rule);
}

/* Over the bars: the cut-off line and the frame. */
static void draw_frame(timeline *t, dl_page *pg, double x0, double htop,
		       double top, double bottom)
{
	const tl_style *st = &t->st;
	if (t->has_cutoff)
		dl_line(pg, px(t, x0, t->cutoff), top, px(t, x0, t->cutoff), bottom,
			st->rule_lw * 2, st->cutoff);
	dl_stroke(pg, x0, htop, t->width, bottom - htop, st->rule_lw, st->rule);
}

static void draw_legend(timeline *t, dl_page *pg, double x, double y)
{
	const tl_style *st = &t->st;
	double cy = y + t->legend_h / 2, bh = st->bar_h;
	static const int order[TL_NLEGEND] = { TL_PLANNED, TL_SUMMARY, TL_ACTUAL,
					       TL_PROGRESS, TL_MILESTONE, TL_CUTOFF };
	for (int o = 0; o < TL_NLEGEND; o++) {
		int k = order[o];
		if (!t->leg[k])
			continue;
		double sy = cy - bh / 2;
		switch (k) {
		case TL_PLANNED:
			dl_fill(pg, x, sy, SWATCH, bh, st->bar);
			break;
		case TL_SUMMARY: /* as draw_row draws a group's bar */
			dl_fill(pg, x, cy - bh * 0.3, SWATCH, bh * 0.6, st->group_bar);
			break;
		case TL_ACTUAL:
			dl_fill(pg, x, sy, SWATCH, bh, st->actual);
			break;
		case TL_PROGRESS:
			dl_fill(pg, x, sy, SWATCH, bh, st->progress);
			break;
		case TL_MILESTONE:
			diamond(pg, x + SWATCH / 2, cy, DIAMOND * bh, st->milestone);
			break;
		case TL_CUTOFF:
			dl_line(pg, x + SWATCH / 2, cy - bh, x + SWATCH / 2, cy + bh,
				st->rule_lw * 2, st->cutoff);
			break;
		}
		x += SWATCH + st->pad * 2;
		eng_draw(pg, t->leg[k], x, cy - eng_height(t->leg[k]) / 2,
			 st->legend.color);
		x += eng_width(t->leg[k]) + SWATCH;
	}
}

/* Row-separating lines between rows whose tops are y[0..n], y[n] the
 * body's bottom. */
static void row_lines(timeline *t, dl_page *pg, double x0, const double *y,
		      int n)
{
	for (int i = 1; i < n; i++)
		dl_line(pg, x0, y[i], x0 + t->width, y[i], t->st.grid_lw, t->st.grid);
}

static int place(block *b, flow *f)
{
	timeline *t = (timeline *)b;
	lay_out(t, flow_width(f));
	if (t->next >= t->nrows)
		return 1;
	int fresh = flow_fresh(f);
	if (!fresh && first(b, f) > flow_room(f) + EPS)
		return 0;
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), htop = flow_y(f);
	double avail = htop + flow_room(f) - LEGEND_GAP - t->legend_h;
	/* On the pages it goes on to, the title first. */
	double th = title_h(t);
	if (th > 0 && htop + th + header_h(t) + cont_h(t, t->next) + row_h(t, t->next) <= avail + EPS) {
		eng_draw(pg, t->titlel, x0, htop, t->title_st.color);
		htop += th;
	} else {
		th = 0;
	}
	double top = htop + header_h(t), y = top;
	/* Which rows go on this page. */
	int g[MAX_LEVELS], ng = open_groups(t, t->next, g);
	for (int k = 0; k < ng; k++)
		y += row_geom(t, &t->rows[g[k]], cont_label(t, &t->rows[g[k]]), 0).h;
	int from = t->next, to = from;
	while (to < t->nrows &&
	       (y + keep_h(t, to) <= avail + EPS || (to == from && fresh))) {
		y += row_h(t, to);
		to++;
	}
	/* The rows left for the next page fill a third of it at least:
	 * take some off this one rather than leave a row or two alone
	 * there (no group row last). */
	if (to < t->nrows) {
		double third = flow_frame_height(f) / 3, rest = header_h(t) + LEGEND_GAP +
			t->legend_h + (t->titlel ? eng_height(t->titlel) + t->title_after : 0);
		for (int i = to; i < t->nrows && rest < third; i++)
			rest += row_h(t, i); /* as far as it matters */
		while (rest < third && rest + cont_h(t, to) < third && to - from > 1) {
			do {
				to--;
				rest += row_h(t, to);
				y -= row_h(t, to);
			} while (to - from > 1 && t->rows[to - 1].group);
		}
	}
	double bottom = y;
	/* Backgrounds, grid, then what lies on them. */
	int n = ng + (to - from);
	double *tops = malloc(((size_t)n + 1) * sizeof *tops);
	if (!tops)
		pg_oom();
	y = top;
	for (int k = 0; k < n; k++) {
		tops[k] = y;
		tl_row *r = &t->rows[k < ng ? g[k] : from + k - ng];
		double h = k < ng ? row_geom(t, r, r->cont, 0).h : row_h(t, from + k - ng);
		if (r->group)
			dl_fill(pg, x0, y, t->width, h, t->st.group_fill);
		y += h;
	}
	tops[n] = bottom;
	draw_header(t, pg, x0, htop);
	row_lines(t, pg, x0, tops, n);
	draw_grid(t, pg, x0, htop, top, bottom);
	for (int k = 0; k < n; k++) {
		tl_row *r = &t->rows[k < ng ? g[k] : from + k - ng];
		draw_row(t, pg, r, k < ng ? r->cont : r->l, k >= ng, x0, tops[k]);
	}
	draw_frame(t, pg, x0, htop, top, bottom);
	draw_legend(t, pg, x0, bottom + LEGEND_GAP);
	free(tops);
	flow_advance(f, bottom + LEGEND_GAP + t->legend_h - htop + th);
	t->next = to;
	return to >= t->nrows;
}

static void drop(block *b)
{
	timeline *t = (timeline *)b;
	drop_layouts(t);
	for (int i = 0; i < t->nrows; i++) {
		g_free(t->rows[i].code);
		g_free(t->rows[i].text);
		free(t->rows[i].miles);
	}
	free(t->rows);
	for (int i = 0; i < t->np; i++)
		g_free(t->plabel[i]);
	for (int i = 0; t->span && i < t->np / t->span; i++)
		g_free(t->slabel[i]);
	free(t->plabel);
	free(t->slabel);
	g_free(t->head);
	g_free(t->title);
	g_free(t->continued);
	for (int k = 0; k < TL_NLEGEND; k++)
		g_free(t->legend[k]);
	free(t);
}

/* Each row and the periods its bar runs in: "Code text: E, F, M." */
static char *figure(block *b)
{
	timeline *t = (timeline *)b;
	GString *s = g_string_new(t->head ? t->head : "");
	if (s->len)
		g_string_append(s, ". ");
	for (int i = 0; i < t->nrows; i++) {
		const tl_row *r = &t->rows[i];
		if (r->code && *r->code)
			g_string_append_printf(s, "%s ", r->code);
		g_string_append(s, r->text ? r->text : "");
		int first = 1;
		for (int k = 0; !r->group && k < t->np; k++)
			if ((r->plan >> k) & 1) {
				g_string_append(s, first ? ": " : ", ");
				g_string_append(s, t->plabel[k] ? t->plabel[k] : "");
				first = 0;
			}
		g_string_append(s, ". ");
	}
	while (s->len && s->str[s->len - 1] == ' ')
		g_string_truncate(s, s->len - 1);
	return g_string_free(s, FALSE);
}

static const block_kind TIMELINE = { "timeline", measure, first, place, drop, figure };

timeline *timeline_new(eng *e, const tl_style *st, const tl_opts *o)
{
	timeline *t = calloc(1, sizeof *t);
	if (!t)
		pg_oom();
	t->b.kind = &TIMELINE;
	t->e = e;
	t->st = *st;
	t->np = o->periods < 1 ? 1 : o->periods > MAX_PERIODS ? MAX_PERIODS : o->periods;
	t->span = o->span > 0 && o->span_label && t->np % o->span == 0 ? o->span : 0;
	t->plabel = calloc((size_t)t->np, sizeof *t->plabel);
	t->slabel = calloc((size_t)t->np, sizeof *t->slabel);
	if (!t->plabel || !t->slabel)
		pg_oom();
	for (int i = 0; i < t->np; i++)
		t->plabel[i] = g_strdup(o->period_label && o->period_label[i]
						? o->period_label[i] : "");
	for (int i = 0; t->span && i < t->np / t->span; i++)
		t->slabel[i] = g_strdup(o->span_label[i] ? o->span_label[i] : "");
	t->head = sdup(o->head);
	if (o->title && o->title_style) {
		t->title = g_strdup(o->title);
		t->title_st = *o->title_style;
		t->title_after = o->title_after;
	}
	t->continued = sdup(o->continued);
	for (int k = 0; k < TL_NLEGEND; k++)
		t->legend[k] = sdup(o->legend[k]);
	t->width = -1;
	return t;
}

static tl_row *add_row(timeline *t, const char *code, const char *text)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->rows = realloc(t->rows, (size_t)t->cap * sizeof *t->rows);
		if (!t->rows)
			pg_oom();
	}
	tl_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->code = sdup(code);
	r->text = sdup(text);
	return r;
}

void timeline_group(timeline *t, int level, const char *code, const char *text)
{
	tl_row *r = add_row(t, code, text);
	r->group = 1;
	r->level = level < 0 ? 0 : level >= MAX_LEVELS - 1 ? MAX_LEVELS - 2 : level;
}

void timeline_item(timeline *t, const char *code, const char *text,
		   uint64_t periods)
{
	int level = 0;
	for (int i = t->nrows - 1; i >= 0; i--)
		if (t->rows[i].group) {
			level = t->rows[i].level + 1;
			break;
		}
	tl_row *r = add_row(t, code, text);
	r->level = level;
	r->plan = t->np < 64 ? periods & ((UINT64_C(1) << t->np) - 1) : periods;
}

void timeline_actual(timeline *t, uint64_t periods, double progress)
{
	if (!t->nrows || t->rows[t->nrows - 1].group)
		return;
	tl_row *r = &t->rows[t->nrows - 1];
	r->has_actual = 1;
	r->actual = t->np < 64 ? periods & ((UINT64_C(1) << t->np) - 1) : periods;
	r->progress = progress < 0 ? 0 : progress > 1 ? 1 : progress;
	t->any_actual = 1;
}

void timeline_milestone(timeline *t, double pos)
{
	if (!t->nrows || !(pos >= 0 && pos <= t->np))
		return;
	tl_row *r = &t->rows[t->nrows - 1];
	r->miles = realloc(r->miles, (size_t)(r->nmiles + 1) * sizeof *r->miles);
	if (!r->miles)
		pg_oom();
	r->miles[r->nmiles++] = pos;
	t->any_miles = 1;
}

void timeline_cutoff(timeline *t, double pos)
{
	if (pos >= 0 && pos <= t->np) {
		t->has_cutoff = 1;
		t->cutoff = pos;
	}
}

block *timeline_block(timeline *t)
{
	/* A group's bar covers the rows under it. */
	for (int i = 0; i < t->nrows; i++) {
		tl_row *r = &t->rows[i];
		if (!r->group)
			continue;
		r->plan = 0;
		for (int k = i + 1; k < t->nrows; k++) {
			if (t->rows[k].group && t->rows[k].level <= r->level)
				break;
			if (!t->rows[k].group)
				r->plan |= t->rows[k].plan;
		}
	}
	return &t->b;
}
