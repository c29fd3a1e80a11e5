/*
 * diag.h — the diagnostics of one run.
 *
 * Every stage adds what it finds instead of stopping at the first
 * problem; the command line prints them all, in file order, as
 *   FILE:LINE:COL: error: message
 * (":COL" only where it is known, "FILE:" alone where no line is).
 * At most DIAG_KEEP are kept; the rest are only counted.
 */
#ifndef PG_DIAG_H
#define PG_DIAG_H

#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };
enum { DIAG_KEEP = 500 };

typedef struct diag diag;

diag *diag_new(void);
void diag_free(diag *d);
/* Adds one diagnostic; file is copied; line/col 0 mean unknown. */
void diag_add(diag *d, enum diag_level level, const char *file, long line,
	      long col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
int diag_errors(const diag *d);
/* Adds a copy of from's errors, and its warnings too if `warnings`, to
 * `to`. */
void diag_take(diag *to, const diag *from, int warnings);
int diag_warnings(const diag *d);
/* Prints the errors, and the warnings too if `warnings`, sorted by file
 * then line then column. */
void diag_print(diag *d, FILE *out, int warnings);

#endif
