/*
 * block-tree.c — organisation charts: tidy trees of boxes.
 *
 * Written here, not taken from a library: Debian has no C library for
 * tidy tree drawing (graphviz's dot ranks and routes general graphs and
 * would draw text of its own, not Pango's).
 *
 * The layout is a non-layered tidy tree in the manner of Reingold–
 * Tilford and Walker: every subtree is laid out on its own, as a shape
 * (the rectangles of its boxes and connectors, relative to its root's
 * anchor, the top centre of its box); a node's subtrees are packed side
 * by side as close as their shapes allow (hgap apart where they face
 * each other at the same height, so a small subtree tucks under a wide
 * neighbour), packed once from the left and once from the right and the
 * two averaged, which spreads the middle ones evenly (Walker's point);
 * the parent is centred over its first and last.  Both packings meet
 * every separation, and so does their mean: the constraints are linear.
 *
 * What hangs under a node:
 *   - aside nodes (staff units), in pairs left and right of the stem,
 *     one pair per row, each joined to the stem by a horizontal line;
 *   - two or more children that are all leaves: a column hanging from a
 *     line down the parent's left side, a tick to each box;
 *   - otherwise the children in a row under a bus: runs of two or more
 *     leaves among them become columns (at most `rows` boxes each).
 * Boxes have one width; boxes side by side in a row are equally tall.
 *
 * Fitting: the chart is laid out at sizes scaled from 1 down to
 * min_scale, and for each with columns of any length, then shorter
 * ones, until it fits its page.  If none fits, the largest subtree goes
 * to a page of its own (its root stays, with the page number) and the
 * rest is tried again; each page is fitted the same way.
 */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum conn { CONN_NONE, CONN_BUS, CONN_TICK, CONN_LEFT, CONN_RIGHT };

typedef struct rect {
	double x0, y0, x1, y1;
} rect;

typedef struct shape {
	rect *r;
	int n, cap;
} shape;

typedef struct tnode {
	char *text;
	int parent, aside;
	uint32_t fill, border, color;
	int first, last, next; /* children, in order */
	int collapsed;	       /* its children are on a page of their own */
	int page;	       /* that page (index into pieces) */
	/* Laid out at the current scale. */
	PangoLayout *l;
	double nat_h, w, h;
	double dx, dy; /* anchor (top centre) from the parent's anchor */
	double ax, ay; /* anchor on the page */
	enum conn conn;
	double lx, ly0; /* CONN_TICK: the hanging line, from the parent's anchor */
	double stem, bus_y, bus_x0, bus_x1; /* from its own anchor; stem 0: none */
} tnode;

typedef struct piece {
	int root;
	double scale;
	int rows;
	double w, h; /* of the tree alone */
	double minx;
} piece;

typedef struct legend_entry {
	char *name;
	uint32_t fill, border;
	PangoLayout *l;
} legend_entry;

struct tree {
	block b;
	eng *e;
	tree_style st;
	char *title, *more;
	tnode *nodes;
	int n, cap, nroots;
	legend_entry leg[8];
	int nleg;
	piece *pieces;
	int npieces, next;
	int fitted;
	double width, frame_h;
	double scale; /* of the text layouts now */
	int rows;     /* column length now (0: any) */
	PangoLayout *tl, *ml; /* title; marker, measured at the current scale */
	double title_h, legend_h;
};

static const double EPS = 0.01;
enum { ANY_ROWS = 1 << 20 };

/* ---- shapes ---- */

static void shape_add(shape *s, double x0, double y0, double x1, double y1)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->r = realloc(s->r, (size_t)s->cap * sizeof *s->r);
		if (!s->r)
			pg_oom();
	}
	s->r[s->n++] = (rect){ x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1,
			       x0 < x1 ? x1 : x0, y0 < y1 ? y1 : y0 };
}

static void shape_merge(shape *s, const shape *o, double dx, double dy)
{
	for (int i = 0; i < o->n; i++)
		shape_add(s, o->r[i].x0 + dx, o->r[i].y0 + dy, o->r[i].x1 + dx,
			  o->r[i].y1 + dy);
}

static void shape_bounds(const shape *s, rect *b)
{
	*b = (rect){ 0, 0, 0, 0 };
	for (int i = 0; i < s->n; i++) {
		const rect *r = &s->r[i];
		if (i == 0 || r->x0 < b->x0)
			b->x0 = r->x0;
		if (i == 0 || r->y0 < b->y0)
			b->y0 = r->y0;
		if (i == 0 || r->x1 > b->x1)
			b->x1 = r->x1;
		if (i == 0 || r->y1 > b->y1)
			b->y1 = r->y1;
	}
}

/* How far right of a's anchor b's anchor must be for the two not to
 * come closer than gap where they share heights (-HUGE_VAL: nowhere). */
static double separation(const shape *a, const shape *b, double gap,
			 double vmargin)
{
	double d = -HUGE_VAL;
	for (int i = 0; i < a->n; i++)
		for (int k = 0; k < b->n; k++) {
			const rect *p = &a->r[i], *q = &b->r[k];
			if (p->y0 >= q->y1 + vmargin || q->y0 >= p->y1 + vmargin)
				continue;
			double need = p->x1 + gap - q->x0;
			if (need > d)
				d = need;
		}
	return d;
}

/* ---- the tree ---- */

/* The nodes whose children show where n is drawn under root. */
static int opened(const tree *t, int n, int root)
{
	return n == root || !t->nodes[n].collapsed;
}

#define each_child(t, n, c) \
	for (int c = (t)->nodes[n].first; c >= 0; c = (t)->nodes[c].next)

static int is_leaf(const tree *t, int n, int root)
{
	return !opened(t, n, root) || t->nodes[n].first < 0;
}

static double sc(const tree *t, double v)
{
	return v * t->scale;
}

static void unlay_text(tree *t)
{
	for (int i = 0; i < t->n; i++) {
		if (t->nodes[i].l)
			g_object_unref(t->nodes[i].l);
		t->nodes[i].l = NULL;
	}
	if (t->ml)
		g_object_unref(t->ml);
	t->ml = NULL;
}

/* The box texts at scale s; a collapsed node's box also holds the
 * marker line (measured with a wide page number). */
static void lay_text(tree *t, double s)
{
	if (t->scale == s && (t->n == 0 || t->nodes[0].l))
		return;
	unlay_text(t);
	t->scale = s;
	eng_style ns = t->st.node, ms = t->st.more;
	ns.size *= s;
	ms.size *= s;
	double inner = sc(t, t->st.box_w - 2 * t->st.pad);
	char *m = g_strdup_printf("%s 888", t->more);
	t->ml = eng_plain(t->e, m, &ms, inner);
	g_free(m);
	for (int i = 0; i < t->n; i++) {
		tnode *nd = &t->nodes[i];
		nd->l = eng_plain(t->e, nd->text, &ns, inner);
		nd->nat_h = eng_height(nd->l) + 2 * sc(t, t->st.pad);
	}
}

static void box_size(tree *t, int n, int root)
{
	tnode *nd = &t->nodes[n];
	if (n == t->n) {
		nd->w = nd->h = 0; /* the forest's invisible root */
		return;
	}
	nd->w = sc(t, t->st.box_w);
	nd->h = nd->nat_h;
	if (nd->collapsed && n != root)
		nd->h += eng_height(t->ml);
}

static shape lay(tree *t, int n, int root);

/* Children c0..c1 (a run of leaves) as one column hanging from a line at
 * x = lx, its segment starting at y = ly; boxes from y = top.  Returns
 * the bottom; adds the column to s. */
static double column(tree *t, int n, const int *kids, int k0, int k1,
		     double lx, double ly, double top, shape *s)
{
	double indent = sc(t, t->st.hgap), gap = sc(t, t->st.vgap) / 3, lw = 0.5;
	double y = top + gap, prev = ly;
	for (int k = k0; k < k1; k++) {
		tnode *c = &t->nodes[kids[k]];
		box_size(t, kids[k], -1);
		c->dx = lx + indent + c->w / 2;
		c->dy = y;
		c->conn = n == t->n ? CONN_NONE : CONN_TICK;
		c->lx = lx;
		c->ly0 = prev;
		c->stem = 0;
		double mid = y + c->h / 2;
		shape_add(s, lx + indent, y, lx + indent + c->w, y + c->h);
		if (c->conn != CONN_NONE) {
			shape_add(s, lx - lw, prev, lx + lw, mid);
			shape_add(s, lx, mid - lw, lx + indent, mid + lw);
		}
		prev = mid;
		y += c->h + gap;
	}
	return y - gap;
}

/* Asides in pairs beside the stem (x = 0), rows from y; returns the
 * bottom of the last row and sets *last_mid. */
static double asides(tree *t, int root, const int *a, int na, double y,
		     shape *s, double *last_mid)
{
	double gap = sc(t, t->st.hgap), vgap = sc(t, t->st.vgap) / 2, lw = 0.5;
	for (int k = 0; k < na; k += 2) {
		double top = y + vgap, bottom = top;
		int pair = k + 1 < na ? 2 : 1;
		double h = 0;
		for (int j = 0; j < pair; j++) {
			box_size(t, a[k + j], root);
			if (t->nodes[a[k + j]].h > h)
				h = t->nodes[a[k + j]].h;
		}
		for (int j = 0; j < pair; j++) {
			tnode *c = &t->nodes[a[k + j]];
			c->h = h;
			shape cs = lay(t, a[k + j], root);
			rect bb;
			shape_bounds(&cs, &bb);
			int left = j == 0;
			c->dx = left ? -gap - bb.x1 : gap - bb.x0;
			c->dy = top;
			c->conn = left ? CONN_LEFT : CONN_RIGHT;
			shape_merge(s, &cs, c->dx, c->dy);
			double mid = top + c->h / 2;
			shape_add(s, 0, mid - lw, c->dx + (left ? c->w / 2 : -c->w / 2), mid + lw);
			*last_mid = mid;
			if (top + bb.y1 > bottom)
				bottom = top + bb.y1;
			free(cs.r);
		}
		y = bottom;
	}
	return y;
}

typedef struct item {
	int k0, k1; /* kids[k0..k1): one subtree, or a column of leaves */
	int col;
	shape s;
	double x;
} item;

/* Packs the items side by side: from the left, from the right, the mean. */
static void pack(tree *t, item *it, int m)
{
	double gap = sc(t, t->st.hgap), vm = sc(t, t->st.vgap) / 4;
	double *l = calloc((size_t)m * 2, sizeof *l), *r = l + m;
	if (!l)
		pg_oom();
	for (int i = 1; i < m; i++) {
		l[i] = l[i - 1];
		for (int j = 0; j < i; j++) {
			double d = l[j] + separation(&it[j].s, &it[i].s, gap, vm);
			if (d > l[i])
				l[i] = d;
		}
	}
	r[m - 1] = l[m - 1];
	for (int i = m - 2; i >= 0; i--) {
		r[i] = r[i + 1];
		for (int j = i + 1; j < m; j++) {
			double d = r[j] - separation(&it[i].s, &it[j].s, gap, vm);
			if (d < r[i])
				r[i] = d;
		}
	}
	for (int i = 0; i < m; i++)
		it[i].x = (l[i] + r[i]) / 2;
	free(l);
}

/* The children under a bus, from y (the bottom of what is above). */
static double row(tree *t, int n, int root, const int *kids, int nk, double y,
		  shape *s, double *bus_y)
{
	tnode *nd = &t->nodes[n];
	double vgap = sc(t, t->st.vgap), lw = 0.5;
	item *it = calloc((size_t)nk, sizeof *it);
	if (!it)
		pg_oom();
	int m = 0;
	for (int k = 0; k < nk;) {
		int e = k;
		while (e < nk && is_leaf(t, kids[e], root))
			e++;
		if (e - k >= 2) {
			int len = e - k, per = t->rows;
			int ncol = (len + per - 1) / per;
			per = (len + ncol - 1) / ncol;
			for (int c = k; c < e; c += per)
				it[m++] = (item){ c, c + per < e ? c + per : e, 1, { 0 }, 0 };
			k = e;
		} else {
			it[m++] = (item){ k, k + 1, 0, { 0 }, 0 };
			k++;
		}
	}
	/* Boxes side by side are equally tall. */
	double h = 0;
	for (int i = 0; i < m; i++)
		if (!it[i].col) {
			box_size(t, kids[it[i].k0], root);
			if (t->nodes[kids[it[i].k0]].h > h)
				h = t->nodes[kids[it[i].k0]].h;
		}
	for (int i = 0; i < m; i++) {
		if (it[i].col) {
			column(t, n, kids, it[i].k0, it[i].k1, 0, 0, 0, &it[i].s);
		} else {
			t->nodes[kids[it[i].k0]].h = h;
			it[i].s = lay(t, kids[it[i].k0], root);
		}
	}
	pack(t, it, m);
	double shift = -(it[0].x + it[m - 1].x) / 2;
	double top = n == t->n ? y : y + vgap;
	*bus_y = top - vgap / 2;
	nd->bus_x0 = nd->bus_x1 = 0;
	for (int i = 0; i < m; i++) {
		double x = it[i].x + shift;
		if (x < nd->bus_x0)
			nd->bus_x0 = x;
		if (x > nd->bus_x1)
			nd->bus_x1 = x;
		if (it[i].col) {
			/* The column again, in place: its line starts at the bus. */
			column(t, n, kids, it[i].k0, it[i].k1, x, *bus_y, top, s);
		} else {
			tnode *c = &t->nodes[kids[it[i].k0]];
			c->dx = x;
			c->dy = top;
			c->conn = n == t->n ? CONN_NONE : CONN_BUS;
			shape_merge(s, &it[i].s, x, top);
			if (c->conn == CONN_BUS)
				shape_add(s, x - lw, *bus_y, x + lw, top);
		}
		free(it[i].s.r);
	}
	if (n != t->n)
		shape_add(s, nd->bus_x0, *bus_y - lw, nd->bus_x1, *bus_y + lw);
	rect bb;
	shape_bounds(s, &bb);
	free(it);
	return bb.y1;
}

/* The shape of n's subtree, from n's anchor; places its descendants. */
static shape lay(tree *t, int n, int root)
{
	tnode *nd = &t->nodes[n];
	shape s = { 0 };
	if (nd->h <= 0 || n == t->n)
		box_size(t, n, root);
	if (n != t->n)
		shape_add(&s, -nd->w / 2, 0, nd->w / 2, nd->h);
	nd->stem = nd->bus_y = nd->bus_x0 = nd->bus_x1 = 0;
	if (!opened(t, n, root))
		return s;
	int nk = 0, na = 0;
	each_child(t, n, c) nk++;
	int *kids = calloc((size_t)nk * 2 + 1, sizeof *kids), *a = kids + nk;
	if (!kids)
		pg_oom();
	int nc = 0, leaves = 1;
	each_child(t, n, c) {
		if (t->nodes[c].aside && n != t->n) {
			a[na++] = c;
		} else {
			kids[nc++] = c;
			leaves &= is_leaf(t, c, root);
		}
	}
	double lw = 0.5, y = nd->h, stem = 0;
	if (!na && nc >= 2 && leaves && nc <= t->rows && n != t->n) {
		/* Hanging from a line down the box's left side. */
		double lx = -nd->w / 2 + sc(t, t->st.hgap);
		column(t, n, kids, 0, nc, lx, nd->h, nd->h, &s);
	} else {
		double mid = 0;
		if (na)
			y = asides(t, root, a, na, y, &s, &mid);
		stem = mid;
		if (nc)
			row(t, n, root, kids, nc, y, &s, &stem);
		if (stem > 0 && n != t->n) {
			nd->stem = stem;
			nd->bus_y = stem;
			shape_add(&s, -lw, nd->h, lw, stem);
		}
	}
	free(kids);
	return s;
}

/* Anchors on the page, from the root's at (x, y). */
static void place_nodes(tree *t, int n, int root, double x, double y)
{
	tnode *nd = &t->nodes[n];
	nd->ax = x;
	nd->ay = y;
	if (!opened(t, n, root))
		return;
	each_child(t, n, c) place_nodes(t, c, root, x + t->nodes[c].dx,
					y + t->nodes[c].dy);
}

/* ---- fitting ---- */

static int count(const tree *t, int n, int root)
{
	int k = 1;
	if (opened(t, n, root))
		each_child(t, n, c) k += count(t, c, root);
	return k;
}

/* Lays out the piece's tree at scale s, columns of at most `rows`;
 * whether it fits w x h. */
static int try_fit(tree *t, piece *p, double s, int rows, double w, double h)
{
	lay_text(t, s);
	t->rows = rows;
	for (int i = 0; i <= t->n; i++)
		t->nodes[i].h = 0;
	shape sh = lay(t, p->root, p->root);
	rect bb;
	shape_bounds(&sh, &bb);
	free(sh.r);
	p->scale = s;
	p->rows = rows;
	p->w = bb.x1 - bb.x0;
	p->h = bb.y1;
	p->minx = bb.x0;
	return p->w <= w + EPS && p->h <= h + EPS;
}

static int fit_at(tree *t, piece *p, double s, double w, double h)
{
	static const int ROWS[] = { ANY_ROWS, 16, 12, 10, 8, 6, 5, 4, 3, 2, 1 };
	for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++)
		if (try_fit(t, p, s, ROWS[i], w, h))
			return 1;
	return 0;
}

static int fit_piece(tree *t, piece *p, double w, double h)
{
	for (double s = 1; s >= t->st.min_scale - EPS; s -= 0.05)
		if (fit_at(t, p, s, w, h))
			return 1;
	return 0;
}

/* The largest subtree under root still drawn there, or -1. */
static int largest(const tree *t, int n, int root, int *best, int *size)
{
	if (n != root && opened(t, n, root) && t->nodes[n].first >= 0 && n != t->n) {
		int k = count(t, n, root);
		if (k > *size) {
			*size = k;
			*best = n;
		}
	}
	if (opened(t, n, root))
		each_child(t, n, c) largest(t, c, root, best, size);
	return *best;
}

static void add_piece(tree *t, int root)
{
	t->pieces = realloc(t->pieces, (size_t)(t->npieces + 1) * sizeof *t->pieces);
	if (!t->pieces)
		pg_oom();
	t->pieces[t->npieces++] = (piece){ .root = root, .scale = 1, .rows = ANY_ROWS };
}

static void lay_head(tree *t, double width)
{
	if (t->tl)
		g_object_unref(t->tl);
	t->tl = eng_plain(t->e, t->title, &t->st.title, width);
	t->title_h = t->title[0] ? eng_height(t->tl) + t->st.vgap / 2 : 0;
	double line_h = t->st.legend.size * 1.4, x = 0;
	t->legend_h = t->nleg ? line_h + t->st.vgap / 2 : 0;
	for (int i = 0; i < t->nleg; i++) {
		if (!t->leg[i].l)
			t->leg[i].l = eng_plain(t->e, t->leg[i].name, &t->st.legend, 0);
		double w = 12 + eng_width(t->leg[i].l) + 14;
		if (x > 0 && x + w > width) {
			t->legend_h += line_h;
			x = 0;
		}
		x += w;
	}
}

static void fit(tree *t, flow *f)
{
	double width = flow_width(f), frame = flow_frame_height(f);
	if (t->fitted && width == t->width && frame == t->frame_h)
		return;
	t->fitted = 1;
	t->width = width;
	t->frame_h = frame;
	lay_head(t, width);
	for (int i = 0; i < t->n; i++)
		t->nodes[i].collapsed = 0;
	free(t->pieces);
	t->pieces = NULL;
	t->npieces = 0;
	add_piece(t, t->nroots == 1 ? 0 : t->n);
	double h = frame - t->st.foot - t->title_h - t->legend_h;
	for (int k = 0; k < t->npieces; k++) {
		for (;;) {
			if (fit_piece(t, &t->pieces[k], width, h))
				break;
			int best = -1, size = 0;
			if (largest(t, t->pieces[k].root, t->pieces[k].root, &best, &size) < 0) {
				/* Nothing left to move: smaller than legible
				 * rather than off the page. */
				double s = t->st.min_scale;
				while (s > 0.1 && !fit_at(t, &t->pieces[k], s, width, h))
					s *= 0.9;
				break;
			}
			t->nodes[best].collapsed = 1;
			t->nodes[best].page = t->npieces;
			add_piece(t, best);
		}
	}
}

static double piece_height(const tree *t, const piece *p)
{
	return t->title_h + p->h + t->legend_h;
}

/* ---- drawing ---- */

static void draw_box(tree *t, dl_page *pg, int n, int root, int page_no)
{
	tnode *nd = &t->nodes[n];
	double x = nd->ax - nd->w / 2, y = nd->ay, pad = sc(t, t->st.pad);
	dl_fill(pg, x, y, nd->w, nd->h, nd->fill);
	dl_stroke(pg, x, y, nd->w, nd->h, nd->collapsed && n != root ? 1.5 : 0.75,
		  nd->border);
	int more = nd->collapsed && n != root;
	/* The text in the middle of the box (boxes side by side are equally
	 * tall, their texts are not). */
	double th = eng_height(nd->l) + (more ? eng_height(t->ml) : 0);
	double top = y + (nd->h - th) / 2;
	eng_draw(pg, nd->l, x + pad, top, nd->color);
	if (more) {
		eng_style ms = t->st.more;
		ms.size *= t->scale;
		char *m = g_strdup_printf("%s %d", t->more, page_no);
		PangoLayout *ml = eng_plain(t->e, m, &ms, nd->w - 2 * pad);
		eng_draw(pg, ml, x + pad, top + eng_height(nd->l), nd->color);
		g_object_unref(ml);
		g_free(m);
	}
}

static void draw_links(tree *t, dl_page *pg, int n)
{
	tnode *nd = &t->nodes[n], *p = &t->nodes[nd->parent];
	double lw = t->st.line_w, mid = nd->ay + nd->h / 2;
	uint32_t col = t->st.line;
	switch (nd->conn) {
	case CONN_BUS:
		dl_line(pg, nd->ax, p->ay + p->bus_y, nd->ax, nd->ay, lw, col);
		break;
	case CONN_TICK:
		dl_line(pg, p->ax + nd->lx, p->ay + nd->ly0, p->ax + nd->lx, mid, lw, col);
		dl_line(pg, p->ax + nd->lx, mid, nd->ax - nd->w / 2, mid, lw, col);
		break;
	case CONN_LEFT:
		dl_line(pg, p->ax, mid, nd->ax + nd->w / 2, mid, lw, col);
		break;
	case CONN_RIGHT:
		dl_line(pg, p->ax, mid, nd->ax - nd->w / 2, mid, lw, col);
		break;
	case CONN_NONE:
		break;
	}
}

static void draw(tree *t, dl_page *pg, int n, int root, int page0, int k)
{
	tnode *nd = &t->nodes[n];
	if (n != t->n) {
		if (n != root)
			draw_links(t, pg, n);
		if (nd->stem > 0)
			dl_line(pg, nd->ax, nd->ay + nd->h, nd->ax, nd->ay + nd->stem,
				t->st.line_w, t->st.line);
		if (nd->bus_x1 > nd->bus_x0)
			dl_line(pg, nd->ax + nd->bus_x0, nd->ay + nd->bus_y,
				nd->ax + nd->bus_x1, nd->ay + nd->bus_y, t->st.line_w,
				t->st.line);
		draw_box(t, pg, n, root, page0 + nd->page - k);
	}
	if (opened(t, n, root))
		each_child(t, n, c) draw(t, pg, c, root, page0, k);
}

static void draw_legend(tree *t, dl_page *pg, double x0, double y)
{
	double line_h = t->st.legend.size * 1.4, x = 0, sw = 8;
	double total = 0;
	for (int i = 0; i < t->nleg; i++)
		total += 12 + eng_width(t->leg[i].l) + (i + 1 < t->nleg ? 14 : 0);
	double left = total < t->width ? (t->width - total) / 2 : 0;
	for (int i = 0; i < t->nleg; i++) {
		double w = 12 + eng_width(t->leg[i].l) + 14;
		if (x > 0 && x + w > t->width) {
			y += line_h;
			x = 0;
			left = 0;
		}
		double sx = x0 + left + x, sy = y + (line_h - sw) / 2;
		dl_fill(pg, sx, sy, sw, sw, t->leg[i].fill);
		dl_stroke(pg, sx, sy, sw, sw, 0.5, t->leg[i].border);
		eng_draw(pg, t->leg[i].l, sx + 12, y + (line_h - eng_height(t->leg[i].l)) / 2,
			 t->st.legend.color);
		x += w;
	}
}

/* ---- the block ---- */

static double measure(block *b, flow *f)
{
	tree *t = (tree *)b;
	fit(t, f);
	return t->next < t->npieces ? piece_height(t, &t->pieces[t->next]) : 0;
}

static double first(block *b, flow *f)
{
	return measure(b, f);
}

static int place(block *b, flow *f)
{
	tree *t = (tree *)b;
	fit(t, f);
	if (t->next >= t->npieces)
		return 1;
	piece *p = &t->pieces[t->next];
	double h = piece_height(t, p);
	if (!flow_fresh(f) && h > flow_room(f) + EPS)
		return 0;
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), y = flow_y(f);
	eng_draw(pg, t->tl, x0, y, t->st.title.color);
	/* The piece's layout again, at its scale, placed on the page. */
	lay_text(t, p->scale);
	t->rows = p->rows;
	for (int i = 0; i <= t->n; i++)
		t->nodes[i].h = 0;
	shape sh = lay(t, p->root, p->root);
	free(sh.r);
	double left = x0 + (t->width - p->w) / 2 - p->minx;
	place_nodes(t, p->root, p->root, left, y + t->title_h);
	draw(t, pg, p->root, p->root, flow_page_number(f), t->next);
	draw_legend(t, pg, x0, y + t->title_h + p->h + t->st.vgap / 2);
	flow_advance(f, h);
	t->next++;
	return t->next >= t->npieces;
}

static void drop(block *b)
{
	tree *t = (tree *)b;
	unlay_text(t);
	if (t->tl)
		g_object_unref(t->tl);
	for (int i = 0; i < t->n; i++)
		g_free(t->nodes[i].text);
	for (int i = 0; i < t->nleg; i++) {
		g_free(t->leg[i].name);
		if (t->leg[i].l)
			g_object_unref(t->leg[i].l);
	}
	free(t->nodes);
	free(t->pieces);
	g_free(t->title);
	g_free(t->more);
	free(t);
}

static const block_kind TREE = { "tree", measure, first, place, drop };

tree *tree_new(eng *e, const char *title, const tree_style *st, const char *more)
{
	tree *t = calloc(1, sizeof *t);
	if (!t)
		pg_oom();
	t->b.kind = &TREE;
	t->e = e;
	t->st = *st;
	t->title = g_strdup(title ? title : "");
	t->more = g_strdup(more ? more : "");
	t->scale = -1;
	return t;
}

int tree_node(tree *t, int parent, const char *text, int aside, uint32_t fill,
	      uint32_t border, uint32_t color)
{
	/* One spare node past the last: the forest's invisible root. */
	if (t->n + 1 >= t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->nodes = realloc(t->nodes, (size_t)t->cap * sizeof *t->nodes);
		if (!t->nodes)
			pg_oom();
	}
	if (parent < 0 || parent >= t->n)
		parent = -1;
	int i = t->n++;
	tnode *nd = &t->nodes[i];
	memset(nd, 0, sizeof *nd);
	nd->text = g_strdup(text ? text : "");
	nd->aside = aside;
	nd->fill = fill;
	nd->border = border;
	nd->color = color;
	nd->first = nd->last = nd->next = -1;
	nd->parent = parent;
	if (parent < 0)
		t->nroots++;
	return i;
}

void tree_legend(tree *t, const char *name, uint32_t fill, uint32_t border)
{
	if (t->nleg == (int)(sizeof t->leg / sizeof *t->leg))
		return;
	t->leg[t->nleg++] = (legend_entry){ g_strdup(name ? name : ""), fill, border, NULL };
}

block *tree_block(tree *t)
{
	/* Link the children, and the roots under the forest's root. */
	if (t->n + 1 > t->cap) {
		t->cap = t->n + 1;
		t->nodes = realloc(t->nodes, (size_t)t->cap * sizeof *t->nodes);
		if (!t->nodes)
			pg_oom();
	}
	tnode *forest = &t->nodes[t->n];
	memset(forest, 0, sizeof *forest);
	forest->first = forest->last = forest->next = -1;
	forest->parent = -1;
	for (int i = 0; i < t->n; i++) {
		int p = t->nodes[i].parent < 0 ? t->n : t->nodes[i].parent;
		if (t->nodes[i].parent < 0)
			t->nodes[i].parent = t->n;
		tnode *pn = &t->nodes[p];
		if (pn->last < 0)
			pn->first = i;
		else
			t->nodes[pn->last].next = i;
		pn->last = i;
	}
	return &t->b;
}
