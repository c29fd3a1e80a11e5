/*
 * tags.c — what cairo's structure tree lacks, added to it.
 *
 * cairo 1.16 writes the structure the layout asked for (cairo_tag_begin:
 * Document, H1, P, L, LI, Table, TR, TH, TD, Figure), marks the content
 * of its leaves with their MCIDs and keeps the parent tree, but it writes
 * no /MarkInfo, no alternative text, no table attributes, no artifacts,
 * and an element cut by a page is two.  The PDF device lists the
 * elements it began, in that order (pg_marks.tags: the preorder of the
 * tree), with what cairo dropped; here:
 *
 * - each figure gets its /Alt, each header cell /Scope /Column, a merged
 *   cell its /RowSpan and /ColSpan (/A << /O /Table ... >>);
 * - an element that continues an earlier one (cont) is merged into it:
 *   its content items (MCIDs of another page become marked-content
 *   references) and children move to the first, the parent tree points
 *   at the first, and it leaves its parent;
 * - each link annotation gets a /Link element (an object reference),
 *   in the element the link was drawn in, and its /StructParent;
 * - the content that no element holds (page footers, repeated table
 *   headers, fills and rules) is marked /Artifact, so that everything
 *   on a page is either structure or artifact;
 * - the catalog gets /MarkInfo << /Marked true >> and the viewer shows
 *   the title; pages with annotations take them in structure order.
 *
 * When the tree does not have as many elements as the device began
 * (cairo dropped one), nothing per element is changed: no text goes to
 * the wrong figure.
 */
#include "finish-imp.h"

#include "../base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* ---- the elements, in preorder ---- */

typedef struct elems {
	qpdf_oh *e;
	int n, cap;
} elems;

static int is_elem(qpdf_data q, qpdf_oh o)
{
	return qpdf_oh_is_dictionary(q, o) && qpdf_oh_has_key(q, o, "/S") &&
	       !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, o, "/Type"), "/MCR") &&
	       !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, o, "/Type"), "/OBJR");
}

static void collect(qpdf_data q, qpdf_oh k, elems *out, int depth)
{
	if (depth > 256)
		return;
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);
		for (int i = 0; i < n; i++)
			collect(q, qpdf_oh_get_array_item(q, k, i), out, depth);
		return;
	}
	if (!is_elem(q, k))
		return;
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 256;
		out->e = realloc(out->e, (size_t)out->cap * sizeof *out->e);
		if (!out->e)
			pg_oom();
	}
	out->e[out->n++] = k;
	collect(q, qpdf_oh_get_key(q, k, "/K"), out, depth + 1);
}

/* Whether a and b are the same indirect object. */
static int same(qpdf_data q, qpdf_oh a, qpdf_oh b)
{
	return qpdf_oh_get_object_id(q, a) && qpdf_oh_get_object_id(q, a) ==
		qpdf_oh_get_object_id(q, b);
}

/* The /K of e as an array (a single kid is wrapped). */
static qpdf_oh kids(qpdf_data q, qpdf_oh e)
{
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
	if (qpdf_oh_is_array(q, k))
		return k;
	qpdf_oh a = qpdf_oh_new_array(q);
	if (!qpdf_oh_is_null(q, k))
		qpdf_oh_append_item(q, a, k);
	qpdf_oh_replace_key(q, e, "/K", a);
	return qpdf_oh_get_key(q, e, "/K");
}

/* Moves the content of `from` to the end of `to`'s, and takes `from`
 * out of its parent. */
static void merge(qpdf_data q, qpdf_oh to, qpdf_oh from)
{
	qpdf_oh dst = kids(q, to), src = kids(q, from);
	qpdf_oh pg = qpdf_oh_get_key(q, from, "/Pg");
	int n = qpdf_oh_get_array_n_items(q, src);
	for (int i = 0; i < n; i++) {
		qpdf_oh k = qpdf_oh_get_array_item(q, src, i);
		if (qpdf_oh_is_integer(q, k)) {
			qpdf_oh mcr = qpdf_oh_new_dictionary(q);
			qpdf_oh_replace_key(q, mcr, "/Type", qpdf_oh_new_name(q, "/MCR"));
			qpdf_oh_replace_key(q, mcr, "/MCID", k);
			if (!qpdf_oh_is_null(q, pg))
				qpdf_oh_replace_key(q, mcr, "/Pg", pg);
			k = mcr;
		} else if (is_elem(q, k)) {
			qpdf_oh_replace_key(q, k, "/P", to);
		}
		qpdf_oh_append_item(q, dst, k);
	}
	qpdf_oh parent = qpdf_oh_get_key(q, from, "/P");
	qpdf_oh pk = qpdf_oh_get_key(q, parent, "/K");
	if (qpdf_oh_is_array(q, pk)) {
		for (int i = qpdf_oh_get_array_n_items(q, pk) - 1; i >= 0; i--)
			if (same(q, qpdf_oh_get_array_item(q, pk, i), from))
				qpdf_oh_erase_item(q, pk, i);
	} else if (same(q, pk, from)) {
		qpdf_oh_replace_key(q, parent, "/K", qpdf_oh_new_array(q));
	}
	qpdf_oh_replace_key(q, from, "/K", qpdf_oh_new_array(q));
}

/* ---- the parent tree ---- */

typedef struct moved {
	int id;	   /* object id of a merged element */
	qpdf_oh to; /* the element it became */
} moved;

static int by_id(const void *a, const void *b)
{
	return ((const moved *)a)->id - ((const moved *)b)->id;
}

static qpdf_oh moved_to(qpdf_data q, qpdf_oh e, const moved *m, int n)
{
	moved key = { qpdf_oh_get_object_id(q, e), 0 };
	const moved *f = key.id ? bsearch(&key, m, (size_t)n, sizeof *m, by_id) : NULL;
	return f ? f->to : 0;
}

/* Points the parent tree's entries at merged elements to what they were
 * merged into; returns the largest key. */
static int fix_parents(qpdf_data q, qpdf_oh node, const moved *m, int n, int depth)
{
	int top = -1;
	if (depth > 32)
		return top;
	qpdf_oh nums = qpdf_oh_get_key(q, node, "/Nums");
	if (qpdf_oh_is_array(q, nums)) {
		int len = qpdf_oh_get_array_n_items(q, nums);
		for (int i = 0; i + 1 < len; i += 2) {
			int key = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, nums, i));
			if (key > top)
				top = key;
			qpdf_oh v = qpdf_oh_get_array_item(q, nums, i + 1);
			if (n && qpdf_oh_is_array(q, v)) {
				int vn = qpdf_oh_get_array_n_items(q, v);
				for (int k = 0; k < vn; k++) {
					qpdf_oh to = moved_to(q, qpdf_oh_get_array_item(q, v, k), m, n);
					if (to)
						qpdf_oh_set_array_item(q, v, k, to);
				}
			} else if (n) {
				qpdf_oh to = moved_to(q, v, m, n);
				if (to)
					qpdf_oh_set_array_item(q, nums, i + 1, to);
			}
		}
	}
	qpdf_oh ks = qpdf_oh_get_key(q, node, "/Kids");
	if (qpdf_oh_is_array(q, ks)) {
		int len = qpdf_oh_get_array_n_items(q, ks);
		for (int i = 0; i < len; i++) {
			int t = fix_parents(q, qpdf_oh_get_array_item(q, ks, i), m, n, depth + 1);
			if (t > top)
				top = t;
		}
	}
	return top;
}

/* ---- per element: alternative text, table attributes ---- */

static void attributes(qpdf_data q, qpdf_oh e, const pg_tag *t)
{
	if (t->alt && *t->alt)
		qpdf_oh_replace_key(q, e, "/Alt", qpdf_oh_new_unicode_string(q, t->alt));
	int th = !strcmp(t->name, "TH");
	if (!th && t->rows <= 1 && t->cols <= 1)
		return;
	qpdf_oh a = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, a, "/O", qpdf_oh_new_name(q, "/Table"));
	if (th)
		qpdf_oh_replace_key(q, a, "/Scope", qpdf_oh_new_name(q, "/Column"));
	if (t->rows > 1)
		qpdf_oh_replace_key(q, a, "/RowSpan", qpdf_oh_new_integer(q, t->rows));
	if (t->cols > 1)
		qpdf_oh_replace_key(q, a, "/ColSpan", qpdf_oh_new_integer(q, t->cols));
	qpdf_oh_replace_key(q, e, "/A", a);
}

/* ---- artifacts ---- */


static int op_is(const char *s, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) == n && !memcmp(s, *set, n))
			return 1;
	return 0;
}

/* Content s[0..n) with what no marked-content sequence holds wrapped in
 * /Artifact BMC ... EMC: from the first operand of a graphics object
 * (a path, a text object, an XObject, a shading) to the end of the last
 * one, between the structure's sequences.  -1 (nothing written) if the
 * content has an inline image (its data is not tokens). */
static int artifacts(const char *s, size_t n, fbuf *out)
{
	static const char *const starts[] = { "m", "re", "BT", "Do", "sh", NULL };
	static const char *const ends[] = { "f", "F", "f*", "S", "s", "B", "B*",
		"b", "b*", "n", "ET", "Do", "sh", NULL };
	size_t i = 0, done = 0;
	long operands = -1, run = -1, run_end = 0;
	int depth = 0, sdepth = 0; /* open sequences; the structure's */
	char kind[64];		   /* whether each open one is the structure's */
	while (i < n) {
		int c = (unsigned char)s[i];
		size_t from = i;
		if (pdf_is_space(c)) {
			i++;
			continue;
		}
		if (c == '%') {
			while (i < n && s[i] != '\n' && s[i] != '\r')
				i++;
			continue;
		}
		if (c == '(') {
			int level = 0;
			for (; i < n; i++) {
				if (s[i] == '\\')
					i++;
				else if (s[i] == '(')
					level++;
				else if (s[i] == ')' && --level == 0) {
					i++;
					break;
				}
			}
		} else if (c == '<' && i + 1 < n && s[i + 1] != '<') {
			while (i < n && s[i] != '>')
				i++;
			i++;
		} else if (c == '/') {
			i++;
			while (i < n && !pdf_is_space((unsigned char)s[i]) && !pdf_is_delim((unsigned char)s[i]))
				i++;
		} else if (pdf_is_delim(c)) {
			i += (c == '<' || c == '>') && i + 1 < n && s[i + 1] == c ? 2 : 1;
		} else {
			while (i < n && !pdf_is_space((unsigned char)s[i]) && !pdf_is_delim((unsigned char)s[i]))
				i++;
			const char *w = s + from;
			size_t len = i - from;
			int number = (*w >= '0' && *w <= '9') || *w == '-' || *w == '+' || *w == '.';
			if (!number && !(len == 4 && !memcmp(w, "true", 4)) &&
			    !(len == 5 && !memcmp(w, "false", 5)) && !(len == 4 && !memcmp(w, "null", 4))) {
				/* An operator. */
				size_t start = operands >= 0 ? (size_t)operands : from;
				operands = -1;
				if (len == 2 && !memcmp(w, "BI", 2))
					return -1;
				if (len == 3 && (!memcmp(w, "BDC", 3) || !memcmp(w, "BMC", 3))) {
					/* The structure's (an MCID) and artifacts
					 * end a run; cairo's /ActualText spans in
					 * it belong to it. */
					int structural = memmem(s + start, (size_t)(i - start), "/MCID", 5) ||
						memmem(s + start, (size_t)(i - start), "/Artifact", 9);
					if (structural && sdepth == 0 && run >= 0) {
						if (run_end > run) {
							buf_put(out, s + done, (size_t)run - done);
							buf_put(out, "/Artifact BMC\n", 14);
							buf_put(out, s + run, (size_t)run_end - (size_t)run);
							buf_put(out, "\nEMC", 4);
							done = (size_t)run_end;
						}
						run = -1;
					}
					if (depth < 64)
						kind[depth] = structural;
					depth++;
					sdepth += structural;
				} else if (len == 3 && !memcmp(w, "EMC", 3)) {
					if (depth > 0) {
						depth--;
						if (depth < 64)
							sdepth -= kind[depth];
					}
				} else if (sdepth == 0 && depth == 0) {
					if (run < 0 && op_is(w, len, starts))
						run = run_end = (long)start;
					if (run >= 0 && op_is(w, len, ends))
						run_end = (long)i;
				}
				continue;
			}
		}
		if (operands < 0)
			operands = (long)from;
	}
	if (run >= 0 && run_end > run) {
		buf_put(out, s + done, (size_t)run - done);
		buf_put(out, "/Artifact BMC\n", 14);
		buf_put(out, s + run, (size_t)run_end - (size_t)run);
		buf_put(out, "\nEMC", 4);
		done = (size_t)run_end;
	}
	buf_put(out, s + done, n - done);
	return 0;
}

static void page_artifacts(qpdf_data q, qpdf_oh page)
{
	unsigned char *data = NULL;
	size_t len = 0;
	/* Warnings are not errors (qpdf warns of some pages that draw
	 * images), and the buffer is ours either way. */
	QPDF_ERROR_CODE e = qpdf_oh_get_page_content_data(q, page, &data, &len);
	if ((e & QPDF_ERRORS) || !data) {
		free(data);
		return;
	}
	fbuf b = { 0 };
	if (artifacts((const char *)data, len, &b) == 0) {
		qpdf_oh st = qpdf_oh_new_stream(q);
		qpdf_oh_replace_stream_data(q, st, (const unsigned char *)b.p, b.n,
					    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, page, "/Contents", st);
	}
	free(b.p);
	free(data);
}

/* ---- links ---- */

static void add_link_elem(qpdf_data q, qpdf_oh parent, qpdf_oh annot,
			  qpdf_oh page, qpdf_oh nums, int key)
{
	qpdf_oh objr = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, objr, "/Type", qpdf_oh_new_name(q, "/OBJR"));
	qpdf_oh_replace_key(q, objr, "/Obj", annot);
	qpdf_oh_replace_key(q, objr, "/Pg", page);
	qpdf_oh e = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, e, "/Type", qpdf_oh_new_name(q, "/StructElem"));
	qpdf_oh_replace_key(q, e, "/S", qpdf_oh_new_name(q, "/Link"));
	qpdf_oh_replace_key(q, e, "/P", parent);
	qpdf_oh_replace_key(q, e, "/Pg", page);
	qpdf_oh k = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, k, objr);
	qpdf_oh_replace_key(q, e, "/K", k);
	qpdf_oh ind = qpdf_make_indirect_object(q, e);
	qpdf_oh_append_item(q, kids(q, parent), ind);
	qpdf_oh_replace_key(q, annot, "/StructParent", qpdf_oh_new_integer(q, key));
	qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, key));
	qpdf_oh_append_item(q, nums, ind);
}

int finish_tags(qpdf_data q, const pg_marks *m, const qpdf_oh *links)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, tree))
		return 0;
	qpdf_oh mark = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, mark, "/Marked", qpdf_oh_new_bool(q, 1));
	qpdf_oh_replace_key(q, root, "/MarkInfo", mark);
	qpdf_oh vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
	if (!qpdf_oh_is_dictionary(q, vp)) {
		qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_new_dictionary(q));
		vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
	}
	qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, 1));

	elems el = { 0 };
	collect(q, qpdf_oh_get_key(q, tree, "/K"), &el, 0);
	int ok = m && el.n == m->ntags;
	moved *mv = NULL;
	int nmv = 0;
	if (ok) {
		mv = calloc((size_t)el.n + 1, sizeof *mv);
		if (!mv)
			pg_oom();
		for (int i = 0; i < el.n; i++) {
			const pg_tag *t = &m->tags[i];
			if (t->cont >= 0 && t->cont < i) {
				merge(q, el.e[t->cont], el.e[i]);
				mv[nmv++] = (moved){ qpdf_oh_get_object_id(q, el.e[i]),
						     el.e[t->cont] };
			} else {
				attributes(q, el.e[i], t);
			}
		}
		qsort(mv, (size_t)nmv, sizeof *mv, by_id);
	}
	qpdf_oh pt = qpdf_oh_get_key(q, tree, "/ParentTree");
	int top = qpdf_oh_is_dictionary(q, pt) ? fix_parents(q, pt, mv, nmv, 0) : -1;
	if (ok && links && m->nlinks && qpdf_oh_is_dictionary(q, pt)) {
		qpdf_oh nums = qpdf_oh_get_key(q, pt, "/Nums");
		if (!qpdf_oh_is_array(q, nums) && !qpdf_oh_has_key(q, pt, "/Kids")) {
			qpdf_oh_replace_key(q, pt, "/Nums", qpdf_oh_new_array(q));
			nums = qpdf_oh_get_key(q, pt, "/Nums");
		}
		for (int i = 0; qpdf_oh_is_array(q, nums) && i < m->nlinks; i++) {
			const pg_link *l = &m->links[i];
			if (!links[i] || l->tag < 0 || l->tag >= el.n)
				continue;
			int t = m->tags[l->tag].cont >= 0 ? m->tags[l->tag].cont : l->tag;
			add_link_elem(q, el.e[t], links[i], qpdf_get_page_n(q, (size_t)l->page),
				      nums, ++top);
		}
		qpdf_oh_replace_key(q, tree, "/ParentTreeNextKey", qpdf_oh_new_integer(q, top + 1));
	}
	int npages = qpdf_get_num_pages(q);
	for (int i = 0; i < npages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		page_artifacts(q, page);
		if (qpdf_oh_has_key(q, page, "/Annots"))
			qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
	}
	free(mv);
	free(el.e);
	return ok;
}
