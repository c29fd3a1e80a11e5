/*
 * record.c — Pango's lines into the display list: glyph runs taken out
 * of Pango (cairo fonts, positions, clusters) and the visible text.
 */
#include "record.h"

#include <glib.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "display-imp.h"

/* The clusters of a run, as Pango's cairo renderer makes them: empty
 * glyphs are not drawn, so not counted (unknown ones are drawn as the
 * font's .notdef, where Pango draws a box of its own).  Into
 * r->clusters, room for one a glyph (at least one). */
static void clusters_of(dl_run *r, const char *text, PangoGlyphItem *gi)
{
	PangoGlyphString *gs = gi->glyphs;
	int backward = gi->item->analysis.level % 2;
	r->flags = backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0;
	if (!backward) {
		/* Left to right, read off log_clusters as Pango's iterator
		 * would (a cluster: the glyphs of one log_clusters value,
		 * its bytes to the next one's), without its walk through
		 * the UTF-8. */
		int n = gs->num_glyphs, at = 0;
		for (int i = 0; i < n;) {
			int j = i, glyphs = 0;
			for (; j < n && gs->log_clusters[j] == gs->log_clusters[i]; j++)
				glyphs += gs->glyphs[j].glyph != PANGO_GLYPH_EMPTY;
			int end = j < n ? gs->log_clusters[j] : gi->item->length;
			r->clusters[r->nclusters++] = (cairo_text_cluster_t){ end - at, glyphs };
			at = end;
			i = j;
		}
		return;
	}
	PangoGlyphItemIter it;
	if (!pango_glyph_item_iter_init_start(&it, gi, text))
		return;
	do {
		int bytes = it.end_index - it.start_index;
		int glyphs = backward ? it.start_glyph - it.end_glyph
				      : it.end_glyph - it.start_glyph;
		for (int i = MIN(it.start_glyph, it.end_glyph + 1);
		     i < MAX(it.start_glyph + 1, it.end_glyph); i++) {
			if (gs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
				glyphs--;
		}
		r->clusters[r->nclusters++] = (cairo_text_cluster_t){ bytes, glyphs };
	} while (pango_glyph_item_iter_next_cluster(&it));
}

/* Whether a cluster of text t[0..n) and no glyph shows nothing: soft
 * hyphens (a break not taken), the space where a line breaks. */
static int invisible(const char *t, int n, int glyphs)
{
	if (glyphs)
		return 0;
	if (n == 2 && !memcmp(t, "\xc2\xad", 2))
		return 1;
	for (int i = 0; i < n; i++)
		if (t[i] != ' ')
			return 0;
	return n > 0;
}

/* The clusters that show nothing out of the run's text and clusters:
 * cairo would mark each, a cluster of no glyph, as a span of its own
 * (/ActualText) inside the structure's content, which cuts the text of
 * the element for some readers (poppler's).  own: room for the run's
 * text and a NUL. */
static void drop_invisible(dl_run *r, char *own)
{
	if (r->flags & CAIRO_TEXT_CLUSTER_FLAG_BACKWARD)
		return;
	int found = 0;
	for (int i = 0, at = 0; i < r->nclusters && !found; at += r->clusters[i++].num_bytes)
		found = at + r->clusters[i].num_bytes <= r->nbytes &&
			invisible(r->utf8 + at, r->clusters[i].num_bytes, r->clusters[i].num_glyphs);
	if (!found)
		return;
	int n = 0, k = 0;
	for (int i = 0, at = 0; i < r->nclusters; at += r->clusters[i++].num_bytes) {
		cairo_text_cluster_t c = r->clusters[i];
		if (at + c.num_bytes > r->nbytes)
			break;
		if (invisible(r->utf8 + at, c.num_bytes, c.num_glyphs))
			continue;
		memcpy(own + n, r->utf8 + at, (size_t)c.num_bytes);
		n += c.num_bytes;
		r->clusters[k++] = c;
	}
	own[n] = '\0';
	r->utf8 = own;
	r->nbytes = n;
	r->nclusters = k;
}

/* The runs of a line set with its baseline's left end at x, y, as
 * pango_renderer_draw_layout_line places them: in one block of memory
 * (dl_glyphs, its runs, their glyphs, clusters and texts, the line's
 * text), a line being the display list's commonest object. */
static dl_glyphs *glyphs_of(PangoLayoutLine *line, double x, double y)
{
	int nruns = 0, nglyphs = 0, nbytes = 0;
	for (GSList *l = line->layout ? line->runs : NULL; l; l = l->next) {
		PangoGlyphItem *gi = l->data;
		nruns++;
		nglyphs += gi->glyphs->num_glyphs ? gi->glyphs->num_glyphs : 1;
		nbytes += gi->item->length + 1;
	}
	size_t size = sizeof(dl_glyphs) + (size_t)nruns * sizeof(dl_run) +
		      (size_t)nglyphs * (sizeof(cairo_glyph_t) + sizeof(cairo_text_cluster_t)) +
		      (size_t)nbytes + (line->layout ? (size_t)line->length : 0) + 1;
	/* Glyphs and clusters first: their alignment is the block's. */
	char *block = g_malloc0(size);
	cairo_glyph_t *glyph_room = (cairo_glyph_t *)block;
	cairo_text_cluster_t *cluster_room = (cairo_text_cluster_t *)(glyph_room + nglyphs);
	dl_run *runs = (dl_run *)(cluster_room + nglyphs);
	dl_glyphs *g = (dl_glyphs *)(runs + nruns);
	char *chars = (char *)(g + 1);
	g->block = block;
	g->refs = 1;
	g->runs = runs;
	if (!line->layout)
		return g;
	const char *text = pango_layout_get_text(line->layout);
	g->text = chars;
	memcpy(g->text, text + line->start_index, (size_t)line->length);
	g->text[line->length] = '\0';
	chars += line->length + 1;
	int x_off = 0;
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *gi = l->data;
		PangoGlyphString *gs = gi->glyphs;
		cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font(
			PANGO_CAIRO_FONT(gi->item->analysis.font));
		x_off += gi->start_x_offset;
		int width = 0;
		for (int i = 0; i < gs->num_glyphs; i++)
			width += gs->glyphs[i].geometry.width;
		int room = gs->num_glyphs ? gs->num_glyphs : 1;
		if (font) {
			dl_run *r = &g->runs[g->nruns++];
			r->font = cairo_scaled_font_reference(font);
			r->glyphs = glyph_room;
			r->clusters = cluster_room;
			int pos = 0;
			for (int i = 0; i < gs->num_glyphs; i++) {
				PangoGlyphInfo *gl = &gs->glyphs[i];
				/* A character the font lacks shows as its
				 * .notdef glyph (a box), not as nothing. */
				if (gl->glyph != PANGO_GLYPH_EMPTY)
					r->glyphs[r->nglyphs++] = (cairo_glyph_t){
						gl->glyph & PANGO_GLYPH_UNKNOWN_FLAG ? 0 : gl->glyph,
						x + (double)(x_off + pos + gl->geometry.x_offset) / PANGO_SCALE,
						y + (double)(gl->geometry.y_offset - gi->y_offset) / PANGO_SCALE
					};
				pos += gl->geometry.width;
			}
			r->utf8 = g->text + (gi->item->offset - line->start_index);
			r->nbytes = gi->item->length;
			clusters_of(r, text, gi);
			drop_invisible(r, chars);
			chars += gi->item->length + 1;
		}
		glyph_room += room;
		cluster_room += room;
		x_off += width + gi->end_x_offset;
	}
	return g;
}

void dl_text(dl_page *p, PangoLayoutLine *line, double x, double baseline,
	     uint32_t color)
{
	dl_op *o = dl_add(p, DL_TEXT);
	o->glyphs = glyphs_of(line, x, baseline);
	o->str = dl_line_text(line);
	o->x = x, o->y = baseline, o->color = color;
	double lx;
	dl_line_extents(line, &lx, &o->w);
	PangoRectangle r;
	pango_layout_line_get_extents(line, NULL, &r);
	o->h = (double)r.height / PANGO_SCALE;
}

char *dl_line_text(PangoLayoutLine *line)
{
	if (!line->layout)
		return g_strdup("");
	const char *t = pango_layout_get_text(line->layout);
	const unsigned char *s = (const unsigned char *)t + line->start_index;
	const unsigned char *end = s + line->length;
	/* Byte by byte: the text is UTF-8, and the two characters left
	 * out (U+00AD, U+2028) are the only ones that begin C2 AD and
	 * E2 80 A8. */
	char *out = g_malloc((gsize)line->length + 2), *o = out;
	while (s < end) {
		if (s[0] == 0xC2 && s + 1 < end && s[1] == 0xAD) {
			if (s + 2 >= end) /* a soft hyphen where the line breaks */
				*o++ = '-';
			s += 2;
		} else if (s[0] == 0xE2 && s + 2 < end && s[1] == 0x80 && s[2] == 0xA8) {
			s += 3;
		} else {
			*o++ = (char)*s++;
		}
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

void dl_line_extents(PangoLayoutLine *line, double *x, double *w)
{
	PangoRectangle r;
	pango_layout_line_get_extents(line, NULL, &r);
	*x = (double)r.x / PANGO_SCALE;
	*w = (double)r.width / PANGO_SCALE;
}
