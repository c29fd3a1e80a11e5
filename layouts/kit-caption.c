/*
 * kit-caption.c — numbered captions and source lines under tables and
 * figures: "Tabla No. 3. Título", "Fuente. Elaboración Propia".
 */
#include "kit.h"

#include <stdio.h>

void kit_caption(kit_doc *c, const char *kind, int *no, const char *title,
		 const char *source)
{
	const theme *th = c->th;
	if (title) {
		char num[16];
		snprintf(num, sizeof num, "%d", ++*no);
		kit_para(c, NULL, arena_printf(c->a, c->w->caption_fmt, kind, num, title),
			 &th->caption, NULL, th->caption_before, th->caption_after,
			 source != NULL);
	}
	if (source)
		kit_para(c, NULL, arena_printf(c->a, c->w->source_fmt, source),
			 &th->source, NULL, 0, th->para_space, 0);
}

double kit_caption_room(kit_doc *c, const char *title, const char *source)
{
	const theme *th = c->th;
	double h = 0, width = flow_width(c->f);
	if (title) {
		/* Two digits: as wide as any number a caption shows. */
		PangoLayout *l = eng_plain(c->e, arena_printf(c->a, c->w->caption_fmt,
							       c->w->figure, "00", title),
					   &th->caption, width);
		h += th->caption_before + eng_height(l) + th->caption_after;
		g_object_unref(l);
	}
	if (source) {
		PangoLayout *l = eng_plain(c->e, arena_printf(c->a, c->w->source_fmt, source),
					   &th->source, width);
		h += eng_height(l);
		g_object_unref(l);
	}
	return h;
}
