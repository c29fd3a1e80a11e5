/*
 * reader.c — the reader's entry points: load a file, then parse,
 * validate, build and check, collecting every diagnostic on the way.
 */
#include "input-imp.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/seen.h"

int reader_load(const char *path, char **data, size_t *len, diag *d)
{
	*data = NULL;
	*len = 0;
	pg_seen(path);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
			 strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "is a directory, not a file");
		close(fd);
		return -1;
	}
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	if (cap > (size_t)READER_MAX_INPUT + 1)
		cap = (size_t)READER_MAX_INPUT + 1;
	char *buf = malloc(cap + 1);
	if (!buf)
		pg_oom();
	size_t n = 0;
	for (;;) {
		if (n == cap) {
			if (cap > (size_t)READER_MAX_INPUT)
				break;
			cap *= 2;
			buf = realloc(buf, cap + 1);
			if (!buf)
				pg_oom();
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
				 strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > (size_t)READER_MAX_INPUT) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "is larger than %d MiB, the most plangen reads",
			 READER_MAX_INPUT >> 20);
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

reader_xml *reader_parse(const char *name, const char *data, size_t len,
			 diag *d)
{
	if (len == 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "is empty: a plan is an XML document starting with "
			 "<plan>");
		return NULL;
	}
	if (memchr(data, '\0', len)) {
		const char *z = memchr(data, '\0', len);
		long line = 1;
		for (const char *s = data; s < z; s++)
			line += *s == '\n';
		/* UTF-16 and binary files have NUL bytes; XML in UTF-8 has none. */
		if (len >= 2 && ((unsigned char)data[0] == 0xff ||
				 (unsigned char)data[0] == 0xfe)) {
			diag_add(d, DIAG_ERROR, name, 1, 1,
				 "the file is in UTF-16: save it as UTF-8");
		} else {
			diag_add(d, DIAG_ERROR, name, line, 0,
				 "a NUL byte: this is not a text file");
		}
		return NULL;
	}
	xmlDocPtr doc = xml_parse(name, data, len, d);
	if (!doc)
		return NULL;
	reader_xml *x = malloc(sizeof *x);
	if (!x || !(x->name = strdup(name)))
		pg_oom();
	x->doc = doc;
	return x;
}

const char *reader_root(const reader_xml *x)
{
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	return root ? (const char *)root->name : "";
}

int reader_root_line(const reader_xml *x)
{
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	return root ? xml_line(root) : 0;
}

void reader_xml_free(reader_xml *x)
{
	if (!x)
		return;
	xmlFreeDoc(x->doc);
	free(x->name);
	free(x);
}

pg_plan *reader_plan(reader_xml *x, arena *a, diag *d)
{
	xml_validate(x->doc, x->name, "plan", pg_embedded_dtd, pg_embedded_dtd_size, d);
	pg_plan *p = build_plan(x->doc, x->name, a, d);
	if (p)
		check_plan(p, d);
	return diag_errors(d) ? NULL : p;
}

pg_progress *reader_progress(reader_xml *x, arena *a, diag *d)
{
	xml_validate(x->doc, x->name, "avance", pg_embedded_avance_dtd,
		     pg_embedded_avance_dtd_size, d);
	pg_progress *pr = build_progress(x->doc, x->name, a, d);
	return diag_errors(d) ? NULL : pr;
}

pg_accountability *reader_accountability(reader_xml *x, arena *a, diag *d)
{
	xml_validate(x->doc, x->name, "rendicion", pg_embedded_rendicion_dtd,
		     pg_embedded_rendicion_dtd_size, d);
	pg_accountability *r = build_accountability(x->doc, x->name, a, d);
	return diag_errors(d) ? NULL : r;
}

pg_plan *reader_read(const char *name, const char *data, size_t len,
		     arena *a, diag *d)
{
	reader_xml *x = reader_parse(name, data, len, d);
	if (!x)
		return NULL;
	pg_plan *p = reader_plan(x, a, d);
	reader_xml_free(x);
	return p;
}
