/*
 * report.h — the model of an accountability report (<rendicion>): a
 * period, the plans and progress reports it draws on, and what only the
 * report has (the authorities' message, achievements by strategic area
 * with photos, budget execution, cooperation, access to information,
 * challenges, the public hearing and its evaluation).
 *
 * Its figures are the progress figures (figures.h) over the activities
 * of every plan of the period, each counted only for the months of its
 * plan's year inside the period, grouped by strategic area.
 */
#ifndef PG_MODEL_REPORT_H
#define PG_MODEL_REPORT_H

#include <stdint.h>

#include "figures.h"
#include "plan.h"
#include "progress.h"

typedef struct pg_photo {
	struct pg_photo *next;
	const char *file, *caption;
	int line;
} pg_photo;

typedef struct pg_message {
	struct pg_message *next;
	const char *title;
	const pg_signatory *signer; /* or NULL */
	pg_block *blocks;	    /* p, lista, tabla, figura, foto */
	int line;
} pg_message;

/* A strategic area's achievements (logros). */
typedef struct pg_achievement {
	struct pg_achievement *next;
	const char *area; /* its id */
	pg_block *blocks;
	int line;
} pg_achievement;

typedef struct pg_rubro {
	struct pg_rubro *next;
	const char *name;
	int has_planned; /* programado known (given, or the plan's line) */
	int64_t planned, executed; /* cents */
	int line;
} pg_rubro;

typedef struct pg_aporte {
	struct pg_aporte *next;
	const char *donor;
	int64_t cents;
	pg_span *text;
	int line;
} pg_aporte;

typedef struct pg_question {
	struct pg_question *next;
	pg_span *question, *answer;
	int line;
} pg_question;

/* One plan of the period with its latest progress report (or NULL: its
 * activities are unreported), the months of its year inside the period
 * (a 12-bit mask) and the cut-off month its figures use. */
typedef struct pg_source {
	const pg_plan *plan;
	const pg_progress *progress;
	unsigned window;
	int cut_month;
	/* Its activities in document order and their reports (the progress
	 * report's, or every one unreported). */
	const pg_place *places;
	const pg_report *reports;
	int nplaces;
} pg_source;

/* A strategic area of the report: the PEI's (by id, from the plans'), or
 * the one of the activities that have none (area NULL). */
typedef struct pg_report_area {
	const char *id, *name; /* NULL, NULL: no area */
	int num;
	const pg_area *area;  /* the latest plan's */
	pg_sum sum;	      /* its activities */
} pg_report_area;

typedef struct pg_accountability {
	const char *file;
	const char *from, *to, *date; /* YYYY-MM-DD */
	const char *title, *subtitle, *cover_date, *cover_photo, *cover_caption;
	pg_item *cover_lines;
	pg_signatory *signatories;
	const pg_signatory **approvers;
	const char *approval_reason, *approval_place, *approval_date;
	pg_source *sources; /* by year */
	int nsources;
	const pg_plan *last; /* the plan of the period's last year */
	pg_message *messages;
	pg_achievement *achievements;
	const char *budget_title;
	pg_rubro *rubros;
	pg_aporte *aportes;
	int has_info;
	long info_received, info_answered;
	pg_block *info_blocks;
	pg_item *challenges;
	int has_hearing;
	const char *hearing_date, *hearing_place;
	long hearing_attendance;
	pg_block *hearing_blocks;
	pg_question *questions;
	pg_block *evaluation;
	/* The figures, by area (in the order of the latest PEI, the no-area
	 * one last if any activity has none), and of the institution. */
	pg_report_area *areas;
	int nareas;
	pg_sum all;
} pg_accountability;

/* model/report.c: the area of an activity (the area of the first PEI
 * objective its specific objective names, else its POA's), or NULL. */
const pg_area *pg_activity_area(const pg_place *p);
/* The report's figures of source s's activity i into sum. */
void pg_source_add(pg_sum *sum, const pg_source *s, int i);
/* Budget execution: 100 × executed / planned (has: planned > 0). */
double pg_execution(int64_t planned, int64_t executed, int *has);

#endif
