/*
 * pdfa.c — what PDF/A-3 asks of the document as a whole.
 *
 * - The document information (/Info) and the XMP metadata stream of the
 *   catalog say the same: title, author, subject, keywords, creator
 *   tool, producer, creation and modification dates
 *   (D:20181130000000-06'00' in /Info, 2018-11-30T00:00:00-06:00 in the
 *   XMP), and the XMP names the PDF/A part and conformance (A when the
 *   structure is complete, B otherwise).  The metadata stream is not
 *   compressed, so that it can be found without PDF (ISO 19005-1 §6.7.2).
 * - An output intent with the sRGB profile of Debian's icc-profiles-free
 *   (built into the binary: icc.S), for the device RGB colours of the
 *   pages.
 */
#include "finish-imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern const unsigned char pg_icc_srgb[];
extern const unsigned long pg_icc_srgb_size;

static void xml_text(pdfb *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': pdfb_puts(b, "&amp;"); break;
		case '<': pdfb_puts(b, "&lt;"); break;
		case '>': pdfb_puts(b, "&gt;"); break;
		case '"': pdfb_puts(b, "&quot;"); break;
		default:
			/* No control characters in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				pdfb_put(b, s, 1);
		}
	}
}

void finish_date(const finish_job *job, finish_when *t)
{
	struct tm tm = { 0 };
	long off = 0;
	const char *iso = job->date;
	int y, mo, da, h = 0, mi = 0, s = 0;
	char zc = 0;
	int zh = 0, zm = 0;
	if (iso && sscanf(iso, "%d-%d-%d", &y, &mo, &da) == 3) {
		const char *tp = strchr(iso, 'T');
		if (tp)
			sscanf(tp, "T%d:%d:%d", &h, &mi, &s);
		const char *z = tp ? strpbrk(tp, "Z+-") : NULL;
		tm = (struct tm){ .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = da,
				  .tm_hour = h, .tm_min = mi, .tm_sec = s, .tm_isdst = -1 };
		if (z && *z == 'Z') {
			off = 0;
		} else if (z && sscanf(z, "%c%d:%d", &zc, &zh, &zm) >= 2) {
			off = (zc == '-' ? -1 : 1) * (zh * 60L + zm);
		} else {
			/* Local time, as pdfTeX dates a document. */
			struct tm t2 = tm;
			off = mktime(&t2) == (time_t)-1 ? 0 : t2.tm_gmtoff / 60;
		}
	} else {
		time_t now = job->sign_time ? job->sign_time : time(NULL);
		localtime_r(&now, &tm);
		off = tm.tm_gmtoff / 60;
	}
	snprintf(t->digits, sizeof t->digits, "%04d%02d%02d%02d%02d%02d",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		 tm.tm_sec);
	if (!off)
		snprintf(t->zone, sizeof t->zone, "Z");
	else
		snprintf(t->zone, sizeof t->zone, "%c%02ld:%02ld", off < 0 ? '-' : '+',
			 labs(off) / 60, labs(off) % 60);
}

void finish_pdf_date(char *out, size_t n, const finish_when *t)
{
	if (!strcmp(t->zone, "Z"))
		snprintf(out, n, "D:%sZ", t->digits);
	else
		snprintf(out, n, "D:%s%.3s'%.2s'", t->digits, t->zone, t->zone + 4);
}

static void xmp_date(pdfb *b, const char *tag, const finish_when *t)
{
	const char *d = t->digits;
	pdfb_printf(b, "<%s>%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s</%s>\n", tag, d, d + 4, d + 6,
		    d + 8, d + 10, d + 12, t->zone, tag);
}

static void xmp_alt(pdfb *b, const char *tag, const char *v)
{
	pdfb_printf(b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
	xml_text(b, v);
	pdfb_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void xmp_simple(pdfb *b, const char *tag, const char *v)
{
	pdfb_printf(b, "<%s>", tag);
	xml_text(b, v);
	pdfb_printf(b, "</%s>\n", tag);
}

int finish_metadata(pdfw *w, const finish_job *job, const finish_when *t, int tagged)
{
	pdfb b = { 0 };
	pdfb_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		      "<rdf:Description rdf:about=\"\"\n"
		      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		      " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
	pdfb_puts(&b, "<dc:format>application/pdf</dc:format>\n");
	if (job->title && *job->title)
		xmp_alt(&b, "dc:title", job->title);
	if (job->author && *job->author) {
		pdfb_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&b, job->author);
		pdfb_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (job->subject && *job->subject)
		xmp_alt(&b, "dc:description", job->subject);
	if (job->keywords && *job->keywords)
		xmp_simple(&b, "pdf:Keywords", job->keywords);
	xmp_simple(&b, "pdf:Producer", FINISH_PRODUCER);
	xmp_simple(&b, "xmp:CreatorTool", "plangen");
	xmp_date(&b, "xmp:CreateDate", t);
	xmp_date(&b, "xmp:ModifyDate", t);
	xmp_date(&b, "xmp:MetadataDate", t);
	pdfb_puts(&b, "<pdfaid:part>3</pdfaid:part>\n");
	pdfb_puts(&b, tagged ? "<pdfaid:conformance>A</pdfaid:conformance>\n"
			     : "<pdfaid:conformance>B</pdfaid:conformance>\n");
	pdfb_puts(&b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		      "<?xpacket end=\"r\"?>\n");
	int id = pdfw_reserve(w);
	pdfw_stream(w, id, "/Type /Metadata /Subtype /XML ", b.p, b.n, -1);
	pdfb_free(&b);
	return id;
}

int finish_output_intent(pdfw *w)
{
	int icc = pdfw_reserve(w), oi = pdfw_reserve(w);
	pdfw_stream(w, icc, "/N 3 ", pg_icc_srgb, pg_icc_srgb_size, 6);
	pdfb b = { 0 };
	pdfb_printf(&b, "<< /Type /OutputIntent /S /GTS_PDFA1 "
		    "/OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) "
		    "/RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>",
		    icc);
	pdfw_object(w, oi, &b);
	pdfb_free(&b);
	return oi;
}
