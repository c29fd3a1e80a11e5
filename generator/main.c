/*
 * main.c — the command line: options, then
 *   read + validate (input/) → model → the pipeline (pipeline.h:
 *   layout → device → finish → the output)
 * and the exit status: 0 done, 1 invalid input, 2 usage, 3 I/O or internal.
 */
#include <getopt.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/image.h"
#include "input/reader.h"
#include "pipeline.h"

#ifndef PLANGEN_VERSION
#define PLANGEN_VERSION "0.0"
#endif

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static void usage(FILE *f)
{
	fputs("usage: plangen [OPTIONS] [INPUT.xml]\n"
	      "Turns an annual plan (<plan>, XML, see input/GUIA.md) into its\n"
	      "printed Plan de Acción, a quarter's progress report on it\n"
	      "(<avance>) into its progress booklet, or an accountability report\n"
	      "(<rendicion>) into the report to the public.  Without INPUT, uses\n"
	      "the built-in 2019 plan.\n"
	      "\n"
	      "  -o, --output PATH  where to write (default output/INPUT.pdf;\n"
	      "                     png and svg write one file per page, PATH-N.png);\n"
	      "                     - is standard output\n"
	      "  -f, --format FMT   pdf (default), png, svg, trace, or csv (the\n"
	      "                     document's data: the POA rows, the figures)\n"
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
	      "Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n",
	      f);
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

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "check", no_argument, NULL, 'c' },
		{ "sign", required_argument, NULL, PIPELINE_OPT_SIGN },
		{ "sign-pass-file", required_argument, NULL, PIPELINE_OPT_PASS },
		{ "sign-field", required_argument, NULL, PIPELINE_OPT_FIELD },
		{ "tsa", required_argument, NULL, PIPELINE_OPT_TSA },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int check = 0, quiet = 0, opt;
	const char *out = NULL, *fmt = "pdf";
	pipeline_signing *signing = pipeline_signing_new();
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
		case PIPELINE_OPT_SIGN:
		case PIPELINE_OPT_PASS:
		case PIPELINE_OPT_FIELD:
		case PIPELINE_OPT_TSA:
			pipeline_signing_option(signing, opt, optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			pipeline_signing_free(signing);
			return EXIT_OK;
		case 'V':
			printf("plangen %s\n", PLANGEN_VERSION);
			pipeline_signing_free(signing);
			return EXIT_OK;
		default:
			usage(stderr);
			pipeline_signing_free(signing);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fputs("plangen: one input file at a time\n", stderr);
		usage(stderr);
		pipeline_signing_free(signing);
		return EXIT_USAGE;
	}
	int nsigners = pipeline_signing_count(signing);
	if (pipeline_signing_check(signing, stderr) != 0) {
		pipeline_signing_free(signing);
		return EXIT_USAGE;
	}
	if (nsigners && strcmp(fmt, "pdf")) {
		fputs("plangen: --sign makes a signed PDF: not with -f png, svg "
		      "or trace\n", stderr);
		pipeline_signing_free(signing);
		return EXIT_USAGE;
	}
	if (strcmp(fmt, "pdf") && strcmp(fmt, "png") && strcmp(fmt, "svg") &&
	    strcmp(fmt, "trace") && strcmp(fmt, "csv")) {
		fprintf(stderr, "plangen: unknown format \"%s\": pdf, png, svg, "
				"trace or csv\n", fmt);
		pipeline_signing_free(signing);
		return EXIT_USAGE;
	}
	if (optind < argc && pipeline_is_pdf(argv[optind])) {
		int st = sign_input(argv[optind], out, check, quiet, signing, argv[0]);
		pipeline_signing_free(signing);
		return st;
	}
	/* The output must not be the input (an XML file would be replaced
	 * by its PDF): the same file, however it is named.  png and svg
	 * write files of their own names. */
	struct stat in_st, out_st;
	if (optind < argc && out && strcmp(out, "-") && strcmp(fmt, "png") &&
	    strcmp(fmt, "svg") && stat(argv[optind], &in_st) == 0 &&
	    stat(out, &out_st) == 0 && in_st.st_dev == out_st.st_dev &&
	    in_st.st_ino == out_st.st_ino) {
		fprintf(stderr, "plangen: -o %s is the input file itself: give the "
				"output another name\n", out);
		pipeline_signing_free(signing);
		return EXIT_USAGE;
	}

	LIBXML_TEST_VERSION
	diag *d = diag_new();
	const char *name = optind < argc ? argv[optind] : READER_DEFAULT_NAME;
	char *data = NULL, *def_out = NULL;
	size_t len = pg_embedded_plan_size;
	int status = EXIT_OK;
	arena *a = arena_new();
	pipeline_keys *keys = NULL;
	if (optind < argc && reader_load(name, &data, &len, d) != 0) {
		status = EXIT_IO;
	} else {
		/* The document's kind is its root element's. */
		const char *bytes = data ? data : pg_embedded_plan;
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
		if (doc)
			k->info(doc, &info, a);
		if (!doc) {
			status = EXIT_INVALID;
		} else if (!(keys = pipeline_keys_load(&info, signing, argv[0],
						       quiet, d))) {
			status = EXIT_INVALID;
		} else if (!check) {
			if (!out) {
				out = def_out = default_output(name, fmt);
				mkdir("output", 0777);
			}
			int r = pipeline_render(k, doc, &info, bytes, len, keys, fmt,
						out, argv[0], d);
			status = r == 0			   ? EXIT_OK
				 : r == FLOW_UNPLACEABLE ? EXIT_INVALID
							 : EXIT_IO;
		}
	}
	pipeline_keys_free(keys);
	pipeline_signing_free(signing);
	pg_images_free();
	diag_print(d, stderr, !quiet);
	diag_free(d);
	arena_free(a);
	free(data);
	free(def_out);
	xmlCleanupParser();
	return status;
}
