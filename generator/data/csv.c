/*
 * csv.c — RFC 4180 fields.
 */
#include "data.h"

#include <stdlib.h>
#include <string.h>

void data_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

void data_spans(FILE *out, const pg_span *s)
{
	char small[512];
	unsigned long n = pg_span_plain(s, small, sizeof small);
	if (n < sizeof small) {
		data_field(out, small);
		return;
	}
	char *big = malloc(n + 1);
	if (!big)
		pg_oom();
	pg_span_plain(s, big, n + 1);
	data_field(out, big);
	free(big);
}

void data_percent(FILE *out, int has, double x)
{
	if (has)
		fprintf(out, "%.1f", pg_round1(x));
}

void data_sep(FILE *out)
{
	putc(',', out);
}

void data_end(FILE *out)
{
	putc('\n', out);
}
