/*
 * check.c — the rules over the whole model that neither the DTD nor a
 * single element can state: totals that must agree, numbers that must be
 * unique, and the warning for an empty result.  Value formats and
 * references were checked while building (build*.c).
 */
#include "input-imp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void money_text(char *buf, size_t n, int64_t c)
{
	snprintf(buf, n, "%lld.%02lld", (long long)(c / 100),
		 (long long)(c % 100));
}

static int64_t sum_of(const pg_money_table *t, int only_donations)
{
	int64_t s = 0;
	for (const pg_money_line *l = t->lines; l; l = l->next)
		if ((!only_donations || l->source == PG_DONATIONS) &&
		    __builtin_add_overflow(s, l->cents, &s))
			return INT64_MAX; /* reported while building */
	return s;
}

static void budget(const pg_plan *p, diag *d)
{
	const pg_budget *b = p->budget;
	if (!b)
		return;
	const pg_money_table *in = b->part[PG_INCOME], *out = b->part[PG_EXPENSES],
			     *src = b->part[PG_SOURCES], *don = b->part[PG_DONORS];
	char x[40], y[40];
	if (in && out && in->total != out->total) {
		money_text(x, sizeof x, in->total);
		money_text(y, sizeof y, out->total);
		diag_add(d, DIAG_ERROR, p->file, out->line, 0,
			 "the expenses total %s but the income (at line %d) "
			 "totals %s: a budget spends what it receives", y,
			 in->line, x);
	}
	if (in && src && in->total != src->total) {
		money_text(x, sizeof x, in->total);
		money_text(y, sizeof y, src->total);
		diag_add(d, DIAG_ERROR, p->file, src->line, 0,
			 "the funding sources total %s but the income (at line "
			 "%d) totals %s", y, in->line, x);
	}
	if (src && don) {
		int has = 0;
		for (const pg_money_line *l = src->lines; l; l = l->next)
			has |= l->source == PG_DONATIONS;
		int64_t given = sum_of(src, 1);
		if (has && given != don->total) {
			money_text(x, sizeof x, don->total);
			money_text(y, sizeof y, given);
			diag_add(d, DIAG_ERROR, p->file, don->line, 0,
				 "the donors total %s but the donations among the "
				 "funding sources (at line %d) are %s", x,
				 src->line, y);
		}
	}
}

/* Something that must be unique: a number, or a text (key), and where
 * it is.  Sorted by value then by order of appearance, so that finding
 * every repeat takes n log n, whatever the size of the plan. */
struct numbered {
	int num, line, order;
	const char *key;
};

static int value_cmp(const struct numbered *a, const struct numbered *b)
{
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->key ? a->key : "", b->key ? b->key : "");
}

static int by_value(const void *x, const void *y)
{
	const struct numbered *a = x, *b = y;
	int k = value_cmp(a, b);
	return k ? k : (a->order > b->order) - (a->order < b->order);
}

/* Calls report(first, repeat) for every entry of v[0..n) that an earlier
 * one equals; entries with num 0 and no key are skipped.  Sorts v. */
static void repeats(struct numbered *v, int n,
		    void (*report)(const struct numbered *first,
				   const struct numbered *again, void *ud),
		    void *ud)
{
	for (int i = 0; i < n; i++)
		v[i].order = i;
	qsort(v, (size_t)n, sizeof *v, by_value);
	for (int i = 1, f = 0; i < n; i++) {
		if (value_cmp(&v[f], &v[i]) != 0)
			f = i;
		else if (v[i].num || v[i].key)
			report(&v[f], &v[i], ud);
	}
}

struct report {
	const pg_plan *p;
	diag *d;
	const char *what;
};

static void twice_numbered(const struct numbered *first,
			   const struct numbered *again, void *ud)
{
	struct report *r = ud;
	diag_add(r->d, DIAG_ERROR, r->p->file, again->line, 0,
		 "two %s numbered %d (the first is at %s:%d)", r->what,
		 again->num, r->p->file, first->line);
}

static void twice_key(const struct numbered *first,
		      const struct numbered *again, void *ud)
{
	struct report *r = ud;
	char msg[600];
	snprintf(msg, sizeof msg, r->what, again->key);
	diag_add(r->d, DIAG_ERROR, r->p->file, again->line, 0,
		 "%s (the first is at %s:%d)", msg, r->p->file, first->line);
}

static struct numbered *table_of(int n)
{
	struct numbered *v = calloc((size_t)n + 1, sizeof *v);
	if (!v)
		pg_oom();
	return v;
}

/* Numbers that identify: areas, PEI objectives, catalogued risks. */
static void unique_numbers(const pg_plan *p, diag *d)
{
	int na = 0, no = 0, nr = 0;
	for (const pg_area *a = p->pei ? p->pei->areas : NULL; a; a = a->next) {
		na++;
		for (const pg_objective *o = a->objectives; o; o = o->next)
			no++;
	}
	for (const pg_risk *r = p->risks; r; r = r->next)
		nr++;
	struct numbered *areas = table_of(na), *objectives = table_of(no),
			*risks = table_of(nr);
	na = no = nr = 0;
	for (const pg_area *a = p->pei ? p->pei->areas : NULL; a; a = a->next) {
		areas[na++] = (struct numbered){ a->num, a->line, 0, NULL };
		for (const pg_objective *o = a->objectives; o; o = o->next)
			objectives[no++] = (struct numbered){ o->num, o->line, 0, NULL };
	}
	for (const pg_risk *r = p->risks; r; r = r->next)
		risks[nr++] = (struct numbered){ r->num, r->line, 0, NULL };
	struct report r = { p, d, "strategic areas" };
	repeats(areas, na, twice_numbered, &r);
	r.what = "PEI objectives";
	repeats(objectives, no, twice_numbered, &r);
	r.what = "catalogued risks";
	repeats(risks, nr, twice_numbered, &r);
	free(areas);
	free(objectives);
	free(risks);
}

/* The approvers, each once (there are at most PG_MAX_APPROVERS). */
static void approvers(const pg_plan *p, diag *d)
{
	if (p->approvers)
		for (int i = 0; p->approvers[i]; i++)
			for (int j = 0; j < i; j++)
				if (p->approvers[i] == p->approvers[j]) {
					diag_add(d, DIAG_ERROR, p->file,
						 p->approvers[i]->line, 0,
						 "<aprobacion> lists the signatory "
						 "\"%s\" twice", p->approvers[i]->id);
					break;
				}
}

/* One POA per unit. */
static void one_poa_per_unit(const pg_plan *p, diag *d)
{
	int n = 0;
	for (const pg_poa *o = p->poas; o; o = o->next)
		n++;
	struct numbered *v = table_of(n);
	n = 0;
	for (const pg_poa *o = p->poas; o; o = o->next)
		if (o->unit)
			v[n++] = (struct numbered){ 0, o->line, 0, o->unit->id };
	struct report r = { p, d, "unit \"%s\" has two POAs" };
	repeats(v, n, twice_key, &r);
	free(v);
}

static void poa(const pg_plan *p, const pg_poa *poa, diag *d)
{
	for (const pg_part *part = poa->parts; part; part = part->next) {
		int n = 0;
		for (const pg_specific *s = part->objectives; s; s = s->next)
			n++;
		struct numbered *v = table_of(n);
		n = 0;
		for (const pg_specific *s = part->objectives; s; s = s->next)
			if (s->num)
				v[n++] = (struct numbered){ 0, s->line, 0, s->num };
		struct report rep = { p, d, "two specific objectives numbered "
					  "\"%s\" in one POA part" };
		repeats(v, n, twice_key, &rep);
		free(v);
		for (const pg_specific *s = part->objectives; s; s = s->next) {
			for (const pg_result *r = s->results; r; r = r->next) {
				int acts = 0;
				for (const pg_indicator *in = r->indicators; in;
				     in = in->next)
					acts += in->activities != NULL;
				if (!r->indicators)
					diag_add(d, DIAG_WARNING, p->file, r->line, 0,
						 "result \"%s\" has no indicators or "
						 "activities", r->id ? r->id : "");
				else if (!acts)
					diag_add(d, DIAG_WARNING, p->file, r->line, 0,
						 "result \"%s\" has no activities",
						 r->id ? r->id : "");
			}
		}
	}
}

/* ---- the tables the layout makes: at most PG_MAX_TABLE_ROWS rows ---- */

struct area_rows {
	const pg_area *area;
	long rows;
	int line, order;
};

static int by_area(const void *x, const void *y)
{
	const struct area_rows *a = x, *b = y;
	if (a->area != b->area)
		return (uintptr_t)a->area < (uintptr_t)b->area ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

/* The action plan's tables: one per area (pg_action_table_rows, summed
 * here over the scopes sorted by area: n log n), and the linking
 * table (pg_link_table_rows). */
static void action_rows(const pg_plan *p, diag *d)
{
	if (!p->pei || !p->action)
		return;
	int n = 0;
	for (const pg_scope *s = p->action->scopes; s; s = s->next)
		n++;
	struct area_rows *v = calloc((size_t)n + 1, sizeof *v);
	if (!v)
		pg_oom();
	n = 0;
	for (const pg_scope *s = p->action->scopes; s; s = s->next) {
		if (s->objective) {
			v[n] = (struct area_rows){ s->objective->area,
						   pg_scope_rows(s), s->line, n };
			n++;
		}
	}
	qsort(v, (size_t)n, sizeof *v, by_area);
	for (int i = 0, j; i < n; i = j) {
		long rows = 1; /* the header, as pg_action_table_rows */
		for (j = i; j < n && v[j].area == v[i].area; j++)
			rows += v[j].rows;
		if (rows > PG_MAX_TABLE_ROWS)
			diag_add(d, DIAG_ERROR, p->file, v[j - 1].line, 0,
				 "the action plan's table for the strategic area "
				 "%d would have %ld rows; a table has at most %d",
				 v[i].area->num, rows, PG_MAX_TABLE_ROWS);
	}
	free(v);
	long linked = pg_link_table_rows(p);
	const pg_scope *last = p->action->scopes;
	while (last && last->next)
		last = last->next;
	if (linked > PG_MAX_TABLE_ROWS && last)
		diag_add(d, DIAG_ERROR, p->file, last->line, 0,
			 "the table linking the PEI to the action plan would have "
			 "%ld rows (one per scope, and one per PEI objective "
			 "without scopes); a table has at most %d", linked,
			 PG_MAX_TABLE_ROWS);
}

static void table_rows(const pg_plan *p, diag *d)
{
	for (const pg_poa *o = p->poas; o; o = o->next) {
		long n = pg_poa_matrix_rows(o);
		if (n > PG_MAX_TABLE_ROWS)
			diag_add(d, DIAG_ERROR, p->file, o->line, 0,
				 "the matrix of this POA would have %ld rows (one "
				 "per activity, and the group rows); a table has "
				 "at most %d", n, PG_MAX_TABLE_ROWS);
	}
	action_rows(p, d);
}

/* Whether a <poas/> is among the blocks of sections, at any depth. */
static int has_poas(const pg_section *s)
{
	for (; s; s = s->next) {
		for (const pg_block *b = s->blocks; b; b = b->next)
			if (b->kind == PG_BLOCK_POAS)
				return 1;
		if (has_poas(s->children))
			return 1;
	}
	return 0;
}

/* POAs without a <poas/> to place their matrices are not printed: said,
 * at the first POA. */
static void poas_placed(const pg_plan *p, diag *d)
{
	int n = 0;
	for (const pg_poa *o = p->poas; o; o = o->next)
		n++;
	if (!n || !p->sections || has_poas(p->sections))
		return;
	if (n == 1)
		diag_add(d, DIAG_WARNING, p->file, p->poas->line, 0,
			 "1 POA but no <poas/> in the narrative: its matrix and "
			 "Cronograma are not printed (put <poas/> in the section "
			 "where it goes)");
	else
		diag_add(d, DIAG_WARNING, p->file, p->poas->line, 0,
			 "%d POAs but no <poas/> in the narrative: their matrices "
			 "and Cronogramas are not printed (put <poas/> in the "
			 "section where they go)", n);
}

/* A section with no text and no subsection with text is not printed. */
static void empty_sections(const pg_plan *p, const pg_section *s, diag *d)
{
	for (; s; s = s->next) {
		if (pg_section_empty(s))
			diag_add(d, DIAG_WARNING, p->file, s->line, 0,
				 "section \"%s\" has no text: it is left out, "
				 "heading and contents line", s->title);
		else
			empty_sections(p, s->children, d);
	}
}

void check_plan(const pg_plan *p, diag *d)
{
	poas_placed(p, d);
	empty_sections(p, p->sections, d);
	budget(p, d);
	unique_numbers(p, d);
	approvers(p, d);
	one_poa_per_unit(p, d);
	table_rows(p, d);
	for (const pg_poa *o = p->poas; o; o = o->next)
		poa(p, o, d);
}
