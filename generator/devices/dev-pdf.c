/*
 * dev-pdf.c — the PDF device: cairo's PDF surface, written through a
 * stream so that write errors (a full disk) are seen; fonts embedded and
 * subset by cairo; metadata, page labels, named destinations, links and
 * the outline.  Pages may change size (portrait and landscape).
 */
#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "paint.h"

typedef struct pdf {
	device dev;
	FILE *f;
	char *path;
	diag *d;
	int write_error;
	cairo_surface_t *s;
	cairo_t *cr;
	int outline[8]; /* the last outline id at each level */
} pdf;

static cairo_status_t write_cb(void *closure, const unsigned char *data,
			       unsigned int len)
{
	pdf *p = closure;
	if (fwrite(data, 1, len, p->f) != len) {
		if (!p->write_error)
			p->write_error = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static int pdf_page(device *dev, const dl_page *pg)
{
	pdf *p = (pdf *)dev;
	cairo_pdf_surface_set_size(p->s, pg->w, pg->h);
	if (pg->label)
		cairo_pdf_surface_set_page_label(p->s, pg->label);
	for (int i = 0; i < pg->n; i++) {
		const dl_op *o = &pg->ops[i];
		if (o->kind != DL_OUTLINE)
			continue;
		int level = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;
		int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT
					: p->outline[level - 1];
		char *a = g_strdup_printf("dest='%s'", o->dest);
		p->outline[level] = cairo_pdf_surface_add_outline(
			p->s, parent, o->str, a, 0);
		for (int l = level + 1; l < 8; l++)
			p->outline[l] = p->outline[level];
		g_free(a);
	}
	paint_page(p->cr, pg, 1);
	cairo_show_page(p->cr);
	return cairo_status(p->cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

static int pdf_close(device *dev)
{
	pdf *p = (pdf *)dev;
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->s);
	cairo_status_t st = cairo_surface_status(p->s);
	cairo_surface_destroy(p->s);
	p->s = NULL;
	int bad = st != CAIRO_STATUS_SUCCESS || p->write_error;
	if (fflush(p->f) != 0 && !p->write_error)
		p->write_error = errno;
	if (p->f != stdout && fclose(p->f) != 0 && !p->write_error)
		p->write_error = errno;
	p->f = NULL;
	if (bad || p->write_error) {
		diag_add(p->d, DIAG_ERROR, p->path, 0, 0, "cannot write: %s",
			 p->write_error ? strerror(p->write_error)
					: cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

static void pdf_free(device *dev)
{
	pdf *p = (pdf *)dev;
	if (p->cr)
		cairo_destroy(p->cr);
	if (p->s)
		cairo_surface_destroy(p->s);
	if (p->f && p->f != stdout)
		fclose(p->f);
	g_free(p->path);
	free(p);
}

device *dev_pdf_new(const char *path, const dev_meta *m, diag *d)
{
	pdf *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->dev = (device){ pdf_page, pdf_close, pdf_free };
	p->d = d;
	p->path = g_strdup(path);
	p->f = strcmp(path, "-") ? fopen(path, "wb") : stdout;
	if (!p->f) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
			 strerror(errno));
		pdf_free(&p->dev);
		return NULL;
	}
	p->s = cairo_pdf_surface_create_for_stream(write_cb, p, 612, 792);
	cairo_pdf_surface_restrict_to_version(p->s, CAIRO_PDF_VERSION_1_5);
	if (m->title)
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_TITLE, m->title);
	if (m->author)
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_AUTHOR, m->author);
	if (m->subject)
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_SUBJECT, m->subject);
	if (m->keywords)
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_CREATOR, "plangen");
	if (m->date) {
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_CREATE_DATE, m->date);
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_MOD_DATE, m->date);
	}
	p->cr = cairo_create(p->s);
	return &p->dev;
}
