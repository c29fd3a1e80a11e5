/*
 * qpdf-api.c — qpdf's C API loaded when first wanted (qpdf-api.h).
 */
#include "qpdf-api.h"

#include <dlfcn.h>
#include <pthread.h>

static qpdf_api api;
static const qpdf_api *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	int ok = 1;
#define QPDF_API_FIND(name) \
	ok &= (*(void **)&api.name = dlsym(h, "qpdf_" #name)) != NULL;
	QPDF_API_FUNCTIONS(QPDF_API_FIND)
#undef QPDF_API_FIND
	if (ok)
		loaded = &api;
}

const qpdf_api *qpdf_api_load(void)
{
	pthread_once(&once, load);
	return loaded;
}
