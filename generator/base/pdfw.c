/*
 * pdfw.c — PDF's syntax written out (pdfw.h).
 */
#include "pdfw.h"

#include <errno.h>
#include <libdeflate.h>
#include <math.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* ---- the buffer ---- */

void pdfb_grow(pdfb *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->n + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		pg_oom();
	b->p = p;
	b->cap = cap;
}

void pdfb_printf(pdfb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		pdfb_put(b, small, (size_t)n);
		return;
	}
	pdfb_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

/* The decimal digits of v at the end of t[0..24), with its sign; the
 * first of them. */
static char *digits(char *end, long long v)
{
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	char *s = end;
	do {
		*--s = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--s = '-';
	return s;
}

void pdfb_int(pdfb *b, long long v)
{
	char t[24];
	char *s = digits(t + sizeof t, v);
	pdfb_put(b, s, (size_t)(t + sizeof t - s));
}

void pdfb_num(pdfb *b, double v)
{
	char t[32];
	int n = 0;
	if (!isfinite(v))
		v = 0;
	/* PDF's reals: no exponent; a page is well within ±32767. */
	if (v > 1e9)
		v = 1e9;
	if (v < -1e9)
		v = -1e9;
	long long k = llround(v * 1000);
	if (k < 0) {
		t[n++] = '-';
		k = -k;
	}
	long long ip = k / 1000;
	int fp = (int)(k % 1000);
	char d[24];
	int nd = 0;
	do {
		d[nd++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (nd)
		t[n++] = d[--nd];
	if (fp) {
		t[n++] = '.';
		t[n++] = (char)('0' + fp / 100);
		if (fp % 100) {
			t[n++] = (char)('0' + fp / 10 % 10);
			if (fp % 10)
				t[n++] = (char)('0' + fp % 10);
		}
	}
	if (n == 2 && t[0] == '-' && t[1] == '0')
		n = 0, t[n++] = '0';
	t[n++] = ' ';
	pdfb_put(b, t, (size_t)n);
}

/* The next code point of s[0..n) at *i, or U+FFFD for a bad byte. */
static unsigned next_cp(const unsigned char *s, size_t n, size_t *i)
{
	unsigned c = s[(*i)++];
	int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (c >= 0x80 && !more)
		return 0xfffd;
	if (more)
		c &= 0x3f >> more;
	for (int k = 0; k < more; k++) {
		if (*i >= n || (s[*i] & 0xc0) != 0x80)
			return 0xfffd;
		c = c << 6 | (s[(*i)++] & 0x3f);
	}
	return c > 0x10ffff ? 0xfffd : c;
}

static void hex4(pdfb *b, unsigned v)
{
	static const char x[] = "0123456789abcdef";
	char t[4] = { x[v >> 12 & 15], x[v >> 8 & 15], x[v >> 4 & 15], x[v & 15] };
	pdfb_put(b, t, 4);
}

void pdfb_hex_text(pdfb *b, const char *utf8, size_t n)
{
	const unsigned char *s = (const unsigned char *)utf8;
	pdfb_put(b, "<feff", 5);
	for (size_t i = 0; i < n;) {
		unsigned c = next_cp(s, n, &i);
		if (c > 0xffff) {
			c -= 0x10000;
			hex4(b, 0xd800 + (c >> 10));
			hex4(b, 0xdc00 + (c & 0x3ff));
		} else {
			hex4(b, c);
		}
	}
	pdfb_put(b, ">", 1);
}

void pdfb_string(pdfb *b, const char *s, size_t n)
{
	pdfb_grow(b, 2 * n + 2);
	char *o = b->p + b->n;
	*o++ = '(';
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '(' || c == ')' || c == '\\')
			*o++ = '\\';
		else if (c == '\r')
			*o++ = '\\', c = 'r';
		else if (c == '\n')
			*o++ = '\\', c = 'n';
		*o++ = c;
	}
	*o++ = ')';
	b->n = (size_t)(o - b->p);
	b->p[b->n] = '\0';
}

void pdfb_text(pdfb *b, const char *utf8)
{
	size_t n = strlen(utf8);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)utf8[i] < 0x20 || (unsigned char)utf8[i] > 0x7e) {
			pdfb_hex_text(b, utf8, n);
			return;
		}
	pdfb_string(b, utf8, n);
}

void pdfb_name(pdfb *b, const char *s)
{
	pdfb_put(b, "/", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f || strchr("()<>[]{}/%#", c))
			pdfb_printf(b, "#%02X", c);
		else
			pdfb_put(b, s, 1);
	}
}

void pdfb_free(pdfb *b)
{
	free(b->p);
	*b = (pdfb){ 0 };
}

/* ---- the file ---- */

struct pdfw {
	FILE *f;
	long long at; /* bytes written */
	int err;
	long long *off; /* by object number; 0: not written */
	int n, cap;	/* numbers reserved (1..n), room */
	EVP_MD_CTX *md; /* of what is written, up to the table; NULL after */
	/* What is written, gathered: the digest and the file take it in
	 * pieces of BUFFERED bytes, not an object's three pieces each. */
	pdfb buf;
	/* Streams are deflated by libdeflate, whole: at the same level, a
	 * third of zlib's time for a file as small (content streams are
	 * most of the device's work).  One compressor per level used. */
	struct libdeflate_compressor *z[13];
};

enum { BUFFERED = 1 << 16 };

/* Hands what is gathered, and s[0..n), to the digest and the file. */
static void drain(pdfw *w, const void *s, size_t n)
{
	const void *piece[2] = { w->buf.p, s };
	size_t len[2] = { w->buf.n, n };
	w->buf.n = 0;
	for (int i = 0; i < 2; i++) {
		if (!len[i])
			continue;
		if (w->md)
			EVP_DigestUpdate(w->md, piece[i], len[i]);
		if (w->err)
			continue;
		errno = 0;
		if (fwrite(piece[i], 1, len[i], w->f) != len[i])
			w->err = errno ? errno : EIO;
	}
}

static void out(pdfw *w, const void *s, size_t n)
{
	if (!n)
		return;
	w->at += (long long)n;
	if (n >= BUFFERED) {
		drain(w, s, n); /* a stream: as it is, no copy */
		return;
	}
	pdfb_put(&w->buf, s, n);
	if (w->buf.n >= BUFFERED)
		drain(w, NULL, 0);
}

static void outs(pdfw *w, const char *s)
{
	out(w, s, strlen(s));
}

pdfw *pdfw_new(FILE *f)
{
	pdfw *w = calloc(1, sizeof *w);
	if (!w || !(w->md = EVP_MD_CTX_new()))
		pg_oom();
	EVP_DigestInit_ex(w->md, EVP_md5(), NULL);
	w->f = f;
	/* A binary file, says the comment's high bytes (§7.5.2). */
	outs(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
	return w;
}

int pdfw_reserve(pdfw *w)
{
	if (w->n + 2 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 1024;
		w->off = realloc(w->off, (size_t)w->cap * sizeof *w->off);
		if (!w->off)
			pg_oom();
	}
	w->off[++w->n] = 0;
	return w->n;
}

static void begin(pdfw *w, int id)
{
	if (id > 0 && id <= w->n)
		w->off[id] = w->at;
	char t[32];
	char *s = digits(t + 16, id);
	memcpy(t + 16, " 0 obj\n", 8);
	outs(w, s);
}

void pdfw_object(pdfw *w, int id, const pdfb *b)
{
	begin(w, id);
	out(w, b->p, b->n);
	outs(w, "\nendobj\n");
}

/* data[0..n) deflated by z (zlib's format) into a new block; its size
 * in *zn. */
static void *deflate_with(struct libdeflate_compressor *z, const void *data, size_t n,
			  size_t *zn)
{
	size_t bound = libdeflate_zlib_compress_bound(z, n);
	void *out = malloc(bound);
	if (!out)
		pg_oom();
	*zn = libdeflate_zlib_compress(z, data, n, out, bound);
	if (!*zn)
		pg_oom(); /* the bound is enough, always */
	return out;
}

static int clamp_level(int level)
{
	return level > 12 ? 12 : level;
}

void *pdfw_deflate(const void *data, size_t n, int level, size_t *zn)
{
	struct libdeflate_compressor *z = libdeflate_alloc_compressor(clamp_level(level));
	if (!z)
		pg_oom();
	void *out = deflate_with(z, data, n, zn);
	libdeflate_free_compressor(z);
	return out;
}

static void stream(pdfw *w, int id, const char *dict, const void *data, size_t n,
		   int deflated)
{
	begin(w, id);
	char t[96];
	snprintf(t, sizeof t, "<< %s/Length %zu >>\nstream\n",
		 deflated ? "/Filter /FlateDecode " : "", n);
	if (dict) {
		outs(w, "<< ");
		outs(w, dict);
		outs(w, t + 2);
	} else {
		outs(w, t);
	}
	out(w, data, n);
	/* The end of line before endstream (PDF/A, ISO 19005-2 §6.1.7.1). */
	outs(w, "\nendstream\nendobj\n");
}

void pdfw_stream(pdfw *w, int id, const char *dict, const void *data, size_t n,
		 int level)
{
	if (level < 0) {
		stream(w, id, dict, data, n, 0);
		return;
	}
	level = clamp_level(level);
	if (!w->z[level] && !(w->z[level] = libdeflate_alloc_compressor(level)))
		pg_oom();
	size_t zn;
	void *z = deflate_with(w->z[level], data, n, &zn);
	stream(w, id, dict, z, zn, 1);
	free(z);
}

void pdfw_stream_deflated(pdfw *w, int id, const char *dict, const void *z, size_t zn)
{
	stream(w, id, dict, z, zn, 1);
}

int pdfw_end(pdfw *w, int root, int info)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mn = 0;
	/* The /ID: the digest of all that comes before the table. */
	drain(w, NULL, 0);
	EVP_DigestFinal_ex(w->md, md, &mn);
	EVP_MD_CTX_free(w->md);
	w->md = NULL;
	long long xref = w->at;
	char t[128];
	snprintf(t, sizeof t, "xref\n0 %d\n0000000000 65535 f \n", w->n + 1);
	outs(w, t);
	for (int i = 1; i <= w->n; i++) {
		/* A number reserved and not written is a free entry. */
		if (w->off[i]) {
			memcpy(t, "0000000000 00000 n \n", 20);
			char d[24], *s = digits(d + sizeof d, w->off[i]);
			size_t nd = (size_t)(d + sizeof d - s);
			memcpy(t + 10 - nd, s, nd);
		} else {
			memcpy(t, "0000000000 00001 f \n", 20);
		}
		out(w, t, 20);
	}
	pdfb b = { 0 };
	pdfb_printf(&b, "trailer\n<< /Size %d /Root %d 0 R", w->n + 1, root);
	if (info)
		pdfb_printf(&b, " /Info %d 0 R", info);
	pdfb_puts(&b, " /ID [<");
	for (unsigned i = 0; i < mn; i++)
		pdfb_printf(&b, "%02x", md[i]);
	pdfb_puts(&b, "> <");
	for (unsigned i = 0; i < mn; i++)
		pdfb_printf(&b, "%02x", md[i]);
	pdfb_printf(&b, ">] >>\nstartxref\n%lld\n%%%%EOF\n", xref);
	out(w, b.p, b.n);
	pdfb_free(&b);
	drain(w, NULL, 0);
	errno = 0;
	if (!w->err && fflush(w->f) != 0)
		w->err = errno ? errno : EIO;
	return w->err;
}

int pdfw_error(const pdfw *w)
{
	return w->err;
}

void pdfw_free(pdfw *w)
{
	if (!w)
		return;
	EVP_MD_CTX_free(w->md);
	pdfb_free(&w->buf);
	for (int i = 0; i < 13; i++)
		if (w->z[i])
			libdeflate_free_compressor(w->z[i]);
	free(w->off);
	free(w);
}
