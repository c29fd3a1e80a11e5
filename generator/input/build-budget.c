/*
 * build-budget.c — the plan's budget (income, expenses, funding sources,
 * donors: lines of money, a stated total checked against their sum) and
 * its catalogue of institutional risks, which the POAs cite by number.
 */
#include "build-imp.h"

#include <stdio.h>
#include <string.h>

/* ---- budget ---- */

enum pg_budget_part bld_budget_part(const char *v)
{
	if (v && !strcmp(v, "egresos"))
		return PG_EXPENSES;
	if (v && !strcmp(v, "fuentes"))
		return PG_SOURCES;
	if (v && !strcmp(v, "donantes"))
		return PG_DONORS;
	return PG_INCOME;
}

const char *const bld_budget_part_name[4] = { "ingresos", "egresos",
					      "fuentes", "donantes" };


/* ingresos | egresos | fuentes | donantes -> (linea | fuente | donante)+ */
static pg_money_table *money(bld *b, const xmlNode *n, enum pg_budget_part part)
{
	pg_money_table *t = arena_new_of(b->a, pg_money_table);
	t->title = bld_attr(b, n, "titulo");
	t->total_label = bld_attr(b, n, "etiqueta-total");
	t->line = xml_line(n);
	pg_money_line **lt = &t->lines;
	int64_t sum = 0;
	int complete = 1, nlines = 0;
	each_child(c, n) {
		nlines++;
		pg_money_line *l = arena_new_of(b->a, pg_money_line);
		l->label = bld_text(b, c);
		l->line = xml_line(c);
		l->cents = bld_amount(b, c, "monto", bld_attr(b, c, "monto"));
		if (l->cents < 0) {
			complete = 0;
			l->cents = 0;
		}
		if (part == PG_SOURCES) {
			const char *k = bld_attr(b, c, "tipo");
			l->source = k && !strcmp(k, "donaciones") ? PG_DONATIONS
				    : k && !strcmp(k, "otros")	  ? PG_OTHER_FUNDS
								  : PG_OWN_FUNDS;
		}
		if (part == PG_DONORS)
			l->end_date = bld_date(b, c, "fin", bld_attr(b, c, "fin"), 0);
		if (__builtin_add_overflow(sum, l->cents, &sum)) {
			bld_err(b, c, "the lines of <%s> add up to more than plangen "
				      "can count", bld_budget_part_name[part]);
			sum = INT64_MAX;
			complete = 0;
		}
		*lt = l;
		lt = &l->next;
	}
	if (pg_money_table_rows(t) > PG_MAX_TABLE_ROWS)
		bld_err(b, n, "<%s> has %d lines; its table has at most %d rows",
			bld_budget_part_name[part], nlines, PG_MAX_TABLE_ROWS);
	const char *tot = bld_attr(b, n, "total");
	t->total = sum;
	if (tot) {
		int64_t stated = bld_amount(b, n, "total", tot);
		if (stated >= 0) {
			t->has_total = 1;
			t->total = stated;
			/* Each printed line is rounded to the cent, so their
			 * sum may miss the exact total by half a cent a line
			 * (the 2016 plan's expenses do, by one cent). */
			int64_t slack = (nlines + 1) / 2;
			if (complete && (stated > sum + slack ||
					 sum > stated + slack)) {
				int64_t diff = stated > sum ? stated - sum
							    : sum - stated;
				bld_err(b, n, "total=\"%s\" but the lines of <%s> add "
					      "up to %lld.%02lld (a difference of "
					      "%lld.%02lld)", tot, bld_budget_part_name[part],
					(long long)(sum / 100), (long long)(sum % 100),
					(long long)(diff / 100),
					(long long)(diff % 100));
			}
		}
	}
	return t;
}

/* presupuesto -> (ingresos?, egresos?, fuentes?, donantes?) */
void bld_budget(bld *b, const xmlNode *n)
{
	pg_budget *bu = arena_new_of(b->a, pg_budget);
	b->p->budget = bu;
	bu->currency = bld_attr(b, n, "moneda");
	if (!bu->currency)
		bu->currency = "US$";
	for (int part = 0; part < 4; part++) {
		const xmlNode *c = bld_child(n, bld_budget_part_name[part]);
		if (c)
			bu->part[part] = money(b, c, (enum pg_budget_part)part);
	}
}

/* ---- risks ---- */

/* riesgos -> (riesgo-institucional+) */
void bld_risks(bld *b, const xmlNode *n)
{
	pg_risk **t = &b->p->risks;
	each_child(c, n) {
		if (!bld_is(c, "riesgo-institucional"))
			continue;
		pg_risk *r = arena_new_of(b->a, pg_risk);
		r->num = bld_number(b, c, "num", bld_attr(b, c, "num"));
		r->text = bld_text(b, c);
		r->line = xml_line(c);
		char key[16];
		snprintf(key, sizeof key, "%d", r->num);
		/* Repeated numbers are check.c's to report. */
		xmlHashAddEntry(b->risk_nums, (const xmlChar *)key, r);
		*t = r;
		t = &r->next;
	}
}

const pg_risk *bld_risk_by_num(bld *b, int num)
{
	char key[16];
	snprintf(key, sizeof key, "%d", num);
	return xmlHashLookup(b->risk_nums, (const xmlChar *)key);
}

