/*
 * arena.h — a pool of memory freed in one call.
 *
 * The document model is built once and freed once: every node lives in
 * an arena of 16 KiB blocks (larger requests get a block of their own).
 * Allocation never fails: running out of memory aborts the program, as
 * befits a command-line tool.  Memory is zeroed.
 */
#ifndef PG_ARENA_H
#define PG_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
/* Frees the arena and everything allocated from it.  NULL is allowed. */
void arena_free(arena *a);
/* size bytes, zeroed, aligned for any type; never NULL. */
void *arena_alloc(arena *a, size_t size);
/* A copy of the n bytes at s, NUL-terminated. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for the benchmark). */
size_t arena_used(const arena *a);

/* Allocation of one T, or of n of them. */
#define arena_new_of(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define arena_array_of(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (n)))

/* Aborts with a message: out of memory. */
void pg_oom(void) __attribute__((noreturn));

#endif
