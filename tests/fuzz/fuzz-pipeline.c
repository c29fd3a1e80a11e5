/*
 * fuzz-pipeline.c — libFuzzer harness for the whole pipeline on small
 * inputs: bytes → reader → Plan de Acción layout (both passes) → trace
 * device, as `plangen -f trace -o /dev/null FILE` would run it.
 *
 * The engine (fonts, Pango, hyphenation) is made once, as the program
 * makes it once per run: it finds the fonts the same way (PLANGEN_FONTS,
 * or fonts/ beside the binary, two folders up, or in the working
 * folder).  The trace goes to /dev/null, opened once.  Inputs over
 * 64 KiB are skipped: a plan that size already makes dozens of pages,
 * and the time per input decides how far the fuzzer gets.  Build and
 * run: see tests/fuzz/README.md.
 */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../generator/base/arena.h"
#include "../../generator/base/diag.h"
#include "../../generator/devices/device.h"
#include "../../generator/input/reader.h"
#include "../../layouts/plan.h"

enum { FUZZ_MAX_INPUT = 64 << 10 }; /* bytes */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static eng *engine;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	xmlInitParser();
	diag *d = diag_new();
	engine = eng_new((*argv)[0], d);
	sink = fopen("/dev/null", "w");
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
	pg_plan *p = reader_read("fuzz.xml", (const char *)data, size, a, d);
	if (p) {
		device *dev = dev_trace_new(sink, "/dev/null", d);
		if (!dev)
			pg_oom();
		(void)layout_plan(p, engine, theme_plan(), dev, d);
		(void)dev->close(dev);
		dev->free(dev);
	}
	diag_free(d);
	arena_free(a);
	return 0;
}
