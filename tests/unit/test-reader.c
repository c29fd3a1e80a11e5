/*
 * test-reader.c — unit tests of the reader: what the model holds after
 * reading small plans and the built-in 2019 plan, and which diagnostics
 * each rule gives.  Plans are built from a template with one substitution.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "input/build-imp.h"
#include "input/reader.h"

#include "check.h"

static const char TEMPLATE[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan anio=\"2019\" fecha=\"2018-11\" institucion=\"COAMSS/OPAMSS\">\n"
	"<portada><titulo> Plan  de\n Acción </titulo></portada>\n"
	"<cuerpo><seccion titulo=\"Uno\"><p>  Hola <b>mundo</b> ,\n otra"
	"<nota>Una nota.</nota> vez<br/>  fin  </p><poas/></seccion></cuerpo>\n"
	"<pei titulo=\"PEI\" periodo=\"2016-2020\"><area id=\"ae1\" num=\"1\" "
	"nombre=\"A\"><objetivo id=\"oe1\" num=\"1\">O</objetivo></area></pei>\n"
	"<organizacion><unidad id=\"u1\" nombre=\"U\" nivel=\"directivo\">"
	"<unidad id=\"u2\" nombre=\"V\" nivel=\"apoyo\"/></unidad></organizacion>\n"
	"<presupuesto><ingresos total=\"@TOTAL@\"><linea monto=\"0.10\">a</linea>"
	"<linea monto=\"0.2\">b</linea><linea monto=\"3\">c</linea></ingresos>"
	"</presupuesto>\n"
	"<poa id=\"p\" unidad=\"@UNIT@\" titulo=\"POA\"><objetivo-especifico "
	"pei=\"oe1\"><texto>T</texto><resultado id=\"r\"><texto>R</texto>"
	"<indicador id=\"i\" plazo=\"@PLAZO@\"><texto>I</texto><actividad "
	"id=\"a\" meses=\"@MESES@\"><texto>A</texto></actividad></indicador>"
	"</resultado></objetivo-especifico></poa>\n"
	"</plan>\n";

struct run {
	arena *a;
	diag *d;
	pg_plan *p;
	char out[4096];
};

/* Reads TEMPLATE with @KEY@ replaced (pairs of key, value; NULL ends). */
static void run(struct run *r, ...)
{
	char doc[8192];
	snprintf(doc, sizeof doc, "%s", TEMPLATE);
	const char *defaults[][2] = { { "@TOTAL@", "3.30" }, { "@UNIT@", "u2" },
				      { "@PLAZO@", "3" }, { "@MESES@", "1-3 12" } };
	va_list ap;
	va_start(ap, r);
	const char *given[8][2];
	int n = 0;
	for (const char *k; n < 8 && (k = va_arg(ap, const char *));) {
		given[n][0] = k;
		given[n][1] = va_arg(ap, const char *);
		n++;
	}
	va_end(ap);
	for (int i = 0; i < 4; i++) {
		const char *key = defaults[i][0], *val = defaults[i][1];
		for (int j = 0; j < n; j++)
			if (!strcmp(given[j][0], key))
				val = given[j][1];
		char *at = strstr(doc, key);
		char rest[8192];
		snprintf(rest, sizeof rest, "%s", at + strlen(key));
		snprintf(at, sizeof doc - (size_t)(at - doc), "%s%s", val, rest);
	}
	memset(r->out, 0, sizeof r->out);
	r->a = arena_new();
	r->d = diag_new();
	r->p = reader_read("t.xml", doc, strlen(doc), r->a, r->d);
	FILE *f = fmemopen(r->out, sizeof r->out, "w");
	diag_print(r->d, f, 1);
	fclose(f);
}

static void done(struct run *r)
{
	arena_free(r->a);
	diag_free(r->d);
}

static const char *span_text(const pg_span *s, char *buf, size_t n)
{
	buf[0] = '\0';
	for (; s; s = s->next) {
		const char *t = s->kind == PG_SPAN_TEXT	   ? s->text
				: s->kind == PG_SPAN_BREAK ? "|"
							   : "^";
		strncat(buf, t, n - strlen(buf) - 1);
	}
	return buf;
}

static void test_model(void)
{
	struct run r;
	char buf[256];
	run(&r, NULL);
	CHECK(r.p != NULL);
	CHECK(r.out[0] == '\0');
	if (!r.p) {
		fputs(r.out, stderr);
		done(&r);
		return;
	}
	CHECK(!strcmp(r.p->title, "Plan de Acción"));
	CHECK(!strcmp(r.p->date, "2018-11"));
	const pg_block *p = r.p->sections->blocks;
	CHECK(!strcmp(span_text(p->text, buf, sizeof buf),
		      "Hola mundo , otra^ vez|fin"));
	CHECK(p->text->next->style == PG_BOLD);
	const pg_activity *a = r.p->poas->parts->objectives->results
				       ->indicators->activities;
	CHECK(a->months == (0x7u | 0x800u));
	CHECK(r.p->poas->parts->objectives->results->indicators->deadline == 3);
	CHECK(r.p->poas->parts->objectives->results->indicators->deadlines == 1u << 2);
	CHECK(r.p->poas->unit == r.p->units->children);
	CHECK(r.p->units->children->parent == r.p->units);
	CHECK(r.p->poas->parts->objectives->pei[0] ==
	      r.p->pei->areas->objectives);
	CHECK(r.p->poas->parts->objectives->pei[1] == NULL);
	CHECK(r.p->budget->part[PG_INCOME]->total == 330);
	CHECK(r.p->budget->part[PG_INCOME]->lines->next->cents == 20);
	done(&r);
}

/* Each case: substitutions, and a piece the diagnostics must contain. */
static void test_rules(void)
{
	static const struct {
		const char *key, *val, *want;
	} cases[] = {
		{ "@MESES@", "7-13", "t.xml:10: error: meses=\"7-13\": month 13 is outside 1-12" },
		{ "@MESES@", "12-1", "the range 12-1 is backwards; write 1-12" },
		{ "@MESES@", "", "warning: activity \"a\" runs in no month" },
		{ "@MESES@", "1,2 ,3", "" },
		{ "@PLAZO@", "2019-06-31", "plazo=\"2019-06-31\" is not a month" },
		{ "@PLAZO@", "2019-06-30", "" },
		{ "@PLAZO@", "1 7", "" }, /* two deadlines: January and July */
		{ "@PLAZO@", "1 13", "plazo=\"1 13\" is not a month (1-12), months" },
		{ "@PLAZO@", "1,7", "plazo=\"1,7\" is not a month" },
		{ "@UNIT@", "oe1", "is the id of a PEI objective (<objetivo>) declared at t.xml:7" },
		{ "@UNIT@", "nadie", "unidad=\"nadie\": no unit (<unidad>) has this id" },
		{ "@TOTAL@", "3.31", "" }, /* within rounding of three lines */
		{ "@TOTAL@", "3.40", "add up to 3.30 (a difference of 0.10)" },
		{ "@TOTAL@", "3.300", "is not an amount" },
		{ "@TOTAL@", "-3.30", "is negative" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct run r;
		run(&r, cases[i].key, cases[i].val, NULL);
		int ok = cases[i].want[0] ? strstr(r.out, cases[i].want) != NULL
					  : r.out[0] == '\0' && r.p;
		CHECK(ok);
		if (!ok)
			fprintf(stderr, "  case %zu (%s=%s) gave:\n%s", i,
				cases[i].key, cases[i].val, r.out);
		done(&r);
	}
}

/* plazo="1 7": both months are deadlines (a diamond each in the
 * Cronograma), the last one the deadline. */
static void test_two_deadlines(void)
{
	struct run r;
	run(&r, "@PLAZO@", "1 7", NULL);
	CHECK(r.p != NULL);
	if (r.p) {
		const pg_indicator *in = r.p->poas->parts->objectives->results->indicators;
		CHECK(in->deadlines == (1u | 1u << 6));
		CHECK(in->deadline == 7);
	}
	done(&r);
}

static void test_builtin_plan(void)
{
	arena *a = arena_new();
	diag *d = diag_new();
	pg_plan *p = reader_read(READER_DEFAULT_NAME, pg_embedded_plan,
				 pg_embedded_plan_size, a, d);
	CHECK(p != NULL);
	CHECK(diag_warnings(d) == 0);
	if (p) {
		int poas = 0, acts = 0, nomonth = 0;
		for (const pg_poa *o = p->poas; o; o = o->next, poas++)
			for (const pg_part *pt = o->parts; pt; pt = pt->next)
				for (const pg_specific *s = pt->objectives; s; s = s->next)
					for (const pg_result *r = s->results; r; r = r->next)
						for (const pg_indicator *in = r->indicators; in; in = in->next)
							for (const pg_activity *ac = in->activities; ac; ac = ac->next) {
								acts++;
								nomonth += !ac->months;
							}
		CHECK(poas == 10);
		CHECK(acts > 200);
		CHECK(nomonth == 0);
		CHECK(p->year == 2019);
		CHECK(p->budget->part[PG_INCOME]->total == 510500000);
		CHECK(p->budget->part[PG_EXPENSES]->total == 510500000);
		CHECK(p->pei && p->pei->areas && p->pei->areas->next->next);
		CHECK(p->approvers && p->approvers[0] && p->approvers[1]);
	}
	arena_free(a);
	diag_free(d);
}

/* After reading, every id of the plan is found again through the
 * model's index, with its kind and node (a progress file's way in). */
static void test_find_by_id(void)
{
	arena *a = arena_new();
	diag *d = diag_new();
	pg_plan *p = reader_read(READER_DEFAULT_NAME, pg_embedded_plan,
				 pg_embedded_plan_size, a, d);
	CHECK(p != NULL);
	if (p) {
		int acts = 0, found = 0;
		for (const pg_poa *o = p->poas; o; o = o->next) {
			const pg_idref *r = pg_plan_find(p, o->id);
			CHECK(r && r->kind == PG_KIND_POA && r->node == o &&
			      r->line == o->line);
			for (const pg_part *pt = o->parts; pt; pt = pt->next)
				for (const pg_specific *s = pt->objectives; s; s = s->next)
					for (const pg_result *rs = s->results; rs; rs = rs->next)
						for (const pg_indicator *in = rs->indicators; in; in = in->next)
							for (const pg_activity *ac = in->activities; ac; ac = ac->next) {
								acts++;
								r = pg_plan_find(p, ac->id);
								found += r && r->kind == PG_KIND_ACTIVITY &&
									 r->node == ac && r->line == ac->line;
							}
		}
		CHECK(acts > 200 && found == acts);
		CHECK(pg_plan_find(p, "no-such-id") == NULL);
		CHECK(pg_plan_find(p, "") == NULL);
		int sorted = p->nids > acts;
		for (int i = 1; i < p->nids; i++)
			sorted &= strcmp(p->ids[i - 1].id, p->ids[i].id) < 0;
		CHECK(sorted);
	}
	arena_free(a);
	diag_free(d);
}

/* The rows of the tables the layout makes, counted by the model: the
 * template's POA has two header rows, a row for its PEI objective, one
 * for its specific objective and one for its only activity. */
static void test_table_rows(void)
{
	struct run r;
	run(&r, NULL);
	CHECK(r.p != NULL);
	if (r.p) {
		const pg_poa *o = r.p->poas;
		CHECK(pg_poa_matrix_rows(o) == 5);
		CHECK(pg_poa_result_rows(o->parts->objectives->results) == 1);
		CHECK(pg_money_table_rows(r.p->budget->part[PG_INCOME]) == 5);
		CHECK(pg_link_table_rows(r.p) == 0); /* no action plan */
		CHECK(pg_action_table_rows(r.p, r.p->pei->areas) == 1);
	}
	done(&r);
}

/* A second document's reader citing the plan (bld.cited) and declaring
 * a kind of its own (bld.kind_name): ids resolve in either, with the
 * usual messages, the plan's located in the plan's file. */
static void test_cited_plan(void)
{
	struct run r;
	run(&r, NULL);
	CHECK(r.p != NULL);
	static const char doc[] = "<avance>\n"
				  "<hito id=\"h1\"/>\n"
				  "<x/>\n";
	xmlDocPtr x = xmlReadMemory(doc, sizeof doc - 1, "avance.xml", NULL,
				    XML_PARSE_NONET | XML_PARSE_RECOVER |
				    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	const xmlNode *root = xmlDocGetRootElement(x);
	const xmlNode *hito = bld_child(root, "hito"), *n = bld_child(root, "x");
	CHECK(hito && n);
	if (r.p && hito && n) {
		static const char *const own[] = { "milestone (<hito>)" };
		diag *d = diag_new();
		bld b;
		bld_init(&b, "avance.xml", r.a, d);
		b.cited = r.p;
		b.kind_name = own;
		int h = 1;
		bld_declare(&b, hito, "h1", PG_NKINDS, &h);
		const pg_idref *a = pg_plan_find(r.p, "a");
		CHECK(a && a->kind == PG_KIND_ACTIVITY);
		CHECK(a && bld_resolve(&b, n, "actividad", "a", PG_KIND_ACTIVITY) == a->node);
		CHECK(bld_resolve(&b, n, "hito", "h1", PG_NKINDS) == &h);
		CHECK(diag_errors(d) == 0);
		CHECK(bld_resolve(&b, n, "actividad", "r", PG_KIND_ACTIVITY) == NULL);
		CHECK(bld_resolve(&b, n, "actividad", "zz", PG_KIND_ACTIVITY) == NULL);
		CHECK(bld_resolve(&b, n, "actividad", "h1", PG_KIND_ACTIVITY) == NULL);
		bld_done(&b);
		char out[2048] = "";
		FILE *f = fmemopen(out, sizeof out, "w");
		diag_print(d, f, 1);
		fclose(f);
		CHECK(strstr(out, "avance.xml:3: error: actividad=\"r\" is the id of "
				  "a result (<resultado>) declared at t.xml:"));
		CHECK(strstr(out, "avance.xml:3: error: actividad=\"zz\": no activity "
				  "(<actividad>) has this id"));
		CHECK(strstr(out, "avance.xml:3: error: actividad=\"h1\" is the id of "
				  "a milestone (<hito>) declared at avance.xml:2, not of "
				  "a activity (<actividad>)"));
		if (diag_errors(d) != 3)
			fprintf(stderr, "%s", out);
		CHECK(diag_errors(d) == 3);
		diag_free(d);
	}
	xmlFreeDoc(x);
	done(&r);
}

int main(void)
{
	test_model();
	test_rules();
	test_two_deadlines();
	test_builtin_plan();
	test_find_by_id();
	test_cited_plan();
	test_table_rows();
	printf("test-reader: %d/%d checks passed\n", checks - failures, checks);
	return failures != 0;
}
