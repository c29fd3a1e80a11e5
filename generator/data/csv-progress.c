/*
 * csv-progress.c — the booklet's figures as rows: every activity in
 * document order, then every indicator, every result, every POA, and
 * the institution; each aggregate the mean over its activities
 * (figures.h).
 */
#include "data.h"

static void row(FILE *out, const char *level, const char *poa, const char *id,
		const char *code, const pg_span *text, const char *plain,
		const pg_figures *f, const char *state, int light)
{
	data_field(out, level);
	data_sep(out);
	data_field(out, poa);
	data_sep(out);
	data_field(out, id);
	data_sep(out);
	data_field(out, code);
	data_sep(out);
	if (text)
		data_spans(out, text);
	else
		data_field(out, plain);
	data_sep(out);
	data_percent(out, f->has_planned, f->planned);
	data_sep(out);
	data_percent(out, f->has_real, f->real);
	data_sep(out);
	data_percent(out, f->has_ratio, f->ratio);
	data_sep(out);
	if (light)
		data_field(out, pg_light_name[f->light]);
	data_sep(out);
	data_field(out, state);
	data_end(out);
}

static pg_figures over(const pg_progress *pr, int from, int to)
{
	pg_sum s = { 0 };
	for (int i = from; i < to; i++)
		pg_sum_add(&s, pr, i);
	return pg_sum_figures(&s);
}

static int count(const pg_indicator *x)
{
	int n = 0;
	for (const pg_activity *a = x->activities; a; a = a->next)
		n++;
	return n;
}

int data_progress_csv(const pg_progress *pr, FILE *out)
{
	const pg_plan *p = pr->plan;
	fputs("nivel,poa,id,codigo,texto,programado,real,cumplimiento,semaforo,estado\n", out);
	for (int i = 0; i < pr->nplaces; i++) {
		const pg_place *pl = &pr->places[i];
		const pg_report *r = &pr->reports[i];
		pg_figures f = pg_activity_figures(pr, i);
		row(out, "actividad", pl->poa->id, pl->activity->id, pl->activity->code,
		    pl->activity->text, NULL, &f, pg_state_name[r->state],
		    r->state != PG_CANCELLED);
	}
	/* The activities under each node are a run of places (document
	 * order): indicators, then results, each over its run. */
	for (int level = 0; level < 2; level++) {
		int k = 0;
		for (const pg_poa *o = p->poas; o; o = o->next)
			for (const pg_part *pt = o->parts; pt; pt = pt->next)
				for (const pg_specific *s = pt->objectives; s; s = s->next)
					for (const pg_result *r = s->results; r; r = r->next) {
						int from = k;
						for (const pg_indicator *x = r->indicators; x; x = x->next) {
							int n = count(x);
							if (level == 0) {
								pg_figures f = over(pr, k, k + n);
								row(out, "indicador", o->id, x->id, x->code,
								    x->text, NULL, &f, NULL, 1);
							}
							k += n;
						}
						if (level == 1) {
							pg_figures f = over(pr, from, k);
							row(out, "resultado", o->id, r->id, r->code, r->text,
							    NULL, &f, NULL, 1);
						}
					}
	}
	int k = 0;
	for (const pg_poa *o = p->poas; o; o = o->next) {
		int from = k;
		while (k < pr->nplaces && pr->places[k].poa == o)
			k++;
		pg_figures f = over(pr, from, k);
		row(out, "poa", o->id, o->id, NULL, NULL, o->title, &f, NULL, 1);
	}
	pg_figures f = over(pr, 0, pr->nplaces);
	row(out, "institucion", NULL, NULL, NULL, NULL, p->institution, &f, NULL, 1);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
