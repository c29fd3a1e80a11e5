/*
 * kit-poa.c — a POA's matrix, as printed: on landscape pages, its title
 * and strategic lines, then one table whose header (column labels, the
 * months) repeats on every page; group rows across the width for parts,
 * PEI objectives, scopes, headers and specific objectives; then one row
 * per activity (an indicator without activities, a result without
 * indicators: one empty row), results and indicators merged over their
 * rows, and the verification, responsible, funding and risk columns
 * merged over the rows whose values come from the same element.  The
 * rows are exactly those pg_poa_matrix_rows counts (model/), which the
 * reader's limits rely on.
 */
#include "kit.h"

#include <assert.h>
#include <string.h>

enum { C_RES, C_IND, C_VER, C_ACT, C_M1, C_RESP = C_M1 + 12, C_FUND, C_RISK, NCOLS };

const char *kit_specific_label(kit_doc *c, const pg_specific *s)
{
	return s->label ? s->label
	       : s->num ? arena_printf(c->a, c->w->specific_fmt, s->num)
			: c->w->specific;
}

const char *kit_month_label(kit_doc *c, const pg_poa *o, int m)
{
	return o->month_label[m] ? o->month_label[m] : c->w->month_initial[m];
}

eng_style kit_month_style(kit_doc *c, const pg_poa *o, double col_w)
{
	enum { CLEAR = 4 }; /* 2 pt each side, clear of a quarter's thick rule */
	eng_style st = c->th->poa_month;
	double widest = 0;
	for (int m = 0; m < 12; m++) {
		PangoLayout *l = eng_plain(c->e, kit_month_label(c, o, m), &st, 0);
		double w = eng_width(l);
		g_object_unref(l);
		if (w > widest)
			widest = w;
	}
	double size = st.size;
	while (widest * size / st.size > col_w - CLEAR && size - 0.25 >= st.fit_size - 1e-9)
		size -= 0.25;
	st.size = size;
	return st;
}

/* Whether a text ends in a mark of punctuation (then a list goes on
 * after it with a space, not a comma). */
static int ends_punct(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n && s[n - 1] == ' ')
		n--;
	return n && strchr(".,;:!?", s[n - 1]);
}

/* A cell's risks in one paragraph, as the POA numbers them: "1. a, 2. b",
 * "1- a 2- b" or "a, b" (a risk ending in punctuation is followed by a
 * space, not a comma). */
static pg_span *risks_inline(kit_doc *c, const pg_riskref *r, enum pg_risk_style st)
{
	pg_span *out = NULL;
	int i = 0;
	for (; r && i < PG_MAX_CELL_RISKS; r = r->next) {
		const char *text = r->text ? kit_plain(c, r->text) : r->risk ? r->risk->text : "";
		const char *sep = !out ? "" : st == PG_RISKS_DASHES || ends_punct(kit_plain(c, out)) ? " " : ", ";
		++i;
		const char *num = st == PG_RISKS_COMMAS	 ? sep
				  : st == PG_RISKS_DASHES ? arena_printf(c->a, "%s%d- ", sep, i)
							  : arena_printf(c->a, "%s%d. ", sep, i);
		if (*num)
			out = kit_cat(c, out, kit_span(c, num, 0));
		out = kit_cat(c, out, r->text ? kit_cat(c, r->text, NULL) : kit_span(c, text, 0));
	}
	return out;
}

static pg_span *risks_text(kit_doc *c, const pg_riskref *r, enum pg_risk_style st)
{
	if (st != PG_RISKS_LINES)
		return risks_inline(c, r, st);
	const pg_riskref *rs[PG_MAX_CELL_RISKS];
	int n = 0;
	for (; r && n < PG_MAX_CELL_RISKS; r = r->next)
		rs[n++] = r;
	pg_span *out = NULL;
	for (int i = n - 1; i >= 0; i--) {
		pg_span *one;
		if (rs[i]->risk)
			one = kit_cat(c, kit_span(c, arena_printf(c->a, "%d. ", rs[i]->risk->num), 0),
				      rs[i]->text ? kit_cat(c, rs[i]->text, NULL)
						  : kit_span(c, rs[i]->risk->text, 0));
		else
			one = kit_cat(c, rs[i]->text, NULL);
		out = out ? kit_cat(c, one, kit_cat(c, kit_linebreak(c), out)) : one;
	}
	return out;
}

/* What a row shows in one of the columns that may merge (verification,
 * responsible, funding, risk): the activity's own value, else its
 * indicator's, else its result's; `from` is where the value comes from,
 * and rows whose values come from the same place merge into one cell. */
typedef struct cellval {
	const void *from;
	pg_span *text;
} cellval;

static cellval value_of(kit_doc *c, const pg_exec *e, const void *owner, int col,
			enum pg_risk_style st)
{
	cellval v = { NULL, NULL };
	if (col == C_RESP && e->responsible)
		v = (cellval){ owner, e->responsible };
	else if (col == C_FUND && e->funding)
		v = (cellval){ owner, e->funding };
	else if (col == C_RISK && e->risks)
		v = (cellval){ owner, risks_text(c, e->risks,
						 e->risk_style >= 0 ? (enum pg_risk_style)e->risk_style : st) };
	return v;
}

static cellval row_value(kit_doc *c, const pg_result *r, const pg_indicator *i,
			 const pg_activity *a, int col, enum pg_risk_style st)
{
	cellval v = { NULL, NULL };
	if (col == C_VER) {
		if (a && a->sources)
			v = (cellval){ a, kit_lines(c, a->sources) };
		else if (i && i->sources)
			v = (cellval){ i, kit_lines(c, i->sources) };
		return v;
	}
	if (a)
		v = value_of(c, &a->exec, a, col, st);
	if (!v.from && i)
		v = value_of(c, &i->exec, i, col, st);
	if (!v.from)
		v = value_of(c, &r->exec, r, col, st);
	return v;
}

static void group_row(kit_doc *c, table *t, const char *label, const pg_span *text)
{
	table_row(t, TABLE_GROUP, 0);
	pg_span *s = label ? kit_cat(c, kit_span(c, arena_printf(c->a, "%s ", label), PG_BOLD),
				     kit_cat(c, text, NULL))
			   : (pg_span *)text;
	table_cell(t, 0, 1, NCOLS, s, NULL, &c->th->poa_group, c->th->group_fill);
}

/* The PEI objectives ob[0..n) as the POA labels them (lab; NULL: the
 * words'): "LABEL n:" before the first's text, or, with a label ending
 * in a colon or a period, "LABEL: n. text. m. text", all n in one line. */
static pg_span *pei_line(kit_doc *c, const char *lab, const pg_objective *const *ob, int n)
{
	if (!pg_pei_label_one_line(lab)) {
		const char *l = lab ? arena_printf(c->a, "%s %d:", lab, ob[0]->num)
				    : arena_printf(c->a, c->w->pei_objective_label_fmt, ob[0]->num);
		return kit_cat(c, kit_span(c, arena_printf(c->a, "%s ", l), PG_BOLD),
			       kit_span(c, ob[0]->text, 0));
	}
	pg_span *s = kit_span(c, arena_printf(c->a, "%s ", lab), PG_BOLD);
	for (int i = 0; i < n; i++) {
		int last = i == n - 1;
		s = kit_cat(c, s, kit_span(c, arena_printf(c->a, "%d. %s%s", ob[i]->num, ob[i]->text,
							   last || ends_punct(ob[i]->text) ? "" : "."),
					   0));
		if (!last)
			s = kit_cat(c, s, kit_span(c, " ", 0));
	}
	return s;
}

static void pei_rows(kit_doc *c, table *t, const char *lab, const pg_objective *const *ob)
{
	int n = 0;
	while (ob && ob[n])
		n++;
	int one = pg_pei_label_one_line(lab);
	for (int i = 0; i < n; i += one ? n : 1)
		group_row(c, t, NULL, pei_line(c, lab, ob + i, one ? n : 1));
}

static void headers(kit_doc *c, table *t, const pg_header *h)
{
	for (; h; h = h->next)
		group_row(c, t, h->label, h->text);
}

/* The rows of one result. */
static void result_rows(kit_doc *c, table *t, const pg_poa *o, const pg_result *r,
			enum pg_risk_style st)
{
	const theme *th = c->th;
	const uint32_t W = th->cell_fill;
	enum { MERGE = 4 };
	static const int merge_col[MERGE] = { C_VER, C_RESP, C_FUND, C_RISK };
	int n = (int)pg_poa_result_rows(r);
	const pg_indicator **ri = arena_array_of(c->a, const pg_indicator *, n);
	const pg_activity **ra = arena_array_of(c->a, const pg_activity *, n);
	int k = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next) {
		if (!i->activities)
			ri[k++] = i;
		for (const pg_activity *a = i->activities; a; a = a->next, k++) {
			ri[k] = i;
			ra[k] = a;
		}
	}
	cellval *v = arena_array_of(c->a, cellval, (size_t)n * MERGE);
	for (k = 0; k < n; k++)
		for (int m = 0; m < MERGE; m++)
			v[k * MERGE + m] = row_value(c, r, ri[k], ra[k], merge_col[m], st);
	for (k = 0; k < n; k++) {
		table_row(t, TABLE_BODY, 0);
		if (k == 0)
			table_cell(t, C_RES, n, 1, kit_coded(c, r->code, r->text), NULL,
				   &th->poa_cell, W);
		if (k == 0 || ri[k] != ri[k - 1]) {
			int span = 1;
			while (k + span < n && ri[k + span] == ri[k])
				span++;
			table_cell(t, C_IND, span, 1,
				   ri[k] ? kit_coded(c, ri[k]->code, ri[k]->text) : NULL, "",
				   &th->poa_cell, W);
		}
		for (int m = 0; m < MERGE; m++) {
			const cellval *cv = &v[k * MERGE + m];
			if (k > 0 && cv->from && cv->from == v[(k - 1) * MERGE + m].from)
				continue; /* part of the cell above */
			int span = 1;
			while (cv->from && k + span < n && v[(k + span) * MERGE + m].from == cv->from)
				span++;
			table_cell(t, merge_col[m], span, 1, cv->text, "", &th->poa_cell, W);
		}
		const pg_activity *a = ra[k];
		table_cell(t, C_ACT, 1, 1, a ? kit_coded(c, a->code, a->text) : NULL, "",
			   &th->poa_cell, W);
		/* A month it runs in is shaded and says its letter: real
		 * text, which a copy of the row and a screen reader keep,
		 * and not colour alone. */
		for (int m = 0; m < 12; m++) {
			int on = a && (a->months >> m) & 1;
			table_cell(t, C_M1 + m, 1, 1, NULL, on ? kit_month_label(c, o, m) : "",
				   on ? &th->poa_month : &th->poa_cell, on ? th->month_fill : W);
		}
	}
}

/* The header rows: the column labels (the time column over the months,
 * with the period's row when the POA names one), then the months. */
static void header_rows(kit_doc *c, table *t, const pg_poa *o)
{
	const theme *th = c->th;
	const char *lab[PG_NCOLUMNS];
	for (int i = 0; i < PG_NCOLUMNS; i++)
		lab[i] = o->label[i] ? o->label[i] : c->w->poa_label[i];
	int hrows = lab[PG_COL_PERIOD] ? 3 : 2;
	const eng_style *hs = &th->poa_head;
	table_row(t, TABLE_HEADER, 0);
	static const int fixed[] = { C_RES, C_IND, C_VER, C_ACT, C_RESP, C_FUND, C_RISK };
	static const int label_of[] = { PG_COL_RESULTS, PG_COL_INDICATORS, PG_COL_SOURCES,
					PG_COL_ACTIVITIES, PG_COL_RESPONSIBLE, PG_COL_FUNDING,
					PG_COL_RISK };
	for (int i = 0; i < 7; i++) {
		if (fixed[i] == C_RESP)
			table_cell(t, C_M1, 1, 12, NULL, lab[PG_COL_TIME], hs, th->head_fill);
		table_cell(t, fixed[i], hrows, 1, NULL, lab[label_of[i]], hs, th->head_fill);
	}
	if (lab[PG_COL_PERIOD]) {
		table_row(t, TABLE_HEADER, 0);
		table_cell(t, C_M1, 1, 12, NULL, lab[PG_COL_PERIOD], hs, th->head_fill);
	}
	table_row(t, TABLE_HEADER, 0);
	eng_style ms = kit_month_style(c, o, th->poa_col[4]);
	for (int m = 0; m < 12; m++)
		table_cell(t, C_M1 + m, 1, 1, NULL, kit_month_label(c, o, m), &ms,
			   th->head_fill);
}

const char *kit_continued_title(kit_doc *c, const pg_poa *o)
{
	return arena_printf(c->a, "%s %s", o->title, c->w->continued);
}

void kit_poa_matrix(kit_doc *c, const pg_poa *o, int index)
{
	const theme *th = c->th;
	const words *w = c->w;
	kit_landscape(c);
	para_opts po = { 0 };
	po.dest = arena_printf(c->a, "poa-%d", index);
	po.outline = o->title;
	po.outline_level = 2;
	kit_para(c, NULL, o->title, &th->poa_title, &po, 0, th->poa_title_after, 1);
	if (o->area)
		kit_para(c, NULL, arena_printf(c->a, w->area_fmt, o->area->num, o->area->name),
			 &th->poa_line, NULL, 0, th->poa_line_after, 1);
	int nob = 0, one = pg_pei_label_one_line(o->pei_label);
	while (o->objectives && o->objectives[nob] && !(o->pei_label && !*o->pei_label))
		nob++;
	for (int i = 0; i < nob; i += one ? nob : 1)
		kit_para(c, o->pei_label ? pei_line(c, o->pei_label, o->objectives + i, one ? nob : 1) : NULL,
			 o->pei_label ? NULL
				      : arena_printf(c->a, w->pei_objective_fmt, o->objectives[i]->num,
						     o->objectives[i]->text),
			 &th->poa_line, NULL, 0, th->poa_line_after, 1);
	for (const pg_header *h = o->headers; h; h = h->next)
		kit_para(c, kit_cat(c, kit_span(c, h->label ? arena_printf(c->a, "%s ", h->label) : "",
						PG_BOLD),
				    kit_cat(c, h->text, NULL)),
			 NULL, &th->poa_line, NULL, 0, th->poa_line_after, 1);

	double cw[NCOLS];
	cw[C_RES] = th->poa_col[0];
	cw[C_IND] = th->poa_col[1];
	cw[C_VER] = th->poa_col[2];
	cw[C_ACT] = th->poa_col[3];
	for (int m = 0; m < 12; m++)
		cw[C_M1 + m] = th->poa_col[4];
	cw[C_RESP] = th->poa_col[5];
	cw[C_FUND] = th->poa_col[6];
	cw[C_RISK] = th->poa_col[7];
	table *t = table_new(c->e, NCOLS, cw, th->cell_pad, th->border, th->border_color);
	for (int q = 3; q < 12; q += 3)
		table_col_rule(t, C_M1 + q, th->quarter_rule);
	/* On the pages it goes on to: its title, and the text of the result
	 * and indicator (and other merged cells) the rows continue. */
	table_title(t, NULL, kit_continued_title(c, o), &th->poa_title, th->poa_title_after);
	table_repeat(t, w->cell_continued);
	table_keep_rows(t, th->poa_keep_row_h);
	header_rows(c, t, o);
	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		if (pt->title)
			group_row(c, t, NULL, kit_span(c, pt->title, PG_BOLD));
		headers(c, t, pt->headers);
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			const char *lab = s->pei_label ? s->pei_label : o->pei_label;
			int shown = !lab || *lab; /* "": its cabeceras say them */
			if (shown)
				pei_rows(c, t, lab, (const pg_objective *const *)s->pei);
			if (shown && s->scope)
				group_row(c, t, w->scope_label, s->scope->text);
			headers(c, t, s->headers);
			group_row(c, t, kit_specific_label(c, s), s->text);
			for (const pg_result *r = s->results; r; r = r->next)
				result_rows(c, t, o, r, o->risk_style);
		}
	}
	assert(table_rows(t) == pg_poa_matrix_rows(o));
	block *bl = table_block(t);
	bl->space_before = th->table_before;
	flow_add(c->f, bl);
}
