/*
 * tmpfile.h — an unnamed temporary file for the stages of an output.
 */
#ifndef PG_TMPFILE_H
#define PG_TMPFILE_H

#include <stdio.h>

/* A new empty file open for reading and writing, already unlinked (it
 * goes when closed, whatever ends the run): in the folder of `path` when
 * `near` is a regular file there (the output's disk has the room the
 * output needs), in the system's temporary folder otherwise.  NULL with
 * errno set. */
FILE *pg_tmpfile_near(FILE *near, const char *path);

#endif
