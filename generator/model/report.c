/*
 * report.c — what the accountability report computes from its sources.
 */
#include "report.h"

const pg_area *pg_activity_area(const pg_place *p)
{
	if (p->specific && p->specific->pei && p->specific->pei[0])
		return p->specific->pei[0]->area;
	return p->poa ? p->poa->area : NULL;
}

void pg_source_add(pg_sum *sum, const pg_source *s, int i)
{
	pg_sum_add_report(sum, &s->reports[i], s->window, s->cut_month);
}

double pg_execution(int64_t planned, int64_t executed, int *has)
{
	*has = planned > 0;
	return *has ? 100.0 * (double)executed / (double)planned : 0;
}
