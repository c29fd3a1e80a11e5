/*
 * dev-trace.c — the trace: every operation of every page as a line of
 * text, coordinates to 0.01 pt.  Golden tests and the layout invariants
 * read it; it is stable across machines because the fonts are plangen's.
 *
 *   page N W H label=L
 *   fill X Y W H #RRGGBB
 *   stroke X Y W H LW #RRGGBB
 *   line X0 Y0 X1 Y1 LW #RRGGBB
 *   poly N X0 Y0 ... XN-1 YN-1 #RRGGBB      (filled)
 *   text X BASELINE W H #RRGGBB "visible text"
 *   image X Y W H "file"
 *   link X Y W H "destination"
 *   mark X Y W H "what"                    (for the invariants: "split",
 *                                           "continued": a table cell
 *                                           split by the page, each side)
 *   dest X Y "name"
 *   outline LEVEL "title" "destination"
 */
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"

typedef struct trace {
	device dev;
	FILE *f;
	char *name;
	diag *d;
} trace;

static void quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int trace_page(device *dev, const dl_page *pg)
{
	trace *t = (trace *)dev;
	FILE *f = t->f;
	fprintf(f, "page %d %.2f %.2f label=%s\n", pg->number, pg->w, pg->h,
		pg->label ? pg->label : "");
	for (int i = 0; i < pg->n; i++) {
		const dl_op *o = &pg->ops[i];
		switch (o->kind) {
		case DL_FILL:
			fprintf(f, "fill %.2f %.2f %.2f %.2f #%06x\n", o->x, o->y,
				o->w, o->h, o->color);
			break;
		case DL_STROKE:
			fprintf(f, "stroke %.2f %.2f %.2f %.2f %.2f #%06x\n", o->x,
				o->y, o->w, o->h, o->lw, o->color);
			break;
		case DL_LINE:
			fprintf(f, "line %.2f %.2f %.2f %.2f %.2f #%06x\n", o->x,
				o->y, o->x + o->w, o->y + o->h, o->lw, o->color);
			break;
		case DL_POLY:
			fprintf(f, "poly %d", o->npts);
			for (int k = 0; k < 2 * o->npts; k++)
				fprintf(f, " %.2f", o->pts[k]);
			fprintf(f, " #%06x\n", o->color);
			break;
		case DL_TEXT:
			fprintf(f, "text %.2f %.2f %.2f %.2f #%06x ", o->x, o->y,
				o->w, o->h, o->color);
			quoted(f, o->str);
			fputc('\n', f);
			break;
		case DL_IMAGE:
			fprintf(f, "image %.2f %.2f %.2f %.2f ", o->x, o->y, o->w,
				o->h);
			quoted(f, o->str);
			if (o->alt) {
				fputs(" alt ", f);
				quoted(f, o->alt);
			}
			fputc('\n', f);
			break;
		case DL_LINK:
			fprintf(f, "link %.2f %.2f %.2f %.2f ", o->x, o->y, o->w,
				o->h);
			quoted(f, o->str);
			fputc('\n', f);
			break;
		case DL_FIELD:
			fprintf(f, "field %.2f %.2f %.2f %.2f ", o->x, o->y, o->w,
				o->h);
			quoted(f, o->str);
			fputc('\n', f);
			break;
		case DL_MARK:
			fprintf(f, "mark %.2f %.2f %.2f %.2f ", o->x, o->y, o->w, o->h);
			quoted(f, o->str);
			fputc('\n', f);
			break;
		case DL_DEST:
			fprintf(f, "dest %.2f %.2f ", o->x, o->y);
			quoted(f, o->str);
			fputc('\n', f);
			break;
		case DL_TAG:
			fprintf(f, "tag %s%s", o->str, o->cont ? " cont" : "");
			if (o->rows > 1 || o->cols > 1)
				fprintf(f, " span %d %d", o->rows, o->cols);
			if (o->alt) {
				fputs(" alt ", f);
				quoted(f, o->alt);
			}
			fputc('\n', f);
			break;
		case DL_TAG_END:
			fputs("end\n", f);
			break;
		case DL_OUTLINE:
			fprintf(f, "outline %d ", o->level);
			quoted(f, o->str);
			fputc(' ', f);
			quoted(f, o->dest);
			fputc('\n', f);
			break;
		}
	}
	return ferror(f) ? -1 : 0;
}

static int trace_close(device *dev)
{
	trace *t = (trace *)dev;
	if (fflush(t->f) != 0 || ferror(t->f)) {
		diag_add(t->d, DIAG_ERROR, t->name, 0, 0, "cannot write: %s",
			 strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

static void trace_free(device *dev)
{
	trace *t = (trace *)dev;
	g_free(t->name);
	free(t);
}

device *dev_trace_new(FILE *out, const char *name, diag *d)
{
	trace *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->dev = (device){ trace_page, trace_close, trace_free };
	t->f = out;
	t->name = g_strdup(name);
	t->d = d;
	return &t->dev;
}
