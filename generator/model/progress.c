/*
 * progress.c — the plan's activities in document order, and the lookup
 * of an activity's place by its pointer (a sorted copy, by halves).
 */
#include "progress.h"

#include <stdint.h>
#include <stdlib.h>

const char *const pg_state_name[PG_NSTATES] = {
	"no-iniciada", "en-curso", "finalizada", "reprogramada", "cancelada",
	"sin-reporte",
};

pg_place *pg_walk(const pg_plan *p, arena *a, int *n)
{
	int k = 0;
	for (int pass = 0; pass < 2; pass++) {
		pg_place *v = pass ? arena_array_of(a, pg_place, k ? k : 1) : NULL;
		k = 0;
		for (const pg_poa *o = p->poas; o; o = o->next)
			for (const pg_part *pt = o->parts; pt; pt = pt->next)
				for (const pg_specific *s = pt->objectives; s; s = s->next)
					for (const pg_result *r = s->results; r; r = r->next)
						for (const pg_indicator *i = r->indicators; i; i = i->next)
							for (const pg_activity *x = i->activities; x;
							     x = x->next, k++)
								if (v)
									v[k] = (pg_place){ o, s, r, i, x };
		if (pass) {
			*n = k;
			return v;
		}
	}
	return NULL;
}

typedef struct entry {
	const pg_activity *act;
	int index;
} entry;

struct pg_place_index {
	entry *v;
	int n;
};

static int by_ptr(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)((const entry *)x)->act;
	uintptr_t b = (uintptr_t)((const entry *)y)->act;
	return a < b ? -1 : a > b;
}

pg_place_index *pg_place_index_new(const pg_place *places, int n, arena *a)
{
	pg_place_index *ix = arena_new_of(a, pg_place_index);
	ix->v = arena_array_of(a, entry, n ? n : 1);
	ix->n = n;
	for (int i = 0; i < n; i++)
		ix->v[i] = (entry){ places[i].activity, i };
	qsort(ix->v, (size_t)n, sizeof *ix->v, by_ptr);
	return ix;
}

int pg_place_find(const pg_place_index *ix, const pg_activity *act)
{
	entry key = { act, 0 };
	const entry *e = ix->n ? bsearch(&key, ix->v, (size_t)ix->n, sizeof *ix->v, by_ptr)
			       : NULL;
	return e ? e->index : -1;
}

static int by_indicator(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)(*(const pg_logro *const *)x)->indicator;
	uintptr_t b = (uintptr_t)(*(const pg_logro *const *)y)->indicator;
	return a < b ? -1 : a > b;
}

void pg_index_logros(pg_progress *pr, arena *a)
{
	int n = 0;
	for (const pg_poa_report *q = pr->poas; q; q = q->next)
		for (const pg_logro *l = q->logros; l; l = l->next)
			n++;
	const pg_logro **v = arena_array_of(a, const pg_logro *, n ? n : 1);
	n = 0;
	for (const pg_poa_report *q = pr->poas; q; q = q->next)
		for (const pg_logro *l = q->logros; l; l = l->next)
			v[n++] = l;
	qsort(v, (size_t)n, sizeof *v, by_indicator);
	pr->logros = v;
	pr->nlogros = n;
}

const pg_logro *pg_logro_of(const pg_progress *pr, const pg_indicator *x)
{
	if (!pr || !pr->nlogros)
		return NULL;
	pg_logro key = { 0 };
	key.indicator = x;
	const pg_logro *kp = &key;
	const pg_logro *const *r = bsearch(&kp, pr->logros, (size_t)pr->nlogros,
					   sizeof *pr->logros, by_indicator);
	return r ? *r : NULL;
}
