/*
 * check.c — the rules over the whole model that neither the DTD nor a
 * single element can state: totals that must agree, numbers that must be
 * unique, and the warning for an empty result.  Value formats and
 * references were checked while building (build.c).
 */
#include "input-imp.h"

#include <string.h>

static void error_at(diag *d, const pg_plan *p, int line, const char *fmt,
		     const char *a, int line2)
{
	char msg[600];
	snprintf(msg, sizeof msg, fmt, a);
	diag_add(d, DIAG_ERROR, p->file, line, 0,
		 "%s (the first is at %s:%d)", msg, p->file, line2);
}

static void money_text(char *buf, size_t n, int64_t c)
{
	snprintf(buf, n, "%lld.%02lld", (long long)(c / 100),
		 (long long)(c % 100));
}

static int64_t sum_of(const pg_money_table *t, int only_donations)
{
	int64_t s = 0;
	for (const pg_money_line *l = t->lines; l; l = l->next)
		if (!only_donations || l->source == PG_DONATIONS)
			s += l->cents;
	return s;
}

static void budget(const pg_plan *p, diag *d)
{
	const pg_budget *b = p->budget;
	if (!b)
		return;
	const pg_money_table *in = b->part[PG_INCOME], *out = b->part[PG_EXPENSES],
			     *src = b->part[PG_SOURCES], *don = b->part[PG_DONORS];
	char x[40], y[40];
	if (in && out && in->total != out->total) {
		money_text(x, sizeof x, in->total);
		money_text(y, sizeof y, out->total);
		diag_add(d, DIAG_ERROR, p->file, out->line, 0,
			 "the expenses total %s but the income (at line %d) "
			 "totals %s: a budget spends what it receives", y,
			 in->line, x);
	}
	if (in && src && in->total != src->total) {
		money_text(x, sizeof x, in->total);
		money_text(y, sizeof y, src->total);
		diag_add(d, DIAG_ERROR, p->file, src->line, 0,
			 "the funding sources total %s but the income (at line "
			 "%d) totals %s", y, in->line, x);
	}
	if (src && don) {
		int has = 0;
		for (const pg_money_line *l = src->lines; l; l = l->next)
			has |= l->source == PG_DONATIONS;
		int64_t given = sum_of(src, 1);
		if (has && given != don->total) {
			money_text(x, sizeof x, don->total);
			money_text(y, sizeof y, given);
			diag_add(d, DIAG_ERROR, p->file, don->line, 0,
				 "the donors total %s but the donations among the "
				 "funding sources (at line %d) are %s", x,
				 src->line, y);
		}
	}
}

/* Numbers that identify: areas, PEI objectives, catalogued risks. */
static void unique_numbers(const pg_plan *p, diag *d)
{
	if (p->pei) {
		for (const pg_area *a = p->pei->areas; a; a = a->next) {
			for (const pg_area *b = p->pei->areas; b != a; b = b->next)
				if (a->num && a->num == b->num) {
					char n[16];
					snprintf(n, sizeof n, "%d", a->num);
					error_at(d, p, a->line,
						 "two strategic areas numbered %s",
						 n, b->line);
					break;
				}
			for (const pg_objective *o = a->objectives; o; o = o->next) {
				int dup = 0;
				for (const pg_area *a2 = p->pei->areas; a2 && !dup;
				     a2 = a2->next)
					for (const pg_objective *o2 = a2->objectives;
					     o2 && o2 != o; o2 = o2->next)
						if (o->num && o->num == o2->num) {
							char n[16];
							snprintf(n, sizeof n, "%d", o->num);
							error_at(d, p, o->line,
								 "two PEI objectives numbered %s",
								 n, o2->line);
							dup = 1;
							break;
						}
				if (dup)
					break;
			}
		}
	}
	for (const pg_risk *r = p->risks; r; r = r->next)
		for (const pg_risk *r2 = p->risks; r2 != r; r2 = r2->next)
			if (r->num && r->num == r2->num) {
				char n[16];
				snprintf(n, sizeof n, "%d", r->num);
				error_at(d, p, r->line,
					 "two catalogued risks numbered %s", n,
					 r2->line);
				break;
			}
	if (p->approvers)
		for (int i = 0; p->approvers[i]; i++)
			for (int j = 0; j < i; j++)
				if (p->approvers[i] == p->approvers[j])
					diag_add(d, DIAG_ERROR, p->file,
						 p->approvers[i]->line, 0,
						 "<aprobacion> lists the signatory "
						 "\"%s\" twice", p->approvers[i]->id);
}

static void poa(const pg_plan *p, const pg_poa *poa, diag *d)
{
	for (const pg_poa *o = p->poas; o != poa; o = o->next)
		if (poa->unit && o->unit == poa->unit) {
			error_at(d, p, poa->line, "unit \"%s\" has two POAs",
				 poa->unit->id, o->line);
			break;
		}
	for (const pg_part *part = poa->parts; part; part = part->next) {
		for (const pg_specific *s = part->objectives; s; s = s->next) {
			for (const pg_specific *s2 = part->objectives; s2 != s;
			     s2 = s2->next)
				if (s->num && s2->num && !strcmp(s->num, s2->num)) {
					error_at(d, p, s->line,
						 "two specific objectives numbered "
						 "\"%s\" in one POA part", s->num,
						 s2->line);
					break;
				}
			for (const pg_result *r = s->results; r; r = r->next) {
				int acts = 0;
				for (const pg_indicator *in = r->indicators; in;
				     in = in->next)
					acts += in->activities != NULL;
				if (!r->indicators)
					diag_add(d, DIAG_WARNING, p->file, r->line, 0,
						 "result \"%s\" has no indicators or "
						 "activities", r->id ? r->id : "");
				else if (!acts)
					diag_add(d, DIAG_WARNING, p->file, r->line, 0,
						 "result \"%s\" has no activities",
						 r->id ? r->id : "");
			}
		}
	}
}

void check_plan(const pg_plan *p, diag *d)
{
	budget(p, d);
	unique_numbers(p, d);
	for (const pg_poa *o = p->poas; o; o = o->next)
		poa(p, o, d);
}
