/*
 * shape.c — what Pango asks HarfBuzz, answered faster: a cache of shaped
 * words, whether a face has colour glyphs and the font's features parsed
 * (at the end).
 *
 * Pango 1.50 shapes an item of text whole, then again each part it tries
 * at the end of a line, then the part left over (pango-layout.c,
 * process_item): 2.3 times the text on the synthetic booklet, 61,000
 * calls for 10,000 layouts, most of the layout's time; and a plan says
 * the same few thousand words over and over.  Pango has no hook for a
 * cache, so plangen defines hb_shape, which Pango calls: the dynamic
 * linker binds Pango's call to the program's definition before
 * HarfBuzz's own (the program exports it: the Makefile's
 * --export-dynamic-symbol).  This one cuts a left-to-right Latin buffer
 * into words, each with the spaces after it, takes each word's glyphs
 * from the thread's cache or shapes the word alone with HarfBuzz's
 * hb_shape_full, and writes the glyphs into the buffer as HarfBuzz
 * would have.  Anything else goes to HarfBuzz as it is.
 *
 * A word shaped alone has the glyphs it has within its line when the
 * font neither kerns nor substitutes between a space and what follows
 * it: that is checked once per face (the pairs of a space and each
 * printable Latin-1 character); a face that does goes to HarfBuzz
 * whole.  The key is what the glyphs depend on: the context (the face,
 * its scale, the buffer's script, language and flags, the features:
 * kept once, named by its number) and the characters.
 * A glyph's cluster is kept as the index of its character in the word,
 * and given back the buffer's own cluster of that character.
 *
 * Only the threads that set text have a cache (shape_cache_begin, end:
 * the layout's threads); each its own, so no lock, emptied when it holds
 * more than CACHE_BYTES.
 */
#include "shape-imp.h"

#include <dlfcn.h>
#include <stddef.h>
#include <glib.h>
#include <pthread.h>
#include <hb-ot.h>
#include <hb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/hash.h"

enum { CACHE_BYTES = 1 << 20, MAX_WORD = 64, MAX_BUFFER = 4096, MAX_FEATURES = 32 };

/* A word's glyph: the cluster is the index of its character in the
 * word. */
typedef struct glyph {
	uint32_t id, cluster;
	int32_t xa, ya, xo, yo;
} glyph;

/* A cache entry: the key (the context's number, then the characters),
 * then the glyphs.  A Latin word's glyphs have no offsets and no
 * vertical advance: such a word (plain) keeps, by glyph, its id, its
 * advance and its cluster (a byte: a word has at most MAX_WORD
 * characters), a third of the full record. */
typedef struct entry {
	guint hash;
	uint16_t nkey, nglyphs;
	uint8_t plain;
	unsigned char data[];
} entry;

/* What a buffer's glyphs depend on besides its characters: the key's
 * head is the context to nfeat features. */
typedef struct context {
	hb_face_t *face;
	int xs, ys;
	hb_script_t script;
	hb_language_t lang;
	hb_buffer_flags_t flags;
	unsigned nfeat;
	hb_feature_t feat[MAX_FEATURES];
} context;

static size_t head_of(const context *k)
{
	return offsetof(context, feat) + k->nfeat * sizeof k->feat[0];
}

enum { MAX_CONTEXTS = 4096 };

/* A face found to kern or substitute across spaces (bad) or not. */
typedef struct probed {
	hb_face_t *face;
	int bad;
} probed;

typedef struct cache {
	GHashTable *words; /* entry * -> itself */
	size_t bytes;
	hb_buffer_t *buf; /* for shaping a word alone */
	GArray *probed;
	GArray *contexts; /* context; an entry's key names one by number */
	uint32_t last;	  /* the context found last */
	/* Scratch: the buffer's characters and clusters, its words (where
	 * each starts, its entry), the key. */
	uint32_t cp[MAX_BUFFER], cl[MAX_BUFFER];
	unsigned starts[MAX_BUFFER];
	const struct entry *ws[MAX_BUFFER];
	unsigned char key[4 + 4 * MAX_WORD];
} cache;

static __thread cache *mine;

typedef hb_bool_t (*shape_full_fn)(hb_font_t *, hb_buffer_t *, const hb_feature_t *,
				   unsigned, const char *const *);

static guint entry_hash(gconstpointer p)
{
	return ((const entry *)p)->hash;
}

static gboolean entry_equal(gconstpointer a, gconstpointer b)
{
	const entry *x = a, *y = b;
	return x->hash == y->hash && x->nkey == y->nkey &&
	       !memcmp(x->data, y->data, x->nkey);
}

void shape_cache_begin(void)
{
	const char *off = getenv("PLANGEN_SHAPE_CACHE");
	if (mine || (off && !strcmp(off, "0")))
		return;
	cache *c = calloc(1, sizeof *c);
	if (!c)
		pg_oom();
	c->words = g_hash_table_new_full(entry_hash, entry_equal, free, NULL);
	c->buf = hb_buffer_create();
	c->probed = g_array_new(FALSE, FALSE, sizeof(probed));
	c->contexts = g_array_new(FALSE, FALSE, sizeof(context));
	mine = c;
}

static void colours_end(void);

void shape_cache_end(void)
{
	colours_end();
	cache *c = mine;
	if (!c)
		return;
	mine = NULL;
	g_hash_table_destroy(c->words);
	hb_buffer_destroy(c->buf);
	g_array_free(c->probed, TRUE);
	g_array_free(c->contexts, TRUE);
	free(c);
}

/* HarfBuzz's own functions that this file defines again: the next
 * definitions after this program's, found once. */
typedef hb_bool_t (*face_fn)(hb_face_t *);
typedef unsigned (*layers_fn)(hb_face_t *, hb_codepoint_t, unsigned, unsigned *,
			      hb_ot_color_layer_t *);
typedef hb_bool_t (*feature_fn)(const char *, int, hb_feature_t *);
static struct {
	shape_full_fn shape_full;
	face_fn has_png, has_svg;
	layers_fn get_layers;
	feature_fn feature_from_string;
} next;
static pthread_once_t found = PTHREAD_ONCE_INIT;

static void find_next(void)
{
	next.shape_full = (shape_full_fn)dlsym(RTLD_NEXT, "hb_shape_full");
	if (!next.shape_full)
		next.shape_full = hb_shape_full; /* linked statically: no other */
	next.has_png = (face_fn)dlsym(RTLD_NEXT, "hb_ot_color_has_png");
	next.has_svg = (face_fn)dlsym(RTLD_NEXT, "hb_ot_color_has_svg");
	next.get_layers = (layers_fn)dlsym(RTLD_NEXT, "hb_ot_color_glyph_get_layers");
	next.feature_from_string = (feature_fn)dlsym(RTLD_NEXT, "hb_feature_from_string");
}

static shape_full_fn real(void)
{
	pthread_once(&found, find_next);
	return next.shape_full;
}

/* Shapes n characters alone into c->buf, with b's properties. */
static void shape_alone(cache *c, hb_font_t *font, hb_buffer_t *b,
			const hb_feature_t *feat, unsigned nfeat,
			const uint32_t *cp, unsigned n)
{
	hb_buffer_t *w = c->buf;
	hb_buffer_reset(w);
	hb_segment_properties_t props;
	hb_buffer_get_segment_properties(b, &props);
	hb_buffer_set_segment_properties(w, &props);
	hb_buffer_set_flags(w, hb_buffer_get_flags(b));
	hb_buffer_set_cluster_level(w, hb_buffer_get_cluster_level(b));
	hb_buffer_set_invisible_glyph(w, hb_buffer_get_invisible_glyph(b));
	hb_buffer_set_replacement_codepoint(w, hb_buffer_get_replacement_codepoint(b));
	hb_buffer_add_codepoints(w, cp, (int)n, 0, (int)n);
	real()(font, w, feat, nfeat, NULL);
}

/* Whether two shapings of the same characters are the same glyphs at the
 * same places: c->buf against the glyphs g[0..n). */
static int same_as(cache *c, const glyph *g, unsigned n)
{
	unsigned len;
	hb_glyph_info_t *in = hb_buffer_get_glyph_infos(c->buf, &len);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buf, NULL);
	if (len != n)
		return 0;
	for (unsigned i = 0; i < n; i++)
		if (in[i].codepoint != g[i].id || pos[i].x_advance != g[i].xa ||
		    pos[i].x_offset != g[i].xo || pos[i].y_offset != g[i].yo)
			return 0;
	return 1;
}

/* Whether the font kerns or substitutes between a space and a printable
 * Latin-1 character after it (then words cannot be shaped alone). */
static int crosses_spaces(cache *c, hb_font_t *font, hb_buffer_t *b,
			  const hb_feature_t *feat, unsigned nfeat)
{
	uint32_t space = ' ';
	shape_alone(c, font, b, feat, nfeat, &space, 1);
	unsigned n;
	hb_glyph_info_t *in = hb_buffer_get_glyph_infos(c->buf, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buf, NULL);
	if (n != 1)
		return 1;
	glyph pair[2] = { { in[0].codepoint, 0, pos[0].x_advance, 0, pos[0].x_offset, pos[0].y_offset } };
	for (uint32_t ch = 0x21; ch <= 0xff; ch++) {
		if (ch >= 0x7f && ch < 0xa1)
			continue;
		shape_alone(c, font, b, feat, nfeat, &ch, 1);
		in = hb_buffer_get_glyph_infos(c->buf, &n);
		pos = hb_buffer_get_glyph_positions(c->buf, NULL);
		if (n != 1)
			continue; /* not one glyph alone: never cached apart */
		pair[1] = (glyph){ in[0].codepoint, 1, pos[0].x_advance, 0,
				   pos[0].x_offset, pos[0].y_offset };
		uint32_t two[2] = { ' ', ch };
		shape_alone(c, font, b, feat, nfeat, two, 2);
		if (!same_as(c, pair, 2))
			return 1;
	}
	return 0;
}

/* Whether words of this face may be shaped alone: probed once per
 * thread, in the face's own units (a kern rounded away at one size may
 * not be at another). */
static int words_apart(cache *c, hb_buffer_t *b, const context *k,
		       const hb_feature_t *feat, unsigned nfeat)
{
	for (unsigned i = 0; i < c->probed->len; i++) {
		probed *p = &g_array_index(c->probed, probed, i);
		if (p->face == k->face)
			return !p->bad;
	}
	hb_font_t *units = hb_font_create(k->face);
	probed p = { k->face, crosses_spaces(c, units, b, feat, nfeat) };
	hb_font_destroy(units);
	g_array_append_val(c->probed, p);
	return !p.bad;
}

/* The context of b shaped with font and features, or 0 if b is not for
 * the cache. */
static int context_of(context *k, hb_font_t *font, hb_buffer_t *b,
		      const hb_feature_t *feat, unsigned nfeat)
{
	hb_segment_properties_t props;
	hb_buffer_get_segment_properties(b, &props);
	if (hb_buffer_get_content_type(b) != HB_BUFFER_CONTENT_TYPE_UNICODE ||
	    props.direction != HB_DIRECTION_LTR ||
	    (props.script != HB_SCRIPT_LATIN && props.script != HB_SCRIPT_COMMON &&
	     props.script != HB_SCRIPT_INHERITED) ||
	    (hb_buffer_get_flags(b) & ~(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT)) ||
	    hb_buffer_get_cluster_level(b) != HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS ||
	    nfeat > MAX_FEATURES || !hb_buffer_get_length(b) ||
	    hb_buffer_get_length(b) > MAX_BUFFER)
		return 0;
	memset(k, 0, sizeof *k);
	for (unsigned i = 0; i < nfeat; i++) {
		/* A feature on part of the buffer names its clusters. */
		if (feat[i].start != HB_FEATURE_GLOBAL_START ||
		    feat[i].end != HB_FEATURE_GLOBAL_END)
			return 0;
		k->feat[i] = feat[i];
	}
	k->nfeat = nfeat;
	k->face = hb_font_get_face(font);
	hb_font_get_scale(font, &k->xs, &k->ys);
	k->script = props.script;
	k->lang = props.language;
	k->flags = hb_buffer_get_flags(b);
	return 1;
}

/* The number of context k in c->contexts, added if new; -1 when there
 * are too many (the cache is emptied first: the numbers start again). */
static int context_number(cache *c, const context *k)
{
	size_t head = head_of(k);
	const context *all = (const context *)c->contexts->data;
	if (c->last < c->contexts->len && !memcmp(&all[c->last], k, head))
		return (int)c->last;
	for (guint i = 0; i < c->contexts->len; i++)
		if (!memcmp(&all[i], k, head))
			return (int)(c->last = i);
	if (c->contexts->len == MAX_CONTEXTS)
		return -1;
	g_array_append_val(c->contexts, *k);
	return (int)(c->last = c->contexts->len - 1);
}

/* The entry of the word cp[0..n) in context number kn, shaped if new;
 * NULL if it cannot be cached. */
static const entry *word(cache *c, uint32_t kn, hb_font_t *font,
			 hb_buffer_t *b, const hb_feature_t *feat, unsigned nfeat,
			 const uint32_t *cp, unsigned n)
{
	if (n > MAX_WORD)
		return NULL;
	size_t nk = 4 + 4 * (size_t)n;
	memcpy(c->key, &kn, 4);
	memcpy(c->key + 4, cp, 4 * (size_t)n);
	struct {
		entry e;
		unsigned char key[sizeof c->key];
	} probe;
	probe.e.nkey = (uint16_t)nk;
	probe.e.hash = pg_hash(c->key, nk);
	memcpy(probe.e.data, c->key, nk);
	const entry *e = g_hash_table_lookup(c->words, &probe.e);
	if (e)
		return e;
	shape_alone(c, font, b, feat, nfeat, cp, n);
	unsigned ng;
	hb_glyph_info_t *in = hb_buffer_get_glyph_infos(c->buf, &ng);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buf, NULL);
	if (ng > UINT16_MAX)
		return NULL;
	int plain = 1;
	for (unsigned i = 0; i < ng && plain; i++)
		plain = !pos[i].y_advance && !pos[i].x_offset && !pos[i].y_offset;
	size_t per = plain ? 9 : sizeof(glyph);
	size_t size = sizeof(entry) + nk + ng * per;
	entry *ne = malloc(size);
	if (!ne)
		pg_oom();
	ne->hash = probe.e.hash;
	ne->nkey = (uint16_t)nk;
	ne->nglyphs = (uint16_t)ng;
	ne->plain = (uint8_t)plain;
	memcpy(ne->data, c->key, nk);
	unsigned char *d = ne->data + nk;
	for (unsigned i = 0; i < ng; i++) {
		uint32_t at = in[i].cluster < n ? in[i].cluster : n - 1;
		if (plain) {
			memcpy(d + 4 * i, &in[i].codepoint, 4);
			memcpy(d + 4 * (ng + i), &pos[i].x_advance, 4);
			d[8 * ng + i] = (unsigned char)at;
		} else {
			glyph g = { in[i].codepoint, at, pos[i].x_advance, pos[i].y_advance,
				    pos[i].x_offset, pos[i].y_offset };
			memcpy(d + i * sizeof g, &g, sizeof g);
		}
	}
	g_hash_table_add(c->words, ne);
	c->bytes += size;
	return ne;
}

/* Glyph j of entry e. */
static glyph glyph_at(const entry *e, unsigned j)
{
	const unsigned char *d = e->data + e->nkey;
	glyph g = { 0 };
	if (e->plain) {
		memcpy(&g.id, d + 4 * j, 4);
		memcpy(&g.xa, d + 4 * (e->nglyphs + j), 4);
		g.cluster = d[8 * e->nglyphs + j];
	} else {
		memcpy(&g, d + j * sizeof g, sizeof g);
	}
	return g;
}

/* Shapes b word by word from the cache; 0 if it cannot (b untouched). */
static int from_cache(cache *c, hb_font_t *font, hb_buffer_t *b,
		      const hb_feature_t *feat, unsigned nfeat)
{
	context k;
	/* Emptied between buffers only: a buffer's words stay. */
	if (c->bytes > CACHE_BYTES || c->contexts->len == MAX_CONTEXTS) {
		g_hash_table_remove_all(c->words);
		g_array_set_size(c->contexts, 0);
		c->bytes = 0;
	}
	if (!context_of(&k, font, b, feat, nfeat) ||
	    !words_apart(c, b, &k, feat, nfeat))
		return 0;
	int kn = context_number(c, &k);
	if (kn < 0)
		return 0;
	unsigned n;
	hb_glyph_info_t *in = hb_buffer_get_glyph_infos(b, &n);
	for (unsigned i = 0; i < n; i++)
		c->cp[i] = in[i].codepoint, c->cl[i] = in[i].cluster;
	/* The words (each with the spaces after it) and their glyphs,
	 * all looked up before b is changed. */
	const entry **ws = c->ws;
	unsigned *starts = c->starts, nw = 0, total = 0;
	for (unsigned s = 0; s < n;) {
		unsigned e = s;
		while (e < n && c->cp[e] != ' ')
			e++;
		while (e < n && c->cp[e] == ' ')
			e++;
		const entry *w = word(c, (uint32_t)kn, font, b, feat, nfeat, c->cp + s, e - s);
		if (!w)
			return 0;
		starts[nw] = s;
		ws[nw++] = w;
		total += w->nglyphs;
		s = e;
	}
	if (!hb_buffer_set_length(b, total))
		pg_oom();
	hb_buffer_set_content_type(b, HB_BUFFER_CONTENT_TYPE_GLYPHS);
	in = hb_buffer_get_glyph_infos(b, NULL);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
	unsigned o = 0;
	for (unsigned i = 0; i < nw; i++) {
		for (unsigned j = 0; j < ws[i]->nglyphs; j++, o++) {
			glyph g = glyph_at(ws[i], j);
			memset(&in[o], 0, sizeof in[o]);
			in[o].codepoint = g.id;
			in[o].cluster = c->cl[starts[i] + g.cluster];
			pos[o] = (hb_glyph_position_t){ .x_advance = g.xa, .y_advance = g.ya,
							.x_offset = g.xo, .y_offset = g.yo };
		}
	}
	return 1;
}

/* Pango's call, bound here before HarfBuzz (see the top). */
void hb_shape(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features,
	      unsigned int num_features)
{
	cache *c = mine;
	if (c && from_cache(c, font, buffer, features, num_features))
		return;
	real()(font, buffer, features, num_features, NULL);
}

/* ---- Pango's colour questions ----
 *
 * Pango 1.50.12 asks, of every glyph it shapes, whether its face has
 * colour layers, PNG glyphs or SVG glyphs (shape.c, glyph_has_color: a
 * twentieth of the layout's time); 1.50.13 asks once a font.  The
 * answers are kept for the face asked last on each thread, so that the
 * three questions a glyph cost a comparison; a face that has colour
 * gets HarfBuzz's own answer for each glyph. */

typedef struct colours {
	hb_face_t *face; /* referenced: its address names no other face */
	hb_bool_t layers, png, svg;
} colours;

static __thread colours asked;

static const colours *colours_of(hb_face_t *face)
{
	if (asked.face != face) {
		pthread_once(&found, find_next);
		hb_face_destroy(asked.face);
		asked = (colours){ hb_face_reference(face), hb_ot_color_has_layers(face),
				   next.has_png ? next.has_png(face) : 1,
				   next.has_svg ? next.has_svg(face) : 1 };
	}
	return &asked;
}

unsigned int hb_ot_color_glyph_get_layers(hb_face_t *face, hb_codepoint_t gid,
					  unsigned int start, unsigned int *count,
					  hb_ot_color_layer_t *layers)
{
	if (colours_of(face)->layers && next.get_layers)
		return next.get_layers(face, gid, start, count, layers);
	if (count)
		*count = 0;
	return 0;
}

hb_bool_t hb_ot_color_has_png(hb_face_t *face)
{
	return colours_of(face)->png;
}

hb_bool_t hb_ot_color_has_svg(hb_face_t *face)
{
	return colours_of(face)->svg;
}

/* The face asked last, given back (the thread's end). */
static void colours_end(void)
{
	hb_face_destroy(asked.face);
	asked.face = NULL;
}

/* ---- Pango's font features ----
 *
 * Pango 1.50 reads the font's features (fonts.conf's "liga off") out of
 * its pattern and parses each again at every shaping call: two parses a
 * call, 1.5 % of the layout's instructions.  A parse depends on the
 * string alone: the last few are kept, by thread. */

enum { FEATURES_KEPT = 8, FEATURE_TEXT = 40 };

typedef struct parsed {
	size_t n;
	char text[FEATURE_TEXT];
	hb_bool_t ok;
	hb_feature_t feature;
} parsed;

static __thread parsed features[FEATURES_KEPT];
static __thread unsigned nfeatures, next_feature;

hb_bool_t hb_feature_from_string(const char *str, int len, hb_feature_t *feature)
{
	pthread_once(&found, find_next);
	size_t n = len < 0 ? strlen(str) : (size_t)len;
	for (unsigned i = 0; i < nfeatures; i++) {
		const parsed *p = &features[i];
		if (p->n == n && !memcmp(p->text, str, n)) {
			if (feature)
				*feature = p->feature; /* zero when not ok */
			return p->ok;
		}
	}
	hb_feature_t f = { 0 };
	hb_bool_t ok = next.feature_from_string ? next.feature_from_string(str, len, &f) : 0;
	if (feature)
		*feature = ok ? f : (hb_feature_t){ 0 }; /* as HarfBuzz leaves it */
	if (n < FEATURE_TEXT) {
		parsed *p = &features[next_feature];
		next_feature = (next_feature + 1) % FEATURES_KEPT;
		if (nfeatures < FEATURES_KEPT)
			nfeatures++;
		p->n = n;
		memcpy(p->text, str, n);
		p->ok = ok;
		p->feature = ok ? f : (hb_feature_t){ 0 };
	}
	return ok;
}
