/*
 * build-plan.c — the plan's reader: the root <plan>, its cover and its
 * sign-off, and the order in which the rest is built.
 *
 * Data comes before the narrative in dependency order: signatories, PEI,
 * organisation, risks, action plan, budget, POAs (each resolving ids
 * declared before it), then the sections that place them.  At the end
 * the ids become the model's index (pg_plan_find).
 */
#include "build-imp.h"

#include <string.h>

/* ---- cover and sign-off ---- */

static void cover(bld *b, const xmlNode *n)
{
	pg_plan *p = b->p;
	pg_item **it = &p->cover_lines_above;
	pg_logo **lg = &p->logos;
	const char *signoff = bld_attr(b, n, "firmas");
	p->cover_signoff = signoff && !strcmp(signoff, "si");
	each_child(c, n) {
		if (bld_is(c, "titulo")) {
			p->title = bld_text(b, c);
			it = &p->cover_lines; /* the lines after it go under it */
		} else if (bld_is(c, "subtitulo")) {
			p->subtitle = bld_text(b, c);
		} else if (bld_is(c, "institucion")) {
			*it = bld_item(b, c);
			it = &(*it)->next;
		} else if (bld_is(c, "fecha")) {
			p->cover_date = bld_text(b, c);
		} else if (bld_is(c, "logo")) {
			const char *pos = bld_attr(b, c, "posicion");
			pg_logo *l = arena_new_of(b->a, pg_logo);
			l->file = bld_image(b, c, "archivo");
			l->position = pos ? bld_align(pos) : PG_ALIGN_CENTER;
			l->line = xml_line(c);
			if (l->file) {
				*lg = l;
				lg = &l->next;
			}
		}
	}
}

/* firmantes -> (firmante+) */
void bld_signatories(bld *b, const xmlNode *n)
{
	pg_signatory **t = &b->p->signatories;
	each_child(c, n) {
		if (!bld_is(c, "firmante"))
			continue;
		pg_signatory *s = arena_new_of(b->a, pg_signatory);
		s->id = bld_attr(b, c, "id");
		s->cargo = bld_attr(b, c, "cargo");
		s->name = bld_attr(b, c, "nombre");
		s->signature = bld_image(b, c, "firma");
		s->stamp = bld_image(b, c, "sello");
		s->line = xml_line(c);
		bld_declare(b, c, s->id, PG_KIND_SIGNATORY, s);
		*t = s;
		t = &s->next;
	}
}

/* aprobacion: firmantes IDREFS, motivo, lugar, fecha */
void bld_approval(bld *b, const xmlNode *n)
{
	pg_plan *p = b->p;
	p->approvers = (const pg_signatory **)bld_resolve_list(b, n, "firmantes",
							       PG_KIND_SIGNATORY);
	int count = 0;
	while (p->approvers[count])
		count++;
	if (count > PG_MAX_APPROVERS)
		bld_err(b, n, "<aprobacion> names %d signatories; at most %d sign "
			      "a plan off (their blocks share every page's foot)",
			count, PG_MAX_APPROVERS);
	p->approval_reason = bld_attr(b, n, "motivo");
	p->approval_place = bld_attr(b, n, "lugar");
	p->approval_date = bld_date(b, n, "fecha", bld_attr(b, n, "fecha"), 0);
}

/* plan -> (portada, firmantes?, aprobacion?, cuerpo, pei?, plan-accion?,
 *          organizacion?, presupuesto?, riesgos?, poa*) */
pg_plan *build_plan(xmlDocPtr doc, const char *name, arena *a, diag *d)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!bld_is(root, "plan"))
		return NULL;
	bld b;
	bld_init(&b, name, a, d);
	b.risk_nums = xmlHashCreate(64);
	if (!b.risk_nums)
		pg_oom();
	pg_plan *p = b.p = arena_new_of(a, pg_plan);
	p->file = arena_strdup(a, name);

	const char *y = bld_attr(&b, root, "anio");
	p->year = y ? bld_number(&b, root, "anio", y) : 0;
	if (y && (p->year < 1900 || p->year > 2999))
		bld_err(&b, root, "anio=\"%s\" is not a year (four digits)", y);
	p->date = bld_date(&b, root, "fecha", bld_attr(&b, root, "fecha"), 1);
	p->institution = bld_attr(&b, root, "institucion");
	p->language = bld_attr(&b, root, "idioma");
	if (!p->language)
		p->language = "es";
	const char *paper = bld_attr(&b, root, "papel");
	p->paper = paper && !strcmp(paper, "A4") ? PG_A4 : PG_LETTER;

	const xmlNode *n;
	if ((n = bld_child(root, "portada")))
		cover(&b, n);
	if ((n = bld_child(root, "firmantes")))
		bld_signatories(&b, n);
	if ((n = bld_child(root, "aprobacion")))
		bld_approval(&b, n);
	if ((n = bld_child(root, "pei")))
		bld_pei(&b, n);
	if ((n = bld_child(root, "organizacion"))) {
		p->org_title = bld_attr(&b, n, "titulo");
		pg_unit **t = &p->units;
		each_child(c, n) {
			if (bld_is(c, "unidad")) {
				*t = bld_unit(&b, c, NULL);
				t = &(*t)->next;
			}
		}
	}
	if ((n = bld_child(root, "riesgos")))
		bld_risks(&b, n);
	if ((n = bld_child(root, "plan-accion")))
		bld_action_plan(&b, n);
	if ((n = bld_child(root, "presupuesto")))
		bld_budget(&b, n);
	pg_poa **pt = &p->poas;
	each_child(c, root) {
		if (bld_is(c, "poa")) {
			*pt = bld_poa(&b, c);
			pt = &(*pt)->next;
		}
	}
	if ((n = bld_child(root, "cuerpo"))) {
		p->contents_title = bld_attr(&b, n, "contenido");
		pg_section **st = &p->sections;
		each_child(c, n) {
			if (bld_is(c, "seccion")) {
				*st = bld_section(&b, c);
				st = &(*st)->next;
			}
		}
	}
	int nids;
	pg_idref *ids = bld_ids(&b, &nids);
	pg_plan_set_ids(p, ids, nids);
	xmlHashFree(b.risk_nums, NULL);
	bld_done(&b);
	return p;
}

