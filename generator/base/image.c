/*
 * image.c — PNG and JPEG files decoded into cairo image surfaces, and
 * kept for the run while they fit in a memory budget.  The reader and
 * the device thread both load images: the cache takes a lock.
 *
 * libjpeg reports errors by calling error_exit, which must not return:
 * it jumps back to the decoder's setjmp with the message.  JPEG pixels
 * are asked of libjpeg-turbo directly in cairo's RGB24 byte order.
 */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <jpeglib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "seen.h"

enum {
	MAX_FILE = 64 << 20,	   /* bytes */
	MAX_PIXELS = 40000000,	   /* width × height */
	/* An image is kept at no more than this many pixels on its longer
	 * side: 300 dpi across the longest side of a Letter page, more than
	 * any page draws.  So the largest image kept is 3300² × 4 bytes
	 * (44 MB), and two of them fit the budget. */
	MAX_SIDE = 3300,
	CACHE_BUDGET = 96 << 20,   /* bytes of decoded pixels kept */
};

typedef struct kept {
	struct kept *next;
	char *path;
	cairo_surface_t *s;
	size_t bytes;
} kept;

static kept *cache;
static size_t cached;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The whole file (malloc'd), or NULL with err. */
static unsigned char *slurp(const char *path, size_t *len, char *err, size_t n)
{
	pg_seen(path);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		snprintf(err, n, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_FILE) {
		snprintf(err, n, "%s", S_ISREG(st.st_mode) ? "larger than 64 MB"
							  : "not a regular file");
		close(fd);
		return NULL;
	}
	unsigned char *buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		pg_oom();
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*len = got;
	return buf;
}

/* ---- PNG ---- */

typedef struct reader {
	const unsigned char *p;
	size_t left;
} reader;

static cairo_status_t png_read(void *closure, unsigned char *data,
			       unsigned int len)
{
	reader *r = closure;
	if (len > r->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p, len);
	r->p += len;
	r->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

/* s, or s scaled down to MAX_SIDE on its longer side (s destroyed),
 * with cairo's good filter (a box filter when it shrinks). */
static cairo_surface_t *shrink(cairo_surface_t *s)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int side = w > h ? w : h;
	if (side <= MAX_SIDE)
		return s;
	double k = (double)MAX_SIDE / side;
	int nw = (int)(w * k + 0.5), nh = (int)(h * k + 0.5);
	cairo_surface_t *t = cairo_image_surface_create(
		cairo_image_surface_get_format(s), nw > 0 ? nw : 1, nh > 0 ? nh : 1);
	cairo_t *cr = cairo_create(t);
	cairo_scale(cr, (double)nw / w, (double)nh / h);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS || cairo_surface_status(t) != CAIRO_STATUS_SUCCESS)
		pg_oom();
	return t;
}

static cairo_surface_t *png(const unsigned char *buf, size_t len, char *err,
			    size_t n)
{
	/* Its size from its header (IHDR, the first chunk), before it is
	 * decoded: the same limit as a JPEG's. */
	if (len < 24 || memcmp(buf + 12, "IHDR", 4)) {
		snprintf(err, n, "a damaged PNG image (no header)");
		return NULL;
	}
	unsigned long w = be32(buf + 16), h = be32(buf + 20);
	if ((double)w * (double)h > MAX_PIXELS) {
		snprintf(err, n, "too large (%lux%lu pixels)", w, h);
		return NULL;
	}
	reader r = { buf, len };
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
	cairo_status_t st = cairo_surface_status(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		/* cairo says "out of memory" for any error of libpng (a bad
		 * checksum, a cut file): at this size, it is the file. */
		snprintf(err, n, "a damaged PNG image%s%s%s",
			 st == CAIRO_STATUS_NO_MEMORY ? "" : " (",
			 st == CAIRO_STATUS_NO_MEMORY ? "" : cairo_status_to_string(st),
			 st == CAIRO_STATUS_NO_MEMORY ? "" : ")");
		cairo_surface_destroy(s);
		return NULL;
	}
	return shrink(s);
}

/* ---- EXIF orientation ---- */

static const cairo_user_data_key_t ORIENTATION;

/* The Orientation tag (0x0112) of an APP1 Exif block, 1 to 8, or 1. */
static int exif_orientation(const unsigned char *p, unsigned len)
{
	if (len < 14 || memcmp(p, "Exif\0\0", 6))
		return 1;
	p += 6, len -= 6;
	int le = p[0] == 'I' && p[1] == 'I';
	if (!le && !(p[0] == 'M' && p[1] == 'M'))
		return 1;
#define U16(q) (le ? (unsigned)(q)[0] | (unsigned)(q)[1] << 8 : (unsigned)(q)[0] << 8 | (unsigned)(q)[1])
#define U32(q) (le ? U16(q) | U16((q) + 2) << 16 : U16(q) << 16 | U16((q) + 2))
	unsigned long ifd = U32(p + 4);
	if (ifd >= len || len - ifd < 2)
		return 1;
	unsigned count = U16(p + ifd);
	/* Entries of 12 bytes after the count, as many as the block holds. */
	unsigned long room = (len - ifd - 2) / 12;
	for (unsigned i = 0; i < count && i < room; i++) {
		unsigned long at = ifd + 2 + 12ul * i;
		if (U16(p + at) == 0x0112 && U16(p + at + 2) == 3) {
			unsigned v = U16(p + at + 8);
			return v >= 1 && v <= 8 ? (int)v : 1;
		}
	}
#undef U16
#undef U32
	return 1;
}

int pg_image_orientation(cairo_surface_t *s)
{
	intptr_t o = (intptr_t)cairo_surface_get_user_data(s, &ORIENTATION);
	return o >= 1 && o <= 8 ? (int)o : 1;
}

void pg_image_size(cairo_surface_t *s, double *w, double *h)
{
	double iw = cairo_image_surface_get_width(s);
	double ih = cairo_image_surface_get_height(s);
	int turned = pg_image_orientation(s) >= 5;
	*w = turned ? ih : iw;
	*h = turned ? iw : ih;
}

void pg_image_upright_matrix(cairo_surface_t *s, cairo_matrix_t *mx)
{
	double iw = cairo_image_surface_get_width(s);
	double ih = cairo_image_surface_get_height(s);
	/* The matrix that takes the stored pixels to the upright picture
	 * (its top-left at the origin), by the EXIF orientation. */
	static const int m[9][4] = {
		{ 1, 0, 0, 1 }, { 1, 0, 0, 1 }, { -1, 0, 0, 1 }, { -1, 0, 0, -1 },
		{ 1, 0, 0, -1 }, { 0, 1, 1, 0 }, { 0, -1, 1, 0 }, { 0, -1, -1, 0 },
		{ 0, 1, -1, 0 },
	};
	int o = pg_image_orientation(s);
	const int *k = m[o >= 1 && o <= 8 ? o : 1];
	/* x' = a·x + c·y + x0, y' = b·x + d·y + y0 */
	double a = k[0], b = k[2], c = k[1], d = k[3];
	double x0 = (a < 0 ? iw : 0) + (c < 0 ? ih : 0);
	double y0 = (b < 0 ? iw : 0) + (d < 0 ? ih : 0);
	cairo_matrix_init(mx, a, b, c, d, x0, y0);
}

void pg_image_upright(cairo_t *cr, cairo_surface_t *s)
{
	cairo_matrix_t mx;
	pg_image_upright_matrix(s, &mx);
	cairo_transform(cr, &mx);
}

/* ---- JPEG ---- */

typedef struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
	char msg[JMSG_LENGTH_MAX];
} jerr;

static void jpeg_fail(j_common_ptr c)
{
	jerr *e = (jerr *)c->err;
	c->err->format_message(c, e->msg);
	longjmp(e->back, 1);
}

/* Warnings (a truncated file among them) are failures too: a damaged
 * image is reported, not drawn grey. */
static void jpeg_warn(j_common_ptr c, int level)
{
	if (level < 0)
		jpeg_fail(c);
}

static cairo_surface_t *jpeg(unsigned char *buf, size_t len, char *err,
			     size_t n)
{
	struct jpeg_decompress_struct d;
	jerr e;
	cairo_surface_t *volatile s = NULL;
	d.err = jpeg_std_error(&e.mgr);
	e.mgr.error_exit = jpeg_fail;
	e.mgr.emit_message = jpeg_warn;
	jpeg_create_decompress(&d);
	if (setjmp(e.back)) {
		snprintf(err, n, "a damaged JPEG image (%s)", e.msg);
		jpeg_destroy_decompress(&d);
		if (s)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_mem_src(&d, buf, (unsigned long)len);
	jpeg_save_markers(&d, JPEG_APP0 + 1, 0xffff);
	jpeg_read_header(&d, TRUE);
	int orientation = 1;
	for (jpeg_saved_marker_ptr mk = d.marker_list; mk; mk = mk->next)
		if (mk->marker == JPEG_APP0 + 1 && orientation == 1)
			orientation = exif_orientation(mk->data, mk->data_length);
	if (d.jpeg_color_space == JCS_CMYK || d.jpeg_color_space == JCS_YCCK) {
		snprintf(err, n, "a CMYK JPEG image: save it in RGB");
		jpeg_destroy_decompress(&d);
		return NULL;
	}
	if ((double)d.image_width * d.image_height > MAX_PIXELS) {
		snprintf(err, n, "too large (%ux%u pixels)", d.image_width,
			 d.image_height);
		jpeg_destroy_decompress(&d);
		return NULL;
	}
	/* A larger one is decoded smaller, by libjpeg's DCT scaling (in
	 * eighths); the PDF still embeds the file itself. */
	unsigned side = d.image_width > d.image_height ? d.image_width : d.image_height;
	if (side > MAX_SIDE) {
		d.scale_num = (unsigned)(8ul * MAX_SIDE / side);
		d.scale_denom = 8;
		if (d.scale_num < 1)
			d.scale_num = 1;
	}
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	d.out_color_space = JCS_EXT_BGRX;
#else
	d.out_color_space = JCS_EXT_XRGB;
#endif
	jpeg_start_decompress(&d);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)d.output_width,
				       (int)d.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		pg_oom();
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = px + (size_t)d.output_scanline * (size_t)stride;
		jpeg_read_scanlines(&d, &row, 1);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	cairo_surface_mark_dirty(s);
	if (orientation != 1)
		cairo_surface_set_user_data(s, &ORIENTATION, (void *)(intptr_t)orientation,
					    NULL);
	return s;
}

/* ---- loading, keeping ---- */

static void keep(const char *path, cairo_surface_t *s)
{
	size_t bytes = (size_t)cairo_image_surface_get_stride(s) *
		       (size_t)cairo_image_surface_get_height(s);
	pthread_mutex_lock(&lock);
	if (cached + bytes <= CACHE_BUDGET) {
		kept *k = malloc(sizeof *k);
		char *p = strdup(path);
		if (!k || !p)
			pg_oom();
		*k = (kept){ cache, p, cairo_surface_reference(s), bytes };
		cache = k;
		cached += bytes;
	}
	pthread_mutex_unlock(&lock);
}

static cairo_surface_t *find(const char *path)
{
	cairo_surface_t *s = NULL;
	pthread_mutex_lock(&lock);
	for (kept *k = cache; k && !s; k = k->next)
		if (!strcmp(k->path, path))
			s = cairo_surface_reference(k->s);
	pthread_mutex_unlock(&lock);
	return s;
}

cairo_surface_t *pg_image_load(const char *path, char *err, size_t n)
{
	cairo_surface_t *found = find(path);
	if (found)
		return found;
	size_t len = 0;
	unsigned char *buf = slurp(path, &len, err, n);
	if (!buf)
		return NULL;
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	cairo_surface_t *s = NULL;
	if (len >= 8 && !memcmp(buf, sig, 8)) {
		s = png(buf, len, err, n);
		free(buf);
	} else if (len >= 3 && buf[0] == 0xff && buf[1] == 0xd8 && buf[2] == 0xff) {
		s = jpeg(buf, len, err, n);
		/* The PDF embeds the file as it is. */
		if (s)
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, buf,
						    len, free, buf);
		else
			free(buf);
	} else {
		snprintf(err, n, "not a PNG or JPEG image");
		free(buf);
	}
	if (!s)
		return NULL;
	char *id = strdup(path);
	if (!id)
		pg_oom();
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID,
				    (unsigned char *)id, strlen(id), free, id);
	keep(path, s);
	return s;
}

void pg_images_free(void)
{
	pthread_mutex_lock(&lock);
	while (cache) {
		kept *k = cache;
		cache = k->next;
		cairo_surface_destroy(k->s);
		free(k->path);
		free(k);
	}
	cached = 0;
	pthread_mutex_unlock(&lock);
}
