/*
 * avance.c — the quarterly progress booklet (informe trimestral de
 * avance): cover, contents, an executive summary (the institution's
 * figures, programado against real for every POA, the activities by
 * semáforo and by estado, those most behind), then per POA its figures,
 * its results with their semáforo, the progress matrix (planned months
 * shaded, the months up to the cut-off marked, a cut-off rule; % done,
 * estado, comentario) and its Cronograma with real progress inside the
 * planned bars; last the rescheduled activities, the risks that
 * materialised and the reviewers' approval page.  For the fourth
 * quarter, the annual evaluation.  Every figure is the model's
 * (model/figures.h); here they are only shown.
 */
#include "avance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../generator/model/figures.h"

static const pg_progress *progress_of(kit_doc *c)
{
	return c->self;
}

static pg_figures over(const pg_progress *pr, int from, int to)
{
	pg_sum s = { 0 };
	for (int i = from; i < to; i++)
		pg_sum_add(&s, pr, i);
	return pg_sum_figures(&s);
}

/* The run of places of POA o: [*from, *to). */
static void poa_run(const pg_progress *pr, const pg_poa *o, int *from, int *to)
{
	int i = 0;
	while (i < pr->nplaces && pr->places[i].poa != o)
		i++;
	*from = i;
	while (i < pr->nplaces && pr->places[i].poa == o)
		i++;
	*to = i;
}

/* "ene–mar, jul" for a schedule. */
static const char *months_text(kit_doc *c, unsigned m)
{
	GString *g = g_string_new(NULL);
	for (int k = 0; k < 12;) {
		if (!(m >> k & 1)) {
			k++;
			continue;
		}
		int e = k;
		while (e + 1 < 12 && m >> (e + 1) & 1)
			e++;
		if (g->len)
			g_string_append(g, ", ");
		g_string_append(g, c->w->month_short[k]);
		if (e > k)
			g_string_append_printf(g, "–%s", c->w->month_short[e]);
		k = e + 1;
	}
	char *out = arena_strdup(c->a, g->len ? g->str : "—");
	g_string_free(g, TRUE);
	return out;
}

/* ---- tables ---- */

static void figures_cells(kit_doc *c, table *t, int col, const pg_figures *f)
{
	eng_style right = c->th->table_cell;
	right.align = ENG_RIGHT;
	table_cell(t, col, 1, 1, NULL, kit_pct(c, f->has_planned, f->planned), &right, c->th->cell_fill);
	table_cell(t, col + 1, 1, 1, NULL, kit_pct(c, f->has_real, f->real), &right, c->th->cell_fill);
	table_cell(t, col + 2, 1, 1, NULL, kit_pct(c, f->has_ratio, f->ratio), &right, c->th->cell_fill);
	kit_light_cell(c, t, col + 3, f->light);
}

/* The eight activities most behind: largest programado − real. */
static void most_behind(kit_doc *c)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	table *t;
	enum { BEHIND = 8 };
	int top[BEHIND], ntop = 0;
	for (int i = 0; i < pr->nplaces; i++) {
		pg_figures f = pg_activity_figures(pr, i);
		if (!f.has_planned || f.planned - f.real <= 0)
			continue;
		double gap = f.planned - f.real;
		/* Insertion into the sorted top, the last dropped when full. */
		if (ntop == BEHIND) {
			pg_figures g = pg_activity_figures(pr, top[BEHIND - 1]);
			if (g.planned - g.real >= gap)
				continue;
		}
		int k = ntop < BEHIND ? ntop++ : BEHIND - 1;
		while (k > 0) {
			pg_figures g = pg_activity_figures(pr, top[k - 1]);
			if (g.planned - g.real >= gap)
				break;
			top[k] = top[k - 1];
			k--;
		}
		top[k] = i;
	}
	if (!ntop)
		return;
	kit_para(c, NULL, w->bk_behind, &th->subtitle, NULL, th->subtitle_before,
		 th->subtitle_after, 1);
	static const double f5[5] = { 0.40, 0.24, 0.12, 0.12, 0.12 };
	const char *h5[5] = { w->bk_activity, w->bk_poa, w->bk_planned, w->bk_real, w->bk_gap };
	t = kit_grid(c, 5, f5, h5);
	for (int k = 0; k < ntop; k++) {
		const pg_place *pl = &pr->places[top[k]];
		pg_figures f = pg_activity_figures(pr, top[k]);
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, kit_coded(c, pl->activity->code, pl->activity->text), NULL,
			   &th->table_cell, th->cell_fill);
		table_cell(t, 1, 1, 1, NULL, kit_unit_name(pl->poa), &th->table_cell, th->cell_fill);
		table_cell(t, 2, 1, 1, NULL, kit_pct(c, 1, f.planned), &right, th->cell_fill);
		table_cell(t, 3, 1, 1, NULL, kit_pct(c, 1, f.real), &right, th->cell_fill);
		table_cell(t, 4, 1, 1, NULL, kit_pct(c, 1, f.planned - f.real), &right, th->cell_fill);
	}
	kit_grid_add(c, t);
}

/* ---- the executive summary ---- */

static void summary(kit_doc *c)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	pg_figures all = over(pr, 0, pr->nplaces);
	kit_para(c, NULL, arena_printf(c->a, w->bk_summary_fmt, kit_date_long(c, pr->cutoff),
				       kit_pct(c, all.has_real, all.real),
				       kit_pct(c, all.has_planned, all.planned),
				       kit_pct(c, all.has_ratio, all.ratio),
				       w->bk_light_name[all.light]),
		 &th->body, NULL, 0, th->para_space, 0);
	static const double f4[4] = { 0.25, 0.25, 0.25, 0.25 };
	const char *h4[4] = { w->bk_planned, w->bk_real, w->bk_ratio, w->bk_light };
	table *t = kit_grid(c, 4, f4, h4);
	table_row(t, TABLE_BODY, 0);
	figures_cells(c, t, 0, &all);
	kit_grid_add(c, t);

	/* Counts by semáforo and by estado, side by side. */
	int lights[PG_NLIGHTS] = { 0 };
	for (int i = 0; i < pr->nplaces; i++)
		if (pr->reports[i].state != PG_CANCELLED)
			lights[pg_activity_figures(pr, i).light]++;
	static const double f4c[4] = { 0.32, 0.16, 0.36, 0.16 };
	const char *hc[4] = { w->bk_count_light, w->bk_activities, w->bk_count_state,
			      w->bk_activities };
	t = kit_grid(c, 4, f4c, hc);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	for (int k = 0; k <= PG_NSTATES; k++) {
		table_row(t, TABLE_BODY, 0);
		if (k < PG_NLIGHTS) {
			pg_figures g = { .light = (enum pg_light)k };
			kit_light_cell(c, t, 0, g.light);
			table_cell(t, 1, 1, 1, NULL, arena_printf(c->a, "%d", lights[k]), &right,
				   th->cell_fill);
		} else {
			table_cell(t, 0, 1, 2, NULL, "", &th->table_cell, th->cell_fill);
		}
		int tot = k == PG_NSTATES;
		table_cell(t, 2, 1, 1, NULL, tot ? w->total : w->bk_state_name[k],
			   tot ? &th->table_total : &th->table_cell, tot ? th->group_fill : th->cell_fill);
		table_cell(t, 3, 1, 1, NULL,
			   arena_printf(c->a, "%d", tot ? pr->nplaces : all.by_state[k]), &right,
			   tot ? th->group_fill : th->cell_fill);
	}
	kit_grid_add(c, t);

	most_behind(c);

	/* Programado against real, POA by POA. */
	barchart_style st = th->bars;
	st.foot = 0;
	barchart *ch = barchart_new(c->e, w->bk_chart_title, &st);
	int sp = barchart_series(ch, w->bk_planned, th->bar_planned);
	int sr = barchart_series(ch, w->bk_real, th->bar_real);
	for (const pg_poa *o = pr->plan->poas; o; o = o->next) {
		int from, to;
		poa_run(pr, o, &from, &to);
		pg_figures f = over(pr, from, to);
		barchart_row(ch, kit_unit_name(o), kit_pct(c, f.has_planned, f.planned));
		barchart_segment(ch, sp, f.has_planned ? f.planned : 0);
		barchart_row(ch, "", kit_pct(c, f.has_real, f.real));
		barchart_segment(ch, sr, f.has_real ? f.real : 0);
	}
	block *bl = barchart_block(ch);
	bl->space_before = th->figure_before;
	bl->space_after = th->para_space;
	flow_add(c->f, bl);
}

/* ---- one POA ---- */

/* An indicator's cell: its code and text, then its logro if reported. */
static pg_span *indicator_text(kit_doc *c, const pg_poa *o, const pg_indicator *x)
{
	pg_span *s = kit_coded(c, x->code, x->text);
	const pg_logro *l = pg_logro_of(progress_of(c), x);
	(void)o;
	if (!l || !l->text)
		return s;
	return kit_cat(c, s, kit_cat(c, kit_linebreak(c),
				     kit_cat(c, kit_span(c, c->w->bk_logro, PG_BOLD),
					     kit_cat(c, l->text, NULL))));
}

enum { C_RES, C_IND, C_ACT, C_M1, C_PLAN = C_M1 + 12, C_REAL, C_STATE, C_NOTE, NCOLS };

static void matrix(kit_doc *c, const pg_poa *o, int from)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	const uint32_t W = th->cell_fill;
	double cw[NCOLS];
	cw[C_RES] = th->progress_col[0];
	cw[C_IND] = th->progress_col[1];
	cw[C_ACT] = th->progress_col[2];
	for (int m = 0; m < 12; m++)
		cw[C_M1 + m] = th->progress_col[3];
	cw[C_PLAN] = th->progress_col[4];
	cw[C_REAL] = th->progress_col[5];
	cw[C_STATE] = th->progress_col[6];
	cw[C_NOTE] = th->progress_col[7];
	table *t = table_new(c->e, NCOLS, cw, th->cell_pad, th->border, th->border_color);
	table_keep_rows(t, th->keep_row_h);
	/* Its pages after the first: the POA's title, and the result and
	 * indicator its rows continue. */
	table_title(t, NULL, kit_continued_title(c, o), &th->poa_title, th->poa_title_after);
	table_repeat(t, w->cell_continued);
	for (int q = 3; q < 12; q += 3)
		if (q != pr->cut_month)
			table_col_rule(t, C_M1 + q, th->quarter_rule);
	if (pr->cut_month < 12)
		table_col_rule(t, C_M1 + pr->cut_month, th->cutoff_rule);
	const eng_style *hs = &th->poa_head;
	table_row(t, TABLE_HEADER, 0);
	table_cell(t, C_RES, 2, 1, NULL, o->label[PG_COL_RESULTS] ? o->label[PG_COL_RESULTS]
				 : w->poa_label[PG_COL_RESULTS], hs, th->head_fill);
	table_cell(t, C_IND, 2, 1, NULL, o->label[PG_COL_INDICATORS] ? o->label[PG_COL_INDICATORS]
				 : w->poa_label[PG_COL_INDICATORS], hs, th->head_fill);
	table_cell(t, C_ACT, 2, 1, NULL, o->label[PG_COL_ACTIVITIES] ? o->label[PG_COL_ACTIVITIES]
				 : w->poa_label[PG_COL_ACTIVITIES], hs, th->head_fill);
	table_cell(t, C_M1, 1, 12, NULL, w->poa_label[PG_COL_TIME], hs, th->head_fill);
	table_cell(t, C_PLAN, 2, 1, NULL, w->bk_col_planned, hs, th->head_fill);
	table_cell(t, C_REAL, 2, 1, NULL, w->bk_col_real, hs, th->head_fill);
	table_cell(t, C_STATE, 2, 1, NULL, w->bk_state, hs, th->head_fill);
	table_cell(t, C_NOTE, 2, 1, NULL, w->bk_comment, hs, th->head_fill);
	table_row(t, TABLE_HEADER, 0);
	eng_style ms = kit_month_style(c, o, th->progress_col[3]);
	for (int m = 0; m < 12; m++)
		table_cell(t, C_M1 + m, 1, 1, NULL, kit_month_label(c, o, m), &ms,
			   m < pr->cut_month ? th->cutoff_fill : th->head_fill);
	eng_style right = th->poa_cell;
	right.align = ENG_RIGHT;
	int i = from;
	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		if (pt->title) {
			table_row(t, TABLE_GROUP, 0);
			table_cell(t, 0, 1, NCOLS, NULL, pt->title, &th->poa_group, th->group_fill);
		}
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			table_row(t, TABLE_GROUP, 0);
			table_cell(t, 0, 1, NCOLS,
				   kit_cat(c, kit_span(c, arena_printf(c->a, "%s ", kit_specific_label(c, s)),
						       PG_BOLD),
					   kit_cat(c, s->text, NULL)),
				   NULL, &th->poa_group, th->group_fill);
			for (const pg_result *r = s->results; r; r = r->next) {
				int nr = 0;
				for (const pg_indicator *x = r->indicators; x; x = x->next)
					for (const pg_activity *a = x->activities; a; a = a->next)
						nr++;
				if (!nr)
					continue;
				int first_r = 1;
				for (const pg_indicator *x = r->indicators; x; x = x->next) {
					int ni = 0;
					for (const pg_activity *a = x->activities; a; a = a->next)
						ni++;
					for (const pg_activity *a = x->activities; a; a = a->next, i++) {
						const pg_report *rp = &pr->reports[i];
						pg_figures f = pg_activity_figures(pr, i);
						table_row(t, TABLE_BODY, 0);
						if (first_r)
							table_cell(t, C_RES, nr, 1, kit_coded(c, r->code, r->text),
								   NULL, &th->poa_cell, W);
						if (a == x->activities)
							table_cell(t, C_IND, ni, 1, indicator_text(c, o, x),
								   NULL, &th->poa_cell, W);
						first_r = 0;
						table_cell(t, C_ACT, 1, 1, kit_coded(c, a->code, a->text), NULL,
							   &th->poa_cell, W);
						for (int m = 0; m < 12; m++)
							table_cell(t, C_M1 + m, 1, 1, NULL, "", &th->poa_cell,
								   rp->months >> m & 1 ? th->month_fill : W);
						table_cell(t, C_PLAN, 1, 1, NULL,
							   f.has_planned ? arena_printf(c->a, "%.1f", pg_round1(f.planned)) : "—",
							   &right, W);
						table_cell(t, C_REAL, 1, 1, NULL,
							   arena_printf(c->a, "%.1f", pg_round1(f.real)), &right, W);
						table_cell(t, C_STATE, 1, 1, NULL, w->bk_state_name[rp->state],
							   &th->poa_cell, W);
						table_cell(t, C_NOTE, 1, 1, rp->comment, "", &th->poa_cell, W);
					}
				}
			}
		}
	}
	block *bl = table_block(t);
	bl->space_before = th->table_before;
	flow_add(c->f, bl);
}

static void poa(kit_doc *c, const pg_poa *o, int index)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	int from, to;
	poa_run(pr, o, &from, &to);
	pg_figures f = over(pr, from, to);
	kit_landscape(c);
	kit_heading_para(c, kit_heading_next(c));
	kit_para(c, NULL, arena_printf(c->a, w->bk_poa_fmt, kit_pct(c, f.has_real, f.real),
				       kit_pct(c, f.has_planned, f.planned),
				       kit_pct(c, f.has_ratio, f.ratio), w->bk_light_name[f.light]),
		 &th->body, NULL, 0, th->para_space, 0);
	static const double f5[5] = { 0.44, 0.14, 0.14, 0.14, 0.14 };
	const char *h5[5] = { w->bk_result, w->bk_planned, w->bk_real, w->bk_ratio, w->bk_light };
	table *t = kit_grid(c, 5, f5, h5);
	int k = from;
	for (const pg_part *pt = o->parts; pt; pt = pt->next)
		for (const pg_specific *s = pt->objectives; s; s = s->next)
			for (const pg_result *r = s->results; r; r = r->next) {
				int rf = k;
				for (const pg_indicator *x = r->indicators; x; x = x->next)
					for (const pg_activity *a = x->activities; a; a = a->next)
						k++;
				pg_figures g = over(pr, rf, k);
				table_row(t, TABLE_BODY, 0);
				table_cell(t, 0, 1, 1, kit_coded(c, r->code, r->text), NULL,
					   &th->table_cell, th->cell_fill);
				figures_cells(c, t, 1, &g);
			}
	kit_grid_add(c, t);
	para_opts po = { 0 };
	po.dest = arena_printf(c->a, "poa-%d", index);
	po.outline = o->title;
	po.outline_level = 2;
	kit_para(c, NULL, o->title, &th->poa_title, &po, 0, th->poa_title_after, 1);
	matrix(c, o, from);
	kit_progress pg = { &pr->reports[from], pr->cut_month };
	kit_cronograma(c, o, index, 2, &pg);
}

/* ---- rescheduled activities, risks ---- */

static void rescheduled(kit_doc *c)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	/* After the POAs' landscape pages, or after the summary on its page
	 * (unless the theme sets each chapter on a new page). */
	kit_portrait(c);
	if (c->th->chapter_new_page)
		flow_break(c->f);
	kit_heading_para(c, kit_heading_next(c));
	static const double f5[5] = { 0.34, 0.10, 0.14, 0.14, 0.28 };
	const char *h5[5] = { w->bk_activity, w->bk_poa, w->bk_old_months, w->bk_new_months,
			      w->bk_reason };
	/* One table per POA: each as long as the POA at most. */
	table *t = NULL;
	int any = 0;
	const pg_poa *in = NULL;
	for (int i = 0; i < pr->nplaces; i++) {
		const pg_report *r = &pr->reports[i];
		const pg_activity *a = pr->places[i].activity;
		if (r->state != PG_RESCHEDULED && r->months == a->months)
			continue;
		if (t && pr->places[i].poa != in) {
			kit_grid_add(c, t);
			t = NULL;
		}
		in = pr->places[i].poa;
		any = 1;
		/* The reason: the comment of the report that last moved it. */
		const pg_span *why = r->comment;
		for (const pg_progress *q = pr; q; q = q->previous)
			if (q->reports[i].months_given) {
				why = q->reports[i].comment;
				break;
			}
		if (!t)
			t = kit_grid(c, 5, f5, h5);
		const pg_place *pl = &pr->places[i];
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, kit_coded(c, pl->activity->code, pl->activity->text), NULL,
			   &th->table_cell, th->cell_fill);
		table_cell(t, 1, 1, 1, NULL, kit_unit_name(pl->poa), &th->table_cell, th->cell_fill);
		table_cell(t, 2, 1, 1, NULL, months_text(c, a->months), &th->table_cell, th->cell_fill);
		table_cell(t, 3, 1, 1, NULL, months_text(c, r->months), &th->table_cell, th->cell_fill);
		table_cell(t, 4, 1, 1, why, "", &th->table_cell, th->cell_fill);
	}
	if (t)
		kit_grid_add(c, t);
	if (!any)
		kit_para(c, NULL, w->bk_none_rescheduled, &th->body, NULL, 0, th->para_space, 0);
}

static void risks(kit_doc *c)
{
	const pg_progress *pr = progress_of(c);
	const theme *th = c->th;
	const words *w = c->w;
	kit_heading_para(c, kit_heading_next(c));
	static const double f3[3] = { 0.14, 0.40, 0.46 };
	const char *h3[3] = { w->bk_poa, w->bk_risk, w->bk_how };
	table *t = NULL;
	for (const pg_poa_report *q = pr->poas; q; q = q->next)
		for (const pg_risk_event *e = q->risks; e; e = e->next) {
			if (!t)
				t = kit_grid(c, 3, f3, h3);
			table_row(t, TABLE_BODY, 0);
			table_cell(t, 0, 1, 1, NULL, kit_unit_name(q->poa), &th->table_cell, th->cell_fill);
			table_cell(t, 1, 1, 1, NULL,
				   e->risk ? arena_printf(c->a, "%d. %s", e->risk->num, e->risk->text) : "—",
				   &th->table_cell, th->cell_fill);
			table_cell(t, 2, 1, 1, e->text, "", &th->table_cell, th->cell_fill);
		}
	if (t)
		kit_grid_add(c, t);
	else
		kit_para(c, NULL, w->bk_none_risks, &th->body, NULL, 0, th->para_space, 0);
}

/* ---- the booklet ---- */

static const char *title_of(const kit_doc *c, const pg_progress *pr)
{
	return pr->title ? pr->title : pr->quarter == 4 ? c->w->bk_annual_title : c->w->bk_title;
}

/* The title with its quarter: "… — segundo trimestre 2019" (the PDF's
 * title, and what the approval page approves). */
static const char *full_title(const words *w, const pg_progress *pr, arena *a)
{
	const char *title = pr->title ? pr->title : pr->quarter == 4 ? w->bk_annual_title
								   : w->bk_title;
	return arena_printf(a, "%s — %s %d", title, w->bk_quarter[pr->quarter - 1],
			    pr->plan->year);
}

static void body(kit_doc *c)
{
	const pg_progress *pr = progress_of(c);
	const words *w = c->w;
	const pg_plan *p = pr->plan;
	const char *sub = pr->quarter == 4
				  ? arena_printf(c->a, w->bk_annual_subtitle_fmt, p->year)
				  : arena_printf(c->a, w->bk_subtitle_fmt,
						 w->bk_quarter[pr->quarter - 1], p->year);
	kit_cover(c, title_of(c, pr), sub, p->cover_lines,
		  arena_printf(c->a, w->bk_at_fmt, kit_date_long(c, pr->cutoff)));
	kit_contents(c, NULL);
	kit_heading_para(c, kit_heading_next(c));
	summary(c);
	int i = 0;
	for (const pg_poa *o = p->poas; o && !flow_failed(c->f); o = o->next)
		poa(c, o, ++i);
	rescheduled(c);
	risks(c);
	if (c->pass == 2)
		kit_approval_page(c, kit_approval_reason(w, pr->approval_reason,
							 full_title(w, pr, c->a), c->a),
				  pr->approval_place, pr->approval_date);
}

int layout_avance(const void *progress, eng *e, device *dev, diag *d)
{
	const pg_progress *pr = progress;
	const pg_plan *p = pr->plan;
	theme paper = *theme_plan();
	if (p->paper == PG_A4)
		theme_a4(&paper);
	eng_set_language(e, p->language, d);
	kit_doc c;
	kit_doc_init(&c, e, &paper, words_for(p->language), dev, d);
	c.self = (void *)pr;
	c.file = pr->file;
	c.approvers = pr->approvers;
	const words *w = c.w;
	int n = 1;
	kit_toc_add(&c, "1", w->bk_summary, 1, "resumen");
	for (const pg_poa *o = p->poas; o; o = o->next, n++)
		kit_toc_add(&c, arena_printf(c.a, "%d", n + 1), o->title, 1,
			    arena_printf(c.a, "sec-poa-%d", n));
	kit_toc_add(&c, arena_printf(c.a, "%d", n + 1), w->bk_rescheduled, 1, "reprogramadas");
	kit_toc_add(&c, arena_printf(c.a, "%d", n + 2), w->bk_risks, 1, "riesgos");
	int r = kit_doc_layout(&c, body);
	kit_doc_free(&c);
	return r;
}

void layout_avance_info(const void *progress, kit_info *i, arena *a)
{
	const pg_progress *pr = progress;
	const pg_plan *p = pr->plan;
	const words *w = words_for(p->language);
	const char *full = full_title(w, pr, a);
	kit_info_init(i, w, pr->file, p->language, pr->date, pr->approvers,
		      kit_approval_reason(w, pr->approval_reason, full, a),
		      pr->approval_place);
	i->meta.title = full;
	i->meta.author = p->institution;
	i->meta.subject = w->bk_subject;
	i->meta.keywords = w->bk_keywords;
}
