/*
 * qpdf-api.c — qpdf's C API loaded when first wanted (qpdf-api.h).
 */
#include "qpdf-api.h"

#include <pthread.h>

#include "../base/dlib.h"

static qpdf_api api;
static const qpdf_api *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
#define QPDF_API_NAME(name) "qpdf_" #name,
#define QPDF_API_SLOT(name) (void **)&api.name,
	static const char *const names[] = { QPDF_API_FUNCTIONS(QPDF_API_NAME) };
	void **const slots[] = { QPDF_API_FUNCTIONS(QPDF_API_SLOT) };
#undef QPDF_API_NAME
#undef QPDF_API_SLOT
	if (pg_dl_load(QPDF_SONAME, names, slots, sizeof names / sizeof *names))
		loaded = &api;
}

const qpdf_api *qpdf_api_load(void)
{
	pthread_once(&once, load);
	return loaded;
}
