/*
 * reader.h — the first stage: XML in, checked document model out.
 *
 * The reader parses with libxml2 (no network, no external entities, no
 * DTD but plangen's own), validates against the bundled plan.dtd, builds
 * the model (generator/model/plan.h) and checks what a DTD cannot say:
 * months, references, sums, uniqueness.  Every problem goes to the
 * diagnostics, located; the reader never stops at the first one.
 */
#ifndef PG_INPUT_READER_H
#define PG_INPUT_READER_H

#include <stddef.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../model/plan.h"

/* The largest file read; the model's own limits are in model/plan.h. */
enum { READER_MAX_INPUT = 128 << 20 }; /* bytes */

/* The bundled DTD and default plan (input/plan.dtd, input/plan-2019.xml),
 * NUL-terminated. */
extern const char pg_embedded_dtd[], pg_embedded_plan[];
extern const unsigned long pg_embedded_dtd_size, pg_embedded_plan_size;
#define READER_DEFAULT_NAME "plan-2019.xml"

/* Reads the file at path into memory (malloc'd, NUL-terminated).
 * Returns 0, or -1 with an I/O diagnostic (missing file, a directory,
 * too large, read error). */
int reader_load(const char *path, char **data, size_t *len, diag *d);

/* Reads the plan in data[0..len), named `name` in diagnostics; image
 * files are looked for relative to the folder of `name`.  Returns the
 * model, allocated in a, or NULL when there were errors. */
pg_plan *reader_read(const char *name, const char *data, size_t len,
		     arena *a, diag *d);

#endif
