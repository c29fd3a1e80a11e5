/*
 * poa.c — the shape of a POA's matrix, as the layout builds it
 * (layouts/plan.c, poa() and poa_result()), so that the reader can hold
 * it to PG_MAX_TABLE_ROWS and the layout can assert what it built.
 *
 * The matrix, top to bottom:
 *   header rows: the column labels (results, indicators, verification,
 *     activities, time, responsible, funding, risk), a row with the
 *     period's label under "time" if the POA gives one
 *     (<columnas periodo>), then the twelve month labels;
 *   then for each part (apartado) in order:
 *     a group row with its title, if it has one;
 *     a group row per header (cabecera) of the part;
 *     for each specific objective of the part:
 *       a group row per PEI objective it cites (pei="..."),
 *       a group row for its action-plan scope, if it cites one,
 *       a group row per header of the objective,
 *       a group row with the objective itself,
 *       then the rows of each of its results (pg_poa_result_rows).
 * The POA's own headers (pg_poa.headers) are lines above the matrix,
 * not rows of it.
 */
#include "plan.h"

#include <string.h>

#include <stddef.h>

static long headers_of(const pg_header *h)
{
	long n = 0;
	for (; h; h = h->next)
		n++;
	return n;
}

long pg_poa_result_rows(const pg_result *r)
{
	long n = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next) {
		long k = 0;
		for (const pg_activity *a = i->activities; a; a = a->next)
			k++;
		n += k ? k : 1;
	}
	return n ? n : 1;
}

int pg_pei_label_one_line(const char *label)
{
	size_t n = label ? strlen(label) : 0;
	return n && (label[n - 1] == ':' || label[n - 1] == '.');
}

long pg_poa_matrix_rows(const pg_poa *o)
{
	long n = o->label[PG_COL_PERIOD] ? 3 : 2; /* the header rows */
	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		n += (pt->title != NULL) + headers_of(pt->headers);
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			const char *lab = s->pei_label ? s->pei_label : o->pei_label;
			int shown = !lab || *lab;
			for (int i = 0; shown && s->pei && s->pei[i]; i++)
				if (i == 0 || !pg_pei_label_one_line(lab))
					n++;
			n += (shown && s->scope != NULL) + headers_of(s->headers) + 1;
			for (const pg_result *r = s->results; r; r = r->next)
				n += pg_poa_result_rows(r);
		}
	}
	return n;
}
