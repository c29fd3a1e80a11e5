/*
 * build-strategy.c — the plan's strategy and organisation: the PEI
 * (areas and their objectives), the organisation's units (a tree), and
 * the action plan's scopes with their results.  Each declares its ids
 * for the POAs and blocks that cite them.
 */
#include "build-imp.h"

#include <string.h>

/* ---- the strategic plan ---- */

/* pei -> (mision?, vision?, meta?, valores?, area+) */
void bld_pei(bld *b, const xmlNode *n)
{
	pg_pei *e = arena_new_of(b->a, pg_pei);
	b->p->pei = e;
	e->title = bld_attr(b, n, "titulo");
	e->period = bld_attr(b, n, "periodo");
	e->mission = bld_text(b, bld_child(n, "mision"));
	e->vision = bld_text(b, bld_child(n, "vision"));
	e->goal = bld_text(b, bld_child(n, "meta"));
	pg_item **vt = &e->values;
	const xmlNode *vals = bld_child(n, "valores");
	if (vals) {
		each_child(v, vals) {
			if (bld_is(v, "valor")) {
				*vt = bld_item(b, v);
				vt = &(*vt)->next;
			}
		}
	}
	pg_area **at = &e->areas;
	each_child(c, n) {
		if (!bld_is(c, "area"))
			continue;
		pg_area *ar = arena_new_of(b->a, pg_area);
		ar->id = bld_attr(b, c, "id");
		ar->num = bld_number(b, c, "num", bld_attr(b, c, "num"));
		ar->name = bld_attr(b, c, "nombre");
		ar->line = xml_line(c);
		bld_declare(b, c, ar->id, PG_KIND_AREA, ar);
		const xmlNode *desc = bld_child(c, "descripcion");
		if (desc)
			ar->description = bld_paragraphs(b, desc);
		pg_objective **ot = &ar->objectives;
		each_child(o, c) {
			if (!bld_is(o, "objetivo"))
				continue;
			pg_objective *ob = arena_new_of(b->a, pg_objective);
			ob->id = bld_attr(b, o, "id");
			ob->num = bld_number(b, o, "num", bld_attr(b, o, "num"));
			ob->text = bld_text(b, o);
			ob->area = ar;
			ob->line = xml_line(o);
			bld_declare(b, o, ob->id, PG_KIND_OBJECTIVE, ob);
			*ot = ob;
			ot = &ob->next;
		}
		*at = ar;
		at = &ar->next;
	}
}

/* ---- organisation ---- */

static enum pg_level level(const char *v)
{
	if (v && !strcmp(v, "asesor"))
		return PG_ADVISORY;
	if (v && !strcmp(v, "apoyo"))
		return PG_SUPPORT;
	if (v && !strcmp(v, "operativo"))
		return PG_OPERATIVE;
	return PG_DIRECTIVE;
}

/* unidad -> (funcion*, unidad*) */
pg_unit *bld_unit(bld *b, const xmlNode *n, const pg_unit *parent)
{
	pg_unit *u = arena_new_of(b->a, pg_unit);
	u->id = bld_attr(b, n, "id");
	u->name = bld_attr(b, n, "nombre");
	u->acronym = bld_attr(b, n, "siglas");
	u->level = level(bld_attr(b, n, "nivel"));
	u->parent = parent;
	u->line = xml_line(n);
	if (++b->units == PG_MAX_ORG_UNITS + 1)
		bld_err(b, n, "more than %d units in the organisation (its chart "
			      "takes time in the square of their number)",
		    PG_MAX_ORG_UNITS);
	bld_declare(b, n, u->id, PG_KIND_UNIT, u);
	pg_item **ft = &u->functions;
	pg_unit **ut = &u->children;
	each_child(c, n) {
		if (bld_is(c, "funcion")) {
			*ft = bld_item(b, c);
			ft = &(*ft)->next;
		} else if (bld_is(c, "unidad")) {
			*ut = bld_unit(b, c, u);
			ut = &(*ut)->next;
		}
	}
	return u;
}

/* ---- the action plan ---- */

/* plan-accion -> (area-accion*, alcance+); alcance -> (texto, resultado*) */
void bld_action_plan(bld *b, const xmlNode *n)
{
	pg_action_plan *ap = arena_new_of(b->a, pg_action_plan);
	b->p->action = ap;
	ap->title = bld_attr(b, n, "titulo");
	pg_scope **t = &ap->scopes;
	pg_action_area **at = &ap->areas;
	each_child(c, n) {
		if (bld_is(c, "area-accion")) {
			pg_action_area *aa = arena_new_of(b->a, pg_action_area);
			aa->area = bld_resolve(b, c, "area", bld_attr(b, c, "area"), PG_KIND_AREA);
			aa->name = bld_attr(b, c, "nombre");
			aa->banner = bld_attr(b, c, "banda");
			*at = aa;
			at = &aa->next;
			continue;
		}
		if (!bld_is(c, "alcance"))
			continue;
		pg_scope *s = arena_new_of(b->a, pg_scope);
		s->id = bld_attr(b, c, "id");
		s->line = xml_line(c);
		s->objective = bld_resolve(b, c, "objetivo", bld_attr(b, c, "objetivo"),
					   PG_KIND_OBJECTIVE);
		s->text = bld_spans(b, bld_child(c, "texto"));
		bld_declare(b, c, s->id, PG_KIND_SCOPE, s);
		pg_result **rt = &s->results;
		each_child(r, c) {
			if (bld_is(r, "resultado")) {
				*rt = bld_result(b, r);
				rt = &(*rt)->next;
			}
		}
		*t = s;
		t = &s->next;
	}
}

