/*
 * pdfw.h — PDF's syntax written out: numbered objects, streams, strings,
 * the cross-reference table and the trailer (ISO 32000-1 §7).
 *
 * The PDF device writes a document's pages through one, and the finish
 * stage its last objects (the catalog, the attached files, the
 * metadata) and its end.  Objects are numbered when reserved and may be
 * written in any order; each is written once, whole.  Numbers are
 * written with at most three decimals, trailing zeros dropped.  The
 * file has a classic cross-reference table (no object streams), which
 * the signatures' incremental updates need, and an /ID that is the MD5
 * of every byte written, so that the same input gives the same file.
 * A failed write (a full disk) is kept, and said by pdfw_error.
 */
#ifndef PG_BASE_PDFW_H
#define PG_BASE_PDFW_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A growing byte buffer, kept NUL-terminated. */
typedef struct pdfb {
	char *p;
	size_t n, cap;
} pdfb;

/* Room for more bytes and the NUL (pdfb_put's slow path). */
void pdfb_grow(pdfb *b, size_t more);
/* Inline: the pages put a million small pieces. */
static inline void pdfb_put(pdfb *b, const void *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
		pdfb_grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}
static inline void pdfb_puts(pdfb *b, const char *s)
{
	pdfb_put(b, s, strlen(s));
}
void pdfb_printf(pdfb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number, "12.5", "-3", "0.125", followed by a space. */
void pdfb_num(pdfb *b, double v);
/* An integer, "-12", with no space (printf's %lld, without printf: the
 * pages write hundreds of thousands). */
void pdfb_int(pdfb *b, long long v);
/* A text string (§7.9.2.2): "(...)" when s is printable ASCII, else
 * UTF-16BE in hex, "<feff...>". */
void pdfb_text(pdfb *b, const char *utf8);
/* UTF-16BE in hex, "<feff...>", always. */
void pdfb_hex_text(pdfb *b, const char *utf8, size_t n);
/* A literal string of bytes, escaped: "(...)". */
void pdfb_string(pdfb *b, const char *s, size_t n);
/* A name, "/Name", its delimiters and others escaped as #xx. */
void pdfb_name(pdfb *b, const char *s);
void pdfb_free(pdfb *b);

typedef struct pdfw pdfw;

/* Writes the header into f, which stays the caller's. */
pdfw *pdfw_new(FILE *f);
/* A new object number. */
int pdfw_reserve(pdfw *w);
/* The object id, whole: its body in b (what goes between "obj" and
 * "endobj"). */
void pdfw_object(pdfw *w, int id, const pdfb *b);
/* The stream object id: dict (its entries, without the brackets, or
 * NULL), data deflated at zlib's level (-1: as it is). */
void pdfw_stream(pdfw *w, int id, const char *dict, const void *data, size_t n,
		 int level);
/* The same with data deflated already (pdfw_deflate). */
void pdfw_stream_deflated(pdfw *w, int id, const char *dict, const void *z, size_t zn);
/* data deflated at level, as pdfw_stream would (zlib's format), in a
 * new block (free it); its size in *zn.  On any thread. */
void *pdfw_deflate(const void *data, size_t n, int level, size_t *zn);
/* The cross-reference table and the trailer (root, info: object
 * numbers), then flushes.  0, or the errno of the first failed write. */
int pdfw_end(pdfw *w, int root, int info);
/* The errno of the first failed write, or 0. */
int pdfw_error(const pdfw *w);
void pdfw_free(pdfw *w);

#endif
