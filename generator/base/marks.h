/*
 * marks.h — the links and signature fields of a PDF's pages.
 *
 * cairo cannot write them (see generator/finish/finish.h): the PDF
 * device records those it meets in the pages (DL_LINK, DL_FIELD) and the
 * finish stage adds them to the file.  Boxes are in PDF user space: the
 * origin at the page's bottom-left corner.  A plain growing list, here
 * because both devices/ and finish/ may include base/.
 */
#ifndef PG_BASE_MARKS_H
#define PG_BASE_MARKS_H

typedef struct pg_link {
	int page;	   /* 0-based */
	double x, y, w, h; /* PDF user space: origin bottom-left */
	const char *dest;  /* a named destination in the document */
	int tag;	   /* the structure element it is in (pg_tag), or -1 */
} pg_link;

/* An empty signature field and its widget, where a signature goes. */
typedef struct pg_field {
	int page;	   /* 0-based */
	double x, y, w, h; /* PDF user space */
	const char *name;  /* the field's name (/T): the signatory's id */
} pg_field;

/* The alternative text of a page's image: the index-th of its nimages
 * images in drawing order (cairo writes each as an image XObject drawn
 * by one Do), which finish marks with /Alt. */
typedef struct pg_alt {
	int page;	  /* 0-based */
	int index, nimages;
	const char *text; /* UTF-8 */
} pg_alt;

/* A structure element of a tagged PDF, in the order they begin (the
 * preorder of cairo's structure tree): what cairo cannot write, which
 * finish adds.  cont: the element it continues (an earlier index: the
 * two are one), or -1. */
typedef struct pg_tag {
	const char *name;
	const char *alt; /* a figure's alternative text, or NULL */
	int cont;
	int rows, cols;	 /* a table cell's span (0 or 1: none) */
} pg_tag;

/* Starts empty ({ 0 }); the strings are the list's own. */
typedef struct pg_marks {
	pg_link *links;
	int nlinks, caplinks;
	pg_field *fields; /* in the order met: the signing order */
	int nfields, capfields;
	pg_alt *alts; /* by page, then index */
	int nalts, capalts;
	pg_tag *tags; /* in the order they begin */
	int ntags, captags;
} pg_marks;

/* Append one (dest, name copied); they never fail (out of memory aborts). */
void pg_marks_link(pg_marks *m, int page, double x, double y, double w,
		   double h, const char *dest);
void pg_marks_field(pg_marks *m, int page, double x, double y, double w,
		    double h, const char *name);
void pg_marks_alt(pg_marks *m, int page, int index, int nimages, const char *text);
/* Returns the new element's index. */
int pg_marks_tag(pg_marks *m, const char *name, const char *alt, int cont,
		 int rows, int cols);
/* The last link is in structure element tag. */
void pg_marks_link_tag(pg_marks *m, int tag);
/* Frees what m holds and empties it. */
void pg_marks_clear(pg_marks *m);

#endif
