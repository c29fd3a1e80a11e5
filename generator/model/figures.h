/*
 * figures.h — the figures of progress, computed once for the booklet
 * and the accountability report alike.
 *
 *   programado of an activity = 100 × |{s ∈ S : s ≤ m}| / |S|, S the
 *     months of the schedule in force, m the cut-off month; no months:
 *     not applicable;
 *   real = its avance (0 when the file does not report it);
 *   an aggregate (indicator, result, POA, area, institution) = the mean
 *     over all the activities under it, cancelled ones and those without
 *     months left out, programado and real each;
 *   cumplimiento = 100 × real / programado, not applicable when
 *     programado is 0;
 *   semáforo: green from 90, yellow from 70, red below, grey when not
 *     applicable, judged on the unrounded value.
 * Computed in double precision; shown with one decimal as
 * round(10·x)/10, half away from zero (pg_round1).
 */
#ifndef PG_MODEL_FIGURES_H
#define PG_MODEL_FIGURES_H

#include "progress.h"

enum pg_light { PG_GREEN, PG_YELLOW, PG_RED, PG_GREY, PG_NLIGHTS };
extern const char *const pg_light_name[PG_NLIGHTS]; /* verde, amarillo, ... */

/* The thresholds of the semáforo (cumplimiento, %). */
#define PG_GREEN_FROM 90.0
#define PG_YELLOW_FROM 70.0

typedef struct pg_figures {
	int has_planned;   /* programado applies */
	double planned;	   /* programado, % */
	int has_real;	   /* real applies (an aggregate of none: no) */
	double real;	   /* real, % */
	int has_ratio;	   /* cumplimiento applies */
	double ratio;	   /* cumplimiento, % */
	enum pg_light light;
	int counted;	   /* activities in the means */
	int by_state[PG_NSTATES]; /* every activity under it, by state */
	int activities;	   /* every activity under it */
} pg_figures;

/* An accumulator of activities, for any aggregate. */
typedef struct pg_sum {
	int n; /* counted */
	double planned, real;
	int by_state[PG_NSTATES];
	int activities;
} pg_sum;

/* programado of a schedule at cut-off month m (1-12); -1 if no months. */
double pg_planned(unsigned months, int m);
/* The figures of one activity's report r, its schedule counted only in
 * the months of `window` (PG_ALL_MONTHS: all), at cut-off month m. */
pg_figures pg_report_figures(const pg_report *r, unsigned window, int m);
void pg_sum_add_report(pg_sum *s, const pg_report *r, unsigned window, int m);
/* The figures of places[i] of pr by itself (a cancelled activity: real
 * only, no programado, cumplimiento nor semáforo). */
pg_figures pg_activity_figures(const pg_progress *pr, int i);
void pg_sum_add(pg_sum *s, const pg_progress *pr, int i);
pg_figures pg_sum_figures(const pg_sum *s);
/* The semáforo of a cumplimiento (has: whether it applies). */
enum pg_light pg_light_of(int has, double ratio);
/* round(10·x)/10, half away from zero. */
double pg_round1(double x);

#endif
