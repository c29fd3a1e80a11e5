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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../layouts/plan.h"
#include "base/arena.h"
#include "base/diag.h"
#include "devices/device.h"
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
	      "      --check        read and validate only\n"
	      "  -q, --quiet        print errors only, not warnings\n"
	      "  -h, --help         this help\n"
	      "  -V, --version      the version\n"
	      "\n"
	      "Problems are printed as FILE:LINE:COL: error: message.\n"
	      "Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n",
	      f);
}

/* The temporary output, removed if a signal ends the run. */
static volatile sig_atomic_t have_tmp;
static char tmp_path[4096];

static void on_signal(int sig)
{
	if (have_tmp)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
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
		  const char *argv0, diag *d)
{
	eng *e = eng_new(argv0, d);
	if (!e)
		return EXIT_IO;
	int paged = !strcmp(fmt, "png") || !strcmp(fmt, "svg");
	int to_stdout = !strcmp(out, "-");
	struct stat st;
	/* A device or pipe is written directly; a file appears complete, by
	 * a rename, or not at all. */
	int direct = to_stdout || paged ||
		     (stat(out, &st) == 0 && !S_ISREG(st.st_mode));
	if (!direct && stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "is a directory");
		eng_free(e);
		return EXIT_IO;
	}
	const char *target = out;
	FILE *f = NULL;
	if (!direct) {
		snprintf(tmp_path, sizeof tmp_path, "%s.XXXXXX", out);
		int fd = mkstemp(tmp_path);
		if (fd < 0) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
			eng_free(e);
			return EXIT_IO;
		}
		have_tmp = 1;
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
		dev->free(dev);
	}
	if (f && f != stdout && fclose(f) != 0 && status == EXIT_OK) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
			 strerror(errno));
		status = EXIT_IO;
	}
	if (!direct) {
		if (status == EXIT_OK && rename(tmp_path, out) != 0) {
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
			status = EXIT_IO;
		}
		if (status != EXIT_OK)
			unlink(tmp_path);
		have_tmp = 0;
	}
	eng_free(e);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "check", no_argument, NULL, 'c' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int check = 0, quiet = 0, opt;
	const char *out = NULL, *fmt = "pdf";
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
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("plangen %s\n", PLANGEN_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fputs("plangen: one input file at a time\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(fmt, "pdf") && strcmp(fmt, "png") && strcmp(fmt, "svg") &&
	    strcmp(fmt, "trace")) {
		fprintf(stderr, "plangen: unknown format \"%s\": pdf, png, svg "
				"or trace\n", fmt);
		return EXIT_USAGE;
	}

	LIBXML_TEST_VERSION
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	diag *d = diag_new();
	const char *name = optind < argc ? argv[optind] : READER_DEFAULT_NAME;
	char *data = NULL, *def_out = NULL;
	size_t len = pg_embedded_plan_size;
	int status = EXIT_OK;
	arena *a = arena_new();
	if (optind < argc && reader_load(name, &data, &len, d) != 0) {
		status = EXIT_IO;
	} else {
		pg_plan *p = reader_read(name, data ? data : pg_embedded_plan,
					 len, a, d);
		if (!p) {
			status = EXIT_INVALID;
		} else if (!check) {
			if (!out) {
				out = def_out = default_output(
					name, !strcmp(fmt, "trace") ? "trace" : fmt);
				mkdir("output", 0777);
			}
			status = render(p, fmt, out, argv[0], d);
		}
	}
	diag_print(d, stderr, !quiet);
	diag_free(d);
	arena_free(a);
	free(data);
	free(def_out);
	xmlCleanupParser();
	return status;
}
