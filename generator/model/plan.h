/*
 * plan.h — the document model: one annual Plan de Acción.
 *
 * Plain C structs, built once by the reader (generator/input) inside an
 * arena and freed with it; nothing here knows about XML, Pango or cairo.
 * Lists are singly linked through `next`, in document order.  Every node
 * that a diagnostic may point at carries its source line.  References
 * between nodes (a POA's unit, a specific objective's PEI objectives, a
 * cited risk) are resolved pointers: the reader has checked them.
 *
 * Amounts are integer cents; months are a 12-bit mask (bit 0 = January).
 */
#ifndef PG_MODEL_PLAN_H
#define PG_MODEL_PLAN_H

#include <stdint.h>

#include "text.h"

typedef struct pg_item pg_item;
typedef struct pg_block pg_block;
typedef struct pg_section pg_section;
typedef struct pg_table pg_table;
typedef struct pg_row pg_row;
typedef struct pg_cell pg_cell;
typedef struct pg_unit pg_unit;
typedef struct pg_area pg_area;
typedef struct pg_objective pg_objective;
typedef struct pg_scope pg_scope;
typedef struct pg_risk pg_risk;
typedef struct pg_riskref pg_riskref;
typedef struct pg_header pg_header;
typedef struct pg_activity pg_activity;
typedef struct pg_indicator pg_indicator;
typedef struct pg_result pg_result;
typedef struct pg_specific pg_specific;
typedef struct pg_part pg_part;
typedef struct pg_poa pg_poa;
typedef struct pg_money_line pg_money_line;
typedef struct pg_money_table pg_money_table;
typedef struct pg_signatory pg_signatory;
typedef struct pg_logo pg_logo;
typedef struct pg_plan pg_plan;

/* A list item, a function, a verification source: one piece of text. */
struct pg_item {
	pg_item *next;
	pg_span *text;
	int line;
};

/* ---- narrative ---- */

/* The narrative's blocks, one entry each: its kind, its element, and
 * the name of its build function in the reader (build_<name> in
 * input/build-narrative.c: it reads the element and checks it against
 * the rest of the plan).  Each document lays out the kinds it has
 * through its table of kit_block_fn (layouts/plan.c: BLOCKS).  Adding a
 * block is a line here, a build function, a layout function and its
 * line in the document's table (and the DTD, the guide). */
#define PG_BLOCKS(X)                                                      \
	X(PARAGRAPH, "p", paragraph)                                      \
	X(SUBTITLE, "subtitulo", subtitle)                                \
	X(LIST, "lista", list)                                            \
	X(TABLE, "tabla", table)                                          \
	X(FIGURE, "figura", figure)                                       \
	X(PEI_FIGURE, "figura-pei", pei_figure) /* from pg_plan.pei */    \
	X(LINK_TABLE, "tabla-vinculacion", link_table) /* PEI, Tabla 1 */ \
	X(ACTION_TABLES, "tablas-plan-accion", action_tables) /* by area */ \
	X(FUNCTIONS, "funciones", functions) /* a unit's functions */     \
	X(ORGCHART, "organigrama", orgchart)                              \
	X(BUDGET_TABLE, "presupuesto-tabla", budget)                      \
	X(BUDGET_CHART, "presupuesto-grafico", budget)                    \
	X(POAS, "poas", poas) /* every POA matrix */                      \
	X(PHOTO, "foto", photo) /* a report's photo and its caption */

enum pg_block_kind {
#define PG_BLOCK_ENUM(kind, element, name) PG_BLOCK_##kind,
	PG_BLOCKS(PG_BLOCK_ENUM)
#undef PG_BLOCK_ENUM
	PG_NBLOCKS
};

enum pg_list_kind { PG_LIST_BULLETS, PG_LIST_LETTERS, PG_LIST_NUMBERS };
enum pg_budget_part { PG_INCOME, PG_EXPENSES, PG_SOURCES, PG_DONORS };

struct pg_block {
	pg_block *next;
	enum pg_block_kind kind;
	int line;
	pg_span *text;		/* paragraph, subtitle */
	enum pg_list_kind list; /* list */
	pg_item *items;		/* list */
	pg_table *table;	/* table */
	const char *caption;	/* tables and figures, without "Tabla No. n." */
	const char *source;	/* "Elaboración Propia", without "Fuente." */
	const char *file;	/* figure: absolute or relative to the cwd */
	int width_pct;		/* figure: share of the text width */
	const pg_unit *unit;	/* functions */
	int show_name;		/* functions: the unit's name above them */
	enum pg_budget_part part; /* budget table and chart */
};

struct pg_section {
	pg_section *next;
	const char *id;
	const char *title;
	int numbered;
	int new_page; /* pagina="nueva": 1; "sigue": 0; not given: -1 (the theme's) */
	int line;
	pg_block *blocks;
	pg_section *children;
};

enum pg_row_kind { PG_ROW_NORMAL, PG_ROW_HEADER, PG_ROW_GROUP, PG_ROW_TOTAL };
enum pg_align { PG_ALIGN_LEFT, PG_ALIGN_CENTER, PG_ALIGN_RIGHT };

struct pg_cell {
	pg_cell *next;
	pg_span *text;
	int rows, cols; /* spans, at least 1 */
	enum pg_align align;
};

struct pg_row {
	pg_row *next;
	enum pg_row_kind kind;
	pg_cell *cells;
	int line;
};

struct pg_table {
	int ncols;
	double *widths; /* ncols relative widths, summing to 1 */
	pg_row *rows;
};

/* ---- cover and sign-off ---- */

struct pg_logo {
	pg_logo *next;
	const char *file;
	enum pg_align position;
	int line;
};

struct pg_signatory {
	pg_signatory *next;
	const char *id, *cargo, *name;
	const char *signature, *stamp; /* image files, or NULL */
	int line;
};

/* ---- strategic plan, action plan ---- */

struct pg_objective {
	pg_objective *next;
	const char *id;
	int num;
	const char *text;
	const pg_area *area;
	int line;
};

struct pg_area {
	pg_area *next;
	const char *id;
	int num;
	const char *name;
	pg_block *description; /* paragraphs */
	pg_objective *objectives;
	int line;
};

typedef struct pg_pei {
	const char *title, *period;
	const char *mission, *vision, *goal; /* each may be NULL */
	pg_item *values;
	pg_area *areas;
} pg_pei;

struct pg_scope {
	pg_scope *next;
	const char *id;
	const pg_objective *objective;
	pg_span *text;
	pg_result *results;
	int line;
};

/* <area-accion>: how the action plan names one PEI area over its table
 * (its own name, a banner row atop the table), when it differs. */
typedef struct pg_action_area {
	struct pg_action_area *next;
	const pg_area *area;
	const char *name, *banner; /* either may be NULL */
} pg_action_area;

typedef struct pg_action_plan {
	const char *title;
	pg_action_area *areas;
	pg_scope *scopes;
} pg_action_plan;

/* ---- organisation ---- */

enum pg_level { PG_DIRECTIVE, PG_ADVISORY, PG_SUPPORT, PG_OPERATIVE };

struct pg_unit {
	pg_unit *next; /* sibling */
	const char *id, *name, *acronym;
	enum pg_level level;
	pg_item *functions;
	pg_unit *children;
	const pg_unit *parent;
	int line;
};

/* ---- budget ---- */

enum pg_source_kind { PG_OWN_FUNDS, PG_DONATIONS, PG_OTHER_FUNDS };

struct pg_money_line {
	pg_money_line *next;
	const char *label;
	int64_t cents;
	enum pg_source_kind source; /* funding sources only */
	const char *end_date;	    /* donors only: YYYY-MM-DD or NULL */
	int line;
};

struct pg_money_table {
	const char *title, *total_label; /* NULL: the layout's default */
	int has_total;
	int64_t total; /* the stated total, or the sum of the lines */
	pg_money_line *lines;
	int line;
};

typedef struct pg_budget {
	const char *currency;
	pg_money_table *part[4]; /* by enum pg_budget_part; NULL if absent */
} pg_budget;

/* ---- risks ---- */

struct pg_risk {
	pg_risk *next;
	int num;
	const char *text;
	int line;
};

/* A risk cited in a POA: the catalogue's, or text of its own. */
struct pg_riskref {
	pg_riskref *next;
	const pg_risk *risk; /* NULL: text only */
	pg_span *text;	     /* NULL: the catalogue's text */
	int line;
};

/* ---- Planes Operativos Anuales ---- */

/* A full-width header line of a matrix, with its label. */
struct pg_header {
	pg_header *next;
	const char *label; /* may be NULL */
	pg_span *text;
	int line;
};

/* Who, with what money, at what risk.  Set on a result or indicator, it
 * holds for all the rows below it (a merged cell). */
typedef struct pg_exec {
	pg_span *responsible;
	pg_span *funding;
	pg_riskref *risks;
	int risk_style; /* its element's riesgos=, an enum pg_risk_style; -1: the POA's */
} pg_exec;

struct pg_activity {
	pg_activity *next;
	const char *id, *code;
	unsigned months; /* bit m-1 set: runs in month m */
	const char *months_text; /* meses as written, or NULL */
	pg_span *text;
	pg_item *sources;
	pg_exec exec;
	int line;
};

struct pg_indicator {
	pg_indicator *next;
	const char *id, *code;
	int deadline; /* month 1-12, 0 if none: the last of deadlines */
	unsigned deadlines; /* bit m-1: month m is a deadline (plazo="1 7") */
	pg_span *text;
	pg_item *sources;
	pg_exec exec;
	pg_activity *activities;
	int line;
};

struct pg_result {
	pg_result *next;
	const char *id, *code;
	pg_span *text;
	pg_exec exec;
	pg_indicator *indicators;
	int line;
};

struct pg_specific {
	pg_specific *next;
	const char *id, *num, *label;
	const char *pei_label;	  /* <objetivo-especifico etiqueta-pei>, or NULL: the POA's */
	const pg_objective **pei; /* NULL-terminated, may be empty */
	const pg_scope *scope;	  /* may be NULL */
	pg_header *headers;
	pg_span *text;
	pg_result *results;
	int line;
};

/* A titled part of a POA (apartado); a POA without parts has one part
 * whose title is NULL. */
struct pg_part {
	pg_part *next;
	const char *title;
	pg_header *headers;
	pg_specific *objectives;
	int line;
};

/* The matrix's column labels; NULL means the layout's default. */
enum pg_column {
	PG_COL_RESULTS,
	PG_COL_INDICATORS,
	PG_COL_SOURCES,
	PG_COL_ACTIVITIES,
	PG_COL_TIME,
	PG_COL_PERIOD,
	PG_COL_RESPONSIBLE,
	PG_COL_FUNDING,
	PG_COL_RISK,
	PG_NCOLUMNS
};

struct pg_poa {
	pg_poa *next;
	const char *id, *title;
	const pg_unit *unit;
	const pg_area *area;		 /* may be NULL */
	const pg_objective **objectives; /* NULL-terminated, may be empty */
	const char *label[PG_NCOLUMNS];
	const char *month_label[12]; /* all NULL: the layout's default */
	pg_header *headers;
	pg_part *parts;
	/* <poa etiqueta-pei>: the label of its PEI objectives as it prints
	 * it (NULL: the words'); ending in ':', the objectives follow it as
	 * "n. text" in one line. */
	const char *pei_label;
	/* <poa riesgos>: a cell's risks one a line (the default), or in one
	 * paragraph numbered "1. a, 2. b" or "1- a 2- b", or "a, b". */
	enum pg_risk_style { PG_RISKS_LINES, PG_RISKS_NUMBERS, PG_RISKS_DASHES,
			     PG_RISKS_COMMAS } risk_style;
	int line;
};

/* ---- ids ---- */

/* What an id (an ID attribute of the DTD) names. */
enum pg_kind {
	PG_KIND_SIGNATORY,	/* pg_signatory */
	PG_KIND_AREA,		/* pg_area */
	PG_KIND_OBJECTIVE,	/* pg_objective */
	PG_KIND_SCOPE,		/* pg_scope */
	PG_KIND_UNIT,		/* pg_unit */
	PG_KIND_POA,		/* pg_poa */
	PG_KIND_SPECIFIC,	/* pg_specific */
	PG_KIND_RESULT,		/* pg_result */
	PG_KIND_INDICATOR,	/* pg_indicator */
	PG_KIND_ACTIVITY,	/* pg_activity */
	PG_NKINDS
};

/* One id and the node it names: `node` is a pointer to the struct that
 * `kind` (an enum pg_kind) says. */
typedef struct pg_idref {
	const char *id;
	int kind;
	void *node;
	int line;
} pg_idref;

/* ---- the plan ---- */

struct pg_plan {
	const char *file; /* as named on the command line */
	int year;
	const char *date; /* YYYY-MM-DD or YYYY-MM */
	const char *institution;
	const char *language;
	enum pg_paper { PG_LETTER, PG_A4 } paper;

	const char *title, *subtitle, *cover_date;
	pg_item *cover_lines;	    /* institution lines, under the title */
	pg_item *cover_lines_above; /* those written before the title */
	int cover_signoff;	    /* <portada firmas="si">: the approvers on the cover */
	pg_logo *logos;

	pg_signatory *signatories;
	const pg_signatory **approvers; /* NULL-terminated, may be empty */
	const char *approval_reason, *approval_place, *approval_date;

	pg_section *sections;
	const char *contents_title; /* <cuerpo contenido>, or NULL */
	pg_pei *pei;		/* may be NULL */
	pg_action_plan *action; /* may be NULL */
	const char *org_title;
	pg_unit *units; /* roots of the organisation tree */
	pg_budget *budget;
	pg_risk *risks;
	pg_poa *poas;

	pg_idref *ids; /* every id, sorted (pg_plan_set_ids) */
	int nids;
};

/* model/plan.c: makes v[0..n) p's index of ids, sorting it in place;
 * the ids must be unique.  v is the caller's (the arena's, like p). */
void pg_plan_set_ids(pg_plan *p, pg_idref *v, int n);

/* model/plan.c: the node that `id` names in p, with its kind and line,
 * or NULL if no node has this id.  This is how a document read after a
 * plan (a progress file citing an activity) finds the plan's nodes:
 *   const pg_idref *r = pg_plan_find(p, "uj-o1-r1-i1-a1");
 *   if (r && r->kind == PG_KIND_ACTIVITY) { pg_activity *a = r->node; ... }
 * The result lives as long as p. */
const pg_idref *pg_plan_find(const pg_plan *p, const char *id);

/* model/plan.c: whether a section has no blocks and no subsection that
 * has (it is not printed: the reader warns of it). */
int pg_section_empty(const pg_section *s);

/* ---- the rows of the tables the layout makes from the model ----
 *
 * Each count is the layout's (layouts/plan.c), stated here so that the
 * reader holds every table to PG_MAX_TABLE_ROWS before the layout runs,
 * and so that the layout can assert what it built against them. */

/* model/poa.c: whether a PEI objectives' label (etiqueta-pei) puts them
 * all in one line ("LABEL: 1. text. 3. text": it ends in ':' or '.'),
 * rather than one row each ("LABEL 1: text"). */
int pg_pei_label_one_line(const char *label);

/* model/poa.c: the rows of a POA's matrix: its header rows, a group row
 * per part title, header, cited PEI objective, scope and specific
 * objective, and the rows of each result (poa.c says it in full). */
long pg_poa_matrix_rows(const pg_poa *o);
/* model/poa.c: a result's rows in the matrix: one per activity, one
 * for an indicator without activities, one for a result without
 * indicators. */
long pg_poa_result_rows(const pg_result *r);

/* model/plan.c: a scope's rows in its area's action-plan table: one per
 * indicator of its results, one for a result without indicators, one
 * for a scope without results. */
long pg_scope_rows(const pg_scope *s);
/* model/plan.c: the rows of the action plan's table for area a: a
 * header row, then pg_scope_rows of each scope whose objective is a's. */
long pg_action_table_rows(const pg_plan *p, const pg_area *a);
/* model/plan.c: the rows of the table linking the PEI to the action
 * plan (Tabla No. 1): a header row, then for each PEI objective a row
 * per scope citing it, or one row if none does; 0 without a PEI or an
 * action plan (there is no table). */
long pg_link_table_rows(const pg_plan *p);
/* model/plan.c: the rows of a budget part's table: a header row, a row
 * per line, the total. */
long pg_money_table_rows(const pg_money_table *t);

/* The 12-bit mask of every month. */
#define PG_ALL_MONTHS 0xfffu

/* Limits of a model.  The reader refuses a plan beyond them with a
 * located error (input/GUIA.md lists them for the planners), so that the
 * layout never has to drop content and no plan takes unbounded time or
 * memory.  Each is far above what a printed plan holds. */
enum {
	PG_MAX_TEXT = 100000,	   /* characters of one text or attribute */
	PG_MAX_TABLE_ROWS = 2000,  /* rows of any table, a POA matrix too */
	PG_MAX_TABLE_COLUMNS = 64, /* columns of a hand-written table */
	PG_MAX_HEADER_ROWS = 16,   /* header rows repeated on every page */
	PG_MAX_APPROVERS = 8,	   /* signatories in every page's foot */
	PG_MAX_ORG_UNITS = 500,   /* units of the organisation (its chart) */
	PG_MAX_MONTH_LABEL = 4,	   /* characters of a month's label */
	PG_MAX_CELL_RISKS = 128,   /* risks cited in one matrix cell */
};

#endif
