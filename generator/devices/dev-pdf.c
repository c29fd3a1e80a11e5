/*
 * dev-pdf.c — the PDF device: each display-list page written as PDF
 * (ISO 32000-1) through base/pdfw.h, as it comes.
 *
 * A page is one content stream, deflated, in a space turned so that the
 * display list's coordinates (points from the top-left corner) are used
 * as they are: `1 0 0 -1 0 H cm`.  Runs of fills of one colour, and of
 * strokes and lines of one width and colour, are one path and one
 * operator.  Text is Pango's glyphs placed where Pango placed them:
 * one text matrix per run and baseline, TJ's adjustments between glyphs
 * that do not sit at their advance; fonts and pictures are pdf-font.c's
 * and pdf-image.c's.
 *
 * The structure (tagged PDF, §14.7) is written as the pages come: each
 * element the layout begins (DL_TAG) is a structure element; the
 * content drawn inside a leaf (P, H1, TD, Figure ...) is a marked
 * content sequence with its MCID, and everything else on the page
 * (footers, repeated headers, fills and rules) is an /Artifact.  An
 * element cut by a page is begun again on the next with the same key,
 * and stays one element.  An element is written two pages after it was
 * last begun, so that what is held stays the same whatever the number
 * of pages.  Figures get their /Alt, header cells /Scope, merged cells
 * their spans, links a /Link element with the annotation.
 *
 * The pages' links, named destinations, outline and labels are written
 * here too; the signature fields are reserved (in their pages'
 * /Annots) and left with the rest of the document to finish.
 */
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/image.h"
#include "../base/marks.h"
#include "device.h"
#include "paint.h"
#include "pdf-imp.h"

enum { KID_MCID, KID_ELEM, KID_OBJR };

typedef struct kid {
	int type, a, b; /* MCID a on page object b; element a; annotation a on page b */
} kid;

/* A structure element. */
typedef struct sel {
	int id, parent; /* objects */
	char *name, *alt;
	int rows, cols, leaf;
	int page_id;   /* /Pg: the page of its first content */
	int last_page; /* the last page it was begun on */
	int open;      /* times on the stack */
	const void *key;
	kid *kids;
	int nkids, capkids;
} sel;

typedef struct dest {
	char *name;
	int page_id;
	double x, y;
} dest;

typedef struct oitem {
	int level;
	char *title, *dest;
} oitem;

typedef struct pdf {
	device dev;
	pdfw *w;
	char *name;
	diag *d;
	pg_marks *marks;
	pdf_fonts *fonts;
	pdf_images *images;
	int pages_id, root_id;
	GArray *page_ids; /* int */
	GPtrArray *labels;
	GArray *dests, *outline;
	/* The structure. */
	sel *doc;
	GHashTable *keys;   /* key -> sel */
	GPtrArray *pending; /* elements not on the stack, not yet written */
	sel *stack[64];	    /* NULL: an element inside a leaf (not kept) */
	int depth, over;
	GArray *nums; /* the parent tree: key, object, ... */
	int next_key;
	int complete;
	/* The page being written. */
	pdfb c;
	int page, page_id;
	double h;
	int mcid, mc; /* 0: no marked content open, 1: artifact, 2: sel */
	sel *mc_el;
	GArray *owners; /* by MCID: its element's object */
	GArray *annots;
	GArray *fonts_used, *images_used; /* index, id pairs */
	uint32_t fill, stroke;
	double lw;
	int font;
} pdf;

/* ---- the structure ---- */

static int is_leaf(const char *name)
{
	static const char *const leaves[] = { "P", "H1", "H2", "H3", "H4",
		"H5", "H6", "Lbl", "LBody", "TH", "TD", "Figure", "Caption",
		"Note", "Span", "Link" };
	for (size_t i = 0; i < sizeof leaves / sizeof *leaves; i++)
		if (!strcmp(name, leaves[i]))
			return 1;
	return 0;
}

static void add_kid(sel *e, int type, int a, int b)
{
	if (e->nkids == e->capkids) {
		e->capkids = e->capkids ? e->capkids * 2 : 4;
		e->kids = realloc(e->kids, (size_t)e->capkids * sizeof *e->kids);
		if (!e->kids)
			pg_oom();
	}
	e->kids[e->nkids++] = (kid){ type, a, b };
}

static sel *sel_new(pdf *p, const char *name, int parent)
{
	sel *e = calloc(1, sizeof *e);
	if (!e)
		pg_oom();
	e->id = pdfw_reserve(p->w);
	e->parent = parent;
	e->name = g_strdup(name);
	e->leaf = is_leaf(name);
	return e;
}

/* before, "N 0 R", after: a reference (printf-free: there is one an
 * element and more). */
static void ref(pdfb *b, const char *before, int id, const char *after)
{
	pdfb_puts(b, before);
	pdfb_int(b, id);
	pdfb_puts(b, " 0 R");
	pdfb_puts(b, after);
}

static void write_sel(pdf *p, sel *e)
{
	pdfb b = { 0 };
	/* /Type is optional (ISO 32000-1 Table 323): 20 bytes an element. */
	pdfb_puts(&b, "<< /S ");
	pdfb_name(&b, e->name);
	ref(&b, " /P ", e->parent, "");
	if (e->page_id)
		ref(&b, " /Pg ", e->page_id, "");
	if (e->alt && *e->alt) {
		pdfb_puts(&b, " /Alt ");
		pdfb_text(&b, e->alt);
	}
	int th = !strcmp(e->name, "TH");
	if (th || e->rows > 1 || e->cols > 1) {
		pdfb_puts(&b, " /A << /O /Table");
		if (th)
			pdfb_puts(&b, " /Scope /Column");
		if (e->rows > 1)
			pdfb_printf(&b, " /RowSpan %d", e->rows);
		if (e->cols > 1)
			pdfb_printf(&b, " /ColSpan %d", e->cols);
		pdfb_puts(&b, " >>");
	}
	pdfb_puts(&b, " /K [");
	for (int i = 0; i < e->nkids; i++) {
		const kid *k = &e->kids[i];
		if (k->type == KID_ELEM) {
			ref(&b, "", k->a, " ");
		} else if (k->type == KID_OBJR) {
			ref(&b, "<< /Type /OBJR /Obj ", k->a, "");
			ref(&b, " /Pg ", k->b, " >> ");
		} else if (k->b == e->page_id) {
			pdfb_int(&b, k->a);
			pdfb_puts(&b, " ");
		} else {
			ref(&b, "<< /Type /MCR /Pg ", k->b, " /MCID ");
			pdfb_int(&b, k->a);
			pdfb_puts(&b, " >> ");
		}
	}
	pdfb_puts(&b, "] >>");
	pdfw_object(p->w, e->id, &b);
	pdfb_free(&b);
}

static void free_sel(pdf *p, sel *e)
{
	if (e->key && g_hash_table_lookup(p->keys, e->key) == e)
		g_hash_table_remove(p->keys, e->key);
	free(e->kids);
	g_free(e->name);
	g_free(e->alt);
	free(e);
}

/* The elements last begun two pages ago or more, written (all: at the
 * end). */
static void sweep(pdf *p, int all)
{
	guint k = 0;
	for (guint i = 0; i < p->pending->len; i++) {
		sel *e = p->pending->pdata[i];
		if (!e->open && (all || e->last_page < p->page - 1)) {
			write_sel(p, e);
			free_sel(p, e);
		} else {
			p->pending->pdata[k++] = e;
		}
	}
	g_ptr_array_set_size(p->pending, k);
}

/* The innermost element kept on the stack, or the document. */
static sel *current(pdf *p)
{
	for (int i = p->depth - 1; i >= 0; i--)
		if (p->stack[i])
			return p->stack[i];
	return p->doc;
}

static void tag_begin(pdf *p, const dl_op *o)
{
	if (p->depth == 64) {
		p->over++;
		p->complete = 0;
		return;
	}
	sel *parent = current(p);
	int live = !p->depth || (p->stack[p->depth - 1] && !p->stack[p->depth - 1]->leaf);
	if (!live) {
		p->stack[p->depth++] = NULL;
		return;
	}
	sel *e = o->cont && o->key ? g_hash_table_lookup(p->keys, o->key) : NULL;
	if (!e) {
		e = sel_new(p, o->str, parent->id);
		e->alt = o->alt ? g_strdup(o->alt) : NULL;
		e->rows = o->rows, e->cols = o->cols;
		e->key = o->key;
		if (o->key)
			g_hash_table_insert(p->keys, (gpointer)o->key, e);
		add_kid(parent, KID_ELEM, e->id, 0);
		g_ptr_array_add(p->pending, e);
	}
	e->open++;
	e->last_page = p->page;
	p->stack[p->depth++] = e;
}

static void tag_end(pdf *p)
{
	if (p->over) {
		p->over--;
		return;
	}
	if (!p->depth)
		return;
	sel *e = p->stack[--p->depth];
	if (e)
		e->open--;
}

/* ---- marked content ---- */

static void mc_close(pdf *p)
{
	if (p->mc)
		pdfb_puts(&p->c, "EMC\n");
	p->mc = 0;
	p->mc_el = NULL;
}

/* What is drawn next is its leaf's content, or an artifact. */
static void mark(pdf *p)
{
	sel *leaf = p->depth && p->stack[p->depth - 1] && p->stack[p->depth - 1]->leaf
			    ? p->stack[p->depth - 1] : NULL;
	if (leaf) {
		if (p->mc == 2 && p->mc_el == leaf)
			return;
		mc_close(p);
		pdfb_name(&p->c, leaf->name);
		pdfb_puts(&p->c, " << /MCID ");
		pdfb_int(&p->c, p->mcid);
		pdfb_puts(&p->c, " >> BDC\n");
		if (!leaf->page_id)
			leaf->page_id = p->page_id;
		add_kid(leaf, KID_MCID, p->mcid, p->page_id);
		g_array_append_val(p->owners, leaf->id);
		p->mcid++;
		p->mc = 2;
		p->mc_el = leaf;
	} else if (p->mc != 1) {
		mc_close(p);
		pdfb_puts(&p->c, "/Artifact BMC\n");
		p->mc = 1;
	}
}

/* ---- drawing ---- */

static void rgb(pdf *p, uint32_t c, const char *op)
{
	pdfb_num(&p->c, ((c >> 16) & 255) / 255.0);
	pdfb_num(&p->c, ((c >> 8) & 255) / 255.0);
	pdfb_num(&p->c, (c & 255) / 255.0);
	pdfb_puts(&p->c, op);
}

static void set_fill(pdf *p, uint32_t c)
{
	if (p->fill != c)
		rgb(p, c, "rg\n");
	p->fill = c;
}

static void set_stroke(pdf *p, uint32_t c, double lw)
{
	if (p->stroke != c)
		rgb(p, c, "RG\n");
	p->stroke = c;
	if (p->lw != lw) {
		pdfb_num(&p->c, lw);
		pdfb_puts(&p->c, "w\n");
	}
	p->lw = lw;
}

static void use(GArray *a, int index, int id)
{
	for (guint i = 0; i < a->len; i += 2)
		if (g_array_index(a, int, i) == index)
			return;
	g_array_append_val(a, index);
	g_array_append_val(a, id);
}

/* A glyph's two bytes in a literal string, escaped where PDF's syntax
 * needs it (half the size of hex). */
static void put_glyph(pdfb *b, unsigned g)
{
	if (b->n + 5 > b->cap)
		pdfb_grow(b, 4);
	char *o = b->p + b->n;
	unsigned char c[2] = { (unsigned char)(g >> 8), (unsigned char)g };
	for (int i = 0; i < 2; i++) {
		if (c[i] == '(' || c[i] == ')' || c[i] == '\\')
			*o++ = '\\', *o++ = (char)c[i];
		else if (c[i] == '\r')
			*o++ = '\\', *o++ = 'r';
		else if (c[i] == '\n')
			*o++ = '\\', *o++ = 'n';
		else
			*o++ = (char)c[i];
	}
	b->n = (size_t)(o - b->p);
	b->p[b->n] = '\0';
}

/* One run's glyphs: a text matrix where a glyph leaves the baseline,
 * TJ's adjustments where it is not at the previous one's advance, and
 * /ActualText around a cluster whose glyphs do not say its text. */
typedef struct tj {
	pdfb *b;
	int open, hex; /* a TJ array, a string in it, are open */
	double x, y, size;
	double a, bb, c, d;
} tj;

static void tj_close(tj *t)
{
	if (t->hex)
		pdfb_puts(t->b, ")");
	if (t->open)
		pdfb_puts(t->b, "] TJ\n");
	t->open = t->hex = 0;
}

static void tj_glyph(tj *t, unsigned gid, double gx, double gy, double adv)
{
	if (!t->open || fabs(gy - t->y) > 0.001 || t->size <= 0) {
		tj_close(t);
		pdfb_num(t->b, t->a);
		pdfb_num(t->b, t->bb);
		pdfb_num(t->b, t->c);
		pdfb_num(t->b, t->d);
		pdfb_num(t->b, gx);
		pdfb_num(t->b, gy);
		pdfb_puts(t->b, "Tm [");
		t->open = 1;
		t->x = gx, t->y = gy;
	} else {
		/* In whole thousandths of the em, and none for less than
		 * two (0.02 pt at 11 pt: the rounding of the widths in /W
		 * against Pango's 1/1024 pt); where the glyph lands is then
		 * where the next one is measured from, so the error never
		 * adds up. */
		long adj = lround((t->x - gx) * 1000 / t->size);
		if (labs(adj) >= 2) {
			if (t->hex)
				pdfb_puts(t->b, ")");
			t->hex = 0;
			pdfb_int(t->b, adj);
			t->x -= adj * t->size / 1000;
		}
		gx = t->x;
	}
	if (!t->hex)
		pdfb_puts(t->b, "(");
	t->hex = 1;
	put_glyph(t->b, gid);
	t->x = gx + adv * t->size / 1000;
}

static void run(pdf *p, const dl_run *r)
{
	pdf_font *f = pdf_font_of(p->fonts, r->font);
	if (!f || !r->nglyphs)
		return;
	use(p->fonts_used, pdf_font_index(f), pdf_font_id(f));
	if (p->font != pdf_font_index(f))
	{
		pdfb_puts(&p->c, "/F");
		pdfb_int(&p->c, pdf_font_index(f));
		pdfb_puts(&p->c, " 1 Tf\n");
	}
	p->font = pdf_font_index(f);
	cairo_matrix_t fm;
	cairo_scaled_font_get_font_matrix(r->font, &fm);
	tj t = { &p->c, 0, 0, 0, 0, fm.yx == 0 ? fm.xx : 0, fm.xx, fm.yx, -fm.xy, -fm.yy };
	int backward = r->flags & CAIRO_TEXT_CLUSTER_FLAG_BACKWARD;
	int g = 0, at = 0;
	for (int ci = 0; ci < r->nclusters || (!r->nclusters && g < r->nglyphs); ci++) {
		int ng = r->nclusters ? r->clusters[ci].num_glyphs : 1;
		int nb = r->nclusters ? r->clusters[ci].num_bytes : 0;
		if (at + nb > r->nbytes)
			nb = r->nbytes - at;
		const char *text = r->utf8 + at;
		if (nb == 2 && !memcmp(text, "\xc2\xad", 2))
			text = "-", nb = 1; /* a hyphen where a word breaks */
		int from = backward ? r->nglyphs - g - ng : g;
		if (from < 0 || from + ng > r->nglyphs)
			break;
		int plain = ng == 1 && nb > 0 ? pdf_font_text(f, r->glyphs[from].index, text, nb)
					      : ng == 0 || backward;
		if (!plain) {
			tj_close(&t);
			pdfb_puts(&p->c, "/Span << /ActualText ");
			pdfb_hex_text(&p->c, text, (size_t)nb);
			pdfb_puts(&p->c, " >> BDC\n");
		}
		for (int k = from; k < from + ng; k++) {
			const cairo_glyph_t *gl = &r->glyphs[k];
			double adv = pdf_font_use(f, (unsigned)gl->index);
			tj_glyph(&t, (unsigned)gl->index, gl->x, gl->y, adv);
		}
		if (!plain) {
			tj_close(&t);
			pdfb_puts(&p->c, "EMC\n");
		}
		g += ng;
		at += nb;
	}
	tj_close(&t);
}

static void text(pdf *p, const dl_op *o)
{
	if (!o->glyphs || !o->glyphs->nruns)
		return;
	mark(p);
	set_fill(p, o->color);
	pdfb_puts(&p->c, "BT\n");
	for (int k = 0; k < o->glyphs->nruns; k++)
		run(p, &o->glyphs->runs[k]);
	pdfb_puts(&p->c, "ET\n");
}

/* The picture fitted in its box, its aspect kept, centred, upright. */
static void image(pdf *p, const dl_op *o)
{
	char why[256];
	cairo_surface_t *s = pg_image_load(o->str, why, sizeof why);
	if (!s)
		return;
	double iw, ih;
	pg_image_size(s, &iw, &ih);
	double sw = cairo_image_surface_get_width(s), sh = cairo_image_surface_get_height(s);
	cairo_matrix_t up, unit, place, t;
	pg_image_upright_matrix(s, &up);
	cairo_surface_destroy(s);
	int id = 0;
	int index = pdf_image_of(p->images, o->str, &id);
	if (index < 0)
		return;
	use(p->images_used, index, id);
	double k = o->w / iw < o->h / ih ? o->w / iw : o->h / ih;
	/* The image's unit square to the stored pixels, to the upright
	 * picture, to its place on the page. */
	cairo_matrix_init(&unit, sw, 0, 0, -sh, 0, sh);
	cairo_matrix_init(&place, k, 0, 0, k, o->x + (o->w - iw * k) / 2,
			  o->y + (o->h - ih * k) / 2);
	cairo_matrix_multiply(&t, &unit, &up);
	cairo_matrix_multiply(&t, &t, &place);
	mark(p);
	pdfb_puts(&p->c, "q ");
	pdfb_num(&p->c, t.xx);
	pdfb_num(&p->c, t.yx);
	pdfb_num(&p->c, t.xy);
	pdfb_num(&p->c, t.yy);
	pdfb_num(&p->c, t.x0);
	pdfb_num(&p->c, t.y0);
	pdfb_puts(&p->c, "cm ");
	if (o->alt && *o->alt) {
		pdfb_puts(&p->c, "/Span << /Alt ");
		pdfb_hex_text(&p->c, o->alt, strlen(o->alt));
		pdfb_printf(&p->c, " >> BDC /x%d Do EMC Q\n", index);
	} else {
		pdfb_printf(&p->c, "/x%d Do Q\n", index);
	}
}

static void add_link(pdf *p, const dl_op *o)
{
	int annot = pdfw_reserve(p->w), elem = pdfw_reserve(p->w);
	int key = p->next_key++;
	sel *parent = current(p);
	pdfb b = { 0 };
	pdfb_puts(&b, "<< /Type /Annot /Subtype /Link /Rect [");
	pdfb_num(&b, o->x);
	pdfb_num(&b, p->h - o->y - o->h);
	pdfb_num(&b, o->x + o->w);
	pdfb_num(&b, p->h - o->y);
	pdfb_puts(&b, "] /Border [0 0 0] /F 4 /Dest ");
	pdfb_text(&b, o->str ? o->str : "");
	pdfb_printf(&b, " /StructParent %d >>", key);
	pdfw_object(p->w, annot, &b);
	b.n = 0;
	pdfb_printf(&b, "<< /Type /StructElem /S /Link /P %d 0 R /Pg %d 0 R "
		    "/K [<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>] >>",
		    parent->id, p->page_id, annot, p->page_id);
	pdfw_object(p->w, elem, &b);
	pdfb_free(&b);
	add_kid(parent, KID_ELEM, elem, 0);
	g_array_append_val(p->nums, key);
	g_array_append_val(p->nums, elem);
	g_array_append_val(p->annots, annot);
}

static void resources(pdfb *b, const char *kind, char prefix, GArray *a)
{
	if (!a->len)
		return;
	pdfb_printf(b, " /%s <<", kind);
	for (guint i = 0; i < a->len; i += 2)
		pdfb_printf(b, " /%c%d %d 0 R", prefix, g_array_index(a, int, i),
			    g_array_index(a, int, i + 1));
	pdfb_puts(b, " >>");
}

static int pdf_page(device *dev, const dl_page *pg)
{
	pdf *p = (pdf *)dev;
	p->page_id = pdfw_reserve(p->w);
	g_array_append_val(p->page_ids, p->page_id);
	g_ptr_array_add(p->labels, pg->label ? g_strdup(pg->label) : NULL);
	p->h = pg->h;
	p->c.n = 0;
	p->mcid = 0;
	p->mc = 0;
	p->fill = 0, p->stroke = 0, p->lw = 1, p->font = 0;
	g_array_set_size(p->owners, 0);
	g_array_set_size(p->annots, 0);
	g_array_set_size(p->fonts_used, 0);
	g_array_set_size(p->images_used, 0);
	pdfb_puts(&p->c, "1 0 0 -1 0 ");
	pdfb_num(&p->c, pg->h);
	pdfb_puts(&p->c, "cm\n");
	const dl_op *end = pg->ops + pg->n;
	for (int i = 0; i < pg->n; i++) {
		const dl_op *o = &pg->ops[i];
		switch (o->kind) {
		case DL_FILL:
			if (!i || !paint_same_path(o - 1, o, end) || o[-1].kind != o->kind)
				mark(p), set_fill(p, o->color);
			pdfb_num(&p->c, o->x);
			pdfb_num(&p->c, o->y);
			pdfb_num(&p->c, o->w);
			pdfb_num(&p->c, o->h);
			pdfb_puts(&p->c, paint_same_path(o, o + 1, end) ? "re\n" : "re f\n");
			break;
		case DL_STROKE:
		case DL_LINE:
			if (!i || !paint_same_path(o - 1, o, end) || o[-1].kind == DL_FILL)
				mark(p), set_stroke(p, o->color, o->lw);
			pdfb_num(&p->c, o->x);
			pdfb_num(&p->c, o->y);
			if (o->kind == DL_STROKE) {
				pdfb_num(&p->c, o->w);
				pdfb_num(&p->c, o->h);
				pdfb_puts(&p->c, "re");
			} else {
				pdfb_puts(&p->c, "m ");
				pdfb_num(&p->c, o->x + o->w);
				pdfb_num(&p->c, o->y + o->h);
				pdfb_puts(&p->c, "l");
			}
			pdfb_puts(&p->c, paint_same_path(o, o + 1, end) ? "\n" : " S\n");
			break;
		case DL_POLY:
			if (o->npts < 2)
				break;
			mark(p);
			set_fill(p, o->color);
			for (int k = 0; k < o->npts; k++) {
				pdfb_num(&p->c, o->pts[2 * k]);
				pdfb_num(&p->c, o->pts[2 * k + 1]);
				pdfb_puts(&p->c, k ? "l\n" : "m\n");
			}
			pdfb_puts(&p->c, "h f\n");
			break;
		case DL_TEXT:
			text(p, o);
			break;
		case DL_IMAGE:
			image(p, o);
			break;
		case DL_LINK:
			add_link(p, o);
			break;
		case DL_DEST: {
			dest ds = { g_strdup(o->str), p->page_id, o->x, pg->h - o->y };
			g_array_append_val(p->dests, ds);
			break;
		}
		case DL_OUTLINE: {
			oitem it = { o->level, g_strdup(o->str), g_strdup(o->dest) };
			g_array_append_val(p->outline, it);
			break;
		}
		case DL_FIELD: {
			int id = pdfw_reserve(p->w);
			if (p->marks)
				pg_marks_field(p->marks, p->page, p->page_id, id, o->x,
					       pg->h - o->y - o->h, o->w, o->h, o->str);
			g_array_append_val(p->annots, id);
			break;
		}
		case DL_TAG:
			tag_begin(p, o);
			break;
		case DL_TAG_END:
			tag_end(p);
			break;
		case DL_MARK:
			break; /* for the trace only */
		}
	}
	mc_close(p);
	/* The content, its parent tree entry, the page.  Deflated at level
	 * 1: 5 % of the whole run's instructions less than 6 (callgrind,
	 * the synthetic booklet), for a file 3 % larger. */
	int content = pdfw_reserve(p->w);
	pdfw_stream(p->w, content, NULL, p->c.p, p->c.n, 1);
	int key = -1;
	if (p->owners->len) {
		key = p->next_key++;
		int arr = pdfw_reserve(p->w);
		pdfb b = { 0 };
		pdfb_puts(&b, "[");
		for (guint i = 0; i < p->owners->len; i++)
			pdfb_printf(&b, "%d 0 R ", g_array_index(p->owners, int, i));
		pdfb_puts(&b, "]");
		pdfw_object(p->w, arr, &b);
		pdfb_free(&b);
		g_array_append_val(p->nums, key);
		g_array_append_val(p->nums, arr);
	}
	pdfb b = { 0 };
	pdfb_printf(&b, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 ", p->pages_id);
	pdfb_num(&b, pg->w);
	pdfb_num(&b, pg->h);
	pdfb_puts(&b, "] /Resources <<");
	resources(&b, "Font", 'F', p->fonts_used);
	resources(&b, "XObject", 'x', p->images_used);
	pdfb_printf(&b, " >> /Contents %d 0 R", content);
	if (key >= 0)
		pdfb_printf(&b, " /StructParents %d", key);
	if (p->annots->len) {
		pdfb_puts(&b, " /Annots [");
		for (guint i = 0; i < p->annots->len; i++)
			pdfb_printf(&b, "%d 0 R ", g_array_index(p->annots, int, i));
		pdfb_puts(&b, "] /Tabs /S");
	}
	pdfb_puts(&b, " >>");
	pdfw_object(p->w, p->page_id, &b);
	pdfb_free(&b);
	p->page++;
	sweep(p, 0);
	return pdfw_error(p->w) ? -1 : 0;
}

/* ---- the end: what spans the pages ---- */

/* Whether pdfb_text writes s as itself (printable ASCII), not as
 * UTF-16BE. */
static int plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* A name tree's keys are sorted by their bytes as written: the ASCII
 * ones, then the UTF-16BE ones (FE FF ...), each in code point order
 * (which UTF-8's byte order is too). */
static int by_name(const void *a, const void *b)
{
	const char *x = ((const dest *)a)->name, *y = ((const dest *)b)->name;
	int ax = plain_ascii(x), ay = plain_ascii(y);
	return ax != ay ? ay - ax : strcmp(x, y);
}

/* The named destinations, a name tree of one node: sorted, the first
 * of a name kept. */
static int write_dests(pdf *p)
{
	if (!p->dests->len)
		return 0;
	g_array_sort(p->dests, by_name);
	int id = pdfw_reserve(p->w);
	pdfb b = { 0 };
	pdfb_puts(&b, "<< /Names [");
	for (guint i = 0; i < p->dests->len; i++) {
		const dest *d = &g_array_index(p->dests, dest, i);
		if (i && !strcmp(d->name, g_array_index(p->dests, dest, i - 1).name))
			continue;
		pdfb_text(&b, d->name);
		pdfb_printf(&b, " [%d 0 R /XYZ ", d->page_id);
		pdfb_num(&b, d->x);
		pdfb_num(&b, d->y);
		pdfb_puts(&b, "0]\n");
	}
	pdfb_puts(&b, "] >>");
	pdfw_object(p->w, id, &b);
	pdfb_free(&b);
	return id;
}

/* The outline: each entry's parent is the last entry of a lower level
 * before it (index n: the outline itself); entries start closed. */
static int write_outline(pdf *p)
{
	int n = (int)p->outline->len;
	if (!n)
		return 0;
	int *v = malloc((size_t)(n + 1) * 6 * sizeof *v);
	if (!v)
		pg_oom();
	int *id = v, *parent = v + (n + 1), *first = v + 2 * (n + 1), *last = v + 3 * (n + 1),
	    *next = v + 4 * (n + 1), *prev = v + 5 * (n + 1);
	int *cnt = calloc((size_t)n + 1, sizeof *cnt);
	if (!cnt)
		pg_oom();
	for (int i = 0; i <= n; i++)
		first[i] = last[i] = next[i] = prev[i] = -1;
	id[n] = pdfw_reserve(p->w);
	int open[9];
	for (int l = 0; l < 9; l++)
		open[l] = -1;
	for (int i = 0; i < n; i++) {
		const oitem *it = &g_array_index(p->outline, oitem, i);
		int level = it->level < 1 ? 1 : it->level > 7 ? 7 : it->level;
		id[i] = pdfw_reserve(p->w);
		int up = n;
		for (int l = level - 1; l >= 1; l--)
			if (open[l] >= 0) {
				up = open[l];
				break;
			}
		parent[i] = up;
		open[level] = i;
		for (int l = level + 1; l < 9; l++)
			open[l] = -1;
		if (first[up] < 0) {
			first[up] = i;
		} else {
			next[last[up]] = i;
			prev[i] = last[up];
		}
		last[up] = i;
		cnt[up]++;
	}
	pdfb b = { 0 };
	for (int i = 0; i < n; i++) {
		const oitem *it = &g_array_index(p->outline, oitem, i);
		b.n = 0;
		pdfb_puts(&b, "<< /Title ");
		pdfb_text(&b, it->title ? it->title : "");
		pdfb_printf(&b, " /Parent %d 0 R", id[parent[i]]);
		if (prev[i] >= 0)
			pdfb_printf(&b, " /Prev %d 0 R", id[prev[i]]);
		if (next[i] >= 0)
			pdfb_printf(&b, " /Next %d 0 R", id[next[i]]);
		if (cnt[i])
			pdfb_printf(&b, " /First %d 0 R /Last %d 0 R /Count -%d", id[first[i]],
				    id[last[i]], cnt[i]);
		pdfb_puts(&b, " /Dest ");
		pdfb_text(&b, it->dest ? it->dest : "");
		pdfb_puts(&b, " >>");
		pdfw_object(p->w, id[i], &b);
	}
	b.n = 0;
	pdfb_printf(&b, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>",
		    id[first[n]], id[last[n]], cnt[n]);
	int root = id[n];
	pdfw_object(p->w, root, &b);
	pdfb_free(&b);
	free(v);
	free(cnt);
	return root;
}

/* Whether s is a decimal number, and which. */
static int decimal(const char *s, long *v)
{
	if (!s || !*s || strlen(s) > 9)
		return 0;
	for (const char *c = s; *c; c++)
		if (*c < '0' || *c > '9')
			return 0;
	*v = strtol(s, NULL, 10);
	return *s != '0';
}

/* The page labels: a range for each run of decimal numbers, a prefix
 * for each other label. */
static int write_labels(pdf *p)
{
	int any = 0;
	for (guint i = 0; i < p->labels->len; i++)
		any |= p->labels->pdata[i] != NULL;
	if (!any)
		return 0;
	int id = pdfw_reserve(p->w);
	pdfb b = { 0 };
	pdfb_puts(&b, "<< /Nums [");
	long expect = -1;
	for (guint i = 0; i < p->labels->len; i++) {
		const char *l = p->labels->pdata[i];
		long v;
		if (decimal(l, &v)) {
			if (v != expect)
				pdfb_printf(&b, "%u << /S /D /St %ld >>\n", i, v);
			expect = v + 1;
		} else {
			pdfb_printf(&b, "%u << /P ", i);
			pdfb_text(&b, l ? l : "");
			pdfb_puts(&b, " >>\n");
			expect = -1;
		}
	}
	pdfb_puts(&b, "] >>");
	pdfw_object(p->w, id, &b);
	pdfb_free(&b);
	return id;
}

static int pdf_close(device *dev)
{
	pdf *p = (pdf *)dev;
	while (p->depth)
		tag_end(p);
	sweep(p, 1);
	pdfb b = { 0 };
	/* The structure's root, its document and parent tree. */
	int tree = 0;
	if (p->doc->nkids) {
		tree = p->root_id;
		write_sel(p, p->doc);
		int pt = pdfw_reserve(p->w);
		pdfb_puts(&b, "<< /Nums [");
		for (guint i = 0; i < p->nums->len; i += 2)
			pdfb_printf(&b, "%d %d 0 R ", g_array_index(p->nums, int, i),
				    g_array_index(p->nums, int, i + 1));
		pdfb_puts(&b, "] >>");
		pdfw_object(p->w, pt, &b);
		b.n = 0;
		pdfb_printf(&b, "<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R "
			    "/ParentTreeNextKey %d >>",
			    p->doc->id, pt, p->next_key);
		pdfw_object(p->w, tree, &b);
	} else {
		/* Never referenced: an empty dictionary keeps the table whole. */
		pdfb_puts(&b, "<< >>");
		pdfw_object(p->w, p->root_id, &b);
		pdfw_object(p->w, p->doc->id, &b);
	}
	/* The page tree: one node. */
	b.n = 0;
	pdfb_puts(&b, "<< /Type /Pages /Kids [");
	for (guint i = 0; i < p->page_ids->len; i++)
		pdfb_printf(&b, "%d 0 R%s", g_array_index(p->page_ids, int, i),
			    i % 10 == 9 ? "\n" : " ");
	pdfb_printf(&b, "] /Count %u >>", p->page_ids->len);
	pdfw_object(p->w, p->pages_id, &b);
	pdfb_free(&b);
	pdf_fonts_end(p->fonts);
	p->fonts = NULL;
	if (p->marks) {
		p->marks->pages = p->pages_id;
		p->marks->npages = (int)p->page_ids->len;
		p->marks->struct_tree = tree;
		p->marks->tagged = tree && p->complete;
		p->marks->outlines = write_outline(p);
		p->marks->dests = write_dests(p);
		p->marks->labels = write_labels(p);
	}
	int err = pdfw_error(p->w);
	if (err) {
		diag_add(p->d, DIAG_ERROR, p->name, 0, 0, "cannot write: %s", strerror(err));
		return -1;
	}
	return 0;
}

static void pdf_free(device *dev)
{
	pdf *p = (pdf *)dev;
	if (p->fonts)
		pdf_fonts_end(p->fonts);
	pdf_images_free(p->images);
	for (guint i = 0; i < p->pending->len; i++)
		free_sel(p, p->pending->pdata[i]);
	g_ptr_array_free(p->pending, TRUE);
	free(p->doc->kids);
	g_free(p->doc->name);
	free(p->doc);
	g_hash_table_destroy(p->keys);
	for (guint i = 0; i < p->dests->len; i++)
		g_free(g_array_index(p->dests, dest, i).name);
	for (guint i = 0; i < p->outline->len; i++) {
		g_free(g_array_index(p->outline, oitem, i).title);
		g_free(g_array_index(p->outline, oitem, i).dest);
	}
	g_array_free(p->dests, TRUE);
	g_array_free(p->outline, TRUE);
	g_ptr_array_free(p->labels, TRUE);
	g_array_free(p->page_ids, TRUE);
	g_array_free(p->nums, TRUE);
	g_array_free(p->owners, TRUE);
	g_array_free(p->annots, TRUE);
	g_array_free(p->fonts_used, TRUE);
	g_array_free(p->images_used, TRUE);
	pdfb_free(&p->c);
	g_free(p->name);
	free(p);
}

device *dev_pdf_new(pdfw *w, const char *name, pg_marks *marks, diag *d)
{
	pdf *p = calloc(1, sizeof *p);
	if (!p)
		pg_oom();
	p->dev = (device){ pdf_page, pdf_close, pdf_free };
	p->w = w;
	p->name = g_strdup(name);
	p->marks = marks;
	p->d = d;
	p->fonts = pdf_fonts_new(w);
	p->images = pdf_images_new(w);
	p->pages_id = pdfw_reserve(w);
	p->root_id = pdfw_reserve(w);
	p->doc = sel_new(p, "Document", p->root_id);
	p->complete = 1;
	p->keys = g_hash_table_new(g_direct_hash, g_direct_equal);
	p->pending = g_ptr_array_new();
	p->page_ids = g_array_new(FALSE, FALSE, sizeof(int));
	p->labels = g_ptr_array_new_with_free_func(g_free);
	p->dests = g_array_new(FALSE, FALSE, sizeof(dest));
	p->outline = g_array_new(FALSE, FALSE, sizeof(oitem));
	p->nums = g_array_new(FALSE, FALSE, sizeof(int));
	p->owners = g_array_new(FALSE, FALSE, sizeof(int));
	p->annots = g_array_new(FALSE, FALSE, sizeof(int));
	p->fonts_used = g_array_new(FALSE, FALSE, sizeof(int));
	p->images_used = g_array_new(FALSE, FALSE, sizeof(int));
	return &p->dev;
}
