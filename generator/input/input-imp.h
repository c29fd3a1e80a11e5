/*
 * input-imp.h — shared inside generator/input only.
 */
#ifndef PG_INPUT_IMP_H
#define PG_INPUT_IMP_H

#include <libxml/tree.h>

#include "reader.h"

struct reader_xml {
	xmlDocPtr doc;
	char *name;
};

/* xml.c: parses data; NULL when it is not well-formed XML (diagnosed). */
xmlDocPtr xml_parse(const char *name, const char *data, size_t len, diag *d);
/* xml.c: validates doc against the DTD dtd_text[0..dtd_len) and its
 * root against root_name, diagnosing every violation; 1 if valid. */
int xml_validate(xmlDocPtr doc, const char *name, const char *root_name,
		 const char *dtd_text, size_t dtd_len, diag *d);
/* xml.c: the line of a node (beyond 65535 too). */
int xml_line(const xmlNode *n);

/* build-plan.c: the model of a parsed document (valid or not: what does not
 * fit is skipped; reference and value errors are diagnosed). */
pg_plan *build_plan(xmlDocPtr doc, const char *name, arena *a, diag *d);

/* build-avance.c: the progress report of a parsed <avance> (its plan
 * and previous reports read on the way), or NULL when there were errors. */
pg_progress *build_progress(xmlDocPtr doc, const char *name, arena *a, diag *d);

/* build-rendicion.c: the accountability report of a parsed <rendicion>
 * (its plans and progress reports read on the way). */
pg_accountability *build_accountability(xmlDocPtr doc, const char *name, arena *a,
					diag *d);

/* check.c: the rules over the whole model (sums, uniqueness, warnings). */
void check_plan(const pg_plan *p, diag *d);

#endif
