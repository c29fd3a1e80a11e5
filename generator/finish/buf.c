/*
 * buf.c — the growing buffer and PDF's character classes of finish-imp.h.
 */
#include "finish-imp.h"

#include "../base/arena.h"

#include <stdlib.h>
#include <string.h>

void buf_put(fbuf *b, const void *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			pg_oom();
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

int pdf_is_space(int c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

int pdf_is_delim(int c)
{
	return c && strchr("()<>[]{}/%", c) != NULL;
}
