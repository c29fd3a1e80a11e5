/*
 * kit-org.c — the organisation chart: a tidy tree of the units named
 * with their acronyms, coloured by level, headed by the organisation's
 * title, a legend of the levels used beneath, and its caption.
 */
#include "kit.h"

/* The units under parent (index in the chart), depth first.  Advisory
 * units hang beside their parent's stem, unless the parent is one. */
static void units(kit_doc *c, tree *t, const pg_unit *u, int parent)
{
	const theme *th = c->th;
	for (; u; u = u->next) {
		int aside = u->level == PG_ADVISORY && u->parent &&
			    u->parent->level != PG_ADVISORY;
		const char *name = u->acronym ? arena_printf(c->a, "%s (%s)", u->name, u->acronym)
					      : u->name;
		int k = tree_node(t, parent, name, aside, th->org_fill[u->level],
				  th->org_border[u->level], th->org_text[u->level]);
		units(c, t, u->children, k);
	}
}

static void levels(const pg_unit *u, int *used)
{
	for (; u; u = u->next) {
		used[u->level] = 1;
		levels(u->children, used);
	}
}

void kit_org_chart(kit_doc *c, const pg_unit *roots, const char *title,
		   const char *caption, const char *source)
{
	const theme *th = c->th;
	if (!roots)
		return;
	const char *cap = caption ? caption : title;
	tree_style st = th->org;
	st.foot = kit_caption_room(c, cap, source);
	tree *t = tree_new(c->e, title, &st, c->w->continued_page);
	units(c, t, roots, -1);
	int used[4] = { 0, 0, 0, 0 };
	levels(roots, used);
	for (int k = 0; k < 4; k++)
		if (used[k])
			tree_legend(t, c->w->level[k], th->org_fill[k], th->org_border[k]);
	block *bl = tree_block(t);
	bl->space_before = th->figure_before;
	flow_add(c->f, bl);
	kit_caption(c, c->w->figure, &c->figure_no, cap, source);
}
