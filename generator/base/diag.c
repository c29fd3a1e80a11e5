/*
 * diag.c — a growing array of entries, sorted (stably) when printed.
 * Entries may be added from the device thread while the layout adds its
 * own: adding takes a lock.
 */
#include "diag.h"
#include "arena.h"
#include "i18n.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	enum diag_level level;
	char *file, *msg;
	long line, col;
	size_t seq;
};

struct diag {
	struct entry *e;
	size_t n, cap;
	int errors, warnings;
};

diag *diag_new(void)
{
	diag *d = calloc(1, sizeof *d);
	if (!d)
		pg_oom();
	return d;
}

void diag_free(diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->e[i].file);
		free(d->e[i].msg);
	}
	free(d->e);
	free(d);
}

static char *xstrdup(const char *s)
{
	char *r = strdup(s ? s : "");
	if (!r)
		pg_oom();
	return r;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void add(diag *d, enum diag_level level, const char *file, long line,
		long col, char *msg);

void diag_add(diag *d, enum diag_level level, const char *file, long line,
	      long col, const char *fmt, ...)
{
	va_list ap;
	fmt = pg_tr(fmt);
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
	if (!msg)
		pg_oom();
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&lock);
	add(d, level, file, line, col, msg);
	pthread_mutex_unlock(&lock);
}

/* Takes msg. */
static void add(diag *d, enum diag_level level, const char *file, long line,
		long col, char *msg)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= DIAG_KEEP) {
		free(msg);
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->e = realloc(d->e, d->cap * sizeof *d->e);
		if (!d->e)
			pg_oom();
	}
	/* libxml2's messages end with a newline: one line per diagnostic. */
	for (char *p = msg; *p; p++)
		if (*p == '\n')
			*p = ' ';
	for (size_t len = strlen(msg); len && msg[len - 1] == ' '; len--)
		msg[len - 1] = '\0';
	/* The same message at the same place once is enough. */
	if (d->n) {
		const struct entry *last = &d->e[d->n - 1];
		if (last->line == line && last->col == col &&
		    !strcmp(last->msg, msg) && !strcmp(last->file, file ? file : "")) {
			free(msg);
			if (level == DIAG_ERROR)
				d->errors--;
			else
				d->warnings--;
			return;
		}
	}
	d->e[d->n] = (struct entry){ level, xstrdup(file), msg,
				     line > 0 ? line : 0, col > 0 ? col : 0,
				     d->n };
	d->n++;
}

int diag_errors(const diag *d)
{
	return d->errors;
}

int diag_warnings(const diag *d)
{
	return d->warnings;
}

static int cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_print(diag *d, FILE *out, int warnings)
{
	if (d->n)
		qsort(d->e, d->n, sizeof *d->e, cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->e[i];
		if (e->level == DIAG_WARNING && !warnings)
			continue;
		const char *lv = e->level == DIAG_ERROR ? "error" : "warning";
		if (e->line && e->col)
			fprintf(out, "%s:%ld:%ld: %s: %s\n", e->file, e->line,
				e->col, lv, e->msg);
		else if (e->line)
			fprintf(out, "%s:%ld: %s: %s\n", e->file, e->line, lv,
				e->msg);
		else
			fprintf(out, "%s: %s: %s\n", e->file, lv, e->msg);
	}
	int total = d->errors + (warnings ? d->warnings : 0);
	size_t shown = 0;
	for (size_t i = 0; i < d->n; i++)
		shown += warnings || d->e[i].level == DIAG_ERROR;
	if (total > (int)shown)
		fprintf(out, "plangen: %d more diagnostics not shown\n",
			total - (int)shown);
}

void diag_take(diag *to, const diag *from, int warnings)
{
	for (size_t i = 0; i < from->n; i++) {
		const struct entry *e = &from->e[i];
		if (e->level == DIAG_ERROR || warnings)
			diag_add(to, e->level, e->file, e->line, e->col, "%s", e->msg);
	}
}
