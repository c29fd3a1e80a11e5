/*
 * plan.h — the layout of the annual Plan de Acción.
 */
#ifndef PG_LAYOUTS_PLAN_H
#define PG_LAYOUTS_PLAN_H

#include "../generator/devices/device.h"
#include "../generator/model/plan.h"
#include "theme.h"

/* Lays the plan out and plays its pages into dev, one at a time.
 * Returns 0, or how its flow failed (diagnosed): FLOW_EMIT_FAILED (the
 * device failed), FLOW_UNPLACEABLE (a block of the plan fits no page). */
int layout_plan(const pg_plan *p, eng *e, const theme *th, device *dev,
		diag *d);

/* The PDF metadata of a plan (strings live as long as p). */
void layout_plan_meta(const pg_plan *p, dev_meta *m, char *date, size_t n);

#endif
