/*
 * plan.c — what the model computes about itself: the index of its ids,
 * and the rows of the tables the layout makes of it (but a POA's, poa.c).
 *
 * The index is an array of pg_idref sorted by id (strcmp), built once by
 * the reader after the plan, searched by halves.
 */
#include "plan.h"
#include "../base/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int by_id(const void *x, const void *y)
{
	const pg_idref *a = x, *b = y;
	return strcmp(a->id, b->id);
}

void pg_plan_set_ids(pg_plan *p, pg_idref *v, int n)
{
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, by_id);
	p->ids = v;
	p->nids = n;
}

const pg_idref *pg_plan_find(const pg_plan *p, const char *id)
{
	if (!p || !id || !p->nids)
		return NULL;
	pg_idref key = { id, 0, NULL, 0 };
	return bsearch(&key, p->ids, (size_t)p->nids, sizeof *p->ids, by_id);
}

/* ---- table rows ---- */

int pg_section_empty(const pg_section *s)
{
	if (s->blocks)
		return 0;
	for (const pg_section *c = s->children; c; c = c->next)
		if (!pg_section_empty(c))
			return 0;
	return 1;
}

long pg_scope_rows(const pg_scope *s)
{
	long n = 0;
	for (const pg_result *r = s->results; r; r = r->next) {
		long k = 0;
		for (const pg_indicator *i = r->indicators; i; i = i->next)
			k++;
		n += k ? k : 1;
	}
	return n ? n : 1;
}

long pg_action_table_rows(const pg_plan *p, const pg_area *a)
{
	long n = 1;
	for (const pg_scope *s = p->action ? p->action->scopes : NULL; s; s = s->next)
		if (s->objective && s->objective->area == a)
			n += pg_scope_rows(s);
	return n;
}

static int by_address(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)*(const void *const *)x,
		  b = (uintptr_t)*(const void *const *)y;
	return (a > b) - (a < b);
}

/* A scope's objective, once resolved, is one of the PEI's (a scope
 * without one has no row), so the rows are the header, one per
 * objective, and one per scope beyond the first of its objective:
 * counted over the scopes sorted by the objective they cite (n log n,
 * however many objectives). */
long pg_link_table_rows(const pg_plan *p)
{
	if (!p->pei || !p->action)
		return 0;
	long n = 1;
	for (const pg_area *a = p->pei->areas; a; a = a->next)
		for (const pg_objective *o = a->objectives; o; o = o->next)
			n++;
	size_t k = 0;
	for (const pg_scope *s = p->action->scopes; s; s = s->next)
		k++;
	const void **v = malloc((k + 1) * sizeof *v);
	if (!v)
		pg_oom();
	k = 0;
	for (const pg_scope *s = p->action->scopes; s; s = s->next)
		if (s->objective)
			v[k++] = s->objective;
	qsort(v, k, sizeof *v, by_address);
	for (size_t i = 1; i < k; i++)
		n += v[i] == v[i - 1];
	free(v);
	return n;
}

long pg_money_table_rows(const pg_money_table *t)
{
	long n = 2;
	for (const pg_money_line *l = t->lines; l; l = l->next)
		n++;
	return n;
}
