/*
 * flow.c — blocks poured into pages.
 *
 * The flow holds one page at a time: its display list, the next y, and
 * the footnotes it has collected (their height comes off the room).  A
 * page is finished (the caller's finish hook draws header and footer),
 * handed to emit and freed before the next one starts, so memory does
 * not grow with the page count.  Blocks marked keep_with_next are held
 * until the next block arrives: if the two cannot start together on
 * this page, both go to the next.
 *
 * Failures are sticky, as cairo's are: the first (an emit that failed, a
 * block no page can take) is kept in `failed`, and from then on no more
 * layout work is done: flow_add frees its block unplaced, pages are
 * neither finished nor emitted.  The queries still answer, on a scratch
 * page that is never emitted, so that callers need no checks of their
 * own.  A block cannot be placed when, on a page with nothing on it yet,
 * it places nothing and asks for another page: every later page would be
 * the same.  That is reported at the place flow_at last named.
 *
 * Footnotes are set at the foot of the page that has their mark, below
 * the body; a note longer than the room there goes on at the foot of the
 * next page (and the next), as in print, before that page's own notes,
 * taking at most half of it.
 */
#include "engine.h"

#include <stdlib.h>

enum { MAX_PENDING = 8 };

struct flow {
	eng *e;
	eng_page ps, next_ps;
	flow_finish_fn fin;
	flow_emit_fn emit;
	void *ud;
	dl_page *page;
	int number; /* of the current page, or of the last one */
	double y;
	int placed; /* something on this page */
	int failed; /* the first failure: 0, FLOW_EMIT_FAILED, FLOW_UNPLACEABLE */
	diag *d;
	const char *file; /* where the blocks come from (flow_at) */
	long line;
	struct held { /* keep_with_next blocks, and where they come from */
		block *b;
		const char *file;
		long line;
	} pending[MAX_PENDING];
	int npending;
	/* This page's footnotes, each from its line `from` on (a note
	 * begun on the page before goes on here); their height (notes_h)
	 * comes off the room.  What does not fit at the foot, below the
	 * body, waits in `carry` for the next page. */
	struct note {
		PangoLayout *l;
		int from;
	} *notes, *carry;
	int nnotes, capnotes, ncarry, capcarry;
	double notes_h;
	flow_notes notes_style;
};


flow *flow_new(eng *e, const eng_page *ps, flow_finish_fn fin,
	       flow_emit_fn emit, void *ud, diag *d)
{
	flow *f = calloc(1, sizeof *f);
	if (!f)
		pg_oom();
	f->e = e;
	f->ps = f->next_ps = *ps;
	f->fin = fin;
	f->emit = emit;
	f->ud = ud;
	f->d = d;
	f->notes_style = (flow_notes){ 6, 144, 0.5, 0x000000 };
	return f;
}

void flow_set_notes(flow *f, const flow_notes *n)
{
	f->notes_style = *n;
}

void flow_at(flow *f, const char *file, long line)
{
	f->file = file;
	f->line = line;
}

/* Keeps the first failure. */
static void fail(flow *f, int why)
{
	if (!f->failed)
		f->failed = why;
}

void flow_set_page(flow *f, const eng_page *ps)
{
	f->next_ps = *ps;
}

eng *flow_eng(flow *f)
{
	return f->e;
}

static void add_note(flow *f, PangoLayout *l, int from);

dl_page *flow_page(flow *f)
{
	if (!f->page) {
		f->ps = f->next_ps;
		f->page = dl_page_new(f->ps.w, f->ps.h, ++f->number);
		f->y = f->ps.top;
		f->placed = 0;
		f->nnotes = 0;
		f->notes_h = 0;
		/* The rest of the notes the last page could not hold: at
		 * most half of this one, so that the text goes on above them
		 * (what does not fit goes on again). */
		for (int i = 0; i < f->ncarry; i++)
			add_note(f, f->carry[i].l, f->carry[i].from);
		f->ncarry = 0;
		double half = (f->ps.h - f->ps.top - f->ps.bottom) / 2;
		if (f->notes_h > half)
			f->notes_h = half;
	}
	return f->page;
}

/* The height of a note's lines from `from` on. */
static double note_height(PangoLayout *l, int from)
{
	if (!from)
		return eng_height(l);
	eng_lines ls;
	eng_lines_get(l, &ls);
	double h = from < ls.n ? ls.bottom[ls.n - 1] - ls.top[from] : 0;
	eng_lines_free(&ls);
	return h;
}

/* The footnotes at the foot of the frame, above the bottom margin and
 * below the body: as many lines as fit there; the others are carried to
 * the next page. */
static void draw_notes(flow *f)
{
	if (!f->nnotes)
		return;
	const flow_notes *n = &f->notes_style;
	double foot = f->ps.h - f->ps.bottom;
	double h = f->notes_h < foot - f->y ? f->notes_h : foot - f->y;
	double y = foot - h + n->gap;
	dl_line(f->page, f->ps.left, y - n->gap / 2, f->ps.left + n->rule_w,
		y - n->gap / 2, n->rule_lw, n->rule_color);
	for (int i = 0; i < f->nnotes; i++) {
		struct note *nt = &f->notes[i];
		eng_lines ls;
		eng_lines_get(nt->l, &ls);
		int k = nt->from;
		double off = k < ls.n ? ls.top[k] : 0;
		/* A note cut by the page goes on as the same element. */
		dl_tag(f->page, "Note", nt->l, nt->from > 0, NULL);
		for (; k < ls.n; k++) {
			/* At least one line per page: the notes go on. */
			if (y + ls.bottom[k] - off > foot + 0.01 && (k > nt->from || i > 0 || f->ncarry))
				break;
			dl_text(f->page, ls.line[k], f->ps.left + ls.x[k],
				y + ls.baseline[k] - off, 0x000000);
		}
		dl_tag_end(f->page);
		y += k > nt->from ? ls.bottom[k - 1] - off : 0;
		if (k < ls.n) { /* the rest waits for the next page */
			if (f->ncarry == f->capcarry) {
				f->capcarry = f->capcarry ? f->capcarry * 2 : 8;
				f->carry = realloc(f->carry, (size_t)f->capcarry * sizeof *f->carry);
				if (!f->carry)
					pg_oom();
			}
			f->carry[f->ncarry++] = (struct note){ g_object_ref(nt->l), k };
			y = foot + 1; /* the notes after it go on too, in order */
		}
		eng_lines_free(&ls);
		g_object_unref(nt->l);
	}
	f->nnotes = 0;
}

static void drop_notes(flow *f)
{
	for (int i = 0; i < f->nnotes; i++)
		g_object_unref(f->notes[i].l);
	f->nnotes = 0;
}

/* Finishes and emits the page; after a failure, only frees it. */
static void end_page(flow *f)
{
	if (!f->page)
		return;
	if (!f->failed) {
		draw_notes(f);
		if (f->fin)
			f->fin(f, f->page, f->ud);
		if (f->emit(f->page, f->ud) != 0)
			fail(f, FLOW_EMIT_FAILED);
	}
	drop_notes(f);
	dl_page_free(f->page);
	f->page = NULL;
}

static void place_pending(flow *f);

void flow_break(flow *f)
{
	if (f->failed)
		return;
	/* Blocks held for the next one go before the break: what follows
	 * starts a page anyway. */
	place_pending(f);
	if (f->page && f->placed)
		end_page(f);
}

double flow_x(flow *f)
{
	flow_page(f);
	return f->ps.left;
}

double flow_width(flow *f)
{
	flow_page(f);
	return f->ps.w - f->ps.left - f->ps.right;
}

double flow_y(flow *f)
{
	flow_page(f);
	return f->y;
}

double flow_room(flow *f)
{
	flow_page(f);
	double r = f->ps.h - f->ps.bottom - f->notes_h - f->y;
	return r > 0 ? r : 0;
}

int flow_fresh(flow *f)
{
	flow_page(f);
	return !f->placed;
}

void flow_advance(flow *f, double dy)
{
	if (f->failed)
		return;
	flow_page(f);
	f->y += dy;
	f->placed = 1;
}

int flow_page_number(flow *f)
{
	flow_page(f);
	return f->number;
}

double flow_frame_height(flow *f)
{
	flow_page(f);
	return f->ps.h - f->ps.top - f->ps.bottom;
}

int flow_failed(flow *f)
{
	return f->failed;
}

static void add_note(flow *f, PangoLayout *l, int from)
{
	if (f->nnotes == f->capnotes) {
		f->capnotes = f->capnotes ? f->capnotes * 2 : 16;
		f->notes = realloc(f->notes, (size_t)f->capnotes * sizeof *f->notes);
		if (!f->notes)
			pg_oom();
	}
	if (!f->nnotes)
		f->notes_h = f->notes_style.gap;
	f->notes[f->nnotes++] = (struct note){ l, from };
	f->notes_h += note_height(l, from);
}

void flow_add_note(flow *f, PangoLayout *note)
{
	if (f->failed)
		return;
	flow_page(f);
	add_note(f, g_object_ref(note), 0);
}

/* A block that placed nothing on an empty page: no page will take it. */
static void unplaceable(flow *f, block *b)
{
	if (f->d)
		diag_add(f->d, DIAG_ERROR, f->file, f->line, 0,
			 "cannot lay out this %s: it does not fit on an empty "
			 "page (a frame of %.0f by %.0f points) and cannot be split",
			 b->kind->name, flow_width(f), flow_frame_height(f));
	fail(f, FLOW_UNPLACEABLE);
}

/* Places one block whole, page after page, as long as each page takes
 * some of it. */
static void place(flow *f, block *b)
{
	if (f->failed)
		return;
	flow_page(f);
	if (!flow_fresh(f)) {
		if (b->space_before >= flow_room(f))
			end_page(f);
		else
			flow_advance(f, b->space_before);
	}
	int pieces = 0; /* of a figure, tagged */
	for (;;) {
		if (f->failed)
			return;
		int from = flow_page(f)->n;
		int done = b->kind->place(b, f);
		if (b->kind->figure && f->page->n > from) {
			char *alt = pieces ? NULL : b->kind->figure(b);
			dl_wrap(f->page, from, "Figure", b, pieces++ > 0, alt);
			g_free(alt);
		}
		if (done)
			break;
		if (!f->placed) { /* on an empty page, it placed nothing */
			unplaceable(f, b);
			return;
		}
		end_page(f);
	}
	if (flow_room(f) > b->space_after)
		f->y += b->space_after;
	else
		end_page(f);
}

/* Places the held blocks, each with its own place in the source. */
static void place_pending(flow *f)
{
	const char *file = f->file;
	long line = f->line;
	for (int i = 0; i < f->npending; i++) {
		f->file = f->pending[i].file;
		f->line = f->pending[i].line;
		place(f, f->pending[i].b);
		f->pending[i].b->kind->free(f->pending[i].b);
	}
	f->npending = 0;
	f->file = file;
	f->line = line;
}

void flow_add(flow *f, block *b)
{
	if (f->failed) {
		b->kind->free(b);
		return;
	}
	if (f->npending == MAX_PENDING || (!b->keep_with_next && f->npending)) {
		/* The held blocks and the first piece of b start together. */
		double need = b->kind->first(b, f) + b->space_before;
		for (int i = 0; i < f->npending; i++) {
			block *h = f->pending[i].b;
			need += h->kind->measure(h, f) + h->space_before +
				h->space_after;
		}
		flow_page(f);
		if (!flow_fresh(f) && need > flow_room(f))
			end_page(f);
		place_pending(f);
	}
	if (b->keep_with_next) {
		f->pending[f->npending++] = (struct held){ b, f->file, f->line };
		return;
	}
	place(f, b);
	b->kind->free(b);
}

int flow_end(flow *f)
{
	place_pending(f);
	end_page(f);
	/* Notes going on: pages of their own until they end. */
	while (f->ncarry && !f->failed) {
		flow_page(f);
		end_page(f);
	}
	return f->failed;
}

void flow_free(flow *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->npending; i++)
		f->pending[i].b->kind->free(f->pending[i].b);
	drop_notes(f);
	for (int i = 0; i < f->ncarry; i++)
		g_object_unref(f->carry[i].l);
	free(f->notes);
	free(f->carry);
	dl_page_free(f->page);
	free(f);
}
