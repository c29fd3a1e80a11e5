/*
 * avance.h — the layout of the quarterly progress booklet.
 */
#ifndef PG_LAYOUTS_AVANCE_H
#define PG_LAYOUTS_AVANCE_H

#include "../generator/model/progress.h"
#include "kit.h"

/* Lays the booklet of a progress report (a pg_progress) out into dev.
 * Returns 0, or -1 if the flow failed (diagnosed). */
int layout_avance(const void *progress, eng *e, device *dev, diag *d);
/* What the booklet's PDF says of itself. */
void layout_avance_info(const void *progress, kit_info *i, arena *a);

#endif
