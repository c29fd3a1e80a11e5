/*
 * csv-plan.c — the plan's POA matrices as rows, one per activity, so
 * that planners get their data back into a spreadsheet: the ids of the
 * POA, specific objective, result, indicator and activity; the
 * activity's code, text and months as written; the responsible,
 * funding and risk cells the matrix shows for it (its own, else its
 * indicator's, else its result's).
 */
#include "data.h"

#include <stdlib.h>

static const pg_exec *pick(const pg_exec *a, const pg_exec *i, const pg_exec *r,
			   int which)
{
	const pg_exec *e[3] = { a, i, r };
	for (int k = 0; k < 3; k++) {
		if (which == 0 && e[k]->responsible)
			return e[k];
		if (which == 1 && e[k]->funding)
			return e[k];
		if (which == 2 && e[k]->risks)
			return e[k];
	}
	return NULL;
}

static void risks(FILE *out, const pg_riskref *r)
{
	/* "24. text; 25. text" in one field. */
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		pg_oom();
	for (; r; r = r->next) {
		if (r->risk)
			fprintf(m, "%d. ", r->risk->num);
		if (r->text) {
			unsigned long n = pg_span_plain(r->text, NULL, 0);
			char *t = malloc(n + 1);
			if (!t)
				pg_oom();
			pg_span_plain(r->text, t, n + 1);
			fputs(t, m);
			free(t);
		} else if (r->risk) {
			fputs(r->risk->text, m);
		}
		if (r->next)
			fputs("; ", m);
	}
	fclose(m);
	data_field(out, buf);
	free(buf);
}

int data_plan_csv(const pg_plan *p, FILE *out)
{
	fputs("poa,objetivo,resultado,indicador,actividad,codigo,texto,meses,"
	      "responsable,financiamiento,riesgo\n", out);
	for (const pg_poa *o = p->poas; o; o = o->next)
		for (const pg_part *pt = o->parts; pt; pt = pt->next)
			for (const pg_specific *s = pt->objectives; s; s = s->next)
				for (const pg_result *r = s->results; r; r = r->next)
					for (const pg_indicator *i = r->indicators; i; i = i->next)
						for (const pg_activity *a = i->activities; a; a = a->next) {
							const char *ids[5] = { o->id, s->id, r->id, i->id, a->id };
							for (int k = 0; k < 5; k++) {
								data_field(out, ids[k]);
								data_sep(out);
							}
							data_field(out, a->code);
							data_sep(out);
							data_spans(out, a->text);
							data_sep(out);
							data_field(out, a->months_text);
							data_sep(out);
							const pg_exec *e = pick(&a->exec, &i->exec, &r->exec, 0);
							if (e)
								data_spans(out, e->responsible);
							data_sep(out);
							e = pick(&a->exec, &i->exec, &r->exec, 1);
							if (e)
								data_spans(out, e->funding);
							data_sep(out);
							e = pick(&a->exec, &i->exec, &r->exec, 2);
							if (e)
								risks(out, e->risks);
							data_end(out);
						}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
