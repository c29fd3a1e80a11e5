/*
 * text.c — rich text as plain text.
 */
#include "text.h"

#include <string.h>

static unsigned long put(char *buf, unsigned long n, unsigned long at,
			 const char *s, unsigned long len)
{
	if (at < n) {
		unsigned long k = len < n - at ? len : n - at;
		memcpy(buf + at, s, k);
	}
	return at + len;
}

unsigned long pg_span_plain(const pg_span *s, char *buf, unsigned long n)
{
	unsigned long at = 0;
	for (; s; s = s->next) {
		if (s->kind == PG_SPAN_TEXT)
			at = put(buf, n, at, s->text, strlen(s->text));
		else if (s->kind == PG_SPAN_BREAK)
			at = put(buf, n, at, " ", 1);
	}
	if (n) {
		unsigned long end = at < n ? at : n - 1;
		/* Not inside a UTF-8 character. */
		while (end > 0 && end < at && ((unsigned char)buf[end] & 0xc0) == 0x80)
			end--;
		buf[end] = '\0';
	}
	return at;
}
