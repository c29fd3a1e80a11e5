/*
 * kit-cover.c — a document's cover: the title a third of the way down,
 * the subtitle, the institution's lines, the date; no footer (page 1).
 */
#include "kit.h"

void kit_cover(kit_doc *c, const char *title, const char *subtitle,
	       const pg_item *lines, const char *date)
{
	kit_cover_photo(c, title, subtitle, lines, date, NULL, NULL, NULL);
}

void kit_cover_photo(kit_doc *c, const char *title, const char *subtitle,
		     const pg_item *lines, const char *date, const char *photo,
		     const char *alt, const char *caption)
{
	const theme *th = c->th;
	flow_page(c->f);
	flow_advance(c->f, photo ? th->cover_top / 3 : th->cover_top);
	kit_para(c, NULL, title, &th->cover_title, NULL, 0, th->cover_title_after, 0);
	if (subtitle)
		kit_para(c, NULL, subtitle, &th->cover_date, NULL, 0,
			 th->cover_title_after, 0);
	if (photo) {
		block *bl = image_new(c->e, photo, 1, th->cover_photo_h, alt);
		bl->space_before = th->cover_title_after;
		bl->space_after = caption ? th->caption_after : th->cover_title_after;
		bl->keep_with_next = caption != NULL;
		flow_add(c->f, bl);
		if (caption)
			kit_para(c, NULL, caption, &th->source, NULL, 0, th->cover_title_after, 0);
	} else {
		flow_advance(c->f, th->cover_lines_before);
	}
	for (const pg_item *it = lines; it; it = it->next)
		kit_para(c, it->text, NULL, &th->cover_line, NULL, 0,
			 th->cover_line_after, 0);
	if (date) {
		flow_advance(c->f, th->cover_date_before);
		kit_para(c, NULL, date, &th->cover_date, NULL, 0, 0, 0);
	}
	flow_break(c->f);
}
