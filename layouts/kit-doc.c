/*
 * kit-doc.c — a document's context, its two passes and its pages.
 *
 * Pass 1 lays the body out with the same flow, footer and sizes as pass
 * 2 but emits nothing: each page's named destinations tell the page of
 * the headings they start, which pass 2's contents prints.  A body may
 * set `done` in pass 1 once nothing after that point can move a
 * heading (the plan's POA matrices after its last heading): pass 1 then
 * ends early.
 */
#include "kit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kit_doc_init(kit_doc *c, eng *e, const theme *th, const words *w,
		  device *dev, diag *d)
{
	memset(c, 0, sizeof *c);
	c->e = e;
	c->th = th;
	c->w = w;
	c->dev = dev;
	c->d = d;
	c->a = arena_new();
	c->toc_by_dest = g_hash_table_new(g_str_hash, g_str_equal);
}

void kit_doc_free(kit_doc *c)
{
	g_hash_table_destroy(c->toc_by_dest);
	free(c->toc);
	arena_free(c->a);
}

static int emit(dl_page *pg, void *ud)
{
	kit_doc *c = ud;
	if (c->pass == 2)
		return c->dev->page(c->dev, pg);
	/* Learn where the headings fell. */
	for (int i = 0; i < pg->n; i++) {
		kit_heading *h = pg->ops[i].kind == DL_DEST
					 ? g_hash_table_lookup(c->toc_by_dest, pg->ops[i].str)
					 : NULL;
		if (h)
			h->page = pg->number;
	}
	return 0;
}

static int run(kit_doc *c, void (*body)(kit_doc *c), int pass)
{
	c->pass = pass;
	c->table_no = c->figure_no = 0;
	c->note_no = 1;
	c->landscape = 0;
	c->done = 0;
	c->next_heading = 0;
	c->page_portrait = c->th->portrait;
	c->page_portrait.bottom += kit_footer_extra(c, &c->th->portrait);
	c->page_landscape = c->th->landscape;
	c->page_landscape.bottom += kit_footer_extra(c, &c->th->landscape);
	c->f = flow_new(c->e, &c->page_portrait, kit_footer, emit, c, c->d);
	flow_set_notes(c->f, &c->th->notes);
	flow_at(c->f, c->file, 0);
	body(c);
	int r = flow_end(c->f);
	flow_free(c->f);
	c->f = NULL;
	return r;
}

int kit_doc_layout(kit_doc *c, void (*body)(kit_doc *c))
{
	int r = run(c, body, 1);
	return r == 0 ? run(c, body, 2) : r;
}

void kit_portrait(kit_doc *c)
{
	if (c->landscape) {
		flow_break(c->f);
		flow_set_page(c->f, &c->page_portrait);
		c->landscape = 0;
	}
}

void kit_landscape(kit_doc *c)
{
	flow_break(c->f);
	flow_set_page(c->f, &c->page_landscape);
	c->landscape = 1;
}

void kit_para(kit_doc *c, const pg_span *text, const char *plain,
	      const eng_style *st, const para_opts *o, double before,
	      double after, int keep)
{
	block *b = para_new(c->e, text, plain, st, o, &c->note_no, &c->th->note);
	b->space_before = before;
	b->space_after = after;
	b->keep_with_next = keep;
	flow_add(c->f, b);
}

void kit_info_init(kit_info *i, const words *w, const char *file, const char *lang,
		   const char *date, const pg_signatory *const *approvers,
		   const char *reason, const char *place)
{
	memset(i, 0, sizeof *i);
	i->file = file;
	i->lang = lang;
	i->source_desc = w->attach_source;
	i->dtd_desc = w->attach_dtd;
	i->approvers = approvers;
	i->reason = reason;
	i->place = place;
	if (date) {
		snprintf(i->date, sizeof i->date, "%.7s-%.2sT00:00:00", date,
			 strlen(date) >= 10 ? date + 8 : "01");
		i->meta.date = i->date;
	}
}
