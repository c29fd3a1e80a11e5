/*
 * pipeline.c — layout → device → finish → the output in place; the
 * signing keys; the temporary output and the signals that remove it.
 *
 * The devices write pages and know nothing of finish: for a PDF, this
 * file gives the PDF device cairo's temporary file and a pg_marks to
 * fill, and once the device is closed hands both to finish_pdf with the
 * source files and the keys, which writes the output (or its temporary
 * file, renamed once complete).
 */
#include "pipeline.h"

#include <errno.h>
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
	int n;
	time_t time;
};

/* The temporary output, removed if a signal ends the run.  The handler
 * calls only async-signal-safe functions (unlink, raise); the signals
 * are blocked while the file is made or renamed and have_tmp changes,
 * so that it names the file exactly while the file exists (no device
 * thread runs then: a signal can only reach this one). */
static volatile sig_atomic_t have_tmp;
static char tmp_path[4096];
/* Every signal whose default action ends the process, short of SIGKILL
 * and the faults (a crash leaves no handler to trust). */
static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1,
			      SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF };

static void on_signal(int sig)
{
	if (have_tmp)
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

pipeline_keys *pipeline_keys_load(const kit_info *info, char **files, int n,
				  const char *passfile, diag *d)
{
	pipeline_keys *k = calloc(1, sizeof *k);
	if (!k || !(k->keys = calloc((size_t)n + 1, sizeof *k->keys)))
		pg_oom();
	k->time = sign_time();
	if (!n)
		return k;
	int nsig = 0;
	while (info->approvers && info->approvers[nsig])
		nsig++;
	if (n > nsig) {
		diag_add(d, DIAG_ERROR, info->file, 0, 0,
			 "%d signing keys (--sign) for %d signatories in "
			 "<aprobacion firmantes=\"...\">", n, nsig);
		pipeline_keys_free(k);
		return NULL;
	}
	char *pass;
	if (read_pass(passfile, &pass, d) != 0) {
		pipeline_keys_free(k);
		return NULL;
	}
	int r = 0;
	for (k->n = 0; k->n < n; k->n++)
		if (!(k->keys[k->n] = sign_key_load(files[k->n], pass, k->time, d)))
			r = -1;
	if (pass)
		memset(pass, 0, strlen(pass));
	free(pass);
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
	free(k);
}

/* The document's source data, attached to its PDF: the XML as read and
 * the DTD it was validated against. */
static void source_files(const doc_kind *k, const kit_info *info,
			 const char *data, size_t len, finish_file *files)
{
	const char *name = info->file;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	files[0] = (finish_file){ base, "application/xml", "Source",
				  info->source_desc, data, len };
	files[1] = (finish_file){ k->dtd_name, "application/xml-dtd", "Data",
				  info->dtd_desc, k->dtd, *k->dtd_len };
}

/* cairo's PDF in tmp, with the links and fields the device met, into
 * out with what finish adds: the source, the signatures with the
 * approval's reason (as the approval page says it) and place, the
 * language.  0, or -1 after a diagnostic naming name. */
static int finish(FILE *tmp, const pg_marks *marks, const doc_kind *k,
		  const kit_info *info, const char *data, size_t len,
		  const pipeline_keys *keys, FILE *out, const char *name, diag *d)
{
	finish_file files[2];
	finish_job job = { 0 };
	source_files(k, info, data, len, files);
	job.files = files;
	job.nfiles = 2;
	if (keys) {
		job.keys = keys->keys;
		job.nkeys = keys->n;
		job.sign_time = keys->time;
	}
	job.reason = info->reason;
	job.location = info->place;
	job.lang = info->lang;
	job.marks = marks;
	return finish_pdf(tmp, &job, out, name, d);
}

/* Lays p out into the device of fmt, which writes target (out itself,
 * or the temporary file beside it; "-": standard output).  A PDF goes
 * through two files: cairo's, an unnamed temporary one (on target's disk
 * when target is a regular file), and target, which finish writes.  0,
 * or -1 after diagnostics naming out. */
static int play(const doc_kind *k, const void *doc, const kit_info *info,
		const char *data, size_t len, const pipeline_keys *keys,
		const char *fmt, const char *target, const char *out, eng *e,
		diag *d)
{
	int csv = !strcmp(fmt, "csv");
	int pdf = !strcmp(fmt, "pdf");
	device *dev = NULL;
	FILE *f = NULL, *cairo = NULL;
	pg_marks marks = { 0 };
	if (!strcmp(fmt, "png")) {
		dev = dev_thread_new(dev_png_new(target, 96, d));
	} else if (!strcmp(fmt, "svg")) {
		dev = dev_thread_new(dev_svg_new(target, d));
	} else {
		f = !strcmp(target, "-") ? stdout : fopen(target, "wb");
		if (f && pdf)
			cairo = pg_tmpfile_near(f, target);
		if (!f || (pdf && !cairo))
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
		else if (pdf)
			dev = dev_thread_new(dev_pdf_new(cairo, out, &info->meta, &marks, d));
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
		r = finish(cairo, &marks, k, info, data, len, keys, f, out, d);
	pg_marks_clear(&marks);
	if (cairo)
		fclose(cairo);
	/* Standard output too: closed, or a full disk, is a failed write. */
	if (f && (f == stdout ? fflush(f) != 0 || ferror(f) : fclose(f) != 0) && r == 0) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
			 strerror(errno ? errno : EIO));
		r = -1;
	}
	return r;
}

int pipeline_render(const doc_kind *k, const void *doc, const kit_info *info,
		    const char *data, size_t len, const pipeline_keys *keys,
		    const char *fmt, const char *out, const char *argv0, diag *d)
{
	catch_signals();
	eng *e = eng_new(argv0, d);
	if (!e)
		return -1;
	int paged = !strcmp(fmt, "png") || !strcmp(fmt, "svg");
	int to_stdout = !strcmp(out, "-");
	struct stat st;
	int exists = !to_stdout && stat(out, &st) == 0;
	/* A device or pipe is written directly; a file appears complete, by
	 * a rename, or not at all. */
	int direct = to_stdout || paged || (exists && !S_ISREG(st.st_mode));
	if (exists && S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "is a directory");
		eng_free(e);
		return -1;
	}
	const char *target = out;
	if (!direct) {
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
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(why));
			eng_free(e);
			return -1;
		}
		/* As the file it replaces, or as a new file would be:
		 * mkstemp makes it 0600. */
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~um);
		close(fd);
		target = tmp_path;
	}
	int status = play(k, doc, info, data, len, keys, fmt, target, out, e, d);
	if (!direct) {
		block_signals(SIG_BLOCK);
		if (status == 0 && rename(tmp_path, out) != 0) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
			status = -1;
		}
		if (status != 0)
			unlink(tmp_path);
		have_tmp = 0;
		block_signals(SIG_UNBLOCK);
	}
	eng_free(e);
	return status;
}
