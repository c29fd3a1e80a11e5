/*
 * csv-rendicion.c — the accountability report's figures as rows: one
 * per strategic area (programado and real as percentages, cumplimiento),
 * the activities of no area if any, the institution, then one per rubro
 * (programado and ejecutado in the currency, two decimals, execution %)
 * and the budget total.
 */
#include "data.h"

#include <inttypes.h>

static void amount(FILE *out, int has, int64_t cents)
{
	if (has)
		fprintf(out, "%s%" PRId64 ".%02" PRId64, cents < 0 ? "-" : "",
			(cents < 0 ? -cents : cents) / 100, (cents < 0 ? -cents : cents) % 100);
}

static void figures_row(FILE *out, const char *kind, const char *key, const char *name,
			const pg_sum *s)
{
	pg_figures f = pg_sum_figures(s);
	data_field(out, kind);
	data_sep(out);
	data_field(out, key);
	data_sep(out);
	data_field(out, name);
	data_sep(out);
	data_percent(out, f.has_planned, f.planned);
	data_sep(out);
	data_percent(out, f.has_real, f.real);
	data_sep(out);
	data_percent(out, f.has_ratio, f.ratio);
	data_end(out);
}

static void money_row(FILE *out, const char *kind, const char *name, int has_planned,
		      int64_t planned, int64_t executed)
{
	int has;
	double x = pg_execution(planned, executed, &has);
	data_field(out, kind);
	data_sep(out);
	data_sep(out);
	data_field(out, name);
	data_sep(out);
	amount(out, has_planned, planned);
	data_sep(out);
	amount(out, 1, executed);
	data_sep(out);
	data_percent(out, has && has_planned, x);
	data_end(out);
}

int data_accountability_csv(const pg_accountability *r, FILE *out)
{
	fputs("tipo,clave,nombre,programado,ejecutado,porcentaje\n", out);
	for (int k = 0; k < r->nareas; k++) {
		const pg_report_area *a = &r->areas[k];
		figures_row(out, "area", a->id, a->id ? a->name : "Sin área", &a->sum);
	}
	figures_row(out, "institucion", NULL, r->last->institution, &r->all);
	int64_t pl = 0, ex = 0;
	for (const pg_rubro *ru = r->rubros; ru; ru = ru->next) {
		money_row(out, "rubro", ru->name, ru->has_planned, ru->planned, ru->executed);
		pl += ru->planned;
		ex += ru->executed;
	}
	if (r->rubros)
		money_row(out, "total", "Total", 1, pl, ex);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
