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
#include "../model/progress.h"
#include "../model/report.h"

/* The largest file read; the model's own limits are in model/plan.h. */
enum { READER_MAX_INPUT = 128 << 20 }; /* bytes */

/* The bundled DTDs and default plan (input/plan.dtd, input/avance.dtd,
 * input/plan-2019.xml), NUL-terminated. */
extern const char pg_embedded_dtd[], pg_embedded_plan[], pg_embedded_avance_dtd[],
	pg_embedded_rendicion_dtd[];
extern const unsigned long pg_embedded_dtd_size, pg_embedded_plan_size,
	pg_embedded_avance_dtd_size, pg_embedded_rendicion_dtd_size;
#define READER_DEFAULT_NAME "plan-2019.xml"

/* Reads the file at path into memory (malloc'd, NUL-terminated).
 * Returns 0, or -1 with an I/O diagnostic (missing file, a directory,
 * too large, read error). */
int reader_load(const char *path, char **data, size_t *len, diag *d);

/* A parsed XML file, before it is known what document it is. */
typedef struct reader_xml reader_xml;
/* Parses data[0..len), named `name` in diagnostics; NULL when it is not
 * well-formed XML in UTF-8 (diagnosed). */
reader_xml *reader_parse(const char *name, const char *data, size_t len,
			 diag *d);
/* The name of its root element, and its line. */
const char *reader_root(const reader_xml *x);
int reader_root_line(const reader_xml *x);
void reader_xml_free(reader_xml *x);
/* Validates x against the plan's DTD, builds and checks the plan.
 * Returns the model, allocated in a, or NULL when there were errors. */
pg_plan *reader_plan(reader_xml *x, arena *a, diag *d);
/* The same for a progress report (<avance>), which reads its plan and
 * the reports before it (anterior) on the way. */
pg_progress *reader_progress(reader_xml *x, arena *a, diag *d);
/* The same for an accountability report (<rendicion>). */
pg_accountability *reader_accountability(reader_xml *x, arena *a, diag *d);

/* Reads the plan in data[0..len), named `name` in diagnostics; image
 * files are looked for relative to the folder of `name`.  Returns the
 * model, allocated in a, or NULL when there were errors. */
pg_plan *reader_read(const char *name, const char *data, size_t len,
		     arena *a, diag *d);

#endif
