/*
 * data.h — a document's data as a table (-f csv), for spreadsheets and
 * other tools: RFC 4180 (a field quoted when it holds a comma, a quote
 * or a line end, quotes doubled), UTF-8 without a BOM, LF line ends.
 * The columns are part of plangen's interface: other tools read them.
 *
 * data/ sees the model only: the figures are the model's (figures.c),
 * texts their plain words (pg_span_plain).
 */
#ifndef PG_DATA_H
#define PG_DATA_H

#include <stdio.h>

#include "../model/figures.h"
#include "../model/plan.h"
#include "../model/progress.h"
#include "../model/report.h"

/* The plan's POA matrices, one row per activity:
 *   poa,objetivo,resultado,indicador,actividad,codigo,texto,meses,
 *   responsable,financiamiento,riesgo
 * Returns 0, or -1 on a write error (errno set). */
int data_plan_csv(const pg_plan *p, FILE *out);

/* The booklet's figures: every activity, then every indicator, result
 * and POA, then the institution:
 *   nivel,poa,id,codigo,texto,programado,real,cumplimiento,semaforo,estado */
int data_progress_csv(const pg_progress *pr, FILE *out);

/* The accountability report's figures: every strategic area, the
 * institution, every rubro and the budget total:
 *   tipo,clave,nombre,programado,ejecutado,porcentaje */
int data_accountability_csv(const pg_accountability *r, FILE *out);

/* csv.c: one field (NULL: empty), then a comma or the line's end. */
void data_field(FILE *out, const char *s);
void data_spans(FILE *out, const pg_span *s);
/* A percentage with one decimal (pg_round1), or empty if !has. */
void data_percent(FILE *out, int has, double x);
void data_sep(FILE *out);
void data_end(FILE *out);

#endif
