/*
 * bench.c — the speed and memory figures (make bench prints them; no
 * test judges them: machines here are shared and noisy).
 *
 *   read+validate  the document table's reader (the entry picked by the
 *                  root element, as plangen picks it) on
 *                  input/plan-2019.xml, in process
 *   plan-2019      the whole render to PDF (read, two layout passes,
 *                  the PDF device, the finish stage), in process
 *   avance T4      the same two for the fourth quarter's progress report
 *                  on that plan, input/avance-2019-T4.xml (its reader
 *                  reads the plan and the three reports before it from
 *                  their files), in a process of its own: a crash of the
 *                  booklet is reported and the other figures still come
 *   synthetic      generated plans whose matrices fill about 265 and
 *                  1,060 landscape pages, each rendered to PDF in a
 *                  process of its own: wall time, pages per second and
 *                  peak memory (ru_maxrss), to show that memory does not
 *                  grow with the page count
 *
 * Every document goes through its entry of the document table
 * (generator/documents.h): read, info (the PDF's metadata), layout.  The
 * finish stage gets the fields only (no attached source, no signature,
 * no document information): what it costs with them is bench.sh's.
 */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <time.h>

#include "base/marks.h"
#include "devices/device.h"
#include "documents.h"
#include "finish/finish.h"
#include "input/reader.h"
#include "layout/engine.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A plan with `poas` POAs of 30 results x 2 indicators x 3 activities;
 * results, indicators and activities have texts of their own, the
 * responsible, funding and risk cells repeat, as in real plans. */
static GString *synthetic(int poas)
{
	GString *s = g_string_new(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan anio=\"2019\" fecha=\"2018-11-30\" institucion=\"COAMSS/OPAMSS\">\n"
		"<portada><titulo>Plan sintético</titulo></portada>\n"
		"<cuerpo><seccion titulo=\"Planes Operativos Anuales\"><p>Texto.</p><poas/></seccion></cuerpo>\n"
		"<pei titulo=\"PEI\" periodo=\"2016-2020\"><area id=\"ae1\" num=\"1\" nombre=\"Gestión\">"
		"<objetivo id=\"oe1\" num=\"1\">Consolidar y articular la gestión organizacional</objetivo></area></pei>\n"
		"<organizacion>\n");
	for (int u = 0; u < poas; u++)
		g_string_append_printf(s, "<unidad id=\"u%d\" nombre=\"Unidad %d\" nivel=\"operativo\"/>\n", u, u);
	g_string_append(s, "</organizacion>\n");
	for (int u = 0; u < poas; u++) {
		g_string_append_printf(s, "<poa id=\"p%d\" unidad=\"u%d\" titulo=\"PLAN OPERATIVO UNIDAD %d\">\n"
					  "<objetivo-especifico num=\"1\" pei=\"oe1\"><texto>Fortalecer la gestión "
					  "institucional de la unidad en sus procesos.</texto>\n", u, u, u);
		for (int r = 0; r < 30; r++) {
			g_string_append_printf(s, "<resultado id=\"u%d-r%d\" codigo=\"R%d\"><texto>Fortalecidos "
						  "los procesos de planificación y seguimiento de la unidad número %d.</texto>"
						  "<financiamiento>Fondos propios</financiamiento>\n", u, r, r + 1, r);
			for (int i = 0; i < 2; i++) {
				g_string_append_printf(s, "<indicador id=\"u%d-r%d-i%d\"><texto>A diciembre de 2019, "
							  "al menos el %d%% de los informes %d.%d entregados a tiempo.</texto>"
							  "<verificacion>Informes, actas y listas de asistencia</verificacion>\n",
							  u, r, i, 80 + (r + i) % 20, r + 1, i + 1);
				for (int a = 0; a < 3; a++)
					g_string_append_printf(s, "<actividad id=\"u%d-r%d-i%d-a%d\" codigo=\"A.%d\" "
								  "meses=\"%d-%d\"><texto>Elaborar y presentar el informe "
								  "%d.%d.%d de avance de la unidad %d a la Dirección Ejecutiva.</texto>"
								  "<responsable>Jefatura de la unidad</responsable>"
								  "<riesgo>Retrasos en la entrega de información</riesgo></actividad>\n",
								  u, r, i, a, a + 1, a + 1, a + 10, r + 1, i + 1, a + 1, u);
				g_string_append(s, "</indicador>\n");
			}
			g_string_append(s, "</resultado>\n");
		}
		g_string_append(s, "</objetivo-especifico></poa>\n");
	}
	g_string_append(s, "</plan>\n");
	return s;
}

/* Counts the pages on their way to the device it wraps. */
typedef struct counter {
	device dev;
	device *inner;
	int pages;
} counter;

static int c_page(device *d, const dl_page *p)
{
	counter *c = (counter *)d;
	c->pages++;
	return c->inner ? c->inner->page(c->inner, p) : 0;
}
static int c_close(device *d)
{
	counter *c = (counter *)d;
	return c->inner ? c->inner->close(c->inner) : 0;
}
static void c_free(device *d)
{
	counter *c = (counter *)d;
	if (c->inner)
		c->inner->free(c->inner);
}

/* The peak memory once the last plan was read (the XML tree included). */
static long read_peak_kb;

/* The document in data[0..len), named name, as plangen reads it: its
 * entry picked by the root element, then read, validated and checked;
 * NULL after diagnostics in d.  *kind is its entry. */
static void *read_doc(const char *name, const char *data, size_t len,
		      arena *a, diag *d, const doc_kind **kind)
{
	reader_xml *x = reader_parse(name, data, len, d);
	const doc_kind *k = x ? doc_kind_of(reader_root(x)) : NULL;
	if (x && !k)
		diag_add(d, DIAG_ERROR, name, reader_root_line(x), 0,
			 "the document element is <%s>; plangen reads %s",
			 reader_root(x), doc_kinds_list());
	void *doc = k ? k->read(x, a, d) : NULL;
	reader_xml_free(x);
	*kind = k;
	return doc;
}

/* Renders data to a PDF at out (or nowhere); returns pages, or -1. */
static int render(const char *name, const char *data, size_t len, eng *e,
		  const char *out)
{
	arena *a = arena_new();
	diag *d = diag_new();
	const doc_kind *k;
	void *doc = read_doc(name, data, len, a, d, &k);
	read_peak_kb = peak_kb();
	int pages = -1;
	if (doc) {
		kit_info info;
		k->info(doc, &info, a);
		/* As plangen does it: the pages into a temporary file, then
		 * the finish stage into out. */
		pg_marks marks = { 0 };
		FILE *f = out ? fopen(out, "wb") : NULL;
		FILE *tmp = f ? tmpfile() : NULL;
		counter cnt = { { c_page, c_close, c_free }, NULL, 0 };
		pdfw *w = tmp ? pdfw_new(tmp) : NULL;
		if (tmp)
			cnt.inner = dev_thread_new(dev_pdf_new(w, out, &marks, d));
		else if (out)
			diag_add(d, DIAG_ERROR, out, 0, 0, "cannot write: %s",
				 strerror(errno));
		if ((!out || cnt.inner) &&
		    k->layout(doc, e, &cnt.dev, d) == 0 &&
		    cnt.dev.close(&cnt.dev) == 0 &&
		    (!tmp || finish_pdf(w, tmp, &(finish_job){ .marks = &marks }, f,
					out, d) == 0))
			pages = cnt.pages;
		cnt.dev.free(&cnt.dev);
		pg_marks_clear(&marks);
		pdfw_free(w);
		if (tmp)
			fclose(tmp);
		if (f)
			fclose(f);
	}
	if (pages < 0)
		diag_print(d, stderr, 1);
	diag_free(d);
	arena_free(a);
	return pages;
}

/* In a process of its own, so that its peak memory is its own: the
 * synthetic plan of n POAs to PDF. */
static int synthetic_run(int n, const char *argv0)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		int st;
		waitpid(pid, &st, 0);
		return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
	}
	diag *d = diag_new();
	eng *e = eng_new(argv0, d);
	if (!e)
		_exit(1);
	GString *s = synthetic(n);
	double t0 = now();
	int pages = render("synthetic.xml", s->str, s->len, e, "/dev/null");
	double dt = now() - t0;
	if (pages < 0)
		_exit(1);
	printf("synthetic, %d POAs, %d pages (%zu KB of XML) to PDF: %.2f s, "
	       "%.0f pages/s (target >= 250); peak memory %ld MB (target < 150), "
	       "of which reading %ld MB\n",
	       n, pages, s->len / 1024, dt, pages / dt, peak_kb() / 1024,
	       read_peak_kb / 1024);
	fflush(stdout);
	_exit(0);
}

/* The reports before pr (anterior), read with it. */
static int earlier(const pg_progress *pr)
{
	int n = 0;
	for (const pg_progress *q = pr->previous; q; q = q->previous)
		n++;
	return n;
}

/* In a process of its own, so that a crash of the booklet's layout is
 * reported and the figures after it still come: the progress report at
 * path read and validated RUNS times, then its booklet to PDF 5 times,
 * each as the command line makes it (fonts loaded, nothing cached). */
static int booklet_run(const char *path, const char *argv0)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		int st;
		waitpid(pid, &st, 0);
		if (WIFSIGNALED(st))
			printf("%s booklet to PDF: FAILED, killed by signal %d (%s)\n",
			       path, WTERMSIG(st), strsignal(WTERMSIG(st)));
		return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
	}
	char *data;
	size_t len;
	diag *d = diag_new();
	if (reader_load(path, &data, &len, d) != 0) {
		diag_print(d, stderr, 1);
		_exit(1);
	}
	enum { RUNS = 30 };
	double t[RUNS];
	int n = 0;
	for (int i = 0; i < RUNS; i++) {
		arena *a = arena_new();
		diag *rd = diag_new();
		const doc_kind *k;
		double t0 = now();
		const pg_progress *pr = read_doc(path, data, len, a, rd, &k);
		t[i] = now() - t0;
		if (!pr || strcmp(k->root, "avance")) {
			diag_print(rd, stderr, 1);
			fprintf(stderr, "bench: %s is not a progress report\n", path);
			_exit(1);
		}
		n = earlier(pr);
		diag_free(rd);
		arena_free(a);
	}
	qsort(t, RUNS, sizeof *t, cmpd);
	printf("read+validate %s (%zu KB; its plan and %d earlier reports read from their files): "
	       "median %.1f ms, best %.1f ms\n", path, len / 1024, n, t[RUNS / 2] * 1e3,
	       t[0] * 1e3);
	fflush(stdout);
	double r[5];
	int pages = -1;
	for (int i = 0; i < 5; i++) {
		double t0 = now();
		eng *e = eng_new(argv0, d);
		if (!e || (pages = render(path, data, len, e, "/dev/null")) < 0) {
			diag_print(d, stderr, 1);
			_exit(1);
		}
		eng_free(e);
		r[i] = now() - t0;
	}
	qsort(r, 5, sizeof *r, cmpd);
	printf("%s booklet to PDF, %d pages (fonts loaded, nothing cached): median %.0f ms, "
	       "best %.0f ms; peak memory %ld MB\n", path, pages, r[2] * 1e3, r[0] * 1e3,
	       peak_kb() / 1024);
	fflush(stdout);
	free(data);
	_exit(0);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--synthetic")) {
		/* bench --synthetic N: the plan of N POAs, for profiling. */
		GString *s = synthetic(atoi(argv[2]));
		fwrite(s->str, 1, s->len, stdout);
		g_string_free(s, TRUE);
		return 0;
	}
	const char *data = pg_embedded_plan;
	size_t len = pg_embedded_plan_size;
	enum { RUNS = 30 };
	double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		arena *a = arena_new();
		diag *d = diag_new();
		const doc_kind *k;
		double t0 = now();
		read_doc("plan-2019.xml", data, len, a, d, &k);
		t[i] = now() - t0;
		diag_free(d);
		arena_free(a);
	}
	qsort(t, RUNS, sizeof *t, cmpd);
	printf("read+validate plan-2019.xml (%zu KB): median %.1f ms, best %.1f ms (target < 20 ms)\n",
	       len / 1024, t[RUNS / 2] * 1e3, t[0] * 1e3);

	/* Each run as the command line makes it: fonts loaded, nothing
	 * cached from the run before. */
	double r[5];
	for (int i = 0; i < 5; i++) {
		double t0 = now();
		diag *d = diag_new();
		eng *e = eng_new(argv[0], d);
		if (!e || render("plan-2019.xml", data, len, e, "/dev/null") < 0) {
			diag_print(d, stderr, 1);
			return 1;
		}
		eng_free(e);
		diag_free(d);
		r[i] = now() - t0;
	}
	qsort(r, 5, sizeof *r, cmpd);
	printf("plan-2019.xml to PDF (fonts loaded, nothing cached): median %.0f ms, "
	       "best %.0f ms (target < 300 ms)\n", r[2] * 1e3, r[0] * 1e3);

	/* The fourth quarter's booklet of that plan. */
	int status = booklet_run("input/avance-2019-T4.xml", argv[0]) != 0;

	/* About 265 and 1,060 landscape pages: the peak memory should not
	 * grow with the page count. */
	for (int n = 20; n <= 80; n *= 4)
		if (synthetic_run(n, argv[0]) != 0)
			return 1;
	return status;
}
