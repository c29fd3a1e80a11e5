/*
 * record.h — recording Pango's lines into the display list.
 *
 * The layout engine's side of display.h (generator/layout/ only): a
 * PangoLayoutLine becomes a DL_TEXT operation whose glyph runs hold cairo
 * fonts and positions, no Pango object, so that the page lives on
 * without its layout and devices never see Pango.
 */
#ifndef PG_DISPLAY_RECORD_H
#define PG_DISPLAY_RECORD_H

#include <pango/pango.h>
#include <stdint.h>

#include "display.h"

/* Records line with its baseline's left end at x, baseline.  The line's
 * fonts are referenced, its text copied: line may go afterwards. */
void dl_text(dl_page *p, PangoLayoutLine *line, double x, double baseline,
	     uint32_t color);

/* The visible text of a line: soft hyphens dropped, a hyphen where the
 * line breaks at one.  Caller frees (g_free). */
char *dl_line_text(PangoLayoutLine *line);
/* The extents of a line: left x offset and width, in points. */
void dl_line_extents(PangoLayoutLine *line, double *x, double *w);

#endif
