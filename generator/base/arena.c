/*
 * arena.c — blocks chained newest first; the head block is the one being
 * carved.  A request larger than a quarter block gets its own block,
 * linked behind the head so the head keeps its free space.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK = 16384, ALIGN = 16 };

struct block {
	struct block *next;
	size_t used, size;
	_Alignas(ALIGN) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t total;
};

void pg_oom(void)
{
	fputs("plangen: out of memory\n", stderr);
	abort();
}

static struct block *block_new(size_t size)
{
	struct block *b = malloc(sizeof *b + size);
	if (!b)
		pg_oom();
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

arena *arena_new(void)
{
	arena *a = calloc(1, sizeof *a);
	if (!a)
		pg_oom();
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	free(a);
}

void *arena_alloc(arena *a, size_t size)
{
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (size == 0)
		size = ALIGN;
	a->total += size;
	if (size > BLOCK / 4) {
		struct block *b = block_new(size);
		if (a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			a->head = b;
		}
		b->used = size;
		memset(b->data, 0, size);
		return b->data;
	}
	struct block *h = a->head;
	if (!h || h->size - h->used < size) {
		h = block_new(BLOCK);
		h->next = a->head;
		a->head = h;
	}
	void *p = h->data + h->used;
	h->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

size_t arena_used(const arena *a)
{
	return a->total;
}
