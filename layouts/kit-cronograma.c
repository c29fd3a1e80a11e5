/*
 * kit-cronograma.c — a POA's Cronograma: its activities over the twelve
 * months as a Gantt chart, grouped by part, specific objective and
 * result, on landscape pages after the matrix (from its last page on,
 * when its start fits there).  A result's
 * bar covers its activities; a diamond marks each month an indicator is
 * due (once per month; an indicator due twice, plazo="1 7", has two).  With a progress report, each activity's bar is
 * its schedule in force with its real progress inside, and a line marks
 * the cut-off.
 */
#include "kit.h"

/* A result's rows; returns how many activities.  *at: the index of its
 * first activity in pg->reports, moved past its own. */
static int result_rows(kit_doc *c, timeline *t, const pg_result *r, int level,
		       const kit_progress *pg, int *at)
{
	int n = 0;
	timeline_group(t, level, r->code, kit_plain(c, r->text));
	unsigned due = 0;
	for (const pg_indicator *x = r->indicators; x; x = x->next)
		due |= x->deadlines;
	for (int m = 0; m < 12; m++)
		if (due >> m & 1)
			timeline_milestone(t, m + 0.5);
	for (const pg_indicator *x = r->indicators; x; x = x->next)
		for (const pg_activity *a = x->activities; a; a = a->next, n++, ++*at) {
			if (!pg) {
				timeline_item(t, a->code, kit_plain(c, a->text), a->months);
				continue;
			}
			const pg_report *rp = &pg->reports[*at];
			timeline_item(t, a->code, kit_plain(c, a->text), rp->months);
			if (rp->months)
				timeline_actual(t, rp->months, rp->progress / 100);
		}
	return n;
}

void kit_cronograma(kit_doc *c, const pg_poa *o, int index, int level,
		    const kit_progress *pg)
{
	const theme *th = c->th;
	const words *w = c->w;
	const char *months[12];
	for (int m = 0; m < 12; m++)
		months[m] = kit_month_label(c, o, m);
	tl_opts to = {
		.periods = 12, .span = 3, .period_label = months, .span_label = w->quarter,
		.head = w->timeline_head,
		.continued = w->continued,
		.legend = { [TL_PLANNED] = w->legend[TL_PLANNED],
			    /* A progress report's bars are the schedule in force. */
			    [TL_ACTUAL] = pg ? NULL : w->legend[TL_ACTUAL],
			    [TL_PROGRESS] = w->legend[TL_PROGRESS],
			    [TL_MILESTONE] = w->legend[TL_MILESTONE],
			    [TL_CUTOFF] = w->legend[TL_CUTOFF],
			    [TL_SUMMARY] = w->legend[TL_SUMMARY] },
	};
	/* Its pages after the first carry its title again. */
	const char *title = arena_printf(c->a, w->cronograma_fmt, o->title);
	to.title = arena_printf(c->a, "%s %s", title, w->continued);
	to.title_style = &th->poa_title;
	to.title_after = th->poa_title_after;
	timeline *t = timeline_new(c->e, &th->timeline, &to);
	int activities = 0, i = 0;
	for (const pg_part *pt = o->parts; pt; pt = pt->next) {
		int depth = 0;
		if (pt->title)
			timeline_group(t, depth++, NULL, pt->title);
		for (const pg_specific *s = pt->objectives; s; s = s->next) {
			timeline_group(t, depth, kit_specific_label(c, s), kit_plain(c, s->text));
			for (const pg_result *r = s->results; r; r = r->next)
				activities += result_rows(c, t, r, depth + 1, pg, &i);
		}
	}
	if (pg)
		timeline_cutoff(t, pg->cut_month);
	block *bl = timeline_block(t);
	if (!activities) {
		bl->kind->free(bl);
		return;
	}
	/* After its matrix, on the matrix's last page when the title, the
	 * header and the first rows fit there (the title is kept with them). */
	double before = c->landscape ? th->cronograma_before : 0;
	if (!c->landscape)
		kit_landscape(c);
	para_opts po = { 0 };
	po.dest = arena_printf(c->a, "poa-%d-cronograma", index);
	po.outline = title;
	po.outline_level = level;
	kit_para(c, NULL, title, &th->poa_title, &po, before, th->poa_title_after, 1);
	flow_add(c->f, bl);
}
