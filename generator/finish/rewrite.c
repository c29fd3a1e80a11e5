/*
 * rewrite.c — the finish stage: libqpdf reads cairo's PDF from its
 * temporary file and writes it again with what cairo cannot write, then
 * the signatures are appended (sign.c) and the result copied out.
 *
 * Each link becomes << /Type /Annot /Subtype /Link /Rect [...] /Border
 * [0 0 0] /Dest (name) >>, an indirect object appended to its page's
 * /Annots.  Each signature field is one dictionary, field and widget
 * merged (/FT /Sig, /Subtype /Widget), with an empty appearance: what
 * the box shows is drawn in the page; the catalog's /AcroForm lists the
 * fields in signing order.  Each attached file is an /EmbeddedFile
 * stream (size and MD5 checksum in its /Params, no dates) in a file
 * specification listed both in the /EmbeddedFiles name tree and in the
 * catalog's /AF (PDF 2.0 associated files, PDF/A-3's way).
 *
 * The /ID is deterministic, so the same input gives the same file; no
 * object streams, so that the incremental updates of sign.c can use a
 * classic cross-reference table.  qpdf opens files by name: the unnamed
 * temporary files are reached through /proc/self/fd.
 */
#include "finish.h"
#include "finish-imp.h"

#include "../base/tmpfile.h"

#include <errno.h>
#include <openssl/evp.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "sign.h"

static int failed(qpdf_data q, const char *name, diag *d)
{
	if (!qpdf_has_error(q))
		return 0;
	qpdf_error e = qpdf_get_error(q);
	diag_add(d, DIAG_ERROR, name, 0, 0, "internal error finishing the PDF: %s",
		 qpdf_get_error_full_text(q, e));
	return 1;
}

/* As failed, for qpdf's writing: a system error there is a failed write
 * (a full disk), said as every other one, "cannot write: <reason>" (the
 * reason is the end of qpdf's "qpdf output: Pl_StdioFile::write: ..."). */
static int write_failed(qpdf_data q, const char *name, diag *d)
{
	if (!qpdf_has_error(q))
		return 0;
	qpdf_error e = qpdf_get_error(q);
	if (qpdf_get_error_code(q, e) != qpdf_e_system) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "internal error finishing the PDF: %s",
			 qpdf_get_error_full_text(q, e));
		return 1;
	}
	const char *why = qpdf_get_error_message_detail(q, e);
	const char *colon = strrchr(why, ':');
	if (colon)
		why = colon + 1 + strspn(colon + 1, " ");
	diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s", why);
	return 1;
}

static qpdf_oh real(qpdf_data q, double v)
{
	return qpdf_oh_new_real_from_double(q, v, 2);
}

static qpdf_oh add_link(qpdf_data q, const pg_link *l)
{
	qpdf_oh page = qpdf_get_page_n(q, (size_t)l->page);
	if (qpdf_oh_is_null(q, page))
		return 0;
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
	qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4)); /* Print */
	qpdf_oh ind = qpdf_make_indirect_object(q, a);
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	if (!qpdf_oh_is_array(q, annots)) {
		qpdf_oh_replace_key(q, page, "/Annots", qpdf_oh_new_array(q));
		annots = qpdf_oh_get_key(q, page, "/Annots");
	}
	qpdf_oh_append_item(q, annots, ind);
	return ind;
}

static qpdf_oh rect_of(qpdf_data q, double x, double y, double w, double h)
{
	qpdf_oh r = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, r, real(q, x));
	qpdf_oh_append_item(q, r, real(q, y));
	qpdf_oh_append_item(q, r, real(q, x + w));
	qpdf_oh_append_item(q, r, real(q, y + h));
	return r;
}

/* The dictionary at key of d, made if missing. */
static qpdf_oh dict_at(qpdf_data q, qpdf_oh d, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, d, key);
	if (!qpdf_oh_is_dictionary(q, v)) {
		qpdf_oh_replace_key(q, d, key, qpdf_oh_new_dictionary(q));
		v = qpdf_oh_get_key(q, d, key);
	}
	return v;
}

/* The array at key of d, made if missing. */
static qpdf_oh array_at(qpdf_data q, qpdf_oh d, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, d, key);
	if (!qpdf_oh_is_array(q, v)) {
		qpdf_oh_replace_key(q, d, key, qpdf_oh_new_array(q));
		v = qpdf_oh_get_key(q, d, key);
	}
	return v;
}

/* What the field keeps for the signature to come, when it is made by
 * another run: the signatory's name as its user name (/TU, which
 * readers show for the field, and which the signing certificate is
 * checked against), the approval's reason as the one reason its seed
 * value suggests (with PAdES' format and digest), and the place. */
static void field_seed(qpdf_data q, qpdf_oh f, const pg_field *fl,
		       const finish_job *job)
{
	for (int i = 0; i < job->nsignatories; i++)
		if (job->signatories[i].name && !strcmp(job->signatories[i].field, fl->name))
			qpdf_oh_replace_key(q, f, "/TU",
					    qpdf_oh_new_unicode_string(q, job->signatories[i].name));
	qpdf_oh sv = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, sv, "/Type", qpdf_oh_new_name(q, "/SV"));
	qpdf_oh sub = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, sub, qpdf_oh_new_name(q, "/ETSI.CAdES.detached"));
	qpdf_oh_replace_key(q, sv, "/SubFilter", sub);
	qpdf_oh dig = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, dig, qpdf_oh_new_name(q, "/SHA256"));
	qpdf_oh_replace_key(q, sv, "/DigestMethod", dig);
	if (job->reason) {
		qpdf_oh r = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, r, qpdf_oh_new_unicode_string(q, job->reason));
		qpdf_oh_replace_key(q, sv, "/Reasons", r);
	}
	qpdf_oh_replace_key(q, f, "/SV", sv);
	if (job->location)
		qpdf_oh_replace_key(q, f, "/PlangenLocation",
				    qpdf_oh_new_unicode_string(q, job->location));
}

static void add_field(qpdf_data q, qpdf_oh fields, const pg_field *fl,
		      const finish_job *job)
{
	qpdf_oh page = qpdf_get_page_n(q, (size_t)fl->page);
	if (qpdf_oh_is_null(q, page))
		return;
	qpdf_oh ap = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, ap, (const unsigned char *)"", 0,
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh apd = qpdf_oh_get_dict(q, ap);
	qpdf_oh_replace_key(q, apd, "/Type", qpdf_oh_new_name(q, "/XObject"));
	qpdf_oh_replace_key(q, apd, "/Subtype", qpdf_oh_new_name(q, "/Form"));
	qpdf_oh_replace_key(q, apd, "/BBox", rect_of(q, 0, 0, fl->w, fl->h));
	qpdf_oh f = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, f, "/Type", qpdf_oh_new_name(q, "/Annot"));
	qpdf_oh_replace_key(q, f, "/Subtype", qpdf_oh_new_name(q, "/Widget"));
	qpdf_oh_replace_key(q, f, "/FT", qpdf_oh_new_name(q, "/Sig"));
	qpdf_oh_replace_key(q, f, "/T", qpdf_oh_new_unicode_string(q, fl->name));
	qpdf_oh_replace_key(q, f, "/F", qpdf_oh_new_integer(q, 4)); /* Print */
	qpdf_oh_replace_key(q, f, "/Rect", rect_of(q, fl->x, fl->y, fl->w, fl->h));
	qpdf_oh_replace_key(q, f, "/P", page);
	qpdf_oh n = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, n, "/N", ap);
	qpdf_oh_replace_key(q, f, "/AP", n);
	field_seed(q, f, fl, job);
	qpdf_oh ind = qpdf_make_indirect_object(q, f);
	qpdf_oh_append_item(q, array_at(q, page, "/Annots"), ind);
	qpdf_oh_append_item(q, fields, ind);
}

static void add_fields(qpdf_data q, const finish_job *job)
{
	const pg_marks *m = job->marks;
	if (!m || !m->nfields)
		return;
	qpdf_oh form = dict_at(q, qpdf_get_root(q), "/AcroForm");
	qpdf_oh fields = array_at(q, form, "/Fields");
	for (int i = 0; i < m->nfields; i++)
		add_field(q, fields, &m->fields[i], job);
	/* SignaturesExist (the document has signature fields) | AppendOnly
	 * (an update must be appended, not the file rewritten). */
	qpdf_oh_replace_key(q, form, "/SigFlags", qpdf_oh_new_integer(q, 3));
}

/* The MD5 of data as a 16-byte string (the checksum PDF asks for). */
static qpdf_oh md5_of(qpdf_data q, const char *data, size_t len)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_Digest(data, len, md, &n, EVP_md5(), NULL);
	return qpdf_oh_new_binary_string(q, (const char *)md, n);
}

/* "/application#2Fxml": the MIME type as a name, its slash escaped. */
static qpdf_oh mime_name(qpdf_data q, const char *mime)
{
	char buf[128] = "/";
	size_t o = 1;
	for (const char *c = mime; *c && o + 4 < sizeof buf; c++)
		o += (size_t)snprintf(buf + o, sizeof buf - o,
				      *c == '/' ? "#2F" : "%c", *c);
	return qpdf_oh_new_name(q, buf);
}

static qpdf_oh add_file(qpdf_data q, const finish_file *fi)
{
	qpdf_oh st = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)fi->data,
				    fi->len, qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	qpdf_oh sd = qpdf_oh_get_dict(q, st);
	qpdf_oh_replace_key(q, sd, "/Type", qpdf_oh_new_name(q, "/EmbeddedFile"));
	qpdf_oh_replace_key(q, sd, "/Subtype", mime_name(q, fi->mime));
	qpdf_oh params = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, params, "/Size",
			    qpdf_oh_new_integer(q, (long long)fi->len));
	qpdf_oh_replace_key(q, params, "/CheckSum", md5_of(q, fi->data, fi->len));
	qpdf_oh_replace_key(q, sd, "/Params", params);
	qpdf_oh ef = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, ef, "/F", st);
	qpdf_oh_replace_key(q, ef, "/UF", st);
	qpdf_oh fs = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, fs, "/Type", qpdf_oh_new_name(q, "/Filespec"));
	qpdf_oh_replace_key(q, fs, "/F", qpdf_oh_new_unicode_string(q, fi->name));
	qpdf_oh_replace_key(q, fs, "/UF", qpdf_oh_new_unicode_string(q, fi->name));
	if (fi->desc)
		qpdf_oh_replace_key(q, fs, "/Desc",
				    qpdf_oh_new_unicode_string(q, fi->desc));
	char rel[64];
	snprintf(rel, sizeof rel, "/%s", fi->relation);
	qpdf_oh_replace_key(q, fs, "/AFRelationship", qpdf_oh_new_name(q, rel));
	qpdf_oh_replace_key(q, fs, "/EF", ef);
	return qpdf_make_indirect_object(q, fs);
}

static int by_name(const void *a, const void *b)
{
	const finish_file *x = *(const finish_file *const *)a;
	const finish_file *y = *(const finish_file *const *)b;
	return strcmp(x->name, y->name);
}

/* The document's language: the catalog's /Lang (BCP 47, "es"). */
static void set_lang(qpdf_data q, const finish_job *job)
{
	if (job->lang && *job->lang)
		qpdf_oh_replace_key(q, qpdf_get_root(q), "/Lang",
				    qpdf_oh_new_unicode_string(q, job->lang));
}

/* The document information's dates as PDF dates: "D:" first and the
 * zone's minutes closed, D:20181130000000-06'00' (cairo 1.16.0 writes
 * "(20181130000000-06'00)"). */
static void fix_dates(qpdf_data q)
{
	qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
	static const char *const keys[] = { "/CreationDate", "/ModDate" };
	for (int i = 0; i < 2; i++) {
		qpdf_oh v = qpdf_oh_get_key(q, info, keys[i]);
		if (!qpdf_oh_is_string(q, v))
			continue;
		const char *s = qpdf_oh_get_utf8_value(q, v);
		size_t n = strlen(s);
		int open = n > 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == '\'';
		if (strncmp(s, "D:", 2) || open) {
			char buf[64];
			snprintf(buf, sizeof buf, "%s%s%s", strncmp(s, "D:", 2) ? "D:" : "", s,
				 open ? "'" : "");
			qpdf_oh_replace_key(q, info, keys[i], qpdf_oh_new_string(q, buf));
		}
	}
}

static void add_files(qpdf_data q, const finish_job *job)
{
	if (!job->nfiles)
		return;
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh af = array_at(q, root, "/AF");
	/* A name tree's names are sorted. */
	const finish_file **sorted = calloc((size_t)job->nfiles, sizeof *sorted);
	qpdf_oh *spec = calloc((size_t)job->nfiles, sizeof *spec);
	if (!sorted || !spec)
		pg_oom();
	for (int i = 0; i < job->nfiles; i++)
		sorted[i] = &job->files[i];
	qsort(sorted, (size_t)job->nfiles, sizeof *sorted, by_name);
	qpdf_oh names = qpdf_oh_new_array(q);
	for (int i = 0; i < job->nfiles; i++) {
		spec[i] = add_file(q, sorted[i]);
		qpdf_oh_append_item(q, names,
				    qpdf_oh_new_unicode_string(q, sorted[i]->name));
		qpdf_oh_append_item(q, names, spec[i]);
	}
	for (int i = 0; i < job->nfiles; i++)
		for (int k = 0; k < job->nfiles; k++)
			if (sorted[k] == &job->files[i])
				qpdf_oh_append_item(q, af, spec[k]);
	qpdf_oh tree = dict_at(q, dict_at(q, root, "/Names"), "/EmbeddedFiles");
	qpdf_oh_replace_key(q, tree, "/Names", names);
	free(spec);
	free(sorted);
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

/* Whether f holds a whole PDF: its last bytes end the file. */
static int complete(FILE *f)
{
	char tail[64];
	if (fseek(f, 0, SEEK_END) != 0)
		return 0;
	long n = ftell(f);
	if (n < (long)sizeof tail || fseek(f, n - (long)sizeof tail, SEEK_SET) != 0 ||
	    fread(tail, 1, sizeof tail, f) != sizeof tail)
		return 0;
	return memmem(tail, sizeof tail, "%%EOF", 5) != NULL;
}

int finish_pdf(FILE *in, const finish_job *job, FILE *out, const char *name,
	       diag *d)
{
	char inpath[64], outpath[64];
	FILE *tmp = pg_tmpfile_near(out, name);
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
	qpdf_oh *links = NULL;
	qpdf_read(q, fd_path(in, inpath, sizeof inpath), NULL);
	if (failed(q, name, d))
		goto done;
	int nlinks = job->marks ? job->marks->nlinks : 0;
	links = calloc((size_t)nlinks + 1, sizeof *links);
	if (!links)
		pg_oom();
	for (int i = 0; i < nlinks; i++) {
		links[i] = add_link(q, &job->marks->links[i]);
		if (failed(q, name, d))
			goto done;
	}
	add_fields(q, job);
	add_files(q, job);
	set_lang(q, job);
	fix_dates(q);
	/* The structure first: alt.c's marks go inside its artifacts. */
	int tagged = finish_tags(q, job->marks, links);
	if (job->marks)
		finish_alts(q, job->marks);
	finish_pdfa(q, tagged);
	if (failed(q, name, d))
		goto done;
	if (qpdf_init_write(q, fd_path(tmp, outpath, sizeof outpath)) & QPDF_ERRORS) {
		write_failed(q, name, d);
		goto done;
	}
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_disable);
	qpdf_set_newline_before_endstream(q, QPDF_TRUE); /* PDF/A */
	qpdf_write(q);
	if (write_failed(q, name, d))
		goto done;
	/* qpdf does not see a write error at its file's close (a full
	 * disk): a file cut short has lost its end. */
	if (!complete(tmp)) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(ENOSPC));
		goto done;
	}
	/* cairo's file is read: its room on the disk is the output's. */
	if (ftruncate(fileno(in), 0) != 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno));
		goto done;
	}
	if (job->nkeys && (r = sign_pdf(tmp, job, name, d)) != 0)
		goto done;
	r = -1;
	if (job->nkeys && (fflush(tmp) != 0 || !complete(tmp))) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(errno ? errno : ENOSPC));
		goto done;
	}
	int err = copy(tmp, out);
	if (err) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
			 strerror(err));
		goto done;
	}
	r = 0;
done:
	free(links);
	qpdf_cleanup(&q);
	fclose(tmp);
	return r;
}
