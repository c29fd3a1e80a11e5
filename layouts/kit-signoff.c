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

static int approvers_of(const kit_doc *c)
{
	int n = 0;
	while (c->approvers && c->approvers[n])
		n++;
	return n;
}

/* How many approvers a row of the footer holds in width w. */
static int per_row(const kit_doc *c, double w)
{
	int k = (int)(w / c->th->footer_block_w);
	return k < 1 ? 1 : k;
}

/* The width of one approver's block in a footer w wide. */
static double col_w(const kit_doc *c, double w)
{
	int n = approvers_of(c), k = per_row(c, w);
	return w / (n < k ? (n ? n : 1) : k);
}

/* One row's height in a footer w wide: the tallest cargo and name as
 * set there, or the images if taller. */
static double row_h(const kit_doc *c, double w)
{
	const theme *th = c->th;
	double colw = col_w(c, w), h = 0;
	for (int i = 0; c->approvers && c->approvers[i]; i++) {
		const pg_signatory *s = c->approvers[i];
		int img = s->signature || s->stamp;
		double tw = colw - (img ? th->footer_image_w + th->footer_image_gap : 0);
		PangoLayout *l = eng_plain(c->e, s->cargo, &th->footer_bold, tw);
		double one = eng_height(l);
		g_object_unref(l);
		if (s->name) {
			l = eng_plain(c->e, s->name, &th->footer, tw);
			one += eng_height(l);
			g_object_unref(l);
		}
		/* Images rise above the text's top: a row with them is
		 * that much taller, from the images' top. */
		if (img)
			one = (one + th->footer_image_rise > th->footer_image_h
				       ? one + th->footer_image_rise
				       : th->footer_image_h);
		if (one > h)
			h = one;
	}
	return h + th->footer_row_gap;
}

double kit_footer_extra(const kit_doc *c, const eng_page *ps)
{
	int n = approvers_of(c);
	if (!n)
		return 0;
	int k = per_row(c, ps->w - ps->left - ps->right);
	int rows = (n + k - 1) / k;
	return (rows - 1) * row_h(c, ps->w - ps->left - ps->right);
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
	/* The theme's page: the footer's rows past the first are below
	 * its first, in the room the body gave up (c->page_*). */
	const eng_page *ps = c->landscape ? &th->landscape : &th->portrait;
	double left = ps->left, right = pg->w - ps->right;
	double extra = kit_footer_extra(c, ps);
	double top = pg->h - ps->bottom - extra;
	double base = top + th->footer_h * th->footer_base;
	dl_line(pg, left, base - th->footer_rule_gap, right, base - th->footer_rule_gap,
		th->footer_rule_lw, th->rule_color);
	/* One block per approving official, in rows of as many as fit
	 * across the foot, their images left of their cargo and name; a
	 * row not full is centred. */
	const pg_signatory *const *who = c->approvers;
	int n = approvers_of(c);
	int k = per_row(c, right - left);
	double colw = col_w(c, right - left), rh = n > k ? row_h(c, right - left) : 0;
	for (int i = 0; i < n; i++) {
		int row = i / k, in_row = n - row * k < k ? n - row * k : k;
		double y = base + row * rh;
		/* With images, the text is centred in what they leave. */
		double x = left + (right - left - in_row * colw) / 2 + colw * (i % k), img = 0;
		if (who[i]->signature || who[i]->stamp)
			img = th->footer_image_w + th->footer_image_gap;
		double tw = colw - img;
		PangoLayout *l = eng_plain(c->e, who[i]->cargo, &th->footer_bold, tw);
		eng_draw(pg, l, x + img, y, th->footer_bold.color);
		double textw = eng_width(l);
		if (who[i]->name) {
			PangoLayout *nl = eng_plain(c->e, who[i]->name, &th->footer, tw);
			eng_draw(pg, nl, x + img, y + eng_height(l), th->footer.color);
			if (eng_width(nl) > textw)
				textw = eng_width(nl);
			g_object_unref(nl);
		}
		g_object_unref(l);
		if (img) {
			double ix = x + img + (tw - textw) / 2 - img;
			sign_images(pg, who[i], ix > x ? ix : x, y - th->footer_image_rise,
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
