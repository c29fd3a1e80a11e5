/*
 * sign-look.c — what a signed field shows: "Firmado digitalmente por
 * NAME" and the signing date and time, in the top left corner of the
 * signatory's box (the images are centred, the name and cargo at the
 * bottom), as the field's appearance stream.
 *
 * The text is set in the bundled font (fonts/Carlito-Regular.ttf),
 * embedded as a subset of the glyphs it prints: HarfBuzz's hb-subset
 * cuts the TrueType file at signing time (a subset plan, so that the
 * glyph numbers of the subset are known), the subset is a CIDFontType2
 * with Identity-H encoding (two-byte glyph numbers in the content), its
 * widths in /W, its glyph-to-Unicode map in /ToUnicode (pdftotext and
 * screen readers get the text back), and FontFile2 is deflated with
 * zlib.  Each character is its font's nominal glyph (the cmap), set at
 * its advance: a stamp of two short lines needs no shaping.
 */
#include "finish-imp.h"

#include "../base/arena.h"

#include <glib.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { LOOK_OBJECTS = 6 };

/* The font, its subset and the glyphs of the text. */
typedef struct glyphs {
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	hb_set_t *cps;	   /* the code points printed */
	hb_map_t *used;	   /* old glyph → its code point */
	GArray *order;	   /* the old glyphs, as first met */
} glyphs;

static hb_codepoint_t glyph_of(glyphs *g, gunichar c)
{
	hb_codepoint_t gid = 0;
	if (!hb_font_get_nominal_glyph(g->font, c, &gid)) {
		c = '?';
		hb_font_get_nominal_glyph(g->font, c, &gid);
	}
	hb_set_add(g->cps, c);
	if (!hb_map_has(g->used, gid)) {
		hb_map_set(g->used, gid, c);
		g_array_append_val(g->order, gid);
	}
	return gid;
}

/* The width of utf8 set at 1 unit per em. */
static double width_of(glyphs *g, const char *utf8)
{
	double w = 0;
	for (const char *p = utf8; *p; p = g_utf8_next_char(p))
		w += hb_font_get_glyph_h_advance(g->font, glyph_of(g, g_utf8_get_char(p)));
	return w / g->upem;
}

/* A PDF string of the new glyph numbers of utf8: <0012003A...>. */
static void show(GString *s, glyphs *g, const hb_map_t *to_new, const char *utf8)
{
	g_string_append_c(s, '<');
	for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
		hb_codepoint_t n = hb_map_get(to_new, glyph_of(g, g_utf8_get_char(p)));
		g_string_append_printf(s, "%04X", n == HB_MAP_VALUE_INVALID ? 0 : n);
	}
	g_string_append(s, "> Tj\n");
}

static int16_t be16(const char *p)
{
	return (int16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

/* "N 0 obj" bodies: a stream of data, deflated, with extra entries. */
static GString *stream(const char *extra, const void *data, size_t len, int deflate)
{
	GString *s = g_string_new("<< ");
	if (extra)
		g_string_append_printf(s, "%s ", extra);
	if (deflate) {
		uLongf n = compressBound((uLong)len);
		Bytef *z = malloc(n);
		if (!z)
			pg_oom();
		if (compress2(z, &n, data, (uLong)len, 9) != Z_OK)
			pg_oom();
		g_string_append_printf(s, "/Filter /FlateDecode /Length %lu >>\nstream\n", (unsigned long)n);
		g_string_append_len(s, (const char *)z, (gssize)n);
		free(z);
	} else {
		g_string_append_printf(s, "/Length %zu >>\nstream\n", len);
		g_string_append_len(s, data, (gssize)len);
	}
	g_string_append(s, "\nendstream");
	return s;
}

/* A subset tag: six capitals from the glyphs kept (ISO 32000 9.6.4). */
static void subset_tag(const glyphs *g, char tag[7])
{
	guint h = 5381;
	for (guint i = 0; i < g->order->len; i++)
		h = h * 33 + g_array_index(g->order, hb_codepoint_t, i);
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';
}

GPtrArray *sign_look(const char *fontfile, double w, double h, const char *signer,
		     const char *when, int first, const char *name, diag *d)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(fontfile);
	if (!blob) {
		diag_add(d, DIAG_ERROR, fontfile, 0, 0,
			 "cannot read the font of the visible signature");
		return NULL;
	}
	glyphs g = { .face = hb_face_create(blob, 0) };
	hb_blob_destroy(blob);
	g.font = hb_font_create(g.face);
	g.upem = hb_face_get_upem(g.face);
	g.cps = hb_set_create();
	g.used = hb_map_create();
	g.order = g_array_new(FALSE, FALSE, sizeof(hb_codepoint_t));

	/* The lines, at a size that fits the box's width. */
	char *line1 = g_strdup_printf("Firmado digitalmente por %s", signer);
	char *line2 = g_strdup_printf("Fecha: %s", when);
	const double pad = 4, top = 3;
	double size = 6.5, room = w - 2 * pad;
	double wide = MAX(width_of(&g, line1), width_of(&g, line2));
	if (wide * size > room && wide > 0)
		size = room / wide;
	if (size < 3)
		size = 3;

	/* The subset: the glyphs printed, numbered anew. */
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_subset_plan_t *plan = NULL;
	hb_face_t *sub = NULL;
	if (in) {
		hb_set_union(hb_subset_input_unicode_set(in), g.cps);
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
		plan = hb_subset_plan_create_or_fail(g.face, in);
		sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	}
	GPtrArray *objs = NULL;
	if (!sub) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "cannot subset the font of the visible signature (%s)", fontfile);
		goto done;
	}
	const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	objs = g_ptr_array_new();

	/* 0: the appearance, a form XObject of the box's size. */
	/* Over the images, a light veil keeps the text legible. */
	GString *c = g_string_new(NULL);
	g_string_append_printf(c, "q\n/G0 gs\n1 1 1 rg\n%.2f %.2f %.2f %.2f re\nf\nQ\n",
			       pad - 1.5, h - top - 2.55 * size - 1, wide * size + 3,
			       2.55 * size + 2);
	g_string_append(c, "q\nBT\n0.12 0.25 0.45 rg\n");
	g_string_append_printf(c, "/F1 %.2f Tf\n%.2f %.2f Td\n", size, pad,
			       h - top - size);
	show(c, &g, to_new, line1);
	g_string_append_printf(c, "0 %.2f Td\n", -1.25 * size);
	show(c, &g, to_new, line2);
	g_string_append(c, "ET\nQ");
	char *extra = g_strdup_printf(
		"/Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] "
		"/Resources << /Font << /F1 %d 0 R >> /ExtGState << /G0 << /ca 0.85 >> >> "
		"/ProcSet [/PDF /Text] >>",
		w, h, first + 1);
	g_ptr_array_add(objs, stream(extra, c->str, c->len, 0));
	g_free(extra);
	g_string_free(c, TRUE);

	/* 1: the Type 0 font; 2: its CIDFont with the widths. */
	char tag[7];
	subset_tag(&g, tag);
	g_ptr_array_add(objs, g_string_new(NULL));
	g_string_printf(objs->pdata[1],
			"<< /Type /Font /Subtype /Type0 /BaseFont /%s+Carlito "
			"/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
			tag, first + 2, first + 5);
	GString *cid = g_string_new(NULL);
	g_string_printf(cid,
			"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s+Carlito "
			"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
			"/Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /W [",
			tag, first + 3);
	GString *cmap = g_string_new(
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	int n = 0;
	GString *chars = g_string_new(NULL);
	for (guint i = 0; i < g.order->len; i++) {
		hb_codepoint_t old = g_array_index(g.order, hb_codepoint_t, i);
		hb_codepoint_t cp = hb_map_get(g.used, old);
		hb_codepoint_t nw = hb_map_get(to_new, old);
		if (nw == HB_MAP_VALUE_INVALID)
			continue;
		g_string_append_printf(cid, " %u [%u]", nw,
				       (unsigned)(hb_font_get_glyph_h_advance(g.font, old) *
						  1000 / g.upem));
		gunichar2 u[2];
		int nu = cp > 0xFFFF ? 2 : 1;
		if (nu == 2) {
			u[0] = (gunichar2)(0xD800 + ((cp - 0x10000) >> 10));
			u[1] = (gunichar2)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			u[0] = (gunichar2)cp;
		}
		g_string_append_printf(chars, "<%04X> <%04X", nw, u[0]);
		if (nu == 2)
			g_string_append_printf(chars, "%04X", u[1]);
		g_string_append(chars, ">\n");
		n++;
	}
	g_string_append(cid, " ] >>");
	g_ptr_array_add(objs, cid);
	g_string_append_printf(cmap, "%d beginbfchar\n%sendbfchar\n", n, chars->str);
	g_string_append(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
	g_string_free(chars, TRUE);

	/* 3: the descriptor, from the font's head and hhea tables. */
	hb_font_extents_t ext = { 0 };
	hb_font_get_h_extents(g.font, &ext);
	hb_blob_t *head = hb_face_reference_table(g.face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned hl = 0;
	const char *hd = hb_blob_get_data(head, &hl);
	int bbox[4] = { -500, -300, 1500, 1000 };
	for (int i = 0; hl >= 44 && i < 4; i++)
		bbox[i] = be16(hd + 36 + 2 * i) * 1000 / (int)g.upem;
	hb_blob_destroy(head);
	GString *desc = g_string_new(NULL);
	g_string_printf(desc,
			"<< /Type /FontDescriptor /FontName /%s+Carlito /Flags 32 "
			"/FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d "
			"/CapHeight %d /StemV 80 /FontFile2 %d 0 R >>",
			tag, bbox[0], bbox[1], bbox[2], bbox[3],
			(int)(ext.ascender * 1000 / (int)g.upem),
			(int)(ext.descender * 1000 / (int)g.upem),
			(int)(ext.ascender * 700 / (int)g.upem), first + 4);
	g_ptr_array_add(objs, desc);

	/* 4: the subset font file; 5: the glyphs' text. */
	hb_blob_t *sb = hb_face_reference_blob(sub);
	unsigned sl = 0;
	const char *sd = hb_blob_get_data(sb, &sl);
	char *len1 = g_strdup_printf("/Length1 %u", sl);
	g_ptr_array_add(objs, stream(len1, sd, sl, 1));
	g_free(len1);
	hb_blob_destroy(sb);
	g_ptr_array_add(objs, stream(NULL, cmap->str, cmap->len, 0));
	g_string_free(cmap, TRUE);
done:
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
	g_free(line1);
	g_free(line2);
	hb_map_destroy(g.used);
	g_array_free(g.order, TRUE);
	hb_set_destroy(g.cps);
	hb_font_destroy(g.font);
	hb_face_destroy(g.face);
	return objs;
}
