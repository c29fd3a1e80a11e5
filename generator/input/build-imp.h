/*
 * build-imp.h — building a model from a libxml2 tree; shared inside
 * generator/input only.
 *
 * A reader walks the tree with a builder (bld): the arena the model goes
 * into, the diagnostics, and a table of the ids declared so far, each
 * with its kind, so that a reference to a node of the wrong kind says
 * what it names and where.  The tree may be invalid (the reader reports
 * every problem in one run), so each function takes what it recognises
 * and skips the rest; a value that does not parse is diagnosed, located,
 * and read as "absent" (0, NULL, -1, as each says).  Every result is the
 * arena's.
 *
 * build.c holds the helpers any reader uses: elements, text, inline
 * spans, values, images, ids.  The plan's reader is build-plan.c (the
 * root) with build-narrative.c, build-strategy.c, build-budget.c and
 * build-poa.c; their functions carry the DTD content model they read.
 *
 * Kinds of id: the plan's are enum pg_kind (model/plan.h); a reader's
 * own kinds number from PG_NKINDS on, named by its bld.kind_name.  A
 * document that cites a plan (a progress file naming the plan's
 * activities) sets bld.cited: bld_resolve then looks an id up in its own
 * table first, then in the plan's index (pg_plan_find).
 */
#ifndef PG_INPUT_BUILD_IMP_H
#define PG_INPUT_BUILD_IMP_H

#include <stdint.h>
#include <libxml/hash.h>
#include <libxml/tree.h>

#include "input-imp.h"

typedef struct bld bld;

struct bld {
	arena *a;
	diag *d;
	const char *name;	/* the file, for diagnostics */
	char *dir;		/* its folder, for images */
	xmlHashTablePtr ids;	/* id -> its pg_idref */
	/* What messages call the reader's own kinds, PG_NKINDS on
	 * (kind_name[k - PG_NKINDS]); NULL if it has none. */
	const char *const *kind_name;
	const pg_plan *cited;	/* a plan whose ids may be cited, or NULL */

	/* The plan's reader's. */
	pg_plan *p;
	xmlHashTablePtr risk_nums; /* "24" -> the first risk numbered 24 */
	int units;		   /* so far */

	/* Characters no font has, warned of once each (build.c). */
	unsigned long boxes[16];
	int nboxes;
};

/* ---- build.c: the helpers of every reader ---- */

/* A builder for the document `name` (its folder is where images are
 * looked for); the rest of *b is zeroed.  bld_done frees its tables. */
void bld_init(bld *b, const char *name, arena *a, diag *d);
void bld_done(bld *b);

/* n is the element `name`. */
int bld_is(const xmlNode *n, const char *name);
/* n's first child element `name`, or NULL (n may be NULL). */
const xmlNode *bld_child(const xmlNode *n, const char *name);
/* for each child element c of n: each_child(c, n) { ... } */
#define each_child(c, n) \
	for (const xmlNode *c = (n)->children; c; c = c->next) \
		if (c->type == XML_ELEMENT_NODE)

/* An error at n's line (n may be NULL: no line). */
void bld_err(bld *b, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Characters (not bytes) of UTF-8 text. */
long bld_chars(const char *s);
/* An attribute's value, white space collapsed; NULL if absent.  Longer
 * than PG_MAX_TEXT: diagnosed, and returned all the same. */
const char *bld_attr(bld *b, const xmlNode *n, const char *name);
/* The whole text content of n, collapsed; NULL if n is NULL. */
const char *bld_text(bld *b, const xmlNode *n);
/* (#PCDATA | b | i | nota | br)* as a list of spans; NULL if empty. */
pg_span *bld_spans(bld *b, const xmlNode *n);
/* n's spans as a list item (its next is NULL). */
pg_item *bld_item(bld *b, const xmlNode *n);

/* Attribute `name`'s value v (NULL: absent) as a number from 1 to
 * 100000; 0 if absent or with a diagnostic. */
int bld_number(bld *b, const xmlNode *n, const char *name, const char *v);
/* meses="1-3 7 9-12" as a 12-bit mask (bit 0 = January); each bad
 * token diagnosed and skipped. */
unsigned bld_months(bld *b, const xmlNode *n, const char *v);
/* An amount "1234567.89" in cents; -1 if absent or with a diagnostic. */
int64_t bld_amount(bld *b, const xmlNode *n, const char *name, const char *v);
/* v is a date YYYY-MM-DD that exists (or YYYY-MM if month_ok). */
int bld_date_ok(const char *v, int month_ok);
/* v if it is such a date or NULL; NULL with a diagnostic if not. */
const char *bld_date(bld *b, const xmlNode *n, const char *name,
		     const char *v, int month_ok);
/* The image file (PNG or JPEG) that attribute `name` names, as a path
 * relative to the cwd; NULL if absent or with a diagnostic. */
const char *bld_image(bld *b, const xmlNode *n, const char *name);
/* "centro", "derecha", anything else (NULL too): left. */
enum pg_align bld_align(const char *v);

/* Declares that `id` (NULL or empty: nothing) names node, of kind k,
 * at n's line.  A repeated id keeps the first (the DTD reports it). */
void bld_declare(bld *b, const xmlNode *n, const char *id, int kind,
		 void *node);
/* The node of kind k that `id` (the value of attribute attrname of n)
 * names; NULL if id is NULL, or with a diagnostic when no node has this
 * id or it names a node of another kind (saying which, and where). */
void *bld_resolve(bld *b, const xmlNode *n, const char *attrname,
		  const char *id, int kind);
/* IDREFS: attribute attrname's ids resolved, a NULL-terminated array
 * (those that do not resolve are diagnosed and left out). */
const void **bld_resolve_list(bld *b, const xmlNode *n, const char *attrname,
			      int kind);
/* Every id declared, in no order, and their number in *n: for
 * pg_plan_set_ids. */
pg_idref *bld_ids(bld *b, int *n);

/* ---- the plan's reader: the parts build-plan.c puts together ---- */

/* build-plan.c: <firmantes> and <aprobacion> into b->p (a progress
 * file's too, into a plan of its own) */
void bld_signatories(bld *b, const xmlNode *n);
void bld_approval(bld *b, const xmlNode *n);
/* build-avance.c: v (an attribute's path) relative to the folder dir. */
char *bld_relative(arena *a, const char *dir, const char *v);
/* The plan at path v (relative to b's file): read, validated, checked;
 * NULL with its errors and a located one at n. */
const pg_plan *bld_plan_file(bld *b, const xmlNode *n, const char *v);
/* The progress report at path v, against the one of plans[0..nplans)
 * it names; NULL with its errors and a located one at n. */
const pg_progress *bld_progress_file(bld *b, const xmlNode *n, const char *v,
				     const pg_plan *const *plans, int nplans);
/* build-narrative.c: one block of the narrative (NULL if n is none, or
 * it is dropped), the plan's blocks reading b->p. */
pg_block *bld_block(bld *b, const xmlNode *n);
/* build-narrative.c */
pg_section *bld_section(bld *b, const xmlNode *n);
pg_block *bld_paragraphs(bld *b, const xmlNode *n);
/* build-strategy.c: into b->p */
void bld_pei(bld *b, const xmlNode *n);
pg_unit *bld_unit(bld *b, const xmlNode *n, const pg_unit *parent);
void bld_action_plan(bld *b, const xmlNode *n);
/* build-budget.c: into b->p */
void bld_budget(bld *b, const xmlNode *n);
void bld_risks(bld *b, const xmlNode *n);
/* The first risk of the catalogue numbered num, or NULL. */
const pg_risk *bld_risk_by_num(bld *b, int num);
/* <presupuesto-tabla parte="..."> as a part (NULL, unknown: income). */
enum pg_budget_part bld_budget_part(const char *v);
/* The elements of the parts, by enum pg_budget_part. */
extern const char *const bld_budget_part_name[4];
/* build-poa.c */
pg_result *bld_result(bld *b, const xmlNode *n);
pg_poa *bld_poa(bld *b, const xmlNode *n);

#endif
