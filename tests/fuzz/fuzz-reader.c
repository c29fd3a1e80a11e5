/*
 * fuzz-reader.c — libFuzzer harness for the reader (generator/input).
 *
 * Each input is one document, picked by its root element as plangen
 * picks it (generator/documents.c): parsed, then a <plan> validated
 * against the bundled plan.dtd, built into the model and checked by
 * reader_plan(), an <avance> validated against avance.dtd and built by
 * reader_progress(), which reads the plan it names and the reports
 * before it (anterior), a <rendicion> by reader_accountability(), which
 * reads its plans and progress reports, exactly as `plangen --check
 * FILE` would; then
 * everything is freed.  The inputs are named FOLDER/fuzz.xml, FOLDER
 * holding the plans, reports and images the seeds name (fuzz-files.h).
 * The reader's own entry points are called by the root's name, not
 * through the document table, so that the harness links the reader
 * without the layouts.  Nothing is printed: the diagnostics are
 * collected and dropped.  Build and run: see tests/fuzz/README.md.
 */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/base/arena.h"
#include "../../generator/base/diag.h"
#include "../../generator/base/image.h"
#include "../../generator/input/reader.h"
#include "fuzz-files.h"

enum { FUZZ_MAX_INPUT = 1 << 20 }; /* bytes */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *name; /* FOLDER/fuzz.xml */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	name = fuzz_files_prepare((*argv)[0], "reader");
	xmlInitParser();
	atexit(xmlCleanupParser);
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
	if (x && !strcmp(reader_root(x), "plan"))
		(void)reader_plan(x, a, d);
	else if (x && !strcmp(reader_root(x), "avance"))
		(void)reader_progress(x, a, d);
	else if (x && !strcmp(reader_root(x), "rendicion"))
		(void)reader_accountability(x, a, d);
	reader_xml_free(x);
	/* Each input decodes its images afresh, as each run of plangen. */
	pg_images_free();
	diag_free(d);
	arena_free(a);
	return 0;
}
