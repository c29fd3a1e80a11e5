/*
 * finish-imp.h — shared inside generator/finish only.
 */
#ifndef PG_FINISH_IMP_H
#define PG_FINISH_IMP_H

#include <qpdf/qpdf-c.h>

#include "../base/marks.h"

/* alt.c: each image of m->alts marked with its alternative text. */
void finish_alts(qpdf_data q, const pg_marks *m);

#endif
