/*
 * dev-pdf.c — the PDF device: cairo's PDF surface writes into a file the
 * caller gives (fonts embedded and subset, metadata, page labels, named
 * destinations, the outline; pages may change size).  What cairo cannot
 * write, the links and the signature fields met in the pages, goes to
 * the caller's marks, in PDF user space, for the finish stage that the
 * caller runs on the file once the device is closed (generator/finish,
 * through generator/pipeline.c).  A write error (a full disk) is said
 * once, at close, as "cannot write".
 */
#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/marks.h"
#include "paint.h"

typedef struct pdf {
	device dev;
	FILE *f;	 /* the caller's: what cairo writes */
	char *name;	 /* the output, for messages */
	diag *d;
	int write_error; /* an errno writing f */
	pg_marks *marks; /* the caller's: the links and fields met */
	int page_index;
	cairo_surface_t *s;
	cairo_t *cr;
	int outline[8]; /* the last outline id at each level */
	GHashTable *keys; /* a structure element's key -> its first index */
	int document;	  /* the Document element is open */
	/* The elements open across pages: as paint_page begins them, and
	 * as this file numbers them (open[]: their pg_marks indexes). */
	tag_stack paint_ts, ts;
	int open[64], nopen;
} pdf;

static cairo_status_t write_cb(void *closure, const unsigned char *data,
			       unsigned int len)
{
	pdf *p = closure;
	errno = 0;
	if (fwrite(data, 1, len, p->f) != len) {
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
	/* The images' alternative texts, by their order on the page. */
	int nimages = 0;
	for (int i = 0; i < pg->n; i++)
		nimages += pg->ops[i].kind == DL_IMAGE;
	for (int i = 0, k = 0; p->marks && i < pg->n; i++)
		if (pg->ops[i].kind == DL_IMAGE && k++ >= 0 && pg->ops[i].alt)
			pg_marks_alt(p->marks, p->page_index, k - 1, nimages, pg->ops[i].alt);
	/* The document's structure: one Document element around all. */
	if (!p->document) {
		cairo_tag_begin(p->cr, "Document", "");
		if (p->marks)
			pg_marks_tag(p->marks, "Document", NULL, -1, 0, 0);
		p->document = 1;
	}
	/* The structure elements begun, as paint_page begins them, and the
	 * one each link is in; links in PDF user space: the origin at the
	 * bottom-left corner. */
	tag_stack *ts = &p->ts;
	int *open = p->open;
	for (int i = 0; p->marks && i < pg->n; i++) {
		const dl_op *o = &pg->ops[i];
		if (o->kind == DL_TAG) {
			if (!tag_push(ts, o))
				continue;
			gpointer first = NULL;
			int found = o->key && g_hash_table_lookup_extended(
				p->keys, o->key, NULL, &first);
			int k = pg_marks_tag(p->marks, o->str, o->alt,
					     o->cont && found ? GPOINTER_TO_INT(first) : -1,
					     o->rows, o->cols);
			if (o->key && !(o->cont && found))
				g_hash_table_insert(p->keys, (gpointer)o->key,
						    GINT_TO_POINTER(k));
			open[p->nopen++] = k;
		} else if (o->kind == DL_TAG_END) {
			if (tag_pop(ts))
				p->nopen--;
		} else if (o->kind == DL_LINK) {
			pg_marks_link(p->marks, p->page_index, o->x,
				      pg->h - o->y - o->h, o->w, o->h, o->str);
			pg_marks_link_tag(p->marks, p->nopen ? open[p->nopen - 1] : 0);
		} else if (o->kind == DL_FIELD)
			pg_marks_field(p->marks, p->page_index, o->x,
				       pg->h - o->y - o->h, o->w, o->h, o->str);
	}
	paint_page(p->cr, pg, 1, &p->paint_ts);
	cairo_show_page(p->cr);
	p->page_index++;
	cairo_status_t st = cairo_status(p->cr);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	if (p->write_error)
		return -1; /* said at close, as "cannot write" */
	diag_add(p->d, DIAG_ERROR, p->name, 0, 0, "internal error drawing page %d: %s",
		 p->page_index, cairo_status_to_string(st));
	return -1;
}

static int pdf_close(device *dev)
{
	pdf *p = (pdf *)dev;
	paint_tags_end(p->cr, &p->paint_ts);
	if (p->document)
		cairo_tag_end(p->cr, "Document");
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->s);
	cairo_status_t st = cairo_surface_status(p->s);
	cairo_surface_destroy(p->s);
	p->s = NULL;
	errno = 0;
	if (!p->write_error && st == CAIRO_STATUS_SUCCESS && fflush(p->f) != 0)
		p->write_error = errno ? errno : EIO;
	if (p->write_error) {
		diag_add(p->d, DIAG_ERROR, p->name, 0, 0, "cannot write: %s",
			 strerror(p->write_error));
		return -1;
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_add(p->d, DIAG_ERROR, p->name, 0, 0, "internal error: %s",
			 cairo_status_to_string(st));
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
	g_free(p->name);
	g_hash_table_destroy(p->keys);
	free(p);
}

/* The ISO 8601 date iso with a time zone: its own, or the local one at
 * that date ("Z" for UTC), as pdfTeX dates a document.  cairo turns it
 * into the PDF's (20181130000000Z); finish adds the "D:" cairo 1.16
 * leaves out. */
static void with_zone(const char *iso, char *out, size_t n)
{
	struct tm tm = { 0 };
	const char *t = strchr(iso, 'T');
	if (!t || strpbrk(t, "Z+-") ||
	    sscanf(iso, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, n, "%s", iso);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	long off = mktime(&tm) == (time_t)-1 ? 0 : tm.tm_gmtoff / 60;
	if (!off)
		snprintf(out, n, "%.19sZ", iso);
	else
		snprintf(out, n, "%.19s%c%02ld:%02ld", iso, off < 0 ? '-' : '+',
			 labs(off) / 60, labs(off) % 60);
}

device *dev_pdf_new(FILE *f, const char *name, const dev_meta *m,
		    pg_marks *marks, diag *d)
{
	pdf *p = calloc(1, sizeof *p);
	if (!p)
		pg_oom();
	p->dev = (device){ pdf_page, pdf_close, pdf_free };
	p->f = f;
	p->name = g_strdup(name);
	p->marks = marks;
	p->d = d;
	p->keys = g_hash_table_new(g_direct_hash, g_direct_equal);
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
		char date[40];
		with_zone(m->date, date, sizeof date);
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(p->s, CAIRO_PDF_METADATA_MOD_DATE, date);
	}
	p->cr = cairo_create(p->s);
	return &p->dev;
}
