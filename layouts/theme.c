/*
 * theme.c — the printed Plan de Acción's look: US Letter, portrait for
 * the narrative and landscape for the POA matrices, Carlito (metric
 * twin of Calibri) 11 pt justified text, blue headings, light grey
 * header rows, green month shading and timeline bars; charts and
 * diagrams in the same blues, with an orange for donations and the
 * advisory level.
 */
#include "theme.h"

#define FONT "Carlito"

static const theme PLAN = {
	.portrait = { 612, 792, 72, 90, 85, 72 },
	.landscape = { 792, 612, 54, 84, 36, 36 },
	.body = { FONT, 11, 1.08, 0, 0, 0x000000, ENG_JUSTIFY, 1 },
	.heading = {
		{ FONT, 16, 0, 1, 0, 0x1f3864, ENG_LEFT, 0 },
		{ FONT, 13, 0, 1, 0, 0x1f3864, ENG_LEFT, 0 },
		{ FONT, 11.5, 0, 1, 0, 0x1f3864, ENG_LEFT, 0 },
	},
	.subtitle = { FONT, 11, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.caption = { FONT, 10, 0, 1, 0, 0x1f3864, ENG_CENTER, 0 },
	.source = { FONT, 9, 0, 0, 1, 0x404040, ENG_CENTER, 0 },
	.note = { FONT, 9, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
	.cover_title = { FONT, 34, 0, 1, 0, 0x1f3864, ENG_CENTER, 0 },
	.cover_line = { FONT, 18, 0, 1, 0, 0x000000, ENG_CENTER, 0 },
	.cover_date = { FONT, 14, 0, 0, 0, 0x000000, ENG_CENTER, 0 },
	.toc_title = { FONT, 16, 0, 1, 0, 0x1f3864, ENG_LEFT, 0 },
	.toc_entry = { FONT, 11, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
	.footer = { FONT, 8, 0, 0, 0, 0x000000, ENG_CENTER, 0 },
	.footer_bold = { FONT, 8, 0, 1, 0, 0x000000, ENG_CENTER, 0 },
	/* Headers shrink to fit their columns before a word breaks. */
	.table_head = { FONT, 10, 0, 1, 0, 0x000000, ENG_CENTER, 0, 8 },
	.table_cell = { FONT, 10, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
	.table_group = { FONT, 10, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.table_total = { FONT, 10, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.poa_title = { FONT, 12, 0, 1, 0, 0x000000, ENG_CENTER, 0 },
	.poa_line = { FONT, 9, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.poa_head = { FONT, 7, 0, 1, 0, 0x000000, ENG_CENTER, 0, 6 },
	/* Month labels of three letters ("May") shrink to clear the
	 * quarter rules: the one header below 6 pt. */
	.poa_month = { FONT, 6, 0, 1, 0, 0x000000, ENG_CENTER, 0, 5 },
	.poa_cell = { FONT, 7, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
	.poa_group = { FONT, 7.5, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.head_fill = 0xd9e2f3,
	.group_fill = 0xf2f2f2,
	.month_fill = 0x70ad47,
	.border_color = 0x000000,
	.rule_color = 0x1f3864,
	.notes = { 6, 144, 0.5, 0x000000 },
	.para_space = 8,
	.heading_space = 14,
	.list_indent = 22,
	.cell_pad = 4,
	.border = 0.5,
	.cell_fill = 0xffffff,
	.heading_after = 8,
	.subtitle_before = 6,
	.subtitle_after = 4,
	.list_item_space = 3,
	.caption_before = 4,
	.caption_after = 2,
	.table_before = 4,
	.figure_before = 6,
	.image_max_h = 420,
	.budget_cols = { 0.65, 0.35 },
	.donor_cols = { 0.5, 0.25, 0.25 },
	.link_cols = { 0.25, 0.35, 0.40 },
	.action_cols = { 0.34, 0.33, 0.33 },
	.toc_title_after = 12,
	.toc_entry_after = 6,
	.toc_indent = 18,
	.cover_top = 180,
	.cover_title_after = 12,
	.cover_lines_before = 80,
	.cover_line_after = 2,
	.cover_date_before = 60,
	.cover_photo_h = 300,
	.cover_logo_h = 60,
	.cover_logo_gap = 12,
	.cover_sign_image_h = 90,
	.footer_base = 0.35,
	.footer_rule_gap = 8, /* the rule clear of the last footnote's descenders */
	.footer_rule_lw = 0.5,
	.footer_image_gap = 4,
	.footer_image_rise = 6,
	.footer_h = 48,
	.footer_image_w = 42,
	.footer_image_h = 28,
	.footer_block_w = 140,
	.footer_row_gap = 4,
	.sign_cargo = { FONT, 10, 0, 1, 0, 0x000000, ENG_CENTER, 0 },
	.sign_name = { FONT, 10, 0, 0, 0, 0x000000, ENG_CENTER, 0 },
	.sign_box_h = 128,
	.sign_image_h = 90,
	.sign_gap = 24,
	.sign_line_gap = 4,
	.sign_line_inset = 0.15,
	.poa_title_after = 6,
	.poa_line_after = 2,
	.poa_keep_row_h = 72,
	.chapter_new_page = 0,
	.cronograma_before = 24,
	.area_title_before = 10,
	.area_title_after = 2,
	.area_name_after = 6,
	/* The funding column holds FINANCIAMIENTO at 6 pt. */
	.poa_col = { 84, 96, 80, 126, 13, 60, 54, 64 },
	.quarter_rule = 1.5,
	.timeline = {
		.head = { FONT, 7.5, 0, 1, 0, 0x000000, ENG_CENTER, 0, 6 },
		.group = { FONT, 7.5, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
		.item = { FONT, 7.5, 0, 0, 0, 0x000000, ENG_LEFT, 1 },
		.legend = { FONT, 7.5, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
		.head_fill = 0xd9e2f3,
		.group_fill = 0xf2f2f2,
		.bar = 0x70ad47,
		.group_bar = 0x385723,
		.actual = 0xbdd7ee,
		.progress = 0x2e75b6,
		.milestone = 0x1f3864,
		.cutoff = 0xc00000,
		.grid = 0xbfbfbf,
		.rule = 0x000000,
		.label_w = 276,
		.bar_h = 6,
		.pad = 2.5,
		.indent = 8,
		.grid_lw = 0.4,
		.rule_lw = 0.5,
		.span_lw = 1.5,
		.max_lines = 24, /* labels wrap; "…" only past a third of a page */
	},
	.bars = {
		.title = { FONT, 10, 0, 1, 0, 0x1f3864, ENG_CENTER, 0 },
		.label = { FONT, 9, 0, 0, 0, 0x000000, ENG_RIGHT, 1 },
		.value = { FONT, 9, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
		.legend = { FONT, 8.5, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
		.bar_h = 11,
		.pad = 8,
		.axis = 0x404040,
		.frame = 0xbfbfbf,
	},
	.bar_fill = { 0x2e75b6, 0xed7d31, 0xa5a5a5 },
	.org = {
		.title = { FONT, 11, 0, 1, 0, 0x1f3864, ENG_CENTER, 0 },
		.node = { FONT, 8, 0, 0, 0, 0x000000, ENG_CENTER, 0 },
		.more = { FONT, 8, 0, 0, 1, 0x000000, ENG_CENTER, 0 },
		.legend = { FONT, 8, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
		.box_w = 84,
		.pad = 3.5,
		.hgap = 8,
		.vgap = 16,
		.min_scale = 0.75, /* 6 pt names */
		.line_w = 0.75,
		.line = 0x404040,
	},
	.org_fill = { 0x1f3864, 0xfbe5d6, 0xe2f0d9, 0xdeebf7 },
	.org_border = { 0x1f3864, 0xc55a11, 0x548235, 0x2e75b6 },
	.org_text = { 0xffffff, 0x000000, 0x000000, 0x000000 },
	.pei = {
		.title = { FONT, 9.5, 0, 1, 0, 0xffffff, ENG_CENTER, 0 },
		.text = { FONT, 9.5, 0, 0, 0, 0x000000, ENG_CENTER, 1 },
		.fill = 0xeef3fa,
		.title_fill = 0x1f3864,
		.border = 0x1f3864,
		.line = 0x8eaadb,
		.pad = 5,
		.gap = 14,
	},
	.light_fill = { 0x70ad47, 0xffc000, 0xc00000, 0xbfbfbf },
	.light_text = { 0x000000, 0x000000, 0xffffff, 0x000000 },
	.cutoff_fill = 0xf8cbad,
	.cutoff_rule = 2.5,
	.progress_col = { 84, 96, 150, 13, 34, 34, 50, 116 },
	.keep_row_h = 120,
	.keep_table_h = 320,
	.stat_value = { FONT, 34, 0, 1, 0, 0x1f3864, ENG_LEFT, 0 },
	.stat_label = { FONT, 14, 0, 1, 0, 0x2e75b6, ENG_LEFT, 0 },
	.stat_after = 18,
	.min_size = 11,
	.bar_planned = 0xa5a5a5,
	.bar_real = 0x2e75b6,
};

const theme *theme_plan(void)
{
	return &PLAN;
}

void theme_a4(theme *t)
{
	const double w = 595.28, h = 841.89;
	double old = t->landscape.w - t->landscape.left - t->landscape.right;
	t->portrait.w = w, t->portrait.h = h;
	t->landscape.w = h, t->landscape.h = w;
	double k = (t->landscape.w - t->landscape.left - t->landscape.right) / old;
	for (int i = 0; i < (int)(sizeof t->poa_col / sizeof *t->poa_col); i++)
		t->poa_col[i] *= k;
	for (int i = 0; i < (int)(sizeof t->progress_col / sizeof *t->progress_col); i++)
		t->progress_col[i] *= k;
}

static void at_least(eng_style *s, double size)
{
	if (s->size < size)
		s->size = size;
	if (s->fit_size && s->fit_size < size)
		s->fit_size = size;
}

void theme_report(theme *t)
{
	eng_style *all[] = {
		&t->body, &t->subtitle, &t->caption, &t->source, &t->note,
		&t->toc_entry, &t->table_head, &t->table_cell, &t->table_group,
		&t->table_total, &t->bars.title, &t->bars.label, &t->bars.value,
		&t->bars.legend, &t->org.title, &t->pei.title, &t->pei.text,
	};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		at_least(all[i], t->min_size);
	t->bars.bar_h = 14;
}
