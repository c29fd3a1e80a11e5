/*
 * text-imp.h — the engine's insides, shared by text.c (fonts, Pango,
 * hyphenation) and text-threads.c (its threads).
 */
#ifndef PG_TEXT_IMP_H
#define PG_TEXT_IMP_H

#include <fontconfig/fontconfig.h>
#include <hyphen.h>
#include <pango/pango.h>

#include "engine.h"

/* A layout cache key: its bytes (binary: kind, family, style, width,
 * then the spans) and their hash, made once for both generations and
 * the insertion; a kept key owns a copy of its bytes, after it. */
struct lkey {
	unsigned hash, len;
	const char *data;
};

struct eng {
	FcConfig *fc;
	PangoFontMap *fontmap;
	PangoContext *ctx;
	HyphenDict *hyph; /* NULL: no hyphenation */
	char lang[8];	  /* its language's primary subtag */
	GString *buf;	  /* scratch for building texts */
	GHashTable *cache, *old; /* key (style, width, text) -> PangoLayout */
	GString *key;		 /* the key being made, */
	struct lkey probe;	 /* and as the tables take it */
	struct pool *pool; /* the helpers' engines and threads (eng_start) */
	int helper;	   /* a helper's engine: no helpers of its own */
};

/* An engine setting text with the fonts of fc (referenced): its font
 * map, context and caches; no language yet. */
eng *eng_engine(FcConfig *fc);
/* Frees it; the main one (with_fc) ends fontconfig too. */
void eng_engine_free(eng *e, int with_fc);
/* Starts e's helpers (their engines in e's language), if it wants
 * any: made with e, not at its first batch. */
void eng_threads_start(eng *e);
/* Waits for e's batch, if one is under way, and ends its threads. */
void eng_threads_free(eng *e);

#endif
