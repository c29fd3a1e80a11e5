/*
 * text.h — rich text: the inline runs of a paragraph or a cell.
 *
 * The one part of the model the typesetting engine sees: styled runs,
 * line breaks and footnotes, nothing about plans.
 */
#ifndef PG_MODEL_TEXT_H
#define PG_MODEL_TEXT_H

typedef struct pg_span pg_span;

enum { PG_BOLD = 1, PG_ITALIC = 2 };
enum pg_span_kind { PG_SPAN_TEXT, PG_SPAN_BREAK, PG_SPAN_NOTE };

/* A run of text in one style, a line break, or a footnote (its text in
 * `note`).  Whitespace is collapsed; a paragraph has no leading or
 * trailing space. */
struct pg_span {
	pg_span *next;
	enum pg_span_kind kind;
	int style;
	const char *text;
	pg_span *note;
};

/* model/text.c: the words of spans, without styles or footnotes, a
 * line break as a space, into buf[0..n) (cut at a character if it is
 * longer); returns the length it would have had. */
unsigned long pg_span_plain(const pg_span *s, char *buf, unsigned long n);

#endif
