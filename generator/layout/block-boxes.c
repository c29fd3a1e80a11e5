/*
 * block-boxes.c — box diagrams: rows of boxes side by side.
 *
 * A box is a title band (filled, its text in the title style) and
 * paragraphs below it, separated by thin rules.  Its content is one
 * column of lines, each with its offset from the box's top; the boxes of
 * a row are as tall as the tallest content.  A linked row is joined to
 * the row above by orthogonal connectors: a line down from every box
 * above to a bus halfway between the rows, a line down from the bus to
 * every box below.
 *
 * A diagram that fits a page is placed whole, on the next page if need
 * be.  A longer one is split between rows, and a row taller than a page
 * is cut between lines, each box going on with its next line after the
 * page break (as table rows do).  The last row keeps `foot` free below
 * it if it can.
 */
#include "engine.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

enum { L_TITLE = 1, L_RULE = 2 }; /* a title line; the first line after a rule */

typedef struct bpara {
	const pg_span *spans;
	char *plain;
} bpara;

typedef struct bbox {
	double share;
	char *title;
	bpara *paras;
	int npara;
	/* Laid out. */
	PangoLayout **lay; /* title (or NULL), then the paragraphs */
	int nl;
	double *top, *bot, *base, *x; /* of each line, from the box's top */
	PangoLayoutLine **line;
	int *flag;
	double band; /* height of the title band */
	double h;    /* of the whole content */
	double bx, bw;
	int next;    /* first line not drawn */
} bbox;

typedef struct brow {
	int first, n; /* boxes[first .. first+n) */
	int linked;
	double h;
} brow;

struct boxes {
	block b;
	eng *e;
	boxes_style st;
	bbox *box;
	int nbox, capbox;
	brow *rows;
	int nrows, caprows;
	double width;
	int cur;     /* the first row not ended */
	int started; /* some of its lines are drawn */
	int above;   /* the row above is on this page */
};

static const double EPS = 0.01;

static void unlay_box(bbox *x)
{
	for (int i = 0; x->lay && i <= x->npara; i++)
		if (x->lay[i])
			g_object_unref(x->lay[i]);
	g_free(x->lay);
	g_free(x->top);
	g_free(x->line);
	g_free(x->flag);
	x->lay = NULL;
	x->top = NULL;
	x->line = NULL;
	x->flag = NULL;
	x->nl = 0;
}

/* Appends the lines of layout l at y; returns the bottom. */
static double add_lines(bbox *x, PangoLayout *l, double y, double dx, int flag)
{
	eng_lines ls;
	eng_lines_get(l, &ls);
	for (int k = 0; k < ls.n; k++) {
		int i = x->nl++;
		x->top[i] = y + ls.top[k];
		x->bot[i] = y + ls.bottom[k];
		x->base[i] = y + ls.baseline[k];
		x->x[i] = dx + ls.x[k];
		x->line[i] = ls.line[k];
		x->flag[i] = k == 0 ? flag : flag & L_TITLE;
	}
	double b = ls.n ? y + ls.bottom[ls.n - 1] : y;
	eng_lines_free(&ls);
	return b;
}

static void lay_box(boxes *d, bbox *x)
{
	double pad = d->st.pad, inner = x->bw - 2 * pad;
	if (inner < 1)
		inner = 1;
	x->lay = g_new0(PangoLayout *, (gsize)x->npara + 1);
	int total = 0;
	if (x->title) {
		x->lay[0] = eng_plain(d->e, x->title, &d->st.title, inner);
		total += pango_layout_get_line_count(x->lay[0]);
	}
	for (int i = 0; i < x->npara; i++) {
		bpara *p = &x->paras[i];
		x->lay[i + 1] = p->spans ? eng_text(d->e, p->spans, &d->st.text, inner, NULL)
					 : eng_plain(d->e, p->plain, &d->st.text, inner);
		total += pango_layout_get_line_count(x->lay[i + 1]);
	}
	x->top = g_new(double, (gsize)total * 4 + 4);
	x->bot = x->top + total + 1;
	x->base = x->bot + total + 1;
	x->x = x->base + total + 1;
	x->line = g_new(PangoLayoutLine *, (gsize)total + 1);
	x->flag = g_new0(int, (gsize)total + 1);
	double y = 0;
	x->band = 0;
	if (x->lay[0]) {
		y = add_lines(x, x->lay[0], pad, pad, L_TITLE) + pad;
		x->band = y;
	}
	for (int i = 0; i < x->npara; i++)
		y = add_lines(x, x->lay[i + 1], y + pad, pad, i > 0 ? L_RULE : 0);
	x->h = x->npara ? y + pad : y;
}

static void lay_out(boxes *d, double width)
{
	if (width == d->width)
		return;
	d->width = width;
	for (int r = 0; r < d->nrows; r++) {
		brow *row = &d->rows[r];
		double shares = 0, x = 0;
		for (int i = row->first; i < row->first + row->n; i++)
			shares += d->box[i].share;
		double room = width - d->st.gap * (row->n - 1);
		row->h = 0;
		for (int i = row->first; i < row->first + row->n; i++) {
			bbox *b = &d->box[i];
			unlay_box(b);
			b->bx = x;
			b->bw = shares > 0 ? room * b->share / shares : room / row->n;
			x += b->bw + d->st.gap;
			lay_box(d, b);
			if (b->h > row->h)
				row->h = b->h;
		}
	}
}

/* What box b still needs: from its next line to its bottom. */
static double rest(const boxes *d, const bbox *b, double row_h)
{
	if (b->next == 0)
		return row_h;
	if (b->next >= b->nl)
		return 0;
	return row_h - b->top[b->next] + d->st.pad;
}

static double row_rest(const boxes *d, int r)
{
	const brow *row = &d->rows[r];
	double h = 0;
	for (int i = row->first; i < row->first + row->n; i++) {
		double k = rest(d, &d->box[i], row->h);
		h = k > h ? k : h;
	}
	return h;
}

static double measure(block *bl, flow *f)
{
	boxes *d = (boxes *)bl;
	lay_out(d, flow_width(f));
	double h = 0;
	for (int r = d->cur; r < d->nrows; r++)
		h += row_rest(d, r) + (r > d->cur ? d->st.gap : 0);
	return h;
}

static double first(block *bl, flow *f)
{
	boxes *d = (boxes *)bl;
	lay_out(d, flow_width(f));
	if (d->cur >= d->nrows)
		return 0;
	/* A diagram that fits a page is not split. */
	double all = measure(bl, f) + d->st.foot;
	if (all <= flow_frame_height(f) + EPS)
		return all;
	/* A whole row, or the first lines of a long one. */
	double h = row_rest(d, d->cur), some = d->st.text.size * 4 + 3 * d->st.pad;
	return h < some ? h : some;
}

/* Box b's segment from y, at most h tall: its fill, the lines that fit
 * (one at least if force), the rules, its frame. */
static void segment(boxes *d, bbox *b, dl_page *pg, double x0, double y,
		    double h, int force)
{
	double pad = d->st.pad, x = x0 + b->bx;
	dl_fill(pg, x, y, b->bw, h, d->st.fill);
	int k = b->next;
	double off = k == 0 ? 0 : b->top[k] - pad;
	for (int drawn = 0; k < b->nl; k++, drawn++) {
		if (b->bot[k] - off + (k + 1 == b->nl ? pad : 0) > h + EPS &&
		    !(force && drawn == 0))
			break;
		uint32_t color = d->st.text.color;
		if (b->flag[k] & L_TITLE) {
			double t = k == 0 ? 0 : b->top[k] - off;
			double e = k + 1 < b->nl && (b->flag[k + 1] & L_TITLE)
					   ? b->top[k + 1] - off
					   : b->band - off;
			if (k == b->next && k > 0)
				t = 0;
			dl_fill(pg, x, y + t, b->bw, e - t, d->st.title_fill);
			color = d->st.title.color;
		}
		if ((b->flag[k] & L_RULE) && drawn > 0)
			dl_line(pg, x + pad, y + b->top[k] - off - pad / 2,
				x + b->bw - pad, y + b->top[k] - off - pad / 2, 0.5,
				d->st.line);
		dl_text(pg, b->line[k], x + b->x[k], y + b->base[k] - off, color);
	}
	b->next = k;
	dl_stroke(pg, x, y, b->bw, h, 0.75, d->st.border);
}

/* Connectors from row r-1 (ending at y) to row r (starting at y + gap). */
static void links(boxes *d, dl_page *pg, double x0, int r, double y)
{
	const brow *up = &d->rows[r - 1], *dn = &d->rows[r];
	double bus = y + d->st.gap / 2, lo = 1e9, hi = -1e9, lw = 0.75;
	for (int pass = 0; pass < 2; pass++) {
		const brow *row = pass ? dn : up;
		for (int i = row->first; i < row->first + row->n; i++) {
			const bbox *b = &d->box[i];
			double cx = x0 + b->bx + b->bw / 2;
			lo = cx < lo ? cx : lo;
			hi = cx > hi ? cx : hi;
			dl_line(pg, cx, pass ? bus : y, cx, pass ? y + d->st.gap : bus, lw,
				d->st.line);
		}
	}
	if (hi > lo)
		dl_line(pg, lo, bus, hi, bus, lw, d->st.line);
}

static int place(block *bl, flow *f)
{
	boxes *d = (boxes *)bl;
	lay_out(d, flow_width(f));
	if (d->cur >= d->nrows)
		return 1;
	int fresh = flow_fresh(f);
	if (!fresh && first(bl, f) > flow_room(f) + EPS)
		return 0;
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), y = flow_y(f), start = y;
	double bottom = y + flow_room(f);
	int placed = 0;
	d->above = 0;
	while (d->cur < d->nrows) {
		brow *row = &d->rows[d->cur];
		double gap = placed ? d->st.gap : 0;
		double need = row_rest(d, d->cur);
		double foot = d->cur + 1 == d->nrows ? d->st.foot : 0;
		if (y + gap + need + foot > bottom + EPS && y + gap + need <= bottom + EPS &&
		    placed && d->cur + 1 == d->nrows)
			break; /* the last row goes with its foot */
		if (y + gap + need <= bottom + EPS) {
			if (row->linked && d->above)
				links(d, pg, x0, d->cur, y);
			for (int i = row->first; i < row->first + row->n; i++)
				segment(d, &d->box[i], pg, x0, y + gap, need, 0);
			y += gap + need;
			d->cur++;
			d->above = 1;
			placed = 1;
			continue;
		}
		/* It does not fit: cut it here if a page cannot hold it. */
		double full = flow_frame_height(f);
		if (need <= full - EPS && (placed || !fresh))
			break;
		if (bottom - y - gap < d->st.text.size * 3)
			break;
		if (row->linked && d->above)
			links(d, pg, x0, d->cur, y);
		for (int i = row->first; i < row->first + row->n; i++)
			segment(d, &d->box[i], pg, x0, y + gap, bottom - y - gap, !placed);
		y = bottom;
		placed = 1;
		d->above = 0;
		break;
	}
	if (!placed)
		return 0;
	flow_advance(f, y - start);
	return d->cur >= d->nrows;
}

static void drop(block *bl)
{
	boxes *d = (boxes *)bl;
	for (int i = 0; i < d->nbox; i++) {
		bbox *b = &d->box[i];
		unlay_box(b);
		for (int k = 0; k < b->npara; k++)
			g_free(b->paras[k].plain);
		free(b->paras);
		g_free(b->title);
	}
	free(d->box);
	free(d->rows);
	free(d);
}

/* Every box's title and paragraphs, in order. */
static char *figure(block *b)
{
	boxes *d = (boxes *)b;
	GString *s = g_string_new("");
	for (int i = 0; i < d->nbox; i++) {
		const bbox *x = &d->box[i];
		if (x->title)
			g_string_append_printf(s, "%s%s:", s->len ? " " : "", x->title);
		for (int k = 0; k < x->npara; k++) {
			if (s->len)
				g_string_append_c(s, ' ');
			if (x->paras[k].plain)
				g_string_append(s, x->paras[k].plain);
			for (const pg_span *sp = x->paras[k].plain ? NULL : x->paras[k].spans; sp; sp = sp->next)
				if (sp->kind == PG_SPAN_TEXT && sp->text)
					g_string_append(s, sp->text);
				else if (sp->kind == PG_SPAN_BREAK)
					g_string_append_c(s, ' ');
		}
	}
	return g_string_free(s, FALSE);
}

static const block_kind BOXES = { "boxes", measure, first, place, drop, figure };

boxes *boxes_new(eng *e, const boxes_style *st)
{
	boxes *d = calloc(1, sizeof *d);
	if (!d)
		pg_oom();
	d->b.kind = &BOXES;
	d->e = e;
	d->st = *st;
	d->width = -1;
	return d;
}

void boxes_row(boxes *d, int linked)
{
	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? d->caprows * 2 : 8;
		d->rows = realloc(d->rows, (size_t)d->caprows * sizeof *d->rows);
		if (!d->rows)
			pg_oom();
	}
	d->rows[d->nrows++] = (brow){ d->nbox, 0, linked && d->nrows > 0, 0 };
}

void boxes_box(boxes *d, double share, const char *title)
{
	if (!d->nrows)
		boxes_row(d, 0);
	if (d->nbox == d->capbox) {
		d->capbox = d->capbox ? d->capbox * 2 : 8;
		d->box = realloc(d->box, (size_t)d->capbox * sizeof *d->box);
		if (!d->box)
			pg_oom();
	}
	bbox *b = &d->box[d->nbox++];
	memset(b, 0, sizeof *b);
	b->share = share > 0 ? share : 1;
	b->title = title ? g_strdup(title) : NULL;
	d->rows[d->nrows - 1].n++;
}

void boxes_text(boxes *d, const pg_span *text, const char *plain)
{
	if (!d->nbox)
		return;
	bbox *b = &d->box[d->nbox - 1];
	b->paras = realloc(b->paras, (size_t)(b->npara + 1) * sizeof *b->paras);
	if (!b->paras)
		pg_oom();
	b->paras[b->npara++] = (bpara){ text, text ? NULL : g_strdup(plain ? plain : "") };
}

block *boxes_block(boxes *d)
{
	return &d->b;
}
