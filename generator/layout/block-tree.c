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
 * Pages (pieces): a piece draws one or more roots, their trees side by
 * side in shelves.  A piece is laid out at sizes scaled from 1 down to
 * min_scale, for each with columns of any length, then shorter ones,
 * until it fits its page.  If none fits, a piece of several trees keeps
 * the most that fit and gives the rest to a new piece after it; a piece
 * of one tree collapses its deepest subtree (the largest of the deepest)
 * and tries again: a collapsed node stays as a box saying on which page
 * it goes on, and its subtree becomes a root of the piece's continuation,
 * so the top levels stay together and the detail shares pages.
 */
#include "engine.h"

#include <glib.h>

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
	int parent, aside, depth;
	uint32_t fill, border, color;
	int first, last, next; /* children, in order */
	int collapsed;	       /* its children are not drawn where it is */
	int page;	       /* collapsed: the piece it is a root of */
	/* Laid out at the current scale, in the current piece. */
	PangoLayout *l;
	double nat_h, w, h;
	double dx, dy; /* anchor (top centre) from the parent's anchor */
	double ax, ay; /* anchor on the page */
	enum conn conn;
	double lx, ly0; /* CONN_TICK: the hanging line, from the parent's anchor */
	double stem, bus_y, bus_x0, bus_x1; /* from its own anchor; stem 0: none */
} tnode;

typedef struct piece {
	int *roots;
	int nroots;
	int cont; /* the piece its collapsed nodes go on, or -1 */
	double scale;
	int rows;
	double w, h; /* of the trees alone */
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
	int n, cap;
	legend_entry leg[8];
	int nleg;
	piece *pieces;
	int npieces, next;
	int fitted;
	double width, frame_h;
	int cur;      /* the piece being laid out */
	double scale; /* of the text layouts now */
	int rows;     /* column length now */
	int longest;  /* the longest column laid out */
	PangoLayout *tl, *ml; /* title; marker, measured at the current scale */
	double title_h, legend_h;
};

static const double EPS = 0.01;
static const double SWATCH = 8, SWATCH_GAP = 4, ENTRY_GAP = 14; /* legend */
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

#define each_child(t, n, c) \
	for (int c = (t)->nodes[n].first; c >= 0; c = (t)->nodes[c].next)

/* Whether n's children are drawn in the current piece. */
static int opened(const tree *t, int n)
{
	return !t->nodes[n].collapsed || t->nodes[n].page == t->cur;
}

/* Whether n is drawn in the current piece as a root (no connector up). */
static int is_root(const tree *t, int n)
{
	return t->nodes[n].parent < 0 ||
	       (t->nodes[n].collapsed && t->nodes[n].page == t->cur);
}

static int is_leaf(const tree *t, int n)
{
	return !opened(t, n) || t->nodes[n].first < 0;
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

/* The box texts at scale s, and the marker of collapsed boxes
 * (measured with a wide page number). */
static void lay_text(tree *t, double s)
{
	if (t->scale == s && t->ml)
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

static void box_size(tree *t, int n)
{
	tnode *nd = &t->nodes[n];
	nd->w = sc(t, t->st.box_w);
	nd->h = nd->nat_h;
	if (!opened(t, n))
		nd->h += eng_height(t->ml);
}

static shape lay(tree *t, int n);

/* Leaves kids[k0..k1) as a column hanging from a line at x = lx, its
 * first segment from y = ly, boxes from y = top (all from the parent's
 * anchor); adds the column to s. */
static void column(tree *t, const int *kids, int k0, int k1, double lx,
		   double ly, double top, shape *s)
{
	double indent = sc(t, t->st.hgap), gap = sc(t, t->st.vgap) / 3, lw = 0.5;
	double y = top + gap, prev = ly;
	if (k1 - k0 > t->longest)
		t->longest = k1 - k0;
	for (int k = k0; k < k1; k++) {
		tnode *c = &t->nodes[kids[k]];
		box_size(t, kids[k]);
		c->dx = lx + indent + c->w / 2;
		c->dy = y;
		c->conn = CONN_TICK;
		c->lx = lx;
		c->ly0 = prev;
		c->stem = c->bus_x0 = c->bus_x1 = 0;
		double mid = y + c->h / 2;
		shape_add(s, lx + indent, y, lx + indent + c->w, y + c->h);
		shape_add(s, lx - lw, prev, lx + lw, mid);
		shape_add(s, lx, mid - lw, lx + indent, mid + lw);
		prev = mid;
		y += c->h + gap;
	}
}

/* Asides in pairs beside the stem (x = 0), rows from y; returns the
 * bottom of the last row and sets *last_mid. */
static double asides(tree *t, const int *a, int na, double y, shape *s,
		     double *last_mid)
{
	double gap = sc(t, t->st.hgap), vgap = sc(t, t->st.vgap) / 2, lw = 0.5;
	for (int k = 0; k < na; k += 2) {
		double top = y + vgap, bottom = top, h = 0;
		int pair = k + 1 < na ? 2 : 1;
		for (int j = 0; j < pair; j++) {
			box_size(t, a[k + j]);
			if (t->nodes[a[k + j]].h > h)
				h = t->nodes[a[k + j]].h;
		}
		for (int j = 0; j < pair; j++) {
			tnode *c = &t->nodes[a[k + j]];
			c->h = h;
			shape cs = lay(t, a[k + j]);
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

/* Packs the items side by side: from the left, from the right, the mean.
 * Nearest items first; an item whose bounds cannot push the other one
 * further is not compared rectangle by rectangle. */
static void pack(tree *t, item *it, int m)
{
	if (m < 1)
		return;
	double gap = sc(t, t->st.hgap), vm = sc(t, t->st.vgap) / 4;
	double *l = calloc((size_t)m * 2, sizeof *l), *r = l + m;
	rect *bb = calloc((size_t)m, sizeof *bb);
	if (!l || !bb)
		pg_oom();
	for (int i = 0; i < m; i++)
		shape_bounds(&it[i].s, &bb[i]);
	for (int i = 1; i < m; i++) {
		l[i] = l[i - 1];
		for (int j = i - 1; j >= 0; j--) {
			if (l[j] + bb[j].x1 + gap - bb[i].x0 <= l[i])
				continue;
			double d = l[j] + separation(&it[j].s, &it[i].s, gap, vm);
			if (d > l[i])
				l[i] = d;
		}
	}
	r[m - 1] = l[m - 1];
	for (int i = m - 2; i >= 0; i--) {
		r[i] = r[i + 1];
		for (int j = i + 1; j < m; j++) {
			if (r[j] - (bb[i].x1 + gap - bb[j].x0) >= r[i])
				continue;
			double d = r[j] - separation(&it[i].s, &it[j].s, gap, vm);
			if (d < r[i])
				r[i] = d;
		}
	}
	free(bb);
	for (int i = 0; i < m; i++)
		it[i].x = (l[i] + r[i]) / 2;
	free(l);
}

/* The children of n under a bus, below y (the bottom of what is above);
 * sets the bus. */
static void row(tree *t, int n, const int *kids, int nk, double y, shape *s)
{
	tnode *nd = &t->nodes[n];
	double vgap = sc(t, t->st.vgap), lw = 0.5;
	item *it = calloc((size_t)nk, sizeof *it);
	if (!it)
		pg_oom();
	int m = 0;
	for (int k = 0; k < nk;) {
		int e = k;
		while (e < nk && is_leaf(t, kids[e]))
			e++;
		if (e - k >= 2) {
			int len = e - k, ncol = (len + t->rows - 1) / t->rows;
			int per = (len + ncol - 1) / ncol;
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
			box_size(t, kids[it[i].k0]);
			if (t->nodes[kids[it[i].k0]].h > h)
				h = t->nodes[kids[it[i].k0]].h;
		}
	for (int i = 0; i < m; i++) {
		if (it[i].col) {
			column(t, kids, it[i].k0, it[i].k1, 0, 0, 0, &it[i].s);
		} else {
			t->nodes[kids[it[i].k0]].h = h;
			it[i].s = lay(t, kids[it[i].k0]);
		}
	}
	pack(t, it, m);
	double shift = -(it[0].x + it[m - 1].x) / 2, top = y + vgap;
	nd->bus_y = top - vgap / 2;
	nd->bus_x0 = nd->bus_x1 = 0;
	for (int i = 0; i < m; i++) {
		double x = it[i].x + shift;
		nd->bus_x0 = x < nd->bus_x0 ? x : nd->bus_x0;
		nd->bus_x1 = x > nd->bus_x1 ? x : nd->bus_x1;
		if (it[i].col) {
			/* The column again, in place: its line starts at the bus. */
			column(t, kids, it[i].k0, it[i].k1, x, nd->bus_y, top, s);
		} else {
			tnode *c = &t->nodes[kids[it[i].k0]];
			c->dx = x;
			c->dy = top;
			c->conn = CONN_BUS;
			shape_merge(s, &it[i].s, x, top);
			shape_add(s, x - lw, nd->bus_y, x + lw, top);
		}
		free(it[i].s.r);
	}
	shape_add(s, nd->bus_x0, nd->bus_y - lw, nd->bus_x1, nd->bus_y + lw);
	free(it);
}

/* The shape of n's subtree, from n's anchor; places its descendants.
 * n's box height is kept if set (boxes side by side). */
static shape lay(tree *t, int n)
{
	tnode *nd = &t->nodes[n];
	shape s = { 0 };
	if (nd->h <= 0)
		box_size(t, n);
	shape_add(&s, -nd->w / 2, 0, nd->w / 2, nd->h);
	nd->stem = nd->bus_y = nd->bus_x0 = nd->bus_x1 = 0;
	if (!opened(t, n))
		return s;
	int nk = 0;
	each_child(t, n, c) nk++;
	int *kids = calloc((size_t)nk * 2 + 1, sizeof *kids), *a = kids + nk;
	if (!kids)
		pg_oom();
	int nc = 0, na = 0, leaves = 1;
	each_child(t, n, c) {
		if (t->nodes[c].aside) {
			a[na++] = c;
		} else {
			kids[nc++] = c;
			leaves &= is_leaf(t, c);
		}
	}
	if (!na && nc >= 2 && leaves && nc <= t->rows) {
		/* Hanging from a line down the box's left side. */
		column(t, kids, 0, nc, -nd->w / 2 + sc(t, t->st.hgap), nd->h, nd->h, &s);
	} else if (na || nc) {
		double y = nd->h, mid = 0;
		if (na)
			y = asides(t, a, na, y, &s, &mid);
		if (nc)
			row(t, n, kids, nc, y, &s);
		nd->stem = nc ? nd->bus_y : mid;
		shape_add(&s, -0.5, nd->h, 0.5, nd->stem);
	}
	free(kids);
	return s;
}

/* Anchors on the page, from n's at (x, y). */
static void place_nodes(tree *t, int n, double x, double y)
{
	tnode *nd = &t->nodes[n];
	nd->ax = x;
	nd->ay = y;
	if (opened(t, n))
		each_child(t, n, c) place_nodes(t, c, x + t->nodes[c].dx,
						y + t->nodes[c].dy);
}

/* ---- pieces ---- */

/* Lays out piece k at scale s, columns of at most `rows`: its trees in
 * shelves `width` wide; each root's dx, dy from the piece's top left. */
static void lay_piece(tree *t, int k, double s, int rows, double width)
{
	piece *p = &t->pieces[k];
	lay_text(t, s);
	t->rows = rows;
	t->cur = k;
	for (int i = 0; i < t->n; i++)
		t->nodes[i].h = 0;
	double x = 0, y = 0, shelf = 0, gap = sc(t, t->st.hgap) * 3;
	p->w = p->h = 0;
	for (int i = 0; i < p->nroots; i++) {
		tnode *r = &t->nodes[p->roots[i]];
		shape sh = lay(t, p->roots[i]);
		rect bb;
		shape_bounds(&sh, &bb);
		free(sh.r);
		double w = bb.x1 - bb.x0;
		if (x > 0 && x + w > width) {
			y += shelf + sc(t, t->st.vgap) * 1.5;
			x = shelf = 0;
		}
		r->dx = x - bb.x0;
		r->dy = y;
		x += w;
		p->w = x > p->w ? x : p->w;
		x += gap;
		shelf = bb.y1 > shelf ? bb.y1 : shelf;
	}
	p->h = y + shelf;
	p->scale = s;
	p->rows = rows;
}

/* Whether piece k fits w x h at scale s: with columns of any length,
 * then shorter ones while only the height is too much (shorter columns
 * make it wider, never narrower) and while they change something. */
static int fit_at(tree *t, int k, double s, double w, double h)
{
	static const int ROWS[] = { ANY_ROWS, 16, 12, 10, 8, 6, 5, 4, 3, 2, 1 };
	for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++) {
		t->longest = 0;
		lay_piece(t, k, s, ROWS[i], w);
		const piece *p = &t->pieces[k];
		if (p->w > w + EPS)
			return 0;
		if (p->h <= h + EPS)
			return 1;
		while (i + 1 < sizeof ROWS / sizeof *ROWS && ROWS[i + 1] >= t->longest)
			i++;
	}
	return 0;
}

/* Fits piece k at the largest scale it can have, if it fits at all. */
static int fit_piece(tree *t, int k, double w, double h)
{
	if (!fit_at(t, k, t->st.min_scale, w, h))
		return 0;
	for (double s = 1; s > t->st.min_scale + EPS; s -= 0.05)
		if (fit_at(t, k, s, w, h))
			return 1;
	return fit_at(t, k, t->st.min_scale, w, h);
}

static int count(tree *t, int n)
{
	int k = 1;
	if (opened(t, n))
		each_child(t, n, c) k += count(t, c);
	return k;
}

/* The deepest node under n drawn with children in piece t->cur (the
 * largest subtree of those), n itself excepted. */
static void deepest(tree *t, int n, int *best, int *size)
{
	if (!opened(t, n))
		return;
	each_child(t, n, c) {
		if (!is_leaf(t, c)) {
			int k = count(t, c);
			if (*best < 0 || t->nodes[c].depth > t->nodes[*best].depth ||
			    (t->nodes[c].depth == t->nodes[*best].depth && k > *size)) {
				*best = c;
				*size = k;
			}
		}
		deepest(t, c, best, size);
	}
}

/* A new empty piece at index k, the later ones moved up. */
static int insert_piece(tree *t, int k)
{
	t->pieces = realloc(t->pieces, (size_t)(t->npieces + 1) * sizeof *t->pieces);
	if (!t->pieces)
		pg_oom();
	memmove(&t->pieces[k + 1], &t->pieces[k], (size_t)(t->npieces - k) * sizeof *t->pieces);
	t->npieces++;
	t->pieces[k] = (piece){ .roots = NULL, .cont = -1, .scale = 1, .rows = ANY_ROWS };
	for (int i = 0; i < t->npieces; i++)
		if (i != k && t->pieces[i].cont >= k)
			t->pieces[i].cont++;
	for (int i = 0; i < t->n; i++)
		if (t->nodes[i].collapsed && t->nodes[i].page >= k)
			t->nodes[i].page++;
	return k;
}

static void add_root(tree *t, int k, int n)
{
	piece *p = &t->pieces[k];
	p->roots = realloc(p->roots, (size_t)(p->nroots + 1) * sizeof *p->roots);
	if (!p->roots)
		pg_oom();
	/* In the order of the document (of the nodes). */
	int i = p->nroots++;
	while (i > 0 && p->roots[i - 1] > n) {
		p->roots[i] = p->roots[i - 1];
		i--;
	}
	p->roots[i] = n;
}

static int below(const tree *t, int n, int anc)
{
	for (; n >= 0; n = t->nodes[n].parent)
		if (n == anc)
			return 1;
	return 0;
}

/* Collapses node c of piece k: its subtree becomes a root of k's
 * continuation, where the roots it already holds under c are drawn
 * within c's subtree again. */
static void collapse(tree *t, int k, int c)
{
	if (t->pieces[k].cont < 0) {
		int j = insert_piece(t, k + 1);
		t->pieces[k].cont = j;
	}
	int j = t->pieces[k].cont;
	piece *p = &t->pieces[j];
	int m = 0;
	for (int i = 0; i < p->nroots; i++) {
		if (below(t, p->roots[i], c))
			t->nodes[p->roots[i]].collapsed = 0;
		else
			p->roots[m++] = p->roots[i];
	}
	p->nroots = m;
	t->nodes[c].collapsed = 1;
	t->nodes[c].page = j;
	add_root(t, j, c);
}

/* Piece k keeps its first `keep` roots; the others go to a new piece
 * right after it. */
static void overflow(tree *t, int k, int keep)
{
	int j = insert_piece(t, k + 1);
	piece *p = &t->pieces[k];
	for (int i = keep; i < p->nroots; i++) {
		add_root(t, j, p->roots[i]);
		if (t->nodes[p->roots[i]].collapsed)
			t->nodes[p->roots[i]].page = j;
	}
	p->nroots = keep;
}

static double legend_line(const tree *t)
{
	return t->st.legend.size * 1.4;
}

static double entry_w(const tree *t, int i)
{
	return SWATCH + SWATCH_GAP + eng_width(t->leg[i].l);
}

static void lay_head(tree *t, double width)
{
	if (t->tl)
		g_object_unref(t->tl);
	t->tl = eng_plain(t->e, t->title, &t->st.title, width);
	t->title_h = t->title[0] ? eng_height(t->tl) + t->st.vgap / 2 : 0;
	double line_h = legend_line(t), x = 0;
	t->legend_h = t->nleg ? line_h + t->st.vgap / 2 : 0;
	for (int i = 0; i < t->nleg; i++) {
		if (!t->leg[i].l)
			t->leg[i].l = eng_plain(t->e, t->leg[i].name, &t->st.legend, 0);
		double w = entry_w(t, i) + ENTRY_GAP;
		if (x > 0 && x + w > width) {
			t->legend_h += line_h;
			x = 0;
		}
		x += w;
	}
}

static void clear_pieces(tree *t)
{
	for (int i = 0; i < t->npieces; i++)
		free(t->pieces[i].roots);
	free(t->pieces);
	t->pieces = NULL;
	t->npieces = 0;
}

/* Fits piece k, splitting it as the header comment says. */
static void fit_one(tree *t, int k, double w, double h)
{
	while (!fit_piece(t, k, w, h)) {
		piece *p = &t->pieces[k];
		if (p->nroots > 1) {
			/* The most roots that fit (at least one): by halves. */
			int lo = 1, hi = p->nroots - 1, all = p->nroots;
			while (lo < hi) {
				int mid = (lo + hi + 1) / 2;
				p->nroots = mid;
				if (fit_at(t, k, t->st.min_scale, w, h))
					lo = mid;
				else
					hi = mid - 1;
			}
			p->nroots = all;
			overflow(t, k, lo);
			continue;
		}
		int best = -1, size = 0;
		t->cur = k;
		if (p->nroots == 1)
			deepest(t, p->roots[0], &best, &size);
		if (best < 0) {
			/* Nothing left to move: smaller than legible rather
			 * than off the page. */
			for (double s = t->st.min_scale * 0.9; s > 0.1; s *= 0.9)
				if (fit_at(t, k, s, w, h))
					break;
			return;
		}
		collapse(t, k, best);
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
	clear_pieces(t);
	insert_piece(t, 0);
	for (int i = 0; i < t->n; i++)
		if (t->nodes[i].parent < 0)
			add_root(t, 0, i);
	double h = frame - t->st.foot - t->title_h - t->legend_h;
	for (int k = 0; k < t->npieces; k++)
		fit_one(t, k, width, h);
}

static double piece_height(const tree *t, const piece *p)
{
	return t->title_h + p->h + t->legend_h;
}

/* ---- drawing ---- */

static void draw_box(tree *t, dl_page *pg, int n, int page_no)
{
	tnode *nd = &t->nodes[n];
	double x = nd->ax - nd->w / 2, y = nd->ay, pad = sc(t, t->st.pad);
	int more = !opened(t, n);
	dl_fill(pg, x, y, nd->w, nd->h, nd->fill);
	dl_stroke(pg, x, y, nd->w, nd->h, more ? 1.5 : 0.75, nd->border);
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

/* n's subtree; page0 is the page the current piece is on. */
static void draw(tree *t, dl_page *pg, int n, int page0)
{
	tnode *nd = &t->nodes[n];
	if (!is_root(t, n))
		draw_links(t, pg, n);
	if (nd->stem > 0)
		dl_line(pg, nd->ax, nd->ay + nd->h, nd->ax, nd->ay + nd->stem,
			t->st.line_w, t->st.line);
	if (nd->bus_x1 > nd->bus_x0)
		dl_line(pg, nd->ax + nd->bus_x0, nd->ay + nd->bus_y, nd->ax + nd->bus_x1,
			nd->ay + nd->bus_y, t->st.line_w, t->st.line);
	draw_box(t, pg, n, page0 + nd->page - t->cur);
	if (opened(t, n))
		each_child(t, n, c) draw(t, pg, c, page0);
}

static void draw_legend(tree *t, dl_page *pg, double x0, double y)
{
	double line_h = legend_line(t), x = 0, total = 0;
	for (int i = 0; i < t->nleg; i++)
		total += entry_w(t, i) + (i + 1 < t->nleg ? ENTRY_GAP : 0);
	double left = total < t->width ? (t->width - total) / 2 : 0;
	for (int i = 0; i < t->nleg; i++) {
		double w = entry_w(t, i) + ENTRY_GAP;
		if (x > 0 && x + w > t->width) {
			y += line_h;
			x = left = 0;
		}
		double sx = x0 + left + x, sy = y + (line_h - SWATCH) / 2;
		dl_fill(pg, sx, sy, SWATCH, SWATCH, t->leg[i].fill);
		dl_stroke(pg, sx, sy, SWATCH, SWATCH, 0.5, t->leg[i].border);
		eng_draw(pg, t->leg[i].l, sx + SWATCH + SWATCH_GAP,
			 y + (line_h - eng_height(t->leg[i].l)) / 2, t->st.legend.color);
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
	int k = t->next;
	piece *p = &t->pieces[k];
	double h = piece_height(t, p);
	if (!flow_fresh(f) && h > flow_room(f) + EPS)
		return 0;
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), y = flow_y(f);
	eng_draw(pg, t->tl, x0, y, t->st.title.color);
	/* The piece's layout again, at its scale, placed on the page. */
	double w = p->w;
	lay_piece(t, k, p->scale, p->rows, t->width);
	double left = x0 + (t->width - w) / 2;
	for (int i = 0; i < p->nroots; i++) {
		int r = p->roots[i];
		place_nodes(t, r, left + t->nodes[r].dx, y + t->title_h + t->nodes[r].dy);
		draw(t, pg, r, flow_page_number(f));
	}
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
	clear_pieces(t);
	g_free(t->title);
	g_free(t->more);
	free(t);
}

/* The title and every box, each under its parent: "Title: A (B, C)". */
static void node_text(tree *t, int i, GString *s, int depth)
{
	g_string_append(s, t->nodes[i].text ? t->nodes[i].text : "");
	int first = 1;
	for (int k = 0; depth < 64 && k < t->n; k++)
		if (t->nodes[k].parent == i) {
			g_string_append(s, first ? " (" : ", ");
			node_text(t, k, s, depth + 1);
			first = 0;
		}
	if (!first)
		g_string_append_c(s, ')');
}

static char *figure(block *b)
{
	tree *t = (tree *)b;
	GString *s = g_string_new(t->title ? t->title : "");
	int first = 1;
	for (int i = 0; i < t->n; i++)
		if (t->nodes[i].parent < 0) {
			g_string_append(s, first ? (s->len ? ": " : "") : "; ");
			node_text(t, i, s, 0);
			first = 0;
		}
	g_string_append_c(s, '.');
	return g_string_free(s, FALSE);
}

static const block_kind TREE = { "tree", measure, first, place, drop, figure };

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
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->nodes = realloc(t->nodes, (size_t)t->cap * sizeof *t->nodes);
		if (!t->nodes)
			pg_oom();
	}
	if (parent >= t->n)
		parent = -1;
	int i = t->n++;
	tnode *nd = &t->nodes[i];
	memset(nd, 0, sizeof *nd);
	nd->text = g_strdup(text ? text : "");
	nd->aside = aside && parent >= 0;
	nd->fill = fill;
	nd->border = border;
	nd->color = color;
	nd->first = nd->last = nd->next = -1;
	nd->parent = parent < 0 ? -1 : parent;
	nd->depth = parent < 0 ? 0 : t->nodes[parent].depth + 1;
	if (parent >= 0) {
		tnode *p = &t->nodes[parent];
		if (p->last < 0)
			p->first = i;
		else
			t->nodes[p->last].next = i;
		p->last = i;
	}
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
	return &t->b;
}
