/*
 * plan.c — the annual Plan de Acción, as printed: cover, Contenido, the
 * numbered narrative with the tables and figures it places, then the POA
 * matrices on landscape pages, each followed by its timeline (Cronograma);
 * every page but the cover signed off in its footer with the page number;
 * last, the signature page: the approval, and each signatory's box, which
 * is also the field of their digital signature.
 *
 * Two passes: the first lays the document out without output, to learn
 * on which page each heading falls (the destinations it meets), so that
 * the Contenido of the second can print them.  The Contenido's own
 * length does not depend on the numbers, so both passes break alike.
 * When no heading follows the POAs, the first pass stops before them.
 */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct toc_entry {
	char *number, *title, *dest;
	int level, page;
} toc_entry;

typedef struct ctx {
	const pg_plan *p;
	eng *e;
	const theme *th;
	arena *a; /* spans made for this pass */
	flow *f;
	device *dev;
	diag *d;
	int pass;
	int table_no, figure_no, note_no;
	toc_entry *toc; /* every section, in reading order */
	int ntoc;
	GHashTable *toc_by_dest; /* dest -> toc_entry */
	int stop_before_poas;
	int landscape;
} ctx;

/* ---- rich text made on the fly ---- */

static pg_span *span(ctx *c, const char *text, int style)
{
	pg_span *s = arena_new_of(c->a, pg_span);
	s->kind = PG_SPAN_TEXT;
	s->style = style;
	s->text = text ? text : "";
	return s;
}

static pg_span *linebreak(ctx *c)
{
	pg_span *s = arena_new_of(c->a, pg_span);
	s->kind = PG_SPAN_BREAK;
	return s;
}

/* A copy of list a, then b (b itself is shared). */
static pg_span *cat(ctx *c, const pg_span *a, pg_span *b)
{
	pg_span *first = NULL, **t = &first;
	for (; a; a = a->next) {
		pg_span *s = arena_new_of(c->a, pg_span);
		*s = *a;
		s->next = NULL;
		*t = s;
		t = &s->next;
	}
	*t = b;
	return first;
}

/* "code text" with the code in bold, or the text alone. */
static pg_span *coded(ctx *c, const char *code, const pg_span *text)
{
	if (!code || !*code)
		return (pg_span *)text;
	return cat(c, span(c, arena_printf(c->a, "%s ", code), PG_BOLD),
		   cat(c, text, NULL));
}

/* Appends a copy of list l at *tail. */
static void append(ctx *c, pg_span ***tail, const pg_span *l)
{
	for (; l; l = l->next) {
		pg_span *s = arena_new_of(c->a, pg_span);
		*s = *l;
		s->next = NULL;
		**tail = s;
		*tail = &s->next;
	}
}

/* Items one per line. */
static pg_span *lines_of(ctx *c, const pg_item *it)
{
	pg_span *first = NULL, **t = &first;
	for (; it; it = it->next) {
		if (first)
			append(c, &t, linebreak(c));
		append(c, &t, it->text);
	}
	return first;
}

/* ---- amounts ---- */

/* "$ 2,332,273.00", or "$ -" for zero. */
static char *money(ctx *c, int64_t cents)
{
	if (cents == 0)
		return "$ -";
	char digits[32], out[48];
	snprintf(digits, sizeof digits, "%lld", (long long)(cents / 100));
	int n = (int)strlen(digits), o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return arena_printf(c->a, "$ %s.%02lld", out, (long long)(cents % 100));
}

/* ---- pages ---- */

/* A signatory's images, stamp under handwritten signature, in a box. */
static void sign_images(dl_page *pg, const pg_signatory *s, double x, double y,
			double w, double h)
{
	if (s->stamp)
		dl_image(pg, s->stamp, x, y, w, h);
	if (s->signature)
		dl_image(pg, s->signature, x, y, w, h);
}

static void footer(flow *f, dl_page *pg, void *ud)
{
	ctx *c = ud;
	(void)f;
	char num[16];
	snprintf(num, sizeof num, "%d", pg->number);
	if (pg->number == 1) {
		dl_set_label(pg, "Portada");
		return;
	}
	dl_set_label(pg, num);
	const theme *th = c->th;
	const eng_page *ps = c->landscape ? &th->landscape : &th->portrait;
	double left = ps->left, right = pg->w - ps->right;
	double base = pg->h - ps->bottom + th->footer_h * 0.35;
	dl_line(pg, left, base - 10, right, base - 10, 0.5, th->rule_color);
	/* The sign-off: one block per approving official, across the foot,
	 * their images left of their cargo and name. */
	const pg_signatory *const *who = c->p->approvers;
	int n = 0;
	while (who && who[n])
		n++;
	double colw = n ? (right - left) / n : 0;
	for (int i = 0; i < n; i++) {
		/* With images, the text is centred in what they leave. */
		double x = left + colw * i, img = 0;
		if (who[i]->signature || who[i]->stamp)
			img = th->footer_image_w + 4;
		double tw = colw - img;
		PangoLayout *l = eng_plain(c->e, who[i]->cargo, &th->footer_bold, tw);
		eng_draw(pg, l, x + img, base, th->footer_bold.color);
		double textw = eng_width(l);
		if (who[i]->name) {
			PangoLayout *nl = eng_plain(c->e, who[i]->name, &th->footer, tw);
			eng_draw(pg, nl, x + img, base + eng_height(l), th->footer.color);
			if (eng_width(nl) > textw)
				textw = eng_width(nl);
			g_object_unref(nl);
		}
		g_object_unref(l);
		if (img) {
			double ix = x + img + (tw - textw) / 2 - img;
			sign_images(pg, who[i], ix > x ? ix : x, base - 6,
				    th->footer_image_w, th->footer_image_h);
		}
	}
	PangoLayout *pn = eng_plain(c->e, num, &th->footer, right - left);
	eng_draw(pg, pn, left, pg->h - ps->bottom + th->footer_h, th->footer.color);
	g_object_unref(pn);
}

static int emit(dl_page *pg, void *ud)
{
	ctx *c = ud;
	if (c->pass == 1) {
		/* Learn where the headings fell. */
		for (int i = 0; i < pg->n; i++) {
			toc_entry *t = pg->ops[i].kind == DL_DEST
					       ? g_hash_table_lookup(c->toc_by_dest,
								     pg->ops[i].str)
					       : NULL;
			if (t)
				t->page = pg->number;
		}
		return 0;
	}
	return c->dev->page(c->dev, pg);
}

static void portrait(ctx *c)
{
	if (c->landscape) {
		flow_break(c->f);
		flow_set_page(c->f, &c->th->portrait);
		c->landscape = 0;
	}
}

static void landscape(ctx *c)
{
	flow_break(c->f);
	flow_set_page(c->f, &c->th->landscape);
	c->landscape = 1;
}

static void add_para(ctx *c, const pg_span *text, const char *plain,
		     const eng_style *st, const para_opts *o, double before,
		     double after, int keep)
{
	block *b = para_new(c->e, text, plain, st, o, &c->note_no, &c->th->note);
	b->space_before = before;
	b->space_after = after;
	b->keep_with_next = keep;
	flow_add(c->f, b);
}

static void caption(ctx *c, const char *kind, int no, const char *title,
		    const char *source)
{
	if (!title && !source)
		return;
	if (title)
		add_para(c, NULL, arena_printf(c->a, "%s No. %d. %s", kind, no, title),
			 &c->th->caption, NULL, 4, 2, source != NULL);
	if (source)
		add_para(c, NULL, arena_printf(c->a, "Fuente. %s", source),
			 &c->th->source, NULL, 0, c->th->para_space, 0);
}

/* The height caption() will take, so that a figure keeps room for it. */
static double caption_room(ctx *c, const char *title, const char *source)
{
	double h = 0, width = flow_width(c->f);
	if (title) {
		PangoLayout *l = eng_plain(c->e, arena_printf(c->a, "Figura No. 00. %s", title),
					   &c->th->caption, width);
		h += 4 + eng_height(l) + 2;
		g_object_unref(l);
	}
	if (source) {
		PangoLayout *l = eng_plain(c->e, arena_printf(c->a, "Fuente. %s", source),
					   &c->th->source, width);
		h += eng_height(l);
		g_object_unref(l);
	}
	return h;
}

/* ---- cover and contents ---- */

static void cover(ctx *c)
{
	const theme *th = c->th;
	const pg_plan *p = c->p;
	flow_page(c->f);
	flow_advance(c->f, 180);
	add_para(c, NULL, p->title, &th->cover_title, NULL, 0, 12, 0);
	if (p->subtitle)
		add_para(c, NULL, p->subtitle, &th->cover_date, NULL, 0, 12, 0);
	flow_advance(c->f, 80);
	for (const pg_item *it = p->cover_lines; it; it = it->next)
		add_para(c, it->text, NULL, &th->cover_line, NULL, 0, 2, 0);
	if (p->cover_date) {
		flow_advance(c->f, 60);
		add_para(c, NULL, p->cover_date, &th->cover_date, NULL, 0, 0, 0);
	}
	flow_break(c->f);
}

static int count_sections(const pg_section *s)
{
	int n = 0;
	for (; s; s = s->next)
		n += 1 + count_sections(s->children);
	return n;
}

/* One entry per section, at every depth, in the order sections() meets
 * them: numbers (1, 2.1, 2.1.3, ...) and destinations. */
static void toc_collect(ctx *c, const pg_section *s, const char *prefix,
			int level)
{
	int n = 0;
	for (; s; s = s->next) {
		char *num = NULL;
		if (s->numbered) {
			n++;
			num = prefix ? arena_printf(c->a, "%s.%d", prefix, n)
				     : arena_printf(c->a, "%d", n);
		}
		toc_entry *t = &c->toc[c->ntoc++];
		t->number = num;
		t->title = (char *)s->title;
		t->dest = num ? arena_printf(c->a, "sec-%s", num)
			      : arena_printf(c->a, "sec-u%d", c->ntoc);
		t->level = level;
		g_hash_table_insert(c->toc_by_dest, t->dest, t);
		toc_collect(c, s->children, num, level + 1);
	}
}

static void contents(ctx *c)
{
	const theme *th = c->th;
	add_para(c, NULL, "Contenido", &th->toc_title, NULL, 0, 12, 0);
	for (int i = 0; i < c->ntoc; i++) {
		toc_entry *t = &c->toc[i];
		if (t->level > 2)
			continue;
		para_opts o = { 0 };
		o.indent = (t->level - 1) * 18;
		o.leader_to = t->page ? arena_printf(c->a, "%d", t->page) : "0";
		o.link = t->dest;
		char *text = t->number ? arena_printf(c->a, "%s   %s", t->number, t->title)
				       : t->title;
		add_para(c, NULL, text, &th->toc_entry, &o, 0, 6, 0);
	}
	flow_break(c->f);
}

/* ---- narrative blocks ---- */

static void poas(ctx *c);
static void block_table(ctx *c, const pg_block *b);
static void link_table(ctx *c, const pg_block *b);
static void action_tables(ctx *c);
static void budget_table(ctx *c, const pg_block *b);
static void budget_chart(ctx *c, const pg_block *b);
static void pei_figure(ctx *c, const pg_block *b);
static void org_chart(ctx *c, const pg_block *b);

static const char *letter(ctx *c, enum pg_list_kind k, int i)
{
	switch (k) {
	case PG_LIST_LETTERS:
		return arena_printf(c->a, "%c.", 'a' + i % 26);
	case PG_LIST_NUMBERS:
		return arena_printf(c->a, "%d.", i + 1);
	case PG_LIST_BULLETS:
		break;
	}
	return "\xe2\x80\xa2"; /* • */
}

static void list(ctx *c, enum pg_list_kind k, const pg_item *items)
{
	int i = 0;
	for (const pg_item *it = items; it; it = it->next, i++) {
		para_opts o = { 0 };
		o.indent = c->th->list_indent;
		o.label = letter(c, k, i);
		add_para(c, it->text, NULL, &c->th->body, &o, 0,
			 it->next ? 3 : c->th->para_space, 0);
	}
}

static void blocks(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	for (; b; b = b->next) {
		flow_at(c->f, c->p->file, b->line);
		switch (b->kind) {
		case PG_BLOCK_PARAGRAPH:
			add_para(c, b->text, NULL, &th->body, NULL, 0, th->para_space, 0);
			break;
		case PG_BLOCK_SUBTITLE:
			add_para(c, b->text, NULL, &th->subtitle, NULL, 6, 4, 1);
			break;
		case PG_BLOCK_LIST:
			list(c, b->list, b->items);
			break;
		case PG_BLOCK_TABLE:
			block_table(c, b);
			break;
		case PG_BLOCK_FIGURE: {
			c->figure_no++;
			/* Images arrive with the sign-off issue; the caption holds
			 * its place in the numbering. */
			caption(c, "Figura", c->figure_no, b->caption, b->source);
			break;
		}
		case PG_BLOCK_PEI_FIGURE:
			pei_figure(c, b);
			break;
		case PG_BLOCK_LINK_TABLE:
			link_table(c, b);
			break;
		case PG_BLOCK_ACTION_TABLES:
			action_tables(c);
			break;
		case PG_BLOCK_FUNCTIONS:
			if (b->width_pct)
				add_para(c, NULL, b->unit->name, &th->subtitle, NULL, 6, 4, 1);
			list(c, PG_LIST_LETTERS, b->unit->functions);
			break;
		case PG_BLOCK_ORGCHART:
			org_chart(c, b);
			break;
		case PG_BLOCK_BUDGET_TABLE:
			budget_table(c, b);
			break;
		case PG_BLOCK_BUDGET_CHART:
			budget_chart(c, b);
			break;
		case PG_BLOCK_POAS:
			poas(c);
			break;
		}
	}
}

static void sections(ctx *c, const pg_section *s, int level, int *index)
{
	const theme *th = c->th;
	for (; s; s = s->next) {
		toc_entry *t = &c->toc[(*index)++];
		portrait(c);
		int lv = level < 3 ? level : 3;
		para_opts o = { 0 };
		o.dest = t->dest;
		o.outline = t->number ? arena_printf(c->a, "%s %s", t->number, t->title)
				      : t->title;
		o.outline_level = level;
		const char *title = t->number
					    ? arena_printf(c->a, "%s   %s", t->number, s->title)
					    : s->title;
		if (level == 1 && s != c->p->sections)
			flow_break(c->f);
		flow_at(c->f, c->p->file, s->line);
		add_para(c, NULL, title, &th->heading[lv - 1], &o,
			 th->heading_space, 8, 1);
		blocks(c, s->blocks);
		if (c->stop_before_poas < 0)
			return;
		sections(c, s->children, level + 1, index);
	}
}

/* ---- tables of the narrative ---- */

static eng_style aligned(eng_style st, enum pg_align a)
{
	st.align = a == PG_ALIGN_CENTER ? ENG_CENTER
		   : a == PG_ALIGN_RIGHT ? ENG_RIGHT
					 : ENG_LEFT;
	return st;
}

static void block_table(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_table *tb = b->table;
	double width = flow_width(c->f);
	double *w = arena_array_of(c->a, double, tb->ncols);
	for (int i = 0; i < tb->ncols; i++)
		w[i] = tb->widths[i] * width;
	table *t = table_new(c->e, tb->ncols, w, th->cell_pad, th->border,
			     th->border_color);
	/* Column positions of cells, merged cells counted. */
	int nrows = 0;
	for (const pg_row *r = tb->rows; r; r = r->next)
		nrows++;
	int *busy = calloc((size_t)(nrows + 1) * (size_t)tb->ncols, sizeof *busy);
	if (!busy)
		pg_oom();
	int ri = 0;
	for (const pg_row *r = tb->rows; r; r = r->next, ri++) {
		int kind = r->kind == PG_ROW_HEADER ? TABLE_HEADER
			   : r->kind == PG_ROW_GROUP ? TABLE_GROUP
						     : TABLE_BODY;
		table_row(t, kind, 0);
		int col = 0;
		for (const pg_cell *cl = r->cells; cl; cl = cl->next) {
			while (col < tb->ncols && busy[ri * tb->ncols + col])
				col++;
			if (col >= tb->ncols)
				break;
			const eng_style *st = r->kind == PG_ROW_HEADER  ? &th->table_head
					      : r->kind == PG_ROW_GROUP ? &th->table_group
					      : r->kind == PG_ROW_TOTAL ? &th->table_total
									: &th->table_cell;
			eng_style s2 = r->kind == PG_ROW_HEADER ? *st : aligned(*st, cl->align);
			int cols = r->kind == PG_ROW_GROUP ? tb->ncols - col : cl->cols;
			uint32_t fill = r->kind == PG_ROW_HEADER  ? th->head_fill
					: r->kind == PG_ROW_GROUP ? th->group_fill
								  : 0xffffff;
			table_cell(t, col, cl->rows, cols, cl->text, NULL, &s2, fill);
			for (int dr = 0; dr < cl->rows && ri + dr < nrows; dr++)
				for (int dc = 0; dc < cols && col + dc < tb->ncols; dc++)
					busy[(ri + dr) * tb->ncols + col + dc] = 1;
			col += cols;
		}
	}
	free(busy);
	block *bl = table_block(t);
	bl->space_before = 4;
	flow_add(c->f, bl);
	if (b->caption || b->source)
		caption(c, "Tabla", ++c->table_no, b->caption, b->source);
}

static int scopes_of(const pg_action_plan *ap, const pg_objective *o)
{
	int k = 0;
	for (const pg_scope *s = ap->scopes; s; s = s->next)
		k += s->objective == o;
	return k;
}

static int indicators_of(const pg_result *r)
{
	int k = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next)
		k++;
	return k;
}

/* A three-column table across the frame, with its header row. */
static table *three_columns(ctx *c, const double frac[3],
			    const char *const label[3])
{
	const theme *th = c->th;
	double width = flow_width(c->f);
	double w[3] = { width * frac[0], width * frac[1], width * frac[2] };
	table *t = table_new(c->e, 3, w, th->cell_pad, th->border, th->border_color);
	table_row(t, TABLE_HEADER, 0);
	for (int i = 0; i < 3; i++)
		table_cell(t, i, 1, 1, NULL, label[i], &th->table_head, th->head_fill);
	return t;
}

/* Tabla No. n: PEI areas and objectives → the action plan's scopes; an
 * objective without scopes keeps one empty row. */
static void link_table(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_plan *p = c->p;
	if (!p->pei || !p->action)
		return;
	static const double frac[3] = { 0.25, 0.35, 0.40 };
	const char *label[3] = {
		"Áreas Estratégicas PEI", "Objetivos Estratégicos PEI",
		arena_printf(c->a, "Alcances Estratégicos %s",
			     p->action->title ? p->action->title : ""),
	};
	table *t = three_columns(c, frac, label);
	for (const pg_area *a = p->pei->areas; a; a = a->next) {
		int arows = 0;
		for (const pg_objective *o = a->objectives; o; o = o->next) {
			int k = scopes_of(p->action, o);
			arows += k ? k : 1;
		}
		int first_area = 1;
		for (const pg_objective *o = a->objectives; o; o = o->next) {
			int k = scopes_of(p->action, o), first_obj = 1;
			for (const pg_scope *s = p->action->scopes; s || first_obj;
			     s = s ? s->next : NULL) {
				if (s && s->objective != o)
					continue;
				if (!s && !first_obj)
					break;
				table_row(t, TABLE_BODY, 0);
				if (first_area)
					table_cell(t, 0, arows, 1, NULL, a->name, &th->table_group, 0xffffff);
				if (first_obj)
					table_cell(t, 1, k ? k : 1, 1, NULL, o->text, &th->table_cell, 0xffffff);
				table_cell(t, 2, 1, 1, s ? s->text : NULL, "", &th->table_cell, 0xffffff);
				first_area = first_obj = 0;
				if (!s)
					break;
			}
		}
	}
	flow_add(c->f, table_block(t));
	caption(c, "Tabla", ++c->table_no, b->caption, b->source);
}

/* Per strategic area: scopes, strategic results, indicators. */
static void action_tables(ctx *c)
{
	const theme *th = c->th;
	const pg_plan *p = c->p;
	if (!p->pei || !p->action)
		return;
	static const double frac[3] = { 0.34, 0.33, 0.33 };
	static const char *const label[3] = { "OBJETIVOS / ALCANCES ESTRATÉGICOS",
					      "RESULTADOS ESTRATÉGICOS", "INDICADORES" };
	for (const pg_area *a = p->pei->areas; a; a = a->next) {
		add_para(c, NULL, p->action->title, &th->subtitle, NULL, 10, 2, 1);
		add_para(c, NULL, arena_printf(c->a, "Área Estratégica: %s", a->name),
			 &th->subtitle, NULL, 0, 6, 1);
		table *t = three_columns(c, frac, label);
		for (const pg_scope *s = p->action->scopes; s; s = s->next) {
			if (!s->objective || s->objective->area != a)
				continue;
			int rows = 0;
			for (const pg_result *r = s->results; r; r = r->next) {
				int k = indicators_of(r);
				rows += k ? k : 1;
			}
			table_row(t, TABLE_BODY, 0);
			table_cell(t, 0, rows ? rows : 1, 1, s->text, NULL, &th->table_cell, 0xffffff);
			if (!s->results) {
				table_cell(t, 1, 1, 1, NULL, "", &th->table_cell, 0xffffff);
				table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, 0xffffff);
			}
			for (const pg_result *r = s->results; r; r = r->next) {
				int k = indicators_of(r);
				if (r != s->results)
					table_row(t, TABLE_BODY, 0);
				table_cell(t, 1, k ? k : 1, 1, r->text, NULL, &th->table_cell, 0xffffff);
				if (!r->indicators)
					table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, 0xffffff);
				for (const pg_indicator *i = r->indicators; i; i = i->next) {
					if (i != r->indicators)
						table_row(t, TABLE_BODY, 0);
					table_cell(t, 2, 1, 1, i->text, NULL, &th->table_cell, 0xffffff);
				}
			}
		}
		flow_add(c->f, table_block(t));
	}
}

/* "31/Dic/2016" for 2016-12-31, as the printed plans write end dates. */
static const char *date_text(ctx *c, const char *iso)
{
	static const char *const MONTH[12] = { "Ene", "Feb", "Mar", "Abr", "May", "Jun",
					       "Jul", "Ago", "Sep", "Oct", "Nov", "Dic" };
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return iso ? iso : "";
	return arena_printf(c->a, "%02d/%s/%d", d, MONTH[m - 1], y);
}

static const char *const PART_LABEL[] = {
	"Clasificación presupuestaria ingresos",
	"Clasificación presupuestaria egresos",
	"Fuentes de financiamiento",
	"Donante",
};
static const char *const TOTAL_LABEL[] = { "Total Ingresos", "Total Egresos",
					   "TOTAL", "Total" };

static void budget_table(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_budget *bu = c->p->budget;
	const pg_money_table *m = bu ? bu->part[b->part] : NULL;
	if (!m)
		return;
	double width = flow_width(c->f);
	int donors = b->part == PG_DONORS;
	double w3[3] = { width * 0.5, width * 0.25, width * 0.25 };
	double w2[2] = { width * 0.65, width * 0.35 };
	table *t = table_new(c->e, donors ? 3 : 2, donors ? w3 : w2, th->cell_pad,
			     th->border, th->border_color);
	eng_style right = th->table_cell;
	right.align = ENG_RIGHT;
	eng_style right_bold = th->table_total;
	right_bold.align = ENG_RIGHT;
	table_row(t, TABLE_HEADER, 0);
	table_cell(t, 0, 1, 1, NULL, m->title ? m->title : PART_LABEL[b->part],
		   &th->table_head, th->head_fill);
	table_cell(t, 1, 1, 1, NULL, donors ? "Importe" : "Total", &th->table_head,
		   th->head_fill);
	if (donors)
		table_cell(t, 2, 1, 1, NULL, "Fecha Finalización", &th->table_head,
			   th->head_fill);
	for (const pg_money_line *l = m->lines; l; l = l->next) {
		table_row(t, TABLE_BODY, 0);
		table_cell(t, 0, 1, 1, NULL, l->label, &th->table_cell, 0xffffff);
		table_cell(t, 1, 1, 1, NULL, money(c, l->cents), &right, 0xffffff);
		if (donors)
			table_cell(t, 2, 1, 1, NULL, l->end_date ? date_text(c, l->end_date) : "",
				   &th->table_cell, 0xffffff);
	}
	table_row(t, TABLE_BODY, 0);
	table_cell(t, 0, 1, 1, NULL, m->total_label ? m->total_label : TOTAL_LABEL[b->part],
		   &th->table_total, th->group_fill);
	table_cell(t, 1, 1, 1, NULL, money(c, m->total), &right_bold, th->group_fill);
	if (donors)
		table_cell(t, 2, 1, 1, NULL, "", &th->table_cell, th->group_fill);
	block *bl = table_block(t);
	bl->space_before = 6;
	bl->space_after = th->para_space;
	flow_add(c->f, bl);
	if (b->caption || b->source)
		caption(c, "Tabla", ++c->table_no, b->caption, b->source);
}

/* The part's lines, largest first (stable: equal amounts keep their
 * order); the array is the arena's. */
static const pg_money_line **by_amount(ctx *c, const pg_money_table *m, int *n)
{
	int k = 0;
	for (const pg_money_line *l = m->lines; l; l = l->next)
		k++;
	const pg_money_line **v = arena_array_of(c->a, const pg_money_line *, k + 1);
	k = 0;
	for (const pg_money_line *l = m->lines; l; l = l->next) {
		int i = k++;
		while (i > 0 && v[i - 1]->cents < l->cents) {
			v[i] = v[i - 1];
			i--;
		}
		v[i] = l;
	}
	*n = k;
	return v;
}

/* "$ 2,332,273.00 (45.7 %)": the amount and its share of the total. */
static const char *amount_share(ctx *c, int64_t cents, int64_t total)
{
	if (cents == 0 || total <= 0)
		return money(c, cents);
	double pct = 100.0 * (double)cents / (double)total;
	return arena_printf(c->a, pct < 0.1 ? "%s (%.2f %%)" : "%s (%.1f %%)",
			    money(c, cents), pct);
}

static const char *const SOURCE_LABEL[] = { "Fondos propios", "Donaciones", "Otros fondos" };

/* Figura No. n: one part of the budget as bars, largest first: income
 * and expenses by classification with their share of the total; funding
 * sources coloured by kind, with a stacked total; donors with the date
 * their funding ends. */
static void budget_chart(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_budget *bu = c->p->budget;
	const pg_money_table *m = bu ? bu->part[b->part] : NULL;
	if (!m)
		return;
	barchart_style st = th->bars;
	st.foot = caption_room(c, b->caption, b->source);
	const char *title = arena_printf(c->a, "%s · %s: %s",
					 m->title ? m->title : PART_LABEL[b->part],
					 m->total_label ? m->total_label : TOTAL_LABEL[b->part],
					 money(c, m->total));
	barchart *ch = barchart_new(c->e, title, &st);
	int series[3] = { 0, 0, 0 };
	if (b->part == PG_SOURCES) {
		int used[3] = { 0, 0, 0 };
		for (const pg_money_line *l = m->lines; l; l = l->next)
			used[l->source] = 1;
		for (int k = 0; k < 3; k++)
			series[k] = used[k] ? barchart_series(ch, SOURCE_LABEL[k], th->bar_fill[k]) : -1;
	} else {
		barchart_series(ch, NULL, th->bar_fill[0]);
	}
	int n;
	const pg_money_line **v = by_amount(c, m, &n);
	for (int i = 0; i < n; i++) {
		const pg_money_line *l = v[i];
		const char *value = amount_share(c, l->cents, m->total);
		if (b->part == PG_DONORS && l->end_date && l->cents)
			value = arena_printf(c->a, "%s · finaliza %s", money(c, l->cents),
					     date_text(c, l->end_date));
		barchart_row(ch, l->label, value);
		barchart_segment(ch, b->part == PG_SOURCES ? series[l->source] : 0,
			     (double)l->cents);
	}
	if (b->part == PG_SOURCES && n > 1) {
		barchart_row(ch, m->total_label ? m->total_label : TOTAL_LABEL[b->part],
			 money(c, m->total));
		for (int i = 0; i < n; i++)
			barchart_segment(ch, series[v[i]->source], (double)v[i]->cents);
	}
	block *bl = barchart_block(ch);
	bl->space_before = 6;
	flow_add(c->f, bl);
	caption(c, "Figura", ++c->figure_no, b->caption, b->source);
}

/* "A, B, C y D" */
static pg_span *joined(ctx *c, const pg_item *it)
{
	pg_span *first = NULL, **t = &first;
	for (; it; it = it->next) {
		if (first)
			append(c, &t, span(c, it->next ? ", " : " y ", 0));
		append(c, &t, it->text);
	}
	return first;
}

/* Figura No. n: the strategic plan as a diagram: mission and vision,
 * the strategic goal, the areas with their objectives (joined to the
 * goal), and the values beneath; only what the plan gives. */
static void pei_figure(ctx *c, const pg_block *b)
{
	const theme *th = c->th;
	const pg_pei *pe = c->p->pei;
	if (!pe)
		return;
	boxes_style st = th->pei;
	st.foot = caption_room(c, b->caption, b->source);
	boxes *d = boxes_new(c->e, &st);
	if (pe->mission || pe->vision) {
		boxes_row(d, 0);
		if (pe->mission) {
			boxes_box(d, 1, "MISIÓN");
			boxes_text(d, NULL, pe->mission);
		}
		if (pe->vision) {
			boxes_box(d, 1, "VISIÓN");
			boxes_text(d, NULL, pe->vision);
		}
	}
	if (pe->goal) {
		boxes_row(d, 1);
		boxes_box(d, 1, "META ESTRATÉGICA");
		boxes_text(d, NULL, pe->goal);
	}
	int nareas = 0;
	for (const pg_area *a = pe->areas; a; a = a->next)
		nareas++;
	/* At most four areas side by side, rows as even as can be. */
	int nrows = (nareas + 3) / 4, per = nrows ? (nareas + nrows - 1) / nrows : 0, i = 0;
	for (const pg_area *a = pe->areas; a; a = a->next, i++) {
		if (i % per == 0)
			boxes_row(d, i == 0);
		boxes_box(d, 1, arena_printf(c->a, "ÁREA ESTRATÉGICA %d: %s", a->num, a->name));
		for (const pg_objective *o = a->objectives; o; o = o->next)
			boxes_text(d, cat(c, span(c, arena_printf(c->a, "Objetivo %d. ", o->num), PG_BOLD),
					  span(c, o->text, 0)),
				   NULL);
	}
	if (pe->values) {
		boxes_row(d, 0);
		boxes_box(d, 1, "VALORES");
		boxes_text(d, joined(c, pe->values), NULL);
	}
	block *bl = boxes_block(d);
	bl->space_before = 6;
	flow_add(c->f, bl);
	caption(c, "Figura", ++c->figure_no, b->caption, b->source);
}

/* The units under parent (index in the chart), depth first, named with
 * their acronym.  Advisory units hang beside their parent's stem, unless
 * the parent is one. */
static void org_units(ctx *c, tree *t, const pg_unit *u, int parent)
{
	const theme *th = c->th;
	for (; u; u = u->next) {
		int aside = u->level == PG_ADVISORY && u->parent &&
			    u->parent->level != PG_ADVISORY;
		const char *name = u->acronym ? arena_printf(c->a, "%s (%s)", u->name, u->acronym)
					      : u->name;
		int k = tree_node(t, parent, name, aside, th->org_fill[u->level],
				  th->org_border[u->level], th->org_text[u->level]);
		org_units(c, t, u->children, k);
	}
}

static void org_levels(const pg_unit *u, int *used)
{
	for (; u; u = u->next) {
		used[u->level] = 1;
		org_levels(u->children, used);
	}
}

/* Figura No. n: the organisation chart, headed by the organisation's
 * title as printed, a legend of the levels beneath. */
static void org_chart(ctx *c, const pg_block *b)
{
	static const char *const LEVEL[] = { "Nivel directivo", "Nivel asesor",
					     "Nivel de apoyo", "Nivel operativo" };
	const theme *th = c->th;
	if (!c->p->units)
		return;
	const char *cap = b->caption ? b->caption : c->p->org_title;
	tree_style st = th->org;
	st.foot = caption_room(c, cap, b->source);
	tree *t = tree_new(c->e, c->p->org_title, &st, "Continúa en la página");
	org_units(c, t, c->p->units, -1);
	int used[4] = { 0, 0, 0, 0 };
	org_levels(c->p->units, used);
	for (int k = 0; k < 4; k++)
		if (used[k])
			tree_legend(t, LEVEL[k], th->org_fill[k], th->org_border[k]);
	block *bl = tree_block(t);
	bl->space_before = 6;
	flow_add(c->f, bl);
	caption(c, "Figura", ++c->figure_no, cap, b->source);
}

/* ---- the POA matrices ---- */

enum { C_RES, C_IND, C_VER, C_ACT, C_M1, C_RESP = C_M1 + 12, C_FUND, C_RISK, NCOLS };

static const char *const DEFAULT_LABEL[PG_NCOLUMNS] = {
	"RESULTADOS", "INDICADORES", "FUENTE DE VERIFICACIÓN", "ACTIVIDADES",
	"TIEMPO", NULL, "RESPONSABLES", "FUENTE DE FINANCIAMIENTO", "RIESGO",
};
static const char *const DEFAULT_MONTHS[12] = { "E", "F", "M", "A", "M", "J",
						"J", "A", "S", "O", "N", "D" };

static pg_span *risks_text(ctx *c, const pg_riskref *r)
{
	const pg_riskref *rs[PG_MAX_CELL_RISKS];
	int n = 0;
	for (; r && n < PG_MAX_CELL_RISKS; r = r->next)
		rs[n++] = r;
	pg_span *out = NULL;
	for (int i = n - 1; i >= 0; i--) {
		pg_span *one;
		if (rs[i]->risk)
			one = cat(c, span(c, arena_printf(c->a, "%d. ", rs[i]->risk->num), 0),
				  rs[i]->text ? cat(c, rs[i]->text, NULL)
					      : span(c, rs[i]->risk->text, 0));
		else
			one = cat(c, rs[i]->text, NULL);
		out = out ? cat(c, one, cat(c, linebreak(c), out)) : one;
	}
	return out;
}

/* What a row shows in one of the columns that may merge (verification,
 * responsible, funding, risk): the activity's own value, else its
 * indicator's, else its result's; `from` is where the value comes from,
 * and rows whose values come from the same place merge into one cell. */
typedef struct cellval {
	const void *from;
	pg_span *text;
} cellval;

static cellval value_of(ctx *c, const pg_exec *e, const void *owner, int col)
{
	cellval v = { NULL, NULL };
	if (col == C_RESP && e->responsible)
		v = (cellval){ owner, e->responsible };
	else if (col == C_FUND && e->funding)
		v = (cellval){ owner, e->funding };
	else if (col == C_RISK && e->risks)
		v = (cellval){ owner, risks_text(c, e->risks) };
	return v;
}

static cellval row_value(ctx *c, const pg_result *r, const pg_indicator *i,
			 const pg_activity *a, int col)
{
	cellval v = { NULL, NULL };
	if (col == C_VER) {
		if (a && a->sources)
			v = (cellval){ a, lines_of(c, a->sources) };
		else if (i && i->sources)
			v = (cellval){ i, lines_of(c, i->sources) };
		return v;
	}
	if (a)
		v = value_of(c, &a->exec, a, col);
	if (!v.from && i)
		v = value_of(c, &i->exec, i, col);
	if (!v.from)
		v = value_of(c, &r->exec, r, col);
	return v;
}

static void group_row(ctx *c, table *t, const char *label, const pg_span *text)
{
	table_row(t, TABLE_GROUP, 0);
	pg_span *s = label ? cat(c, span(c, arena_printf(c->a, "%s ", label), PG_BOLD),
				 cat(c, text, NULL))
			   : (pg_span *)text;
	table_cell(t, 0, 1, NCOLS, s, NULL, &c->th->poa_group, c->th->group_fill);
}

static void headers(ctx *c, table *t, const pg_header *h)
{
	for (; h; h = h->next)
		group_row(c, t, h->label, h->text);
}

/* The rows of one result: one per activity (an indicator without
 * activities, a result without indicators: one empty row). */
static void poa_result(ctx *c, table *t, const pg_result *r)
{
	const theme *th = c->th;
	const uint32_t W = 0xffffff;
	enum { MERGE = 4 };
	static const int merge_col[MERGE] = { C_VER, C_RESP, C_FUND, C_RISK };
	int n = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next) {
		int k = 0;
		for (const pg_activity *a = i->activities; a; a = a->next)
			k++;
		n += k ? k : 1;
	}
	if (!n)
		n = 1;
	const pg_indicator **ri = arena_array_of(c->a, const pg_indicator *, n);
	const pg_activity **ra = arena_array_of(c->a, const pg_activity *, n);
	int k = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next) {
		if (!i->activities)
			ri[k++] = i;
		for (const pg_activity *a = i->activities; a; a = a->next, k++) {
			ri[k] = i;
			ra[k] = a;
		}
	}
	cellval *v = arena_array_of(c->a, cellval, (size_t)n * MERGE);
	for (k = 0; k < n; k++)
		for (int m = 0; m < MERGE; m++)
			v[k * MERGE + m] = row_value(c, r, ri[k], ra[k], merge_col[m]);
	for (k = 0; k < n; k++) {
		table_row(t, TABLE_BODY, 0);
		if (k == 0)
			table_cell(t, C_RES, n, 1, coded(c, r->code, r->text), NULL,
				   &th->poa_cell, W);
		if (k == 0 || ri[k] != ri[k - 1]) {
			int span = 1;
			while (k + span < n && ri[k + span] == ri[k])
				span++;
			table_cell(t, C_IND, span, 1,
				   ri[k] ? coded(c, ri[k]->code, ri[k]->text) : NULL, "",
				   &th->poa_cell, W);
		}
		for (int m = 0; m < MERGE; m++) {
			const cellval *cv = &v[k * MERGE + m];
			if (k > 0 && cv->from && cv->from == v[(k - 1) * MERGE + m].from)
				continue; /* part of the cell above */
			int span = 1;
			while (cv->from && k + span < n && v[(k + span) * MERGE + m].from == cv->from)
				span++;
			table_cell(t, merge_col[m], span, 1, cv->text, "", &th->poa_cell, W);
		}
		const pg_activity *a = ra[k];
		table_cell(t, C_ACT, 1, 1, a ? coded(c, a->code, a->text) : NULL, "",
			   &th->poa_cell, W);
		for (int m = 0; m < 12; m++)
			table_cell(t, C_M1 + m, 1, 1, NULL, "", &th->poa_cell,
				   a && (a->months >> m) & 1 ? th->month_fill : W);
	}
}

static void poa(ctx *c, const pg_poa *o, int index)
{
	const theme *th = c->th;
	landscape(c);
	para_opts po = { 0 };
	po.dest = arena_printf(c->a, "poa-%d", index);
	po.outline = o->title;
	po.outline_level = 2;
	add_para(c, NULL, o->title, &th->poa_title, &po, 0, 6, 1);
	if (o->area)
		add_para(c, NULL, arena_printf(c->a, "ÁREA ESTRATÉGICA %d: %s", o->area->num, o->area->name),
			 &th->poa_line, NULL, 0, 2, 1);
	for (int i = 0; o->objectives && o->objectives[i]; i++)
		add_para(c, NULL, arena_printf(c->a, "OBJETIVO ESTRATÉGICO %d: %s",
					       o->objectives[i]->num, o->objectives[i]->text),
			 &th->poa_line, NULL, 0, 2, 1);
	for (const pg_header *h = o->headers; h; h = h->next)
		add_para(c, cat(c, span(c, h->label ? arena_printf(c->a, "%s ", h->label) : "", PG_BOLD),
				cat(c, h->text, NULL)),
			 NULL, &th->poa_line, NULL, 0, 2, 1);

	double w[NCOLS];
	w[C_RES] = th->poa_col[0];
	w[C_IND] = th->poa_col[1];
	w[C_VER] = th->poa_col[2];
	w[C_ACT] = th->poa_col[3];
	for (int m = 0; m < 12; m++)
		w[C_M1 + m] = th->poa_col[4];
	w[C_RESP] = th->poa_col[5];
	w[C_FUND] = th->poa_col[6];
	w[C_RISK] = th->poa_col[7];
	table *t = table_new(c->e, NCOLS, w, th->cell_pad, th->border, th->border_color);
	for (int q = 3; q < 12; q += 3)
		table_col_rule(t, C_M1 + q, th->quarter_rule);
	const char *lab[PG_NCOLUMNS];
	for (int i = 0; i < PG_NCOLUMNS; i++)
		lab[i] = o->label[i] ? o->label[i] : DEFAULT_LABEL[i];
	int hrows = lab[PG_COL_PERIOD] ? 3 : 2;
	const eng_style *hs = &th->poa_head;
	table_row(t, TABLE_HEADER, 0);
	static const int fixed[] = { C_RES, C_IND, C_VER, C_ACT, C_RESP, C_FUND, C_RISK };
	static const int label_of[] = { PG_COL_RESULTS, PG_COL_INDICATORS, PG_COL_SOURCES,
					PG_COL_ACTIVITIES, PG_COL_RESPONSIBLE, PG_COL_FUNDING,
					PG_COL_RISK };
	for (int i = 0; i < 7; i++) {
		if (fixed[i] == C_RESP)
			table_cell(t, C_M1, 1, 12, NULL, lab[PG_COL_TIME], hs, th->head_fill);
		table_cell(t, fixed[i], hrows, 1, NULL, lab[label_of[i]], hs, th->head_fill);
	}
	if (lab[PG_COL_PERIOD]) {
		table_row(t, TABLE_HEADER, 0);
		table_cell(t, C_M1, 1, 12, NULL, lab[PG_COL_PERIOD], hs, th->head_fill);
	}
	table_row(t, TABLE_HEADER, 0);
	for (int m = 0; m < 12; m++)
		table_cell(t, C_M1 + m, 1, 1, NULL,
			   o->month_label[m] ? o->month_label[m] : DEFAULT_MONTHS[m],
			   &th->poa_month, th->head_fill);

	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		if (pt->title)
			group_row(c, t, NULL, span(c, pt->title, PG_BOLD));
		headers(c, t, pt->headers);
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			for (int i = 0; s->pei && s->pei[i]; i++)
				group_row(c, t, arena_printf(c->a, "OBJETIVO ESTRATÉGICO %d:", s->pei[i]->num),
					  span(c, s->pei[i]->text, 0));
			if (s->scope)
				group_row(c, t, "ALCANCE ESTRATÉGICO PLAN DE ACCIÓN:", s->scope->text);
			headers(c, t, s->headers);
			const char *label = s->label ? s->label
					    : s->num ? arena_printf(c->a, "OBJETIVO ESPECÍFICO %s:", s->num)
						     : "OBJETIVO ESPECÍFICO:";
			group_row(c, t, label, s->text);
			for (const pg_result *r = s->results; r; r = r->next)
				poa_result(c, t, r);
		}
	}
	block *bl = table_block(t);
	bl->space_before = 4;
	flow_add(c->f, bl);
}

/* ---- the POA timelines ---- */

/* A text's words, without styles, breaks or footnotes. */
static const char *plain_text(ctx *c, const pg_span *s)
{
	GString *g = g_string_new(NULL);
	for (; s; s = s->next) {
		if (s->kind == PG_SPAN_TEXT)
			g_string_append(g, s->text);
		else if (s->kind == PG_SPAN_BREAK)
			g_string_append_c(g, ' ');
	}
	char *out = arena_strdup(c->a, g->str);
	g_string_free(g, TRUE);
	return out;
}

/* A result's row: its bar covers its activities; a diamond at the middle
 * of each month an indicator is due (once per month); then one row per
 * activity.  Returns how many activities. */
static int timeline_result(ctx *c, timeline *t, const pg_result *r, int level)
{
	int n = 0;
	timeline_group(t, level, r->code, plain_text(c, r->text));
	unsigned due = 0;
	for (const pg_indicator *i = r->indicators; i; i = i->next)
		if (i->deadline)
			due |= 1u << (i->deadline - 1);
	for (int m = 0; m < 12; m++)
		if (due >> m & 1)
			timeline_milestone(t, m + 0.5);
	for (const pg_indicator *i = r->indicators; i; i = i->next)
		for (const pg_activity *a = i->activities; a; a = a->next, n++)
			timeline_item(t, a->code, plain_text(c, a->text), a->months);
	return n;
}

/* The Cronograma of a POA: its activities over the twelve months,
 * grouped by specific objective and result, on a landscape page of its
 * own after the matrix. */
static void poa_timeline(ctx *c, const pg_poa *o, int index)
{
	static const char *const QUARTER[4] = { "Trimestre 1", "Trimestre 2",
						"Trimestre 3", "Trimestre 4" };
	const theme *th = c->th;
	const char *months[12];
	for (int m = 0; m < 12; m++)
		months[m] = o->month_label[m] ? o->month_label[m] : DEFAULT_MONTHS[m];
	tl_opts to = {
		.periods = 12, .span = 3, .period_label = months, .span_label = QUARTER,
		.head = "OBJETIVOS ESPECÍFICOS, RESULTADOS Y ACTIVIDADES",
		.continued = "(continuación)",
		.legend = { [TL_PLANNED] = "Meses planificados",
			    [TL_ACTUAL] = "Meses ejecutados",
			    [TL_PROGRESS] = "Avance",
			    [TL_MILESTONE] = "Plazo de un indicador",
			    [TL_CUTOFF] = "Fecha de corte" },
	};
	timeline *t = timeline_new(c->e, &th->timeline, &to);
	int activities = 0;
	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		int level = 0;
		if (pt->title)
			timeline_group(t, level++, NULL, pt->title);
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			const char *label = s->label ? s->label
					    : s->num ? arena_printf(c->a, "OBJETIVO ESPECÍFICO %s:", s->num)
						     : "OBJETIVO ESPECÍFICO:";
			timeline_group(t, level, label, plain_text(c, s->text));
			for (const pg_result *r = s->results; r; r = r->next)
				activities += timeline_result(c, t, r, level + 1);
		}
	}
	block *bl = timeline_block(t);
	if (!activities) {
		bl->kind->free(bl);
		return;
	}
	landscape(c);
	para_opts po = { 0 };
	po.dest = arena_printf(c->a, "poa-%d-cronograma", index);
	po.outline = arena_printf(c->a, "Cronograma — %s", o->title);
	po.outline_level = 3;
	add_para(c, NULL, po.outline, &th->poa_title, &po, 0, 6, 1);
	flow_add(c->f, bl);
}

static void poas(ctx *c)
{
	if (c->stop_before_poas) {
		c->stop_before_poas = -1;
		return;
	}
	int i = 0;
	for (const pg_poa *o = c->p->poas; o; o = o->next) {
		poa(c, o, ++i);
		poa_timeline(c, o, i);
	}
}

/* ---- the signature page ---- */

static const char *const MONTHS[12] = {
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

/* "30 de noviembre de 2018" from 2018-11-30, "noviembre de 2018" from
 * 2018-11 (the reader has checked the date). */
static const char *long_date(ctx *c, const char *iso)
{
	int y = atoi(iso), m = atoi(iso + 5), d = strlen(iso) >= 10 ? atoi(iso + 8) : 0;
	if (m < 1 || m > 12)
		return iso;
	return d ? arena_printf(c->a, "%d de %s de %d", d, MONTHS[m - 1], y)
		 : arena_printf(c->a, "%s de %d", MONTHS[m - 1], y);
}

/* One signatory's box at x,y: images, a signature line, name, cargo;
 * the box is their signature field. */
static void sign_box(ctx *c, dl_page *pg, const pg_signatory *s, double x,
		     double y, double w)
{
	const theme *th = c->th;
	double h = th->sign_box_h, pad = th->cell_pad;
	dl_stroke(pg, x, y, w, h, th->border, th->border_color);
	sign_images(pg, s, x + pad, y + pad, w - 2 * pad, th->sign_image_h);
	double ly = y + pad + th->sign_image_h + 4;
	dl_line(pg, x + w * 0.15, ly, x + w * 0.85, ly, th->border, th->border_color);
	ly += 4;
	if (s->name) {
		PangoLayout *nl = eng_plain(c->e, s->name, &th->sign_name, w - 2 * pad);
		eng_draw(pg, nl, x + pad, ly, th->sign_name.color);
		ly += eng_height(nl);
		g_object_unref(nl);
	}
	PangoLayout *cl = eng_plain(c->e, s->cargo, &th->sign_cargo, w - 2 * pad);
	eng_draw(pg, cl, x + pad, ly, th->sign_cargo.color);
	g_object_unref(cl);
	dl_field(pg, x, y, w, h, s->id);
}

/* The approval: why, where and when, then the signatories' boxes, two
 * a row, in signing order. */
static void approval_page(ctx *c)
{
	const pg_signatory *const *who = c->p->approvers;
	if (!who || !who[0])
		return;
	const theme *th = c->th;
	portrait(c);
	flow_break(c->f);
	para_opts o = { .dest = "aprobacion", .outline = "Aprobación",
			.outline_level = 1 };
	add_para(c, NULL, "Aprobación", &th->heading[0], &o, th->heading_space, 8, 1);
	const pg_plan *p = c->p;
	const char *reason = p->approval_reason
				     ? p->approval_reason
				     : arena_printf(c->a, "Aprobación: %s", p->title);
	add_para(c, NULL, arena_printf(c->a, "%s.", reason), &th->body, NULL, 0,
		 th->para_space, 0);
	const char *when = long_date(c, p->approval_date ? p->approval_date : p->date);
	add_para(c, NULL, p->approval_place
				  ? arena_printf(c->a, "%s, %s.", p->approval_place, when)
				  : arena_printf(c->a, "%s.", when),
		 &th->body, NULL, 0, th->heading_space, 0);
	double w = (flow_width(c->f) - th->sign_gap) / 2;
	for (int i = 0; who[i]; i++) {
		int col = i % 2;
		if (col == 0 && flow_room(c->f) < th->sign_box_h)
			flow_break(c->f);
		sign_box(c, flow_page(c->f), who[i],
			 flow_x(c->f) + col * (w + th->sign_gap), flow_y(c->f), w);
		if (col == 1 || !who[i + 1])
			flow_advance(c->f, th->sign_box_h + th->sign_gap);
	}
}

/* ---- the document ---- */

/* Whether a heading comes after the <poas/> placement. */
static int heading_after_poas(const pg_section *s, int *seen)
{
	for (; s; s = s->next) {
		if (*seen)
			return 1;
		for (const pg_block *b = s->blocks; b; b = b->next)
			if (b->kind == PG_BLOCK_POAS)
				*seen = 1;
		if (heading_after_poas(s->children, seen))
			return 1;
	}
	return 0;
}

static int run(ctx *c, int pass)
{
	c->pass = pass;
	c->table_no = c->figure_no = 0;
	c->note_no = 1;
	c->landscape = 0;
	int seen = 0;
	c->stop_before_poas = pass == 1 && !heading_after_poas(c->p->sections, &seen);
	c->f = flow_new(c->e, &c->th->portrait, footer, emit, c, c->d);
	flow_at(c->f, c->p->file, 0);
	cover(c);
	contents(c);
	int index = 0;
	sections(c, c->p->sections, 1, &index);
	flow_at(c->f, c->p->file, 0);
	if (pass == 2)
		approval_page(c);
	int r = flow_end(c->f);
	flow_free(c->f);
	c->f = NULL;
	return r;
}

int layout_plan(const pg_plan *p, eng *e, const theme *th, device *dev,
		diag *d)
{
	ctx *c = calloc(1, sizeof *c);
	if (!c)
		pg_oom();
	c->p = p;
	c->e = e;
	theme paper = *th;
	if (p->paper == PG_A4)
		theme_a4(&paper);
	c->th = &paper;
	c->dev = dev;
	c->d = d;
	c->a = arena_new();
	c->toc = arena_array_of(c->a, toc_entry, count_sections(p->sections));
	c->toc_by_dest = g_hash_table_new(g_str_hash, g_str_equal);
	toc_collect(c, p->sections, NULL, 1);
	int r = run(c, 1);
	if (r == 0)
		r = run(c, 2);
	g_hash_table_destroy(c->toc_by_dest);
	arena_free(c->a);
	free(c);
	return r;
}

void layout_plan_meta(const pg_plan *p, dev_meta *m, char *date, size_t n)
{
	memset(m, 0, sizeof *m);
	m->title = p->title;
	m->author = p->institution;
	m->subject = p->pei ? p->pei->title : "Plan de Acción";
	m->keywords = "Plan de Acción, POA, planificación, presupuesto";
	if (p->date) {
		/* YYYY-MM or YYYY-MM-DD: the document's date, at midnight. */
		snprintf(date, n, "%.7s-%.2sT00:00:00", p->date,
			 strlen(p->date) >= 10 ? p->date + 8 : "01");
		m->date = date;
	}
}
