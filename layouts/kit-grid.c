/*
 * kit-grid.c — the small tables of the booklet and the report: columns
 * as shares of the frame, a header row, short rows moved whole; figures
 * as percentages; the semáforo as a coloured cell.
 */
#include "kit.h"

table *kit_grid(kit_doc *c, int n, const double *share, const char *const *label)
{
	const theme *th = c->th;
	double width = flow_width(c->f), w[KIT_GRID_MAX];
	if (n > KIT_GRID_MAX)
		n = KIT_GRID_MAX;
	for (int i = 0; i < n; i++)
		w[i] = width * share[i];
	table *t = table_new(c->e, n, w, th->cell_pad, th->border, th->border_color);
	table_keep_rows(t, th->keep_row_h);
	table_keep_whole(t, th->keep_table_h);
	table_row(t, TABLE_HEADER, 0);
	for (int i = 0; i < n; i++)
		table_cell(t, i, 1, 1, NULL, label[i], &th->table_head, th->head_fill);
	return t;
}

void kit_grid_add(kit_doc *c, table *t)
{
	block *bl = table_block(t);
	bl->space_before = c->th->table_before;
	bl->space_after = c->th->para_space;
	flow_add(c->f, bl);
}

void kit_light_cell(kit_doc *c, table *t, int col, enum pg_light l)
{
	eng_style st = c->th->table_cell;
	st.align = ENG_CENTER;
	st.color = c->th->light_text[l];
	table_cell(t, col, 1, 1, NULL, c->w->bk_light_name[l], &st, c->th->light_fill[l]);
}

const char *kit_pct(kit_doc *c, int has, double x)
{
	return has ? arena_printf(c->a, "%.1f %%", pg_round1(x)) : c->w->bk_na;
}

const char *kit_unit_name(const pg_poa *o)
{
	return o->unit && o->unit->acronym ? o->unit->acronym
	       : o->unit		   ? o->unit->name
					   : o->title;
}
