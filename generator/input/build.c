/*
 * build.c — the libxml2 tree becomes the model.
 *
 * The tree may be invalid (the reader reports every problem in one run),
 * so each function takes what it recognises and skips the rest.  Values
 * are parsed here (months, amounts, dates, numbers) and references are
 * resolved through one table of ids that knows the kind of each: the
 * message for a POA naming an objective as its unit says so.
 *
 * Data comes before the narrative in dependency order: signatories, PEI,
 * organisation, risks, action plan, budget, POAs, then the sections that
 * place them.  Functions carry the content model they read as a comment.
 */
#include "input-imp.h"
#include "../base/image.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the messages call each kind of id (enum pg_kind). */
static const char *const kind_name[PG_NKINDS] = {
	"signatory (<firmante>)",
	"strategic area (<area>)",
	"PEI objective (<objetivo>)",
	"strategic scope (<alcance>)",
	"unit (<unidad>)",
	"POA (<poa>)",
	"specific objective (<objetivo-especifico>)",
	"result (<resultado>)",
	"indicator (<indicador>)",
	"activity (<actividad>)",
};

typedef struct b {
	arena *a;
	diag *d;
	const char *name; /* the file, for diagnostics */
	char *dir;	  /* its folder, for images */
	xmlHashTablePtr ids;	   /* id -> its pg_idref */
	xmlHashTablePtr risk_nums; /* "24" -> the first risk numbered 24 */
	int units;		   /* so far */
	pg_plan *p;
} B;

/* ---- small helpers ---- */

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

#define each_child(c, n) \
	for (const xmlNode *c = (n)->children; c; c = c->next) \
		if (c->type == XML_ELEMENT_NODE)

static void err(B *b, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void err(B *b, const xmlNode *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(b->d, DIAG_ERROR, b->name, n ? xml_line(n) : 0, 0, "%s", msg);
}

static int isspace_c(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s with runs of white space made one space, trimmed. */
static char *collapse(B *b, const char *s)
{
	size_t n = strlen(s);
	char *r = arena_alloc(b->a, n + 1), *o = r;
	int space = 1;
	for (; *s; s++) {
		if (isspace_c((unsigned char)*s)) {
			space = 1;
			continue;
		}
		if (space && o != r)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return r;
}

/* Characters (not bytes) of UTF-8 text. */
static long chars(const char *s)
{
	long n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Reports a text longer than PG_MAX_TEXT; `what` names it. */
static void text_limit(B *b, const xmlNode *n, const char *what, long len)
{
	if (len > PG_MAX_TEXT)
		err(b, n, "%s is %ld characters long; a text has at most %d: "
			  "split it", what, len, PG_MAX_TEXT);
}

/* An attribute's value, collapsed; NULL if absent. */
static const char *attr(B *b, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *r = collapse(b, (const char *)v);
	xmlFree(v);
	char what[80];
	snprintf(what, sizeof what, "the attribute %s", name);
	text_limit(b, n, what, chars(r));
	return r;
}

/* The whole text content of an element, collapsed. */
static const char *text_of(B *b, const xmlNode *n)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	char *r = collapse(b, v ? (const char *)v : "");
	xmlFree(v);
	char what[80];
	snprintf(what, sizeof what, "the text of <%s>", (const char *)n->name);
	text_limit(b, n, what, chars(r));
	return r;
}

/* ---- inline text ---- */

struct spanner {
	B *b;
	pg_span *first, **tail, *last_text;
	int space; /* the last character was a space (or nothing yet) */
	long chars; /* so far */
};

static void span_text(struct spanner *s, const char *t, int style)
{
	size_t n = strlen(t);
	char *r = arena_alloc(s->b->a, n + 2), *o = r;
	for (; *t; t++) {
		if (isspace_c((unsigned char)*t)) {
			if (!s->space)
				*o++ = ' ';
			s->space = 1;
			continue;
		}
		*o++ = *t;
		s->space = 0;
	}
	*o = '\0';
	if (o == r)
		return;
	s->chars += chars(r);
	pg_span *sp = arena_new_of(s->b->a, pg_span);
	sp->kind = PG_SPAN_TEXT;
	sp->style = style;
	sp->text = r;
	*s->tail = sp;
	s->tail = &sp->next;
	s->last_text = sp;
}

static void trim_last(struct spanner *s)
{
	if (s->last_text && s->space) {
		char *t = (char *)s->last_text->text;
		size_t n = strlen(t);
		if (n && t[n - 1] == ' ')
			t[n - 1] = '\0';
	}
}

static pg_span *spans_of(B *b, const xmlNode *n);

static void span_walk(struct spanner *s, const xmlNode *n, int style)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			span_text(s, (const char *)c->content, style);
		} else if (is(c, "b")) {
			span_walk(s, c, style | PG_BOLD);
		} else if (is(c, "i")) {
			span_walk(s, c, style | PG_ITALIC);
		} else if (is(c, "br") || is(c, "nota")) {
			int br = is(c, "br");
			if (br)
				trim_last(s);
			pg_span *sp = arena_new_of(s->b->a, pg_span);
			sp->kind = br ? PG_SPAN_BREAK : PG_SPAN_NOTE;
			if (!br)
				sp->note = spans_of(s->b, c);
			*s->tail = sp;
			s->tail = &sp->next;
			if (br)
				s->space = 1;
		} else if (c->type == XML_ENTITY_REF_NODE) {
			span_walk(s, c, style);
		}
	}
}

/* (#PCDATA | b | i | nota | br)* as a list of spans. */
static pg_span *spans_of(B *b, const xmlNode *n)
{
	struct spanner s = { b, NULL, NULL, NULL, 1, 0 };
	s.tail = &s.first;
	if (n) {
		span_walk(&s, n, 0);
		char what[80];
		snprintf(what, sizeof what, "the text of <%s>", (const char *)n->name);
		text_limit(b, n, what, s.chars);
	}
	trim_last(&s);
	return s.first;
}

static pg_item *item(B *b, const xmlNode *n)
{
	pg_item *it = arena_new_of(b->a, pg_item);
	it->text = spans_of(b, n);
	it->line = xml_line(n);
	return it;
}

/* ---- values ---- */

/* A positive integer, or 0 with a diagnostic. */
static int number(B *b, const xmlNode *n, const char *name, const char *v)
{
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (!*v || *end || errno || x < 1 || x > 100000 || *v == '+' ||
	    *v == '-') {
		err(b, n, "%s=\"%s\" is not a number from 1 to 100000", name, v);
		return 0;
	}
	return (int)x;
}

/* meses="1-3 7 9-12": a 12-bit mask. */
static unsigned months(B *b, const xmlNode *n, const char *v)
{
	unsigned mask = 0;
	const char *s = v;
	while (*s) {
		while (*s == ' ' || *s == ',')
			s++;
		if (!*s)
			break;
		const char *tok = s;
		while (*s && *s != ' ' && *s != ',')
			s++;
		int len = (int)(s - tok);
		long from, to;
		char *end;
		from = strtol(tok, &end, 10);
		if (end == tok || (*end != '-' && end != s)) {
			err(b, n, "meses=\"%s\": \"%.*s\" is not a month or a "
				  "range of months (1 to 12, e.g. \"1-3 7\")",
			    v, len, tok);
			continue;
		}
		to = from;
		if (*end == '-') {
			const char *t2 = end + 1;
			to = strtol(t2, &end, 10);
			if (end == t2 || end != s) {
				err(b, n, "meses=\"%s\": \"%.*s\" is not a range "
					  "of months (e.g. \"4-6\")", v, len, tok);
				continue;
			}
		}
		if (from < 1 || from > 12 || to < 1 || to > 12) {
			err(b, n, "meses=\"%s\": month %ld is outside 1-12", v,
			    from < 1 || from > 12 ? from : to);
			continue;
		}
		if (to < from) {
			err(b, n, "meses=\"%s\": the range %ld-%ld is backwards; "
				  "write %ld-%ld", v, from, to, to, from);
			continue;
		}
		for (long m = from; m <= to; m++)
			mask |= 1u << (m - 1);
	}
	return mask;
}

/* The largest amount, in currency units: a thousand billion.  With it no
 * sum of the lines a file can hold overflows 64 bits. */
#define PG_MAX_UNITS 999999999999LL

/* monto="1234567.89": cents; -1 with a diagnostic if malformed. */
static int64_t amount(B *b, const xmlNode *n, const char *name, const char *v)
{
	if (!v)
		return -1;
	const char *s = v;
	if (*s == '-') {
		err(b, n, "%s=\"%s\" is negative; amounts must be 0 or more",
		    name, v);
		return -1;
	}
	int64_t units = 0;
	int digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		units = units * 10 + (*s - '0');
		if (units > PG_MAX_UNITS) {
			err(b, n, "%s=\"%s\" is too large (at most %lld)", name, v,
			    (long long)PG_MAX_UNITS);
			return -1;
		}
	}
	int cents = 0, dec = 0;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9' && dec < 3; s++, dec++)
			cents = cents * 10 + (*s - '0');
		if (dec == 1)
			cents *= 10;
	}
	if (!digits || *s || dec > 2 || (dec == 0 && s > v && s[-1] == '.')) {
		err(b, n, "%s=\"%s\" is not an amount: write it like 1234567.89 "
			  "(digits, a point, at most two decimals, no thousands "
			  "separators)", name, v);
		return -1;
	}
	return units * 100 + cents;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD (or YYYY-MM if month_ok); 1 if well formed. */
static int date_ok(const char *v, int month_ok)
{
	int y, m, dd, n = 0;
	size_t len = strlen(v);
	if (len == 10 && sscanf(v, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 &&
	    n == 10) {
		static const int mdays[] = { 31, 28, 31, 30, 31, 30,
					     31, 31, 30, 31, 30, 31 };
		if (y < 1900 || m < 1 || m > 12 || dd < 1)
			return 0;
		return dd <= mdays[m - 1] + (m == 2 && leap(y));
	}
	if (month_ok && len == 7 && sscanf(v, "%4d-%2d%n", &y, &m, &n) == 2 &&
	    n == 7)
		return y >= 1900 && m >= 1 && m <= 12;
	return 0;
}

static const char *date(B *b, const xmlNode *n, const char *name,
			const char *v, int month_ok)
{
	if (v && !date_ok(v, month_ok)) {
		err(b, n, "%s=\"%s\" is not a date: write YYYY-MM-DD%s", name, v,
		    month_ok ? " or YYYY-MM" : "");
		return NULL;
	}
	return v;
}

/* An image file named by an attribute: a PNG or JPEG that decodes (it
 * is kept decoded for the devices, generator/base/image.h). */
static const char *image(B *b, const xmlNode *n, const char *name)
{
	const char *v = attr(b, n, name);
	if (!v)
		return NULL;
	const char *path = v[0] == '/' || !b->dir[0]
				   ? v
				   : arena_printf(b->a, "%s/%s", b->dir, v);
	char why[256];
	cairo_surface_t *s = pg_image_load(path, why, sizeof why);
	if (!s) {
		err(b, n, "%s=\"%s\": cannot read the image %s: %s", name, v,
		    path, why);
		return NULL;
	}
	cairo_surface_destroy(s);
	return path;
}

/* ---- ids and references ---- */

static void declare(B *b, const xmlNode *n, const char *id, enum pg_kind k,
		    void *ptr)
{
	if (!id || !*id)
		return;
	pg_idref *r = arena_new_of(b->a, pg_idref);
	*r = (pg_idref){ id, k, ptr, xml_line(n) };
	/* Duplicates are the DTD's to report ("ID ... already defined"). */
	xmlHashAddEntry(b->ids, (const xmlChar *)id, r);
}

/* The node of kind k that id names, or NULL with a diagnostic. */
static void *resolve(B *b, const xmlNode *n, const char *attrname,
		     const char *id, enum pg_kind k)
{
	if (!id)
		return NULL;
	pg_idref *r = xmlHashLookup(b->ids, (const xmlChar *)id);
	if (!r) {
		err(b, n, "%s=\"%s\": no %s has this id", attrname, id,
		    kind_name[k]);
		return NULL;
	}
	if (r->kind != (int)k) {
		err(b, n, "%s=\"%s\" is the id of a %s declared at %s:%d, "
			  "not of a %s", attrname, id, kind_name[r->kind],
		    b->name, r->line, kind_name[k]);
		return NULL;
	}
	return r->node;
}

/* IDREFS: a NULL-terminated array of resolved pointers. */
static const void **resolve_list(B *b, const xmlNode *n, const char *attrname,
				 enum pg_kind k)
{
	const char *v = attr(b, n, attrname);
	int count = 0;
	for (const char *s = v; s && *s; s++)
		if (*s != ' ' && (s == v || s[-1] == ' '))
			count++;
	const void **r = arena_array_of(b->a, const void *, count + 1);
	int i = 0;
	for (const char *s = v; s && *s;) {
		const char *e = strchr(s, ' ');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		const char *id = arena_strndup(b->a, s, len);
		void *p = resolve(b, n, attrname, id, k);
		if (p)
			r[i++] = p;
		s = e ? e + 1 : s + len;
	}
	return r;
}

struct ids {
	pg_idref *v;
	int n;
};

static void ids_add(void *payload, void *data, const xmlChar *name)
{
	(void)name;
	struct ids *ids = data;
	ids->v[ids->n++] = *(const pg_idref *)payload;
}

/* The ids declared, as the model's index of p. */
static void index_ids(B *b, pg_plan *p)
{
	int size = xmlHashSize(b->ids);
	struct ids ids = { arena_array_of(b->a, pg_idref, size > 0 ? size : 1), 0 };
	xmlHashScan(b->ids, ids_add, &ids);
	pg_plan_set_ids(p, ids.v, ids.n);
}

/* ---- cover and sign-off ---- */

static enum pg_align align(const char *v)
{
	if (!v)
		return PG_ALIGN_LEFT;
	if (!strcmp(v, "centro"))
		return PG_ALIGN_CENTER;
	if (!strcmp(v, "derecha"))
		return PG_ALIGN_RIGHT;
	return PG_ALIGN_LEFT;
}

/* portada -> (titulo, subtitulo?, institucion*, fecha?, logo*) */
static void cover(B *b, const xmlNode *n)
{
	pg_plan *p = b->p;
	pg_item **it = &p->cover_lines;
	pg_logo **lg = &p->logos;
	each_child(c, n) {
		if (is(c, "titulo")) {
			p->title = text_of(b, c);
		} else if (is(c, "subtitulo")) {
			p->subtitle = text_of(b, c);
		} else if (is(c, "institucion")) {
			*it = item(b, c);
			it = &(*it)->next;
		} else if (is(c, "fecha")) {
			p->cover_date = text_of(b, c);
		} else if (is(c, "logo")) {
			const char *pos = attr(b, c, "posicion");
			pg_logo *l = arena_new_of(b->a, pg_logo);
			l->file = image(b, c, "archivo");
			l->position = pos ? align(pos) : PG_ALIGN_CENTER;
			l->line = xml_line(c);
			if (l->file) {
				*lg = l;
				lg = &l->next;
			}
		}
	}
}

/* firmantes -> (firmante+) */
static void signatories(B *b, const xmlNode *n)
{
	pg_signatory **t = &b->p->signatories;
	each_child(c, n) {
		if (!is(c, "firmante"))
			continue;
		pg_signatory *s = arena_new_of(b->a, pg_signatory);
		s->id = attr(b, c, "id");
		s->cargo = attr(b, c, "cargo");
		s->name = attr(b, c, "nombre");
		s->signature = image(b, c, "firma");
		s->stamp = image(b, c, "sello");
		s->line = xml_line(c);
		declare(b, c, s->id, PG_KIND_SIGNATORY, s);
		*t = s;
		t = &s->next;
	}
}

/* aprobacion: firmantes IDREFS, motivo, lugar, fecha */
static void approval(B *b, const xmlNode *n)
{
	pg_plan *p = b->p;
	p->approvers = (const pg_signatory **)resolve_list(b, n, "firmantes",
							   PG_KIND_SIGNATORY);
	int count = 0;
	while (p->approvers[count])
		count++;
	if (count > PG_MAX_APPROVERS)
		err(b, n, "<aprobacion> names %d signatories; at most %d sign "
			  "a plan off (their blocks share every page's foot)",
		    count, PG_MAX_APPROVERS);
	p->approval_reason = attr(b, n, "motivo");
	p->approval_place = attr(b, n, "lugar");
	p->approval_date = date(b, n, "fecha", attr(b, n, "fecha"), 0);
}

/* ---- narrative ---- */

static pg_block *paragraphs(B *b, const xmlNode *n);

/* tabla -> (fila+); fila -> (celda+) */
static pg_table *table(B *b, const xmlNode *n)
{
	pg_table *t = arena_new_of(b->a, pg_table);
	pg_row **rt = &t->rows;
	each_child(r, n) {
		if (!is(r, "fila"))
			continue;
		pg_row *row = arena_new_of(b->a, pg_row);
		const char *k = attr(b, r, "tipo");
		row->kind = !k				    ? PG_ROW_NORMAL
			    : !strcmp(k, "encabezado") ? PG_ROW_HEADER
			    : !strcmp(k, "grupo")      ? PG_ROW_GROUP
			    : !strcmp(k, "total")      ? PG_ROW_TOTAL
						       : PG_ROW_NORMAL;
		row->line = xml_line(r);
		pg_cell **ct = &row->cells;
		each_child(c, r) {
			if (!is(c, "celda"))
				continue;
			pg_cell *cell = arena_new_of(b->a, pg_cell);
			cell->text = spans_of(b, c);
			const char *rs = attr(b, c, "filas");
			const char *cs = attr(b, c, "columnas");
			cell->rows = rs ? number(b, c, "filas", rs) : 1;
			cell->cols = cs ? number(b, c, "columnas", cs) : 1;
			if (cell->cols > PG_MAX_TABLE_COLUMNS) {
				err(b, c, "columnas=\"%s\": a table has at most %d "
					  "columns", cs, PG_MAX_TABLE_COLUMNS);
				cell->cols = 1;
			}
			if (cell->rows < 1)
				cell->rows = 1;
			if (cell->cols < 1)
				cell->cols = 1;
			cell->align = align(attr(b, c, "alinea"));
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
		err(b, n, "this table has %d rows; a table has at most %d: "
			  "split it", nrows, PG_MAX_TABLE_ROWS);
		t->ncols = 1;
		t->widths = arena_array_of(b->a, double, 1);
		return t;
	}
	/* Shape: every row covers the same columns (merged cells counted). */
	int ncols = -1;
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
			err(b, n, "a table may have at most %d columns", PG_MAX_TABLE_COLUMNS);
			break;
		}
		if (ncols < 0) {
			ncols = col;
		} else if (col != ncols) {
			diag_add(b->d, DIAG_ERROR, b->name, r->line, 0,
				 "this row covers %d columns, the table's first "
				 "row %d (merged cells counted)", col, ncols);
		}
	}
	free(busy);
	t->ncols = ncols > 0 ? ncols : 1;
	t->widths = arena_array_of(b->a, double, t->ncols);
	const char *w = attr(b, n, "anchos");
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
			err(b, n, "anchos=\"%s\": give %d positive widths, one "
				  "per column", w, t->ncols);
			given = 0;
		}
	}
	for (int i = 0; i < t->ncols; i++)
		t->widths[i] = given ? t->widths[i] / sum : 1.0 / t->ncols;
	return t;
}

static enum pg_budget_part budget_part(const char *v)
{
	if (v && !strcmp(v, "egresos"))
		return PG_EXPENSES;
	if (v && !strcmp(v, "fuentes"))
		return PG_SOURCES;
	if (v && !strcmp(v, "donantes"))
		return PG_DONORS;
	return PG_INCOME;
}

static const char *const budget_part_name[] = { "ingresos", "egresos",
						"fuentes", "donantes" };

/* One block of a section, or NULL if n is not one. */
static pg_block *block(B *b, const xmlNode *n)
{
	static const struct {
		const char *name;
		enum pg_block_kind kind;
	} kinds[] = {
		{ "p", PG_BLOCK_PARAGRAPH },
		{ "subtitulo", PG_BLOCK_SUBTITLE },
		{ "lista", PG_BLOCK_LIST },
		{ "tabla", PG_BLOCK_TABLE },
		{ "figura", PG_BLOCK_FIGURE },
		{ "figura-pei", PG_BLOCK_PEI_FIGURE },
		{ "tabla-vinculacion", PG_BLOCK_LINK_TABLE },
		{ "tablas-plan-accion", PG_BLOCK_ACTION_TABLES },
		{ "funciones", PG_BLOCK_FUNCTIONS },
		{ "organigrama", PG_BLOCK_ORGCHART },
		{ "presupuesto-tabla", PG_BLOCK_BUDGET_TABLE },
		{ "presupuesto-grafico", PG_BLOCK_BUDGET_CHART },
		{ "poas", PG_BLOCK_POAS },
	};
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (is(n, kinds[i].name))
			break;
	if (i == sizeof kinds / sizeof *kinds)
		return NULL;
	pg_block *bl = arena_new_of(b->a, pg_block);
	bl->kind = kinds[i].kind;
	bl->line = xml_line(n);
	bl->caption = attr(b, n, "titulo");
	bl->source = attr(b, n, "fuente");
	pg_plan *p = b->p;
	switch (bl->kind) {
	case PG_BLOCK_PARAGRAPH:
	case PG_BLOCK_SUBTITLE:
		bl->text = spans_of(b, n);
		break;
	case PG_BLOCK_LIST: {
		const char *t = attr(b, n, "tipo");
		bl->list = t && !strcmp(t, "letras")	? PG_LIST_LETTERS
			   : t && !strcmp(t, "numeros") ? PG_LIST_NUMBERS
							: PG_LIST_BULLETS;
		pg_item **it = &bl->items;
		each_child(c, n) {
			if (is(c, "item")) {
				*it = item(b, c);
				it = &(*it)->next;
			}
		}
		break;
	}
	case PG_BLOCK_TABLE:
		bl->table = table(b, n);
		break;
	case PG_BLOCK_FIGURE: {
		bl->file = image(b, n, "archivo");
		const char *w = attr(b, n, "ancho");
		bl->width_pct = w ? number(b, n, "ancho", w) : 100;
		if (w && bl->width_pct > 100) {
			err(b, n, "ancho=\"%s\": a percentage from 1 to 100", w);
			bl->width_pct = 100;
		}
		if (!bl->file)
			return NULL;
		break;
	}
	case PG_BLOCK_PEI_FIGURE:
	case PG_BLOCK_LINK_TABLE:
		if (!p->pei)
			err(b, n, "<%s> draws the PEI, but the plan has no <pei>",
			    (const char *)n->name);
		if (bl->kind == PG_BLOCK_LINK_TABLE && !p->action)
			err(b, n, "<tabla-vinculacion> links the PEI to the "
				  "action plan, but the plan has no <plan-accion>");
		break;
	case PG_BLOCK_ACTION_TABLES:
		if (!p->action)
			err(b, n, "<tablas-plan-accion> needs a <plan-accion>");
		break;
	case PG_BLOCK_FUNCTIONS: {
		bl->unit = resolve(b, n, "unidad", attr(b, n, "unidad"), PG_KIND_UNIT);
		const char *nm = attr(b, n, "nombre");
		bl->show_name = !(nm && !strcmp(nm, "no"));
		/* layouts/plan.c still reads the old place: until it reads
		 * show_name, width_pct says it too. */
		bl->width_pct = bl->show_name;
		if (bl->unit && !bl->unit->functions)
			diag_add(b->d, DIAG_WARNING, b->name, bl->line, 0,
				 "unit \"%s\" has no <funcion> to list",
				 bl->unit->id);
		if (!bl->unit)
			return NULL;
		break;
	}
	case PG_BLOCK_ORGCHART:
		if (!p->units)
			err(b, n, "<organigrama> needs an <organizacion>");
		break;
	case PG_BLOCK_BUDGET_TABLE:
	case PG_BLOCK_BUDGET_CHART:
		bl->part = budget_part(attr(b, n, "parte"));
		if (!p->budget || !p->budget->part[bl->part])
			err(b, n, "<%s parte=\"%s\">: the budget has no <%s>",
			    (const char *)n->name, budget_part_name[bl->part],
			    budget_part_name[bl->part]);
		break;
	case PG_BLOCK_POAS:
		break;
	}
	return bl;
}

/* seccion -> ((bloque)*, seccion*) */
static pg_section *section(B *b, const xmlNode *n)
{
	pg_section *s = arena_new_of(b->a, pg_section);
	s->id = attr(b, n, "id");
	s->title = attr(b, n, "titulo");
	const char *num = attr(b, n, "numerada");
	s->numbered = !(num && !strcmp(num, "no"));
	s->line = xml_line(n);
	pg_block **bt = &s->blocks;
	pg_section **st = &s->children;
	each_child(c, n) {
		if (is(c, "seccion")) {
			*st = section(b, c);
			st = &(*st)->next;
		} else {
			pg_block *bl = block(b, c);
			if (bl) {
				*bt = bl;
				bt = &bl->next;
			}
		}
	}
	return s;
}

/* (p+) as blocks */
static pg_block *paragraphs(B *b, const xmlNode *n)
{
	pg_block *first = NULL, **t = &first;
	each_child(c, n) {
		if (!is(c, "p"))
			continue;
		pg_block *bl = block(b, c);
		*t = bl;
		t = &bl->next;
	}
	return first;
}

/* ---- strategic plan ---- */

/* pei -> (mision?, vision?, meta?, valores?, area+) */
static void pei(B *b, const xmlNode *n)
{
	pg_pei *e = arena_new_of(b->a, pg_pei);
	b->p->pei = e;
	e->title = attr(b, n, "titulo");
	e->period = attr(b, n, "periodo");
	e->mission = text_of(b, child(n, "mision"));
	e->vision = text_of(b, child(n, "vision"));
	e->goal = text_of(b, child(n, "meta"));
	pg_item **vt = &e->values;
	const xmlNode *vals = child(n, "valores");
	if (vals) {
		each_child(v, vals) {
			if (is(v, "valor")) {
				*vt = item(b, v);
				vt = &(*vt)->next;
			}
		}
	}
	pg_area **at = &e->areas;
	each_child(c, n) {
		if (!is(c, "area"))
			continue;
		pg_area *ar = arena_new_of(b->a, pg_area);
		ar->id = attr(b, c, "id");
		ar->num = number(b, c, "num", attr(b, c, "num"));
		ar->name = attr(b, c, "nombre");
		ar->line = xml_line(c);
		declare(b, c, ar->id, PG_KIND_AREA, ar);
		const xmlNode *desc = child(c, "descripcion");
		if (desc)
			ar->description = paragraphs(b, desc);
		pg_objective **ot = &ar->objectives;
		each_child(o, c) {
			if (!is(o, "objetivo"))
				continue;
			pg_objective *ob = arena_new_of(b->a, pg_objective);
			ob->id = attr(b, o, "id");
			ob->num = number(b, o, "num", attr(b, o, "num"));
			ob->text = text_of(b, o);
			ob->area = ar;
			ob->line = xml_line(o);
			declare(b, o, ob->id, PG_KIND_OBJECTIVE, ob);
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
static pg_unit *unit(B *b, const xmlNode *n, const pg_unit *parent)
{
	pg_unit *u = arena_new_of(b->a, pg_unit);
	u->id = attr(b, n, "id");
	u->name = attr(b, n, "nombre");
	u->acronym = attr(b, n, "siglas");
	u->level = level(attr(b, n, "nivel"));
	u->parent = parent;
	u->line = xml_line(n);
	if (++b->units == PG_MAX_ORG_UNITS + 1)
		err(b, n, "more than %d units in the organisation (its chart "
			  "takes time in the square of their number)",
		    PG_MAX_ORG_UNITS);
	declare(b, n, u->id, PG_KIND_UNIT, u);
	pg_item **ft = &u->functions;
	pg_unit **ut = &u->children;
	each_child(c, n) {
		if (is(c, "funcion")) {
			*ft = item(b, c);
			ft = &(*ft)->next;
		} else if (is(c, "unidad")) {
			*ut = unit(b, c, u);
			ut = &(*ut)->next;
		}
	}
	return u;
}

/* ---- budget ---- */

/* ingresos | egresos | fuentes | donantes -> (linea | fuente | donante)+ */
static pg_money_table *money(B *b, const xmlNode *n, enum pg_budget_part part)
{
	pg_money_table *t = arena_new_of(b->a, pg_money_table);
	t->title = attr(b, n, "titulo");
	t->total_label = attr(b, n, "etiqueta-total");
	t->line = xml_line(n);
	pg_money_line **lt = &t->lines;
	int64_t sum = 0;
	int complete = 1, nlines = 0;
	each_child(c, n) {
		nlines++;
		pg_money_line *l = arena_new_of(b->a, pg_money_line);
		l->label = text_of(b, c);
		l->line = xml_line(c);
		l->cents = amount(b, c, "monto", attr(b, c, "monto"));
		if (l->cents < 0) {
			complete = 0;
			l->cents = 0;
		}
		if (part == PG_SOURCES) {
			const char *k = attr(b, c, "tipo");
			l->source = k && !strcmp(k, "donaciones") ? PG_DONATIONS
				    : k && !strcmp(k, "otros")	  ? PG_OTHER_FUNDS
								  : PG_OWN_FUNDS;
		}
		if (part == PG_DONORS)
			l->end_date = date(b, c, "fin", attr(b, c, "fin"), 0);
		if (__builtin_add_overflow(sum, l->cents, &sum)) {
			err(b, c, "the lines of <%s> add up to more than plangen "
				  "can count", budget_part_name[part]);
			sum = INT64_MAX;
			complete = 0;
		}
		*lt = l;
		lt = &l->next;
	}
	/* The table: a header row, the lines, the total. */
	if (nlines + 2 > PG_MAX_TABLE_ROWS)
		err(b, n, "<%s> has %d lines; its table has at most %d rows",
		    budget_part_name[part], nlines, PG_MAX_TABLE_ROWS);
	const char *tot = attr(b, n, "total");
	t->total = sum;
	if (tot) {
		int64_t stated = amount(b, n, "total", tot);
		if (stated >= 0) {
			t->has_total = 1;
			t->total = stated;
			/* Each printed line is rounded to the cent, so their
			 * sum may miss the exact total by half a cent a line
			 * (the 2016 plan's expenses do, by one cent). */
			int64_t slack = (nlines + 1) / 2;
			if (complete && (stated > sum + slack ||
					 sum > stated + slack)) {
				int64_t diff = stated > sum ? stated - sum
							    : sum - stated;
				err(b, n, "total=\"%s\" but the lines of <%s> add "
					  "up to %lld.%02lld (a difference of "
					  "%lld.%02lld)", tot, budget_part_name[part],
				    (long long)(sum / 100), (long long)(sum % 100),
				    (long long)(diff / 100),
				    (long long)(diff % 100));
			}
		}
	}
	return t;
}

/* presupuesto -> (ingresos?, egresos?, fuentes?, donantes?) */
static void budget(B *b, const xmlNode *n)
{
	pg_budget *bu = arena_new_of(b->a, pg_budget);
	b->p->budget = bu;
	bu->currency = attr(b, n, "moneda");
	if (!bu->currency)
		bu->currency = "US$";
	for (int part = 0; part < 4; part++) {
		const xmlNode *c = child(n, budget_part_name[part]);
		if (c)
			bu->part[part] = money(b, c, (enum pg_budget_part)part);
	}
}

/* ---- risks ---- */

/* riesgos -> (riesgo-institucional+) */
static void risks(B *b, const xmlNode *n)
{
	pg_risk **t = &b->p->risks;
	each_child(c, n) {
		if (!is(c, "riesgo-institucional"))
			continue;
		pg_risk *r = arena_new_of(b->a, pg_risk);
		r->num = number(b, c, "num", attr(b, c, "num"));
		r->text = text_of(b, c);
		r->line = xml_line(c);
		char key[16];
		snprintf(key, sizeof key, "%d", r->num);
		/* Repeated numbers are check.c's to report. */
		xmlHashAddEntry(b->risk_nums, (const xmlChar *)key, r);
		*t = r;
		t = &r->next;
	}
}

static const pg_risk *risk_by_num(B *b, int num)
{
	char key[16];
	snprintf(key, sizeof key, "%d", num);
	return xmlHashLookup(b->risk_nums, (const xmlChar *)key);
}

/* ---- POAs ---- */

/* responsable?, financiamiento?, riesgo* */
static void exec_of(B *b, const xmlNode *n, pg_exec *e)
{
	pg_riskref **rt = &e->risks;
	int count = 0;
	each_child(c, n) {
		if (is(c, "responsable")) {
			e->responsible = spans_of(b, c);
		} else if (is(c, "financiamiento")) {
			e->funding = spans_of(b, c);
		} else if (is(c, "riesgo")) {
			pg_riskref *r = arena_new_of(b->a, pg_riskref);
			r->line = xml_line(c);
			r->text = spans_of(b, c);
			const char *num = attr(b, c, "num");
			if (num) {
				int k = number(b, c, "num", num);
				r->risk = k ? risk_by_num(b, k) : NULL;
				if (k && !r->risk)
					err(b, c, "riesgo num=\"%s\": the risk "
						  "catalogue (<riesgos>) has no "
						  "risk %d", num, k);
			} else if (!r->text) {
				err(b, c, "an empty <riesgo>: write its text "
					  "or cite the catalogue with num");
			}
			*rt = r;
			rt = &r->next;
			if (++count == PG_MAX_CELL_RISKS + 1)
				err(b, c, "more than %d risks for one cell of the "
					  "matrix", PG_MAX_CELL_RISKS);
		}
	}
}

static pg_item *sources_of(B *b, const xmlNode *n)
{
	pg_item *first = NULL, **t = &first;
	each_child(c, n) {
		if (is(c, "verificacion")) {
			*t = item(b, c);
			t = &(*t)->next;
		}
	}
	return first;
}

/* actividad -> (texto, verificacion*, responsable?, financiamiento?, riesgo*) */
static pg_activity *activity(B *b, const xmlNode *n)
{
	pg_activity *a = arena_new_of(b->a, pg_activity);
	a->id = attr(b, n, "id");
	a->code = attr(b, n, "codigo");
	a->line = xml_line(n);
	const char *m = attr(b, n, "meses");
	int before = diag_errors(b->d);
	a->months = m ? months(b, n, m) : 0;
	if (!a->months && diag_errors(b->d) == before)
		diag_add(b->d, DIAG_WARNING, b->name, a->line, 0,
			 "activity \"%s\" runs in no month: give it "
			 "meses=\"...\"", a->id ? a->id : "");
	a->text = spans_of(b, child(n, "texto"));
	a->sources = sources_of(b, n);
	exec_of(b, n, &a->exec);
	declare(b, n, a->id, PG_KIND_ACTIVITY, a);
	return a;
}

/* indicador -> (texto, verificacion*, responsable?, financiamiento?,
 *               riesgo*, actividad*) */
static pg_indicator *indicator(B *b, const xmlNode *n)
{
	pg_indicator *in = arena_new_of(b->a, pg_indicator);
	in->id = attr(b, n, "id");
	in->code = attr(b, n, "codigo");
	in->line = xml_line(n);
	const char *plazo = attr(b, n, "plazo");
	if (plazo) {
		if (date_ok(plazo, 0)) {
			in->deadline = (plazo[5] - '0') * 10 + (plazo[6] - '0');
		} else {
			char *end;
			long mth = strtol(plazo, &end, 10);
			if (*end || end == plazo || mth < 1 || mth > 12)
				err(b, n, "plazo=\"%s\" is not a month (1-12) "
					  "or a date (YYYY-MM-DD)", plazo);
			else
				in->deadline = (int)mth;
		}
	}
	in->text = spans_of(b, child(n, "texto"));
	in->sources = sources_of(b, n);
	exec_of(b, n, &in->exec);
	declare(b, n, in->id, PG_KIND_INDICATOR, in);
	pg_activity **t = &in->activities;
	each_child(c, n) {
		if (is(c, "actividad")) {
			*t = activity(b, c);
			t = &(*t)->next;
		}
	}
	return in;
}

/* resultado -> (texto, responsable?, financiamiento?, riesgo*, indicador*) */
static pg_result *result(B *b, const xmlNode *n)
{
	pg_result *r = arena_new_of(b->a, pg_result);
	r->id = attr(b, n, "id");
	r->code = attr(b, n, "codigo");
	r->line = xml_line(n);
	r->text = spans_of(b, child(n, "texto"));
	exec_of(b, n, &r->exec);
	declare(b, n, r->id, PG_KIND_RESULT, r);
	pg_indicator **t = &r->indicators;
	each_child(c, n) {
		if (is(c, "indicador")) {
			*t = indicator(b, c);
			t = &(*t)->next;
		}
	}
	return r;
}

static pg_header *headers(B *b, const xmlNode *n)
{
	pg_header *first = NULL, **t = &first;
	each_child(c, n) {
		if (!is(c, "cabecera"))
			continue;
		pg_header *h = arena_new_of(b->a, pg_header);
		h->label = attr(b, c, "etiqueta");
		h->text = spans_of(b, c);
		h->line = xml_line(c);
		*t = h;
		t = &h->next;
	}
	return first;
}

/* objetivo-especifico -> (cabecera*, texto, resultado+) */
static pg_specific *specific(B *b, const xmlNode *n)
{
	pg_specific *s = arena_new_of(b->a, pg_specific);
	s->id = attr(b, n, "id");
	s->num = attr(b, n, "num");
	s->label = attr(b, n, "etiqueta");
	s->line = xml_line(n);
	s->pei = (const pg_objective **)resolve_list(b, n, "pei", PG_KIND_OBJECTIVE);
	s->scope = resolve(b, n, "alcance", attr(b, n, "alcance"), PG_KIND_SCOPE);
	s->headers = headers(b, n);
	s->text = spans_of(b, child(n, "texto"));
	declare(b, n, s->id, PG_KIND_SPECIFIC, s);
	pg_result **t = &s->results;
	each_child(c, n) {
		if (is(c, "resultado")) {
			*t = result(b, c);
			t = &(*t)->next;
		}
	}
	return s;
}

static pg_specific *specifics(B *b, const xmlNode *n)
{
	pg_specific *first = NULL, **t = &first;
	each_child(c, n) {
		if (is(c, "objetivo-especifico")) {
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
static pg_poa *poa(B *b, const xmlNode *n)
{
	pg_poa *p = arena_new_of(b->a, pg_poa);
	p->id = attr(b, n, "id");
	p->title = attr(b, n, "titulo");
	p->line = xml_line(n);
	p->unit = resolve(b, n, "unidad", attr(b, n, "unidad"), PG_KIND_UNIT);
	p->area = resolve(b, n, "area", attr(b, n, "area"), PG_KIND_AREA);
	p->objectives = (const pg_objective **)resolve_list(b, n, "objetivos",
							    PG_KIND_OBJECTIVE);
	declare(b, n, p->id, PG_KIND_POA, p);
	const xmlNode *cols = child(n, "columnas");
	if (cols) {
		for (int i = 0; i < PG_NCOLUMNS; i++)
			p->label[i] = attr(b, cols, column_attr[i]);
		const char *m = attr(b, cols, "meses");
		if (m) {
			int k = 0, wide = 0;
			for (const char *s = m; *s && k <= 12;) {
				const char *e = strchr(s, ' ');
				size_t len = e ? (size_t)(e - s) : strlen(s);
				if (k < 12)
					p->month_label[k] =
						arena_strndup(b->a, s, len);
				if (k < 12 && chars(p->month_label[k]) >
						      PG_MAX_MONTH_LABEL)
					wide = 1;
				k++;
				s = e ? e + 1 : s + len;
			}
			if (wide && k == 12) {
				err(b, cols, "meses=\"%s\": a month label has at "
					     "most %d characters (its column is "
					     "narrow)", m, PG_MAX_MONTH_LABEL);
				memset(p->month_label, 0, sizeof p->month_label);
			}
			if (k != 12) {
				err(b, cols, "meses=\"%s\": give twelve month "
					     "labels separated by spaces, not %d",
				    m, k);
				memset(p->month_label, 0, sizeof p->month_label);
			}
		}
	}
	p->headers = headers(b, n);
	pg_part **t = &p->parts;
	each_child(c, n) {
		if (!is(c, "apartado"))
			continue;
		pg_part *part = arena_new_of(b->a, pg_part);
		part->title = attr(b, c, "titulo");
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

/* alcance -> (texto, resultado*) */
static void action_plan(B *b, const xmlNode *n)
{
	pg_action_plan *ap = arena_new_of(b->a, pg_action_plan);
	b->p->action = ap;
	ap->title = attr(b, n, "titulo");
	pg_scope **t = &ap->scopes;
	each_child(c, n) {
		if (!is(c, "alcance"))
			continue;
		pg_scope *s = arena_new_of(b->a, pg_scope);
		s->id = attr(b, c, "id");
		s->line = xml_line(c);
		s->objective = resolve(b, c, "objetivo", attr(b, c, "objetivo"),
				       PG_KIND_OBJECTIVE);
		s->text = spans_of(b, child(c, "texto"));
		declare(b, c, s->id, PG_KIND_SCOPE, s);
		pg_result **rt = &s->results;
		each_child(r, c) {
			if (is(r, "resultado")) {
				*rt = result(b, r);
				rt = &(*rt)->next;
			}
		}
		*t = s;
		t = &s->next;
	}
}

/* ---- the plan ---- */

/* plan -> (portada, firmantes?, aprobacion?, cuerpo, pei?, plan-accion?,
 *          organizacion?, presupuesto?, riesgos?, poa*) */
pg_plan *build_plan(xmlDocPtr doc, const char *name, arena *a, diag *d)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!is(root, "plan"))
		return NULL;
	B b = { a, d, name, NULL, xmlHashCreate(256), xmlHashCreate(64), 0, NULL };
	if (!b.ids || !b.risk_nums)
		pg_oom();
	const char *slash = strrchr(name, '/');
	b.dir = arena_strndup(a, name, slash ? (size_t)(slash - name) : 0);
	if (slash && slash == name)
		b.dir = "/";
	pg_plan *p = b.p = arena_new_of(a, pg_plan);
	p->file = arena_strdup(a, name);

	const char *y = attr(&b, root, "anio");
	p->year = y ? number(&b, root, "anio", y) : 0;
	if (y && (p->year < 1900 || p->year > 2999))
		err(&b, root, "anio=\"%s\" is not a year (four digits)", y);
	p->date = date(&b, root, "fecha", attr(&b, root, "fecha"), 1);
	p->institution = attr(&b, root, "institucion");
	p->language = attr(&b, root, "idioma");
	if (!p->language)
		p->language = "es";
	const char *paper = attr(&b, root, "papel");
	p->paper = paper && !strcmp(paper, "A4") ? PG_A4 : PG_LETTER;

	const xmlNode *n;
	if ((n = child(root, "portada")))
		cover(&b, n);
	if ((n = child(root, "firmantes")))
		signatories(&b, n);
	if ((n = child(root, "aprobacion")))
		approval(&b, n);
	if ((n = child(root, "pei")))
		pei(&b, n);
	if ((n = child(root, "organizacion"))) {
		p->org_title = attr(&b, n, "titulo");
		pg_unit **t = &p->units;
		each_child(c, n) {
			if (is(c, "unidad")) {
				*t = unit(&b, c, NULL);
				t = &(*t)->next;
			}
		}
	}
	if ((n = child(root, "riesgos")))
		risks(&b, n);
	if ((n = child(root, "plan-accion")))
		action_plan(&b, n);
	if ((n = child(root, "presupuesto")))
		budget(&b, n);
	pg_poa **pt = &p->poas;
	each_child(c, root) {
		if (is(c, "poa")) {
			*pt = poa(&b, c);
			pt = &(*pt)->next;
		}
	}
	if ((n = child(root, "cuerpo"))) {
		pg_section **st = &p->sections;
		each_child(c, n) {
			if (is(c, "seccion")) {
				*st = section(&b, c);
				st = &(*st)->next;
			}
		}
	}
	index_ids(&b, p);
	xmlHashFree(b.ids, NULL);
	xmlHashFree(b.risk_nums, NULL);
	return p;
}
