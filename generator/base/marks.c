/*
 * marks.c — the links and signature fields of a PDF's pages, in arrays
 * that double as they grow.
 */
#include "marks.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

static char *copy(const char *s)
{
	char *c = strdup(s ? s : "");
	if (!c)
		pg_oom();
	return c;
}

/* Room for one more of n in *v (cap at *cap, of size each). */
static void *grow(void *v, int n, int *cap, size_t size, int first)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : first;
	v = realloc(v, (size_t)*cap * size);
	if (!v)
		pg_oom();
	return v;
}

void pg_marks_link(pg_marks *m, int page, double x, double y, double w,
		   double h, const char *dest)
{
	m->links = grow(m->links, m->nlinks, &m->caplinks, sizeof *m->links, 32);
	m->links[m->nlinks++] = (pg_link){ page, x, y, w, h, copy(dest), -1 };
}

void pg_marks_field(pg_marks *m, int page, double x, double y, double w,
		    double h, const char *name)
{
	m->fields = grow(m->fields, m->nfields, &m->capfields, sizeof *m->fields, 4);
	m->fields[m->nfields++] = (pg_field){ page, x, y, w, h, copy(name) };
}

void pg_marks_alt(pg_marks *m, int page, int index, int nimages, const char *text)
{
	m->alts = grow(m->alts, m->nalts, &m->capalts, sizeof *m->alts, 8);
	m->alts[m->nalts++] = (pg_alt){ page, index, nimages, copy(text) };
}

int pg_marks_tag(pg_marks *m, const char *name, const char *alt, int cont,
		 int rows, int cols)
{
	m->tags = grow(m->tags, m->ntags, &m->captags, sizeof *m->tags, 64);
	m->tags[m->ntags] = (pg_tag){ copy(name), alt ? copy(alt) : NULL, cont,
				      rows, cols };
	return m->ntags++;
}

void pg_marks_link_tag(pg_marks *m, int tag)
{
	if (m->nlinks)
		m->links[m->nlinks - 1].tag = tag;
}

void pg_marks_clear(pg_marks *m)
{
	for (int i = 0; i < m->ntags; i++) {
		free((char *)m->tags[i].name);
		free((char *)m->tags[i].alt);
	}
	free(m->tags);
	for (int i = 0; i < m->nalts; i++)
		free((char *)m->alts[i].text);
	free(m->alts);
	for (int i = 0; i < m->nlinks; i++)
		free((char *)m->links[i].dest);
	for (int i = 0; i < m->nfields; i++)
		free((char *)m->fields[i].name);
	free(m->links);
	free(m->fields);
	memset(m, 0, sizeof *m);
}
