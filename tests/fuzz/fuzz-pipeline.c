/*
 * fuzz-pipeline.c — libFuzzer harness for the whole pipeline on small
 * inputs: bytes → reader → the layout of the document's kind (a plan's
 * Plan de Acción or a progress report's booklet, picked by the root
 * element through the document table, generator/documents.c, as
 * generator/main.c picks it; both passes) → trace device, as
 * `plangen -f trace -o /dev/null FILE` would run it; its PDF info and
 * its data table (`plangen -f csv`) are made too.  With FUZZ_PDF set in
 * the environment the device is the PDF device instead, and finish
 * ends the file (fields, attachments, metadata), as `plangen -o
 * /dev/null FILE` would run them.
 *
 * The engine (fonts, Pango, hyphenation) is made once, as the program
 * makes it once per run: it finds the fonts the same way (PLANGEN_FONTS,
 * or fonts/ beside the binary, two folders up, or in the working
 * folder).  The trace and the table go to /dev/null, opened once.  The
 * inputs are named FOLDER/fuzz.xml, FOLDER holding the plans, reports
 * and images the seeds name (fuzz-files.h).  Inputs over 64 KiB are
 * skipped: a plan that size already makes dozens of pages, and the time
 * per input decides how far the fuzzer gets.  Build and run: see
 * tests/fuzz/README.md.
 */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../generator/base/arena.h"
#include "../../generator/base/diag.h"
#include "../../generator/base/image.h"
#include "../../generator/base/marks.h"
#include "../../generator/base/pdfw.h"
#include "../../generator/devices/device.h"
#include "../../generator/finish/finish.h"
#include "../../generator/documents.h"
#include "../../generator/input/reader.h"
#include "fuzz-files.h"

enum { FUZZ_MAX_INPUT = 64 << 10 }; /* bytes */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *name; /* FOLDER/fuzz.xml */
static eng *engine;
static FILE *sink;
static int pdf; /* FUZZ_PDF: the PDF device and finish */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	name = fuzz_files_prepare((*argv)[0], "pipeline");
	xmlInitParser();
	diag *d = diag_new();
	engine = eng_new((*argv)[0], d);
	sink = fopen("/dev/null", "w");
	pdf = getenv("FUZZ_PDF") != NULL;
	if (!engine || !sink) {
		diag_print(d, stderr, 1);
		fputs("fuzz-pipeline: no fonts or no /dev/null\n", stderr);
		exit(1);
	}
	diag_free(d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	arena *a = arena_new();
	diag *d = diag_new();
	/* data is not NUL-terminated: the reader gets its length. */
	reader_xml *x = reader_parse(name, (const char *)data, size, d);
	const doc_kind *k = x ? doc_kind_of(reader_root(x)) : NULL;
	void *doc = k ? k->read(x, a, d) : NULL;
	reader_xml_free(x);
	if (doc) {
		kit_info info;
		k->info(doc, &info, a);
		(void)k->csv(doc, sink);
		pg_marks marks = { 0 };
		FILE *tmp = pdf ? tmpfile() : NULL;
		pdfw *w = tmp ? pdfw_new(tmp) : NULL;
		device *dev = w ? dev_pdf_new(w, "/dev/null", &marks, d)
				: dev_trace_new(sink, "/dev/null", d);
		if (!dev || (pdf && !tmp))
			pg_oom();
		int r = k->layout(doc, engine, dev, d);
		if (dev->close(dev) != 0)
			r = -1;
		dev->free(dev);
		if (w && r == 0) {
			finish_job job = { .marks = &marks, .title = info.meta.title,
					   .author = info.meta.author, .date = info.meta.date,
					   .lang = info.lang };
			(void)finish_pdf(w, tmp, &job, sink, "/dev/null", d);
		}
		pdfw_free(w);
		pg_marks_clear(&marks);
		if (tmp)
			fclose(tmp);
	}
	/* Each input decodes its images afresh, as each run of plangen. */
	pg_images_free();
	diag_free(d);
	arena_free(a);
	return 0;
}
