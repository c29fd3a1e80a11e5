/*
 * test-engine.c — unit tests of the engine's text: the bundled fonts are
 * the ones used, ligatures are off (each letter its own glyph, as the
 * printed plans have them), Spanish words are hyphenated at syllables,
 * and footnote marks are numbered.
 */
#include <stdio.h>
#include <string.h>

#include "layout/engine.h"

#include "check.h"

static const eng_style plain = { "Carlito", 11, 0, 0, 0, 0, ENG_LEFT, 0 };

/* Glyphs in the layout's runs, and whether every run's font is Carlito. */
static int glyphs(PangoLayout *l, int *carlito)
{
	int n = 0;
	*carlito = 1;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		n += run->glyphs->num_glyphs;
		PangoFontDescription *fd = pango_font_describe(run->item->analysis.font);
		if (strcmp(pango_font_description_get_family(fd), "Carlito"))
			*carlito = 0;
		pango_font_description_free(fd);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	return n;
}

static void no_ligatures(eng *e)
{
	const char *text = "fi fl ffi ffl oficina";
	PangoLayout *l = eng_plain(e, text, &plain, 0);
	int carlito;
	CHECK(glyphs(l, &carlito) == (int)strlen(text));
	CHECK(carlito);
	g_object_unref(l);
}

/* Each line's visible text, joined by '|'. */
static void lines_text(PangoLayout *l, char *out, size_t n)
{
	out[0] = '\0';
	for (GSList *s = pango_layout_get_lines_readonly(l); s; s = s->next) {
		char *t = dl_line_text(s->data);
		if (out[0])
			strncat(out, "|", n - strlen(out) - 1);
		strncat(out, t, n - strlen(out) - 1);
		g_free(t);
	}
}

static void hyphenation(eng *e)
{
	eng_style st = plain;
	st.hyphenate = 1;
	char buf[512];
	PangoLayout *l = eng_plain(e, "extraordinariamente", &st, 45);
	lines_text(l, buf, sizeof buf);
	/* hyph_es breaks between syllables: ex-tra-or-di-na-ria-men-te. */
	CHECK(pango_layout_get_line_count(l) > 1);
	CHECK(strchr(buf, '-') != NULL);
	char joined[512] = "";
	for (const char *s = buf; *s; s++)
		if (*s != '-' && *s != '|')
			strncat(joined, s, 1);
	CHECK(!strcmp(joined, "extraordinariamente"));
	CHECK(strstr(buf, "ex-|") || strstr(buf, "tra-|") || strstr(buf, "or-|") ||
	      strstr(buf, "di-|") || strstr(buf, "na-|"));
	g_object_unref(l);
	/* Unhyphenated, the same word overflows on one line. */
	l = eng_plain(e, "extraordinariamente", &plain, 200);
	CHECK(pango_layout_get_line_count(l) == 1);
	lines_text(l, buf, sizeof buf);
	CHECK(!strcmp(buf, "extraordinariamente"));
	g_object_unref(l);
}

static void notes(eng *e)
{
	pg_span note = { .kind = PG_SPAN_NOTE };
	pg_span tail = { .kind = PG_SPAN_TEXT, .text = " y" };
	pg_span head = { .kind = PG_SPAN_TEXT, .text = "Texto" };
	head.next = &note;
	note.next = &tail;
	int n = 3;
	PangoLayout *l = eng_text(e, &head, &plain, 0, &n);
	CHECK(n == 4);
	CHECK(!strcmp(pango_layout_get_text(l), "Texto3 y"));
	g_object_unref(l);
}

int main(int argc, char **argv)
{
	(void)argc;
	diag *d = diag_new();
	eng *e = eng_new(argv[0], d);
	if (!e) {
		diag_print(d, stderr, 1);
		return 1;
	}
	no_ligatures(e);
	hyphenation(e);
	notes(e);
	eng_free(e);
	diag_free(d);
	printf("test-engine: %d/%d checks passed\n", checks - failures, checks);
	return failures != 0;
}
