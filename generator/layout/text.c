/*
 * text.c — fonts, Pango and hyphenation: styled spans become PangoLayouts.
 *
 * One PangoContext a thread (text-threads.c), each on a PangoCairo font
 * map of its own, over one fontconfig configuration that sees only
 * plangen's fonts/ folder, and then DejaVu Sans (Debian's) for what
 * Carlito lacks.  Words of
 * five letters or more get soft hyphens (U+00AD) where the Spanish
 * patterns of libhyphen allow a break, at least two letters from either
 * end; Pango breaks there when it must and draws the hyphen.
 */
#include "engine.h"
#include "shape-imp.h"
#include "text-imp.h"

#include "../base/hash.h"

#ifndef PLANGEN_FALLBACK_FONTS
#define PLANGEN_FALLBACK_FONTS ""
#endif

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hyphen.h>
#include <limits.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>



/* Layouts are immutable once made, so a text set again in the same
 * style and width (a unit's name in every row of a matrix, "Fondos
 * propios", the header rows) is the same layout, shared.  Only short
 * texts are kept (paragraphs are seldom set twice), in two generations
 * of CACHE_MAX: when the young one is full, it becomes the old one and
 * the old one is dropped; a layout found in the old one is kept again
 * in the young one.  So what recurs stays (an emptied cache set each
 * unit's name again 29 times on the synthetic booklet), and memory
 * stays bounded.  Each engine (thread) has its own. */
enum { CACHE_MAX = 128, CACHE_TEXT = 200 };

typedef struct lkey lkey; /* text-imp.h */

static guint lkey_hash(gconstpointer p)
{
	return ((const lkey *)p)->hash;
}

static gboolean lkey_equal(gconstpointer a, gconstpointer b)
{
	const lkey *x = a, *y = b;
	return x->hash == y->hash && x->len == y->len && !memcmp(x->data, y->data, x->len);
}

/* The hyphenation dictionaries of each language, the first found used,
 * and the Debian package that has them. */
static const struct {
	const char *lang, *name, *package;
	const char *dicts[4];
} HYPH[] = {
	{ "es", "Spanish", "hyphen-es",
	  { "/usr/share/hyphen/hyph_es_SV.dic", "/usr/share/hyphen/hyph_es_ES.dic",
	    "/usr/share/hyphen/hyph_es.dic" } },
	{ "en", "English", "hyphen-en-us",
	  { "/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en_GB.dic" } },
};

static int has_fonts(const char *dir)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/fonts.conf", dir);
	return access(path, R_OK) == 0;
}

/* The fonts/ folder: $PLANGEN_FONTS, beside the binary, the working
 * folder, or the installed share/plangen/fonts. */
char *eng_fonts_dir(const char *argv0)
{
	const char *env = getenv("PLANGEN_FONTS");
	char abs[PATH_MAX];
	if (env && *env)
		return g_strdup(realpath(env, abs) ? abs : env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *bindir = n > 0 ? (exe[n] = '\0', g_path_get_dirname(exe))
			     : g_path_get_dirname(argv0 ? argv0 : ".");
	char *cands[] = {
		g_build_filename(bindir, "fonts", NULL),
		g_build_filename(bindir, "..", "..", "fonts", NULL),
		g_strdup("fonts"),
		g_build_filename(bindir, "..", "share", "plangen", "fonts", NULL),
	};
	char *found = NULL;
	for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
		if (!found && has_fonts(cands[i]))
			found = cands[i];
		else
			g_free(cands[i]);
	}
	g_free(bindir);
	/* fontconfig takes relative file names as relative to its own
	 * configuration folder: give it an absolute one. */
	if (found && realpath(found, abs)) {
		g_free(found);
		found = g_strdup(abs);
	}
	return found;
}

/* An engine setting text with the fonts of fc (referenced): its font
 * map, context and caches; no language yet. */
eng *eng_engine(FcConfig *fc)
{
	eng *e = calloc(1, sizeof *e);
	if (!e)
		pg_oom();
	e->fc = FcConfigReference(fc);
	e->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(e->fontmap), e->fc);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(e->fontmap), 72);
	e->ctx = pango_font_map_create_context(e->fontmap);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(e->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(e->ctx, FALSE);
	e->buf = g_string_sized_new(4096);
	e->key = g_string_sized_new(256);
	e->cache = g_hash_table_new_full(lkey_hash, lkey_equal, free, g_object_unref);
	e->old = g_hash_table_new_full(lkey_hash, lkey_equal, free, g_object_unref);
	return e;
}

eng *eng_make(const char *argv0, diag *d)
{
	char *dir = eng_fonts_dir(argv0);
	if (!dir) {
		diag_add(d, DIAG_ERROR, "plangen", 0, 0,
			 "cannot find the fonts folder (fonts/fonts.conf); set "
			 "PLANGEN_FONTS to it");
		return NULL;
	}
	FcConfig *fc = FcConfigCreate();
	char *conf = g_build_filename(dir, "fonts.conf", NULL);
	/* Font files one by one: a folder would want a cache written. */
	int fonts = 0;
	GDir *gd = g_dir_open(dir, 0, NULL);
	for (const char *fn; gd && (fn = g_dir_read_name(gd));) {
		if (!g_str_has_suffix(fn, ".ttf") && !g_str_has_suffix(fn, ".otf"))
			continue;
		char *path = g_build_filename(dir, fn, NULL);
		fonts += FcConfigAppFontAddFile(fc, (const FcChar8 *)path);
		g_free(path);
	}
	if (gd)
		g_dir_close(gd);
	/* Then the fallback fonts, for the characters ours lack, when they
	 * are installed (the Makefile names them; the reader's table of the
	 * characters that print knows the same fonts). */
	char **fallback = g_strsplit(PLANGEN_FALLBACK_FONTS, ":", -1);
	for (char **f = fallback; *f; f++)
		if (**f && access(*f, R_OK) == 0)
			FcConfigAppFontAddFile(fc, (const FcChar8 *)*f);
	g_strfreev(fallback);
	if (!FcConfigParseAndLoad(fc, (const FcChar8 *)conf, FcTrue) || !fonts) {
		diag_add(d, DIAG_ERROR, conf, 0, 0, "cannot load the fonts");
		g_free(conf);
		g_free(dir);
		FcConfigDestroy(fc);
		return NULL;
	}
	g_free(conf);
	g_free(dir);
	eng *e = eng_engine(fc);
	FcConfigDestroy(fc); /* the engine's reference remains */
	eng_set_language(e, "es", d);
	eng_threads_start(e);
	return e;
}

void eng_adopt(eng *e)
{
	(void)e;
	shape_cache_begin();
}

eng *eng_new(const char *argv0, diag *d)
{
	eng *e = eng_make(argv0, d);
	if (e)
		eng_adopt(e);
	return e;
}

void eng_set_language(eng *e, const char *lang, diag *d)
{
	size_t n = lang ? strcspn(lang, "-_") : 0;
	if (!n || (strlen(e->lang) == n && !g_ascii_strncasecmp(e->lang, lang, n)))
		return;
	snprintf(e->lang, sizeof e->lang, "%.*s",
		 (int)(n < sizeof e->lang ? n : sizeof e->lang - 1), lang);
	pango_context_set_language(e->ctx, pango_language_from_string(e->lang));
	g_hash_table_remove_all(e->cache);
	g_hash_table_remove_all(e->old);
	if (e->hyph)
		hnj_hyphen_free(e->hyph);
	e->hyph = NULL;
	size_t k = 0;
	while (k < sizeof HYPH / sizeof *HYPH && g_ascii_strcasecmp(HYPH[k].lang, e->lang))
		k++;
	if (k == sizeof HYPH / sizeof *HYPH) {
		if (d)
			diag_add(d, DIAG_WARNING, "plangen", 0, 0,
			 "no hyphenation for the language \"%s\": words will "
			 "not be hyphenated", e->lang);
		return;
	}
	for (size_t i = 0; !e->hyph && i < 4 && HYPH[k].dicts[i]; i++)
		if (access(HYPH[k].dicts[i], R_OK) == 0)
			e->hyph = hnj_hyphen_load(HYPH[k].dicts[i]);
	if (!e->hyph && d)
		diag_add(d, DIAG_WARNING, "plangen", 0, 0,
			 "no %s hyphenation dictionary (Debian package %s): "
			 "words will not be hyphenated", HYPH[k].name, HYPH[k].package);
}

void eng_engine_free(eng *e, int with_fc)
{
	g_hash_table_destroy(e->cache);
	g_hash_table_destroy(e->old);
	g_string_free(e->key, TRUE);
	g_object_unref(e->ctx);
	g_object_unref(e->fontmap);
	FcConfigDestroy(e->fc);
	if (e->hyph)
		hnj_hyphen_free(e->hyph);
	g_string_free(e->buf, TRUE);
	free(e);
	if (with_fc)
		FcFini(); /* fontconfig's own caches */
}

void eng_free(eng *e)
{
	if (!e)
		return;
	eng_threads_free(e);
	eng_engine_free(e, 1);
	shape_cache_end();
}

/* Whether a word is in capitals (an acronym, a header): no lowercase
 * letter and at least two capitals.  Such a word is never hyphenated:
 * "OPA-MSS" reads as two words. */
static int in_capitals(const char *w, size_t n)
{
	int caps = 0;
	for (const char *s = w; s < w + n; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (g_unichar_islower(c))
			return 0;
		caps += g_unichar_isupper(c) != 0;
	}
	return caps >= 2;
}

/* Appends the word w[0..n) to out, with soft hyphens where it may break.
 * The dictionaries are UTF-8: libhyphen gives one entry of `hy` per
 * character, not per byte (hy[k] odd: a break after the k-th letter). */
static void hyphenate(eng *e, GString *out, const char *w, size_t n)
{
	glong letters = g_utf8_strlen(w, (gssize)n);
	char *low = g_utf8_strdown(w, (gssize)n);
	if (!e->hyph || letters < 5 || strlen(low) != n || n > 200 ||
	    in_capitals(w, n)) {
		g_string_append_len(out, w, (gssize)n);
		g_free(low);
		return;
	}
	char hy[256];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(hy, 0, sizeof hy);
	if (hnj_hyphen_hyphenate3(e->hyph, low, (int)n, hy, NULL, &rep, &pos,
				  &cut, 2, 2, 2, 2) != 0 || rep) {
		/* Non-standard hyphenation (none in Spanish): leave it whole. */
		g_string_append_len(out, w, (gssize)n);
	} else {
		glong k = 0;
		for (const char *s = w; s < w + n; k++) {
			const char *next = g_utf8_next_char(s);
			g_string_append_len(out, s, next - s);
			if ((hy[k] & 1) && k + 1 < letters)
				g_string_append(out, "\xc2\xad");
			s = next;
		}
	}
	if (rep) {
		for (int i = 0; i < (int)n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	g_free(low);
}

/* Appends text, its words hyphenated if asked. */
static void add_text(eng *e, GString *out, const char *t, int hyph)
{
	if (!hyph) {
		g_string_append(out, t);
		return;
	}
	const char *s = t;
	while (*s) {
		const char *w = s;
		while (*s && g_unichar_isalpha(g_utf8_get_char(s)))
			s = g_utf8_next_char(s);
		if (s > w) {
			hyphenate(e, out, w, (size_t)(s - w));
		} else {
			s = g_utf8_next_char(s);
			g_string_append_len(out, w, s - w);
		}
	}
}

static PangoLayout *new_layout(eng *e, const eng_style *st, double width)
{
	PangoLayout *l = pango_layout_new(e->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, st->family ? st->family : "Carlito");
	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD
						       : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st->italic ? PANGO_STYLE_ITALIC
							: PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	if (st->leading > 0)
		pango_layout_set_line_spacing(l, (float)st->leading);
	/* Ligatures are off through fonts.conf (fontfeatures). */
	switch (st->align) {
	case ENG_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case ENG_RIGHT:
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		break;
	case ENG_JUSTIFY:
		pango_layout_set_justify(l, TRUE);
		break;
	case ENG_LEFT:
		break;
	}
	return l;
}

/* Whether c continues a compound word (a letter or a digit, or the soft
 * hyphen put inside one). */
static int wordish(gunichar c)
{
	return g_unichar_isalnum(c) || c == 0x00AD;
}

/* Keeps together what must not break across lines: a dash and the word
 * it opens or closes ("–COPLAMSS", "POA–"), and words joined by a slash
 * ("COAMSS/OPAMSS").  Only when the whole fits the width at a generous
 * estimate (0.7 em a character): a compound wider than its column still
 * breaks where it must. */
static void keep_together(PangoAttrList *attrs, const char *t, size_t len,
			  const eng_style *st, double width)
{
	const char *end = t + len;
	for (const char *s = t; s < end;) {
		gunichar c = g_utf8_get_char(s);
		const char *next = g_utf8_next_char(s);
		const char *a = NULL, *b = NULL;
		if (c == 0x2013 || c == 0x2014) {
			/* A dash then a word, or a word then a dash. */
			const char *w = next;
			while (w < end && wordish(g_utf8_get_char(w)))
				w = g_utf8_next_char(w);
			if (w > next) {
				a = s, b = w;
			} else if (s > t && wordish(g_utf8_get_char(g_utf8_prev_char(s)))) {
				a = s;
				while (a > t && wordish(g_utf8_get_char(g_utf8_prev_char(a))))
					a = g_utf8_prev_char(a);
				b = next;
			}
		} else if (c == '/' && s > t && next < end &&
			   wordish(g_utf8_get_char(g_utf8_prev_char(s))) &&
			   wordish(g_utf8_get_char(next))) {
			a = s;
			while (a > t && wordish(g_utf8_get_char(g_utf8_prev_char(a))))
				a = g_utf8_prev_char(a);
			b = next;
			while (b < end && (wordish(g_utf8_get_char(b)) ||
					   (*b == '/' && b + 1 < end &&
					    wordish(g_utf8_get_char(b + 1)))))
				b = g_utf8_next_char(b);
		}
		if (a && (width <= 0 ||
			  g_utf8_strlen(a, b - a) * 0.7 * st->size <= width)) {
			PangoAttribute *at = pango_attr_allow_breaks_new(FALSE);
			at->start_index = (guint)(a - t);
			at->end_index = (guint)(b - t);
			pango_attr_list_insert(attrs, at);
		}
		s = b && b > next ? b : next;
	}
}

/* Pango lays a long word out in time that grows with the square of its
 * length: each line it cuts reshapes the rest of its item, and an item
 * runs to the next change of attributes.  A word of more than LONG_WORD
 * bytes gets an attribute that changes nothing (hyphens inserted, as
 * they are anyway) on every other LONG_WORD/2 bytes: items stay short,
 * the time linear; where the word breaks is the same. */
enum { LONG_WORD = 64 };
static void short_items(PangoAttrList *attrs, const char *t, size_t len)
{
	/* Most texts have no run of LONG_WORD bytes without an ASCII
	 * space, so no word that long (other spaces only cut it more). */
	size_t run = 0;
	for (size_t i = 0; i < len && run <= LONG_WORD; i++) {
		char c = t[i];
		run = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ? 0 : run + 1;
	}
	if (run <= LONG_WORD)
		return;
	const char *end = t + len;
	for (const char *s = t; s < end;) {
		const char *w = s;
		while (w < end && !g_unichar_isspace(g_utf8_get_char(w)))
			w = g_utf8_next_char(w);
		if (w - s > LONG_WORD) {
			int odd = 0;
			for (const char *a = s; a < w; odd = !odd) {
				const char *b = a;
				/* Never before a combining mark: a letter
				 * and its accent are shaped together. */
				while (b < w && (b - a < LONG_WORD / 2 ||
						 g_unichar_ismark(g_utf8_get_char(b))))
					b = g_utf8_next_char(b);
				if (odd) {
					PangoAttribute *at = pango_attr_fallback_new(TRUE);
					at->start_index = (guint)(a - t);
					at->end_index = (guint)(b - t);
					pango_attr_list_insert(attrs, at);
				}
				a = b;
			}
		}
		s = w < end ? g_utf8_next_char(w) : w;
	}
}

static PangoLayout *styled(eng *e, const pg_span *spans, const eng_style *st,
			   double width, int *note_number, int hyph)
{
	PangoLayout *l = new_layout(e, st, width);
	PangoAttrList *attrs = pango_attr_list_new();
	GString *t = e->buf;
	g_string_truncate(t, 0);
	for (const pg_span *s = spans; s; s = s->next) {
		guint start = (guint)t->len;
		switch (s->kind) {
		case PG_SPAN_TEXT:
			add_text(e, t, s->text, hyph);
			break;
		case PG_SPAN_BREAK:
			/* A new Pango paragraph, not a LINE SEPARATOR: the
			 * line before a forced break is not justified. */
			g_string_append_c(t, '\n');
			break;
		case PG_SPAN_NOTE: {
			int n = note_number ? (*note_number)++ : 0;
			g_string_append_printf(t, "%d", n);
			PangoAttribute *a = pango_attr_rise_new(
				(int)(st->size * 0.35 * PANGO_SCALE));
			a->start_index = start;
			a->end_index = (guint)t->len;
			pango_attr_list_insert(attrs, a);
			a = pango_attr_scale_new(0.65);
			a->start_index = start;
			a->end_index = (guint)t->len;
			pango_attr_list_insert(attrs, a);
			break;
		}
		}
		if (s->kind == PG_SPAN_TEXT && (s->style & PG_BOLD) && !st->bold) {
			PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = start;
			a->end_index = (guint)t->len;
			pango_attr_list_insert(attrs, a);
		}
		if (s->kind == PG_SPAN_TEXT && (s->style & PG_ITALIC) && !st->italic) {
			PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_ITALIC);
			a->start_index = start;
			a->end_index = (guint)t->len;
			pango_attr_list_insert(attrs, a);
		}
	}
	keep_together(attrs, t->str, t->len, st, width);
	short_items(attrs, t->str, t->len);
	pango_layout_set_text(l, t->str, (int)t->len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	return l;
}

static PangoLayout *plain_text(eng *e, const char *text, const eng_style *st,
			       double width, int hyph)
{
	PangoLayout *l = new_layout(e, st, width);
	GString *t = e->buf;
	g_string_truncate(t, 0);
	add_text(e, t, text ? text : "", hyph);
	pango_layout_set_text(l, t->str, (int)t->len);
	PangoAttrList *attrs = pango_attr_list_new();
	keep_together(attrs, t->str, t->len, st, width);
	short_items(attrs, t->str, t->len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	return l;
}

/* Whether a line of l ends inside a word: a word wider than the width,
 * cut at a letter. */
static int cuts_word(PangoLayout *l)
{
	const char *text = pango_layout_get_text(l);
	GSList *lines = pango_layout_get_lines_readonly(l);
	for (GSList *s = lines; s && s->next; s = s->next) {
		PangoLayoutLine *line = s->data;
		const char *end = text + line->start_index + line->length;
		if (line->length <= 0 || !*end)
			continue;
		const char *prev = g_utf8_prev_char(end);
		if (g_unichar_isalnum(g_utf8_get_char(prev)) &&
		    g_unichar_isalnum(g_utf8_get_char(end)))
			return 1;
	}
	return 0;
}

/* Justified text with `hyphenate` is hyphenated throughout, for even
 * spacing.  Any other text is set as it is, and hyphenated only if a word
 * is wider than the width: then it breaks at a syllable, not at any
 * letter.  Soft hyphens double the time Pango takes, and ragged text
 * needs them only there. */
static int always(const eng_style *st)
{
	return st->hyphenate && st->align == ENG_JUSTIFY;
}

/* The cache key of a text in a style and width (in e, until the next
 * one); NULL if it is not to be cached (footnote marks are numbered
 * where they fall). */
static const lkey *key_of(eng *e, char kind, const pg_span *spans,
			  const char *plain, const eng_style *st, double width)
{
	/* The numbers as they are, in binary (a layout is made for each
	 * key; printf took a tenth of that). */
	struct {
		double size, leading, fit_size, width;
		int bold, italic, align, hyphenate;
	} head = { st->size, st->leading, st->fit_size, width,
		   st->bold, st->italic, (int)st->align, st->hyphenate };
	GString *k = e->key;
	g_string_truncate(k, 0);
	g_string_append_c(k, kind);
	const char *family = st->family ? st->family : "";
	g_string_append_len(k, family, (gssize)strlen(family) + 1);
	g_string_append_len(k, (const char *)&head, sizeof head);
	/* A text longer than CACHE_TEXT is not kept (keep): no key. */
	size_t from = k->len;
	if (!spans) {
		g_string_append(k, plain ? plain : "");
	} else {
		for (const pg_span *s = spans; s; s = s->next) {
			if (s->kind == PG_SPAN_NOTE || k->len - from > CACHE_TEXT)
				return NULL;
			g_string_append_c(k, '\x01');
			g_string_append_c(k, (char)('0' + s->kind));
			g_string_append_c(k, (char)('0' + s->style));
			if (s->kind == PG_SPAN_TEXT)
				g_string_append(k, s->text);
		}
	}
	if (k->len - from > CACHE_TEXT)
		return NULL;
	e->probe = (lkey){ pg_hash(k->str, k->len), (unsigned)k->len, k->str };
	return &e->probe;
}

static void keep(eng *e, const lkey *key, PangoLayout *l);

static PangoLayout *cached(eng *e, const lkey *key)
{
	if (!key)
		return NULL;
	PangoLayout *l = g_hash_table_lookup(e->cache, key);
	if (l)
		return g_object_ref(l);
	l = g_hash_table_lookup(e->old, key);
	if (!l)
		return NULL;
	g_object_ref(l); /* keep may drop the old generation */
	keep(e, key, l);
	return l;
}

/* Lays l out whole now: its lines, their extents and its own, cached
 * in it.  Reading it later writes nothing (and asks its fonts nothing),
 * so that one thread may draw it while the one that made it sets more
 * text with the same fonts (eng_start). */
static PangoLayout *measured(PangoLayout *l)
{
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical); /* each line's too */
	return l;
}

static void keep(eng *e, const lkey *key, PangoLayout *l)
{
	if (!key || strlen(pango_layout_get_text(l)) > CACHE_TEXT)
		return;
	if (g_hash_table_size(e->cache) >= CACHE_MAX) {
		GHashTable *old = e->old;
		e->old = e->cache;
		e->cache = old;
		g_hash_table_remove_all(e->cache);
	}
	lkey *own = malloc(sizeof *own + key->len);
	if (!own)
		pg_oom();
	memcpy(own + 1, key->data, key->len);
	*own = (lkey){ key->hash, key->len, (const char *)(own + 1) };
	g_hash_table_insert(e->cache, own, g_object_ref(l));
}

/* Sets spans (or the plain text when spans is NULL and plain is not). */
static PangoLayout *set(eng *e, const pg_span *spans, const char *plain,
			const eng_style *st, double width, int *note_number,
			int hyph)
{
	if (plain)
		return plain_text(e, plain, st, width, hyph);
	return styled(e, spans, st, width, note_number, hyph);
}

/* The layout of a text: hyphenated throughout (always), or as it is;
 * if a word is then cut, at a smaller size down to st->fit_size where
 * none is, and if there is none, hyphenated (a word in capitals, which
 * has no hyphen, cut where it must). */
static PangoLayout *fitted(eng *e, const pg_span *spans, const char *plain,
			   const eng_style *st, double width, int *note_number)
{
	int first = note_number ? *note_number : 0;
	PangoLayout *l = set(e, spans, plain, st, width, note_number, always(st));
	if (width <= 0 || always(st) || !cuts_word(l))
		return l;
	eng_style small = *st;
	while (small.size - 0.25 >= st->fit_size - 1e-9 && st->fit_size > 0) {
		small.size -= 0.25;
		g_object_unref(l);
		if (note_number)
			*note_number = first;
		l = set(e, spans, plain, &small, width, note_number, 0);
		if (!cuts_word(l))
			return l;
	}
	g_object_unref(l);
	if (note_number)
		*note_number = first;
	return set(e, spans, plain, &small, width, note_number, 1);
}

PangoLayout *eng_text(eng *e, const pg_span *spans, const eng_style *st,
		      double width, int *note_number)
{
	const lkey *key = key_of(e, 'T', spans, NULL, st, width);
	PangoLayout *l = cached(e, key);
	if (l)
		return l;
	l = measured(fitted(e, spans, NULL, st, width, note_number));
	keep(e, key, l);
	return l;
}

PangoLayout *eng_plain(eng *e, const char *text, const eng_style *st,
		       double width)
{
	const lkey *key = key_of(e, 'P', NULL, text, st, width);
	PangoLayout *l = cached(e, key);
	if (l)
		return l;
	l = measured(fitted(e, NULL, text ? text : "", st, width, NULL));
	keep(e, key, l);
	return l;
}

PangoLayout *eng_word(eng *e, const char *word, const eng_style *st,
		      double width)
{
	const lkey *key = key_of(e, 'W', NULL, word, st, width);
	PangoLayout *l = cached(e, key);
	if (l)
		return l;
	l = plain_text(e, word, st, width, 0);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	measured(l);
	keep(e, key, l);
	return l;
}

double eng_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

double eng_width(PangoLayout *l)
{
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	return (double)logical.width / PANGO_SCALE;
}

void eng_lines_get(PangoLayout *l, eng_lines *out)
{
	int n = pango_layout_get_line_count(l);
	out->n = n;
	out->top = g_new(double, (gsize)n * 4);
	out->bottom = out->top + n;
	out->baseline = out->top + 2 * n;
	out->x = out->top + 3 * n;
	out->line = g_new(PangoLayoutLine *, (gsize)n);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		out->top[i] = (double)y0 / PANGO_SCALE;
		out->bottom[i] = (double)y1 / PANGO_SCALE;
		out->baseline[i] = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		out->x[i] = (double)r.x / PANGO_SCALE;
		out->line[i] = pango_layout_iter_get_line_readonly(it);
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	out->n = i;
}

void eng_lines_free(eng_lines *ls)
{
	g_free(ls->top);
	g_free(ls->line);
	ls->top = ls->bottom = ls->baseline = ls->x = NULL;
	ls->line = NULL;
	ls->n = 0;
}

void eng_draw(dl_page *pg, PangoLayout *l, double x, double top,
	      uint32_t color)
{
	eng_lines ls;
	eng_lines_get(l, &ls);
	for (int k = 0; k < ls.n; k++)
		dl_text(pg, ls.line[k], x + ls.x[k], top + ls.baseline[k], color);
	eng_lines_free(&ls);
}
