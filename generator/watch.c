/*
 * watch.c — --watch with inotify.
 *
 * Each file read is watched through its folder, not itself: an editor
 * that saves by writing a new file and renaming it over the old one
 * (vim, gedit, Emacs) replaces the inode a watch on the file would
 * hold.  The events of a folder are matched to the files' names; a
 * burst of them (a save is several) waits for 200 ms of quiet, so one
 * save is one render.
 */
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/i18n.h"
#include "base/seen.h"

typedef struct watched {
	int wd;
	char *dir, *name; /* the file: dir/name */
} watched;

/* The folder and the name of path. */
static void split(const char *path, char **dir, char **name)
{
	const char *slash = strrchr(path, '/');
	*dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	*name = strdup(slash ? slash + 1 : path);
	if (!*dir || !*name)
		pg_oom();
}

/* Whether an event of watch wd about name is one of the files. */
static int concerns(const watched *w, int n, int wd, const char *name)
{
	for (int i = 0; i < n; i++)
		if (w[i].wd == wd && !strcmp(w[i].name, name))
			return 1;
	return 0;
}

/* Reads the events waiting on fd; 1 if one concerns a file. */
static int drain(int fd, const watched *w, int n)
{
	char buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	int hit = 0;
	ssize_t len = read(fd, buf, sizeof buf);
	for (char *p = buf; len > 0 && p < buf + len;) {
		const struct inotify_event *ev = (const struct inotify_event *)p;
		if (ev->len && concerns(w, n, ev->wd, ev->name))
			hit = 1;
		if (ev->mask & IN_Q_OVERFLOW)
			hit = 1;
		p += sizeof *ev + ev->len;
	}
	return hit;
}

int watch_run(int (*once)(void *arg), void *arg, const char *out, int quiet)
{
	for (;;) {
		int status = once(arg);
		if (!quiet)
			fprintf(stderr, status == 0 ? pg_tr("plangen: %s written; watching for changes\n")
						    : pg_tr("plangen: %s not written (the last good one "
							    "stays); watching for changes\n"),
				out ? out : pg_tr("the output"));
		int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
		if (fd < 0) {
			fprintf(stderr, pg_tr("plangen: --watch: cannot watch: %s\n"), strerror(errno));
			return 3;
		}
		const char *const *files = pg_seen_files();
		int n = 0;
		while (files[n])
			n++;
		watched *w = calloc((size_t)n + 1, sizeof *w);
		if (!w)
			pg_oom();
		for (int i = 0; i < n; i++) {
			split(files[i], &w[i].dir, &w[i].name);
			w[i].wd = inotify_add_watch(fd, w[i].dir,
						    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
							    IN_DELETE | IN_MOVED_FROM | IN_ATTRIB);
		}
		/* Wait for a change, then for 200 ms of quiet. */
		struct pollfd pf = { fd, POLLIN, 0 };
		int changed = 0;
		while (!changed)
			if (poll(&pf, 1, -1) > 0)
				changed = drain(fd, w, n);
		while (poll(&pf, 1, 200) > 0)
			drain(fd, w, n);
		for (int i = 0; i < n; i++) {
			free(w[i].dir);
			free(w[i].name);
		}
		free(w);
		close(fd);
	}
}
