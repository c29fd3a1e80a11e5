/*
 * test-timeline.c — unit tests of the timeline block: charts are laid
 * out into the trace device (in memory) and the trace read back: where
 * bars, the actual bar and its progress fill, diamonds and the cut-off
 * line fall, in what order they are drawn, which legend entries appear,
 * how labels are cut, and how a long chart splits across pages (header
 * on every page, groups continued, every item once, no group row last
 * on its page).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/device.h"
#include "layout/engine.h"

#include "check.h"

/* A landscape Letter page with half-inch margins: the chart is 720 pt
 * wide, its label column 240 pt, so each of 12 months is 40 pt wide and
 * month i starts at x = 276 + 40 i. */
static const eng_page PAGE = { 792, 612, 36, 36, 36, 36 };
#define MONTH_X(i) (276.0 + 40.0 * (i))

static const tl_style STYLE = {
	.head = { "Carlito", 7.5, 0, 1, 0, 0x000000, ENG_CENTER, 0 },
	.group = { "Carlito", 7.5, 0, 1, 0, 0x000000, ENG_LEFT, 0 },
	.item = { "Carlito", 7.5, 0, 0, 0, 0x000000, ENG_LEFT, 1 },
	.legend = { "Carlito", 7.5, 0, 0, 0, 0x000000, ENG_LEFT, 0 },
	.head_fill = 0xd9e2f3, .group_fill = 0xf2f2f2,
	.bar = 0x00aa00, .group_bar = 0x005500, .actual = 0xaaaaff,
	.progress = 0x0000ff, .milestone = 0x000080, .cutoff = 0xff0000,
	.grid = 0xbfbfbf, .rule = 0x000000,
	.label_w = 240, .bar_h = 6, .pad = 2.5, .indent = 8,
	.grid_lw = 0.4, .rule_lw = 0.5, .span_lw = 1.5, .max_lines = 2,
};

static const char *const MONTHS[12] = { "E", "F", "M", "A", "M", "J",
					"J", "A", "S", "O", "N", "D" };
static const char *const QUARTERS[4] = { "T1", "T2", "T3", "T4" };

static tl_opts opts(void)
{
	tl_opts o = { .periods = 12, .span = 3, .period_label = MONTHS,
		      .span_label = QUARTERS, .head = "Actividades",
		      .continued = "(continuación)",
		      .legend = { "Planificado", "Ejecutado", "Avance", "Hito", "Corte" } };
	return o;
}

/* ---- the trace, read back ---- */

typedef struct op {
	char kind[8];
	double v[8];
	int n; /* numbers read */
	unsigned color;
	char str[256];
	int page;
} op;

typedef struct trace {
	op *ops;
	int n, pages;
} trace;

static device *dev;

static int emit(dl_page *p, void *ud)
{
	(void)ud;
	return dev->page(dev, p);
}

static void parse(trace *t, char *text)
{
	t->ops = NULL;
	t->n = t->pages = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		t->ops = realloc(t->ops, (size_t)(t->n + 1) * sizeof *t->ops);
		op *o = &t->ops[t->n++];
		memset(o, 0, sizeof *o);
		sscanf(line, "%7s", o->kind);
		if (!strcmp(o->kind, "page"))
			t->pages++;
		o->page = t->pages;
		char *p = line + strlen(o->kind);
		if (!strcmp(o->kind, "poly")) {
			int np;
			sscanf(p, "%d", &np);
			p = strchr(p + 1, ' ');
		}
		int k;
		while (o->n < 8 && sscanf(p, " %lf%n", &o->v[o->n], &k) == 1) {
			o->n++;
			p += k;
		}
		sscanf(p, " #%x", &o->color);
		char *q = strchr(p, '"');
		if (q) {
			snprintf(o->str, sizeof o->str, "%s", q + 1);
			o->str[strlen(o->str) - 1] = '\0';
		}
	}
}

/* Lays out one chart, traces it and reads the trace back. */
static void run(eng *e, timeline *tl, trace *t, const eng_page *ps)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag *d = diag_new();
	dev = dev_trace_new(mem, "mem", d);
	flow *f = flow_new(e, ps, NULL, emit, NULL, d);
	flow_add(f, timeline_block(tl));
	CHECK(flow_end(f) == 0);
	flow_free(f);
	dev->close(dev);
	dev->free(dev);
	diag_free(d);
	fclose(mem);
	parse(t, buf);
	free(buf);
}

static int near(double a, double b)
{
	return a > b - 0.02 && a < b + 0.02;
}

/* The index of the first op of a kind and colour from index `from`. */
static int find(const trace *t, int from, const char *kind, unsigned color)
{
	for (int i = from; i < t->n; i++)
		if (!strcmp(t->ops[i].kind, kind) && t->ops[i].color == color)
			return i;
	return -1;
}

static int count_text(const trace *t, const char *s, int page)
{
	int n = 0;
	for (int i = 0; i < t->n; i++)
		n += !strcmp(t->ops[i].kind, "text") && !strcmp(t->ops[i].str, s) &&
		     (!page || t->ops[i].page == page);
	return n;
}

/* ---- tests ---- */

/* Bars, the actual bar and its progress, a diamond, the cut-off line,
 * non-contiguous months, the group bar, the legend. */
static void test_marks(eng *e)
{
	tl_opts o = opts();
	timeline *tl = timeline_new(e, &STYLE, &o);
	timeline_group(tl, 0, "G1", "Un grupo");
	timeline_item(tl, "A.1", "Marzo a junio", 0x3cu);	/* months 2-5 */
	timeline_actual(tl, 0x1cu, 0.6);			/* months 2-4, 60 % */
	timeline_milestone(tl, 5.5);
	timeline_item(tl, "A.2", "Enero y diciembre", 0x801u); /* 0 and 11 */
	timeline_cutoff(tl, 4.5);
	trace t;
	run(e, tl, &t, &PAGE);
	CHECK(t.pages == 1);

	/* The group bar: from January to December, under its items' runs. */
	int g = find(&t, 0, "fill", STYLE.group_bar);
	CHECK(g >= 0 && near(t.ops[g].v[0], MONTH_X(0) + 1) &&
	      near(t.ops[g].v[2], 12 * 40 - 2));
	/* A.1: one planned bar over March-June, then the actual bar over
	 * March-May, then 60 % of it filled, from its start. */
	int p = find(&t, 0, "fill", STYLE.bar);
	CHECK(p >= 0 && near(t.ops[p].v[0], MONTH_X(2) + 1) && near(t.ops[p].v[2], 158));
	int a = find(&t, p, "fill", STYLE.actual);
	CHECK(a > p && near(t.ops[a].v[0], MONTH_X(2) + 1) && near(t.ops[a].v[2], 118));
	int f = find(&t, a, "fill", STYLE.progress);
	CHECK(f > a && near(t.ops[f].v[0], MONTH_X(2) + 1) && near(t.ops[f].v[2], 0.6 * 118));
	CHECK(f >= 0 && near(t.ops[f].v[1], t.ops[a].v[1]) && near(t.ops[f].v[3], t.ops[a].v[3]));
	/* The actual bar lies under the planned one. */
	CHECK(a >= 0 && t.ops[a].v[1] >= t.ops[p].v[1] + t.ops[p].v[3]);
	/* The diamond: four points around the middle of June, at the bars'
	 * height, drawn over them. */
	int d = find(&t, 0, "poly", STYLE.milestone);
	CHECK(d > f && t.ops[d].n == 8);
	if (d >= 0) {
		double *v = t.ops[d].v;
		CHECK(near((v[2] + v[6]) / 2, MONTH_X(5.5)) && near(v[0], MONTH_X(5.5)));
		double cy = (v[1] + v[5]) / 2;
		CHECK(cy > t.ops[p].v[1] && cy < t.ops[a].v[1] + t.ops[a].v[3]);
	}
	/* A.2: two bars, January and December, nothing between. */
	int b1 = find(&t, a, "fill", STYLE.bar);
	int b2 = b1 >= 0 ? find(&t, b1 + 1, "fill", STYLE.bar) : -1;
	CHECK(b1 >= 0 && near(t.ops[b1].v[0], MONTH_X(0) + 1) && near(t.ops[b1].v[2], 38));
	CHECK(b2 >= 0 && near(t.ops[b2].v[0], MONTH_X(11) + 1) && near(t.ops[b2].v[2], 38));
	CHECK(b2 >= 0 && near(t.ops[b1].v[1], t.ops[b2].v[1]) && t.ops[b1].v[1] > t.ops[p].v[1]);
	/* The cut-off line: vertical at mid-May, over the bars, through the
	 * body (from above the first row to below the last). */
	int c = find(&t, 0, "line", STYLE.cutoff);
	CHECK(c > b2 && near(t.ops[c].v[0], MONTH_X(4.5)) && near(t.ops[c].v[2], MONTH_X(4.5)));
	CHECK(c >= 0 && t.ops[c].v[1] < t.ops[g].v[1] && t.ops[c].v[3] > t.ops[b2].v[1] + 6);
	/* Labels and header are text; the legend has all five entries, its
	 * samples under the chart. */
	CHECK(count_text(&t, "G1 Un grupo", 0) == 1);
	CHECK(count_text(&t, "A.1 Marzo a junio", 0) == 1);
	CHECK(count_text(&t, "A.2 Enero y diciembre", 0) == 1);
	CHECK(count_text(&t, "T4", 0) == 1 && count_text(&t, "D", 0) == 1);
	static const char *const leg[] = { "Planificado", "Ejecutado", "Avance", "Hito", "Corte" };
	for (int i = 0; i < 5; i++)
		CHECK(count_text(&t, leg[i], 0) == 1);
	int d2 = find(&t, d + 1, "poly", STYLE.milestone);
	CHECK(d2 > c && t.ops[d2].v[1] > t.ops[c].v[3]);
	free(t.ops);
}

/* Without actual bars, milestones or cut-off, the legend has only the
 * planned bar; a long label is cut to max_lines, ending in "…". */
static void test_plain(eng *e)
{
	tl_opts o = opts();
	timeline *tl = timeline_new(e, &STYLE, &o);
	char longer[4000] = "";
	for (int i = 0; i < 300; i++)
		strcat(longer, "palabra ");
	longer[strlen(longer) - 1] = '\0';
	timeline_item(tl, "A.9", longer, 0xfffu);
	trace t;
	run(e, tl, &t, &PAGE);
	CHECK(count_text(&t, "Planificado", 0) == 1);
	CHECK(count_text(&t, "Ejecutado", 0) == 0 && count_text(&t, "Hito", 0) == 0 &&
	      count_text(&t, "Avance", 0) == 0 && count_text(&t, "Corte", 0) == 0);
	CHECK(find(&t, 0, "poly", STYLE.milestone) < 0 && find(&t, 0, "line", STYLE.cutoff) < 0);
	int lines = 0, last = -1;
	for (int i = 0; i < t.n; i++)
		if (!strcmp(t.ops[i].kind, "text") && strstr(t.ops[i].str, "palabra"))
			lines++, last = i;
	CHECK(lines == STYLE.max_lines);
	CHECK(last >= 0 && strstr(t.ops[last].str, "\xe2\x80\xa6") != NULL);
	/* The bar: all twelve months in one run. */
	int b = find(&t, 0, "fill", STYLE.bar);
	CHECK(b >= 0 && near(t.ops[b].v[0], MONTH_X(0) + 1) && near(t.ops[b].v[2], 478));
	free(t.ops);
}

/* A chart of 3 groups of 40 items on short pages: every page has the
 * header and the legend, pages after the first start with the open
 * groups marked "(continuación)", each item is drawn once, and no group
 * row is the last of its page. */
static void test_split(eng *e)
{
	const eng_page small = { 792, 400, 36, 36, 36, 36 };
	tl_opts o = opts();
	timeline *tl = timeline_new(e, &STYLE, &o);
	char code[16], text[64];
	for (int g = 0; g < 3; g++) {
		snprintf(code, sizeof code, "G%d", g + 1);
		timeline_group(tl, 0, code, "Grupo");
		for (int i = 0; i < 40; i++) {
			snprintf(code, sizeof code, "A.%d.%d", g + 1, i + 1);
			snprintf(text, sizeof text, "Actividad %d", i + 1);
			timeline_item(tl, code, text, 1u << (i % 12));
		}
	}
	trace t;
	run(e, tl, &t, &small);
	CHECK(t.pages >= 6);
	int continued = 0;
	for (int pg = 1; pg <= t.pages; pg++) {
		CHECK(count_text(&t, "T1", pg) == 1);
		CHECK(count_text(&t, "Planificado", pg) == 1);
		/* The labels of the page, top to bottom: the first is a group
		 * (continued, or starting here), the last an item. */
		const op *top = NULL, *bottom = NULL;
		for (int i = 0; i < t.n; i++) {
			const op *x = &t.ops[i];
			if (x->page != pg || strcmp(x->kind, "text") || x->v[0] >= MONTH_X(0) ||
			    (x->str[0] != 'G' && strncmp(x->str, "A.", 2)))
				continue;
			if (!top || x->v[1] < top->v[1])
				top = x;
			if (!bottom || x->v[1] > bottom->v[1])
				bottom = x;
			continued += strstr(x->str, "(continuación)") != NULL;
		}
		CHECK(top && top->str[0] == 'G');
		CHECK(bottom && !strncmp(bottom->str, "A.", 2));
		if (pg == 1)
			CHECK(continued == 0);
		else if (top && strcmp(top->str, "G1 Grupo") && strcmp(top->str, "G2 Grupo") &&
			 strcmp(top->str, "G3 Grupo"))
			CHECK(strstr(top->str, "(continuación)") != NULL);
	}
	CHECK(continued >= t.pages - 3);
	for (int g = 0; g < 3; g++)
		for (int i = 0; i < 40; i++) {
			snprintf(text, sizeof text, "A.%d.%d Actividad %d", g + 1, i + 1, i + 1);
			CHECK(count_text(&t, text, 0) == 1);
		}
	free(t.ops);
}

/* Groups of one item each, over several pages: no page ends with a
 * group's row. */
static void test_keep(eng *e)
{
	const eng_page small = { 792, 300, 36, 36, 36, 36 };
	tl_opts o = opts();
	timeline *tl = timeline_new(e, &STYLE, &o);
	char code[16];
	for (int g = 0; g < 60; g++) {
		snprintf(code, sizeof code, "G%d", g + 1);
		timeline_group(tl, 0, code, "Grupo");
		snprintf(code, sizeof code, "A.%d", g + 1);
		/* Rows of one and two lines, so that pages break anywhere. */
		timeline_item(tl, code, g % 3 ? "Actividad" :
			      "Actividad con un texto que no cabe en una línea de "
			      "la columna de etiquetas del cronograma",
			      1u << (g % 12));
	}
	trace t;
	run(e, tl, &t, &small);
	CHECK(t.pages >= 8);
	for (int pg = 1; pg <= t.pages; pg++) {
		const op *bottom = NULL;
		for (int i = 0; i < t.n; i++) {
			const op *x = &t.ops[i];
			if (x->page == pg && !strcmp(x->kind, "text") && x->v[0] < MONTH_X(0) &&
			    (x->str[0] == 'G' || !strncmp(x->str, "A.", 2)) &&
			    (!bottom || x->v[1] > bottom->v[1]))
				bottom = x;
		}
		CHECK(bottom && !strncmp(bottom->str, "A.", 2));
	}
	free(t.ops);
}

int main(int argc, char **argv)
{
	(void)argc;
	diag *d = diag_new();
	eng *e = eng_new(argv[0], d);
	diag_free(d);
	if (!e) {
		fprintf(stderr, "test-timeline: no fonts\n");
		return 1;
	}
	test_marks(e);
	test_plain(e);
	test_split(e);
	test_keep(e);
	eng_free(e);
	printf("test-timeline: %d/%d checks passed\n", checks - failures, checks);
	return failures ? 1 : 0;
}
