/*
 * pdf-font.c — the PDF device's fonts: each font file the pages use is
 * embedded once, as a subset of the glyphs they show.
 *
 * A font is a Type 0 font with Identity-H encoding over a CIDFont whose
 * CIDs are the font's own glyph numbers (/CIDToGIDMap /Identity): the
 * content writes Pango's glyphs as they are, two bytes each, and at the
 * end HarfBuzz's hb-subset cuts the font file to those glyphs keeping
 * their numbers (HB_SUBSET_FLAGS_RETAIN_GIDS; hints dropped).  The
 * widths (/W) are the font's advances; the content places each glyph
 * where Pango did with TJ's adjustments.  /ToUnicode maps each glyph to
 * the text it first showed (a ligature to its letters), so that
 * pdftotext and screen readers get the text back.  A TrueType font is
 * a CIDFontType2 with FontFile2; a CFF one (OpenType) a CIDFontType0
 * with FontFile3 /OpenType.
 */
#include "pdf-imp.h"

#include <cairo-ft.h>
#include FT_TRUETYPE_TABLES_H
#include <glib.h>
#include <hb-subset.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

struct pdf_font {
	int index, id;
	char *key, *psname;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem, nglyphs;
	int cff;
	float *width;	 /* by glyph: its advance, or < 0 not yet asked */
	char **text;	 /* by glyph: what it shows (UTF-8), or NULL */
	unsigned char *used;
	int bbox[4], ascent, descent, italic;
};

struct pdf_fonts {
	pdfw *w;
	GHashTable *by_scaled; /* cairo_scaled_font_t * (referenced) -> pdf_font * */
	GHashTable *by_key;    /* font file key -> pdf_font * */
	GPtrArray *all;
};

static void unref_scaled(gpointer p)
{
	cairo_scaled_font_destroy(p);
}

pdf_fonts *pdf_fonts_new(pdfw *w)
{
	pdf_fonts *fs = calloc(1, sizeof *fs);
	if (!fs)
		pg_oom();
	fs->w = w;
	fs->by_scaled = g_hash_table_new_full(g_direct_hash, g_direct_equal, unref_scaled, NULL);
	fs->by_key = g_hash_table_new(g_str_hash, g_str_equal);
	fs->all = g_ptr_array_new();
	return fs;
}

static int16_t be16(const char *p)
{
	return (int16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

/* The descriptor's numbers, from the head, hhea and post tables. */
static void metrics(pdf_font *f)
{
	int k = (int)f->upem;
	f->bbox[0] = -500, f->bbox[1] = -300, f->bbox[2] = 1500, f->bbox[3] = 1000;
	hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned n = 0;
	const char *d = hb_blob_get_data(head, &n);
	for (int i = 0; n >= 44 && i < 4; i++)
		f->bbox[i] = be16(d + 36 + 2 * i) * 1000 / k;
	hb_blob_destroy(head);
	hb_font_extents_t ext = { 0 };
	hb_font_get_h_extents(f->font, &ext);
	f->ascent = (int)(ext.ascender * 1000 / k);
	f->descent = (int)(ext.descender * 1000 / k);
	hb_blob_t *post = hb_face_reference_table(f->face, HB_TAG('p', 'o', 's', 't'));
	d = hb_blob_get_data(post, &n);
	f->italic = n >= 8 ? be16(d + 4) : 0;
	hb_blob_destroy(post);
}

/* The font's file, mapped where FreeType opened it by name, else read
 * out of the face. */
static hb_blob_t *font_file(FT_Face face)
{
	const char *path = face->stream ? face->stream->pathname.pointer : NULL;
	hb_blob_t *blob = path ? hb_blob_create_from_file_or_fail(path) : NULL;
	if (blob)
		return blob;
	FT_ULong len = 0;
	if (FT_Load_Sfnt_Table(face, 0, 0, NULL, &len) || !len)
		return NULL;
	char *data = malloc(len);
	if (!data)
		pg_oom();
	if (FT_Load_Sfnt_Table(face, 0, 0, (FT_Byte *)data, &len)) {
		free(data);
		return NULL;
	}
	return hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_WRITABLE, data, free);
}

static pdf_font *load(pdf_fonts *fs, FT_Face face, const char *key)
{
	hb_blob_t *blob = font_file(face);
	if (!blob)
		return NULL;
	pdf_font *f = calloc(1, sizeof *f);
	if (!f)
		pg_oom();
	f->face = hb_face_create(blob, (unsigned)face->face_index);
	hb_blob_destroy(blob);
	f->font = hb_font_create(f->face);
	f->upem = hb_face_get_upem(f->face);
	f->nglyphs = hb_face_get_glyph_count(f->face);
	if (!f->nglyphs)
		f->nglyphs = (unsigned)face->num_glyphs;
	if (f->nglyphs > 65536)
		f->nglyphs = 65536;
	hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	f->cff = hb_blob_get_length(glyf) == 0;
	hb_blob_destroy(glyf);
	const char *ps = FT_Get_Postscript_Name(face);
	GString *name = g_string_new(NULL);
	for (const char *c = ps ? ps : key; *c; c++)
		if (*c > ' ' && *c < 127 && !strchr("()<>[]{}/%#", *c))
			g_string_append_c(name, *c);
	if (!name->len)
		g_string_append(name, "Font");
	f->psname = g_string_free(name, FALSE);
	f->key = g_strdup(key);
	f->width = malloc(f->nglyphs * sizeof *f->width);
	f->text = calloc(f->nglyphs, sizeof *f->text);
	f->used = calloc((f->nglyphs + 7) / 8, 1);
	if (!f->width || !f->text || !f->used)
		pg_oom();
	for (unsigned i = 0; i < f->nglyphs; i++)
		f->width[i] = -1;
	metrics(f);
	f->index = (int)fs->all->len + 1;
	f->id = pdfw_reserve(fs->w);
	g_ptr_array_add(fs->all, f);
	g_hash_table_insert(fs->by_key, f->key, f);
	return f;
}

pdf_font *pdf_font_of(pdf_fonts *fs, cairo_scaled_font_t *sf)
{
	pdf_font *f = g_hash_table_lookup(fs->by_scaled, sf);
	if (f)
		return f;
	if (cairo_scaled_font_get_type(sf) != CAIRO_FONT_TYPE_FT)
		return NULL;
	FT_Face face = cairo_ft_scaled_font_lock_face(sf);
	if (!face)
		return NULL;
	char *key = g_strdup_printf("%s|%s|%ld|%ld|%u", face->family_name ? face->family_name : "",
				    face->style_name ? face->style_name : "", face->num_glyphs,
				    face->face_index, face->units_per_EM);
	f = g_hash_table_lookup(fs->by_key, key);
	if (!f)
		f = load(fs, face, key);
	g_free(key);
	cairo_ft_scaled_font_unlock_face(sf);
	if (f)
		g_hash_table_insert(fs->by_scaled, cairo_scaled_font_reference(sf), f);
	return f;
}

int pdf_font_index(const pdf_font *f)
{
	return f->index;
}

int pdf_font_id(const pdf_font *f)
{
	return f->id;
}

double pdf_font_use(pdf_font *f, unsigned gid)
{
	if (gid >= f->nglyphs)
		return 0;
	f->used[gid / 8] |= (unsigned char)(1 << gid % 8);
	if (f->width[gid] < 0)
		/* As /W says it, in whole units, so that the content's
		 * adjustments are made from the widths readers use. */
		f->width[gid] = (float)floor(hb_font_get_glyph_h_advance(f->font, gid) * 1000.0 / f->upem + 0.5);
	return f->width[gid];
}

int pdf_font_text(pdf_font *f, unsigned gid, const char *utf8, int n)
{
	if (gid >= f->nglyphs || n <= 0)
		return 1;
	if (!f->text[gid]) {
		f->text[gid] = g_strndup(utf8, (gsize)n);
		return 1;
	}
	/* strnlen stops at the kept text's NUL: never past its end. */
	const char *t = f->text[gid];
	return strnlen(t, (size_t)n + 1) == (size_t)n && !memcmp(t, utf8, (size_t)n);
}

/* ---- the end: each font written ---- */

static void utf16(GString *s, const char *utf8)
{
	for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c > 0xffff) {
			c -= 0x10000;
			g_string_append_printf(s, "%04X%04X", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
		} else {
			g_string_append_printf(s, "%04X", c);
		}
	}
}

static int is_used(const pdf_font *f, unsigned g)
{
	return f->used[g / 8] >> g % 8 & 1;
}

static void write_font(pdf_fonts *fs, pdf_font *f)
{
	pdfw *w = fs->w;
	/* The subset tag: six capitals from the glyphs kept (§9.6.4). */
	guint h = 5381;
	for (unsigned g = 0; g < f->nglyphs; g++)
		if (is_used(f, g))
			h = h * 33 + g;
	char tag[7];
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';

	int cid = pdfw_reserve(w), desc = pdfw_reserve(w), file = pdfw_reserve(w),
	    tounicode = pdfw_reserve(w);
	pdfb b = { 0 };
	pdfb_printf(&b, "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s /Encoding /Identity-H "
		    "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		    tag, f->psname, cid, tounicode);
	pdfw_object(w, f->id, &b);

	b.n = 0;
	pdfb_printf(&b, "<< /Type /Font /Subtype /%s /BaseFont /%s+%s "
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
		    "/FontDescriptor %d 0 R %s/DW 0 /W [",
		    f->cff ? "CIDFontType0" : "CIDFontType2", tag, f->psname, desc,
		    f->cff ? "" : "/CIDToGIDMap /Identity ");
	for (unsigned g = 0; g < f->nglyphs;) {
		if (!is_used(f, g)) {
			g++;
			continue;
		}
		pdfb_printf(&b, "\n%u [", g);
		for (; g < f->nglyphs && is_used(f, g); g++)
			pdfb_printf(&b, "%d ", (int)pdf_font_use(f, g));
		b.n--;
		pdfb_puts(&b, "]");
	}
	pdfb_puts(&b, "] >>");
	pdfw_object(w, cid, &b);

	b.n = 0;
	pdfb_printf(&b, "<< /Type /FontDescriptor /FontName /%s+%s /Flags 4 "
		    "/FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d "
		    "/CapHeight %d /StemV 80 /%s %d 0 R >>",
		    tag, f->psname, f->bbox[0], f->bbox[1], f->bbox[2], f->bbox[3], f->italic,
		    f->ascent, f->descent, f->ascent * 7 / 10, f->cff ? "FontFile3" : "FontFile2", file);
	pdfw_object(w, desc, &b);

	/* The subset, its glyphs keeping their numbers. */
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	if (in) {
		hb_set_t *gs = hb_subset_input_glyph_set(in);
		hb_set_add(gs, 0);
		for (unsigned g = 0; g < f->nglyphs; g++)
			if (is_used(f, g))
				hb_set_add(gs, g);
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
		sub = hb_subset_or_fail(f->face, in);
		hb_subset_input_destroy(in);
	}
	hb_blob_t *blob = hb_face_reference_blob(sub ? sub : f->face);
	unsigned len = 0;
	const char *data = hb_blob_get_data(blob, &len);
	char dict[64];
	if (f->cff)
		snprintf(dict, sizeof dict, "/Subtype /OpenType");
	else
		snprintf(dict, sizeof dict, "/Length1 %u", len);
	pdfw_stream(w, file, dict, data, len, 6);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);

	/* The glyphs' text, at most 100 to a block (§9.10.3). */
	GString *cm = g_string_new(
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	GString *chars = g_string_new(NULL);
	int n = 0;
	for (unsigned g = 0; g <= f->nglyphs; g++) {
		if (n && (n == 100 || g == f->nglyphs)) {
			g_string_append_printf(cm, "%d beginbfchar\n%sendbfchar\n", n, chars->str);
			g_string_truncate(chars, 0);
			n = 0;
		}
		if (g == f->nglyphs || !is_used(f, g))
			continue;
		/* A glyph only ever shown inside a cluster said with
		 * /ActualText (one of several glyphs of a character) still
		 * maps to something, as PDF/A wants every glyph to: U+FFFD. */
		g_string_append_printf(chars, "<%04X> <", g);
		if (f->text[g] && *f->text[g])
			utf16(chars, f->text[g]);
		else
			g_string_append(chars, "FFFD");
		g_string_append(chars, ">\n");
		n++;
	}
	g_string_append(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
	pdfw_stream(w, tounicode, NULL, cm->str, cm->len, 6);
	g_string_free(cm, TRUE);
	g_string_free(chars, TRUE);
	pdfb_free(&b);
}

void pdf_fonts_end(pdf_fonts *fs)
{
	for (guint i = 0; i < fs->all->len; i++) {
		pdf_font *f = fs->all->pdata[i];
		write_font(fs, f);
		for (unsigned g = 0; g < f->nglyphs; g++)
			g_free(f->text[g]);
		free(f->text);
		free(f->width);
		free(f->used);
		g_free(f->key);
		g_free(f->psname);
		hb_font_destroy(f->font);
		hb_face_destroy(f->face);
		free(f);
	}
	g_ptr_array_free(fs->all, TRUE);
	g_hash_table_destroy(fs->by_scaled);
	g_hash_table_destroy(fs->by_key);
	free(fs);
}
