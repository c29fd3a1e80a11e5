/*
 * document.c — the finish stage: the document's last objects and its
 * end, written after the pages, then the signatures appended and the
 * result copied out.
 *
 * - Each signature field is one dictionary, field and widget merged
 *   (/FT /Sig, /Subtype /Widget), under the number the PDF device
 *   reserved in its page's /Annots, with an empty appearance: what the
 *   box shows is drawn in the page; the catalog's /AcroForm lists the
 *   fields in signing order.
 * - Each attached file is an /EmbeddedFile stream (its size, MD5
 *   checksum and dates in /Params) in a file specification listed both
 *   in the /EmbeddedFiles name tree and in the catalog's /AF (PDF 2.0
 *   associated files, PDF/A-3's way).
 * - The document information, the XMP metadata and the output intent
 *   (pdfa.c); the catalog with the language, the structure (/MarkInfo),
 *   the outline, the destinations and the page labels the device wrote.
 */
#include "finish.h"
#include "finish-imp.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "sign.h"

static void rect(pdfb *b, double x, double y, double w, double h)
{
	pdfb_puts(b, "[");
	pdfb_num(b, x);
	pdfb_num(b, y);
	pdfb_num(b, x + w);
	pdfb_num(b, y + h);
	pdfb_puts(b, "]");
}

/* What the field keeps for the signature to come, when it is made by
 * another run: the signatory's name as its user name (/TU, which
 * readers show for the field, and which the signing certificate is
 * checked against), the approval's reason as the one reason its seed
 * value suggests (with PAdES' format and digest), and the place. */
static void field_seed(pdfb *b, const pg_field *fl, const finish_job *job)
{
	for (int i = 0; i < job->nsignatories; i++)
		if (job->signatories[i].name && !strcmp(job->signatories[i].field, fl->name)) {
			pdfb_puts(b, " /TU ");
			pdfb_text(b, job->signatories[i].name);
		}
	pdfb_puts(b, " /SV << /Type /SV /SubFilter [/ETSI.CAdES.detached] /DigestMethod [/SHA256]");
	if (job->reason) {
		pdfb_puts(b, " /Reasons [");
		pdfb_text(b, job->reason);
		pdfb_puts(b, "]");
	}
	pdfb_puts(b, " >>");
	if (job->location) {
		pdfb_puts(b, " /PlangenLocation ");
		pdfb_text(b, job->location);
	}
}

static void add_field(pdfw *w, const pg_field *fl, const finish_job *job)
{
	int ap = pdfw_reserve(w);
	pdfb b = { 0 };
	pdfb_puts(&b, "/Type /XObject /Subtype /Form /BBox ");
	rect(&b, 0, 0, fl->w, fl->h);
	pdfb_puts(&b, " ");
	pdfw_stream(w, ap, b.p, "", 0, -1);
	b.n = 0;
	pdfb_puts(&b, "<< /Type /Annot /Subtype /Widget /FT /Sig /T ");
	pdfb_text(&b, fl->name);
	pdfb_puts(&b, " /F 4 /Rect ");
	rect(&b, fl->x, fl->y, fl->w, fl->h);
	pdfb_printf(&b, " /P %d 0 R /AP << /N %d 0 R >>", fl->page_id, ap);
	field_seed(&b, fl, job);
	pdfb_puts(&b, " >>");
	pdfw_object(w, fl->id, &b);
	pdfb_free(&b);
}

static int by_name(const void *a, const void *b)
{
	const finish_file *x = *(const finish_file *const *)a;
	const finish_file *y = *(const finish_file *const *)b;
	return strcmp(x->name, y->name);
}

/* Level 1: XML compresses well at any level. */
enum { FILE_LEVEL = 1 };

void finish_pack(finish_packed *p, const char *data, size_t len)
{
	unsigned int n = 0;
	EVP_Digest(data, len, p->md5, &n, EVP_md5(), NULL);
	p->z = pdfw_deflate(data, len, FILE_LEVEL, &p->zn);
}

void finish_packed_free(finish_packed *p)
{
	free(p->z);
	p->z = NULL;
}

/* An attached file: its stream and specification (whose number). */
static int add_file(pdfw *w, const finish_file *fi, const char *date)
{
	finish_packed own;
	const finish_packed *pk = fi->packed;
	if (!pk) {
		finish_pack(&own, fi->data, fi->len);
		pk = &own;
	}
	const unsigned char *md = pk->md5;
	unsigned int n = sizeof pk->md5;
	pdfb b = { 0 };
	pdfb_puts(&b, "/Type /EmbeddedFile /Subtype ");
	pdfb_name(&b, fi->mime);
	pdfb_printf(&b, " /Params << /Size %zu /CheckSum <", fi->len);
	for (unsigned i = 0; i < n; i++)
		pdfb_printf(&b, "%02x", md[i]);
	pdfb_printf(&b, "> /CreationDate (%s) /ModDate (%s) >> ", date, date);
	int st = pdfw_reserve(w), fs = pdfw_reserve(w);
	pdfw_stream_deflated(w, st, b.p, pk->z, pk->zn);
	if (pk == &own)
		finish_packed_free(&own);
	b.n = 0;
	pdfb_puts(&b, "<< /Type /Filespec /F ");
	pdfb_text(&b, fi->name);
	pdfb_puts(&b, " /UF ");
	pdfb_text(&b, fi->name);
	if (fi->desc) {
		pdfb_puts(&b, " /Desc ");
		pdfb_text(&b, fi->desc);
	}
	pdfb_puts(&b, " /AFRelationship ");
	pdfb_name(&b, fi->relation);
	pdfb_printf(&b, " /EF << /F %d 0 R /UF %d 0 R >> >>", st, st);
	pdfw_object(w, fs, &b);
	pdfb_free(&b);
	return fs;
}

/* The attached files into the catalog being written (c): /AF in the
 * order given, the name tree sorted by name. */
static void add_files(pdfw *w, const finish_job *job, const char *date, pdfb *c)
{
	if (!job->nfiles)
		return;
	const finish_file **sorted = calloc((size_t)job->nfiles, sizeof *sorted);
	int *spec = calloc((size_t)job->nfiles, sizeof *spec);
	if (!sorted || !spec)
		pg_oom();
	for (int i = 0; i < job->nfiles; i++)
		sorted[i] = &job->files[i];
	qsort(sorted, (size_t)job->nfiles, sizeof *sorted, by_name);
	for (int i = 0; i < job->nfiles; i++)
		spec[i] = add_file(w, sorted[i], date);
	pdfb_puts(c, " /AF [");
	for (int i = 0; i < job->nfiles; i++)
		for (int k = 0; k < job->nfiles; k++)
			if (sorted[k] == &job->files[i])
				pdfb_printf(c, "%d 0 R ", spec[k]);
	pdfb_puts(c, "] /Names << /EmbeddedFiles << /Names [");
	for (int i = 0; i < job->nfiles; i++) {
		pdfb_text(c, sorted[i]->name);
		pdfb_printf(c, " %d 0 R ", spec[i]);
	}
	pdfb_puts(c, "] >>");
	const pg_marks *m = job->marks;
	if (m && m->dests)
		pdfb_printf(c, " /Dests %d 0 R", m->dests);
	pdfb_puts(c, " >>");
	free(spec);
	free(sorted);
}

static int info(pdfw *w, const finish_job *job, const char *date)
{
	pdfb b = { 0 };
	pdfb_puts(&b, "<<");
	const char *keys[] = { "Title", "Author", "Subject", "Keywords" };
	const char *vals[] = { job->title, job->author, job->subject, job->keywords };
	for (int i = 0; i < 4; i++)
		if (vals[i] && *vals[i]) {
			pdfb_printf(&b, " /%s ", keys[i]);
			pdfb_text(&b, vals[i]);
		}
	pdfb_printf(&b, " /Creator (plangen) /Producer (%s) /CreationDate (%s) /ModDate (%s) >>",
		    FINISH_PRODUCER, date, date);
	int id = pdfw_reserve(w);
	pdfw_object(w, id, &b);
	pdfb_free(&b);
	return id;
}

int finish_copy(FILE *in, FILE *out)
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

int finish_pdf(pdfw *w, FILE *in, const finish_job *job, FILE *out,
	       const char *name, diag *d)
{
	const pg_marks *m = job->marks;
	finish_when when;
	finish_date(job, &when);
	char date[40];
	finish_pdf_date(date, sizeof date, &when);
	int root = pdfw_reserve(w);
	pdfb c = { 0 };
	pdfb_printf(&c, "<< /Type /Catalog /Pages %d 0 R", m->pages);
	if (m->nfields) {
		for (int i = 0; i < m->nfields; i++)
			add_field(w, &m->fields[i], job);
		/* SignaturesExist (the document has signature fields) |
		 * AppendOnly (an update must be appended, not the file
		 * rewritten). */
		pdfb_puts(&c, " /AcroForm << /Fields [");
		for (int i = 0; i < m->nfields; i++)
			pdfb_printf(&c, "%d 0 R ", m->fields[i].id);
		pdfb_puts(&c, "] /SigFlags 3 >>");
	}
	add_files(w, job, date, &c);
	if (!job->nfiles && m->dests)
		pdfb_printf(&c, " /Names << /Dests %d 0 R >>", m->dests);
	if (m->outlines)
		pdfb_printf(&c, " /Outlines %d 0 R", m->outlines);
	if (m->labels)
		pdfb_printf(&c, " /PageLabels %d 0 R", m->labels);
	if (job->lang && *job->lang) {
		pdfb_puts(&c, " /Lang ");
		pdfb_text(&c, job->lang);
	}
	if (m->struct_tree)
		pdfb_printf(&c, " /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>",
			    m->struct_tree);
	pdfb_puts(&c, " /ViewerPreferences << /DisplayDocTitle true >>");
	pdfb_printf(&c, " /Metadata %d 0 R", finish_metadata(w, job, &when, m->tagged));
	pdfb_printf(&c, " /OutputIntents [%d 0 R] >>", finish_output_intent(w));
	pdfw_object(w, root, &c);
	pdfb_free(&c);
	int err = pdfw_end(w, root, info(w, job, date));
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s", strerror(err));
		return -1;
	}
	if (job->nkeys && sign_pdf(in, job, name, d) != 0)
		return -1;
	if (job->nkeys && fflush(in) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno ? errno : ENOSPC));
		return -1;
	}
	err = in == out ? 0 : finish_copy(in, out);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s", strerror(err));
		return -1;
	}
	return 0;
}
