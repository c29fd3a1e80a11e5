/*
 * block-table.c — tables that split across pages.
 *
 * Rows are placed in order.  A cell is "open" from the row it starts in
 * to the row it ends in (rows > 1: a merged cell); on each page it owns a
 * segment, from where it (or the page's body) starts to where the page
 * or its last row ends, and draws in it as many of its remaining lines
 * as fit.  A row ends when every cell ending in it has drawn its last
 * line: its height on the page is what they still need.  When that does
 * not fit, the row is split at the foot of the page (every open cell
 * draws what fits) and goes on, with the rest of every open cell, after
 * the header rows of the next page.  So merged cells continue with their
 * text, rows taller than a page are cut between lines, and no line is
 * lost: a cell is closed only when it has drawn all of them.  A row
 * that would take nothing from an empty page (its cells all drawn, its
 * minimum height still taller) is left unplaced: the flow reports it.
 *
 * Header rows (the first rows, TABLE_HEADER) are drawn again at the top
 * of every page, unless they leave no room for the body: headers taller
 * than the page are set once, as body rows, and a page too short for
 * them and a line of the body goes without them.  A group row (one cell
 * across) is never left alone at the foot of a page.  A column may have
 * a heavier rule at its left (quarter separators): each cell starting at
 * that column draws it, so it runs through header and body rows but not
 * across merged cells.  A table may ask that rows up to a height move to
 * the next page whole instead of splitting (table_keep_rows), and that it
 * move whole if it is that short itself (table_keep_whole).
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

typedef struct tcell {
	int row, col, rows, cols;
	const pg_span *spans;
	char *plain;
	eng_style st;
	uint32_t fill;
	PangoLayout *l;
	eng_lines ls;
	double x, w;	/* from the table's left edge */
	int next;	/* first line not drawn yet */
	double seg_top; /* top of its segment on the current page */
	int repeated;	/* its lines are now the repetition (table_repeat) */
	dl_page *tx;	/* its texts on the current page, to be tagged */
	int tagged;	/* its element has begun (TH, TD) */
} tcell;

typedef struct trow {
	int kind;
	double min_h;
	int first, n; /* its cells: cells[first .. first+n) */
	int tagged;   /* its element has begun (TR) */
} trow;

struct table {
	block b;
	eng *e;
	int ncols;
	double *colx, *colw, width;
	double *rule; /* per column: the weight of the rule at its left, or 0 */
	double pad, border;
	uint32_t bcolor;
	trow *rows;
	int nrows, caprows;
	tcell *cells;
	int ncells, capcells;
	int nheader;
	/* The header rows' heights (header_rows), worked out once: for
	 * hrows_of header rows (-1: not yet). */
	double hrh[16], hsum;
	int hrows_of;
	int maxspan; /* the most rows a cell spans */
	double keep_h; /* rows this short move whole rather than split */
	double whole_h; /* a table this short is not split at all */
	/* Merged cells going on to a new page with all their lines drawn
	 * repeat their text followed by this mark (table_repeat); NULL:
	 * they go on blank. */
	char *mark;
	pg_span *rep_spans; /* the repetitions' span lists, chained by rep_next */
	/* The line above the header rows on the pages the table goes on to
	 * (table_title), and the space after it. */
	const pg_span *title_spans;
	char *title_plain;
	eng_style title_st;
	PangoLayout *title;
	double title_after;
	int laid;
	int ticket;  /* the cells' batch (eng_start) */
	int cur;     /* the first row not yet ended */
	int started; /* its cells are open */
	/* A page's cell texts and borders wait here while the fills are
	 * drawn, then follow them: each kind in one stretch, which cairo
	 * draws as one path (borders on top, never half covered). */
	dl_page *texts, *borders;
	/* The structure (display.h): the cells drawn on the current page,
	 * in the order drawn; whether the table and its headers have begun
	 * (headers repeated later, and repeated merged cells, are
	 * artifacts). */
	tcell **segs;
	int nsegs, capsegs;
	int tagged, head_tagged;
};

static const double EPS = 0.01;

static double remaining(const table *t, const tcell *c)
{
	int n = c->ls.n;
	double text = c->next < n ? c->ls.bottom[n - 1] - c->ls.top[c->next] : 0;
	return text + 2 * t->pad;
}

/* Sets cell i's text (eng_each: on any thread, with its engine). */
static void set_cell(eng *e, int i, void *ud)
{
	table *t = ud;
	tcell *c = &t->cells[i];
	double w = c->w - 2 * t->pad;
	if (w < 1)
		w = 1;
	if (!c->spans && !*c->plain)
		return; /* empty (month cells): no layout, no lines */
	c->l = c->spans ? eng_text(e, c->spans, &c->st, w, NULL)
			: eng_plain(e, c->plain, &c->st, w);
	/* A single word that fits the whole cell is not broken: it
	 * may use the padding (month labels in narrow columns). */
	if (pango_layout_get_line_count(c->l) > 1 && c->plain &&
	    !strchr(c->plain, ' ')) {
		PangoLayout *one = eng_plain(e, c->plain, &c->st, 0);
		if (eng_width(one) <= c->w - 1) {
			g_object_unref(c->l);
			c->l = eng_word(e, c->plain, &c->st, w);
		}
		g_object_unref(one);
	}
	eng_lines_get(c->l, &c->ls);
}

/* The cells are set on the engine's threads, in order, while the rows
 * set already are placed (ready): a matrix of a thousand rows is most
 * of a plan's time. */
static void lay_out(table *t)
{
	if (t->laid)
		return;
	t->laid = 1;
	t->ticket = eng_start(t->e, t->ncells, set_cell, t);
	if (t->title_spans || t->title_plain)
		t->title = t->title_spans
				   ? eng_text(t->e, t->title_spans, &t->title_st, t->width, NULL)
				   : eng_plain(t->e, t->title_plain, &t->title_st, t->width);
}

/* Waits until the cells of the header rows, of the rows to r and of
 * those r's placing looks at (the group rows after it and the row
 * after them: group_tail) are set. */
static void ready(table *t, int r)
{
	int s = r + 1;
	while (s < t->nrows && t->rows[s].kind == TABLE_GROUP)
		s++;
	if (s >= t->nrows)
		s = t->nrows - 1;
	if (s < t->nheader - 1)
		s = t->nheader - 1;
	if (s >= 0)
		eng_wait(t->e, t->ticket, t->rows[s].first + t->rows[s].n);
}

/* How many of c's lines from the first not drawn fit in a segment
 * [top, bottom). */
static int fit_lines(const table *t, const tcell *c, double top, double bottom)
{
	int k = c->next, n = c->ls.n;
	if (k >= n)
		return 0;
	double off = c->ls.top[k], y = top + t->pad;
	for (; k < n; k++)
		if (c->ls.bottom[k] - off > bottom - t->pad - y + EPS)
			break;
	return k - c->next;
}

/* Whether line k of c ends inside a word (at a soft hyphen: the
 * hyphenation's break). */
static int hyphenated(const tcell *c, int k)
{
	PangoLayoutLine *l = c->ls.line[k];
	const char *text = pango_layout_get_text(c->l);
	int end = l->start_index + l->length;
	return end >= 2 && (unsigned char)text[end - 2] == 0xc2 &&
	       (unsigned char)text[end - 1] == 0xad;
}

/* Of the m lines that fit, those a page may take: all that are left, or
 * at least two leaving at least two (no widow, no orphan), the last not
 * ending in a hyphen (no word cut by the page), or none. */
static int kept_lines(const tcell *c, int m)
{
	int left = c->ls.n - c->next;
	if (m >= left)
		return left;
	if (left - m < 2)
		m = left - 2;
	while (m >= 2 && hyphenated(c, c->next + m - 1))
		m--;
	return m < 2 ? 0 : m;
}

/* Draws cell c's segment [c->seg_top, bottom): fill, border, and lines:
 * all from the first if `again` (header rows); else `take` lines from
 * the first not drawn, or (take < 0) those that fit as kept_lines
 * allows. */
/* Where cell c's texts go on this page: its own list, to be tagged as
 * one element with the others of its row (tag_cells). */
static dl_page *cell_texts(table *t, tcell *c)
{
	if (c->tx)
		return c->tx;
	c->tx = dl_page_new(0, 0, 0);
	if (t->nsegs == t->capsegs) {
		t->capsegs = t->capsegs ? t->capsegs * 2 : 32;
		t->segs = realloc(t->segs, (size_t)t->capsegs * sizeof *t->segs);
		if (!t->segs)
			pg_oom();
	}
	t->segs[t->nsegs++] = c;
	return c->tx;
}

static int by_place(const void *a, const void *b)
{
	const tcell *x = *(tcell *const *)a, *y = *(tcell *const *)b;
	return x->row != y->row ? x->row - y->row : x->col - y->col;
}

/* The cells drawn on this page into pg as the structure reads them,
 * whatever the order they were drawn in: Table, then a TR per row, a
 * TH (header rows) or TD per cell in the row it starts in, each
 * continuing what an earlier page began. */
static void tag_cells(table *t, dl_page *pg)
{
	if (!t->nsegs)
		return;
	qsort(t->segs, (size_t)t->nsegs, sizeof *t->segs, by_place);
	dl_tag(pg, "Table", t, t->tagged, NULL);
	t->tagged = 1;
	for (int i = 0; i < t->nsegs; i++) {
		tcell *c = t->segs[i];
		trow *row = &t->rows[c->row];
		if (i == 0 || t->segs[i - 1]->row != c->row) {
			dl_tag(pg, "TR", row, row->tagged, NULL);
			row->tagged = 1;
		}
		dl_tag_cell(pg, c->row < t->nheader ? "TH" : "TD", c, c->tagged,
			    c->rows, c->cols);
		c->tagged = 1;
		dl_page_append(pg, c->tx);
		dl_page_free(c->tx);
		c->tx = NULL;
		dl_tag_end(pg);
		if (i + 1 == t->nsegs || t->segs[i + 1]->row != c->row)
			dl_tag_end(pg);
	}
	dl_tag_end(pg);
	t->nsegs = 0;
	if (t->nheader)
		t->head_tagged = 1;
}

static void segment(table *t, tcell *c, dl_page *pg, double x0, double bottom,
		    int again, int take)
{
	double top = c->seg_top, h = bottom - top;
	if (c->fill != 0xffffff)
		dl_fill(pg, x0 + c->x, top, c->w, h, c->fill);
	dl_page *tx = (again && t->head_tagged) || c->repeated ? t->texts : cell_texts(t, c);
	int k = again ? 0 : c->next, n = c->ls.n;
	if (k < n) {
		int end;
		if (again)
			end = n;
		else if (take < 0)
			end = k + kept_lines(c, fit_lines(t, c, top, bottom));
		else
			end = k + take < n ? k + take : n;
		double off = c->ls.top[k], y = top + t->pad;
		int from = k;
		for (; k < end; k++)
			dl_text(tx, c->ls.line[k], x0 + c->x + t->pad + c->ls.x[k],
				y + c->ls.baseline[k] - off, c->st.color);
		if (!again) {
			/* For the trace: a cell cut by the page, on each side
			 * (the invariants count the lines of each). */
			if (from > 0)
				dl_mark(t->borders, x0 + c->x, top, c->w, h, "continued");
			if (k > from && k < n)
				dl_mark(t->borders, x0 + c->x, top, c->w, h, "split");
			c->next = k;
		}
	}
	if (t->border > 0)
		dl_stroke(t->borders, x0 + c->x, top, c->w, h, t->border, t->bcolor);
	if (t->rule[c->col] > 0)
		dl_line(t->borders, x0 + c->x, top, x0 + c->x, bottom,
			t->rule[c->col], t->bcolor);
}

static int ends_at(const tcell *c, int r)
{
	return c->row + c->rows - 1 == r;
}

/* The cells open while row r is being placed: those starting at or
 * before r and ending at or after it. */
#define each_open(t, r, c)                                                     \
	for (tcell *c = (t)->cells + open_from(t, r);                          \
	     c < (t)->cells + (t)->rows[r].first + (t)->rows[r].n; c++)        \
		if (c->row + c->rows - 1 >= (r) &&                             \
		    c->row >= (t)->nheader)

/* The first cell that may still be open at row r: cells are stored in
 * row order and none spans more than maxspan rows. */
static int open_from(const table *t, int r)
{
	int lo = r - t->maxspan + 1;
	return t->rows[lo < 0 ? 0 : lo].first;
}

/* The cells of the header rows: cells[0 .. header_cells(t)), as cells
 * are stored in row order. */
static int header_cells(const table *t)
{
	if (!t->nheader)
		return 0;
	const trow *last = &t->rows[t->nheader - 1];
	return last->first + last->n;
}

/* The heights of the header rows (into rh), merged cells counted;
 * returns their sum.  Their cells' lines never change once laid out (a
 * repetition is for body cells only), so they are worked out once for
 * as many header rows (place may make them body rows). */
static double header_rows(table *t, double *rh)
{
	if (t->hrows_of == t->nheader) {
		memcpy(rh, t->hrh, (size_t)t->nheader * sizeof *rh);
		return t->hsum;
	}
	double h = 0;
	int ncells = header_cells(t);
	for (int r = 0; r < t->nheader; r++)
		rh[r] = t->rows[r].min_h;
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < ncells; i++) {
			tcell *c = &t->cells[i];
			if (c->row >= t->nheader || (c->rows > 1) != pass)
				continue;
			int last = c->row + c->rows - 1;
			if (last >= t->nheader)
				last = t->nheader - 1;
			double need = (c->ls.n ? c->ls.bottom[c->ls.n - 1] - c->ls.top[0] : 0) +
				      2 * t->pad, have = 0;
			for (int r = c->row; r <= last; r++)
				have += rh[r];
			if (need > have)
				rh[last] += need - have;
		}
	}
	for (int r = 0; r < t->nheader; r++)
		h += rh[r];
	memcpy(t->hrh, rh, (size_t)t->nheader * sizeof *rh);
	t->hsum = h;
	t->hrows_of = t->nheader;
	return h;
}

static double header_height(table *t)
{
	double rh[16];
	return t->nheader <= 16 ? header_rows(t, rh) : 0;
}

static double row_min(table *t, int r);

/* What must follow a group row on its page: the group rows after it and
 * the first lines of the first row that is not one. */
static double group_tail(table *t, int r)
{
	double h = 0;
	for (; r < t->nrows; r++) {
		h += row_min(t, r);
		if (t->rows[r].kind != TABLE_GROUP)
			break;
	}
	return h;
}

/* The height the first piece of row r needs at the least: two lines of
 * each cell, or all of them when it has three or fewer (no widow, no
 * orphan); all of the row when it is short enough to move whole. */
static double row_min(table *t, int r)
{
	double need = t->rows[r].min_h, whole = need;
	each_open(t, r, c) {
		double full = remaining(t, c);
		int left = c->ls.n - c->next;
		double some = left > 3 ? c->ls.bottom[c->next + 1] - c->ls.top[c->next] + 2 * t->pad
				       : full;
		double h = full < some ? full : some;
		if (ends_at(c, r) || h < full)
			need = h > need ? h : need;
		if (ends_at(c, r) && full > whole)
			whole = full;
	}
	return whole <= t->keep_h + EPS ? whole : need;
}

/* Whether row r, at the top of a page with `room` below the headers,
 * would take nothing from it: it cannot end there (its minimum height,
 * or its cells' padding, is taller) and no open cell has a line left to
 * draw.  Every page would be the same: the row cannot be placed. */
static int stuck(table *t, int r, double room)
{
	double need = t->rows[r].min_h;
	each_open(t, r, c) {
		if (c->next < c->ls.n)
			return 0;
		if (ends_at(c, r) && remaining(t, c) > need)
			need = remaining(t, c);
	}
	return need > room + EPS;
}

static double measure(block *b, flow *f)
{
	table *t = (table *)b;
	(void)f;
	lay_out(t);
	eng_wait(t->e, t->ticket, t->ncells);
	double h = header_height(t);
	for (int r = t->nheader; r < t->nrows; r++) {
		double rh = t->rows[r].min_h;
		trow *row = &t->rows[r];
		for (int i = row->first; i < row->first + row->n; i++) {
			double need = remaining(t, &t->cells[i]);
			if (t->cells[i].rows == 1 && need > rh)
				rh = need;
		}
		h += rh;
	}
	return h;
}

static double first(block *b, flow *f)
{
	table *t = (table *)b;
	lay_out(t);
	ready(t, t->cur > t->nheader ? t->cur : t->nheader);
	/* A short table not begun starts where it fits whole. */
	if (t->whole_h > 0 && t->cur <= t->nheader && !t->started) {
		double all = measure(b, f);
		if (all <= t->whole_h && all <= flow_frame_height(f))
			return all;
	}
	double h = header_height(t);
	int r = t->cur > t->nheader ? t->cur : t->nheader;
	if (r < t->nrows) {
		h += row_min(t, r);
		if (t->rows[r].kind == TABLE_GROUP)
			h += group_tail(t, r + 1);
	}
	return h;
}

static double draw_headers(table *t, dl_page *pg, double x0, double y)
{
	double rh[16], top[17];
	if (t->nheader > 16)
		return y;
	header_rows(t, rh);
	top[0] = y;
	for (int r = 0; r < t->nheader; r++)
		top[r + 1] = top[r] + rh[r];
	for (int i = 0, n = header_cells(t); i < n; i++) {
		tcell *c = &t->cells[i];
		if (c->row >= t->nheader)
			continue;
		int end = c->row + c->rows;
		if (end > t->nheader)
			end = t->nheader;
		c->seg_top = top[c->row];
		segment(t, c, pg, x0, top[end], 1, 1);
	}
	return top[t->nheader];
}

/* Merged cells going on to this page with every line drawn on the pages
 * before: their text again, followed by the mark (table_repeat), so
 * that the rows under them keep their context. */
static void repeat_cells(table *t)
{
	if (!t->mark)
		return;
	each_open(t, t->cur, c) {
		if (c->rows < 2 || !c->ls.n || c->next < c->ls.n)
			continue;
		if (c->row == t->cur && !t->started)
			continue; /* it starts here */
		c->next = 0;
		if (c->repeated)
			continue; /* its layout already is the repetition */
		/* A copy of its spans (or of its plain text), then the mark. */
		int n = 1;
		for (const pg_span *sp = c->spans; sp; sp = sp->next)
			n++;
		if (!c->spans)
			n++;
		pg_span *cp = calloc((size_t)n + 1, sizeof *cp);
		if (!cp)
			pg_oom();
		/* cp[0] chains the copies the table owns (freed in drop). */
		cp[0].next = t->rep_spans;
		t->rep_spans = cp;
		int k = 1;
		if (c->spans) {
			for (const pg_span *sp = c->spans; sp; sp = sp->next)
				cp[k++] = *sp;
		} else {
			cp[k++] = (pg_span){ .kind = PG_SPAN_TEXT, .text = c->plain };
		}
		cp[k++] = (pg_span){ .kind = PG_SPAN_TEXT, .style = PG_ITALIC, .text = t->mark };
		for (int i = 1; i < k - 1; i++)
			cp[i].next = &cp[i + 1];
		cp[k - 1].next = NULL;
		double w = c->w - 2 * t->pad;
		g_object_unref(c->l);
		eng_lines_free(&c->ls);
		c->l = eng_text(t->e, &cp[1], &c->st, w < 1 ? 1 : w, NULL);
		eng_lines_get(c->l, &c->ls);
		c->repeated = 1;
	}
}

enum { ROW_MOVES, ROW_ENDS, ROW_SPLITS };

/* What row r does with [y, bottom) of this page: ends there, splits
 * there (then *need is its height had it ended) or moves to the next
 * page.  page_start: nothing of the body is on this page yet, and the
 * page is fresh (then it never moves). */
static int decide(table *t, int r, double y, double bottom, int page_start,
		  double *need_out)
{
	double need = t->rows[r].min_h;
	each_open(t, r, c) if (ends_at(c, r)) {
		double h = remaining(t, c) + (c->seg_top - y);
		if (h > need)
			need = h;
	}
	*need_out = need;
	/* A group row keeps its next row's first lines with it. */
	double keep = need;
	if (t->rows[r].kind == TABLE_GROUP && !page_start)
		keep += group_tail(t, r + 1);
	if (y + keep <= bottom + EPS)
		return ROW_ENDS;
	if (page_start)
		return ROW_SPLITS;
	/* A group row, or a short row, moves whole: no line of it alone. */
	if (t->rows[r].kind == TABLE_GROUP || need <= t->keep_h + EPS)
		return ROW_MOVES;
	if (y + row_min(t, r) > bottom + EPS)
		return ROW_MOVES;
	/* Each of its own cells with lines left takes two or more of them
	 * here and leaves none or two or more (kept_lines); cells merged
	 * from the rows above may take none. */
	int progress = 0;
	each_open(t, r, c) {
		int k = kept_lines(c, fit_lines(t, c, c->seg_top, bottom));
		if (k > 0)
			progress = 1;
		else if (c->row == r && c->rows == 1 && c->next < c->ls.n)
			return ROW_MOVES;
	}
	return progress ? ROW_SPLITS : ROW_MOVES;
}

/* A body cell whose row has ended has drawn all its lines, never to
 * draw them again: its layout goes (most of a long table's memory), its
 * lines' places stay (remaining() reads them). */
static void closed(tcell *c)
{
	if (c->next < c->ls.n || !c->l)
		return;
	g_object_unref(c->l);
	c->l = NULL;
	g_free(c->ls.line);
	c->ls.line = NULL;
}

static int place(block *b, flow *f)
{
	table *t = (table *)b;
	lay_out(t);
	if (t->cur < t->nheader)
		t->cur = t->nheader;
	if (t->cur >= t->nrows)
		return 1;
	ready(t, t->cur);
	int page_top = flow_fresh(f);
	int going_on = t->cur > t->nheader || t->started;
	if (going_on)
		repeat_cells(t);
	double title_h = going_on && t->title ? eng_height(t->title) + t->title_after : 0;
	/* Headers that leave a fresh page no room for the body would be
	 * repeated for ever: at the start, they become body rows; later,
	 * such a page goes without them (and without the title). */
	int headers = 1;
	if (page_top && t->nheader &&
	    title_h + header_height(t) + row_min(t, t->cur) > flow_room(f) + EPS) {
		if (t->cur == t->nheader && !t->started)
			t->cur = t->nheader = 0;
		else
			headers = 0;
	}
	if (!headers)
		title_h = 0;
	double head_h = title_h + (headers ? header_height(t) : 0);
	/* Nothing placed: the flow reports a table it cannot place. */
	if (page_top && stuck(t, t->cur, flow_room(f) - head_h))
		return 0;
	/* Does the first piece fit here at all? */
	if (!page_top && first(b, f) > flow_room(f) + EPS)
		return 0;
	dl_page *pg = flow_page(f);
	double x0 = flow_x(f), y = flow_y(f);
	double bottom = y + flow_room(f);
	double start = y;
	each_open(t, t->cur, c) c->seg_top = y + head_h;
	double need;
	if (!page_top && decide(t, t->cur, y + head_h, bottom, 0, &need) == ROW_MOVES)
		return 0; /* no header alone at the foot */
	if (title_h > 0) {
		eng_draw(pg, t->title, x0, y, t->title_st.color);
		y += title_h;
	}
	if (headers)
		y = draw_headers(t, pg, x0, y);
	int body_placed = 0;
	each_open(t, t->cur, c) c->seg_top = y;
	for (int r = t->cur; r < t->nrows; r++) {
		if (!t->started) {
			each_open(t, r, c) if (c->row == r) c->seg_top = y;
			t->started = 1;
		}
		int page_start = page_top && !body_placed;
		ready(t, r);
		int what = decide(t, r, y, bottom, page_start, &need);
		if (what == ROW_ENDS) {
			double end = y + need;
			each_open(t, r, c) if (ends_at(c, r)) {
				segment(t, c, pg, x0, end, 0, -1);
				closed(c);
			}
			y = end;
			t->cur = r + 1;
			t->started = 0;
			body_placed = 1;
			continue;
		}
		if (what == ROW_MOVES) {
			/* Cells opened in the rows above draw what they may here;
			 * cells opened in this row start on the next page. */
			each_open(t, r, c) if (c->row < r) segment(t, c, pg, x0, y, 0, -1);
			t->started = 0;
			break;
		}
		/* Split at the foot: every open cell draws what it may.  At the
		 * top of a page, with nothing else on it, something must be
		 * drawn: what fits if the rule leaves nothing, a line if not
		 * even one fits (a line taller than the page). */
		int mode = 0;
		if (page_start) {
			int kept = 0, fits = 0;
			each_open(t, r, c) {
				int m = fit_lines(t, c, c->seg_top, bottom);
				kept |= kept_lines(c, m) > 0;
				fits |= m > 0;
			}
			mode = kept ? 0 : fits ? 1 : 2;
		}
		each_open(t, r, c) {
			int m = fit_lines(t, c, c->seg_top, bottom);
			int take = mode == 0 ? kept_lines(c, m) : m;
			if (mode == 2 && !take && c->next < c->ls.n) {
				take = 1;
				mode = 1;
			}
			segment(t, c, pg, x0, bottom, 0, take);
		}
		y = bottom;
		body_placed = 1;
		break;
	}
	dl_page_append(pg, t->texts);
	tag_cells(t, pg);
	dl_page_append(pg, t->borders);
	flow_advance(f, y - start);
	if (t->cur >= t->nrows)
		return 1;
	return 0;
}

static void drop(block *b)
{
	table *t = (table *)b;
	if (t->laid)
		eng_wait(t->e, t->ticket, t->ncells);
	for (int i = 0; i < t->ncells; i++) {
		if (t->cells[i].l)
			g_object_unref(t->cells[i].l);
		eng_lines_free(&t->cells[i].ls);
		g_free(t->cells[i].plain);
	}
	while (t->rep_spans) {
		pg_span *next = t->rep_spans->next;
		free(t->rep_spans);
		t->rep_spans = next;
	}
	if (t->title)
		g_object_unref(t->title);
	g_free(t->title_plain);
	g_free(t->mark);
	for (int i = 0; i < t->ncells; i++)
		dl_page_free(t->cells[i].tx);
	free(t->segs);
	free(t->cells);
	free(t->rows);
	free(t->colx);
	dl_page_free(t->texts);
	dl_page_free(t->borders);
	free(t);
}

static const block_kind TABLE = { "table", measure, first, place, drop, NULL };

table *table_new(eng *e, int ncols, const double *widths, double pad,
		 double border, uint32_t border_color)
{
	table *t = calloc(1, sizeof *t);
	if (!t)
		pg_oom();
	t->b.kind = &TABLE;
	t->e = e;
	t->texts = dl_page_new(0, 0, 0);
	t->borders = dl_page_new(0, 0, 0);
	t->ncols = ncols;
	t->colx = calloc((size_t)ncols * 3 + 1, sizeof *t->colx);
	if (!t->colx)
		pg_oom();
	t->colw = t->colx + ncols + 1;
	t->rule = t->colw + ncols;
	for (int i = 0; i < ncols; i++) {
		t->colw[i] = widths[i];
		t->colx[i + 1] = t->colx[i] + widths[i];
	}
	t->width = t->colx[ncols];
	t->pad = pad;
	t->border = border;
	t->bcolor = border_color;
	t->hrows_of = -1;
	return t;
}

void table_repeat(table *t, const char *mark)
{
	g_free(t->mark);
	t->mark = mark ? g_strconcat(" ", mark, NULL) : NULL;
}

void table_title(table *t, const pg_span *text, const char *plain,
		 const eng_style *st, double after)
{
	t->title_spans = text;
	g_free(t->title_plain);
	t->title_plain = text ? NULL : g_strdup(plain ? plain : "");
	t->title_st = *st;
	t->title_after = after;
}

void table_keep_rows(table *t, double h)
{
	t->keep_h = h;
}

int table_rows(const table *t)
{
	return t->nrows;
}

void table_keep_whole(table *t, double h)
{
	t->whole_h = h;
}

void table_col_rule(table *t, int col, double lw)
{
	if (col > 0 && col < t->ncols)
		t->rule[col] = lw;
}

void table_row(table *t, int kind, double min_height)
{
	if (t->nrows == t->caprows) {
		t->caprows = t->caprows ? t->caprows * 2 : 16;
		t->rows = realloc(t->rows, (size_t)t->caprows * sizeof *t->rows);
		if (!t->rows)
			pg_oom();
	}
	trow *r = &t->rows[t->nrows++];
	r->kind = kind;
	r->min_h = min_height;
	r->first = t->ncells;
	r->tagged = 0;
	r->n = 0;
	if (kind == TABLE_HEADER && t->nheader == t->nrows - 1 && t->nheader < 16)
		t->nheader = t->nrows;
}

void table_cell(table *t, int col, int rows, int cols, const pg_span *text,
		const char *plain, const eng_style *st, uint32_t fill)
{
	if (!t->nrows || col < 0 || col >= t->ncols)
		return;
	if (cols < 1)
		cols = 1;
	if (col + cols > t->ncols)
		cols = t->ncols - col;
	if (rows < 1)
		rows = 1;
	if (t->ncells == t->capcells) {
		t->capcells = t->capcells ? t->capcells * 2 : 64;
		t->cells = realloc(t->cells, (size_t)t->capcells * sizeof *t->cells);
		if (!t->cells)
			pg_oom();
	}
	tcell *c = &t->cells[t->ncells++];
	memset(c, 0, sizeof *c);
	c->row = t->nrows - 1;
	c->col = col;
	c->rows = rows;
	c->cols = cols;
	c->spans = text;
	c->plain = text ? NULL : g_strdup(plain ? plain : "");
	c->st = *st;
	c->fill = fill;
	c->x = t->colx[col];
	c->w = t->colx[col + cols] - t->colx[col];
	t->rows[t->nrows - 1].n++;
}

block *table_block(table *t)
{
	/* Spans may not reach past the last row. */
	t->maxspan = 1;
	for (int i = 0; i < t->ncells; i++) {
		if (t->cells[i].row + t->cells[i].rows > t->nrows)
			t->cells[i].rows = t->nrows - t->cells[i].row;
		if (t->cells[i].rows > t->maxspan)
			t->maxspan = t->cells[i].rows;
	}
	return &t->b;
}
