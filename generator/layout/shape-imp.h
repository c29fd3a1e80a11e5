/*
 * shape-imp.h — the word cache in front of HarfBuzz (shape.c), for the
 * layout's threads.
 */
#ifndef PG_SHAPE_IMP_H
#define PG_SHAPE_IMP_H

/* The calling thread's cache of shaped words: from begin on, the text
 * Pango sets on this thread is shaped a word at a time through it; end
 * frees it.  A thread without one shapes as HarfBuzz does. */
void shape_cache_begin(void);
void shape_cache_end(void);

#endif
