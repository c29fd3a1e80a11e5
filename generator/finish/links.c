/*
 * links.c — link annotations added with libqpdf's C API.
 *
 * Each link becomes << /Type /Annot /Subtype /Link /Rect [...] /Border
 * [0 0 0] /Dest (name) >>, an indirect object appended to its page's
 * /Annots.  The /ID is deterministic, so the same input gives the same
 * file.
 */
#include "finish.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

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

int finish_links(const unsigned char *in, size_t n, const finish_link *links,
		 int nlinks, unsigned char **out, size_t *outn,
		 const char *name, diag *d)
{
	qpdf_data q = qpdf_init();
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int r = -1;
	qpdf_read_memory(q, "plangen.pdf", (const char *)in, (unsigned long long)n,
			 NULL);
	if (failed(q, name, d))
		goto done;
	for (int i = 0; i < nlinks; i++) {
		const finish_link *l = &links[i];
		qpdf_oh page = qpdf_get_page_n(q, (size_t)l->page);
		if (qpdf_oh_is_null(q, page))
			continue;
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
			annots = qpdf_oh_new_array(q);
			qpdf_oh_replace_key(q, page, "/Annots", annots);
			annots = qpdf_oh_get_key(q, page, "/Annots");
		}
		qpdf_oh_append_item(q, annots, ind);
		if (failed(q, name, d))
			goto done;
	}
	qpdf_init_write_memory(q);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	qpdf_write(q);
	if (failed(q, name, d))
		goto done;
	*outn = qpdf_get_buffer_length(q);
	*out = malloc(*outn ? *outn : 1);
	if (!*out)
		pg_oom();
	memcpy(*out, qpdf_get_buffer(q), *outn);
	r = 0;
done:
	qpdf_cleanup(&q);
	return r;
}
