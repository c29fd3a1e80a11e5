/*
 * kit-pei.c — the strategic plan (PEI) as a diagram: mission and
 * vision, the strategic goal, the areas with their objectives (joined
 * to the goal), the values beneath; only what the plan gives.
 */
#include "kit.h"

void kit_pei_figure(kit_doc *c, const pg_pei *pe, const char *caption,
		    const char *source)
{
	const theme *th = c->th;
	const words *w = c->w;
	if (!pe)
		return;
	boxes_style st = th->pei;
	st.foot = kit_caption_room(c, caption, source);
	boxes *d = boxes_new(c->e, &st);
	if (pe->mission || pe->vision) {
		boxes_row(d, 0);
		if (pe->mission) {
			boxes_box(d, 1, w->mission);
			boxes_text(d, NULL, pe->mission);
		}
		if (pe->vision) {
			boxes_box(d, 1, w->vision);
			boxes_text(d, NULL, pe->vision);
		}
	}
	if (pe->goal) {
		boxes_row(d, 1);
		boxes_box(d, 1, w->goal);
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
		boxes_box(d, 1, arena_printf(c->a, w->area_box_fmt, a->num, a->name));
		for (const pg_objective *o = a->objectives; o; o = o->next)
			boxes_text(d, kit_cat(c, kit_span(c, arena_printf(c->a, w->objective_item_fmt, o->num), PG_BOLD),
					      kit_span(c, o->text, 0)),
				   NULL);
	}
	if (pe->values) {
		boxes_row(d, 0);
		boxes_box(d, 1, w->values);
		boxes_text(d, kit_joined(c, pe->values), NULL);
	}
	block *bl = boxes_block(d);
	bl->space_before = th->figure_before;
	flow_add(c->f, bl);
	kit_caption(c, c->w->figure, &c->figure_no, caption, source);
}
