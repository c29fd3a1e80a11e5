/*
 * kit-signoff.c — the sign-off: every page's footer (a rule, each
 * approving official's cargo and name with their signature and stamp
 * images, the page number) and the approval page, whose boxes are the
 * empty fields of the officials' digital signatures, in signing order.
 */
#include "kit.h"

#include <stdio.h>

/* A signatory's images, stamp under handwritten signature, in a box. */
static void sign_images(dl_page *pg, const pg_signatory *s, double x, double y,
			double w, double h)
{
	if (s->stamp)
		dl_image(pg, s->stamp, x, y, w, h, NULL);
	if (s->signature)
		dl_image(pg, s->signature, x, y, w, h, NULL);
}

void kit_footer(flow *f, dl_page *pg, void *ud)
{
	kit_doc *c = ud;
	(void)f;
	char num[16];
	snprintf(num, sizeof num, "%d", pg->number);
	if (pg->number == 1) {
		dl_set_label(pg, c->w->cover_label);
		return;
	}
	dl_set_label(pg, num);
	const theme *th = c->th;
	const eng_page *ps = c->landscape ? &th->landscape : &th->portrait;
	double left = ps->left, right = pg->w - ps->right;
	double base = pg->h - ps->bottom + th->footer_h * th->footer_base;
	dl_line(pg, left, base - th->footer_rule_gap, right, base - th->footer_rule_gap,
		th->footer_rule_lw, th->rule_color);
	/* One block per approving official, across the foot, their images
	 * left of their cargo and name. */
	const pg_signatory *const *who = c->approvers;
	int n = 0;
	while (who && who[n])
		n++;
	double colw = n ? (right - left) / n : 0;
	for (int i = 0; i < n; i++) {
		/* With images, the text is centred in what they leave. */
		double x = left + colw * i, img = 0;
		if (who[i]->signature || who[i]->stamp)
			img = th->footer_image_w + th->footer_image_gap;
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
			sign_images(pg, who[i], ix > x ? ix : x, base - th->footer_image_rise,
				    th->footer_image_w, th->footer_image_h);
		}
	}
	PangoLayout *pn = eng_plain(c->e, num, &th->footer, right - left);
	eng_draw(pg, pn, left, pg->h - ps->bottom + th->footer_h, th->footer.color);
	g_object_unref(pn);
}

const char *kit_approval_reason(const words *w, const char *reason,
				const char *title, arena *a)
{
	return reason ? reason : arena_printf(a, w->approval_reason_fmt, title ? title : "");
}

/* One signatory's box at x,y: images, a signature line, name, cargo;
 * the box is their signature field. */
static void sign_box(kit_doc *c, dl_page *pg, const pg_signatory *s, double x,
		     double y, double w)
{
	const theme *th = c->th;
	double h = th->sign_box_h, pad = th->cell_pad;
	dl_stroke(pg, x, y, w, h, th->border, th->border_color);
	sign_images(pg, s, x + pad, y + pad, w - 2 * pad, th->sign_image_h);
	double ly = y + pad + th->sign_image_h + th->sign_line_gap;
	dl_line(pg, x + w * th->sign_line_inset, ly, x + w * (1 - th->sign_line_inset), ly,
		th->border, th->border_color);
	ly += th->sign_line_gap;
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

void kit_approval_page(kit_doc *c, const char *reason, const char *place,
		       const char *date)
{
	const pg_signatory *const *who = c->approvers;
	if (!who || !who[0])
		return;
	const theme *th = c->th;
	kit_portrait(c);
	flow_break(c->f);
	flow_at(c->f, c->file, 0);
	para_opts o = { .dest = "aprobacion", .outline = c->w->approval,
			.outline_level = 1 };
	kit_para(c, NULL, c->w->approval, &th->heading[0], &o, th->heading_space,
		 th->heading_after, 1);
	kit_para(c, NULL, arena_printf(c->a, "%s.", reason), &th->body, NULL, 0,
		 th->para_space, 0);
	const char *when = kit_date_long(c, date);
	kit_para(c, NULL, place ? arena_printf(c->a, "%s, %s.", place, when)
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
