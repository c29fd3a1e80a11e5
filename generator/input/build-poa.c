/*
 * build-poa.c — the Planes Operativos Anuales: a POA's columns and
 * headers, its parts, specific objectives, results, indicators and
 * activities (their months), and who executes them with what money at
 * what risk.  A result is read the same in the action plan's scopes.
 */
#include "build-imp.h"

#include <stdlib.h>
#include <string.h>

/* responsable?, financiamiento?, riesgo* */
/* riesgos="lineas|numerados|guiones|comas" (the DTD checked it), or -1. */
static int risk_style(bld *b, const xmlNode *n)
{
	const char *rs = bld_attr(b, n, "riesgos");
	return !rs			  ? -1
	       : !strcmp(rs, "numerados") ? PG_RISKS_NUMBERS
	       : !strcmp(rs, "guiones")   ? PG_RISKS_DASHES
	       : !strcmp(rs, "comas")	  ? PG_RISKS_COMMAS
					  : PG_RISKS_LINES;
}

static void exec_of(bld *b, const xmlNode *n, pg_exec *e)
{
	e->risk_style = risk_style(b, n);
	pg_riskref **rt = &e->risks;
	int count = 0;
	each_child(c, n) {
		if (bld_is(c, "responsable")) {
			e->responsible = bld_spans(b, c);
		} else if (bld_is(c, "financiamiento")) {
			e->funding = bld_spans(b, c);
		} else if (bld_is(c, "riesgo")) {
			pg_riskref *r = arena_new_of(b->a, pg_riskref);
			r->line = xml_line(c);
			r->text = bld_spans(b, c);
			const char *num = bld_attr(b, c, "num");
			if (num) {
				int k = bld_number(b, c, "num", num);
				r->risk = k ? bld_risk_by_num(b, k) : NULL;
				if (k && !r->risk)
					bld_err(b, c, "riesgo num=\"%s\": the risk "
						      "catalogue (<riesgos>) has no "
						      "risk %d", num, k);
			} else if (!r->text) {
				bld_err(b, c, "an empty <riesgo>: write its text "
					      "or cite the catalogue with num");
			}
			*rt = r;
			rt = &r->next;
			if (++count == PG_MAX_CELL_RISKS + 1)
				bld_err(b, c, "more than %d risks for one cell of the "
					      "matrix", PG_MAX_CELL_RISKS);
		}
	}
}

static pg_item *sources_of(bld *b, const xmlNode *n)
{
	pg_item *first = NULL, **t = &first;
	each_child(c, n) {
		if (bld_is(c, "verificacion")) {
			*t = bld_item(b, c);
			t = &(*t)->next;
		}
	}
	return first;
}

/* actividad -> (texto, verificacion*, responsable?, financiamiento?, riesgo*) */
static pg_activity *activity(bld *b, const xmlNode *n)
{
	pg_activity *a = arena_new_of(b->a, pg_activity);
	a->id = bld_attr(b, n, "id");
	a->code = bld_attr(b, n, "codigo");
	a->line = xml_line(n);
	const char *m = a->months_text = bld_attr(b, n, "meses");
	int before = diag_errors(b->d);
	a->months = m ? bld_months(b, n, m) : 0;
	if (!a->months && diag_errors(b->d) == before)
		diag_add(b->d, DIAG_WARNING, b->name, a->line, 0,
			 "activity \"%s\" runs in no month: give it "
			 "meses=\"...\"", a->id ? a->id : "");
	a->text = bld_spans(b, bld_child(n, "texto"));
	a->sources = sources_of(b, n);
	exec_of(b, n, &a->exec);
	bld_declare(b, n, a->id, PG_KIND_ACTIVITY, a);
	return a;
}

/* indicador -> (texto, verificacion*, responsable?, financiamiento?,
 *               riesgo*, actividad*) */
static pg_indicator *indicator(bld *b, const xmlNode *n)
{
	pg_indicator *in = arena_new_of(b->a, pg_indicator);
	in->id = bld_attr(b, n, "id");
	in->code = bld_attr(b, n, "codigo");
	in->line = xml_line(n);
	const char *plazo = bld_attr(b, n, "plazo");
	if (plazo) {
		if (bld_date_ok(plazo, 0)) {
			in->deadline = (plazo[5] - '0') * 10 + (plazo[6] - '0');
			in->deadlines = 1u << (in->deadline - 1);
		} else {
			/* One month or several ("1 7": in January and July). */
			const char *p = plazo;
			int bad = 0;
			while (*p == ' ')
				p++;
			if (!*p)
				bad = 1;
			while (*p && !bad) {
				char *end;
				long mth = strtol(p, &end, 10);
				if (end == p || (*end && *end != ' ') || mth < 1 || mth > 12) {
					bad = 1;
					break;
				}
				in->deadlines |= 1u << (mth - 1);
				if (mth > in->deadline)
					in->deadline = (int)mth;
				for (p = end; *p == ' '; p++)
					;
			}
			if (bad) {
				bld_err(b, n, "plazo=\"%s\" is not a month (1-12), months "
					      "(\"1 7\") or a date (YYYY-MM-DD)", plazo);
				in->deadline = 0;
				in->deadlines = 0;
			}
		}
	}
	in->text = bld_spans(b, bld_child(n, "texto"));
	in->sources = sources_of(b, n);
	exec_of(b, n, &in->exec);
	bld_declare(b, n, in->id, PG_KIND_INDICATOR, in);
	pg_activity **t = &in->activities;
	each_child(c, n) {
		if (bld_is(c, "actividad")) {
			*t = activity(b, c);
			t = &(*t)->next;
		}
	}
	return in;
}

/* resultado -> (texto, responsable?, financiamiento?, riesgo*, indicador*) */
pg_result *bld_result(bld *b, const xmlNode *n)
{
	pg_result *r = arena_new_of(b->a, pg_result);
	r->id = bld_attr(b, n, "id");
	r->code = bld_attr(b, n, "codigo");
	r->line = xml_line(n);
	r->text = bld_spans(b, bld_child(n, "texto"));
	exec_of(b, n, &r->exec);
	bld_declare(b, n, r->id, PG_KIND_RESULT, r);
	pg_indicator **t = &r->indicators;
	each_child(c, n) {
		if (bld_is(c, "indicador")) {
			*t = indicator(b, c);
			t = &(*t)->next;
		}
	}
	return r;
}

static pg_header *headers(bld *b, const xmlNode *n)
{
	pg_header *first = NULL, **t = &first;
	each_child(c, n) {
		if (!bld_is(c, "cabecera"))
			continue;
		pg_header *h = arena_new_of(b->a, pg_header);
		h->label = bld_attr(b, c, "etiqueta");
		h->text = bld_spans(b, c);
		h->line = xml_line(c);
		*t = h;
		t = &h->next;
	}
	return first;
}

/* objetivo-especifico -> (cabecera*, texto, resultado+) */
static pg_specific *specific(bld *b, const xmlNode *n)
{
	pg_specific *s = arena_new_of(b->a, pg_specific);
	s->id = bld_attr(b, n, "id");
	s->num = bld_attr(b, n, "num");
	s->label = bld_attr(b, n, "etiqueta");
	s->pei_label = bld_attr(b, n, "etiqueta-pei");
	s->line = xml_line(n);
	s->pei = (const pg_objective **)bld_resolve_list(b, n, "pei", PG_KIND_OBJECTIVE);
	s->scope = bld_resolve(b, n, "alcance", bld_attr(b, n, "alcance"), PG_KIND_SCOPE);
	s->headers = headers(b, n);
	s->text = bld_spans(b, bld_child(n, "texto"));
	bld_declare(b, n, s->id, PG_KIND_SPECIFIC, s);
	pg_result **t = &s->results;
	each_child(c, n) {
		if (bld_is(c, "resultado")) {
			*t = bld_result(b, c);
			t = &(*t)->next;
		}
	}
	return s;
}

static pg_specific *specifics(bld *b, const xmlNode *n)
{
	pg_specific *first = NULL, **t = &first;
	each_child(c, n) {
		if (bld_is(c, "objetivo-especifico")) {
			*t = specific(b, c);
			t = &(*t)->next;
		}
	}
	return first;
}

static const char *const column_attr[PG_NCOLUMNS] = {
	"resultados", "indicadores", "verificacion", "actividades", "tiempo",
	"periodo", "responsables", "financiamiento", "riesgo",
};

/* poa -> (columnas?, cabecera*, (apartado+ | objetivo-especifico+)) */
pg_poa *bld_poa(bld *b, const xmlNode *n)
{
	pg_poa *p = arena_new_of(b->a, pg_poa);
	p->id = bld_attr(b, n, "id");
	p->title = bld_attr(b, n, "titulo");
	p->pei_label = bld_attr(b, n, "etiqueta-pei");
	int rs = risk_style(b, n);
	p->risk_style = rs < 0 ? PG_RISKS_LINES : (enum pg_risk_style)rs;
	p->line = xml_line(n);
	p->unit = bld_resolve(b, n, "unidad", bld_attr(b, n, "unidad"), PG_KIND_UNIT);
	p->area = bld_resolve(b, n, "area", bld_attr(b, n, "area"), PG_KIND_AREA);
	p->objectives = (const pg_objective **)bld_resolve_list(b, n, "objetivos",
								PG_KIND_OBJECTIVE);
	bld_declare(b, n, p->id, PG_KIND_POA, p);
	const xmlNode *cols = bld_child(n, "columnas");
	if (cols) {
		for (int i = 0; i < PG_NCOLUMNS; i++)
			p->label[i] = bld_attr(b, cols, column_attr[i]);
		const char *m = bld_attr(b, cols, "meses");
		if (m) {
			int k = 0, wide = 0;
			for (const char *s = m; *s && k <= 12;) {
				const char *e = strchr(s, ' ');
				size_t len = e ? (size_t)(e - s) : strlen(s);
				if (k < 12)
					p->month_label[k] =
						arena_strndup(b->a, s, len);
				if (k < 12 && bld_chars(p->month_label[k]) >
						      PG_MAX_MONTH_LABEL)
					wide = 1;
				k++;
				s = e ? e + 1 : s + len;
			}
			if (wide && k == 12) {
				bld_err(b, cols, "meses=\"%s\": a month label has at "
						 "most %d characters (its column is "
						 "narrow)", m, PG_MAX_MONTH_LABEL);
				memset(p->month_label, 0, sizeof p->month_label);
			}
			if (k != 12) {
				bld_err(b, cols, "meses=\"%s\": give twelve month "
						 "labels separated by spaces, not %d",
					m, k);
				memset(p->month_label, 0, sizeof p->month_label);
			}
		}
	}
	p->headers = headers(b, n);
	pg_part **t = &p->parts;
	each_child(c, n) {
		if (!bld_is(c, "apartado"))
			continue;
		pg_part *part = arena_new_of(b->a, pg_part);
		part->title = bld_attr(b, c, "titulo");
		part->headers = headers(b, c);
		part->objectives = specifics(b, c);
		part->line = xml_line(c);
		*t = part;
		t = &part->next;
	}
	if (!p->parts) {
		pg_part *part = arena_new_of(b->a, pg_part);
		part->objectives = specifics(b, n);
		part->line = p->line;
		p->parts = part;
	}
	return p;
}

