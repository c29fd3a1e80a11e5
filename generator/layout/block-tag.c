/*
 * block-tag.c — the start or the end of a structure element that holds
 * blocks (a list around its items): nothing to see, it only records the
 * tag (display.h) where the flow is, in the order of the blocks.
 */
#include "engine.h"

#include <stdlib.h>

typedef struct tagb {
	block b;
	const char *name; /* NULL: the end */
} tagb;

static double measure(block *b, flow *f)
{
	(void)b, (void)f;
	return 0;
}

static int place(block *b, flow *f)
{
	tagb *t = (tagb *)b;
	if (t->name)
		dl_tag(flow_page(f), t->name, NULL, 0, NULL);
	else
		dl_tag_end(flow_page(f));
	return 1;
}

static void drop(block *b)
{
	free(b);
}

static const block_kind TAG = { "tag", measure, measure, place, drop, NULL };

block *tag_new(const char *name)
{
	tagb *t = calloc(1, sizeof *t);
	if (!t)
		pg_oom();
	t->b.kind = &TAG;
	t->name = name;
	/* A start stays with what it holds, and lets the blocks before it
	 * that keep with the next (a heading) keep with that. */
	t->b.keep_with_next = name != NULL;
	return &t->b;
}
