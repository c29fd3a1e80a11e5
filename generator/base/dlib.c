/*
 * dlib.c — a library loaded when first needed (dlib.h).
 */
#include "dlib.h"

#include <dlfcn.h>

int pg_dl_load(const char *soname, const char *const *names, void **const *slots,
	       size_t n)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return 0;
	int ok = 1;
	for (size_t i = 0; i < n; i++)
		ok &= (*slots[i] = dlsym(h, names[i])) != NULL;
	return ok;
}
