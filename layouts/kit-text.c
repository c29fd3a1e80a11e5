/*
 * kit-text.c — rich text made on the fly (spans in the doc's arena),
 * amounts and dates as the printed documents write them.
 */
#include "kit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pg_span *kit_span(kit_doc *c, const char *text, int style)
{
	pg_span *s = arena_new_of(c->a, pg_span);
	s->kind = PG_SPAN_TEXT;
	s->style = style;
	s->text = text ? text : "";
	return s;
}

pg_span *kit_linebreak(kit_doc *c)
{
	pg_span *s = arena_new_of(c->a, pg_span);
	s->kind = PG_SPAN_BREAK;
	return s;
}

pg_span *kit_cat(kit_doc *c, const pg_span *a, pg_span *b)
{
	pg_span *first = NULL, **t = &first;
	for (; a; a = a->next) {
		pg_span *s = arena_new_of(c->a, pg_span);
		*s = *a;
		s->next = NULL;
		*t = s;
		t = &s->next;
	}
	*t = b;
	return first;
}

pg_span *kit_coded(kit_doc *c, const char *code, const pg_span *text)
{
	if (!code || !*code)
		return (pg_span *)text;
	return kit_cat(c, kit_span(c, arena_printf(c->a, "%s ", code), PG_BOLD),
		       kit_cat(c, text, NULL));
}

/* Appends a copy of list l at *tail. */
static void append(kit_doc *c, pg_span ***tail, const pg_span *l)
{
	for (; l; l = l->next) {
		pg_span *s = arena_new_of(c->a, pg_span);
		*s = *l;
		s->next = NULL;
		**tail = s;
		*tail = &s->next;
	}
}

pg_span *kit_lines(kit_doc *c, const pg_item *it)
{
	pg_span *first = NULL, **t = &first;
	for (; it; it = it->next) {
		if (first)
			append(c, &t, kit_linebreak(c));
		append(c, &t, it->text);
	}
	return first;
}

pg_span *kit_joined(kit_doc *c, const pg_item *it)
{
	pg_span *first = NULL, **t = &first;
	for (; it; it = it->next) {
		if (first)
			append(c, &t, kit_span(c, it->next ? ", " : c->w->list_and, 0));
		append(c, &t, it->text);
	}
	return first;
}

const char *kit_plain(kit_doc *c, const pg_span *s)
{
	unsigned long n = pg_span_plain(s, NULL, 0);
	char *out = arena_alloc(c->a, n + 1);
	pg_span_plain(s, out, n + 1);
	return out;
}

const char *kit_money(kit_doc *c, int64_t cents)
{
	if (cents == 0)
		return "$ -";
	char digits[32], out[48];
	snprintf(digits, sizeof digits, "%lld", (long long)(cents / 100));
	int n = (int)strlen(digits), o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return arena_printf(c->a, "$ %s.%02lld", out, (long long)(cents % 100));
}

const char *kit_money_share(kit_doc *c, int64_t cents, int64_t total)
{
	if (cents == 0 || total <= 0)
		return kit_money(c, cents);
	double pct = 100.0 * (double)cents / (double)total;
	return arena_printf(c->a, pct < 0.1 ? "%s (%.2f %%)" : "%s (%.1f %%)",
			    kit_money(c, cents), pct);
}

const char *kit_date_long(kit_doc *c, const char *iso)
{
	if (!iso || strlen(iso) < 7)
		return iso ? iso : "";
	int y = atoi(iso), m = atoi(iso + 5), d = strlen(iso) >= 10 ? atoi(iso + 8) : 0;
	if (m < 1 || m > 12)
		return iso;
	return d ? arena_printf(c->a, c->w->date_long_fmt, d, c->w->month[m - 1], y)
		 : arena_printf(c->a, c->w->date_month_fmt, c->w->month[m - 1], y);
}

const char *kit_date_short(kit_doc *c, const char *iso)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return iso ? iso : "";
	return arena_printf(c->a, c->w->date_short_fmt, d, c->w->month_short[m - 1], y);
}
