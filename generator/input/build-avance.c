/*
 * build-avance.c — the reader of a quarter's progress report (<avance>).
 *
 * The plan the report names is read and validated first (its errors
 * carry its own file name), then the chain of earlier reports
 * (anterior), each against the same plan, then this file: its refs are
 * the plan's ids (bld.cited), each checked to be of the POA it is
 * reported under.  Last, every activity of the plan gets its report:
 * this file's, or "sin-reporte" (real 0); its schedule in force is the
 * last meses given along the chain, else the plan's.
 *
 * Errors: a missing or invalid plan, a corte outside the plan's year, an
 * unknown ref or one of another POA, an activity or POA reported twice,
 * an avance outside 0-100 or that its estado contradicts, a reprogramada
 * without meses or comentario, an anterior of another plan or not
 * earlier.  Warnings: progress below anterior's, activities not
 * reported (counted per POA), activities without months.
 */
#include "build-imp.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CHAIN = 16 }; /* anterior files followed, at most */

/* A file named by attribute value v of a file in folder dir. */
char *bld_relative(arena *a, const char *dir, const char *v)
{
	if (v[0] == '/' || !dir || !*dir)
		return arena_strdup(a, v);
	return arena_printf(a, "%s/%s", dir, v);
}

/* The plan of the report: read, validated, checked; NULL if it has
 * errors (theirs, and a located one here). */
const pg_plan *bld_plan_file(bld *b, const xmlNode *root, const char *v)
{
	const char *path = bld_relative(b->a, b->dir, v);
	char *data;
	size_t len;
	diag *pd = diag_new();
	const pg_plan *p = NULL;
	if (reader_load(path, &data, &len, pd) == 0) {
		p = reader_read(path, data, len, b->a, pd);
		free(data);
	}
	if (!p) {
		bld_err(b, root, "%s=\"%s\": the plan cannot be read (%s)",
			bld_is(root, "avance") ? "plan" : "archivo", v,
			diag_errors(pd) ? "see its errors" : "not a plan");
		diag_take(b->d, pd, 0);
	}
	diag_free(pd);
	return p;
}

static pg_progress *build(xmlDocPtr doc, const char *name, arena *a, diag *d,
			  const pg_plan *plan, int depth);

/* The folder of path ("" for the current one). */
static const char *dirname_of(arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return "";
	return slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path));
}

/* The progress report at path v (attribute attr of n), read against
 * plans[0] (match 0: an anterior, whose plan build() checks) or against
 * the one of plans[0..nplans) its plan attribute names (match 1); NULL
 * with its errors and a located one at n. */
static pg_progress *progress_file(bld *b, const xmlNode *n, const char *attr,
				  const char *v, const pg_plan *const *plans, int nplans,
				  int match, int depth)
{
	const char *path = bld_relative(b->a, b->dir, v);
	char *data;
	size_t len;
	diag *pd = diag_new();
	pg_progress *pr = NULL;
	if (reader_load(path, &data, &len, pd) == 0) {
		reader_xml *x = reader_parse(path, data, len, pd);
		const xmlNode *root = x ? xmlDocGetRootElement(x->doc) : NULL;
		const pg_plan *plan = match ? NULL : plans[0];
		if (x && !bld_is(root, "avance")) {
			diag_add(pd, DIAG_ERROR, path, 0, 0, "is not a progress report "
				 "(its root is <%s>, not <avance>)", reader_root(x));
		} else if (x && match) {
			/* Its plan: one of those given, by the file it names. */
			xmlChar *pv = xmlGetProp(root, (const xmlChar *)"plan");
			char *mine = pv ? realpath(bld_relative(b->a, dirname_of(b->a, path),
								(const char *)pv), NULL)
					: NULL;
			for (int i = 0; i < nplans && mine && !plan; i++) {
				char *theirs = realpath(plans[i]->file, NULL);
				if (theirs && !strcmp(mine, theirs))
					plan = plans[i];
				free(theirs);
			}
			if (!plan)
				bld_err(b, n, "%s=\"%s\": it reports on the plan \"%s\", "
					"which <fuentes> does not name", attr, v,
					pv ? (const char *)pv : "");
			free(mine);
			xmlFree(pv);
		}
		if (x && plan) {
			/* Validated and built as the first, against its plan. */
			xml_validate(x->doc, path, "avance", pg_embedded_avance_dtd,
				     pg_embedded_avance_dtd_size, pd);
			pr = build(x->doc, path, b->a, pd, plan, depth);
		}
		reader_xml_free(x);
		free(data);
	}
	if (diag_errors(pd)) {
		bld_err(b, n, "%s=\"%s\": the %s report cannot be read", attr, v,
			match ? "progress" : "previous");
		pr = NULL;
	}
	/* A report's sources say their warnings; an anterior's were said
	 * when it was read on its own. */
	diag_take(b->d, pd, match);
	diag_free(pd);
	return pr;
}

/* The report before this one, against the same plan; NULL if none or
 * with errors (diagnosed). */
static const pg_progress *read_previous(bld *b, const xmlNode *root, const char *v,
					const pg_plan *plan, int depth)
{
	if (depth >= MAX_CHAIN) {
		bld_err(b, root, "anterior=\"%s\": more than %d reports in a chain "
			"of anterior files (is one its own anterior?)", v, MAX_CHAIN);
		return NULL;
	}
	return progress_file(b, root, "anterior", v, &plan, 1, 0, depth + 1);
}

/* avance="37.5": a percentage 0-100, digits with one decimal point at
 * most; -1 with a diagnostic. */
static double percent(bld *b, const xmlNode *n, const char *v)
{
	size_t digits = v ? strspn(v, "0123456789") : 0;
	int ok = digits > 0 && (!v[digits] || (v[digits] == '.' && v[digits + 1] &&
					       !v[digits + 1 + strspn(v + digits + 1, "0123456789")]));
	double x = ok ? strtod(v, NULL) : -1;
	if (!ok || x < 0 || x > 100) {
		bld_err(b, n, "avance=\"%s\": a percentage from 0 to 100", v ? v : "");
		return -1;
	}
	return x;
}

static enum pg_state state_of(const char *v)
{
	for (int k = 0; k < PG_UNREPORTED; k++)
		if (v && !strcmp(v, pg_state_name[k]))
			return (enum pg_state)k;
	return PG_ONGOING;
}

/* actividad: ref, avance, estado, meses -> (comentario?) */
static void activity(bld *b, const xmlNode *n, pg_progress *pr,
		     const pg_place_index *ix, const pg_poa *poa)
{
	const char *ref = bld_attr(b, n, "ref");
	const pg_activity *act = bld_resolve(b, n, "ref", ref, PG_KIND_ACTIVITY);
	if (!act)
		return;
	int i = pg_place_find(ix, act);
	if (i < 0)
		return;
	if (pr->places[i].poa != poa) {
		const pg_idref *r = pg_plan_find(pr->plan, ref);
		bld_err(b, n, "activity \"%s\" is of the POA \"%s\", not of \"%s\" "
			"(declared at %s:%d)", ref, pr->places[i].poa->id, poa->id,
			pr->plan->file, r ? r->line : 0);
		return;
	}
	pg_report *r = &pr->reports[i];
	if (r->reported) {
		bld_err(b, n, "activity \"%s\" is reported twice (first at line %d)",
			ref, r->line);
		return;
	}
	r->reported = 1;
	r->line = xml_line(n);
	const char *st = bld_attr(b, n, "estado");
	r->state = state_of(st);
	double p = percent(b, n, bld_attr(b, n, "avance"));
	r->progress = p < 0 ? 0 : p;
	const char *m = bld_attr(b, n, "meses");
	if (m) {
		r->months_given = 1;
		r->months = bld_months(b, n, m);
	}
	r->comment = bld_spans(b, bld_child(n, "comentario"));
	if (p >= 0 && r->state == PG_FINISHED && p != 100)
		bld_err(b, n, "estado=\"finalizada\" with avance=\"%g\": a finished "
			"activity is at 100", p);
	if (p >= 0 && r->state == PG_NOT_STARTED && p != 0)
		bld_err(b, n, "estado=\"no-iniciada\" with avance=\"%g\": an activity "
			"not started is at 0", p);
	if (r->state == PG_RESCHEDULED && (!m || !*m))
		bld_err(b, n, "estado=\"reprogramada\" needs meses=\"...\": the new "
			"months of activity \"%s\"", ref);
	if (r->state == PG_RESCHEDULED && !r->comment)
		bld_err(b, n, "estado=\"reprogramada\" needs a <comentario>: why "
			"activity \"%s\" moved", ref);
}

/* indicador: ref -> (logro) */
/* The ids of POA o's indicators, as keys. */
static xmlHashTablePtr indicators_of(const pg_poa *o)
{
	xmlHashTablePtr h = xmlHashCreate(64);
	if (!h)
		pg_oom();
	for (const pg_part *pt = o->parts; pt; pt = pt->next)
		for (const pg_specific *s = pt->objectives; s; s = s->next)
			for (const pg_result *r = s->results; r; r = r->next)
				for (const pg_indicator *x = r->indicators; x; x = x->next)
					if (x->id)
						xmlHashAddEntry(h, (const xmlChar *)x->id, (void *)x);
	return h;
}

static pg_logro *logro(bld *b, const xmlNode *n, const pg_progress *pr,
		       const pg_poa *poa, xmlHashTablePtr own, xmlHashTablePtr seen)
{
	const char *ref = bld_attr(b, n, "ref");
	const pg_indicator *ind = bld_resolve(b, n, "ref", ref, PG_KIND_INDICATOR);
	if (!ind)
		return NULL;
	if (xmlHashLookup(own, (const xmlChar *)ref) != ind) {
		const pg_idref *r = pg_plan_find(pr->plan, ref);
		bld_err(b, n, "indicator \"%s\" is not of the POA \"%s\" (declared at "
			"%s:%d)", ref, poa->id, pr->plan->file, r ? r->line : 0);
		return NULL;
	}
	const pg_logro *first = xmlHashLookup(seen, (const xmlChar *)ref);
	if (first) {
		bld_err(b, n, "indicator \"%s\" is reported twice (first at line %d)", ref,
			first->line);
		return NULL;
	}
	pg_logro *l = arena_new_of(b->a, pg_logro);
	l->indicator = ind;
	l->text = bld_spans(b, bld_child(n, "logro"));
	l->line = xml_line(n);
	xmlHashAddEntry(seen, (const xmlChar *)ref, l);
	return l;
}

/* riesgo: num? -> (%inline;)* */
static pg_risk_event *risk(bld *b, const xmlNode *n, const pg_plan *plan)
{
	pg_risk_event *e = arena_new_of(b->a, pg_risk_event);
	e->text = bld_spans(b, n);
	e->line = xml_line(n);
	const char *v = bld_attr(b, n, "num");
	if (v) {
		int num = bld_number(b, n, "num", v);
		for (const pg_risk *r = plan->risks; r && !e->risk; r = r->next)
			if (r->num == num)
				e->risk = r;
		if (num && !e->risk)
			bld_err(b, n, "num=\"%s\": the plan's <riesgos> has no risk "
				"numbered %d", v, num);
	}
	if (!e->risk && !e->text)
		bld_err(b, n, "<riesgo> without num needs a text: which risk, and how "
			"it materialised");
	return e;
}

/* poa: ref -> (actividad | indicador | riesgo)* */
static pg_poa_report *poa(bld *b, const xmlNode *n, pg_progress *pr,
			  const pg_place_index *ix, pg_poa_report *first)
{
	const char *ref = bld_attr(b, n, "ref");
	const pg_poa *o = bld_resolve(b, n, "ref", ref, PG_KIND_POA);
	if (!o)
		return NULL;
	for (const pg_poa_report *q = first; q; q = q->next)
		if (q->poa == o) {
			bld_err(b, n, "the POA \"%s\" is reported twice (first at line %d)",
				ref, q->line);
			return NULL;
		}
	pg_poa_report *r = arena_new_of(b->a, pg_poa_report);
	r->poa = o;
	r->line = xml_line(n);
	pg_logro **lt = &r->logros;
	pg_risk_event **rt = &r->risks;
	xmlHashTablePtr own = indicators_of(o), seen = xmlHashCreate(64);
	if (!seen)
		pg_oom();
	each_child(c, n) {
		if (bld_is(c, "actividad")) {
			activity(b, c, pr, ix, o);
		} else if (bld_is(c, "indicador")) {
			if ((*lt = logro(b, c, pr, o, own, seen)))
				lt = &(*lt)->next;
		} else if (bld_is(c, "riesgo")) {
			*rt = risk(b, c, pr->plan);
			rt = &(*rt)->next;
		}
	}
	xmlHashFree(own, NULL);
	xmlHashFree(seen, NULL);
	return r;
}

/* Every activity's report, its schedule in force, and the warnings. */
static void settle(bld *b, const xmlNode *root, pg_progress *pr)
{
	const pg_progress *prev = pr->previous;
	for (int i = 0; i < pr->nplaces; i++) {
		pg_report *r = &pr->reports[i];
		const pg_report *q = prev ? &prev->reports[i] : NULL;
		if (!r->months_given) /* the schedule in force before this file */
			r->months = q ? q->months : pr->places[i].activity->months;
		if (!r->reported) {
			r->state = PG_UNREPORTED;
			r->progress = 0;
		}
		if (r->reported && q && q->reported && r->progress < q->progress)
			diag_add(b->d, DIAG_WARNING, b->name, r->line, 0,
				 "activity \"%s\": avance %g, less than the %g of %s:%d",
				 pr->places[i].activity->id, r->progress, q->progress,
				 prev->file, q->line);
		if (!r->months && r->state != PG_CANCELLED)
			diag_add(b->d, DIAG_WARNING, b->name, r->line ? r->line : xml_line(root), 0,
				 "activity \"%s\" has no months: its programado does not "
				 "apply and it counts in no figure",
				 pr->places[i].activity->id);
	}
	/* Activities the file does not report, per POA. */
	for (int i = 0; i < pr->nplaces;) {
		const pg_poa *o = pr->places[i].poa;
		int missing = 0, all = 0;
		for (; i < pr->nplaces && pr->places[i].poa == o; i++, all++)
			missing += !pr->reports[i].reported;
		if (!missing)
			continue;
		int line = xml_line(root);
		for (const pg_poa_report *q = pr->poas; q; q = q->next)
			if (q->poa == o)
				line = q->line;
		diag_add(b->d, DIAG_WARNING, b->name, line, 0,
			 "%d of the %d activities of the POA \"%s\" are not reported "
			 "(sin-reporte: real 0)", missing, all, o->id);
	}
}

/* avance: plan, trimestre, corte, anterior, fecha, titulo ->
 *         (firmantes?, aprobacion?, poa*) */
static pg_progress *build(xmlDocPtr doc, const char *name, arena *a, diag *d,
			  const pg_plan *plan, int depth)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!bld_is(root, "avance"))
		return NULL;
	bld b;
	bld_init(&b, name, a, d);
	pg_progress *pr = arena_new_of(a, pg_progress);
	pr->file = arena_strdup(a, name);
	const char *pv = bld_attr(&b, root, "plan");
	if (!plan && pv) {
		plan = bld_plan_file(&b, root, pv);
	} else if (plan && pv) {
		/* An earlier report: of the same plan. */
		char *mine = realpath(bld_relative(a, b.dir, pv), NULL);
		char *theirs = realpath(plan->file, NULL);
		if (!mine || !theirs || strcmp(mine, theirs))
			bld_err(&b, root, "plan=\"%s\": this earlier report is of "
				"another plan than %s", pv, plan->file);
		free(mine);
		free(theirs);
	}
	if (!plan) {
		bld_done(&b);
		return NULL;
	}
	pr->plan = plan;
	b.cited = plan;
	const char *q = bld_attr(&b, root, "trimestre");
	pr->quarter = q ? atoi(q) : 0;
	if (pr->quarter < 1 || pr->quarter > 4) {
		bld_err(&b, root, "trimestre=\"%s\": a quarter from 1 to 4", q ? q : "");
		pr->quarter = 1;
	}
	const char *cv = bld_attr(&b, root, "corte");
	pr->cutoff = bld_date(&b, root, "corte", cv, 0);
	if (pr->cutoff) {
		pr->cut_month = atoi(pr->cutoff + 5);
		if (plan->year && atoi(pr->cutoff) != plan->year)
			bld_err(&b, root, "corte=\"%s\" is not in %d, the year of the plan "
				"%s", cv, plan->year, plan->file);
	} else {
		pr->cut_month = 12;
	}
	pr->date = bld_date(&b, root, "fecha", bld_attr(&b, root, "fecha"), 0);
	if (!pr->date)
		pr->date = pr->cutoff;
	pr->title = bld_attr(&b, root, "titulo");
	pr->places = pg_walk(plan, a, &pr->nplaces);
	pr->reports = arena_array_of(a, pg_report, pr->nplaces ? pr->nplaces : 1);
	pg_place_index *ix = pg_place_index_new(pr->places, pr->nplaces, a);
	const char *av = bld_attr(&b, root, "anterior");
	if (av) {
		pr->previous = read_previous(&b, root, av, plan, depth);
		if (pr->previous && pr->previous->cutoff && pr->cutoff &&
		    strcmp(pr->previous->cutoff, pr->cutoff) >= 0)
			bld_err(&b, root, "anterior=\"%s\": its corte %s is not before "
				"this report's %s", av, pr->previous->cutoff, pr->cutoff);
	}

	/* The sign-off: the file's own, else the plan's. */
	pg_plan own = { 0 };
	b.p = &own;
	const xmlNode *n;
	if ((n = bld_child(root, "firmantes")))
		bld_signatories(&b, n);
	if ((n = bld_child(root, "aprobacion")))
		bld_approval(&b, n);
	b.p = NULL;
	const pg_plan *so = own.approvers ? &own : plan;
	pr->signatories = so->signatories;
	pr->approvers = so->approvers;
	/* The plan's reason is the plan's approval ("Aprobación del Plan de
	 * Acción 2019"): without one of its own, the booklet's is made from
	 * its title by the layout. */
	pr->approval_reason = own.approvers ? own.approval_reason : NULL;
	pr->approval_place = so->approval_place;
	pr->approval_date = own.approvers ? own.approval_date : pr->date;

	pg_poa_report **t = &pr->poas;
	each_child(c, root) {
		if (bld_is(c, "poa") && (*t = poa(&b, c, pr, ix, pr->poas)))
			t = &(*t)->next;
	}
	settle(&b, root, pr);
	pg_index_logros(pr, a);
	bld_done(&b);
	return pr;
}

pg_progress *build_progress(xmlDocPtr doc, const char *name, arena *a, diag *d)
{
	return build(doc, name, a, d, NULL, 0);
}

const pg_progress *bld_progress_file(bld *b, const xmlNode *n, const char *v,
				     const pg_plan *const *plans, int nplans)
{
	return nplans ? progress_file(b, n, "archivo", v, plans, nplans, 1, 1) : NULL;
}
