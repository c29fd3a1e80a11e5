/*
 * kit-budget.c — a part of the budget (income, expenses, funding
 * sources, donors) as a table of its lines and total, or as a bar
 * chart, largest first: income and expenses with each line's share,
 * funding sources coloured by kind with a stacked total, donors with
 * the date their funding ends.
 */
#include "kit.h"

static const char *part_title(kit_doc *c, const pg_money_table *m,
			      enum pg_budget_part part)
{
	return m->title ? m->title : c->w->budget_part[part];
}

static const char *total_label(kit_doc *c, const pg_money_table *m,
			       enum pg_budget_part part)
{
	return m->total_label ? m->total_label : c->w->budget_total[part];
}

void kit_budget_table(kit_doc *c, const pg_budget *bu, enum pg_budget_part part,
		      const char *caption, const char *source)
{
	const theme *th = c->th;
	const pg_money_table *m = bu ? bu->part[part] : NULL;
	if (!m)
		return;
	double width = flow_width(c->f);
	int donors = part == PG_DONORS;
	double w3[3], w2[2];
	for (int i = 0; i < 3; i++)
		w3[i] = width * th->donor_cols[i];
	for (int i = 0; i < 2; i++)
		w2[i] = width * th->budget_cols[i];
	table *t = table_new(c->e, donors ? 3 : 2, donors ? w3 : w2, th->cell_pad,
			     th->border, th->border_color);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	eng_style right_bold = th->table_total;
	right_bold.align = ENG_RIGHT;
	uint32_t W = th->cell_fill;
	table_row(t, TABLE_HEADER, 0);
	table_cell(t, 0, 1, 1, NULL, part_title(c, m, part), &th->table_head, th->head_fill);
	table_cell(t, 1, 1, 1, NULL, donors ? c->w->amount : c->w->total, &th->table_head,
		   th->head_fill);
	if (donors)
		table_cell(t, 2, 1, 1, NULL, c->w->end_date, &th->table_head, th->head_fill);
	for (const pg_money_line *l = m->lines; l; l = l->next) {
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, NULL, l->label, &th->table_cell, W);
		table_cell(t, 1, 1, 1, NULL, kit_money(c, l->cents), &right, W);
		if (donors)
			table_cell(t, 2, 1, 1, NULL,
				   l->end_date ? kit_date_short(c, l->end_date) : "",
				   &th->table_cell, W);
	}
	table_row(t, TABLE_BODY, 0);
	table_cell(t, 0, 1, 1, NULL, total_label(c, m, part), &th->table_total,
		   th->group_fill);
	table_cell(t, 1, 1, 1, NULL, kit_money(c, m->total), &right_bold, th->group_fill);
	if (donors)
		table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, th->group_fill);
	block *bl = table_block(t);
	bl->space_before = th->figure_before;
	bl->space_after = th->para_space;
	flow_add(c->f, bl);
	if (caption || source)
		kit_caption(c, c->w->table, &c->table_no, caption, source);
}

/* The part's lines, largest first (stable: equal amounts keep their
 * order); the array is the arena's. */
static const pg_money_line **by_amount(kit_doc *c, const pg_money_table *m, int *n)
{
	int k = 0;
	for (const pg_money_line *l = m->lines; l; l = l->next)
		k++;
	const pg_money_line **v = arena_array_of(c->a, const pg_money_line *, k + 1);
	k = 0;
	for (const pg_money_line *l = m->lines; l; l = l->next) {
		int i = k++;
		while (i > 0 && v[i - 1]->cents < l->cents) {
			v[i] = v[i - 1];
			i--;
		}
		v[i] = l;
	}
	*n = k;
	return v;
}

void kit_budget_chart(kit_doc *c, const pg_budget *bu, enum pg_budget_part part,
		      const char *caption, const char *source)
{
	const theme *th = c->th;
	const pg_money_table *m = bu ? bu->part[part] : NULL;
	if (!m)
		return;
	barchart_style st = th->bars;
	st.foot = kit_caption_room(c, caption, source);
	const char *title = arena_printf(c->a, c->w->chart_title_fmt, part_title(c, m, part),
					 total_label(c, m, part), kit_money(c, m->total));
	barchart *ch = barchart_new(c->e, title, &st);
	int series[3] = { 0, 0, 0 };
	if (part == PG_SOURCES) {
		int used[3] = { 0, 0, 0 };
		for (const pg_money_line *l = m->lines; l; l = l->next)
			used[l->source] = 1;
		for (int k = 0; k < 3; k++)
			series[k] = used[k] ? barchart_series(ch, c->w->funding[k], th->bar_fill[k])
					    : -1;
	} else {
		barchart_series(ch, NULL, th->bar_fill[0]);
	}
	int n;
	const pg_money_line **v = by_amount(c, m, &n);
	for (int i = 0; i < n; i++) {
		const pg_money_line *l = v[i];
		const char *value = kit_money_share(c, l->cents, m->total);
		if (part == PG_DONORS && l->end_date && l->cents)
			value = arena_printf(c->a, c->w->ends_fmt, kit_money(c, l->cents),
					     kit_date_short(c, l->end_date));
		barchart_row(ch, l->label, value);
		barchart_segment(ch, part == PG_SOURCES ? series[l->source] : 0,
				 (double)l->cents);
	}
	if (part == PG_SOURCES && n > 1) {
		barchart_row(ch, total_label(c, m, part), kit_money(c, m->total));
		for (int i = 0; i < n; i++)
			barchart_segment(ch, series[v[i]->source], (double)v[i]->cents);
	}
	block *bl = barchart_block(ch);
	bl->space_before = th->figure_before;
	flow_add(c->f, bl);
	kit_caption(c, c->w->figure, &c->figure_no, caption, source);
}
