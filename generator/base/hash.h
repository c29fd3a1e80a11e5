/*
 * hash.h — a fast hash of bytes for the caches' tables (FNV-1a, eight
 * bytes at a time, then the rest; not for anything an adversary picks
 * to collide: a collision costs a comparison, never a wrong answer).
 */
#ifndef PG_BASE_HASH_H
#define PG_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline unsigned pg_hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325u;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		h = (h ^ v) * 0x100000001b3u;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return (unsigned)(h ^ (h >> 32));
}

#endif
