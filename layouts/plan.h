/*
 * plan.h — the layout of the annual Plan de Acción.
 */
#ifndef PG_LAYOUTS_PLAN_H
#define PG_LAYOUTS_PLAN_H

#include "../generator/devices/device.h"
#include "../generator/model/plan.h"
#include "kit.h"
#include "theme.h"

/* Lays the plan (a pg_plan) out in its theme and plays its pages into
 * dev, one at a time.  Returns 0, or how the flow failed (diagnosed): FLOW_EMIT_FAILED (the
 * device failed), FLOW_UNPLACEABLE (a block of the plan fits no page). */
int layout_plan(const void *plan, eng *e, device *dev, diag *d);

/* What the plan's PDF says of itself (strings live as long as the plan, or a). */
void layout_plan_info(const void *plan, kit_info *i, arena *a);

#endif
