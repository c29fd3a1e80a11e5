/*
 * alt.c — the alternative text of the pictures.
 *
 * cairo draws each picture as an image XObject, `/xN Do` in the page's
 * content; it has no way to say what the picture shows.  Here each such
 * Do of a page whose images have texts is wrapped in a marked-content
 * sequence with the text as /Alt,
 *   /Span << /Alt <FEFF...> >> BDC /xN Do EMC
 * the k-th image Do of the page getting the k-th image's text.  A page
 * whose content does not draw as many images as its display list did
 * (cairo wrote one otherwise) is left as it was: no text is put on the
 * wrong picture.  The page's content becomes one stream.
 */
#include "finish-imp.h"

#include "../base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* UTF-8 as a PDF text string: <FEFF...> in UTF-16BE hex. */
static void text_string(fbuf *b, const char *s)
{
	buf_put(b, "<FEFF", 5);
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		unsigned long c = *u++;
		int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
		if (more)
			c &= 0x3f >> more;
		for (; more && (*u & 0xc0) == 0x80; more--)
			c = c << 6 | (*u++ & 0x3f);
		char hex[24];
		if (c >= 0x10000) {
			c -= 0x10000;
			snprintf(hex, sizeof hex, "%04lX%04lX", 0xd800 + (c >> 10),
				 0xdc00 + (c & 0x3ff));
		} else {
			snprintf(hex, sizeof hex, "%04lX", c);
		}
		buf_put(b, hex, strlen(hex));
	}
	buf_put(b, ">", 1);
}


/* A Do of an image: where its name starts and its Do ends. */
typedef struct draw {
	size_t from, to;
} draw;

/* Whether /name in the page's resources is an image XObject. */
static int is_image(qpdf_data q, qpdf_oh xobjects, const char *name, size_t n)
{
	char key[128];
	if (n + 1 > sizeof key)
		return 0;
	memcpy(key, name, n);
	key[n] = '\0';
	if (!qpdf_oh_has_key(q, xobjects, key))
		return 0;
	qpdf_oh x = qpdf_oh_get_key(q, xobjects, key);
	if (!qpdf_oh_is_stream(q, x))
		return 0;
	qpdf_oh st = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, x), "/Subtype");
	return qpdf_oh_is_name_and_equals(q, st, "/Image");
}

/* The image Dos of content s[0..n), at most max; -1 if the content has
 * an inline image (BI ... EI: an image with no Do). */
static int image_draws(qpdf_data q, qpdf_oh xobjects, const char *s, size_t n,
		       draw *out, int max)
{
	int k = 0;
	size_t i = 0, name_from = 0, name_to = 0;
	int last_name = 0;
	while (i < n) {
		int c = (unsigned char)s[i];
		if (pdf_is_space(c)) {
			i++;
		} else if (c == '%') {
			while (i < n && s[i] != '\n' && s[i] != '\r')
				i++;
			last_name = 0;
		} else if (c == '(') {
			int depth = 0;
			for (; i < n; i++) {
				if (s[i] == '\\') {
					i++;
				} else if (s[i] == '(') {
					depth++;
				} else if (s[i] == ')' && --depth == 0) {
					i++;
					break;
				}
			}
			last_name = 0;
		} else if (c == '<' && i + 1 < n && s[i + 1] != '<') {
			while (i < n && s[i] != '>')
				i++;
			i++;
			last_name = 0;
		} else if (c == '/') {
			name_from = i++;
			while (i < n && !pdf_is_space((unsigned char)s[i]) && !pdf_is_delim((unsigned char)s[i]))
				i++;
			name_to = i;
			last_name = 1;
		} else if (pdf_is_delim(c)) {
			i += (c == '<' || c == '>') && i + 1 < n && s[i + 1] == c ? 2 : 1;
			last_name = 0;
		} else {
			size_t from = i;
			while (i < n && !pdf_is_space((unsigned char)s[i]) && !pdf_is_delim((unsigned char)s[i]))
				i++;
			size_t len = i - from;
			if (len == 2 && !memcmp(s + from, "BI", 2))
				return -1;
			if (len == 2 && !memcmp(s + from, "Do", 2) && last_name &&
			    is_image(q, xobjects, s + name_from, name_to - name_from)) {
				if (k < max)
					out[k] = (draw){ name_from, i };
				k++;
			}
			last_name = 0;
		}
	}
	return k;
}

static void page_alts(qpdf_data q, const pg_alt *a, int n)
{
	qpdf_oh page = qpdf_get_page_n(q, (size_t)a[0].page);
	if (qpdf_oh_is_null(q, page))
		return;
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
	qpdf_oh xobjects = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, xobjects))
		return;
	unsigned char *data = NULL;
	size_t len = 0;
	QPDF_ERROR_CODE e = qpdf_oh_get_page_content_data(q, page, &data, &len);
	if ((e & QPDF_ERRORS) || !data) { /* the buffer is ours even then */
		free(data);
		return;
	}
	int nimages = a[0].nimages;
	draw *d = calloc((size_t)nimages + 1, sizeof *d);
	if (!d)
		pg_oom();
	int k = image_draws(q, xobjects, (const char *)data, len, d, nimages);
	if (k == nimages) {
		fbuf b = { 0 };
		size_t at = 0;
		for (int i = 0; i < n; i++) {
			const draw *w = &d[a[i].index];
			buf_put(&b, data + at, w->from - at);
			buf_put(&b, "/Span << /Alt ", 14);
			text_string(&b, a[i].text);
			buf_put(&b, " >> BDC ", 8);
			buf_put(&b, data + w->from, w->to - w->from);
			buf_put(&b, " EMC", 4);
			at = w->to;
		}
		buf_put(&b, data + at, len - at);
		qpdf_oh st = qpdf_oh_new_stream(q);
		qpdf_oh_replace_stream_data(q, st, (const unsigned char *)b.p, b.n,
					    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, page, "/Contents", st);
		free(b.p);
	}
	free(d);
	free(data);
}

void finish_alts(qpdf_data q, const pg_marks *m)
{
	for (int i = 0; i < m->nalts;) {
		int j = i;
		while (j < m->nalts && m->alts[j].page == m->alts[i].page)
			j++;
		page_alts(q, m->alts + i, j - i);
		i = j;
	}
}
