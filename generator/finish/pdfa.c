/*
 * pdfa.c — what PDF/A-3 asks of the document as a whole.
 *
 * - The document information (/Info, cairo's) and the XMP metadata
 *   stream of the catalog say the same: title, author, subject,
 *   keywords, creator tool, producer, creation and modification dates
 *   (D:20181130000000-06'00' in /Info, as rewrite.c's fix_dates leaves
 *   them, 2018-11-30T00:00:00-06:00 in the XMP), and the XMP names the PDF/A part and conformance (A when
 *   the structure is complete, B otherwise).  The metadata stream is
 *   not compressed (qpdf leaves /Type /Metadata streams as they are).
 * - An output intent with the sRGB profile of Debian's icc-profiles-free
 *   (built into the binary: icc.S), for the device RGB colours cairo
 *   uses.
 * - Each attached file's stream has its dates (the document's own).
 */
#include "finish-imp.h"

#include "../base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char pg_icc_srgb[];
extern const unsigned long pg_icc_srgb_size;


static void puts_(fbuf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void xml_text(fbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': puts_(b, "&amp;"); break;
		case '<': puts_(b, "&lt;"); break;
		case '>': puts_(b, "&gt;"); break;
		case '"': puts_(b, "&quot;"); break;
		default:
			/* No control characters in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				buf_put(b, s, 1);
		}
	}
}

/* An /Info string as UTF-8 (the caller frees it), or NULL. */
static char *info_str(qpdf_data q, qpdf_oh info, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, info, key);
	if (!qpdf_oh_is_string(q, v))
		return NULL;
	const char *s = qpdf_oh_get_utf8_value(q, v);
	if (!s || !*s)
		return NULL;
	char *c = strdup(s);
	if (!c)
		pg_oom();
	return c;
}

/* A PDF date's 14 digits (with or without "D:", cairo's has none;
 * missing parts the first of their range) and its zone as XMP writes
 * it ("Z", "-06:00"; none: "Z"); 0 if it is none. */
static int date_parts(const char *s, char out[15], char zone[8])
{
	if (!s)
		return 0;
	if (!strncmp(s, "D:", 2))
		s += 2;
	static const char fill[] = "00000101000000";
	size_t i = 0;
	for (; i < 14 && s[i] >= '0' && s[i] <= '9'; i++)
		out[i] = s[i];
	if (i < 4)
		return 0;
	const char *z = s + i;
	for (; i < 14; i++)
		out[i] = fill[i];
	out[14] = '\0';
	strcpy(zone, "Z");
	if ((*z == '+' || *z == '-') && z[1] >= '0' && z[1] <= '9' && z[2] >= '0' && z[2] <= '9') {
		const char *m = z[3] == '\'' ? z + 4 : z + 3;
		int mm = m[0] >= '0' && m[0] <= '9' && m[1] >= '0' && m[1] <= '9';
		snprintf(zone, 8, "%c%c%c:%c%c", z[0], z[1], z[2], mm ? m[0] : '0', mm ? m[1] : '0');
	}
	return 1;
}

/* The same date as PDF writes it: D:YYYYMMDDHHmmSSZ, or with the zone
 * as D:...-06'00'. */
static void pdf_date(char *out, size_t n, const char d[15], const char *zone)
{
	if (!strcmp(zone, "Z"))
		snprintf(out, n, "D:%sZ", d);
	else
		snprintf(out, n, "D:%s%.3s'%.2s'", d, zone, zone + 4);
}

static void xmp_date(fbuf *b, const char *tag, const char d[15], const char *zone)
{
	char s[80];
	snprintf(s, sizeof s, "<%s>%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s</%s>\n", tag, d,
		 d + 4, d + 6, d + 8, d + 10, d + 12, zone, tag);
	puts_(b, s);
}

static void xmp_alt(fbuf *b, const char *tag, const char *v)
{
	puts_(b, "<");
	puts_(b, tag);
	puts_(b, "><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(b, v);
	puts_(b, "</rdf:li></rdf:Alt></");
	puts_(b, tag);
	puts_(b, ">\n");
}

static void xmp_simple(fbuf *b, const char *tag, const char *v)
{
	puts_(b, "<");
	puts_(b, tag);
	puts_(b, ">");
	xml_text(b, v);
	puts_(b, "</");
	puts_(b, tag);
	puts_(b, ">\n");
}

static void metadata(qpdf_data q, int tagged)
{
	qpdf_oh trailer = qpdf_get_trailer(q);
	qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	char created[15], modified[15], czone[8], mzone[8];
	char *cd = info_str(q, info, "/CreationDate");
	char *md = info_str(q, info, "/ModDate");
	int has_c = date_parts(cd, created, czone);
	int has_m = date_parts(md, modified, mzone);
	free(cd);
	free(md);
	if (!has_m && has_c) {
		memcpy(modified, created, sizeof modified);
		memcpy(mzone, czone, sizeof mzone);
		has_m = 1;
	}
	char d[40];
	if (has_c) {
		pdf_date(d, sizeof d, created, czone);
		qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, d));
	}
	if (has_m) {
		pdf_date(d, sizeof d, modified, mzone);
		qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, d));
	}
	char *title = info_str(q, info, "/Title");
	char *author = info_str(q, info, "/Author");
	char *subject = info_str(q, info, "/Subject");
	char *keywords = info_str(q, info, "/Keywords");
	char *creator = info_str(q, info, "/Creator");
	char *producer = info_str(q, info, "/Producer");
	fbuf b = { 0 };
	puts_(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		  "<rdf:Description rdf:about=\"\"\n"
		  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		  " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		  " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		  " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
	puts_(&b, "<dc:format>application/pdf</dc:format>\n");
	if (title)
		xmp_alt(&b, "dc:title", title);
	if (author) {
		puts_(&b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&b, author);
		puts_(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (subject)
		xmp_alt(&b, "dc:description", subject);
	if (keywords)
		xmp_simple(&b, "pdf:Keywords", keywords);
	if (producer)
		xmp_simple(&b, "pdf:Producer", producer);
	if (creator)
		xmp_simple(&b, "xmp:CreatorTool", creator);
	if (has_c)
		xmp_date(&b, "xmp:CreateDate", created, czone);
	if (has_m) {
		xmp_date(&b, "xmp:ModifyDate", modified, mzone);
		xmp_date(&b, "xmp:MetadataDate", modified, mzone);
	}
	puts_(&b, "<pdfaid:part>3</pdfaid:part>\n");
	puts_(&b, tagged ? "<pdfaid:conformance>A</pdfaid:conformance>\n"
			 : "<pdfaid:conformance>B</pdfaid:conformance>\n");
	puts_(&b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		  "<?xpacket end=\"r\"?>\n");
	qpdf_oh st = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)b.p, b.n,
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh sd = qpdf_oh_get_dict(q, st);
	qpdf_oh_replace_key(q, sd, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, sd, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", st);
	free(b.p);
	free(title);
	free(author);
	free(subject);
	free(keywords);
	free(creator);
	free(producer);

	/* The attached files' dates: the document's. */
	qpdf_oh af = qpdf_oh_get_key(q, qpdf_get_root(q), "/AF");
	int n = qpdf_oh_is_array(q, af) ? qpdf_oh_get_array_n_items(q, af) : 0;
	for (int i = 0; i < n && has_m; i++) {
		qpdf_oh fs = qpdf_oh_get_array_item(q, af, i);
		qpdf_oh ef = qpdf_oh_get_key(q, qpdf_oh_get_key(q, fs, "/EF"), "/F");
		if (!qpdf_oh_is_stream(q, ef))
			continue;
		qpdf_oh params = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, ef), "/Params");
		if (!qpdf_oh_is_dictionary(q, params))
			continue;
		if (has_c)
			pdf_date(d, sizeof d, created, czone);
		else
			pdf_date(d, sizeof d, modified, mzone);
		qpdf_oh_replace_key(q, params, "/CreationDate", qpdf_oh_new_string(q, d));
		pdf_date(d, sizeof d, modified, mzone);
		qpdf_oh_replace_key(q, params, "/ModDate", qpdf_oh_new_string(q, d));
	}
}

static void output_intent(qpdf_data q)
{
	qpdf_oh icc = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, icc, pg_icc_srgb, pg_icc_srgb_size,
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, icc), "/N", qpdf_oh_new_integer(q, 3));
	qpdf_oh oi = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, oi, "/Type", qpdf_oh_new_name(q, "/OutputIntent"));
	qpdf_oh_replace_key(q, oi, "/S", qpdf_oh_new_name(q, "/GTS_PDFA1"));
	qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier",
			    qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
	qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
	qpdf_oh_replace_key(q, oi, "/RegistryName", qpdf_oh_new_string(q, "http://www.color.org"));
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", icc);
	qpdf_oh a = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, a, qpdf_make_indirect_object(q, oi));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", a);
}

void finish_pdfa(qpdf_data q, int tagged)
{
	output_intent(q);
	metadata(q, tagged);
}
