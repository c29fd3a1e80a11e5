/*
 * seen.c — the files a run has read.
 */
#include "seen.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static char **files;
static int nfiles, cap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void pg_seen(const char *path)
{
	pthread_mutex_lock(&lock);
	int known = 0;
	for (int i = 0; i < nfiles && !known; i++)
		known = !strcmp(files[i], path);
	if (!known) {
		if (nfiles + 2 > cap) {
			cap = cap ? cap * 2 : 16;
			files = realloc(files, (size_t)cap * sizeof *files);
			if (!files)
				pg_oom();
		}
		if (!(files[nfiles++] = strdup(path)))
			pg_oom();
		files[nfiles] = NULL;
	}
	pthread_mutex_unlock(&lock);
}

const char *const *pg_seen_files(void)
{
	static const char *const none[] = { NULL };
	return files ? (const char *const *)files : none;
}

void pg_seen_clear(void)
{
	pthread_mutex_lock(&lock);
	for (int i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	files = NULL;
	nfiles = cap = 0;
	pthread_mutex_unlock(&lock);
}
