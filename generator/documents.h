/*
 * documents.h — the document table: the kinds of document plangen makes,
 * picked by the root element of the input.
 *
 * One entry per kind, as tmux's cmd_entry: its root element, the DTD it
 * is validated against (and attached to its PDFs), its reader (input/:
 * validate, build, check), its layout (layouts/: which blocks, in which
 * order, with which theme and words), what its PDF says of itself (the
 * metadata, who signs it and why) and its data table (-f csv).
 *
 * To add a document: its DTD in input/ (and in embedded.S), its reader
 * in input/build-<kind>.c, its layout in layouts/<kind>.c (on the kit,
 * layouts/kit.h), its data table in data/csv-<kind>.c, then one entry
 * in DOCUMENTS[] (documents.c) with the few lines that adapt them.
 */
#ifndef PG_DOCUMENTS_H
#define PG_DOCUMENTS_H

#include <stdio.h>

#include "../layouts/kit.h"
#include "base/arena.h"
#include "base/diag.h"
#include "devices/device.h"
#include "input/reader.h"
#include "layout/engine.h"

typedef struct doc_kind {
	const char *root; /* the root element: plan, avance, ... */
	const char *what; /* for messages: "a plan" */
	const char *dtd_name;
	const char *dtd;
	const unsigned long *dtd_len;
	/* Validates, builds and checks x; NULL when there were errors. */
	void *(*read)(reader_xml *x, arena *a, diag *d);
	/* Lays the document out into dev; 0, or -1 (diagnosed). */
	int (*layout)(const void *doc, eng *e, device *dev, diag *d);
	/* Metadata, signatories, reason and place of its PDF. */
	void (*info)(const void *doc, kit_info *i, arena *a);
	/* Its data table; 0, or -1 on a write error. */
	int (*csv)(const void *doc, FILE *out);
} doc_kind;

/* The kind whose root element is `root`, or NULL. */
const doc_kind *doc_kind_of(const char *root);
/* "<plan> (a plan), <avance> (a progress report), ...": for messages. */
const char *doc_kinds_list(void);

#endif
