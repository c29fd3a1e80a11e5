/*
 * tmpfile.c — unnamed temporary files beside the output.
 */
#include "tmpfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *pg_tmpfile_near(FILE *near, const char *path)
{
	struct stat st;
	if (!near || !path || fstat(fileno(near), &st) != 0 || !S_ISREG(st.st_mode))
		return tmpfile();
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	char *name = malloc(dir + 32);
	if (!name)
		return NULL;
	memcpy(name, path, dir);
	strcpy(name + dir, ".plangen-XXXXXX");
	int fd = mkstemp(name);
	if (fd < 0) {
		free(name);
		return NULL;
	}
	unlink(name);
	free(name);
	FILE *f = fdopen(fd, "w+b");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return f;
}
