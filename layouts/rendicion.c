/*
 * rendicion.c — the accountability report (informe de rendición de
 * cuentas), for citizens: portrait pages, one column, type of 11 pt and
 * more, every figure with its unit and a sentence saying what it means.
 * Cover with a photo; contents; the authorities' messages, signed; the
 * institution (mission, vision, values, organisation chart); one page of
 * large figures; one chapter per strategic area (its achievements and
 * photos, its results' cumplimiento, its activities by estado); budget
 * execution; cooperation; access to information; challenges; the public
 * hearing; the final evaluation as the last chapter; an annex of every
 * indicator; the approval page.  A chapter without data is left out.
 * The figures are the model's (report.h, figures.h).
 */
#include "rendicion.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const pg_accountability *report_of(kit_doc *c)
{
	return c->self;
}

/* A chapter follows the one before on its page, unless the theme sets
 * each on a new page. */
static void heading(kit_doc *c)
{
	kit_portrait(c);
	if (c->th->chapter_new_page)
		flow_break(c->f);
	kit_heading_para(c, kit_heading_next(c));
}

static void para(kit_doc *c, const char *text)
{
	kit_para(c, NULL, text, &c->th->body, NULL, 0, c->th->para_space, 0);
}

/* A sentence that introduces the table or chart after it: kept with it
 * (and so with the heading before it), never alone at a page's foot. */
static void intro(kit_doc *c, const char *text)
{
	kit_para(c, NULL, text, &c->th->body, NULL, 0, c->th->para_space, 1);
}

static void subtitle(kit_doc *c, const char *text)
{
	kit_para(c, NULL, text, &c->th->subtitle, NULL, c->th->subtitle_before,
		 c->th->subtitle_after, 1);
}

/* Σ over the rubros. */
static void budget_total(const pg_accountability *r, int64_t *planned, int64_t *executed)
{
	*planned = *executed = 0;
	for (const pg_rubro *ru = r->rubros; ru; ru = ru->next) {
		*planned += ru->planned;
		*executed += ru->executed;
	}
}

static int64_t cooperation(const pg_accountability *r, int *n)
{
	int64_t sum = 0;
	*n = 0;
	for (const pg_aporte *a = r->aportes; a; a = a->next, ++*n)
		sum += a->cents;
	return sum;
}

/* ---- the chapters ---- */

static void messages(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	for (const pg_message *m = r->messages; m; m = m->next) {
		heading(c);
		flow_at(c->f, c->file, m->line);
		kit_blocks(c, m->blocks);
		const pg_signatory *s = m->signer;
		if (s) {
			/* Signed: the handwritten signature if there is one, the
			 * name, the cargo, kept together at the message's end. */
			if (s->signature) {
				block *bl = image_new(c->e, s->signature, 0.3, c->th->footer_image_h * 2,
						     arena_printf(c->a, "%s%s", c->w->rc_signed_by, s->name ? s->name : s->cargo));
				bl->space_before = c->th->heading_space;
				bl->keep_with_next = 1;
				flow_add(c->f, bl);
			}
			eng_style st = c->th->body;
			st.align = ENG_CENTER;
			st.bold = 1;
			kit_para(c, NULL, s->name ? s->name : s->cargo, &st, NULL,
				 s->signature ? 0 : c->th->heading_space, 0, s->name != NULL);
			st.bold = 0;
			if (s->name)
				kit_para(c, NULL, s->cargo, &st, NULL, 0, c->th->para_space, 0);
		}
	}
}

static void institution(kit_doc *c)
{
	const pg_plan *p = report_of(c)->last;
	const pg_pei *pe = p->pei;
	heading(c);
	if (pe && pe->mission) {
		subtitle(c, c->w->rc_mission);
		para(c, pe->mission);
	}
	if (pe && pe->vision) {
		subtitle(c, c->w->rc_vision);
		para(c, pe->vision);
	}
	if (pe && pe->values) {
		subtitle(c, c->w->rc_values);
		kit_list(c, PG_LIST_BULLETS, pe->values);
	}
	if (p->units)
		kit_org_chart(c, p->units, p->org_title, NULL, NULL);
}

/* One large figure: its value, its label, and the sentence that says
 * what it means. */
static void stat(kit_doc *c, const char *value, const char *label, const char *sentence)
{
	const theme *th = c->th;
	kit_para(c, NULL, value, &th->stat_value, NULL, 0, 0, 1);
	kit_para(c, NULL, label, &th->stat_label, NULL, 0, th->caption_after, 1);
	kit_para(c, NULL, sentence, &th->body, NULL, 0, th->stat_after, 0);
}

static void in_figures(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const words *w = c->w;
	heading(c);
	pg_figures all = pg_sum_figures(&r->all);
	stat(c, kit_pct(c, all.has_ratio, all.ratio), w->rc_ratio_label,
	     arena_printf(c->a, w->rc_ratio_fmt, kit_pct(c, all.has_real, all.real),
			  kit_pct(c, all.has_planned, all.planned)));
	stat(c, arena_printf(c->a, "%d / %d", all.by_state[PG_FINISHED], all.activities),
	     w->rc_finished_label,
	     arena_printf(c->a, w->rc_finished_fmt, all.activities, all.by_state[PG_FINISHED]));
	if (r->rubros) {
		int64_t pl, ex;
		budget_total(r, &pl, &ex);
		int has;
		double e = pg_execution(pl, ex, &has);
		stat(c, kit_pct(c, has, e), w->rc_budget_label,
		     arena_printf(c->a, w->rc_budget_fmt, kit_money(c, ex), kit_money(c, pl)));
	}
	if (r->aportes) {
		int n;
		int64_t sum = cooperation(r, &n);
		stat(c, kit_money(c, sum), w->rc_coop_label, arena_printf(c->a, w->rc_coop_fmt, n));
	}
	if (r->has_info) {
		int has = r->info_received > 0;
		double x = has ? 100.0 * r->info_answered / r->info_received : 0;
		stat(c, arena_printf(c->a, "%ld / %ld", r->info_answered, r->info_received),
		     w->rc_access_label,
		     arena_printf(c->a, w->rc_access_fmt, r->info_answered, r->info_received,
				  kit_pct(c, has, x)));
	}
}

static const pg_achievement *achievements_of(const pg_accountability *r, const char *id)
{
	for (const pg_achievement *a = r->achievements; a; a = a->next)
		if (id && a->area && !strcmp(a->area, id))
			return a;
	return NULL;
}

static int same_area(const pg_report_area *ra, const pg_area *a)
{
	return ra->id ? a && !strcmp(a->id, ra->id) : !a;
}

/* A chart of the cumplimiento of the results whose activities are of
 * area ra, in every plan of the period. */
static void results_chart(kit_doc *c, const pg_report_area *ra)
{
	const pg_accountability *r = report_of(c);
	const theme *th = c->th;
	barchart_style st = th->bars;
	st.foot = 0;
	barchart *ch = barchart_new(c->e, c->w->rc_results_chart, &st);
	int sr = barchart_series(ch, NULL, th->bar_real);
	int rows = 0;
	for (int k = 0; k < r->nsources; k++) {
		const pg_source *s = &r->sources[k];
		for (int i = 0; i < s->nplaces;) {
			const pg_result *res = s->places[i].result;
			pg_sum sum = { 0 };
			int j = i;
			for (; j < s->nplaces && s->places[j].result == res; j++)
				if (same_area(ra, pg_activity_area(&s->places[j])))
					pg_source_add(&sum, s, j);
			if (sum.activities) {
				pg_figures f = pg_sum_figures(&sum);
				const pg_poa *o = s->places[i].poa;
				const char *unit = o->unit && o->unit->acronym ? o->unit->acronym
						   : o->unit ? o->unit->name : o->id;
				const char *label = arena_printf(c->a, "%s%s%s", res->code ? res->code : "",
								 res->code ? " · " : "", unit);
				barchart_row(ch, label, kit_pct(c, f.has_ratio, f.ratio));
				barchart_segment(ch, sr, f.has_ratio ? f.ratio : 0);
				rows++;
			}
			i = j;
		}
	}
	block *bl = barchart_block(ch);
	if (!rows) {
		bl->kind->free(bl);
		return;
	}
	bl->space_before = th->figure_before;
	bl->space_after = th->para_space;
	flow_add(c->f, bl);
}

static void state_table(kit_doc *c, const pg_figures *f)
{
	const theme *th = c->th;
	static const double f2[2] = { 0.6, 0.4 };
	const char *h[2] = { c->w->bk_count_state, c->w->bk_activities };
	table *t = kit_grid(c, 2, f2, h);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	/* In the order the issue reads them: done first. */
	static const enum pg_state order[PG_NSTATES] = { PG_FINISHED, PG_ONGOING,
							 PG_RESCHEDULED, PG_NOT_STARTED,
							 PG_UNREPORTED, PG_CANCELLED };
	for (int k = 0; k < PG_NSTATES; k++) {
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, NULL, c->w->bk_state_name[order[k]], &th->table_cell,
			   th->cell_fill);
		table_cell(t, 1, 1, 1, NULL, arena_printf(c->a, "%d", f->by_state[order[k]]),
			   &right, th->cell_fill);
	}
	table_row(t, TABLE_BODY, 0);
	table_cell(t, 0, 1, 1, NULL, c->w->total, &th->table_total, th->group_fill);
	table_cell(t, 1, 1, 1, NULL, arena_printf(c->a, "%d", f->activities), &right,
		   th->group_fill);
	kit_grid_add(c, t);
}

static void areas(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const words *w = c->w;
	for (int k = 0; k < r->nareas; k++) {
		const pg_report_area *ra = &r->areas[k];
		pg_figures f = pg_sum_figures(&ra->sum);
		heading(c);
		if (ra->id)
			intro(c, arena_printf(c->a, w->rc_area_sentence_fmt, f.activities,
					      f.by_state[PG_FINISHED], kit_pct(c, f.has_ratio, f.ratio),
					      w->bk_light_name[f.light]));
		else
			intro(c, arena_printf(c->a, w->rc_area_none_fmt, f.activities));
		state_table(c, &f);
		const pg_achievement *l = achievements_of(r, ra->id);
		if (l) {
			flow_at(c->f, c->file, l->line);
			kit_blocks(c, l->blocks);
		}
		results_chart(c, ra);
	}
}

static void budget(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	heading(c);
	int64_t pl, ex;
	budget_total(r, &pl, &ex);
	int has;
	double e = pg_execution(pl, ex, &has);
	intro(c, arena_printf(c->a, w->rc_budget_sentence_fmt, kit_money(c, ex), kit_money(c, pl),
			      kit_pct(c, has, e)));
	barchart_style st = th->bars;
	st.foot = 0;
	barchart *ch = barchart_new(c->e, r->budget_title ? r->budget_title : w->rc_budget, &st);
	int sp = barchart_series(ch, w->rc_planned, th->bar_planned);
	int se = barchart_series(ch, w->rc_executed, th->bar_real);
	for (const pg_rubro *ru = r->rubros; ru; ru = ru->next) {
		barchart_row(ch, ru->name, kit_money(c, ru->planned));
		barchart_segment(ch, sp, (double)ru->planned);
		barchart_row(ch, "", kit_money(c, ru->executed));
		barchart_segment(ch, se, (double)ru->executed);
	}
	block *bl = barchart_block(ch);
	bl->space_before = th->figure_before;
	bl->space_after = th->para_space;
	flow_add(c->f, bl);
	static const double f4[4] = { 0.40, 0.22, 0.22, 0.16 };
	const char *h[4] = { w->rc_rubro, w->rc_planned, w->rc_executed, w->rc_execution };
	table *t = kit_grid(c, 4, f4, h);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	for (const pg_rubro *ru = r->rubros; ru; ru = ru->next) {
		int h2;
		double x = pg_execution(ru->planned, ru->executed, &h2);
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, NULL, ru->name, &th->table_cell, th->cell_fill);
		table_cell(t, 1, 1, 1, NULL, kit_money(c, ru->planned), &right, th->cell_fill);
		table_cell(t, 2, 1, 1, NULL, kit_money(c, ru->executed), &right, th->cell_fill);
		table_cell(t, 3, 1, 1, NULL, kit_pct(c, h2, x), &right, th->cell_fill);
	}
	eng_style rb = th->table_total;
	rb.align = ENG_RIGHT;
	table_row(t, TABLE_BODY, 0);
	table_cell(t, 0, 1, 1, NULL, w->total, &th->table_total, th->group_fill);
	table_cell(t, 1, 1, 1, NULL, kit_money(c, pl), &rb, th->group_fill);
	table_cell(t, 2, 1, 1, NULL, kit_money(c, ex), &rb, th->group_fill);
	table_cell(t, 3, 1, 1, NULL, kit_pct(c, has, e), &rb, th->group_fill);
	kit_grid_add(c, t);
}

static void cooperation_chapter(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	heading(c);
	int n;
	int64_t sum = cooperation(r, &n);
	intro(c, arena_printf(c->a, w->rc_coop_sentence_fmt, kit_money(c, sum)));
	static const double f3[3] = { 0.30, 0.22, 0.48 };
	const char *h[3] = { w->rc_donor, w->rc_amount, w->rc_purpose };
	table *t = kit_grid(c, 3, f3, h);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	for (const pg_aporte *a = r->aportes; a; a = a->next) {
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, NULL, a->donor, &th->table_cell, th->cell_fill);
		table_cell(t, 1, 1, 1, NULL, kit_money(c, a->cents), &right, th->cell_fill);
		table_cell(t, 2, 1, 1, a->text, "", &th->table_cell, th->cell_fill);
	}
	eng_style rb = th->table_total;
	rb.align = ENG_RIGHT;
	table_row(t, TABLE_BODY, 0);
	table_cell(t, 0, 1, 1, NULL, w->total, &th->table_total, th->group_fill);
	table_cell(t, 1, 1, 1, NULL, kit_money(c, sum), &rb, th->group_fill);
	table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, th->group_fill);
	kit_grid_add(c, t);
}

static void access_chapter(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	heading(c);
	int has = r->info_received > 0;
	double x = has ? 100.0 * r->info_answered / r->info_received : 0;
	para(c, arena_printf(c->a, c->w->rc_access_sentence_fmt, r->info_received,
			     r->info_answered, kit_pct(c, has, x)));
	kit_blocks(c, r->info_blocks);
}

static void hearing(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const theme *th = c->th;
	heading(c);
	para(c, arena_printf(c->a, c->w->rc_hearing_fmt, kit_date_long(c, r->hearing_date),
			     r->hearing_place ? r->hearing_place : "", r->hearing_attendance));
	kit_blocks(c, r->hearing_blocks);
	for (const pg_question *q = r->questions; q; q = q->next) {
		flow_at(c->f, c->file, q->line);
		kit_para(c, kit_cat(c, kit_span(c, c->w->rc_question, PG_BOLD),
				    kit_cat(c, q->question, NULL)),
			 NULL, &th->body, NULL, 0, th->caption_after, 1);
		kit_para(c, kit_cat(c, kit_span(c, c->w->rc_answer, PG_BOLD),
				    kit_cat(c, q->answer, NULL)),
			 NULL, &th->body, NULL, 0, th->para_space, 0);
	}
}

/* Every indicator of the period: its POA, its text (the target as the
 * plan states it), its logro, the semáforo of its activities. */
static void annex(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	heading(c);
	static const double f4[4] = { 0.16, 0.42, 0.26, 0.16 };
	const char *h[4] = { w->bk_poa, w->rc_indicator, w->rc_logro, w->bk_light };
	/* One table per POA: each as long as the POA at most. */
	for (int k = 0; k < r->nsources; k++) {
		const pg_source *s = &r->sources[k];
		int i = 0;
		for (const pg_poa *o = s->plan->poas; o; o = o->next) {
			table *t = NULL;
			for (const pg_part *pt = o->parts; pt; pt = pt->next)
				for (const pg_specific *sp = pt->objectives; sp; sp = sp->next)
					for (const pg_result *re = sp->results; re; re = re->next)
						for (const pg_indicator *x = re->indicators; x; x = x->next) {
							pg_sum sum = { 0 };
							for (const pg_activity *a = x->activities; a; a = a->next, i++)
								pg_source_add(&sum, s, i);
							pg_figures f = pg_sum_figures(&sum);
							const pg_logro *lg = pg_logro_of(s->progress, x);
							const pg_span *logro = lg ? lg->text : NULL;
							const char *unit = o->unit && o->unit->acronym
										   ? o->unit->acronym
									   : o->unit ? o->unit->name : o->id;
							if (!t)
								t = kit_grid(c, 4, f4, h);
							table_row(t, TABLE_BODY, 0);
							table_cell(t, 0, 1, 1, NULL, unit, &th->table_cell, th->cell_fill);
							table_cell(t, 1, 1, 1, kit_coded(c, x->code, x->text), NULL,
								   &th->table_cell, th->cell_fill);
							table_cell(t, 2, 1, 1, logro, w->rc_no_logro, &th->table_cell,
								   th->cell_fill);
							kit_light_cell(c, t, 3, f.light);
						}
			if (t)
				kit_grid_add(c, t);
		}
	}
}

/* ---- the report ---- */


static void body(kit_doc *c)
{
	const pg_accountability *r = report_of(c);
	kit_cover_photo(c, r->title, r->subtitle, r->cover_lines, r->cover_date,
			r->cover_photo, r->cover_caption ? r->cover_caption : r->title,
			r->cover_caption);
	kit_contents(c, NULL);
	messages(c);
	institution(c);
	in_figures(c);
	areas(c);
	if (r->rubros)
		budget(c);
	if (r->aportes)
		cooperation_chapter(c);
	if (r->has_info)
		access_chapter(c);
	if (r->challenges) {
		heading(c);
		kit_list(c, PG_LIST_NUMBERS, r->challenges);
	}
	if (r->has_hearing)
		hearing(c);
	if (r->evaluation) {
		heading(c);
		kit_blocks(c, r->evaluation);
	}
	annex(c);
	if (c->pass == 2)
		kit_approval_page(c, kit_approval_reason(c->w, r->approval_reason, r->title, c->a),
				  r->approval_place, r->approval_date);
}

/* The report's narrative blocks. */
static const kit_block_fn BLOCKS[PG_NBLOCKS] = {
	[PG_BLOCK_PARAGRAPH] = kit_paragraph,
	[PG_BLOCK_LIST] = kit_list_block,
	[PG_BLOCK_TABLE] = kit_table,
	[PG_BLOCK_FIGURE] = kit_figure,
	[PG_BLOCK_PHOTO] = kit_figure,
};

int layout_rendicion(const void *report, eng *e, device *dev, diag *d)
{
	const pg_accountability *r = report;
	const pg_plan *p = r->last;
	theme paper = *theme_plan();
	if (p->paper == PG_A4)
		theme_a4(&paper);
	theme_report(&paper);
	eng_set_language(e, p->language, d);
	kit_doc c;
	kit_doc_init(&c, e, &paper, words_for(p->language), dev, d);
	c.self = (void *)r;
	c.file = r->file;
	c.approvers = r->approvers;
	c.blocks = BLOCKS;
	const words *w = c.w;
	/* The chapters, numbered as they come. */
	int n = 0;
#define CHAPTER(title, dest) \
	kit_toc_add(&c, arena_printf(c.a, "%d", ++n), (title), 1, (dest))
	int k = 0;
	for (const pg_message *m = r->messages; m; m = m->next)
		CHAPTER(m->title, arena_printf(c.a, "mensaje-%d", ++k));
	CHAPTER(w->rc_institution, "institucion");
	CHAPTER(w->rc_figures, "cifras");
	for (int i = 0; i < r->nareas; i++)
		CHAPTER(r->areas[i].id ? arena_printf(c.a, w->rc_area_fmt, r->areas[i].num,
						      r->areas[i].name)
				       : w->rc_no_area,
			arena_printf(c.a, "area-%d", i + 1));
	if (r->rubros)
		CHAPTER(r->budget_title ? r->budget_title : w->rc_budget, "presupuesto");
	if (r->aportes)
		CHAPTER(w->rc_cooperation, "cooperacion");
	if (r->has_info)
		CHAPTER(w->rc_access, "acceso");
	if (r->challenges)
		CHAPTER(w->rc_challenges, "desafios");
	if (r->has_hearing)
		CHAPTER(w->rc_hearing, "audiencia");
	if (r->evaluation)
		CHAPTER(w->rc_evaluation, "evaluacion");
	kit_toc_add(&c, NULL, w->rc_annex, 1, "anexo");
#undef CHAPTER
	int res = kit_doc_layout(&c, body);
	kit_doc_free(&c);
	return res;
}

void layout_rendicion_info(const void *report, kit_info *i, arena *a)
{
	const pg_accountability *r = report;
	const pg_plan *p = r->last;
	const words *w = words_for(p->language);
	kit_info_init(i, w, r->file, p->language, r->date, r->approvers,
		      kit_approval_reason(w, r->approval_reason, r->title, a),
		      r->approval_place);
	i->meta.title = r->title;
	i->meta.author = p->institution;
	i->meta.subject = w->rc_subject;
	i->meta.keywords = w->rc_keywords;
}
