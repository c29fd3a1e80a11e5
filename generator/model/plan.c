/*
 * plan.c — what the model computes about itself: the index of its ids.
 *
 * The index is an array of pg_idref sorted by id (strcmp), built once by
 * the reader after the plan, searched by halves.
 */
#include "plan.h"

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
