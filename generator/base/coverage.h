/*
 * coverage.h — the characters plangen's fonts can print.
 *
 * The table is made at build time (tools/coverage.sh, the Makefile) from
 * the bundled fonts (fonts/) and the fallback fonts the engine adds when
 * Debian has them (fonts-dejavu-core): the reader warns, at its place,
 * of a character outside it, which would print as an empty box.
 */
#ifndef PG_BASE_COVERAGE_H
#define PG_BASE_COVERAGE_H

/* Whether a font has a glyph for the code point c. */
int pg_font_covers(unsigned long c);
/* The fonts' family names, for messages: "Carlito, DejaVu Sans". */
extern const char pg_font_families[];

#endif
