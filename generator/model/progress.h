/*
 * progress.h — the model of a quarter's progress report (<avance>): one
 * plan's POAs as reported at a cut-off date, and the figures computed
 * from it (figures.c), which the booklet and the accountability report
 * print alike.
 *
 * The report points into its plan (read first, and kept as long as the
 * report): each activity's report is indexed by the activity's place
 * in the plan's document order (pg_walk), so that the figures visit the
 * plan once, in order, and find each activity's report at once.
 */
#ifndef PG_MODEL_PROGRESS_H
#define PG_MODEL_PROGRESS_H

#include "../base/arena.h"
#include "plan.h"

/* An activity's state; PG_UNREPORTED for one the file does not report. */
enum pg_state {
	PG_NOT_STARTED, /* no-iniciada */
	PG_ONGOING,	/* en-curso */
	PG_FINISHED,	/* finalizada */
	PG_RESCHEDULED, /* reprogramada */
	PG_CANCELLED,	/* cancelada */
	PG_UNREPORTED,	/* sin-reporte */
	PG_NSTATES
};

/* The names of the states as the file and the CSV write them. */
extern const char *const pg_state_name[PG_NSTATES];

/* One activity of the plan, where it sits (document order). */
typedef struct pg_place {
	const pg_poa *poa;
	const pg_specific *specific;
	const pg_result *result;
	const pg_indicator *indicator;
	const pg_activity *activity;
} pg_place;

/* One activity's report. */
typedef struct pg_report {
	int reported;	 /* 0: no <actividad> for it in this file */
	double progress; /* avance, 0-100 */
	enum pg_state state;
	unsigned months;    /* the schedule in force (bit m-1: month m) */
	int months_given;   /* this file gives meses */
	pg_span *comment;   /* or NULL */
	int line;	    /* of its <actividad>, 0 if unreported */
} pg_report;

/* An indicator's value reached. */
typedef struct pg_logro {
	struct pg_logro *next;
	const pg_indicator *indicator;
	pg_span *text;
	int line;
} pg_logro;

/* A risk that materialised: the catalogue's (or NULL) and the text. */
typedef struct pg_risk_event {
	struct pg_risk_event *next;
	const pg_risk *risk;
	pg_span *text;
	int line;
} pg_risk_event;

/* One POA's part of the report. */
typedef struct pg_poa_report {
	struct pg_poa_report *next;
	const pg_poa *poa;
	pg_logro *logros;
	pg_risk_event *risks;
	int line;
} pg_poa_report;

typedef struct pg_progress {
	const char *file;
	const pg_plan *plan;
	const struct pg_progress *previous; /* anterior, or NULL */
	int quarter;	    /* 1-4 */
	const char *cutoff; /* YYYY-MM-DD */
	int cut_month;	    /* 1-12 */
	const char *date;   /* of the report: fecha, else corte */
	const char *title;  /* titulo, or NULL: the usual one */
	/* Sign-off: the file's own, else the plan's. */
	pg_signatory *signatories;
	const pg_signatory **approvers;
	const char *approval_reason, *approval_place, *approval_date;
	pg_poa_report *poas; /* in the file's order */
	/* Every activity of the plan in document order, and its report. */
	pg_place *places;
	pg_report *reports;
	int nplaces;
	/* Every logro, sorted by its indicator (pg_index_logros). */
	const pg_logro **logros;
	int nlogros;
} pg_progress;

/* model/progress.c: every activity of p in document order (POAs, parts,
 * specific objectives, results, indicators, activities), in an array
 * of the arena's; *n their number. */
pg_place *pg_walk(const pg_plan *p, arena *a, int *n);
/* The index in places[0..n) of activity act, or -1 (by halves over a
 * sorted copy: the reader's lookup). */
typedef struct pg_place_index pg_place_index;
pg_place_index *pg_place_index_new(const pg_place *places, int n, arena *a);
int pg_place_find(const pg_place_index *ix, const pg_activity *act);
/* Makes pr->logros from its POAs' (the reader, once). */
void pg_index_logros(pg_progress *pr, arena *a);
/* The logro reported for indicator x, or NULL (by halves). */
const pg_logro *pg_logro_of(const pg_progress *pr, const pg_indicator *x);

#endif
