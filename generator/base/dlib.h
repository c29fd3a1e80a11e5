/*
 * dlib.h — a library loaded when first needed (dlopen), not linked: its
 * functions found by name, all of them or none.
 */
#ifndef PG_BASE_DLIB_H
#define PG_BASE_DLIB_H

#include <stddef.h>

/* Loads the library soname and finds names[i] into *slots[i], for i in
 * [0, n); 1 when all were found (the library stays loaded for the
 * process's life), else 0. */
int pg_dl_load(const char *soname, const char *const *names, void **const *slots,
	       size_t n);

#endif
