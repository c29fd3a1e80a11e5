/*
 * marks.c — what the PDF device leaves for the finish stage: the
 * signature fields in an array that doubles as it grows.
 */
#include "marks.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

void pg_marks_field(pg_marks *m, int page, int page_id, int id, double x,
		    double y, double w, double h, const char *name)
{
	if (m->nfields == m->capfields) {
		m->capfields = m->capfields ? m->capfields * 2 : 4;
		m->fields = realloc(m->fields, (size_t)m->capfields * sizeof *m->fields);
		if (!m->fields)
			pg_oom();
	}
	char *c = strdup(name ? name : "");
	if (!c)
		pg_oom();
	m->fields[m->nfields++] = (pg_field){ page, page_id, id, x, y, w, h, c };
}

void pg_marks_clear(pg_marks *m)
{
	for (int i = 0; i < m->nfields; i++)
		free((char *)m->fields[i].name);
	free(m->fields);
	memset(m, 0, sizeof *m);
}
