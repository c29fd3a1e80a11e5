/*
 * plan.c — the annual Plan de Acción, as printed: cover, Contenido, the
 * numbered narrative with the tables and figures it places, then the POA
 * matrices on landscape pages, each followed by its Cronograma; every
 * page but the cover signed off in its footer with the page number;
 * last, the approval page with each signatory's signature field.  What
 * every document shares is the kit's (kit.h); here is only what is the
 * plan's: its blocks (the PEI's link table, the action plan's tables, a
 * unit's functions, where the POAs go) and their order.
 *
 * When no heading follows the POAs, pass 1 stops before them: nothing
 * after them moves a page number of the Contenido.
 */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit.h"

/* The plan's own state in the kit's document. */
typedef struct plan_doc {
	const pg_plan *p;
	int poas_last; /* no heading after the POAs */
} plan_doc;

static const pg_plan *plan_of(kit_doc *c)
{
	return ((const plan_doc *)c->self)->p;
}

/* ---- the plan's blocks ---- */

static int scopes_of(const pg_action_plan *ap, const pg_objective *o)
{
	int k = 0;
	for (const pg_scope *s = ap->scopes; s; s = s->next)
		k += s->objective == o;
	return k;
}

static int indicators_of(const pg_result *r)
{
	int k = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next)
		k++;
	return k;
}

/* A three-column table across the frame, with its header row. */
static table *three_columns(kit_doc *c, const double frac[3],
			    const char *const label[3])
{
	const theme *th = c->th;
	double width = flow_width(c->f);
	double w[3] = { width * frac[0], width * frac[1], width * frac[2] };
	table *t = table_new(c->e, 3, w, th->cell_pad, th->border, th->border_color);
	table_row(t, TABLE_HEADER, 0);
	for (int i = 0; i < 3; i++)
		table_cell(t, i, 1, 1, NULL, label[i], &th->table_head, th->head_fill);
	return t;
}

/* Tabla No. n: PEI areas and objectives → the action plan's scopes; an
 * objective without scopes keeps one empty row. */
static void link_table(kit_doc *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_plan *p = plan_of(c);
	const uint32_t W = th->cell_fill;
	if (!p->pei || !p->action)
		return;
	const char *label[3] = {
		c->w->link_head[0], c->w->link_head[1],
		arena_printf(c->a, c->w->link_head[2], p->title ? p->title : ""),
	};
	table *t = three_columns(c, th->link_cols, label);
	for (const pg_area *a = p->pei->areas; a; a = a->next) {
		int arows = 0;
		for (const pg_objective *o = a->objectives; o; o = o->next) {
			int k = scopes_of(p->action, o);
			arows += k ? k : 1;
		}
		int first_area = 1;
		for (const pg_objective *o = a->objectives; o; o = o->next) {
			int k = scopes_of(p->action, o), first_obj = 1;
			for (const pg_scope *s = p->action->scopes; s || first_obj;
			     s = s ? s->next : NULL) {
				if (s && s->objective != o)
					continue;
				if (!s && !first_obj)
					break;
				table_row(t, TABLE_BODY, 0);
				if (first_area)
					table_cell(t, 0, arows, 1, NULL, a->name, &th->table_group, W);
				if (first_obj)
					table_cell(t, 1, k ? k : 1, 1, NULL, o->text, &th->table_cell, W);
				table_cell(t, 2, 1, 1, s ? s->text : NULL, "", &th->table_cell, W);
				first_area = first_obj = 0;
				if (!s)
					break;
			}
		}
	}
	flow_add(c->f, table_block(t));
	kit_caption(c, c->w->table, &c->table_no, b->caption, b->source);
}

/* Per strategic area: scopes, strategic results, indicators. */
static void action_tables(kit_doc *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_plan *p = plan_of(c);
	const uint32_t W = th->cell_fill;
	(void)b;
	if (!p->pei || !p->action)
		return;
	for (const pg_area *a = p->pei->areas; a; a = a->next) {
		const pg_action_area *aa = p->action->areas;
		while (aa && aa->area != a)
			aa = aa->next;
		kit_para(c, NULL, p->action->title, &th->subtitle, NULL,
			 th->area_title_before, th->area_title_after, 1);
		kit_para(c, NULL, arena_printf(c->a, c->w->action_area_fmt,
					       aa && aa->name ? aa->name : a->name),
			 &th->subtitle, NULL, 0, th->area_name_after, 1);
		table *t;
		if (aa && aa->banner) {
			double width = flow_width(c->f);
			double w[3] = { width * th->action_cols[0], width * th->action_cols[1],
					width * th->action_cols[2] };
			t = table_new(c->e, 3, w, th->cell_pad, th->border, th->border_color);
			table_row(t, TABLE_HEADER, 0);
			table_cell(t, 0, 1, 3, NULL, aa->banner, &th->table_head, th->group_fill);
			table_row(t, TABLE_HEADER, 0);
			for (int i = 0; i < 3; i++)
				table_cell(t, i, 1, 1, NULL, c->w->action_head[i], &th->table_head,
					   th->head_fill);
		} else {
			t = three_columns(c, th->action_cols, c->w->action_head);
		}
		for (const pg_scope *s = p->action->scopes; s; s = s->next) {
			if (!s->objective || s->objective->area != a)
				continue;
			table_row(t, TABLE_BODY, 0);
			table_cell(t, 0, (int)pg_scope_rows(s), 1, s->text, NULL, &th->table_cell, W);
			if (!s->results) {
				table_cell(t, 1, 1, 1, NULL, "", &th->table_cell, W);
				table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, W);
			}
			for (const pg_result *r = s->results; r; r = r->next) {
				int k = indicators_of(r);
				if (r != s->results)
					table_row(t, TABLE_BODY, 0);
				table_cell(t, 1, k ? k : 1, 1, r->text, NULL, &th->table_cell, W);
				if (!r->indicators)
					table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, W);
				for (const pg_indicator *i = r->indicators; i; i = i->next) {
					if (i != r->indicators)
						table_row(t, TABLE_BODY, 0);
					table_cell(t, 2, 1, 1, i->text, NULL, &th->table_cell, W);
				}
			}
		}
		flow_add(c->f, table_block(t));
	}
}

/* A unit's functions, lettered, under its name unless nombre="no". */
static void functions(kit_doc *c, const pg_block *b)
{
	if (b->show_name)
		kit_para(c, NULL, b->unit->name, &c->th->subtitle, NULL,
			 c->th->subtitle_before, c->th->subtitle_after, 1);
	kit_list(c, PG_LIST_LETTERS, b->unit->functions);
}

static void pei_figure(kit_doc *c, const pg_block *b)
{
	kit_pei_figure(c, plan_of(c)->pei, b->caption, b->source);
}

static void org_chart(kit_doc *c, const pg_block *b)
{
	const pg_plan *p = plan_of(c);
	kit_org_chart(c, p->units, p->org_title, b->caption, b->source);
}

static void budget_table(kit_doc *c, const pg_block *b)
{
	kit_budget_table(c, plan_of(c)->budget, b->part, b->caption, b->source);
}

static void budget_chart(kit_doc *c, const pg_block *b)
{
	kit_budget_chart(c, plan_of(c)->budget, b->part, b->caption, b->source);
}

/* Every POA: its matrix, then its Cronograma. */
static void poas(kit_doc *c, const pg_block *b)
{
	(void)b;
	if (c->pass == 1 && ((const plan_doc *)c->self)->poas_last) {
		c->done = 1;
		return;
	}
	int i = 0;
	for (const pg_poa *o = plan_of(c)->poas; o && !flow_failed(c->f); o = o->next) {
		kit_poa_matrix(c, o, ++i);
		kit_cronograma(c, o, i, 3, NULL);
	}
}

/* How the plan lays out each block of its narrative (model/plan.h's
 * PG_BLOCKS: the plan has them all). */
static const kit_block_fn BLOCKS[PG_NBLOCKS] = {
	[PG_BLOCK_PARAGRAPH] = kit_paragraph,
	[PG_BLOCK_SUBTITLE] = kit_subtitle,
	[PG_BLOCK_LIST] = kit_list_block,
	[PG_BLOCK_TABLE] = kit_table,
	[PG_BLOCK_FIGURE] = kit_figure,
	[PG_BLOCK_PEI_FIGURE] = pei_figure,
	[PG_BLOCK_LINK_TABLE] = link_table,
	[PG_BLOCK_ACTION_TABLES] = action_tables,
	[PG_BLOCK_FUNCTIONS] = functions,
	[PG_BLOCK_ORGCHART] = org_chart,
	[PG_BLOCK_BUDGET_TABLE] = budget_table,
	[PG_BLOCK_BUDGET_CHART] = budget_chart,
	[PG_BLOCK_POAS] = poas,
	[PG_BLOCK_PHOTO] = kit_figure,
};

/* ---- the document ---- */

/* Whether a heading comes after the <poas/> placement. */
static int heading_after_poas(const pg_section *s, int *seen)
{
	for (; s; s = s->next) {
		if (*seen)
			return 1;
		for (const pg_block *b = s->blocks; b; b = b->next)
			if (b->kind == PG_BLOCK_POAS)
				*seen = 1;
		if (heading_after_poas(s->children, seen))
			return 1;
	}
	return 0;
}

static void body(kit_doc *c)
{
	const pg_plan *p = plan_of(c);
	kit_cover_spec cover = {
		.title = p->title, .subtitle = p->subtitle, .date = p->cover_date,
		.lines_above = p->cover_lines_above, .lines = p->cover_lines,
		.logos = p->logos, .signers = p->cover_signoff ? p->approvers : NULL,
	};
	kit_cover_draw(c, &cover);
	kit_contents(c, p->contents_title);
	kit_sections(c, p->sections, 1);
	if (c->pass == 2)
		kit_approval_page(c, kit_approval_reason(c->w, p->approval_reason, p->title, c->a),
				  p->approval_place, p->approval_date ? p->approval_date : p->date);
}

int layout_plan(const void *plan, eng *e, device *dev, diag *d)
{
	const pg_plan *p = plan;
	theme paper = *theme_plan();
	if (p->paper == PG_A4)
		theme_a4(&paper);
	if (!words_have(p->language))
		diag_add(d, DIAG_WARNING, p->file, 0, 0, "idioma=\"%s\": no printed "
			 "words in that language; the plan is printed in Spanish",
			 p->language);
	eng_set_language(e, p->language, d);
	kit_doc c;
	kit_doc_init(&c, e, &paper, words_for(p->language), dev, d);
	int seen = 0;
	plan_doc self = { p, !heading_after_poas(p->sections, &seen) };
	c.self = &self;
	c.file = p->file;
	c.approvers = p->approvers;
	c.blocks = BLOCKS;
	kit_toc_sections(&c, p->sections);
	int r = kit_doc_layout(&c, body);
	kit_doc_free(&c);
	return r;
}

void layout_plan_info(const void *plan, kit_info *i, arena *a)
{
	const pg_plan *p = plan;
	const words *w = words_for(p->language);
	kit_info_init(i, w, p->file, p->language, p->date, p->approvers,
		      kit_approval_reason(w, p->approval_reason, p->title, a),
		      p->approval_place);
	i->meta.title = p->title;
	i->meta.author = p->institution;
	i->meta.subject = p->pei ? p->pei->title : w->plan_subject;
	i->meta.keywords = w->plan_keywords;
}
