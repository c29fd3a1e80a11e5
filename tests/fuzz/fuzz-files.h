/*
 * fuzz-files.h — the folder both harnesses read their inputs in.
 *
 * A progress report names its plan (plan="plan-2019.xml") and the report
 * before it (anterior="avance-2019-T3.xml") relative to its own folder,
 * and a plan its images (firma="img/firma.png") relative to its own.
 * Each input is therefore named FOLDER/fuzz.xml (the file itself is never
 * written: the reader gets the bytes), and FOLDER, beside the harness's
 * binary (build/fuzz/files-reader, files-pipeline), is filled once at
 * start with the files the seeds name, copied from the source tree: the
 * 2019 plan, its four reports, its accountability report and photos,
 * the DTDs, the small plan of
 * tests/valid/avance-small with its two reports, and the test images.
 * Nothing else changes it, so that every run of an input reads the same
 * files; the working folder is left alone (libFuzzer's corpus and
 * artifact paths are relative to it).
 *
 * The source tree is PLANGEN_SRC, or two folders above the binary, or
 * the working folder: the first that has input/plan-2019.xml.
 */
#ifndef PG_FUZZ_FILES_H
#define PG_FUZZ_FILES_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* source (in the tree), name (in the folder) */
static const char *const fuzz_files[][2] = {
	{ "input/plan-2019.xml", "plan-2019.xml" },
	{ "input/plan.dtd", "plan.dtd" },
	{ "input/avance.dtd", "avance.dtd" },
	{ "input/rendicion.dtd", "rendicion.dtd" },
	{ "input/rendicion-2019.xml", "rendicion-2019.xml" },
	{ "input/fotos/portada-ciudad.jpg", "fotos/portada-ciudad.jpg" },
	{ "input/fotos/taller-comunitario.jpg", "fotos/taller-comunitario.jpg" },
	{ "input/fotos/espacio-publico.png", "fotos/espacio-publico.png" },
	{ "input/fotos/observatorio-datos.png", "fotos/observatorio-datos.png" },
	{ "input/fotos/audiencia-publica.jpg", "fotos/audiencia-publica.jpg" },
	{ "input/avance-2019-T1.xml", "avance-2019-T1.xml" },
	{ "input/avance-2019-T2.xml", "avance-2019-T2.xml" },
	{ "input/avance-2019-T3.xml", "avance-2019-T3.xml" },
	{ "input/avance-2019-T4.xml", "avance-2019-T4.xml" },
	{ "tests/valid/avance-small/plan.xml", "plan.xml" },
	{ "tests/valid/avance-small/anterior.xml", "anterior.xml" },
	{ "tests/valid/avance-small/avance.xml", "avance.xml" },
	{ "tests/valid/img/firma.png", "img/firma.png" },
	{ "tests/valid/img/sello.jpg", "img/sello.jpg" },
	{ "tests/bad/img/damaged.png", "img/damaged.png" },
	{ "tests/bad/img/no-es-imagen.jpg", "img/no-es-imagen.jpg" },
	{ "tests/bad/img/truncated.jpg", "img/truncated.jpg" },
};

static void fuzz_die(const char *what, const char *path)
{
	fprintf(stderr, "fuzz: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

/* a, sep and b, malloc'd */
static char *fuzz_cat(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);
	if (!s) {
		fputs("fuzz: out of memory\n", stderr);
		exit(1);
	}
	snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

static char *fuzz_join(const char *dir, const char *name)
{
	return fuzz_cat(dir, "/", name);
}

/* A copy of src at dst, put in place whole (by a rename). */
static void fuzz_copy(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb");
	if (!in)
		fuzz_die("cannot read", src);
	char *tmp = fuzz_cat(dst, ".", "tmp");
	FILE *out = fopen(tmp, "wb");
	if (!out)
		fuzz_die("cannot write", tmp);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fuzz_die("cannot write", tmp);
	if (ferror(in))
		fuzz_die("cannot read", src);
	fclose(in);
	if (fclose(out) != 0)
		fuzz_die("cannot write", tmp);
	if (rename(tmp, dst) != 0)
		fuzz_die("cannot rename", tmp);
	free(tmp);
}

static int fuzz_is_tree(const char *dir)
{
	char *p = fuzz_join(dir, "input/plan-2019.xml");
	int ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

/* Fills the folder `files-<harness>` beside argv0 and returns the name
 * its inputs are given ("FOLDER/fuzz.xml"; never freed). */
static const char *fuzz_files_prepare(const char *argv0, const char *harness)
{
	char *bin = strdup(argv0);
	char *slash = bin ? strrchr(bin, '/') : NULL;
	const char *bindir = slash ? (*slash = '\0', bin) : ".";
	if (!*bindir)
		bindir = "/";
	char *up = fuzz_join(bindir, "../..");
	const char *src = getenv("PLANGEN_SRC");
	if (!src || !*src)
		src = fuzz_is_tree(up) ? up : ".";
	if (!fuzz_is_tree(src)) {
		fprintf(stderr, "fuzz: no input/plan-2019.xml in %s: run from the "
				"source tree, or set PLANGEN_SRC to it\n", src);
		exit(1);
	}
	char *leaf = fuzz_cat("files", "-", harness);
	char *dir = fuzz_join(bindir, leaf);
	if ((mkdir(dir, 0777) != 0 && errno != EEXIST))
		fuzz_die("cannot make", dir);
	static const char *const sub[] = { "img", "fotos" };
	for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
		char *d = fuzz_join(dir, sub[i]);
		if ((mkdir(d, 0777) != 0 && errno != EEXIST))
			fuzz_die("cannot make", d);
		free(d);
	}
	for (size_t i = 0; i < sizeof fuzz_files / sizeof *fuzz_files; i++) {
		char *from = fuzz_join(src, fuzz_files[i][0]);
		char *to = fuzz_join(dir, fuzz_files[i][1]);
		fuzz_copy(from, to);
		free(from);
		free(to);
	}
	const char *name = fuzz_join(dir, "fuzz.xml");
	free(dir);
	free(leaf);
	free(up);
	free(bin);
	return name;
}

#endif
