/*
 * rewrite.c — the finish stage: libqpdf reads cairo's PDF from its
 * temporary file and writes it again with what cairo cannot write.
 *
 * Each link becomes << /Type /Annot /Subtype /Link /Rect [...] /Border
 * [0 0 0] /Dest (name) >>, an indirect object appended to its page's
 * /Annots.  The /ID is deterministic, so the same input gives the same
 * file.  qpdf opens files by name: the unnamed temporary files are
 * reached through /proc/self/fd.
 */
#include "finish.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

static int failed(qpdf_data q, const char *name, diag *d)
{
	if (!qpdf_has_error(q))
		return 0;
	qpdf_error e = qpdf_get_error(q);
	diag_add(d, DIAG_ERROR, name, 0, 0, "internal error finishing the PDF: %s",
		 qpdf_get_error_full_text(q, e));
	return 1;
}

static qpdf_oh real(qpdf_data q, double v)
{
	return qpdf_oh_new_real_from_double(q, v, 2);
}

static void add_link(qpdf_data q, const finish_link *l)
{
	qpdf_oh page = qpdf_get_page_n(q, (size_t)l->page);
	if (qpdf_oh_is_null(q, page))
		return;
	qpdf_oh a = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, a, "/Type", qpdf_oh_new_name(q, "/Annot"));
	qpdf_oh_replace_key(q, a, "/Subtype", qpdf_oh_new_name(q, "/Link"));
	qpdf_oh rect = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, rect, real(q, l->x));
	qpdf_oh_append_item(q, rect, real(q, l->y));
	qpdf_oh_append_item(q, rect, real(q, l->x + l->w));
	qpdf_oh_append_item(q, rect, real(q, l->y + l->h));
	qpdf_oh_replace_key(q, a, "/Rect", rect);
	qpdf_oh border = qpdf_oh_new_array(q);
	for (int k = 0; k < 3; k++)
		qpdf_oh_append_item(q, border, qpdf_oh_new_integer(q, 0));
	qpdf_oh_replace_key(q, a, "/Border", border);
	qpdf_oh_replace_key(q, a, "/Dest", qpdf_oh_new_string(q, l->dest));
	qpdf_oh ind = qpdf_make_indirect_object(q, a);
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	if (!qpdf_oh_is_array(q, annots)) {
		qpdf_oh_replace_key(q, page, "/Annots", qpdf_oh_new_array(q));
		annots = qpdf_oh_get_key(q, page, "/Annots");
	}
	qpdf_oh_append_item(q, annots, ind);
}

static const char *fd_path(FILE *f, char *buf, size_t n)
{
	snprintf(buf, n, "/proc/self/fd/%d", fileno(f));
	return buf;
}

/* Copies all of in to out; 0, or an errno. */
static int copy(FILE *in, FILE *out)
{
	char buf[1 << 16];
	size_t n;
	rewind(in);
	errno = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return errno ? errno : EIO;
	if (ferror(in))
		return errno ? errno : EIO;
	if (fflush(out) != 0)
		return errno ? errno : EIO;
	return 0;
}

int finish_pdf(FILE *in, const finish_job *job, FILE *out, const char *name,
	       diag *d)
{
	char inpath[64], outpath[64];
	FILE *tmp = tmpfile();
	if (!tmp || fflush(in) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno));
		if (tmp)
			fclose(tmp);
		return -1;
	}
	qpdf_data q = qpdf_init();
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int r = -1;
	qpdf_read(q, fd_path(in, inpath, sizeof inpath), NULL);
	if (failed(q, name, d))
		goto done;
	for (int i = 0; i < job->nlinks; i++) {
		add_link(q, &job->links[i]);
		if (failed(q, name, d))
			goto done;
	}
	qpdf_init_write(q, fd_path(tmp, outpath, sizeof outpath));
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	qpdf_write(q);
	if (failed(q, name, d))
		goto done;
	int err = copy(tmp, out);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(err));
		goto done;
	}
	r = 0;
done:
	qpdf_cleanup(&q);
	fclose(tmp);
	return r;
}
