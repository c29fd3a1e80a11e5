/*
 * marks.h — what the PDF device leaves for the finish stage.
 *
 * The device writes the pages, their fonts, pictures and structure,
 * the outline, the named destinations and the page labels through a
 * pdfw (base/pdfw.h); the document's last objects (the catalog, the
 * signature fields, the attached files, the metadata) and its end are
 * the finish stage's (generator/finish), which reads here the objects
 * the device wrote and the fields it met.  Boxes are in PDF user
 * space: the origin at the page's bottom-left corner.  Here because
 * both devices/ and finish/ may include base/.
 */
#ifndef PG_BASE_MARKS_H
#define PG_BASE_MARKS_H

#include "pdfw.h"

/* An empty signature field and its widget, where a signature goes: its
 * object number is reserved and in its page's /Annots; finish writes
 * it. */
typedef struct pg_field {
	int page;	   /* 0-based */
	int page_id;	   /* its page's object */
	int id;		   /* its own (reserved) */
	double x, y, w, h; /* PDF user space */
	const char *name;  /* the field's name (/T): the signatory's id */
} pg_field;

typedef struct pg_marks {
	pg_field *fields; /* in the order met: the signing order */
	int nfields, capfields;
	/* The objects the device wrote (0: none). */
	int pages;	 /* the page tree */
	int npages;
	int struct_tree; /* the structure tree root */
	int outlines, dests, labels;
	int tagged;	 /* the structure is complete */
} pg_marks;

/* Appends a field (name copied); never fails (out of memory aborts). */
void pg_marks_field(pg_marks *m, int page, int page_id, int id, double x,
		    double y, double w, double h, const char *name);
/* Frees what m holds and empties it. */
void pg_marks_clear(pg_marks *m);

#endif
