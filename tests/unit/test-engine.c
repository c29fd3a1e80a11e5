/*
 * test-engine.c — unit tests of the engine's text: the bundled fonts are
 * the ones used, ligatures are off (each letter its own glyph, as the
 * printed plans have them), Spanish words are hyphenated at syllables,
 * footnote marks are numbered, and texts set on the engine's threads
 * (eng_start, eng_wait, eng_each) come out as set on one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout/engine.h"

#include "check.h"

static const eng_style plain = { "Carlito", 11, 0, 0, 0, 0, ENG_LEFT, 0, 0 };

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

/* The layout's text with its soft hyphens shown as '-'. */
static void shown(PangoLayout *l, char *out, size_t n)
{
	size_t k = 0;
	for (const char *s = pango_layout_get_text(l); *s && k + 1 < n; s++) {
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xad) {
			out[k++] = '-';
			s++;
		} else {
			out[k++] = *s;
		}
	}
	out[k] = '\0';
}

/* libhyphen's UTF-8 dictionary numbers letters, not bytes: after an
 * accented vowel or an ñ (two bytes), the break is still between
 * syllables ("tér-mi-nos", not "térm-inos"), for every accented vowel,
 * ü and ñ, in lower case and in a capitalised word.  Words in capitals
 * (acronyms, headers) are never hyphenated. */
static void accents(eng *e)
{
	static const char *const words[][2] = {
		{ "términos", "tér-mi-nos" },
		{ "logístico", "lo-gís-ti-co" },
		{ "estratégicos", "es-tra-té-gi-cos" },
		{ "físico", "fí-si-co" },
		{ "ámbitos", "ám-bi-tos" },
		{ "Ámbitos", "Ám-bi-tos" },
		{ "jurídico", "ju-rí-di-co" },
		{ "último", "úl-ti-mo" },
		{ "capítulo", "ca-pí-tu-lo" },
		{ "gestiones", "ges-tio-nes" },
		{ "económico", "eco-nó-mi-co" },
		{ "compañía", "com-pa-ñía" },
		{ "diseño", "di-se-ño" },
		{ "ñandú", "ñan-dú" },
		{ "pingüino", "pin-güino" },
		{ "Financiamiento", "Fi-nan-cia-mien-to" },
		{ "OPAMSS", "OPAMSS" },
		{ "RESSOCC", "RESSOCC" },
		{ "PRESUPUESTO", "PRESUPUESTO" },
		{ "FINANCIAMIENTO", "FINANCIAMIENTO" },
		{ "ESTRATÉGICOS", "ESTRATÉGICOS" },
		{ "COAMSS/OPAMSS", "COAMSS/OPAMSS" },
	};
	eng_style st = plain;
	st.hyphenate = 1;
	st.align = ENG_JUSTIFY; /* hyphenated throughout */
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		char buf[128];
		PangoLayout *l = eng_plain(e, words[i][0], &st, 400);
		shown(l, buf, sizeof buf);
		if (strcmp(buf, words[i][1]))
			fprintf(stderr, "%s: \"%s\", not \"%s\"\n", words[i][0],
				buf, words[i][1]);
		CHECK(!strcmp(buf, words[i][1]));
		g_object_unref(l);
	}
}

/* A line that ends in a forced break (<br/>) is not stretched to the
 * width, in justified text; the lines of a paragraph that wrap are. */
static void forced_break(eng *e)
{
	pg_span second = { .kind = PG_SPAN_TEXT,
			   .text = "Facilitador: Subdirecciones de Planificación e "
				   "Investigación y de Control del Desarrollo Urbano "
				   "y de las demás unidades del área" };
	pg_span br = { .kind = PG_SPAN_BREAK, .next = &second };
	pg_span first = { .kind = PG_SPAN_TEXT,
			  .text = "Comisión de Gestión del Territorio", .next = &br };
	eng_style st = plain;
	st.align = ENG_JUSTIFY;
	st.hyphenate = 1;
	PangoLayout *l = eng_text(e, &first, &st, 300, NULL);
	eng_lines ls;
	eng_lines_get(l, &ls);
	CHECK(ls.n >= 3);
	PangoRectangle r0, r1;
	pango_layout_line_get_extents(ls.line[0], NULL, &r0);
	pango_layout_line_get_extents(ls.line[1], NULL, &r1);
	CHECK(r0.width < 200 * PANGO_SCALE); /* its natural width */
	CHECK(r1.width > 299 * PANGO_SCALE); /* justified */
	char *t = dl_line_text(ls.line[0]);
	CHECK(!strcmp(t, "Comisión de Gestión del Territorio"));
	g_free(t);
	eng_lines_free(&ls);
	g_object_unref(l);
}

/* An en dash stays with the acronym it opens, words joined by a slash
 * stay together: whatever the width, no line ends in "–" or "/". */
static void kept_together(eng *e)
{
	const char *text = "Consejo Nacional de Seguridad Ciudadana y Convivencia "
			   "–CNSCC, con el COAMSS/OPAMSS y el Consejo –COPLAMSS";
	eng_style st = plain;
	st.align = ENG_JUSTIFY;
	st.hyphenate = 1;
	int ended = 0;
	for (double w = 120; w <= 460; w += 2) {
		PangoLayout *l = eng_plain(e, text, &st, w);
		for (GSList *s = pango_layout_get_lines_readonly(l); s; s = s->next) {
			char *t = dl_line_text(s->data);
			size_t n = strlen(t);
			if ((n >= 3 && !strcmp(t + n - 3, "\xe2\x80\x93")) ||
			    (n && t[n - 1] == '/')) {
				if (!ended++)
					fprintf(stderr, "width %g: a line ends \"%s\"\n", w, t);
			}
			g_free(t);
		}
		g_object_unref(l);
	}
	CHECK(!ended);
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A word with no break as long as the reader allows (100,000
 * characters) in a narrow cell: cut where it must, every letter kept,
 * in time that grows with its length, not its square (it took minutes).
 * The bound is generous, for the debug and sanitize builds. */
static void long_word(eng *e)
{
	enum { N = 100000 };
	char *w = malloc(2 * N + 1); /* "ñ" is two bytes */
	size_t k = 0;
	for (int i = 0; i < N; i++) {
		if (i % 10 == 9) {
			memcpy(w + k, "\xc3\xb1", 2);
			k += 2;
		} else {
			w[k++] = (char)('a' + i % 10);
		}
	}
	w[k] = '\0';
	eng_style st = { "Carlito", 7, 0, 0, 0, 0, ENG_LEFT, 1, 0 };
	double t0 = seconds();
	PangoLayout *l = eng_plain(e, w, &st, 40);
	int lines = pango_layout_get_line_count(l); /* laid out now */
	double t1 = seconds();
	pg_span span = { .kind = PG_SPAN_TEXT, .text = w };
	st.align = ENG_JUSTIFY;
	PangoLayout *j = eng_text(e, &span, &st, 40, NULL);
	int jlines = pango_layout_get_line_count(j);
	double t2 = seconds();
	printf("test-engine: a word of %d characters in 40 pt: %d lines in %.2f s, "
	       "justified %.2f s\n", N, lines, t1 - t0, t2 - t1);
	CHECK(t1 - t0 < 20 && t2 - t1 < 20);
	CHECK(lines > 1000 && jlines > 1000);
	/* Every line fits the width (a cut, not an overflow). */
	int wide = 0;
	for (GSList *s = pango_layout_get_lines_readonly(l); s; s = s->next) {
		PangoRectangle r;
		pango_layout_line_get_extents(s->data, NULL, &r);
		wide += r.width > 40 * PANGO_SCALE;
	}
	CHECK(!wide);
	/* Every letter is there, in order. */
	GString *all = g_string_new(NULL);
	for (GSList *s = pango_layout_get_lines_readonly(l); s; s = s->next) {
		PangoLayoutLine *line = s->data;
		g_string_append_len(all, pango_layout_get_text(l) + line->start_index,
				    line->length);
	}
	CHECK(!strcmp(all->str, w));
	g_string_free(all, TRUE);
	g_object_unref(l);
	g_object_unref(j);
	free(w);
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

/* ---- the engine's threads ---- */

enum { NTEXTS = 600 };

typedef struct batch {
	char **text;
	PangoLayout *l[NTEXTS];
	int nested; /* items whose own eng_each set their texts */
} batch;

static void set_one(eng *e, int i, void *ud)
{
	batch *b = ud;
	b->l[i] = eng_plain(e, b->text[i], &plain, 40 + i % 7 * 20);
}

/* Item i and, inside it, an eng_each of three texts (run there). */
static void set_nested(eng *e, int i, void *ud)
{
	batch *b = ud;
	set_one(e, i, ud);
	batch inner;
	memset(&inner, 0, sizeof inner);
	inner.text = b->text;
	eng_each(e, 3, set_one, &inner);
	int all = 1;
	for (int k = 0; k < 3; k++) {
		all &= inner.l[k] && pango_layout_get_line_count(inner.l[k]) > 0;
		if (inner.l[k])
			g_object_unref(inner.l[k]);
	}
	__atomic_add_fetch(&b->nested, all, __ATOMIC_RELAXED);
}

/* What a layout came out as. */
typedef struct shape {
	int lines;
	double w, h;
	char *text;
} shape;

static int same_shape(const shape *s, PangoLayout *l)
{
	return l && s->lines == pango_layout_get_line_count(l) && s->w == eng_width(l) &&
	       s->h == eng_height(l) && !strcmp(s->text, pango_layout_get_text(l));
}

/* Texts of many words and lengths come out the same on four threads,
 * waited for in steps, as on one; a batch started before the last is
 * waited for ends it whole first; an eng_each inside an item runs. */
static void threads(const char *argv0, diag *d)
{
	static const char *words[] = { "planificación", "de", "la", "Oficina", "metropolitana",
				       "COAMSS/OPAMSS", "–", "gestión", "territorial", "2019", "y",
				       "seguimiento", "al", "Plan", "Operativo", "Anual" };
	static char *text[NTEXTS];
	static shape want[NTEXTS];
	static batch b1, b2;
	for (int i = 0; i < NTEXTS; i++) {
		GString *t = g_string_new(NULL);
		for (int w = 0; w < 1 + i % 23; w++)
			g_string_append_printf(t, "%s%s", w ? " " : "", words[(i * 7 + w * 3) % 16]);
		text[i] = g_string_free(t, FALSE);
	}
	b1.text = b2.text = text;
	setenv("PLANGEN_THREADS", "1", 1);
	eng *e = eng_new(argv0, d);
	CHECK(e != NULL);
	if (!e)
		return;
	eng_each(e, NTEXTS, set_one, &b1);
	for (int i = 0; i < NTEXTS; i++) {
		want[i] = (shape){ pango_layout_get_line_count(b1.l[i]), eng_width(b1.l[i]),
				   eng_height(b1.l[i]), g_strdup(pango_layout_get_text(b1.l[i])) };
		g_object_unref(b1.l[i]);
		b1.l[i] = NULL;
	}
	eng_free(e);

	setenv("PLANGEN_THREADS", "4", 1);
	e = eng_new(argv0, d);
	unsetenv("PLANGEN_THREADS");
	CHECK(e != NULL);
	if (!e)
		return;
	int ticket = eng_start(e, NTEXTS, set_one, &b1);
	int same = 1;
	for (int upto = 1; upto <= NTEXTS; upto += 37) {
		eng_wait(e, ticket, upto);
		for (int i = 0; i < upto; i++)
			same &= b1.l[i] != NULL;
	}
	eng_wait(e, ticket, NTEXTS);
	for (int i = 0; i < NTEXTS; i++) {
		same &= same_shape(&want[i], b1.l[i]);
		g_object_unref(b1.l[i]);
		b1.l[i] = NULL;
	}
	CHECK(same);
	int t1 = eng_start(e, NTEXTS, set_one, &b1);
	int t2 = eng_start(e, NTEXTS, set_nested, &b2);
	for (int i = 0; i < NTEXTS; i++)
		same &= same_shape(&want[i], b1.l[i]);
	CHECK(same);
	eng_wait(e, t1, NTEXTS);
	eng_wait(e, t2, NTEXTS);
	CHECK(b2.nested == NTEXTS);
	for (int i = 0; i < NTEXTS; i++) {
		same &= same_shape(&want[i], b2.l[i]);
		g_object_unref(b1.l[i]);
		g_object_unref(b2.l[i]);
		g_free(want[i].text);
		g_free(text[i]);
	}
	CHECK(same);
	eng_free(e);
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
	accents(e);
	forced_break(e);
	kept_together(e);
	long_word(e);
	notes(e);
	eng_free(e);
	threads(argv[0], d);
	diag_free(d);
	printf("test-engine: %d/%d checks passed\n", checks - failures, checks);
	return failures != 0;
}
