/*
 * figures.c — programado, real, cumplimiento and semáforo, by the
 * definitions in figures.h and nothing else.
 */
#include "figures.h"

#include <math.h>

const char *const pg_light_name[PG_NLIGHTS] = { "verde", "amarillo", "rojo", "gris" };

double pg_planned(unsigned months, int m)
{
	int all = 0, due = 0;
	for (int k = 1; k <= 12; k++)
		if (months >> (k - 1) & 1) {
			all++;
			due += k <= m;
		}
	return all ? 100.0 * due / all : -1;
}

enum pg_light pg_light_of(int has, double ratio)
{
	if (!has)
		return PG_GREY;
	return ratio >= PG_GREEN_FROM ? PG_GREEN : ratio >= PG_YELLOW_FROM ? PG_YELLOW : PG_RED;
}

double pg_round1(double x)
{
	return round(10 * x) / 10;
}

static void ratio(pg_figures *f)
{
	f->has_ratio = f->has_planned && f->has_real && f->planned != 0;
	f->ratio = f->has_ratio ? 100 * f->real / f->planned : 0;
	f->light = pg_light_of(f->has_ratio, f->ratio);
}

pg_figures pg_activity_figures(const pg_progress *pr, int i)
{
	return pg_report_figures(&pr->reports[i], PG_ALL_MONTHS, pr->cut_month);
}

pg_figures pg_report_figures(const pg_report *r, unsigned window, int m)
{
	pg_figures f = { 0 };
	f.activities = 1;
	f.by_state[r->state] = 1;
	f.has_real = 1;
	f.real = r->progress;
	double p = pg_planned(r->months & window, m);
	if (r->state != PG_CANCELLED && p >= 0) {
		f.has_planned = 1;
		f.planned = p;
		f.counted = 1;
	}
	ratio(&f);
	return f;
}

void pg_sum_add(pg_sum *s, const pg_progress *pr, int i)
{
	pg_sum_add_report(s, &pr->reports[i], PG_ALL_MONTHS, pr->cut_month);
}

void pg_sum_add_report(pg_sum *s, const pg_report *r, unsigned window, int m)
{
	s->activities++;
	s->by_state[r->state]++;
	double p = pg_planned(r->months & window, m);
	if (r->state == PG_CANCELLED || p < 0)
		return;
	s->n++;
	s->planned += p;
	s->real += r->progress;
}

pg_figures pg_sum_figures(const pg_sum *s)
{
	pg_figures f = { 0 };
	f.counted = s->n;
	f.activities = s->activities;
	for (int k = 0; k < PG_NSTATES; k++)
		f.by_state[k] = s->by_state[k];
	if (s->n) {
		f.has_planned = f.has_real = 1;
		f.planned = s->planned / s->n;
		f.real = s->real / s->n;
	}
	ratio(&f);
	return f;
}
