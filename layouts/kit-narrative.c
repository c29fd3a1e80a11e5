/*
 * kit-narrative.c — numbered sections and the narrative blocks every
 * document may hold: paragraphs, subtitles, lists, tables, figures.
 * The blocks of a section are laid out through the document's table of
 * block functions (c->blocks), so a document lays out what it has and
 * the kit knows no document's own blocks.
 */
#include "kit.h"

#include <stdlib.h>

static void toc_sections(kit_doc *c, const pg_section *s, const char *prefix,
			 int level)
{
	int n = 0;
	for (; s; s = s->next) {
		if (pg_section_empty(s))
			continue; /* not printed (the reader warns) */
		char *num = NULL;
		if (s->numbered) {
			n++;
			num = prefix ? arena_printf(c->a, "%s.%d", prefix, n)
				     : arena_printf(c->a, "%d", n);
		}
		char *dest = num ? arena_printf(c->a, "sec-%s", num)
				 : arena_printf(c->a, "sec-u%d", c->ntoc + 1);
		kit_toc_add(c, num, s->title, level, dest);
		toc_sections(c, s->children, num, level + 1);
	}
}

void kit_toc_sections(kit_doc *c, const pg_section *s)
{
	toc_sections(c, s, NULL, 1);
}

static void sections(kit_doc *c, const pg_section *s, const pg_section *first,
		     int level)
{
	for (; s && !c->done; s = s->next) {
		if (pg_section_empty(s))
			continue;
		const kit_heading *h = kit_heading_next(c);
		kit_portrait(c);
		/* A section follows the text before it on the page, unless it
		 * or the theme (for top sections) asks for a new page. */
		int new_page = s->new_page >= 0 ? s->new_page
						 : level == 1 && c->th->chapter_new_page;
		if (new_page && s != first)
			flow_break(c->f);
		flow_at(c->f, c->file, s->line);
		kit_heading_para(c, h);
		kit_blocks(c, s->blocks);
		if (c->done)
			return;
		sections(c, s->children, first, level + 1);
	}
}

void kit_sections(kit_doc *c, const pg_section *s, int level)
{
	sections(c, s, s, level);
}

void kit_blocks(kit_doc *c, const pg_block *b)
{
	for (; b && !flow_failed(c->f); b = b->next)
		if (c->blocks[b->kind]) {
			flow_at(c->f, c->file, b->line);
			c->blocks[b->kind](c, b);
		}
}

void kit_paragraph(kit_doc *c, const pg_block *b)
{
	kit_para(c, b->text, NULL, &c->th->body, NULL, 0, c->th->para_space, 0);
}

void kit_subtitle(kit_doc *c, const pg_block *b)
{
	kit_para(c, b->text, NULL, &c->th->subtitle, NULL, c->th->subtitle_before,
		 c->th->subtitle_after, 1);
}

static const char *letter(kit_doc *c, enum pg_list_kind k, int i)
{
	switch (k) {
	case PG_LIST_LETTERS:
		return arena_printf(c->a, "%c.", 'a' + i % 26);
	case PG_LIST_NUMBERS:
		return arena_printf(c->a, "%d.", i + 1);
	case PG_LIST_BULLETS:
		break;
	}
	return "\xe2\x80\xa2"; /* • */
}

void kit_list(kit_doc *c, enum pg_list_kind k, const pg_item *items)
{
	int i = 0;
	if (items)
		flow_add(c->f, tag_new("L"));
	for (const pg_item *it = items; it; it = it->next, i++) {
		para_opts o = { 0 };
		o.indent = c->th->list_indent;
		o.label = letter(c, k, i);
		kit_para(c, it->text, NULL, &c->th->body, &o, 0,
			 it->next ? c->th->list_item_space : c->th->para_space, 0);
	}
	if (items)
		flow_add(c->f, tag_new(NULL));
}

void kit_list_block(kit_doc *c, const pg_block *b)
{
	kit_list(c, b->list, b->items);
}

static eng_style aligned(eng_style st, enum pg_align a)
{
	st.align = a == PG_ALIGN_CENTER ? ENG_CENTER
		   : a == PG_ALIGN_RIGHT ? ENG_RIGHT
					 : ENG_LEFT;
	return st;
}

/* A hand-written table across the frame: header rows repeated on every
 * page, group rows across the width, cells placed in the columns the
 * merged cells above leave free. */
void kit_table(kit_doc *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_table *tb = b->table;
	double width = flow_width(c->f);
	double *w = arena_array_of(c->a, double, tb->ncols);
	for (int i = 0; i < tb->ncols; i++)
		w[i] = tb->widths[i] * width;
	table *t = table_new(c->e, tb->ncols, w, th->cell_pad, th->border,
			     th->border_color);
	/* Column positions of cells, merged cells counted. */
	int nrows = 0;
	for (const pg_row *r = tb->rows; r; r = r->next)
		nrows++;
	int *busy = calloc((size_t)(nrows + 1) * (size_t)tb->ncols, sizeof *busy);
	if (!busy)
		pg_oom();
	int ri = 0;
	for (const pg_row *r = tb->rows; r; r = r->next, ri++) {
		int kind = r->kind == PG_ROW_HEADER ? TABLE_HEADER
			   : r->kind == PG_ROW_GROUP ? TABLE_GROUP
						     : TABLE_BODY;
		table_row(t, kind, 0);
		int col = 0;
		for (const pg_cell *cl = r->cells; cl; cl = cl->next) {
			while (col < tb->ncols && busy[ri * tb->ncols + col])
				col++;
			if (col >= tb->ncols)
				break;
			const eng_style *st = r->kind == PG_ROW_HEADER  ? &th->table_head
					      : r->kind == PG_ROW_GROUP ? &th->table_group
					      : r->kind == PG_ROW_TOTAL ? &th->table_total
									: &th->table_cell;
			eng_style s2 = r->kind == PG_ROW_HEADER ? *st : aligned(*st, cl->align);
			int cols = r->kind == PG_ROW_GROUP ? tb->ncols - col : cl->cols;
			uint32_t fill = r->kind == PG_ROW_HEADER  ? th->head_fill
					: r->kind == PG_ROW_GROUP ? th->group_fill
								  : th->cell_fill;
			table_cell(t, col, cl->rows, cols, cl->text, NULL, &s2, fill);
			for (int dr = 0; dr < cl->rows && ri + dr < nrows; dr++)
				for (int dc = 0; dc < cols && col + dc < tb->ncols; dc++)
					busy[(ri + dr) * tb->ncols + col + dc] = 1;
			col += cols;
		}
	}
	free(busy);
	block *bl = table_block(t);
	bl->space_before = th->table_before;
	flow_add(c->f, bl);
	if (b->caption || b->source)
		kit_caption(c, c->w->table, &c->table_no, b->caption, b->source);
}

/* A figure: the picture at its share of the width, kept with its
 * numbered caption. */
void kit_figure(kit_doc *c, const pg_block *b)
{
	kit_photo(c, b->file, b->width_pct / 100.0, b->caption, b->source);
}

void kit_photo(kit_doc *c, const char *file, double share, const char *caption,
	       const char *source)
{
	block *bl = image_new(c->e, file, share, c->th->image_max_h, caption);
	bl->space_before = c->th->figure_before;
	bl->space_after = caption || source ? 0 : c->th->para_space;
	bl->keep_with_next = caption || source;
	flow_add(c->f, bl);
	kit_caption(c, c->w->figure, &c->figure_no, caption, source);
}
