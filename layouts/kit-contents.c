/*
 * kit-contents.c — the headings of a document and its contents page.
 *
 * The headings are known before the passes, in reading order; each has
 * a named destination, looked up by name when pass 1 meets it on a page
 * (kit-doc.c), so that pass 2's contents prints its page number.
 */
#include "kit.h"

#include <stdlib.h>

kit_heading *kit_toc_add(kit_doc *c, const char *number, const char *title,
			 int level, const char *dest)
{
	if (c->ntoc == c->captoc) {
		c->captoc = c->captoc ? 2 * c->captoc : 32;
		c->toc = realloc(c->toc, (size_t)c->captoc * sizeof *c->toc);
		if (!c->toc)
			pg_oom();
	}
	kit_heading *h = arena_new_of(c->a, kit_heading);
	h->number = number;
	h->title = title ? title : "";
	h->dest = dest;
	h->level = level;
	c->toc[c->ntoc++] = h;
	g_hash_table_insert(c->toc_by_dest, (char *)dest, h);
	return h;
}

kit_heading *kit_heading_next(kit_doc *c)
{
	return c->next_heading < c->ntoc ? c->toc[c->next_heading++] : NULL;
}

void kit_contents(kit_doc *c, const char *title)
{
	const theme *th = c->th;
	kit_para(c, NULL, title ? title : c->w->contents, &th->toc_title, NULL, 0,
		 th->toc_title_after, 0);
	for (int i = 0; i < c->ntoc; i++) {
		const kit_heading *h = c->toc[i];
		if (h->level > 2)
			continue;
		para_opts o = { 0 };
		o.indent = (h->level - 1) * th->toc_indent;
		o.leader_to = h->page ? arena_printf(c->a, "%d", h->page) : "0";
		o.link = h->dest;
		const char *text = h->number ? arena_printf(c->a, "%s   %s", h->number, h->title)
					     : h->title;
		kit_para(c, NULL, text, &th->toc_entry, &o, 0, th->toc_entry_after, 0);
	}
	flow_break(c->f);
}

void kit_heading_para(kit_doc *c, const kit_heading *h)
{
	const theme *th = c->th;
	int lv = h->level < 3 ? h->level : 3;
	para_opts o = { 0 };
	o.dest = h->dest;
	o.outline = h->number ? arena_printf(c->a, "%s %s", h->number, h->title) : h->title;
	o.outline_level = h->level;
	const char *title = h->number ? arena_printf(c->a, "%s   %s", h->number, h->title)
				      : h->title;
	kit_para(c, NULL, title, &th->heading[lv - 1], &o, th->heading_space,
		 th->heading_after, 1);
}
