/*
 * seen.h — the files a run has read (the input, the plan of a progress
 * file, images), for --watch to watch.  Thread-safe (images are read in
 * the layout's threads).
 */
#ifndef PG_SEEN_H
#define PG_SEEN_H

/* path was read (or tried: a missing image still names a file to wait
 * for); once per path. */
void pg_seen(const char *path);
/* The paths seen since the last clear, NULL-terminated; valid until the
 * next pg_seen or pg_seen_clear. */
const char *const *pg_seen_files(void);
void pg_seen_clear(void);

#endif
