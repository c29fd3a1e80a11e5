/*
 * pipeline.c — layout → device → finish → the output in place; the
 * signing keys; the temporary output and the signals that remove it.
 *
 * The devices write pages and know nothing of finish: for a PDF, this
 * file gives the PDF device a writer (base/pdfw.h) on a temporary file
 * and a pg_marks to fill, and once the device is closed hands both to
 * finish_pdf with the source files, the document's information and the
 * keys, which ends the PDF, signs it and writes the output (or its
 * temporary file, renamed once complete).
 */
#include "pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/marks.h"
#include "base/tmpfile.h"
#include "devices/device.h"
#include "finish/finish.h"
#include "finish/sign.h"
#include "input/reader.h"
#include "layout/engine.h"

struct pipeline_keys {
	sign_key **keys;
	const char **fields; /* per key: its --sign-field, or NULL */
	int n;
	time_t time;
	const char *tsa;
	char *font;
	FILE *report;
};

/* The temporary output, removed if a signal ends the run.  The handler
 * calls only async-signal-safe functions (unlink, raise); the signals
 * are blocked while the file is made or renamed and have_tmp changes,
 * so that it names the file exactly while the file exists (no device
 * thread runs then: a signal can only reach this one). */
static volatile sig_atomic_t have_tmp;
static char tmp_path[4096];
/* png and svg: tmp_path is a folder (open as tmp_fd) holding the pages
 * written so far as N.EXT, N up to tmp_pages. */
static volatile sig_atomic_t tmp_is_dir, tmp_pages;
static int tmp_fd = -1;
static char tmp_ext[8];

/* The pages in the temporary folder and the folder, removed; async-
 * signal-safe (no allocation, no stdio). */
static void remove_tmp_pages(void)
{
	for (int n = 1; n <= tmp_pages; n++) {
		char name[32], digits[16];
		int k = 0, m = n, i = 0;
		do
			digits[k++] = (char)('0' + m % 10);
		while ((m /= 10) && k < 15);
		while (k)
			name[i++] = digits[--k];
		for (const char *e = tmp_ext; *e && i < 31; e++)
			name[i++] = *e;
		name[i] = '\0';
		unlinkat(tmp_fd, name, 0);
	}
	rmdir(tmp_path);
}
/* Every signal whose default action ends the process, short of SIGKILL
 * and the faults (a crash leaves no handler to trust). */
static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1,
			      SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF };

static void on_signal(int sig)
{
	if (have_tmp && tmp_is_dir)
		remove_tmp_pages();
	else if (have_tmp)
		unlink(tmp_path);
	/* The handler was reset on entry (SA_RESETHAND): once it returns,
	 * the signal ends the process as it would have without it. */
	raise(sig);
}

static void block_signals(int how)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
		sigaddset(&set, caught[i]);
	pthread_sigmask(how, &set, NULL);
}

/* Set as each render starts, before any device thread (again is
 * harmless).  A signal ignored at the start stays ignored (a background
 * job of a non-interactive shell ignores SIGINT). */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++) {
		struct sigaction old;
		if (sigaction(caught[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(caught[i], &sa, NULL);
	}
}

/* ---- the signing options ---- */

/* One --sign and what belongs to it: the --sign-pass-file and
 * --sign-field that follow it (before the next --sign). */
typedef struct sign_opt {
	const char *key, *pass, *field;
} sign_opt;

struct pipeline_signing {
	sign_opt *v;
	int n, cap;
	int npass;	       /* --sign-pass-file given */
	const char *any_pass;  /* the last one given */
	const char *stray_pass; /* one that follows no --sign of its own */
	const char *stray_field; /* likewise */
	const char *tsa;
};

pipeline_signing *pipeline_signing_new(void)
{
	pipeline_signing *s = calloc(1, sizeof *s);
	if (!s)
		pg_oom();
	return s;
}

void pipeline_signing_free(pipeline_signing *s)
{
	if (s)
		free(s->v);
	free(s);
}

int pipeline_signing_count(const pipeline_signing *s)
{
	return s ? s->n : 0;
}

void pipeline_signing_option(pipeline_signing *s, int opt, const char *arg)
{
	sign_opt *last = s->n ? &s->v[s->n - 1] : NULL;
	switch (opt) {
	case PIPELINE_OPT_SIGN:
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 4;
			s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
			if (!s->v)
				pg_oom();
		}
		s->v[s->n++] = (sign_opt){ arg, NULL, NULL };
		break;
	case PIPELINE_OPT_PASS:
		s->npass++;
		s->any_pass = arg;
		if (last && !last->pass)
			last->pass = arg;
		else if (!s->stray_pass)
			s->stray_pass = arg;
		break;
	case PIPELINE_OPT_FIELD:
		if (last && !last->field)
			last->field = arg;
		else if (!s->stray_field)
			s->stray_field = arg;
		break;
	case PIPELINE_OPT_TSA:
		s->tsa = arg;
		break;
	}
}

int pipeline_signing_check(const pipeline_signing *s, FILE *err)
{
	if (s->stray_field) {
		fprintf(err, "plangen: --sign-field %s: it names the field of the "
			     "--sign before it, and there is %s\n", s->stray_field,
			s->n ? "one --sign-field already for that --sign" : "no --sign");
		return -1;
	}
	if (s->npass > 1 && s->stray_pass) {
		fprintf(err, "plangen: --sign-pass-file %s: with several passphrase "
			     "files, each follows its own --sign\n", s->stray_pass);
		return -1;
	}
	for (int i = 0; s->npass > 1 && i < s->n; i++)
		if (!s->v[i].pass) {
			fprintf(err, "plangen: --sign %s has no --sign-pass-file of its "
				     "own: with several passphrase files, each follows "
				     "the --sign of its key\n", s->v[i].key);
			return -1;
		}
	if (s->tsa && !s->n) {
		fputs("plangen: --tsa timestamps a signature: not without --sign\n", err);
		return -1;
	}
	if (s->tsa && strncmp(s->tsa, "http://", 7) && strncmp(s->tsa, "https://", 8)) {
		fprintf(err, "plangen: --tsa %s: the timestamp authority's address "
			     "is an http:// or https:// URL\n", s->tsa);
		return -1;
	}
	return 0;
}

/* The passphrase: the first line of file, or PLANGEN_SIGN_PASS, or NULL
 * (none).  Returns 0, or -1 after a diagnostic. */
static int read_pass(const char *file, char **pass, diag *d)
{
	*pass = NULL;
	if (!file) {
		const char *env = getenv("PLANGEN_SIGN_PASS");
		*pass = env ? strdup(env) : NULL;
		return 0;
	}
	size_t len;
	if (reader_load(file, pass, &len, d) != 0)
		return -1;
	(*pass)[strcspn(*pass, "\r\n")] = '\0';
	return 0;
}

/* The signing time: SOURCE_DATE_EPOCH when set (reproducible builds),
 * or now. */
static time_t sign_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t = e ? strtoll(e, &end, 10) : 0;
	return e && *e && !*end && t > 0 ? (time_t)t : time(NULL);
}

pipeline_keys *pipeline_keys_load(const kit_info *info, const pipeline_signing *s,
				  const char *argv0, int quiet, diag *d)
{
	pipeline_keys *k = calloc(1, sizeof *k);
	int n = s ? s->n : 0;
	if (!k || !(k->keys = calloc((size_t)n + 1, sizeof *k->keys)) ||
	    !(k->fields = calloc((size_t)n + 1, sizeof *k->fields)))
		pg_oom();
	k->time = sign_time();
	if (!n)
		return k;
	k->tsa = s->tsa;
	k->report = quiet ? NULL : stderr;
	int r = 0;
	if (info) {
		int nsig = 0;
		while (info->approvers && info->approvers[nsig])
			nsig++;
		if (n > nsig) {
			diag_add(d, DIAG_ERROR, info->file, 0, 0,
				 "%d signing keys (--sign) for %d signatories in "
				 "<aprobacion firmantes=\"...\">", n, nsig);
			r = -1;
		}
		for (int i = 0; i < n; i++) {
			int j = 0;
			while (s->v[i].field && j < nsig && strcmp(info->approvers[j]->id, s->v[i].field))
				j++;
			if (s->v[i].field && j == nsig) {
				diag_add(d, DIAG_ERROR, info->file, 0, 0,
					 "--sign-field %s: no signatory of that id in "
					 "<aprobacion firmantes=\"...\">", s->v[i].field);
				r = -1;
			}
		}
	}
	/* The visible signature's font: the bundled one. */
	char *dir = eng_fonts_dir(argv0);
	if (!dir) {
		diag_add(d, DIAG_ERROR, "plangen", 0, 0,
			 "cannot find the fonts folder (fonts/fonts.conf) for the "
			 "visible signature; set PLANGEN_FONTS to it");
		r = -1;
	} else {
		k->font = g_build_filename(dir, "Carlito-Regular.ttf", NULL);
		g_free(dir);
	}
	/* Each key's passphrase: its own file, the one file given, or the
	 * environment's. */
	for (k->n = 0; k->n < n; k->n++) {
		const sign_opt *o = &s->v[k->n];
		char *pass;
		k->fields[k->n] = o->field;
		if (read_pass(o->pass ? o->pass : s->any_pass, &pass, d) != 0) {
			r = -1;
			continue;
		}
		if (!(k->keys[k->n] = sign_key_load(o->key, pass, k->time, d)))
			r = -1;
		if (pass)
			memset(pass, 0, strlen(pass));
		free(pass);
	}
	if (r != 0) {
		pipeline_keys_free(k);
		return NULL;
	}
	return k;
}

void pipeline_keys_free(pipeline_keys *k)
{
	if (!k)
		return;
	for (int i = 0; i < k->n; i++)
		sign_key_free(k->keys[i]);
	free(k->keys);
	free(k->fields);
	g_free(k->font);
	free(k);
}

/* What job says of the signing: the keys, their fields, the authority,
 * the font, the report. */
static void job_keys(finish_job *job, const pipeline_keys *keys)
{
	if (!keys)
		return;
	job->keys = keys->keys;
	job->key_fields = keys->fields;
	job->nkeys = keys->n;
	job->sign_time = keys->time;
	job->tsa = keys->tsa;
	job->font = keys->font;
	job->report = keys->report;
}

/* The document's source data, attached to its PDF: the XML as read and
 * the DTD it was validated against. */
static void source_files(const doc_kind *k, const kit_info *info,
			 const char *data, size_t len, const finish_packed *packed,
			 finish_file *files)
{
	const char *name = info->file;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	files[0] = (finish_file){ base, "application/xml", "Source",
				  info->source_desc, data, len, packed };
	files[1] = (finish_file){ k->dtd_name, "application/xml-dtd", "Data",
				  info->dtd_desc, k->dtd, *k->dtd_len, NULL };
}

/* The PDF w writes into tmp, its pages written, into out with what
 * finish adds: the source, the document's information, the signatures
 * with the approval's reason (as the approval page says it) and place,
 * the language.  0, or -1 after a diagnostic naming name. */
static int finish(pdfw *w, FILE *tmp, const pg_marks *marks, const doc_kind *k,
		  const kit_info *info, const char *data, size_t len,
		  const finish_packed *packed, const pipeline_keys *keys, FILE *out,
		  const char *name, diag *d)
{
	finish_file files[2];
	finish_job job = { 0 };
	source_files(k, info, data, len, packed, files);
	job.files = files;
	job.nfiles = 2;
	job.sign_time = sign_time();
	job_keys(&job, keys);
	job.title = info->meta.title;
	job.author = info->meta.author;
	job.subject = info->meta.subject;
	job.keywords = info->meta.keywords;
	job.date = info->meta.date;
	int nsig = 0;
	while (info->approvers && info->approvers[nsig])
		nsig++;
	finish_signatory *who = calloc((size_t)nsig + 1, sizeof *who);
	if (!who)
		pg_oom();
	for (int i = 0; i < nsig; i++)
		who[i] = (finish_signatory){ info->approvers[i]->id, info->approvers[i]->name };
	job.signatories = who;
	job.nsignatories = nsig;
	job.reason = info->reason;
	job.location = info->place;
	job.lang = info->lang;
	job.marks = marks;
	int r = finish_pdf(w, tmp, &job, out, name, d);
	free(who);
	return r;
}

/* Lays p out into the device of fmt, which writes target (out itself,
 * or the temporary file beside it; "-": standard output).  A PDF is
 * written, ended and signed in target itself when that is a regular
 * file; into a pipe or a device (standard output), through an unnamed
 * temporary file which finish then copies to it.  0, or -1 after
 * diagnostics naming out. */
static int play(const doc_kind *k, const void *doc, const kit_info *info,
		const char *data, size_t len, const finish_packed *packed,
		const pipeline_keys *keys, const char *fmt, const char *target,
		const char *out, eng *e, diag *d)
{
	int csv = !strcmp(fmt, "csv");
	int pdf = !strcmp(fmt, "pdf");
	device *dev = NULL;
	FILE *f = NULL, *cairo = NULL;
	pdfw *w = NULL;
	pg_marks marks = { 0 };
	{
		/* A regular file is opened to be read back too; a pipe or a
		 * device only written, so that it blocks and breaks as one. */
		struct stat st;
		int regular = strcmp(target, "-") && stat(target, &st) == 0 &&
			      S_ISREG(st.st_mode);
		f = !strcmp(target, "-") ? stdout : fopen(target, pdf && regular ? "w+b" : "wb");
		if (f && pdf)
			cairo = regular ? f : pg_tmpfile_near(f, target);
		if (!f || (pdf && !cairo))
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
		else if (pdf)
			dev = dev_thread_new(dev_pdf_new(w = pdfw_new(cairo), out, &marks, d));
		else if (!csv)
			dev = dev_trace_new(f, out, d);
	}
	int r = -1;
	if (csv && f) {
		r = k->csv(doc, f);
		if (r != 0)
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
	} else if (dev) {
		r = k->layout(doc, e, dev, d);
		if (dev->close(dev) != 0 && r == 0)
			r = -1;
		dev->free(dev);
	}
	if (r == 0 && cairo)
		r = finish(w, cairo, &marks, k, info, data, len, packed, keys, f, out, d);
	pg_marks_clear(&marks);
	pdfw_free(w);
	if (cairo && cairo != f)
		fclose(cairo);
	/* Standard output too: closed, or a full disk, is a failed write. */
	if (f && (f == stdout ? fflush(f) != 0 || ferror(f) : fclose(f) != 0) && r == 0) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
			 strerror(errno ? errno : EIO));
		r = -1;
	}
	return r;
}

/* Where an output is written: out itself (standard output, a device or
 * pipe, png and svg pages), or a temporary file beside it, renamed over
 * it once complete. */
typedef struct output {
	const char *out, *target;
	int direct;
	mode_t mode; /* the temporary file's, given it when complete */
} output;

/* Starts writing out: 0, or -1 after a diagnostic. */
static int output_begin(output *o, const char *out, int paged, diag *d)
{
	int to_stdout = !strcmp(out, "-");
	struct stat st;
	int exists = !to_stdout && stat(out, &st) == 0;
	o->out = o->target = out;
	/* A device or pipe is written directly; a file appears complete, by
	 * a rename, or not at all. */
	o->direct = to_stdout || paged || (exists && !S_ISREG(st.st_mode));
	if (exists && S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "is a directory");
		return -1;
	}
	if (o->direct)
		return 0;
	block_signals(SIG_BLOCK);
	/* Beside the output, hidden, saying what it is:
	 * DIR/.NAME.plangen-XXXXXX. */
	const char *slash = strrchr(out, '/');
	int dirlen = slash ? (int)(slash - out + 1) : 0;
	snprintf(tmp_path, sizeof tmp_path, "%.*s.%s.plangen-XXXXXX", dirlen, out,
		 out + dirlen);
	int fd = mkstemp(tmp_path), why = errno;
	have_tmp = fd >= 0;
	block_signals(SIG_UNBLOCK);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s", strerror(why));
		return -1;
	}
	/* As the file it replaces, or as a new file would be, once
	 * complete: until then it stays mkstemp's 0600, which its writer
	 * may read back (finish signs it in place) whatever that mode. */
	mode_t um = umask(0);
	umask(um);
	o->mode = exists ? st.st_mode & 07777 : 0666 & ~um;
	close(fd);
	o->target = tmp_path;
	return 0;
}

/* Ends it: the temporary file renamed over out when status is 0,
 * removed otherwise.  The status, or -1 after a diagnostic. */
static int output_end(output *o, int status, diag *d)
{
	if (o->direct)
		return status;
	block_signals(SIG_BLOCK);
	if (status == 0)
		chmod(tmp_path, o->mode);
	if (status == 0 && rename(tmp_path, o->out) != 0) {
		diag_add(d, DIAG_ERROR, o->out, 0, 0, "cannot write: %s", strerror(errno));
		status = -1;
	}
	if (status != 0)
		unlink(tmp_path);
	have_tmp = 0;
	block_signals(SIG_UNBLOCK);
	return status;
}

char *pipeline_page_name(const char *prefix, int n, int npages, const char *ext)
{
	int digits = 1;
	for (int m = npages; m >= 10; m /= 10)
		digits++;
	size_t len = strlen(prefix) + strlen(ext) + 32;
	char *s = malloc(len);
	if (!s)
		pg_oom();
	snprintf(s, len, "%s-%0*d%s", prefix, digits, n, ext);
	return s;
}

static int in_view(const pipeline_view *v, int n)
{
	if (!v || !v->n)
		return 1;
	for (int i = 0; i < v->n; i++)
		if (n >= v->ranges[i][0] && n <= v->ranges[i][1])
			return 1;
	return 0;
}

/* A device before the page devices: counts the document's pages and
 * passes on those of the view. */
typedef struct viewer {
	device dev;
	device *inner;
	const pipeline_view *view;
	int pages, sent;
} viewer;

static int viewer_page(device *dev, const dl_page *p)
{
	viewer *w = (viewer *)dev;
	if (p->number > w->pages)
		w->pages = p->number;
	if (!in_view(w->view, p->number))
		return 0;
	w->sent++;
	if (p->number > tmp_pages)
		tmp_pages = p->number;
	return w->inner->page(w->inner, p);
}

static int viewer_close(device *dev)
{
	viewer *w = (viewer *)dev;
	return w->inner->close(w->inner);
}

static void viewer_free(device *dev)
{
	viewer *w = (viewer *)dev;
	w->inner->free(w->inner);
	free(w);
}

/* NAME is PREFIX-DIGITS.EXT (base and ext of the prefix's folder). */
static int is_page_of(const char *name, const char *base, const char *ext)
{
	size_t nb = strlen(base), ne = strlen(ext), n = strlen(name);
	if (n < nb + ne + 2 || strncmp(name, base, nb) || name[nb] != '-' ||
	    strcmp(name + n - ne, ext))
		return 0;
	for (size_t i = nb + 1; i < n - ne; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return 1;
}

/* After a render of every page: the files of dir named as pages of base
 * that this render did not write (an earlier one of more pages, or
 * numbered with other digits), removed. */
static void remove_stale_pages(const char *dir, const char *prefix,
			       const char *base, const char *ext, int npages)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return;
	struct dirent *de;
	char *last = pipeline_page_name(prefix, npages, npages, ext);
	size_t want = strlen(last) - (strlen(prefix) - strlen(base));
	free(last);
	while ((de = readdir(dh))) {
		if (!is_page_of(de->d_name, base, ext))
			continue;
		long n = strtol(de->d_name + strlen(base) + 1, NULL, 10);
		if (strlen(de->d_name) == want && n >= 1 && n <= npages)
			continue;
		int fd = dirfd(dh);
		unlinkat(fd, de->d_name, 0);
	}
	closedir(dh);
}

/* png and svg: the pages of view into a temporary folder beside the
 * output (DIR/.BASE.plangen-XXXXXX/N.EXT), then, all written, renamed
 * to DIR/BASE-NN.EXT. */
static int render_pages(const doc_kind *k, const void *doc, const kit_info *info,
			const char *fmt, const char *out, const pipeline_view *view,
			eng *e, diag *d)
{
	const char *ext = !strcmp(fmt, "png") ? ".png" : ".svg";
	struct stat st;
	char *prefix;
	size_t n = strlen(out), ne = strlen(ext);
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* A folder: the pages named after the input, in it. */
		const char *in = strrchr(info->file, '/') ? strrchr(info->file, '/') + 1 : info->file;
		size_t ni = strlen(in);
		if (ni > 4 && !strcmp(in + ni - 4, ".xml"))
			ni -= 4;
		prefix = malloc(n + ni + 2);
		if (!prefix)
			pg_oom();
		sprintf(prefix, "%s%s%.*s", out, out[n - 1] == '/' ? "" : "/", (int)ni, in);
	} else {
		if (n > ne && !strcmp(out + n - ne, ext))
			n -= ne;
		prefix = strndup(out, n);
		if (!prefix)
			pg_oom();
	}
	const char *slash = strrchr(prefix, '/');
	int dirlen = slash ? (int)(slash - prefix + 1) : 0;
	char *dir = dirlen ? strndup(prefix, (size_t)dirlen) : strdup(".");
	const char *base = prefix + dirlen;
	if (!dir)
		pg_oom();

	block_signals(SIG_BLOCK);
	snprintf(tmp_path, sizeof tmp_path, "%.*s.%s.plangen-XXXXXX", dirlen, prefix, base);
	snprintf(tmp_ext, sizeof tmp_ext, "%s", ext);
	tmp_pages = 0;
	int why = 0;
	if (!mkdtemp(tmp_path))
		why = errno;
	else if ((tmp_fd = open(tmp_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		why = errno, rmdir(tmp_path);
	have_tmp = tmp_is_dir = !why;
	block_signals(SIG_UNBLOCK);
	if (why) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s", strerror(why));
		free(prefix);
		free(dir);
		return -1;
	}
	char pattern[4200];
	snprintf(pattern, sizeof pattern, "%s/%%d%s", tmp_path, ext);
	double dpi = view ? view->dpi : 0;
	device *pages = !strcmp(fmt, "png") ? dev_png_new(pattern, out, dpi, d)
					    : dev_svg_new(pattern, out, dpi, d);
	viewer *w = calloc(1, sizeof *w);
	if (!w)
		pg_oom();
	*w = (viewer){ { viewer_page, viewer_close, viewer_free },
		       dev_thread_new(pages), view, 0, 0 };
	int r = k->layout(doc, e, &w->dev, d);
	if (w->dev.close(&w->dev) != 0 && r == 0)
		r = -1;
	int npages = w->pages, sent = w->sent;
	w->dev.free(&w->dev);
	if (r == 0 && !sent) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "--pages: the document has %d page%s",
			 npages, npages == 1 ? "" : "s");
		r = PIPELINE_NO_PAGES;
	}
	block_signals(SIG_BLOCK);
	for (int p = 1; r == 0 && p <= npages; p++) {
		if (!in_view(view, p))
			continue;
		char from[32], *to = pipeline_page_name(prefix, p, npages, ext);
		snprintf(from, sizeof from, "%d%s", p, ext);
		if (renameat(tmp_fd, from, AT_FDCWD, to) != 0) {
			diag_add(d, DIAG_ERROR, to, 0, 0, "cannot write: %s", strerror(errno));
			r = -1;
		}
		free(to);
	}
	remove_tmp_pages();
	close(tmp_fd);
	tmp_fd = -1;
	have_tmp = tmp_is_dir = 0;
	block_signals(SIG_UNBLOCK);
	if (r == 0 && !(view && view->n))
		remove_stale_pages(dir, prefix, base, ext, npages);
	free(prefix);
	free(dir);
	return r;
}

struct pipeline_ahead {
	pthread_t thread;
	int running; /* the thread, not joined yet */
	char *argv0;
	const char *data;
	size_t len;
	int pdf;
	diag *d; /* the engine's diagnostics */
	eng *e;	 /* made, not taken yet */
	finish_packed packed;
};

static void *ahead_run(void *arg)
{
	pipeline_ahead *a = arg;
	a->e = eng_make(a->argv0, a->d);
	if (a->pdf)
		finish_pack(&a->packed, a->data, a->len);
	return NULL;
}

pipeline_ahead *pipeline_ahead_start(const char *data, size_t len, const char *fmt,
				     const char *argv0)
{
	pipeline_ahead *a = calloc(1, sizeof *a);
	if (!a)
		pg_oom();
	a->argv0 = argv0 ? g_strdup(argv0) : NULL;
	a->data = data;
	a->len = len;
	a->pdf = !strcmp(fmt, "pdf");
	a->d = diag_new();
	/* No signal for it: the main thread's handler removes the
	 * temporary output. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	a->running = pthread_create(&a->thread, NULL, ahead_run, a) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!a->running) {
		pipeline_ahead_free(a);
		return NULL;
	}
	return a;
}

static void ahead_join(pipeline_ahead *a)
{
	if (a && a->running) {
		pthread_join(a->thread, NULL);
		a->running = 0;
	}
}

void pipeline_ahead_free(pipeline_ahead *a)
{
	if (!a)
		return;
	ahead_join(a);
	eng_free(a->e);
	finish_packed_free(&a->packed);
	diag_free(a->d);
	g_free(a->argv0);
	free(a);
}

/* The engine made ahead, for the calling thread (its diagnostics into
 * d), or made now. */
static eng *engine(pipeline_ahead *a, const char *argv0, diag *d)
{
	if (!a)
		return eng_new(argv0, d);
	ahead_join(a);
	diag_take(d, a->d, 1);
	eng *e = a->e;
	a->e = NULL;
	if (e)
		eng_adopt(e);
	return e;
}

/* The input packed ahead, if it was data[0..len). */
static const finish_packed *packed_of(const pipeline_ahead *a, const char *data,
				      size_t len)
{
	return a && a->pdf && a->packed.z && a->data == data && a->len == len
		       ? &a->packed
		       : NULL;
}

int pipeline_render(const doc_kind *k, const void *doc, const kit_info *info,
		    const char *data, size_t len, const pipeline_keys *keys,
		    const char *fmt, const char *out, const pipeline_view *view,
		    const char *argv0, pipeline_ahead *ahead, diag *d)
{
	catch_signals();
	eng *e = engine(ahead, argv0, d);
	if (!e)
		return -1;
	if (!strcmp(fmt, "png") || !strcmp(fmt, "svg")) {
		int r = render_pages(k, doc, info, fmt, out, view, e, d);
		eng_free(e);
		return r;
	}
	output o;
	int status = output_begin(&o, out, 0, d);
	if (status == 0)
		status = output_end(&o, play(k, doc, info, data, len,
					     packed_of(ahead, data, len), keys, fmt,
					     o.target, out, e, d), d);
	eng_free(e);
	/* A field that cannot be signed as asked is the input's fault. */
	return status == FINISH_INVALID ? FLOW_UNPLACEABLE : status;
}

int pipeline_is_pdf(const char *path)
{
	char head[5];
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
	int pdf = f && fread(head, 1, 5, f) == 5 && !memcmp(head, "%PDF-", 5);
	if (f)
		fclose(f);
	return pdf;
}

int pipeline_sign_file(const char *in, const pipeline_keys *keys, const char *out,
		       diag *d)
{
	catch_signals();
	FILE *src = fopen(in, "rb");
	if (!src) {
		diag_add(d, DIAG_ERROR, in, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	finish_job job = { 0 };
	job_keys(&job, keys);
	if (!out) {
		int r = finish_sign(src, in, &job, NULL, NULL, d);
		fclose(src);
		return r == FINISH_INVALID ? PIPELINE_INVALID : r;
	}
	output o;
	int status = output_begin(&o, out, 0, d);
	if (status == 0) {
		FILE *f = !strcmp(o.target, "-") ? stdout : fopen(o.target, "wb");
		if (!f) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
			status = -1;
		} else {
			status = finish_sign(src, in, &job, f, out, d);
			if ((f == stdout ? fflush(f) != 0 || ferror(f) : fclose(f) != 0) &&
			    status == 0) {
				diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
					 strerror(errno ? errno : EIO));
				status = -1;
			}
		}
		status = output_end(&o, status, d);
	}
	fclose(src);
	return status == FINISH_INVALID ? PIPELINE_INVALID : status;
}
