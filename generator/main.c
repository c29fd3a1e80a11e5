/*
 * main.c — the command line: options, then
 *   read + validate (input/) → model → the pipeline (pipeline.h:
 *   layout → device → finish → the output)
 * once, or again at every change of the files read (--watch, watch.h);
 * and the exit status: 0 done, 1 invalid input, 2 usage, 3 I/O or internal.
 */
#include <getopt.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "base/image.h"
#include "base/seen.h"
#include "input/reader.h"
#include "pipeline.h"
#include "watch.h"

#ifndef PLANGEN_VERSION
#define PLANGEN_VERSION "0.0"
#endif
#ifndef PLANGEN_DATADIR
#define PLANGEN_DATADIR "/usr/local/share/plangen"
#endif
#ifndef PLANGEN_LOCALEDIR
#define PLANGEN_LOCALEDIR "/usr/local/share/locale"
#endif

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

/* The name of standard input (-) in messages, as gcc says it. */
#define STDIN_NAME "<stdin>"

static void usage(FILE *f)
{
	fprintf(f, pg_tr(
		"usage: plangen [OPTIONS] INPUT.xml\n"
		"       plangen [OPTIONS] --example\n"
		"Turns an annual plan (<plan>, XML) into its printed Plan de Acción,\n"
		"a quarter's progress report on it (<avance>) into its progress\n"
		"booklet, or an accountability report (<rendicion>) into the report\n"
		"to the public.  INPUT - is standard input.\n"
		"\n"
		"  -o, --output PATH  where to write (default output/INPUT.pdf; - is\n"
		"                     standard output); png and svg write one file\n"
		"                     per page, PATH-01.png ... (PATH less .png)\n"
		"  -f, --format FMT   pdf (default), png, svg, trace, or csv (the\n"
		"                     document's data: the POA rows, the figures)\n"
		"      --pages LIST   png, svg: only these pages (19-20, 5, 3-,\n"
		"                     1,4-6), numbered as in the whole document\n"
		"      --dpi N        png, svg: the resolution (png's default: 96)\n"
		"      --example      the built-in example, the 2019 plan\n"
		"      --watch        render again whenever the input or a file it\n"
		"                     names changes; stop with Ctrl-C\n"
		"      --check        read and validate only (and the signing keys)\n"
		"      --sign FILE.p12  sign digitally with this key and certificate\n"
		"                     (PKCS#12); repeatable: one signature per file, by\n"
		"                     the signatories of <aprobacion> in their order.\n"
		"                     INPUT may be a PDF plangen made: it is signed,\n"
		"                     in its next empty field, and replaced (or -o)\n"
		"      --sign-pass-file F  the passphrase, on the first line of F (or\n"
		"                     in PLANGEN_SIGN_PASS): one serves every key; with\n"
		"                     several, each follows the --sign of its key\n"
		"      --sign-field ID  the field the --sign before it signs\n"
		"      --tsa URL      a trusted time (RFC 3161) on each signature\n"
		"  -q, --quiet        print errors only, not warnings\n"
		"  -h, --help         this help\n"
		"  -V, --version      the version\n"
		"\n"
		"Problems are printed as FILE:LINE:COL: error: message.\n"
		"Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n"
		"The planners' guide to the format (in Spanish): %s/GUIA.md\n"
		"(input/GUIA.md in the sources).\n"),
		PLANGEN_DATADIR);
}

/* A usage error: the message, then where to look; EXIT_USAGE. */
__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
	va_list ap;
	fmt = pg_tr(fmt);
	va_start(ap, fmt);
	fputs("plangen: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	fputs(pg_tr("Try 'plangen --help' for more information.\n"), stderr);
	return EXIT_USAGE;
}

/* Where the message catalogues are: PLANGEN_LOCALEDIR, else beside the
 * binary in the sources (./plangen: build/locale; build/debug/plangen:
 * ../locale), else the installed ones. */
static void find_catalogues(void)
{
	static char dir[4200];
	const char *env = getenv("PLANGEN_LOCALEDIR");
	const char *where = env && *env ? env : NULL;
	char exe[4000];
	ssize_t n = where ? -1 : readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		static const char *const tries[] = { "/build/locale", "/../locale" };
		for (int i = 0; i < 2 && !where; i++) {
			snprintf(dir, sizeof dir, "%s%s/es/LC_MESSAGES/" PG_DOMAIN ".mo", exe, tries[i]);
			if (access(dir, R_OK) == 0) {
				snprintf(dir, sizeof dir, "%s%s", exe, tries[i]);
				where = dir;
			}
		}
	}
	bindtextdomain(PG_DOMAIN, where ? where : PLANGEN_LOCALEDIR);
	bind_textdomain_codeset(PG_DOMAIN, "UTF-8");
}

/* output/<input name without .xml>.<ext> */
static char *default_output(const char *input, const char *ext)
{
	char *copy = strdup(strcmp(input, STDIN_NAME) ? input : "stdin");
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

/* --pages LIST: N, N-M, N- (to the end), separated by commas, into
 * v->ranges.  0, or -1 when LIST is not one. */
static int parse_pages(const char *list, pipeline_view *v)
{
	size_t n = 1;
	for (const char *c = list; *c; c++)
		n += *c == ',';
	v->ranges = calloc(n, sizeof *v->ranges);
	if (!v->ranges)
		pg_oom();
	const char *c = list;
	for (v->n = 0; v->n < (int)n; v->n++) {
		char *end;
		long a = strtol(c, &end, 10), b = a;
		if (end == c || *c == '-' || *c == '+' || a < 1 || a > 1000000)
			return -1;
		if (*end == '-') {
			c = end + 1;
			b = *c && *c != ',' ? strtol(c, &end, 10) : 1000000;
			if (*c == ',' || !*c)
				end = (char *)c;
			else if (end == c || *c == '+' || b < a || b > 1000000)
				return -1;
		}
		if (*end && *end != ',')
			return -1;
		v->ranges[v->n][0] = (int)a;
		v->ranges[v->n][1] = (int)b;
		c = end + (*end == ',');
	}
	return 0;
}

/* A PDF for input: signed with the keys of s (nothing is rendered),
 * into out or in itself; --check only checks that they can.  The exit
 * status. */
static int sign_input(const char *in, const char *out, int check, int quiet,
		      const pipeline_signing *s, const char *argv0)
{
	if (!pipeline_signing_count(s)) {
		fprintf(stderr, "plangen: %s is a PDF: plangen reads plans (XML), or "
				"signs its PDFs with --sign\n", in);
		return EXIT_USAGE;
	}
	diag *d = diag_new();
	pipeline_keys *keys = pipeline_keys_load(NULL, s, argv0, quiet, d);
	int r = !keys ? PIPELINE_INVALID
		      : pipeline_sign_file(in, keys, check ? NULL : out ? out : in, d);
	pipeline_keys_free(keys);
	diag_print(d, stderr, !quiet);
	diag_free(d);
	return r == 0 ? EXIT_OK : r == PIPELINE_INVALID ? EXIT_INVALID : EXIT_IO;
}

/* One run: what the command line asked for. */
typedef struct run {
	const char *input; /* a file, "-", or NULL: the built-in example */
	const char *out, *fmt, *argv0;
	pipeline_signing *signing;
	int check, quiet;
	pipeline_view view;
} run;

/* Reads, checks and renders once, the diagnostics printed; the exit
 * status. */
static int render_once(void *arg)
{
	const run *r = arg;
	diag *d = diag_new();
	const char *name = !r->input		  ? READER_DEFAULT_NAME
			   : !strcmp(r->input, "-") ? STDIN_NAME
						  : r->input;
	char *data = NULL, *def_out = NULL;
	size_t len = pg_embedded_plan_size;
	int status = EXIT_OK;
	arena *a = arena_new();
	pipeline_keys *keys = NULL;
	pipeline_ahead *ahead = NULL;
	const char *out = r->out;
	pg_seen_clear();
	if (r->input && reader_load(strcmp(r->input, "-") ? r->input : "/dev/stdin",
				    &data, &len, d) != 0) {
		status = EXIT_IO;
	} else {
		/* The document's kind is its root element's. */
		const char *bytes = data ? data : pg_embedded_plan;
		ahead = r->check ? NULL : pipeline_ahead_start(bytes, len, r->fmt, r->argv0);
		reader_xml *x = reader_parse(name, bytes, len, d);
		const doc_kind *k = x ? doc_kind_of(reader_root(x)) : NULL;
		void *doc = NULL;
		kit_info info;
		if (x && !k)
			diag_add(d, DIAG_ERROR, name, reader_root_line(x), 0,
				 "the document element is "
				 "<%s>; plangen reads %s", reader_root(x), doc_kinds_list());
		if (k)
			doc = k->read(x, a, d);
		reader_xml_free(x);
		/* The XML tree was most of the memory so far (70 MB for a
		 * 5 MB plan): given back, so that the layout's threads, which
		 * allocate from arenas of their own, do not add to it. */
		malloc_trim(0);
		if (doc)
			k->info(doc, &info, a);
		if (!doc) {
			status = EXIT_INVALID;
		} else if (!(keys = pipeline_keys_load(&info, r->signing, r->argv0,
						       r->quiet, d))) {
			status = EXIT_INVALID;
		} else if (!r->check) {
			if (!out) {
				out = def_out = default_output(name, r->fmt);
				mkdir("output", 0777);
			}
			int st = pipeline_render(k, doc, &info, bytes, len, keys, r->fmt,
						 out, &r->view, r->argv0, ahead, d);
			status = st == 0		   ? EXIT_OK
				 : st == FLOW_UNPLACEABLE ? EXIT_INVALID
				 : st == PIPELINE_NO_PAGES ? EXIT_USAGE
							   : EXIT_IO;
		}
	}
	pipeline_ahead_free(ahead);
	pipeline_keys_free(keys);
	pg_images_free();
	diag_print(d, stderr, !r->quiet);
	diag_free(d);
	arena_free(a);
	free(data);
	free(def_out);
	return status;
}

int main(int argc, char **argv)
{
	enum { OPT_CHECK = 256, OPT_EXAMPLE, OPT_PAGES, OPT_DPI, OPT_WATCH };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "sign", required_argument, NULL, PIPELINE_OPT_SIGN },
		{ "sign-pass-file", required_argument, NULL, PIPELINE_OPT_PASS },
		{ "sign-field", required_argument, NULL, PIPELINE_OPT_FIELD },
		{ "tsa", required_argument, NULL, PIPELINE_OPT_TSA },
		{ "example", no_argument, NULL, OPT_EXAMPLE },
		{ "pages", required_argument, NULL, OPT_PAGES },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "watch", no_argument, NULL, OPT_WATCH },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	/* Messages in the user's language; numbers stay C's (the PDF's and
	 * the trace's decimal points). */
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	find_catalogues();
	run r = { .fmt = "pdf", .argv0 = argv[0] };
	int opt, example = 0, watch = 0, status;
	const char *pages = NULL;
	r.signing = pipeline_signing_new();
	while ((opt = getopt_long(argc, argv, "o:f:qhV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			r.out = optarg;
			break;
		case 'f':
			r.fmt = optarg;
			break;
		case OPT_CHECK:
			r.check = 1;
			break;
		case PIPELINE_OPT_SIGN:
		case PIPELINE_OPT_PASS:
		case PIPELINE_OPT_FIELD:
		case PIPELINE_OPT_TSA:
			pipeline_signing_option(r.signing, opt, optarg);
			break;
		case OPT_EXAMPLE:
			example = 1;
			break;
		case OPT_PAGES:
			pages = optarg;
			break;
		case OPT_DPI: {
			char *end;
			r.view.dpi = strtod(optarg, &end);
			if (end == optarg || *end || !(r.view.dpi >= 10 && r.view.dpi <= 2400)) {
				pipeline_signing_free(r.signing);
				return usage_error("--dpi %s: a resolution from 10 to 2400", optarg);
			}
			break;
		}
		case OPT_WATCH:
			watch = 1;
			break;
		case 'q':
			r.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			pipeline_signing_free(r.signing);
			return EXIT_OK;
		case 'V':
			printf("plangen %s\n", PLANGEN_VERSION);
			pipeline_signing_free(r.signing);
			return EXIT_OK;
		default: /* getopt said which option */
			pipeline_signing_free(r.signing);
			fputs(pg_tr("Try 'plangen --help' for more information.\n"), stderr);
			return EXIT_USAGE;
		}
	}
	status = -1;
	const char *fmt = r.fmt;
	int paged = !strcmp(fmt, "png") || !strcmp(fmt, "svg");
	struct stat in_st, out_st;
	if (argc - optind == 2)
		status = usage_error("one input file at a time (%s, %s); to name the "
				     "output, use -o: plangen %s -o %s", argv[optind],
				     argv[optind + 1], argv[optind], argv[optind + 1]);
	else if (argc - optind > 2)
		status = usage_error("one input file at a time (%s, %s, ...)",
				     argv[optind], argv[optind + 1]);
	else if (argc - optind == 1 && example)
		status = usage_error("--example is the built-in plan: not with an "
				     "input file (%s)", argv[optind]);
	else if (argc - optind == 0 && !example)
		status = usage_error("no input file (the built-in example is "
				     "--example)");
	else if (pipeline_signing_check(r.signing, stderr) != 0)
		status = EXIT_USAGE;
	else if (pipeline_signing_count(r.signing) && strcmp(fmt, "pdf"))
		status = usage_error("--sign makes a signed PDF: not with -f %s", fmt);
	else if (strcmp(fmt, "pdf") && !paged && strcmp(fmt, "trace") && strcmp(fmt, "csv"))
		status = usage_error("unknown format \"%s\": pdf, png, svg, trace or csv", fmt);
	else if ((pages || r.view.dpi) && !paged)
		status = usage_error("--pages and --dpi are for png and svg, not %s", fmt);
	else if (pages && parse_pages(pages, &r.view) != 0)
		status = usage_error("--pages %s: pages as 19-20, 5, 3- or 1,4-6", pages);
	else if (paged && r.out && !strcmp(r.out, "-"))
		status = usage_error("-f %s writes one file per page: not to standard "
				     "output (-o DIR/NAME gives DIR/NAME-01...)", fmt);
	else if (paged && r.out && stat(r.out, &out_st) == 0 &&
		 !S_ISREG(out_st.st_mode) && !S_ISDIR(out_st.st_mode))
		status = usage_error("-o %s is not a file: -f png and svg write one "
				     "file per page", r.out);
	else if (watch && (example || !strcmp(argv[optind], "-") || r.check ||
			   (r.out && !strcmp(r.out, "-"))))
		status = usage_error("--watch watches an input file and writes a file: "
				     "not with --example, --check, or - as input or output");
	/* The output must not be the input (an XML file would be replaced
	 * by its PDF): the same file, however it is named.  png and svg
	 * write files of their own names; a PDF is signed in place. */
	else if (optind < argc && r.out && strcmp(r.out, "-") && !paged &&
		 !pipeline_is_pdf(argv[optind]) && stat(argv[optind], &in_st) == 0 && stat(r.out, &out_st) == 0 &&
		 in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
		status = usage_error("-o %s is the input file itself: give the "
				     "output another name", r.out);
	if (status < 0 && optind < argc && pipeline_is_pdf(argv[optind]))
		status = sign_input(argv[optind], r.out, r.check, r.quiet, r.signing, argv[0]);
	if (status >= 0) {
		pipeline_signing_free(r.signing);
		free(r.view.ranges);
		return status;
	}
	r.input = optind < argc ? argv[optind] : NULL;
	char *watch_out = NULL;
	if (watch && !r.out) {
		/* Named once, for the messages of every run. */
		r.out = watch_out = default_output(r.input, fmt);
		mkdir("output", 0777);
	}

	LIBXML_TEST_VERSION
	status = watch ? watch_run(render_once, &r, r.out, r.quiet) : render_once(&r);
	pipeline_signing_free(r.signing);
	free(r.view.ranges);
	free(watch_out);
	pg_seen_clear();
	xmlCleanupParser();
	return status;
}
