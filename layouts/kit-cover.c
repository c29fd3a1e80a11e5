/*
 * kit-cover.c — a document's cover: the logos in a row at the top (each
 * at its side: left, centre, right), the institution's lines the
 * document writes above its title, the title a third of the way down,
 * the subtitle, a photo, the other institution lines, the date, and, when
 * the document asks, the approving officials' sign-off at the foot (each
 * one's stamp under their signature, their cargo and name under them, as
 * the 2016 plan prints them); no footer (page 1).
 */
#include "kit.h"

#include "../generator/base/image.h"

void kit_cover(kit_doc *c, const char *title, const char *subtitle,
	       const pg_item *lines, const char *date)
{
	kit_cover_spec s = { .title = title, .subtitle = subtitle, .lines = lines,
			     .date = date };
	kit_cover_draw(c, &s);
}

void kit_cover_photo(kit_doc *c, const char *title, const char *subtitle,
		     const pg_item *lines, const char *date, const char *photo,
		     const char *alt, const char *caption)
{
	kit_cover_spec s = { .title = title, .subtitle = subtitle, .lines = lines,
			     .date = date, .photo = photo, .alt = alt,
			     .caption = caption };
	kit_cover_draw(c, &s);
}

/* A logo's width at height h, its aspect kept (the reader checked it). */
static double logo_width(const char *file, double h)
{
	char why[256];
	cairo_surface_t *s = pg_image_load(file, why, sizeof why);
	double iw = 1, ih = 1;
	if (s) {
		pg_image_size(s, &iw, &ih);
		cairo_surface_destroy(s);
	}
	return iw > 0 && ih > 0 ? h * iw / ih : h;
}

/* The logos in one row across the frame: those at the left from the
 * left edge, those at the right from the right edge, the centred ones
 * side by side in the middle; each scaled to the row's height, or
 * smaller so that the row fits the frame. */
static void logos(kit_doc *c, const pg_logo *l)
{
	if (!l)
		return;
	const theme *th = c->th;
	double frame = flow_width(c->f), h = th->cover_logo_h, gap = th->cover_logo_gap;
	double total = 0;
	int n = 0;
	for (const pg_logo *it = l; it; it = it->next, n++)
		total += logo_width(it->file, h);
	double need = total + gap * (n - 1);
	if (need > frame) /* shrink the row to the frame */
		h *= (frame - gap * (n - 1)) / total;
	double left = flow_x(c->f), right = left + frame, mid = 0;
	for (const pg_logo *it = l; it; it = it->next)
		if (it->position == PG_ALIGN_CENTER)
			mid += logo_width(it->file, h) + gap;
	double cx = left + (frame - (mid > 0 ? mid - gap : 0)) / 2;
	dl_page *pg = flow_page(c->f);
	double y = flow_y(c->f);
	for (const pg_logo *it = l; it; it = it->next) {
		double w = logo_width(it->file, h), x;
		if (it->position == PG_ALIGN_LEFT) {
			x = left;
			left += w + gap;
		} else if (it->position == PG_ALIGN_RIGHT) {
			right -= w;
			x = right;
			right -= gap;
		} else {
			x = cx;
			cx += w + gap;
		}
		dl_image(pg, it->file, x, y, w, h, c->w->cover_logo_alt);
	}
	flow_advance(c->f, h);
}

/* The sign-off at the foot of the cover: one column per official, their
 * stamp and signature, then cargo and name, centred. */
static void signoff(kit_doc *c, const pg_signatory *const *who)
{
	const theme *th = c->th;
	int n = 0;
	while (who && who[n])
		n++;
	if (!n)
		return;
	double frame = flow_width(c->f), colw = frame / n, img = th->cover_sign_image_h;
	double texth = 0;
	for (int i = 0; i < n; i++) {
		PangoLayout *l = eng_plain(c->e, who[i]->cargo, &th->sign_cargo, colw);
		double hh = eng_height(l);
		g_object_unref(l);
		if (who[i]->name) {
			l = eng_plain(c->e, who[i]->name, &th->sign_name, colw);
			hh += eng_height(l);
			g_object_unref(l);
		}
		if (hh > texth)
			texth = hh;
	}
	double need = img + th->sign_line_gap + texth;
	if (flow_room(c->f) > need)
		flow_advance(c->f, flow_room(c->f) - need);
	dl_page *pg = flow_page(c->f);
	double y = flow_y(c->f);
	for (int i = 0; i < n; i++) {
		double x = flow_x(c->f) + colw * i;
		if (who[i]->stamp)
			dl_image(pg, who[i]->stamp, x, y, colw, img, NULL);
		if (who[i]->signature)
			dl_image(pg, who[i]->signature, x, y, colw, img, NULL);
		double ty = y + img + th->sign_line_gap;
		if (who[i]->name) {
			PangoLayout *nl = eng_plain(c->e, who[i]->name, &th->sign_name, colw);
			eng_draw(pg, nl, x, ty, th->sign_name.color);
			ty += eng_height(nl);
			g_object_unref(nl);
		}
		PangoLayout *cl = eng_plain(c->e, who[i]->cargo, &th->sign_cargo, colw);
		eng_draw(pg, cl, x, ty, th->sign_cargo.color);
		g_object_unref(cl);
	}
	flow_advance(c->f, need < flow_room(c->f) ? need : flow_room(c->f));
}

void kit_cover_draw(kit_doc *c, const kit_cover_spec *s)
{
	const theme *th = c->th;
	flow_page(c->f);
	double top = s->photo ? th->cover_top / 3 : th->cover_top;
	if (s->logos) {
		logos(c, s->logos);
		top -= th->cover_logo_h;
		if (top < th->cover_title_after)
			top = th->cover_title_after;
	}
	if (s->lines_above) {
		flow_advance(c->f, top / 2);
		for (const pg_item *it = s->lines_above; it; it = it->next)
			kit_para(c, it->text, NULL, &th->cover_line, NULL, 0,
				 th->cover_line_after, 0);
		flow_advance(c->f, top / 2 > th->cover_title_after ? top / 2 : th->cover_title_after);
	} else {
		flow_advance(c->f, top);
	}
	kit_para(c, NULL, s->title, &th->cover_title, NULL, 0, th->cover_title_after, 0);
	if (s->subtitle)
		kit_para(c, NULL, s->subtitle, &th->cover_date, NULL, 0,
			 th->cover_title_after, 0);
	if (s->photo) {
		block *bl = image_new(c->e, s->photo, 1, th->cover_photo_h, s->alt);
		bl->space_before = th->cover_title_after;
		bl->space_after = s->caption ? th->caption_after : th->cover_title_after;
		bl->keep_with_next = s->caption != NULL;
		flow_add(c->f, bl);
		if (s->caption)
			kit_para(c, NULL, s->caption, &th->source, NULL, 0,
				 th->cover_title_after, 0);
	} else {
		flow_advance(c->f, th->cover_lines_before);
	}
	for (const pg_item *it = s->lines; it; it = it->next)
		kit_para(c, it->text, NULL, &th->cover_line, NULL, 0,
			 th->cover_line_after, 0);
	if (s->date) {
		flow_advance(c->f, th->cover_date_before);
		kit_para(c, NULL, s->date, &th->cover_date, NULL, 0, 0, 0);
	}
	if (s->signers)
		signoff(c, s->signers);
	flow_break(c->f);
}
