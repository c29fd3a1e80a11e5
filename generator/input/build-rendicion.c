/*
 * build-rendicion.c — the reader of an accountability report
 * (<rendicion>).
 *
 * The plans of <fuentes> are read first (each validated, its errors
 * under its own name), then the progress reports, each against the plan
 * it names among them; then what only the report has.  Last, the
 * figures: every activity of every plan, counted in the months of its
 * plan's year inside the period, goes to its strategic area (that of
 * the first PEI objective its specific objective names, else its POA's)
 * and to the institution.
 *
 * Errors: a missing or invalid source, a plan outside the period or two
 * of one year, a progress report of a plan not given, two for one plan,
 * or whose corte is outside the period; a period backwards or longer
 * than two years; a logros area no PEI has; a message's firmante no
 * signatory has; a rubro whose linea no plan has, without programado; a
 * photo that is not an image; more requests answered than received.
 * Warnings: activities of no strategic area; a plan without progress; a
 * year of the period without a plan; an area without achievements; a
 * rubro's programado other than its plan line's, or a linea no plan has
 * (with its programado).
 */
#include "build-imp.h"

#include <stdlib.h>
#include <string.h>

/* A count: 0 to 10^9; -1 with a diagnostic. */
static long count(bld *b, const xmlNode *n, const char *name)
{
	const char *v = bld_attr(b, n, name);
	char *end;
	long x = v ? strtol(v, &end, 10) : -1;
	if (!v || end == v || *end || v[0] < '0' || v[0] > '9' || x > 1000000000L) {
		bld_err(b, n, "%s=\"%s\": a whole number", name, v ? v : "");
		return -1;
	}
	return x;
}

static int ymd(const char *d, int *y, int *m, int *dd)
{
	return d && sscanf(d, "%4d-%2d-%2d", y, m, dd) == 3;
}

/* The blocks of n (p, lista, tabla, figura, foto). */
static pg_block *blocks(bld *b, const xmlNode *n)
{
	pg_block *first = NULL, **t = &first;
	each_child(c, n) {
		pg_block *bl = bld_block(b, c);
		if (bl) {
			*t = bl;
			t = &bl->next;
		}
	}
	return first;
}

static const pg_signatory *signatory(const pg_signatory *s, const char *id)
{
	for (; s && id; s = s->next)
		if (s->id && !strcmp(s->id, id))
			return s;
	return NULL;
}

static const pg_area *area_named(const pg_accountability *r, const char *id)
{
	for (int k = r->nsources - 1; k >= 0; k--) {
		const pg_pei *pe = r->sources[k].plan->pei;
		for (const pg_area *a = pe ? pe->areas : NULL; a; a = a->next)
			if (id && a->id && !strcmp(a->id, id))
				return a;
	}
	return NULL;
}

/* fuentes -> (plan+, avance*) */
static void sources(bld *b, const xmlNode *n, pg_accountability *r, int y0, int m0,
		    int y1, int m1)
{
	int np = 0;
	each_child(c, n) np += bld_is(c, "plan");
	const pg_plan **plans = arena_array_of(b->a, const pg_plan *, np + 1);
	const xmlNode **at = arena_array_of(b->a, const xmlNode *, np + 1);
	np = 0;
	/* Every file named, once: a second mention is an error, not a
	 * second reading. */
	int nfiles = 0;
	each_child(c, n) nfiles++;
	char **seen = arena_array_of(b->a, char *, nfiles + 1);
	const xmlNode **seen_at = arena_array_of(b->a, const xmlNode *, nfiles + 1);
	char *again = arena_alloc(b->a, (size_t)nfiles + 1); /* by child, in order */
	int nseen = 0, at_child = 0;
	each_child(c, n) {
		const char *v = bld_attr(b, c, "archivo");
		char *real = v ? realpath(bld_relative(b->a, b->dir, v), NULL) : NULL;
		for (int k = 0; real && k < nseen; k++)
			if (!strcmp(seen[k], real)) {
				bld_err(b, c, "archivo=\"%s\": the file is named twice in "
					"<fuentes> (first at line %d)", v, xml_line(seen_at[k]));
				free(real);
				real = NULL;
				again[at_child] = 1;
				break;
			}
		if (real) {
			seen[nseen] = arena_strdup(b->a, real);
			seen_at[nseen++] = c;
			free(real);
		}
		at_child++;
	}
	at_child = 0;
	each_child(c, n) {
		int named_again = again[at_child++];
		if (!bld_is(c, "plan") || named_again)
			continue;
		const char *v = bld_attr(b, c, "archivo");
		const pg_plan *p = v ? bld_plan_file(b, c, v) : NULL;
		if (!p)
			continue;
		if (p->year < y0 || p->year > y1) {
			bld_err(b, c, "archivo=\"%s\": a plan of %d, outside the period "
				"%d-%02d to %d-%02d", v, p->year, y0, m0, y1, m1);
			continue;
		}
		int dup = 0;
		for (int k = 0; k < np; k++)
			if (plans[k]->year == p->year) {
				bld_err(b, c, "archivo=\"%s\": a second plan of %d (the "
					"first at line %d)", v, p->year, xml_line(at[k]));
				dup = 1;
			}
		if (dup)
			continue;
		/* By year. */
		int k = np++;
		while (k > 0 && plans[k - 1]->year > p->year) {
			plans[k] = plans[k - 1];
			at[k] = at[k - 1];
			k--;
		}
		plans[k] = p;
		at[k] = c;
	}
	r->nsources = np;
	r->sources = arena_array_of(b->a, pg_source, np ? np : 1);
	for (int k = 0; k < np; k++) {
		pg_source *s = &r->sources[k];
		s->plan = plans[k];
		int from = plans[k]->year == y0 ? m0 : 1, to = plans[k]->year == y1 ? m1 : 12;
		for (int m = from; m <= to; m++)
			s->window |= 1u << (m - 1);
		s->cut_month = to;
	}
	r->last = np ? plans[np - 1] : NULL;
	for (int y = y0; y <= y1 && np; y++) {
		int have = 0;
		for (int k = 0; k < np; k++)
			have |= plans[k]->year == y;
		if (!have)
			diag_add(b->d, DIAG_WARNING, b->name, xml_line(n), 0,
				 "no plan of %d in <fuentes>: the period's months of %d "
				 "have no activities", y, y);
	}
	at_child = 0;
	each_child(c, n) {
		int named_again = again[at_child++];
		if (!bld_is(c, "avance") || named_again)
			continue;
		const char *v = bld_attr(b, c, "archivo");
		const pg_progress *pr = v ? bld_progress_file(b, c, v, plans, np) : NULL;
		if (!pr)
			continue;
		pg_source *s = NULL;
		for (int k = 0; k < np; k++)
			if (r->sources[k].plan == pr->plan)
				s = &r->sources[k];
		int y, m, d;
		if (!ymd(pr->cutoff, &y, &m, &d) || y * 100 + m < y0 * 100 + m0 ||
		    strcmp(pr->cutoff, r->to) > 0 || strcmp(pr->cutoff, r->from) < 0) {
			bld_err(b, c, "archivo=\"%s\": its corte %s is outside the period %s "
				"to %s", v, pr->cutoff ? pr->cutoff : "", r->from, r->to);
			continue;
		}
		if (s->progress) {
			bld_err(b, c, "archivo=\"%s\": a second progress report of %s (give "
				"the latest only)", v, pr->plan->file);
			continue;
		}
		s->progress = pr;
		if (m < s->cut_month)
			s->cut_month = m;
	}
	for (int k = 0; k < np; k++) {
		pg_source *s = &r->sources[k];
		if (s->progress) {
			s->places = s->progress->places;
			s->reports = s->progress->reports;
			s->nplaces = s->progress->nplaces;
			continue;
		}
		int n2;
		s->places = pg_walk(s->plan, b->a, &n2);
		pg_report *rep = arena_array_of(b->a, pg_report, n2 ? n2 : 1);
		for (int i = 0; i < n2; i++) {
			rep[i].state = PG_UNREPORTED;
			rep[i].months = s->places[i].activity->months;
		}
		s->reports = rep;
		s->nplaces = n2;
		diag_add(b->d, DIAG_WARNING, b->name, xml_line(n), 0,
			 "no progress report of %s in <fuentes>: its %d activities "
			 "count as not reported", s->plan->file, n2);
	}
}

/* The areas and their figures. */
static void figures(bld *b, const xmlNode *root, pg_accountability *r)
{
	int cap = 1;
	for (int k = 0; k < r->nsources; k++) {
		const pg_pei *pe = r->sources[k].plan->pei;
		for (const pg_area *a = pe ? pe->areas : NULL; a; a = a->next)
			cap++;
	}
	r->areas = arena_array_of(b->a, pg_report_area, cap);
	/* The latest PEI's areas first, in its order, then earlier ones'. */
	for (int k = r->nsources - 1; k >= 0; k--) {
		const pg_pei *pe = r->sources[k].plan->pei;
		for (const pg_area *a = pe ? pe->areas : NULL; a; a = a->next) {
			int seen = 0;
			for (int i = 0; i < r->nareas; i++)
				seen |= !strcmp(r->areas[i].id, a->id);
			if (!seen)
				r->areas[r->nareas++] = (pg_report_area){ a->id, a->name, a->num, a,
									  { 0 } };
		}
	}
	for (int i = 0; i < r->nareas; i++) {
		int has = 0;
		for (const pg_achievement *l = r->achievements; l; l = l->next)
			has |= l->area && !strcmp(l->area, r->areas[i].id);
		if (!has)
			diag_add(b->d, DIAG_WARNING, b->name, xml_line(root), 0,
				 "the strategic area \"%s\" has no <logros>: its chapter "
				 "has its figures only", r->areas[i].id);
	}
	int none = -1, without = 0;
	for (int k = 0; k < r->nsources; k++) {
		const pg_source *s = &r->sources[k];
		for (int i = 0; i < s->nplaces; i++) {
			const pg_area *a = pg_activity_area(&s->places[i]);
			int at = -1;
			for (int j = 0; a && j < r->nareas && at < 0; j++)
				if (r->areas[j].id && !strcmp(r->areas[j].id, a->id))
					at = j;
			if (at < 0) {
				if (none < 0) {
					none = r->nareas++;
					r->areas[none] = (pg_report_area){ 0 };
				}
				at = none;
				without++;
			}
			pg_source_add(&r->areas[at].sum, s, i);
			pg_source_add(&r->all, s, i);
		}
	}
	if (without)
		diag_add(b->d, DIAG_WARNING, b->name, xml_line(root), 0,
			 "%d activities belong to no strategic area (their specific "
			 "objective names no PEI objective and their POA no area): "
			 "they are listed apart", without);
}

/* ejecucion -> (rubro+) */
static void budget(bld *b, const xmlNode *n, pg_accountability *r)
{
	r->budget_title = bld_attr(b, n, "titulo");
	const pg_money_table *eg = r->last && r->last->budget ? r->last->budget->part[PG_EXPENSES]
							      : NULL;
	pg_rubro **t = &r->rubros;
	int rows = 0;
	each_child(c, n) {
		if (!bld_is(c, "rubro"))
			continue;
		if (++rows > PG_MAX_TABLE_ROWS) {
			bld_err(b, c, "<ejecucion> has more than %d rubros, the most a "
				"table holds", PG_MAX_TABLE_ROWS);
			break;
		}
		pg_rubro *ru = arena_new_of(b->a, pg_rubro);
		ru->line = xml_line(c);
		const char *linea = bld_attr(b, c, "linea");
		const char *nombre = bld_attr(b, c, "nombre");
		const char *prog = bld_attr(b, c, "programado");
		ru->name = nombre ? nombre : linea;
		if (!ru->name)
			bld_err(b, c, "<rubro> needs linea=\"...\" (a line of the plan's "
				"<egresos>) or nombre=\"...\"");
		const pg_money_line *l = eg && linea ? eg->lines : NULL;
		while (l && strcmp(l->label, linea))
			l = l->next;
		if (prog) {
			int64_t v = bld_amount(b, c, "programado", prog);
			ru->has_planned = v >= 0;
			ru->planned = v > 0 ? v : 0;
			if (linea && !l)
				diag_add(b->d, DIAG_WARNING, b->name, ru->line, 0,
					 "linea=\"%s\" is no <egresos> line of %s: its "
					 "programado is the rubro's", linea, r->last->file);
			else if (l && v >= 0 && v != l->cents)
				diag_add(b->d, DIAG_WARNING, b->name, ru->line, 0,
					 "programado=\"%s\" differs from the %s's line \"%s\" "
					 "(%lld.%02lld): the rubro's counts", prog, r->last->file,
					 linea, (long long)(l->cents / 100),
					 (long long)(l->cents % 100));
		} else if (linea) {
			if (l) {
				ru->has_planned = 1;
				ru->planned = l->cents;
			} else {
				bld_err(b, c, "linea=\"%s\": the <egresos> of %s have no such "
					"line; give its programado=\"...\"", linea,
					r->last ? r->last->file : "the plan");
			}
		} else {
			bld_err(b, c, "<rubro nombre=\"%s\"> needs programado=\"...\"",
				nombre ? nombre : "");
		}
		int64_t e = bld_amount(b, c, "ejecutado", bld_attr(b, c, "ejecutado"));
		ru->executed = e > 0 ? e : 0;
		*t = ru;
		t = &ru->next;
	}
}

/* rendicion: desde, hasta, fecha -> (portada, firmantes?, aprobacion?,
 *   fuentes, mensaje*, logros*, ejecucion?, cooperacion?,
 *   acceso-informacion?, desafios?, audiencia?, evaluacion?) */
pg_accountability *build_accountability(xmlDocPtr doc, const char *name, arena *a,
					diag *d)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!bld_is(root, "rendicion"))
		return NULL;
	bld b;
	bld_init(&b, name, a, d);
	pg_plan scratch = { 0 }; /* what the plan's block builders read */
	b.p = &scratch;
	pg_accountability *r = arena_new_of(a, pg_accountability);
	r->file = arena_strdup(a, name);
	r->from = bld_date(&b, root, "desde", bld_attr(&b, root, "desde"), 0);
	r->to = bld_date(&b, root, "hasta", bld_attr(&b, root, "hasta"), 0);
	r->date = bld_date(&b, root, "fecha", bld_attr(&b, root, "fecha"), 0);
	int y0, m0, d0, y1, m1, d1;
	if (!ymd(r->from, &y0, &m0, &d0) || !ymd(r->to, &y1, &m1, &d1)) {
		bld_done(&b);
		return NULL;
	}
	if (!r->date)
		r->date = r->to;
	if (strcmp(r->to, r->from) < 0)
		bld_err(&b, root, "the period runs backwards: hasta=\"%s\" is before "
			"desde=\"%s\"", r->to, r->from);
	else if ((y1 - y0) * 10000 + (m1 - m0) * 100 + (d1 - d0) >= 20000)
		bld_err(&b, root, "the period %s to %s is longer than two years: a "
			"report accounts for a year or two", r->from, r->to);

	const xmlNode *n;
	if ((n = bld_child(root, "fuentes")))
		sources(&b, n, r, y0, m0, y1, m1);
	if (!r->nsources) {
		bld_done(&b);
		return NULL;
	}
	if ((n = bld_child(root, "portada"))) {
		pg_item **it = &r->cover_lines;
		each_child(c, n) {
			if (bld_is(c, "titulo")) {
				r->title = bld_text(&b, c);
			} else if (bld_is(c, "subtitulo")) {
				r->subtitle = bld_text(&b, c);
			} else if (bld_is(c, "institucion")) {
				*it = bld_item(&b, c);
				it = &(*it)->next;
			} else if (bld_is(c, "fecha")) {
				r->cover_date = bld_text(&b, c);
			} else if (bld_is(c, "foto")) {
				r->cover_photo = bld_image(&b, c, "archivo");
				r->cover_caption = bld_attr(&b, c, "pie");
			}
		}
	}
	/* The sign-off: the report's own, else the last plan's. */
	if ((n = bld_child(root, "firmantes")))
		bld_signatories(&b, n);
	if ((n = bld_child(root, "aprobacion")))
		bld_approval(&b, n);
	const pg_plan *so = scratch.approvers ? &scratch : r->last;
	r->signatories = scratch.signatories ? scratch.signatories : r->last->signatories;
	r->approvers = so->approvers;
	/* Not the plan's reason (its own approval): the report's, or one
	 * made from its title by the layout. */
	r->approval_reason = scratch.approvers ? scratch.approval_reason : NULL;
	r->approval_place = so->approval_place;
	r->approval_date = scratch.approvers && scratch.approval_date ? scratch.approval_date
								      : r->date;

	pg_message **mt = &r->messages;
	pg_achievement **at = &r->achievements;
	each_child(c, root) {
		if (bld_is(c, "mensaje")) {
			pg_message *m = arena_new_of(a, pg_message);
			m->title = bld_attr(&b, c, "titulo");
			m->line = xml_line(c);
			const char *who = bld_attr(&b, c, "firmante");
			if (who) {
				m->signer = signatory(scratch.signatories, who);
				if (!m->signer)
					m->signer = signatory(r->last->signatories, who);
				if (!m->signer)
					bld_err(&b, c, "firmante=\"%s\": no signatory of the "
						"report or of %s has this id", who, r->last->file);
			}
			m->blocks = blocks(&b, c);
			*mt = m;
			mt = &m->next;
		} else if (bld_is(c, "logros")) {
			pg_achievement *l = arena_new_of(a, pg_achievement);
			l->area = bld_attr(&b, c, "area");
			l->line = xml_line(c);
			if (l->area && !area_named(r, l->area))
				bld_err(&b, c, "area=\"%s\": the PEI of %s has no such strategic "
					"area", l->area, r->last->file);
			for (const pg_achievement *q = r->achievements; q && l->area; q = q->next)
				if (q->area && !strcmp(q->area, l->area)) {
					bld_err(&b, c, "area=\"%s\": its achievements are given "
						"twice (first at line %d)", l->area, q->line);
					break;
				}
			l->blocks = blocks(&b, c);
			*at = l;
			at = &l->next;
		}
	}
	if ((n = bld_child(root, "ejecucion")))
		budget(&b, n, r);
	if ((n = bld_child(root, "cooperacion"))) {
		pg_aporte **t = &r->aportes;
		int rows = 0;
		each_child(c, n) {
			if (!bld_is(c, "aporte"))
				continue;
			if (++rows > PG_MAX_TABLE_ROWS) {
				bld_err(&b, c, "<cooperacion> has more than %d aportes, the "
					"most a table holds", PG_MAX_TABLE_ROWS);
				break;
			}
			pg_aporte *ap = arena_new_of(a, pg_aporte);
			ap->donor = bld_attr(&b, c, "donante");
			int64_t v = bld_amount(&b, c, "monto", bld_attr(&b, c, "monto"));
			ap->cents = v > 0 ? v : 0;
			ap->text = bld_spans(&b, c);
			ap->line = xml_line(c);
			*t = ap;
			t = &ap->next;
		}
	}
	if ((n = bld_child(root, "acceso-informacion"))) {
		r->has_info = 1;
		r->info_received = count(&b, n, "recibidas");
		r->info_answered = count(&b, n, "atendidas");
		if (r->info_answered > r->info_received && r->info_received >= 0)
			bld_err(&b, n, "atendidas=\"%ld\" is more than the %ld requests "
				"received", r->info_answered, r->info_received);
		r->info_blocks = blocks(&b, n);
	}
	if ((n = bld_child(root, "desafios"))) {
		pg_item **t = &r->challenges;
		each_child(c, n) {
			if (bld_is(c, "item")) {
				*t = bld_item(&b, c);
				t = &(*t)->next;
			}
		}
	}
	if ((n = bld_child(root, "audiencia"))) {
		r->has_hearing = 1;
		r->hearing_date = bld_date(&b, n, "fecha", bld_attr(&b, n, "fecha"), 0);
		r->hearing_place = bld_attr(&b, n, "lugar");
		r->hearing_attendance = count(&b, n, "asistentes");
		r->hearing_blocks = blocks(&b, n);
		pg_question **t = &r->questions;
		each_child(c, n) {
			if (!bld_is(c, "pregunta"))
				continue;
			pg_question *q = arena_new_of(a, pg_question);
			q->question = bld_spans(&b, bld_child(c, "texto"));
			q->answer = bld_spans(&b, bld_child(c, "respuesta"));
			q->line = xml_line(c);
			*t = q;
			t = &q->next;
		}
	}
	if ((n = bld_child(root, "evaluacion")))
		r->evaluation = blocks(&b, n);
	figures(&b, root, r);
	bld_done(&b);
	return r;
}
