/*
 * watch.h — --watch: render, then again whenever a file the render read
 * changes (the input, the plan of a progress file, images), until a
 * signal ends the process.
 *
 * A top-level file, like pipeline.c: it knows only base/seen.h (which
 * files a run read) and the function that runs once.
 */
#ifndef PG_WATCH_H
#define PG_WATCH_H

/* Calls once(arg), then waits (inotify) for a change of one of the
 * files it read (pg_seen_files) and calls it again, for ever; a run
 * that fails has said why, and the output it would have replaced stays
 * as it was.  Each run is announced on standard error, with out (NULL:
 * the default) unless quiet.  Returns only when watching is impossible
 * (no inotify): 3, said. */
int watch_run(int (*once)(void *arg), void *arg, const char *out, int quiet);

#endif
