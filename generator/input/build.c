/*
 * build.c — what every reader needs to build a model from a libxml2
 * tree (build-imp.h): elements, text and inline spans, values (numbers,
 * months, amounts, dates), images, and the table of ids that knows the
 * kind of each, so that the message for a POA naming an objective as its
 * unit says so.
 */
#include "build-imp.h"

#include "../base/coverage.h"
#include "../base/i18n.h"
#include "../base/image.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the builder ---- */

void bld_init(bld *b, const char *name, arena *a, diag *d)
{
	*b = (bld){ .a = a, .d = d, .name = name, .ids = xmlHashCreate(256) };
	if (!b->ids)
		pg_oom();
	const char *slash = strrchr(name, '/');
	b->dir = arena_strndup(a, name, slash ? (size_t)(slash - name) : 0);
	if (slash && slash == name)
		b->dir = "/";
}

void bld_done(bld *b)
{
	xmlHashFree(b->ids, NULL);
	b->ids = NULL;
}

/* ---- elements ---- */

int bld_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

const xmlNode *bld_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (bld_is(c, name))
			return c;
	return NULL;
}

void bld_err(bld *b, const xmlNode *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	fmt = pg_tr(fmt);
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
static char *collapse(bld *b, const char *s)
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
long bld_chars(const char *s)
{
	long n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The code point at *s (UTF-8, which the parser has checked), and s
 * moved past it. */
static unsigned long next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned long c = *p++;
	int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (more)
		c &= 0x3f >> more;
	for (; more && (*p & 0xc0) == 0x80; more--)
		c = c << 6 | (*p++ & 0x3f);
	*s = p;
	return c;
}

/* Warns of each character of t (at the line `line`, counting the line
 * ends of t) that no font prints: it would be an empty box.  Once per
 * character and file; after 16 characters, once more for the rest. */
static void glyphs(bld *b, long line, const char *t)
{
	for (const unsigned char *p = (const unsigned char *)t; *p;) {
		if (*p < 0x80) {
			line += *p++ == '\n';
			continue;
		}
		const unsigned char *start = p;
		unsigned long c = next_cp(&p);
		if (pg_font_covers(c))
			continue;
		const int most = (int)(sizeof b->boxes / sizeof b->boxes[0]);
		int seen = b->nboxes > most;
		for (int i = 0; i < b->nboxes && i < most && !seen; i++)
			seen = b->boxes[i] == c;
		if (seen)
			continue;
		if (b->nboxes == most) {
			diag_add(b->d, DIAG_WARNING, b->name, line, 0,
				 "more characters that no font has (%s): each "
				 "prints as an empty box", pg_font_families);
			b->nboxes++;
			continue;
		}
		diag_add(b->d, DIAG_WARNING, b->name, line, 0,
			 "\"%.*s\" (U+%04lX) is in none of the fonts (%s): "
			 "it prints as an empty box", (int)(p - start),
			 (const char *)start, c, pg_font_families);
		b->boxes[b->nboxes++] = c;
	}
}

/* Reports a text longer than PG_MAX_TEXT; `what` names it. */
static void text_limit(bld *b, const xmlNode *n, const char *what, long len)
{
	if (len > PG_MAX_TEXT)
		bld_err(b, n, "%s is %ld characters long; a text has at most %d: "
			      "split it", what, len, PG_MAX_TEXT);
}

/* An attribute's value, collapsed; NULL if absent. */
const char *bld_attr(bld *b, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *r = collapse(b, (const char *)v);
	xmlFree(v);
	glyphs(b, xml_line(n), r);
	char what[80];
	snprintf(what, sizeof what, "the attribute %s", name);
	text_limit(b, n, what, bld_chars(r));
	return r;
}

/* The whole text content of an element, collapsed. */
const char *bld_text(bld *b, const xmlNode *n)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	char *r = collapse(b, v ? (const char *)v : "");
	xmlFree(v);
	glyphs(b, xml_line(n), r);
	char what[80];
	snprintf(what, sizeof what, "the text of <%s>", (const char *)n->name);
	text_limit(b, n, what, bld_chars(r));
	return r;
}

/* ---- inline text ---- */

struct spanner {
	bld *b;
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
	s->chars += bld_chars(r);
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


static void span_walk(struct spanner *s, const xmlNode *n, int style)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			glyphs(s->b, xml_line(c) ? xml_line(c) : xml_line(n),
			       (const char *)c->content);
			span_text(s, (const char *)c->content, style);
		} else if (bld_is(c, "b")) {
			span_walk(s, c, style | PG_BOLD);
		} else if (bld_is(c, "i")) {
			span_walk(s, c, style | PG_ITALIC);
		} else if (bld_is(c, "br") || bld_is(c, "nota")) {
			int br = bld_is(c, "br");
			if (br)
				trim_last(s);
			pg_span *sp = arena_new_of(s->b->a, pg_span);
			sp->kind = br ? PG_SPAN_BREAK : PG_SPAN_NOTE;
			if (!br)
				sp->note = bld_spans(s->b, c);
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
pg_span *bld_spans(bld *b, const xmlNode *n)
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

pg_item *bld_item(bld *b, const xmlNode *n)
{
	pg_item *it = arena_new_of(b->a, pg_item);
	it->text = bld_spans(b, n);
	it->line = xml_line(n);
	return it;
}

/* ---- values ---- */

/* A positive integer, or 0 with a diagnostic. */
int bld_number(bld *b, const xmlNode *n, const char *name, const char *v)
{
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (!*v || *end || errno || x < 1 || x > 100000 || *v == '+' ||
	    *v == '-') {
		bld_err(b, n, "%s=\"%s\" is not a number from 1 to 100000", name, v);
		return 0;
	}
	return (int)x;
}

/* meses="1-3 7 9-12": a 12-bit mask. */
unsigned bld_months(bld *b, const xmlNode *n, const char *v)
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
		char *end, *end_from;
		const char *t2 = NULL;
		from = strtol(tok, &end, 10);
		end_from = end;
		if (end == tok || (*end != '-' && end != s)) {
			bld_err(b, n, "meses=\"%s\": \"%.*s\" is not a month or a "
				      "range of months (1 to 12, e.g. \"1-3 7\")",
				v, len, tok);
			continue;
		}
		to = from;
		if (*end == '-') {
			t2 = end + 1;
			to = strtol(t2, &end, 10);
			if (end == t2 || end != s) {
				bld_err(b, n, "meses=\"%s\": \"%.*s\" is not a range "
					      "of months (e.g. \"4-6\")", v, len, tok);
				continue;
			}
		}
		if (from < 1 || from > 12 || to < 1 || to > 12) {
			/* The month as written (a long one overflows a long). */
			int bad_from = from < 1 || from > 12;
			const char *m = bad_from ? tok : t2;
			int mlen = (int)(bad_from ? end_from - tok : end - t2);
			bld_err(b, n, "meses=\"%s\": month %.*s is outside 1-12", v,
				mlen, m);
			continue;
		}
		if (to < from) {
			bld_err(b, n, "meses=\"%s\": the range %ld-%ld is backwards; "
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
int64_t bld_amount(bld *b, const xmlNode *n, const char *name, const char *v)
{
	if (!v)
		return -1;
	const char *s = v;
	if (*s == '-') {
		bld_err(b, n, "%s=\"%s\" is negative; amounts must be 0 or more",
			name, v);
		return -1;
	}
	int64_t units = 0;
	int digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		units = units * 10 + (*s - '0');
		if (units > PG_MAX_UNITS) {
			bld_err(b, n, "%s=\"%s\" is too large (at most %lld)", name, v,
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
		bld_err(b, n, "%s=\"%s\" is not an amount: write it like 1234567.89 "
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
int bld_date_ok(const char *v, int month_ok)
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

const char *bld_date(bld *b, const xmlNode *n, const char *name,
		     const char *v, int month_ok)
{
	if (v && !bld_date_ok(v, month_ok)) {
		bld_err(b, n, "%s=\"%s\" is not a date: write YYYY-MM-DD%s", name, v,
			month_ok ? " or YYYY-MM" : "");
		return NULL;
	}
	return v;
}

/* An image file named by an attribute: a PNG or JPEG that decodes (it
 * is kept decoded for the devices, generator/base/image.h). */
const char *bld_image(bld *b, const xmlNode *n, const char *name)
{
	const char *v = bld_attr(b, n, name);
	if (!v)
		return NULL;
	const char *path = v[0] == '/' || !b->dir[0]
				   ? v
				   : arena_printf(b->a, "%s/%s", b->dir, v);
	char why[256];
	cairo_surface_t *s = pg_image_load(path, why, sizeof why);
	if (!s) {
		bld_err(b, n, "%s=\"%s\": cannot read the image %s: %s", name, v,
			path, why);
		return NULL;
	}
	cairo_surface_destroy(s);
	return path;
}

/* ---- ids and references ---- */

/* What the messages call the plan's kinds of id (enum pg_kind). */
static const char *const plan_kind_name[PG_NKINDS] = {
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

static const char *kind_name(const bld *b, int k)
{
	return k < PG_NKINDS ? plan_kind_name[k] : b->kind_name[k - PG_NKINDS];
}

void bld_declare(bld *b, const xmlNode *n, const char *id, int kind,
		 void *node)
{
	if (!id || !*id)
		return;
	pg_idref *r = arena_new_of(b->a, pg_idref);
	*r = (pg_idref){ id, kind, node, xml_line(n) };
	/* Duplicates are the DTD's to report ("ID ... already defined"). */
	xmlHashAddEntry(b->ids, (const xmlChar *)id, r);
}

void *bld_resolve(bld *b, const xmlNode *n, const char *attrname,
		  const char *id, int kind)
{
	if (!id)
		return NULL;
	const pg_idref *r = xmlHashLookup(b->ids, (const xmlChar *)id);
	const char *file = b->name;
	if (!r && b->cited) {
		r = pg_plan_find(b->cited, id);
		file = b->cited->file;
	}
	if (!r) {
		bld_err(b, n, "%s=\"%s\": no %s has this id", attrname, id,
			kind_name(b, kind));
		return NULL;
	}
	if (r->kind != kind) {
		bld_err(b, n, "%s=\"%s\" is the id of a %s declared at %s:%d, "
			      "not of a %s", attrname, id, kind_name(b, r->kind),
			file, r->line, kind_name(b, kind));
		return NULL;
	}
	return r->node;
}

/* IDREFS: a NULL-terminated array of resolved pointers. */
const void **bld_resolve_list(bld *b, const xmlNode *n, const char *attrname,
			      int kind)
{
	const char *v = bld_attr(b, n, attrname);
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
		void *p = bld_resolve(b, n, attrname, id, kind);
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

pg_idref *bld_ids(bld *b, int *n)
{
	int size = xmlHashSize(b->ids);
	struct ids ids = { arena_array_of(b->a, pg_idref, size > 0 ? size : 1), 0 };
	xmlHashScan(b->ids, ids_add, &ids);
	*n = ids.n;
	return ids.v;
}

enum pg_align bld_align(const char *v)
{
	if (!v)
		return PG_ALIGN_LEFT;
	if (!strcmp(v, "centro"))
		return PG_ALIGN_CENTER;
	if (!strcmp(v, "derecha"))
		return PG_ALIGN_RIGHT;
	return PG_ALIGN_LEFT;
}

