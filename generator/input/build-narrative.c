/*
 * build-narrative.c — the plan's text: sections and their blocks
 * (paragraphs, lists, hand-written tables, figures, and the blocks that
 * place generated content: PEI figure, action-plan tables, functions,
 * organisation chart, budget, POAs).
 *
 * A hand-written table is checked here for what its layout relies on:
 * header rows first, every row covering the same columns, widths that
 * add up; a block that places data the plan lacks is an error.
 */
#include "build-imp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* tabla -> (fila+); fila -> (celda+) */
static pg_table *table(bld *b, const xmlNode *n)
{
	pg_table *t = arena_new_of(b->a, pg_table);
	pg_row **rt = &t->rows;
	each_child(r, n) {
		if (!bld_is(r, "fila"))
			continue;
		pg_row *row = arena_new_of(b->a, pg_row);
		const char *k = bld_attr(b, r, "tipo");
		row->kind = !k				    ? PG_ROW_NORMAL
			    : !strcmp(k, "encabezado") ? PG_ROW_HEADER
			    : !strcmp(k, "grupo")      ? PG_ROW_GROUP
			    : !strcmp(k, "total")      ? PG_ROW_TOTAL
						       : PG_ROW_NORMAL;
		row->line = xml_line(r);
		pg_cell **ct = &row->cells;
		each_child(c, r) {
			if (!bld_is(c, "celda"))
				continue;
			pg_cell *cell = arena_new_of(b->a, pg_cell);
			cell->text = bld_spans(b, c);
			const char *rs = bld_attr(b, c, "filas");
			const char *cs = bld_attr(b, c, "columnas");
			cell->rows = rs ? bld_number(b, c, "filas", rs) : 1;
			cell->cols = cs ? bld_number(b, c, "columnas", cs) : 1;
			if (cell->rows > PG_MAX_TABLE_ROWS) {
				bld_err(b, c, "filas=\"%s\": a table has at most %d "
					      "rows", rs, PG_MAX_TABLE_ROWS);
				cell->rows = 1;
			}
			if (cell->cols > PG_MAX_TABLE_COLUMNS) {
				bld_err(b, c, "columnas=\"%s\": a table has at most %d "
					      "columns", cs, PG_MAX_TABLE_COLUMNS);
				cell->cols = 1;
			}
			if (cell->rows < 1)
				cell->rows = 1;
			if (cell->cols < 1)
				cell->cols = 1;
			cell->align = bld_align(bld_attr(b, c, "alinea"));
			*ct = cell;
			ct = &cell->next;
		}
		*rt = row;
		rt = &row->next;
	}
	/* Header rows come first (they repeat on every page). */
	int nrows = 0, body = 0, nheader = 0;
	for (pg_row *r = t->rows; r; r = r->next) {
		nrows++;
		if (r->kind != PG_ROW_HEADER) {
			body = 1;
		} else if (body) {
			diag_add(b->d, DIAG_ERROR, b->name, r->line, 0,
				 "a header row (tipo=\"encabezado\") after other "
				 "rows: header rows come first in a table");
		} else if (++nheader == PG_MAX_HEADER_ROWS + 1) {
			diag_add(b->d, DIAG_ERROR, b->name, r->line, 0,
				 "more than %d header rows in a table",
				 PG_MAX_HEADER_ROWS);
		}
	}
	if (nrows > PG_MAX_TABLE_ROWS) {
		bld_err(b, n, "this table has %d rows; a table has at most %d: "
			      "split it", nrows, PG_MAX_TABLE_ROWS);
		t->ncols = 1;
		t->widths = arena_array_of(b->a, double, 1);
		return t;
	}
	/* Shape: every row covers the same columns (merged cells counted). */
	int ncols = -1, gwidest = 0, gline = 0;
	int *busy = calloc((size_t)nrows + 1, sizeof *busy * PG_MAX_TABLE_COLUMNS);
	if (!busy)
		pg_oom();
	int ri = 0;
	for (pg_row *r = t->rows; r; r = r->next, ri++) {
		int col = 0;
		for (pg_cell *c = r->cells; c; c = c->next) {
			while (col < PG_MAX_TABLE_COLUMNS && busy[ri * PG_MAX_TABLE_COLUMNS + col])
				col++;
			for (int dr = 0; dr < c->rows && ri + dr < nrows; dr++)
				for (int dc = 0; dc < c->cols && col + dc < PG_MAX_TABLE_COLUMNS; dc++)
					busy[(ri + dr) * PG_MAX_TABLE_COLUMNS + col + dc] = 1;
			col = c->cols > PG_MAX_TABLE_COLUMNS - col ? PG_MAX_TABLE_COLUMNS + 1 : col + c->cols;
		}
		while (col < PG_MAX_TABLE_COLUMNS && busy[ri * PG_MAX_TABLE_COLUMNS + col])
			col++;
		if (col > PG_MAX_TABLE_COLUMNS) {
			bld_err(b, n, "a table may have at most %d columns", PG_MAX_TABLE_COLUMNS);
			break;
		}
		if (r->kind == PG_ROW_GROUP) {
			/* One cell across the full width, whatever its columnas:
			 * it covers what the other rows cover. */
			if (col > gwidest)
				gwidest = col, gline = r->line;
		} else if (ncols < 0) {
			ncols = col;
		} else if (col != ncols) {
			diag_add(b->d, DIAG_ERROR, b->name, r->line, 0,
				 "this row covers %d columns, the table's first "
				 "row %d (merged cells counted)", col, ncols);
		}
	}
	free(busy);
	if (ncols < 0)
		ncols = gwidest; /* only group rows */
	else if (gwidest > ncols)
		diag_add(b->d, DIAG_ERROR, b->name, gline, 0,
			 "this group row covers %d columns, the table's other rows "
			 "%d (merged cells counted)", gwidest, ncols);
	t->ncols = ncols > 0 ? ncols : 1;
	t->widths = arena_array_of(b->a, double, t->ncols);
	const char *w = bld_attr(b, n, "anchos");
	int given = 0;
	double sum = 0;
	if (w) {
		const char *s = w;
		char *end;
		while (*s && given < t->ncols) {
			double x = strtod(s, &end);
			if (end == s || !(x > 0) || !isfinite(x) || x > 1e6)
				break;
			t->widths[given++] = x;
			sum += x;
			s = end;
			while (*s == ' ')
				s++;
		}
		if (*s || given != t->ncols) {
			bld_err(b, n, "anchos=\"%s\": give %d positive widths, one "
				      "per column", w, t->ncols);
			given = 0;
		}
	}
	for (int i = 0; i < t->ncols; i++)
		t->widths[i] = given ? t->widths[i] / sum : 1.0 / t->ncols;
	return t;
}

/* The blocks: each build function reads its element into bl and checks
 * it against the rest of the plan; 0 drops the block (diagnosed). */
typedef int build_fn(bld *b, const xmlNode *n, pg_block *bl);

/* p, subtitulo -> (%inline;)* */
static int build_paragraph(bld *b, const xmlNode *n, pg_block *bl)
{
	bl->text = bld_spans(b, n);
	return 1;
}
#define build_subtitle build_paragraph

/* lista -> (item+) */
static int build_list(bld *b, const xmlNode *n, pg_block *bl)
{
	const char *t = bld_attr(b, n, "tipo");
	bl->list = t && !strcmp(t, "letras")	? PG_LIST_LETTERS
		   : t && !strcmp(t, "numeros") ? PG_LIST_NUMBERS
						: PG_LIST_BULLETS;
	pg_item **it = &bl->items;
	each_child(c, n) {
		if (bld_is(c, "item")) {
			*it = bld_item(b, c);
			it = &(*it)->next;
		}
	}
	return 1;
}

static int build_table(bld *b, const xmlNode *n, pg_block *bl)
{
	bl->table = table(b, n);
	return 1;
}

/* figura -> EMPTY */
static int build_figure(bld *b, const xmlNode *n, pg_block *bl)
{
	bl->file = bld_image(b, n, "archivo");
	const char *w = bld_attr(b, n, "ancho");
	bl->width_pct = w ? bld_number(b, n, "ancho", w) : 100;
	if (w && bl->width_pct > 100) {
		bld_err(b, n, "ancho=\"%s\": a percentage from 1 to 100", w);
		bl->width_pct = 100;
	}
	return bl->file != NULL;
}

/* foto -> EMPTY: archivo, pie (the caption, also its alternative text) */
static int build_photo(bld *b, const xmlNode *n, pg_block *bl)
{
	bl->file = bld_image(b, n, "archivo");
	bl->caption = bld_attr(b, n, "pie");
	bl->width_pct = 100;
	return bl->file != NULL;
}

static int build_pei_figure(bld *b, const xmlNode *n, pg_block *bl)
{
	(void)bl;
	if (!b->p->pei)
		bld_err(b, n, "<%s> draws the PEI, but the plan has no <pei>",
			(const char *)n->name);
	return 1;
}

static int build_link_table(bld *b, const xmlNode *n, pg_block *bl)
{
	build_pei_figure(b, n, bl);
	if (!b->p->action)
		bld_err(b, n, "<tabla-vinculacion> links the PEI to the "
			      "action plan, but the plan has no <plan-accion>");
	return 1;
}

static int build_action_tables(bld *b, const xmlNode *n, pg_block *bl)
{
	(void)bl;
	if (!b->p->action)
		bld_err(b, n, "<tablas-plan-accion> needs a <plan-accion>");
	return 1;
}

/* funciones -> EMPTY: a unit's functions, under its name unless nombre="no" */
static int build_functions(bld *b, const xmlNode *n, pg_block *bl)
{
	bl->unit = bld_resolve(b, n, "unidad", bld_attr(b, n, "unidad"), PG_KIND_UNIT);
	const char *nm = bld_attr(b, n, "nombre");
	bl->show_name = !(nm && !strcmp(nm, "no"));
	if (bl->unit && !bl->unit->functions)
		diag_add(b->d, DIAG_WARNING, b->name, bl->line, 0,
			 "unit \"%s\" has no <funcion> to list", bl->unit->id);
	return bl->unit != NULL;
}

static int build_orgchart(bld *b, const xmlNode *n, pg_block *bl)
{
	(void)bl;
	if (!b->p->units)
		bld_err(b, n, "<organigrama> needs an <organizacion>");
	return 1;
}

/* presupuesto-tabla, presupuesto-grafico -> EMPTY */
static int build_budget(bld *b, const xmlNode *n, pg_block *bl)
{
	const pg_plan *p = b->p;
	bl->part = bld_budget_part(bld_attr(b, n, "parte"));
	if (!p->budget || !p->budget->part[bl->part])
		bld_err(b, n, "<%s parte=\"%s\">: the budget has no <%s>",
			(const char *)n->name, bld_budget_part_name[bl->part],
			bld_budget_part_name[bl->part]);
	return 1;
}

static int build_poas(bld *b, const xmlNode *n, pg_block *bl)
{
	(void)b, (void)n, (void)bl;
	return 1;
}

static const struct {
	const char *element;
	build_fn *build;
} BLOCKS[PG_NBLOCKS] = {
#define BLOCK_ENTRY(kind, element, name) [PG_BLOCK_##kind] = { element, build_##name },
	PG_BLOCKS(BLOCK_ENTRY)
#undef BLOCK_ENTRY
};

/* One block of a section, or NULL if n is not one (or is dropped). */
pg_block *bld_block(bld *b, const xmlNode *n)
{
	int k = 0;
	while (k < PG_NBLOCKS && !bld_is(n, BLOCKS[k].element))
		k++;
	if (k == PG_NBLOCKS)
		return NULL;
	pg_block *bl = arena_new_of(b->a, pg_block);
	bl->kind = (enum pg_block_kind)k;
	bl->line = xml_line(n);
	bl->caption = bld_attr(b, n, "titulo");
	bl->source = bld_attr(b, n, "fuente");
	return BLOCKS[k].build(b, n, bl) ? bl : NULL;
}

/* seccion -> ((bloque)*, seccion*) */
pg_section *bld_section(bld *b, const xmlNode *n)
{
	pg_section *s = arena_new_of(b->a, pg_section);
	s->id = bld_attr(b, n, "id");
	s->title = bld_attr(b, n, "titulo");
	const char *num = bld_attr(b, n, "numerada");
	s->numbered = !(num && !strcmp(num, "no"));
	const char *page = bld_attr(b, n, "pagina");
	s->new_page = !page ? -1 : !strcmp(page, "nueva");
	s->line = xml_line(n);
	pg_block **bt = &s->blocks;
	pg_section **st = &s->children;
	each_child(c, n) {
		if (bld_is(c, "seccion")) {
			*st = bld_section(b, c);
			st = &(*st)->next;
		} else {
			pg_block *bl = bld_block(b, c);
			if (bl) {
				*bt = bl;
				bt = &bl->next;
			}
		}
	}
	return s;
}

/* (p+) as blocks */
pg_block *bld_paragraphs(bld *b, const xmlNode *n)
{
	pg_block *first = NULL, **t = &first;
	each_child(c, n) {
		if (!bld_is(c, "p"))
			continue;
		pg_block *bl = bld_block(b, c);
		*t = bl;
		t = &bl->next;
	}
	return first;
}

