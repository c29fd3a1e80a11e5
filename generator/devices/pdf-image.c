/*
 * pdf-image.c — the PDF device's pictures: each file is one image
 * XObject, written where it is first drawn and drawn again by name.
 *
 * A JPEG is embedded as the file itself (/DCTDecode), its size and
 * colours read from its frame header; any other picture as the pixels
 * base/image.c decoded, deflated, with its transparency as a soft mask
 * (/SMask) when it has any.
 */
#include "pdf-imp.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/image.h"

struct pdf_images {
	pdfw *w;
	GHashTable *by_path; /* path -> (index << 32 | id) + 1 */
	int n;
};

pdf_images *pdf_images_new(pdfw *w)
{
	pdf_images *im = calloc(1, sizeof *im);
	if (!im)
		pg_oom();
	im->w = w;
	im->by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return im;
}

/* A JPEG's width, height and components, from its first frame header
 * (SOF0..SOF15 but DHT, JPG and DAC): 0 if there is none. */
static int jpeg_frame(const unsigned char *d, size_t n, int *w, int *h, int *comps,
		      int *adobe)
{
	size_t i = 2;
	*adobe = 0;
	while (i + 4 <= n) {
		if (d[i] != 0xff) {
			i++;
			continue;
		}
		int m = d[i + 1];
		if (m == 0xff) {
			i++;
			continue;
		}
		if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			i += 2;
			continue;
		}
		size_t len = (size_t)d[i + 2] << 8 | d[i + 3];
		if (m == 0xee && len >= 12 && i + 4 + 5 <= n && !memcmp(d + i + 4, "Adobe", 5))
			*adobe = 1;
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (i + 10 > n)
				return 0;
			*h = d[i + 5] << 8 | d[i + 6];
			*w = d[i + 7] << 8 | d[i + 8];
			*comps = d[i + 9];
			return *w > 0 && *h > 0 && (*comps == 1 || *comps == 3 || *comps == 4);
		}
		i += 2 + len;
	}
	return 0;
}

static void write_jpeg(pdfw *w, int id, const unsigned char *d, size_t n, int iw, int ih,
		       int comps, int adobe)
{
	char dict[200];
	snprintf(dict, sizeof dict,
		 "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
		 "/BitsPerComponent 8 %s/Interpolate true /Filter /DCTDecode ",
		 iw, ih, comps == 1 ? "DeviceGray" : comps == 3 ? "DeviceRGB" : "DeviceCMYK",
		 comps == 4 && adobe ? "/Decode [1 0 1 0 1 0 1 0] " : "");
	pdfw_stream(w, id, dict, d, n, -1);
}

static void write_pixels(pdfw *w, int id, cairo_surface_t *s)
{
	int iw = cairo_image_surface_get_width(s), ih = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	cairo_format_t fmt = cairo_image_surface_get_format(s);
	cairo_surface_flush(s);
	const unsigned char *px = cairo_image_surface_get_data(s);
	size_t np = (size_t)iw * (size_t)ih;
	unsigned char *rgb = malloc(np * 3 + 1), *alpha = malloc(np + 1);
	if (!rgb || !alpha)
		pg_oom();
	int has_alpha = 0;
	for (int y = 0; y < ih; y++) {
		const unsigned char *row = px + (size_t)y * (size_t)stride;
		for (int x = 0; x < iw; x++) {
			size_t k = (size_t)y * (size_t)iw + (size_t)x;
			unsigned a = 255, r, g, b;
			if (fmt == CAIRO_FORMAT_A8) {
				a = row[x];
				r = g = b = 0;
			} else {
				uint32_t v;
				memcpy(&v, row + 4 * x, 4);
				if (fmt == CAIRO_FORMAT_ARGB32)
					a = v >> 24;
				r = v >> 16 & 255, g = v >> 8 & 255, b = v & 255;
				/* cairo's colours are premultiplied. */
				if (a && a < 255) {
					r = r * 255 / a, g = g * 255 / a, b = b * 255 / a;
				}
			}
			rgb[3 * k] = (unsigned char)r, rgb[3 * k + 1] = (unsigned char)g,
			rgb[3 * k + 2] = (unsigned char)b;
			alpha[k] = (unsigned char)a;
			has_alpha |= a != 255;
		}
	}
	char dict[200];
	int mask = has_alpha ? pdfw_reserve(w) : 0;
	if (mask) {
		snprintf(dict, sizeof dict,
			 "/Type /XObject /Subtype /Image /Width %d /Height %d "
			 "/ColorSpace /DeviceGray /BitsPerComponent 8 /Interpolate true ",
			 iw, ih);
		pdfw_stream(w, mask, dict, alpha, np, 6);
	}
	int n = snprintf(dict, sizeof dict,
			 "/Type /XObject /Subtype /Image /Width %d /Height %d "
			 "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Interpolate true ",
			 iw, ih);
	if (mask)
		snprintf(dict + n, sizeof dict - (size_t)n, "/SMask %d 0 R ", mask);
	pdfw_stream(w, id, dict, rgb, np * 3, 6);
	free(rgb);
	free(alpha);
}

int pdf_image_of(pdf_images *im, const char *path, int *id)
{
	long long *found = g_hash_table_lookup(im->by_path, path);
	if (found) {
		*id = (int)(*found & 0xffffffff);
		return (int)(*found >> 32);
	}
	char why[256];
	cairo_surface_t *s = pg_image_load(path, why, sizeof why);
	if (!s)
		return -1;
	*id = pdfw_reserve(im->w);
	const unsigned char *jd = NULL;
	unsigned long jn = 0;
	cairo_surface_get_mime_data(s, CAIRO_MIME_TYPE_JPEG, &jd, &jn);
	int iw, ih, comps, adobe;
	if (jd && jpeg_frame(jd, jn, &iw, &ih, &comps, &adobe))
		write_jpeg(im->w, *id, jd, jn, iw, ih, comps, adobe);
	else
		write_pixels(im->w, *id, s);
	cairo_surface_destroy(s);
	int index = ++im->n;
	long long *v = g_new(long long, 1);
	*v = (long long)index << 32 | *id;
	g_hash_table_insert(im->by_path, g_strdup(path), v);
	return index;
}

void pdf_images_free(pdf_images *im)
{
	if (!im)
		return;
	g_hash_table_destroy(im->by_path);
	free(im);
}
