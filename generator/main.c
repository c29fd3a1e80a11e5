/*
 * main.c — the command line: options, then the pipeline
 *   read + validate (input/) → model → layout → device
 * and the exit status: 0 done, 1 invalid input, 2 usage, 3 I/O or internal.
 */
#include <getopt.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "input/reader.h"

#ifndef PLANGEN_VERSION
#define PLANGEN_VERSION "0.0"
#endif

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static void usage(FILE *f)
{
	fputs("usage: plangen [OPTIONS] [INPUT.xml]\n"
	      "Reads an annual plan (XML, see input/GUIA.md), validates it and\n"
	      "checks it.  Without INPUT, uses the built-in 2019 plan.\n"
	      "\n"
	      "  --check          read and validate only (the only mode in this\n"
	      "                   version: rendering comes with the layout stage)\n"
	      "  -q, --quiet      print errors only, not warnings\n"
	      "  -h, --help       this help\n"
	      "  -V, --version    the version\n"
	      "\n"
	      "Problems are printed as FILE:LINE:COL: error: message.\n"
	      "Exit status: 0 done, 1 invalid input, 2 usage, 3 I/O error.\n",
	      f);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int check = 0, quiet = 0, opt;
	while ((opt = getopt_long(argc, argv, "qhV", longopts, NULL)) != -1) {
		switch (opt) {
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
	if (!check) {
		fputs("plangen: this version only checks plans: use --check\n",
		      stderr);
		return EXIT_USAGE;
	}

	LIBXML_TEST_VERSION
	diag *d = diag_new();
	const char *name = optind < argc ? argv[optind] : READER_DEFAULT_NAME;
	char *data = NULL;
	size_t len = pg_embedded_plan_size;
	int status = EXIT_OK;
	if (optind < argc && reader_load(name, &data, &len, d) != 0) {
		status = EXIT_IO;
	} else {
		arena *a = arena_new();
		pg_plan *p = reader_read(name, data ? data : pg_embedded_plan,
					 len, a, d);
		if (!p)
			status = EXIT_INVALID;
		arena_free(a);
	}
	diag_print(d, stderr, !quiet);
	diag_free(d);
	free(data);
	xmlCleanupParser();
	return status;
}
