/*
 * fuzz-reader.c — libFuzzer harness for the reader (generator/input).
 *
 * Each input is one plan file: parsed, validated against the bundled
 * DTD, built into the model and checked by reader_read(), exactly as
 * `plangen --check FILE` would, then everything is freed.  Nothing is
 * printed: the diagnostics are collected and dropped.  Build and run:
 * see tests/fuzz/README.md.
 */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../generator/base/arena.h"
#include "../../generator/base/diag.h"
#include "../../generator/input/reader.h"

enum { FUZZ_MAX_INPUT = 1 << 20 }; /* bytes */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
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
	(void)reader_read("fuzz.xml", (const char *)data, size, a, d);
	diag_free(d);
	arena_free(a);
	return 0;
}
