/*
 * rendicion.h — the layout of the accountability report.
 */
#ifndef PG_LAYOUTS_RENDICION_H
#define PG_LAYOUTS_RENDICION_H

#include "../generator/model/report.h"
#include "kit.h"

/* Lays the report (a pg_accountability) out into dev.  Returns 0, or
 * how the flow failed (diagnosed). */
int layout_rendicion(const void *report, eng *e, device *dev, diag *d);
/* What the report's PDF says of itself. */
void layout_rendicion_info(const void *report, kit_info *i, arena *a);

#endif
