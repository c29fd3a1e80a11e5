/*
 * documents.c — DOCUMENTS[]: one entry per kind of document, and the few
 * lines that adapt its reader, layout and data table to the entry.
 */
#include "documents.h"

#include <string.h>

#include "../layouts/avance.h"
#include "../layouts/plan.h"
#include "../layouts/rendicion.h"
#include "data/data.h"

/* ---- the annual Plan de Acción ---- */

static void *plan_read(reader_xml *x, arena *a, diag *d)
{
	return reader_plan(x, a, d);
}

static int plan_csv(const void *doc, FILE *out)
{
	return data_plan_csv(doc, out);
}

/* ---- the quarterly progress booklet ---- */

static void *avance_read(reader_xml *x, arena *a, diag *d)
{
	return reader_progress(x, a, d);
}

static int avance_csv(const void *doc, FILE *out)
{
	return data_progress_csv(doc, out);
}

/* ---- the accountability report ---- */

static void *rendicion_read(reader_xml *x, arena *a, diag *d)
{
	return reader_accountability(x, a, d);
}

static int rendicion_csv(const void *doc, FILE *out)
{
	return data_accountability_csv(doc, out);
}

static const doc_kind DOCUMENTS[] = {
	{ "plan", "a plan", "plan.dtd", pg_embedded_dtd, &pg_embedded_dtd_size,
	  plan_read, layout_plan, layout_plan_info, plan_csv },
	{ "avance", "a progress report", "avance.dtd", pg_embedded_avance_dtd,
	  &pg_embedded_avance_dtd_size, avance_read, layout_avance,
	  layout_avance_info, avance_csv },
	{ "rendicion", "an accountability report", "rendicion.dtd",
	  pg_embedded_rendicion_dtd, &pg_embedded_rendicion_dtd_size, rendicion_read,
	  layout_rendicion, layout_rendicion_info, rendicion_csv },
};

const doc_kind *doc_kind_of(const char *root)
{
	for (size_t i = 0; i < sizeof DOCUMENTS / sizeof *DOCUMENTS; i++)
		if (root && !strcmp(DOCUMENTS[i].root, root))
			return &DOCUMENTS[i];
	return NULL;
}

const char *doc_kinds_list(void)
{
	return "<plan> (a plan), <avance> (a progress report), <rendicion> (an "
	       "accountability report)";
}
