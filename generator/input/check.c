/*
 * check.c — the rules over the whole model that neither the DTD nor a
 * single element can state: totals that must agree, numbers that must be
 * unique, and the warning for an empty result.  Value formats and
 * references were checked while building (build.c).
 */
#include "input-imp.h"

#include <stdlib.h>
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
		if ((!only_donations || l->source == PG_DONATIONS) &&
		    __builtin_add_overflow(s, l->cents, &s))
			return INT64_MAX; /* reported while building */
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

struct numbered {
	int num, line;
};

/* Reports every number in v[0..n) that an earlier entry already has. */
static void unique(const pg_plan *p, diag *d, const char *what,
		   const struct numbered *v, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (v[i].num && v[i].num == v[j].num) {
				diag_add(d, DIAG_ERROR, p->file, v[i].line, 0,
					 "two %s numbered %d (the first is at "
					 "%s:%d)", what, v[i].num, p->file,
					 v[j].line);
				break;
			}
}

/* Numbers that identify: areas, PEI objectives, catalogued risks; and
 * the approvers, each once. */
static void unique_numbers(const pg_plan *p, diag *d)
{
	int n = 0, cap = 16;
	for (const pg_risk *r = p->risks; r; r = r->next)
		cap++;
	for (const pg_area *a = p->pei ? p->pei->areas : NULL; a; a = a->next)
		for (const pg_objective *o = a->objectives; o; o = o->next)
			cap++;
	struct numbered *v = calloc((size_t)cap * 2, sizeof *v);
	if (!v)
		pg_oom();
	struct numbered *areas = v, *objectives = v + cap;
	int nobj = 0;
	for (const pg_area *a = p->pei ? p->pei->areas : NULL; a; a = a->next) {
		if (n < cap)
			areas[n++] = (struct numbered){ a->num, a->line };
		for (const pg_objective *o = a->objectives; o; o = o->next)
			objectives[nobj++] = (struct numbered){ o->num, o->line };
	}
	unique(p, d, "strategic areas", areas, n);
	unique(p, d, "PEI objectives", objectives, nobj);
	n = 0;
	for (const pg_risk *r = p->risks; r; r = r->next)
		areas[n++] = (struct numbered){ r->num, r->line };
	unique(p, d, "catalogued risks", areas, n);
	free(v);
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
