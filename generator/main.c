/*
 * main.c — the command line: options, then the pipeline
 *   read + validate (input/) → model → layout → device
 * and the exit status: 0 done, 1 invalid input, 2 usage, 3 I/O or internal.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../layouts/plan.h"
#include "base/arena.h"
#include "base/diag.h"
#include "base/image.h"
#include "devices/device.h"
#include "finish/sign.h"
#include "input/reader.h"
#include "layout/engine.h"

#ifndef PLANGEN_VERSION
#define PLANGEN_VERSION "0.0"
#endif

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static void usage(FILE *f)
{
	fputs("usage: plangen [OPTIONS] [INPUT.xml]\n"
	      "Turns an annual plan (XML, see input/GUIA.md) into its printed\n"
	      "Plan de Acción.  Without INPUT, uses the built-in 2019 plan.\n"
	      "\n"
	      "  -o, --output PATH  where to write (default output/INPUT.pdf;\n"
	      "                     png and svg write one file per page, PATH-N.png);\n"
	      "                     - is standard output\n"
	      "  -f, --format FMT   pdf (default), png, svg, trace\n"
	      "      --check        read and validate only (and the signing keys)\n"
	      "      --sign FILE.p12  sign digitally with this key and certificate\n"
	      "                     (PKCS#12); repeatable: one signature per file, by\n"
	      "                     the signatories of <aprobacion> in their order\n"
	      "      --sign-pass-file F  the passphrase of the keys, on the first\n"
	      "                     line of F (or in the variable PLANGEN_SIGN_PASS)\n"
	      "  -q, --quiet        print errors only, not warnings\n"
	      "  -h, --help         this help\n"
	      "  -V, --version      the version\n"
	      "\n"
	      "Problems are printed as FILE:LINE:COL: error: message.\n"
	      "Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n",
	      f);
}

/* The temporary output, removed if a signal ends the run.  The handler
 * calls only async-signal-safe functions (unlink, raise); the signals
 * are blocked while the file is made or renamed and have_tmp changes,
 * so that it names the file exactly while the file exists (no device
 * thread runs then: a signal can only reach this one). */
static volatile sig_atomic_t have_tmp;
static char tmp_path[4096];
static const int caught[] = { SIGINT, SIGTERM, SIGHUP };

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

/* A signal ignored at the start stays ignored (a background job of a
 * non-interactive shell ignores SIGINT). */
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

/* output/<input name without .xml>.<ext> */
static char *default_output(const char *input, const char *ext)
{
	char *copy = strdup(input);
	if (!copy)
		pg_oom();
	char *base = basename(copy);
	size_t n = strlen(base);
	if (n > 4 && !strcmp(base + n - 4, ".xml"))
		base[n - 4] = '\0';
	size_t len = strlen(base) + strlen(ext) + 16;
	char *out = malloc(len);
	if (!out)
		pg_oom();
	snprintf(out, len, "output/%s.%s", base, ext);
	free(copy);
	return out;
}

/* Renders p in format fmt to out; returns an exit status. */
static int render(const pg_plan *p, const char *fmt, const char *out,
		  const finish_job *job, const char *argv0, diag *d)
{
	eng *e = eng_new(argv0, d);
	if (!e)
		return EXIT_IO;
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
		return EXIT_IO;
	}
	const char *target = out;
	FILE *f = NULL;
	if (!direct) {
		block_signals(SIG_BLOCK);
		snprintf(tmp_path, sizeof tmp_path, "%s.XXXXXX", out);
		int fd = mkstemp(tmp_path), why = errno;
		have_tmp = fd >= 0;
		block_signals(SIG_UNBLOCK);
		if (fd < 0) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(why));
			eng_free(e);
			return EXIT_IO;
		}
		/* As a new file would be: mkstemp makes it 0600. */
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, 0666 & ~um);
		close(fd);
		target = tmp_path;
	}
	device *dev = NULL;
	dev_meta meta;
	char date[32];
	layout_plan_meta(p, &meta, date, sizeof date);
	meta.finish = job;
	meta.name = out;
	if (!strcmp(fmt, "pdf")) {
		dev = dev_thread_new(dev_pdf_new(target, &meta, d));
	} else if (!strcmp(fmt, "png")) {
		dev = dev_thread_new(dev_png_new(target, 96, d));
	} else if (!strcmp(fmt, "svg")) {
		dev = dev_thread_new(dev_svg_new(target, d));
	} else {
		f = to_stdout ? stdout : fopen(target, "w");
		if (!f)
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
		else
			dev = dev_trace_new(f, out, d);
	}
	int status = EXIT_IO;
	if (dev) {
		int r = layout_plan(p, e, theme_plan(), dev, d);
		if (dev->close(dev) == 0 && r == 0)
			status = EXIT_OK;
		else if (r == FLOW_UNPLACEABLE)
			status = EXIT_INVALID; /* the input's fault, located */
		dev->free(dev);
	}
	if (f && f != stdout && fclose(f) != 0 && status == EXIT_OK) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
			 strerror(errno));
		status = EXIT_IO;
	}
	if (!direct) {
		block_signals(SIG_BLOCK);
		if (status == EXIT_OK && rename(tmp_path, out) != 0) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
			status = EXIT_IO;
		}
		if (status != EXIT_OK)
			unlink(tmp_path);
		have_tmp = 0;
		block_signals(SIG_UNBLOCK);
	}
	eng_free(e);
	return status;
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

/* Loads the signing keys, as many as there are signatories to sign;
 * returns 0, or -1 after diagnostics. */
static int load_keys(const pg_plan *p, char **files, int n, const char *passfile,
		     time_t now, sign_key **keys, diag *d)
{
	int nsig = 0;
	while (p->approvers && p->approvers[nsig])
		nsig++;
	if (n > nsig) {
		diag_add(d, DIAG_ERROR, p->file, 0, 0,
			 "%d signing keys (--sign) for %d signatories in "
			 "<aprobacion firmantes=\"...\">", n, nsig);
		return -1;
	}
	char *pass;
	if (read_pass(passfile, &pass, d) != 0)
		return -1;
	int r = 0;
	for (int i = 0; i < n; i++)
		if (!(keys[i] = sign_key_load(files[i], pass, now, d)))
			r = -1;
	if (pass)
		memset(pass, 0, strlen(pass));
	free(pass);
	return r;
}

/* The plan's source data, attached to its PDF: the XML as read and the
 * DTD it was validated against. */
static void source_files(const char *name, const char *data, size_t len,
			 finish_file *files)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	files[0] = (finish_file){ base, "application/xml", "Source",
				  "El plan en XML, tal como fue leído", data, len };
	files[1] = (finish_file){ "plan.dtd", "application/xml-dtd", "Data",
				  "La DTD con la que el plan fue validado",
				  pg_embedded_dtd, pg_embedded_dtd_size };
}

/* What the PDF's finish stage adds: the source files, the signatures
 * with the approval's reason (as the signature page says it) and place. */
static void finish_with(finish_job *job, const pg_plan *p, const finish_file *files,
			sign_key **keys, int nkeys, arena *a)
{
	job->files = files;
	job->nfiles = 2;
	job->keys = keys;
	job->nkeys = nkeys;
	job->reason = p->approval_reason
			      ? p->approval_reason
			      : arena_printf(a, "Aprobación: %s", p->title);
	job->location = p->approval_place;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "check", no_argument, NULL, 'c' },
		{ "sign", required_argument, NULL, 's' },
		{ "sign-pass-file", required_argument, NULL, 'P' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int check = 0, quiet = 0, opt;
	const char *out = NULL, *fmt = "pdf", *passfile = NULL;
	char **signers = calloc((size_t)argc, sizeof *signers);
	int nsigners = 0;
	if (!signers)
		pg_oom();
	while ((opt = getopt_long(argc, argv, "o:f:qhV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 'f':
			fmt = optarg;
			break;
		case 'c':
			check = 1;
			break;
		case 's':
			signers[nsigners++] = optarg;
			break;
		case 'P':
			passfile = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			free(signers);
			return EXIT_OK;
		case 'V':
			printf("plangen %s\n", PLANGEN_VERSION);
			free(signers);
			return EXIT_OK;
		default:
			usage(stderr);
			free(signers);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fputs("plangen: one input file at a time\n", stderr);
		usage(stderr);
		free(signers);
		return EXIT_USAGE;
	}
	if (nsigners && strcmp(fmt, "pdf")) {
		fputs("plangen: --sign makes a signed PDF: not with -f png, svg "
		      "or trace\n", stderr);
		free(signers);
		return EXIT_USAGE;
	}
	if (strcmp(fmt, "pdf") && strcmp(fmt, "png") && strcmp(fmt, "svg") &&
	    strcmp(fmt, "trace")) {
		fprintf(stderr, "plangen: unknown format \"%s\": pdf, png, svg "
				"or trace\n", fmt);
		free(signers);
		return EXIT_USAGE;
	}

	LIBXML_TEST_VERSION
	catch_signals();
	diag *d = diag_new();
	const char *name = optind < argc ? argv[optind] : READER_DEFAULT_NAME;
	char *data = NULL, *def_out = NULL;
	size_t len = pg_embedded_plan_size;
	int status = EXIT_OK;
	arena *a = arena_new();
	sign_key **keys = calloc((size_t)argc, sizeof *keys);
	if (!keys)
		pg_oom();
	if (optind < argc && reader_load(name, &data, &len, d) != 0) {
		status = EXIT_IO;
	} else {
		const char *bytes = data ? data : pg_embedded_plan;
		pg_plan *p = reader_read(name, bytes, len, a, d);
		finish_job job = { 0 };
		finish_file files[2];
		if (!p) {
			status = EXIT_INVALID;
		} else if (nsigners && load_keys(p, signers, nsigners, passfile,
						  job.sign_time = sign_time(),
						  keys, d) != 0) {
			status = EXIT_INVALID;
		} else if (!check) {
			if (!out) {
				out = def_out = default_output(
					name, !strcmp(fmt, "trace") ? "trace" : fmt);
				mkdir("output", 0777);
			}
			source_files(name, bytes, len, files);
			finish_with(&job, p, files, keys, nsigners, a);
			status = render(p, fmt, out, &job, argv[0], d);
		}
	}
	for (int i = 0; i < nsigners; i++)
		sign_key_free(keys[i]);
	free(keys);
	free(signers);
	pg_images_free();
	diag_print(d, stderr, !quiet);
	diag_free(d);
	arena_free(a);
	free(data);
	free(def_out);
	xmlCleanupParser();
	return status;
}
