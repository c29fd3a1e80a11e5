/*
 * block-paragraph.c — a paragraph: lines of one PangoLayout, placed as
 * many as fit on a page, never leaving a single line alone at the foot
 * or the head of a page (widows and orphans).  The same block sets list
 * items (a label hanging in the indent), headings (a destination and an
 * outline entry at the first line, kept with what follows) and contents
 * entries (a dotted leader to the page number, the whole line a link).
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

typedef struct para {
	block b;
	eng *e;
	const pg_span *spans;
	char *plain;
	eng_style st, note_st;
	para_opts o;
	char *label, *dest, *outline, *leader_to, *link;
	int *note_counter;
	int first_note;
	double width; /* laid out at */
	PangoLayout *l, *lab, *lead;
	eng_lines ls;
	PangoLayout **notes; /* one per footnote mark, in order */
	int *note_line;	     /* the line of each mark */
	int nnotes;
	int next; /* first line not yet placed */
} para;

static void collect_notes(para *p)
{
	int count = 0;
	for (const pg_span *s = p->spans; s; s = s->next)
		count += s->kind == PG_SPAN_NOTE;
	if (!count)
		return;
	p->notes = calloc((size_t)count, sizeof *p->notes);
	p->note_line = calloc((size_t)count, sizeof *p->note_line);
	if (!p->notes || !p->note_line)
		pg_oom();
	/* The marks are the superscript runs: find them by their rise. */
	PangoAttrList *al = pango_layout_get_attributes(p->l);
	PangoAttrIterator *it = pango_attr_list_get_iterator(al);
	int k = 0;
	do {
		PangoAttribute *rise = pango_attr_iterator_get(it, PANGO_ATTR_RISE);
		if (rise && k < count) {
			int index = (int)rise->start_index, line = 0, x;
			pango_layout_index_to_line_x(p->l, index, 0, &line, &x);
			p->note_line[k++] = line;
		}
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	k = 0;
	for (const pg_span *s = p->spans; s && k < count; s = s->next) {
		if (s->kind != PG_SPAN_NOTE)
			continue;
		/* "n text", set in the note style across the frame, its
		 * number a superscript as the mark in the text is. */
		pg_span gap = { .kind = PG_SPAN_TEXT, .text = " ", .next = s->note };
		pg_span num = { .kind = PG_SPAN_NOTE, .next = &gap };
		int n = p->first_note + k;
		p->notes[k] = eng_text(p->e, &num, &p->note_st, p->width, &n);
		k++;
	}
	p->nnotes = k;
}

static double measure(block *b, flow *f)
{
	para *p = (para *)b;
	double width = flow_width(f) - p->o.indent;
	if (p->l && width == p->width)
		return eng_height(p->l);
	if (p->l) {
		g_object_unref(p->l);
		eng_lines_free(&p->ls);
	}
	p->width = width;
	double text_w = width;
	if (p->leader_to) {
		p->lead = eng_plain(p->e, p->leader_to, &p->st, 0);
		text_w -= eng_width(p->lead) + 24;
	}
	if (p->spans) {
		if (p->note_counter && p->first_note)
			*p->note_counter = p->first_note; /* laid out again */
		p->first_note = p->note_counter ? *p->note_counter : 1;
		p->l = eng_text(p->e, p->spans, &p->st, text_w, p->note_counter);
	} else {
		p->l = eng_plain(p->e, p->plain, &p->st, text_w);
	}
	if (p->label && !p->lab)
		p->lab = eng_plain(p->e, p->label, &p->st, 0);
	eng_lines_get(p->l, &p->ls);
	if (p->spans && !p->notes)
		collect_notes(p);
	return eng_height(p->l);
}

static double first(block *b, flow *f)
{
	para *p = (para *)b;
	measure(b, f);
	if (p->ls.n == 0)
		return 0;
	/* What place() would put on this page at the least: two lines,
	 * or all of them when the next page would get one (a widow), as
	 * with three lines; a heading kept with this paragraph asks that. */
	int k = p->o.keep_lines || p->ls.n <= 3 ? p->ls.n - 1 : 1;
	return p->ls.bottom[k];
}

/* The height the notes of lines [from, to) need on their page: all of
 * each, or its first NOTE_LINES lines when it is longer (the rest goes
 * on at the foot of the next page, flow.c). */
enum { NOTE_LINES = 2 };

static double notes_height(para *p, int from, int to)
{
	double h = 0;
	for (int i = 0; i < p->nnotes; i++)
		if (p->note_line[i] >= from && p->note_line[i] < to) {
			PangoLayout *l = p->notes[i];
			if (pango_layout_get_line_count(l) <= NOTE_LINES) {
				h += eng_height(l);
				continue;
			}
			eng_lines ls;
			eng_lines_get(l, &ls);
			h += ls.bottom[NOTE_LINES - 1] - ls.top[0];
			eng_lines_free(&ls);
		}
	return h;
}

static int place(block *b, flow *f)
{
	para *p = (para *)b;
	measure(b, f);
	int n = p->ls.n, from = p->next;
	if (from >= n) {
		return 1;
	}
	double room = flow_room(f), top = p->ls.top[from];
	int to = from;
	while (to < n && p->ls.bottom[to] - top +
				 notes_height(p, from, to + 1) +
				 (notes_height(p, 0, n) > 0 ? 6 : 0) <=
			 room + 0.01)
		to++;
	if (to < n) {
		if (p->o.keep_lines && !flow_fresh(f))
			to = from;
		/* No widow: leave at least two lines for the next page. */
		if (n - to == 1 && to - from >= 2)
			to--;
		/* No orphan: at least two lines here, unless it is the start
		 * of a page (then anything goes). */
		if (to - from < 2 && from == 0 && n > 1 && !flow_fresh(f))
			to = from;
		if (to == from && flow_fresh(f))
			to = from + 1; /* a line taller than a page */
		if (to == from)
			return 0;
	}
	dl_page *pg = flow_page(f);
	double x = flow_x(f) + p->o.indent, y0 = flow_y(f) - top;
	/* Its structure: a heading (by its outline level), a list item (a
	 * label and a body), or a paragraph; a piece on a later page
	 * continues it. */
	const char *key = (const char *)p;
	if (p->lab) {
		dl_tag(pg, "LI", key, from > 0, NULL);
		if (from == 0) {
			/* The label ends a little before the text starts. */
			dl_tag(pg, "Lbl", key + 1, 0, NULL);
			PangoLayoutLine *ll = pango_layout_get_line_readonly(p->lab, 0);
			double lx = x - eng_width(p->lab) - p->st.size * 0.5;
			dl_text(pg, ll, lx, y0 + p->ls.baseline[0], p->st.color);
			dl_tag_end(pg);
		}
		dl_tag(pg, "LBody", key + 2, from > 0, NULL);
	} else {
		static const char *const heads[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
		int level = p->o.outline_level < 1 ? 1 : p->o.outline_level > 6 ? 6 : p->o.outline_level;
		dl_tag(pg, p->outline ? heads[level - 1] : "P", key, from > 0, NULL);
	}
	for (int i = from; i < to; i++) {
		dl_text(pg, p->ls.line[i], x + p->ls.x[i], y0 + p->ls.baseline[i], p->st.color);
		if (i == 0 && p->dest)
			dl_dest(pg, p->dest, flow_x(f), y0 + p->ls.top[0]);
		if (i == 0 && p->outline)
			dl_outline(pg, p->o.outline_level, p->outline, p->dest);
	}
	for (int i = 0; i < p->nnotes; i++)
		if (p->note_line[i] >= from && p->note_line[i] < to)
			flow_add_note(f, p->notes[i]);
	PangoLayout *dot = NULL;
	double dot_from = 0, dot_to = 0, base = 0;
	if (p->lead && to == n) {
		/* Dots from the end of the last line to the page number. */
		int last = n - 1;
		double lx, lw;
		dl_line_extents(p->ls.line[last], &lx, &lw);
		double right = flow_x(f) + flow_width(f);
		double nw = eng_width(p->lead);
		base = y0 + p->ls.baseline[last];
		PangoLayoutLine *nl = pango_layout_get_line_readonly(p->lead, 0);
		dl_text(pg, nl, right - nw, base, p->st.color);
		/* The dots on one grid for every entry, from one right end
		 * clear of a two-digit page number (a wider one pushes it):
		 * columns of dots under each other, ending at one x. */
		dot = eng_plain(p->e, ".", &p->st, 0);
		PangoLayout *widest = eng_plain(p->e, "00", &p->st, 0);
		dot_to = right - (eng_width(widest) > nw ? eng_width(widest) : nw) - 4;
		dot_from = x + lx + lw + 4;
		g_object_unref(widest);
	}
	if (p->link)
		dl_link(pg, flow_x(f), y0 + p->ls.top[from], flow_width(f),
			p->ls.bottom[to - 1] - p->ls.top[from], p->link);
	dl_tag_end(pg);
	if (p->lab)
		dl_tag_end(pg);
	if (dot) {
		/* The leader is an artifact: out of the structure. */
		double dw = eng_width(dot);
		PangoLayoutLine *dl = pango_layout_get_line_readonly(dot, 0);
		for (double dx = dot_to - dw; dx >= dot_from; dx -= dw * 2)
			dl_text(pg, dl, dx, base, p->st.color);
		g_object_unref(dot);
	}
	flow_advance(f, p->ls.bottom[to - 1] - top);
	p->next = to;
	return to == n;
}

static void drop(block *b)
{
	para *p = (para *)b;
	if (p->l)
		g_object_unref(p->l);
	if (p->lab)
		g_object_unref(p->lab);
	if (p->lead)
		g_object_unref(p->lead);
	for (int i = 0; i < p->nnotes; i++)
		g_object_unref(p->notes[i]);
	free(p->notes);
	free(p->note_line);
	eng_lines_free(&p->ls);
	g_free(p->plain);
	g_free(p->label);
	g_free(p->dest);
	g_free(p->outline);
	g_free(p->leader_to);
	g_free(p->link);
	free(p);
}

static const block_kind PARAGRAPH = { "paragraph", measure, first, place, drop, NULL };

static char *sdup(const char *s)
{
	return s ? g_strdup(s) : NULL;
}

block *para_new(eng *e, const pg_span *text, const char *plain,
		const eng_style *st, const para_opts *o, int *note_number,
		const eng_style *note_style)
{
	para *p = calloc(1, sizeof *p);
	if (!p)
		pg_oom();
	p->b.kind = &PARAGRAPH;
	p->e = e;
	p->spans = text;
	p->plain = sdup(plain ? plain : "");
	p->st = *st;
	p->note_st = note_style ? *note_style : *st;
	if (o)
		p->o = *o;
	p->label = sdup(p->o.label);
	p->dest = sdup(p->o.dest);
	p->outline = sdup(p->o.outline);
	p->leader_to = sdup(p->o.leader_to);
	p->link = sdup(p->o.link);
	p->note_counter = note_number;
	p->width = -1;
	return &p->b;
}
