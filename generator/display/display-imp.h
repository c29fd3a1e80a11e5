/*
 * display-imp.h — shared by display.c and record.c only.
 */
#ifndef PG_DISPLAY_IMP_H
#define PG_DISPLAY_IMP_H

#include "display.h"

/* A new operation of kind k at the end of p, zeroed but for its kind;
 * the pointer is good until the next one is added. */
dl_op *dl_add(dl_page *p, enum dl_kind k);

#endif
