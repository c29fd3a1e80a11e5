/*
 * theme.h — the look of the documents: page sizes and margins, type
 * styles, colours and spacing.  Layouts take every size and colour from
 * here; nothing of the kind is written in their code.
 */
#ifndef PG_LAYOUTS_THEME_H
#define PG_LAYOUTS_THEME_H

#include "../generator/layout/engine.h"

typedef struct theme {
	eng_page portrait, landscape;
	eng_style body, heading[3], subtitle, caption, source, note;
	eng_style cover_title, cover_line, cover_date;
	eng_style toc_title, toc_entry;
	eng_style footer, footer_bold;
	eng_style table_head, table_cell, table_group, table_total;
	eng_style poa_title, poa_line, poa_head, poa_month, poa_cell, poa_group;
	uint32_t head_fill, group_fill, month_fill, border_color, rule_color;
	flow_notes notes;     /* the footnotes' rule */
	double para_space;    /* after a paragraph */
	double heading_space; /* before a heading */
	double list_indent;
	double cell_pad, border;
	uint32_t cell_fill; /* body cells */
	/* Spacings (points) before and after the kit's paragraphs. */
	double heading_after, subtitle_before, subtitle_after, list_item_space;
	double caption_before, caption_after;
	double table_before; /* tables of the narrative, POA matrices */
	double figure_before; /* charts, diagrams, budget tables */
	double image_max_h;   /* the tallest a picture is set */
	/* Shares of the width: budget tables (label, amount; with donors:
	 * label, amount, end date), the PEI link table, the action plan's. */
	double budget_cols[2], donor_cols[3], link_cols[3], action_cols[3];
	double toc_title_after, toc_entry_after, toc_indent;
	/* The cover: from the top to the title, after the title and the
	 * subtitle, before the institution lines, after each, before the date. */
	double cover_top, cover_title_after, cover_lines_before;
	double cover_line_after, cover_date_before;
	double cover_photo_h; /* a cover photo's height, at most */
	/* The logos' row: its height (the most), the gap between logos; the
	 * height of the officials' stamps and signatures at the cover's foot. */
	double cover_logo_h, cover_logo_gap, cover_sign_image_h;
	/* The footer: its baseline at this share of footer_h below the
	 * frame; the rule this far above it; the images' gap to the text
	 * and how far they rise above the baseline. */
	double footer_base, footer_rule_gap, footer_rule_lw;
	double footer_image_gap, footer_image_rise;
	double footer_h; /* room kept at the foot for the sign-off block */
	double footer_image_w, footer_image_h; /* a signatory's images there */
	/* The least width of one approver's block in the footer (images,
	 * cargo, name): more approvers than the width holds go in rows,
	 * row_gap apart. */
	double footer_block_w, footer_row_gap;
	/* The signature page: each signatory's box (its digital signature
	 * field), the images' height in it, the gap between boxes. */
	eng_style sign_cargo, sign_name;
	double sign_box_h, sign_image_h, sign_gap;
	double sign_line_gap, sign_line_inset; /* the signature line: gap, inset share */
	/* The rest are the documents' own additions to the base above. */
	/* The plan's POA pages: after the title and after each line above
	 * the matrix; the action plan's per-area titles. */
	double poa_title_after, poa_line_after;
	/* The matrices' rows up to this height move whole to the next page
	 * rather than split. */
	double poa_keep_row_h;
	int chapter_new_page; /* each top section starts a page (else: a section says so) */
	double cronograma_before; /* a Cronograma's title on its matrix's last page */
	double area_title_before, area_title_after, area_name_after;
	/* POA matrix column widths (points) in landscape:
	 * results, indicators, verification, activities, one month,
	 * responsible, funding, risk. */
	double poa_col[8];
	double quarter_rule; /* between the quarters of the month columns */
	tl_style timeline;   /* the POA timelines (Cronograma) */
	/* Charts and diagrams (their foot is set by the layout). */
	barchart_style bars;
	uint32_t bar_fill[3]; /* own funds (and one-series charts), donations, other */
	tree_style org;
	/* Organisation boxes by level: directive, advisory, support, operative. */
	uint32_t org_fill[4], org_border[4], org_text[4];
	boxes_style pei;
	/* The progress booklet's additions: the semáforo's colours (green,
	 * yellow, red, grey) and their text; the month headers up to the
	 * cut-off; the cut-off rule; the progress matrix's columns
	 * (results, indicators, activities, one month, % programado, % real,
	 * estado, comentario). */
	uint32_t light_fill[4], light_text[4];
	uint32_t cutoff_fill;
	double cutoff_rule;
	double progress_col[8];
	double keep_row_h; /* its tables' rows up to this height move whole */
	double keep_table_h; /* its small tables up to this height too */
	uint32_t bar_planned, bar_real;
	/* The accountability report's additions: its large figures and
	 * their labels, the gap after each; the smallest type it sets (for
	 * citizens, on paper and phones). */
	eng_style stat_value, stat_label;
	double stat_after;
	double min_size;
} theme;

/* t set for the accountability report: no type below min_size. */
void theme_report(theme *t);

/* The theme of the printed Plan de Acción (Letter, Calibri-like). */
const theme *theme_plan(void);
/* t set for A4 paper: the page sizes, the same margins, the matrix
 * columns widened in proportion to the wider landscape frame. */
void theme_a4(theme *t);

#endif
