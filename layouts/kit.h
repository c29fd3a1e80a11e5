/*
 * kit.h — the layout kit: what the documents of plangen are made of.
 *
 * A document (the annual plan, the quarterly progress booklet, the
 * accountability report) is a body function laid out twice over one
 * kit_doc: the first pass emits nothing and learns on which page each
 * heading of the contents falls, the second prints them (the contents'
 * own length does not depend on the numbers, so both passes break
 * alike).  The kit gives the document its pages (portrait, landscape),
 * every page's footer with the page number and the sign-off of the
 * approving officials, the cover, the contents, numbered captions, the
 * approval page with each signatory's signature field, the narrative
 * blocks, and the builders every document shares: the POA matrix and
 * its Cronograma, the budget tables and charts, the organisation chart
 * and the strategic plan's figure.
 *
 * Sizes and colours come from the theme, printed words from the words
 * table of the document's language; spans, strings and arrays the kit
 * makes live in the doc's arena until kit_doc_free.
 */
#ifndef PG_LAYOUTS_KIT_H
#define PG_LAYOUTS_KIT_H

#include <glib.h>

#include "../generator/devices/device.h"
#include "../generator/layout/engine.h"
#include "../generator/model/plan.h"
#include "../generator/model/figures.h"
#include "../generator/model/progress.h"
#include "theme.h"
#include "words.h"

typedef struct kit_doc kit_doc;

/* A heading of the contents: its number ("2.1", or NULL), title,
 * destination, level (1 = top) and, after pass 1, its page. */
typedef struct kit_heading {
	const char *number, *title, *dest;
	int level, page;
} kit_heading;

/* How the document lays out each kind of narrative block (NULL: it
 * does not have it). */
typedef void (*kit_block_fn)(kit_doc *c, const pg_block *b);

struct kit_doc {
	/* Set by kit_doc_init. */
	eng *e;
	const theme *th;
	const words *w;
	device *dev;
	diag *d;
	arena *a;
	/* Set by the document before kit_doc_layout. */
	const pg_signatory *const *approvers; /* every footer's sign-off */
	const kit_block_fn *blocks;	      /* by enum pg_block_kind */
	void *self;			      /* the document's own */
	const char *file; /* its source, for the flow's located errors */
	/* The pass under way. */
	flow *f;
	int pass; /* 1: learning page numbers, emitting nothing; 2: output */
	int table_no, figure_no, note_no;
	int landscape;
	/* The pages in force: the theme's, their bottom margin grown by
	 * the footer's rows of approvers past the first (kit_footer_extra). */
	eng_page page_portrait, page_landscape;
	/* Set by the body in pass 1 when nothing after this point moves a
	 * heading of the contents: the kit's loops end the pass there. */
	int done;
	kit_heading **toc; /* in reading order */
	int ntoc, captoc;
	int next_heading; /* the next kit_heading_next hands out */
	GHashTable *toc_by_dest;
};

/* What a document's PDF says of itself: its metadata, who signs it
 * (their signature fields, in order), why and where, its language. */
typedef struct kit_info {
	dev_meta meta;
	char date[32]; /* meta.date's text */
	const char *file; /* the source, as named */
	const pg_signatory *const *approvers;
	const char *reason, *place;
	const char *lang;
	const char *source_desc, *dtd_desc; /* the attached files' */
} kit_info;

/* kit-doc.c: i cleared, then what every document's PDF says the same
 * way: its source file, language, date (YYYY-MM(-DD), at midnight), the
 * attached files' descriptions, its signatories and approval. */
void kit_info_init(kit_info *i, const words *w, const char *file, const char *lang,
		   const char *date, const pg_signatory *const *approvers,
		   const char *reason, const char *place);

/* ---- kit-doc.c: the document, its passes and pages ---- */

void kit_doc_init(kit_doc *c, eng *e, const theme *th, const words *w,
		  device *dev, diag *d);
void kit_doc_free(kit_doc *c);
/* Lays the document out: body in pass 1, then in pass 2 into the
 * device, one page at a time.  0, or -1 when the flow failed (a device
 * error, a block that cannot be placed: diagnosed): the flow's
 * FLOW_EMIT_FAILED or FLOW_UNPLACEABLE. */
int kit_doc_layout(kit_doc *c, void (*body)(kit_doc *c));
/* The next pages portrait (a new page if they were landscape), or
 * landscape (always a new page). */
void kit_portrait(kit_doc *c);
void kit_landscape(kit_doc *c);
/* A paragraph of rich text (or plain text when text is NULL) with the
 * space before and after it; keep: on the same page as the next. */
void kit_para(kit_doc *c, const pg_span *text, const char *plain,
	      const eng_style *st, const para_opts *o, double before,
	      double after, int keep);

/* ---- kit-text.c: rich text made on the fly, amounts, dates ---- */

pg_span *kit_span(kit_doc *c, const char *text, int style);
pg_span *kit_linebreak(kit_doc *c);
/* A copy of list a, then b (b itself is shared). */
pg_span *kit_cat(kit_doc *c, const pg_span *a, pg_span *b);
/* "code text" with the code in bold, or the text alone. */
pg_span *kit_coded(kit_doc *c, const char *code, const pg_span *text);
/* Items one per line; items joined as "A, B, C y D". */
pg_span *kit_lines(kit_doc *c, const pg_item *it);
pg_span *kit_joined(kit_doc *c, const pg_item *it);
/* A text's words, without styles, breaks (a space) or footnotes. */
const char *kit_plain(kit_doc *c, const pg_span *s);
/* "$ 2,332,273.00", or "$ -" for zero. */
const char *kit_money(kit_doc *c, int64_t cents);
/* "$ 2,332,273.00 (45.7 %)": the amount and its share of the total. */
const char *kit_money_share(kit_doc *c, int64_t cents, int64_t total);
/* "30 de noviembre de 2018" (YYYY-MM-DD), "noviembre de 2018" (YYYY-MM);
 * "31/Dic/2016"; the text as given if it is not such a date. */
const char *kit_date_long(kit_doc *c, const char *iso);
const char *kit_date_short(kit_doc *c, const char *iso);

/* ---- kit-contents.c: headings and the contents ---- */

/* A heading, added before the passes in reading order; dest unique. */
kit_heading *kit_toc_add(kit_doc *c, const char *number, const char *title,
			 int level, const char *dest);
/* The headings handed out in order, one per kit_heading_para. */
kit_heading *kit_heading_next(kit_doc *c);
/* Contents: a title (title, or the words' "Contenido"), then every
 * heading of levels 1 and 2 with dotted leaders to its page, linked;
 * then a new page. */
void kit_contents(kit_doc *c, const char *title);
/* A heading's paragraph: "2.1   Title", its destination and outline. */
void kit_heading_para(kit_doc *c, const kit_heading *h);

/* ---- kit-cover.c ---- */

/* The cover page: title, subtitle, institution lines, date (each but
 * title may be NULL), then a new page. */
void kit_cover(kit_doc *c, const char *title, const char *subtitle,
	       const pg_item *lines, const char *date);
/* The same with a photo (NULL: none) under the title, alt what it shows,
 * caption printed under it (or NULL). */
void kit_cover_photo(kit_doc *c, const char *title, const char *subtitle,
		     const pg_item *lines, const char *date, const char *photo,
		     const char *alt, const char *caption);

/* Everything a cover may show (NULL or 0: not there): logos at the top,
 * institution lines above the title, title, subtitle, photo (alt what
 * it shows, caption under it), institution lines, date, and signers
 * (NULL-terminated) whose stamps, signatures and cargos sit at its foot. */
typedef struct kit_cover_spec {
	const char *title, *subtitle, *date;
	const pg_item *lines_above, *lines;
	const pg_logo *logos;
	const char *photo, *alt, *caption;
	const pg_signatory *const *signers;
} kit_cover_spec;
void kit_cover_draw(kit_doc *c, const kit_cover_spec *s);

/* ---- kit-signoff.c: the footer and the approval page ---- */

/* How much taller than the theme's footer_h the footer is on a page of
 * geometry ps: the approvers go in rows of as many as the width holds
 * (footer_block_w each), every row past the first taking room from the
 * body, on every page of that geometry alike. */
double kit_footer_extra(const kit_doc *c, const eng_page *ps);
/* Draws page pg's footer: a rule, the sign-off of c->approvers, the
 * page number; the cover (page 1) has none.  (The flow's finish.) */
void kit_footer(flow *f, dl_page *pg, void *ud);
/* The reason of an approval: as given, or "Aprobación: title". */
const char *kit_approval_reason(const words *w, const char *reason,
				const char *title, arena *a);
/* The approval page: the reason, place and date (ISO), then one box
 * per approver, two a row, each the field of their signature. */
void kit_approval_page(kit_doc *c, const char *reason, const char *place,
		       const char *date);

/* ---- kit-caption.c ---- */

/* "Tabla No. n. title" and "Fuente. source" under a table or figure
 * (kind: the words' table or figure); either may be NULL.  A title takes
 * the next number of *no (the document's tables or figures): one without
 * a title takes none, so the numbers have no gaps. */
void kit_caption(kit_doc *c, const char *kind, int *no, const char *title,
		 const char *source);
/* The height kit_caption will take, so a figure keeps room for it. */
double kit_caption_room(kit_doc *c, const char *title, const char *source);

/* ---- kit-narrative.c: sections and their blocks ---- */

/* One heading per section, at every depth (numbered 1, 2.1, ...), for
 * kit_sections; dests "sec-<number>". */
void kit_toc_sections(kit_doc *c, const pg_section *s);
/* The sections: each heading on a portrait page, after the text
 * before it (on a new page when the section says pagina="nueva", or
 * for a top section when the theme's chapter_new_page says so), then
 * its blocks through c->blocks.  Sections without text are left out,
 * contents included (pg_section_empty; the reader warns). */
void kit_sections(kit_doc *c, const pg_section *s, int level);
void kit_blocks(kit_doc *c, const pg_block *b);
void kit_paragraph(kit_doc *c, const pg_block *b);
void kit_subtitle(kit_doc *c, const pg_block *b);
void kit_list_block(kit_doc *c, const pg_block *b);
void kit_list(kit_doc *c, enum pg_list_kind k, const pg_item *items);
void kit_table(kit_doc *c, const pg_block *b);
void kit_figure(kit_doc *c, const pg_block *b);
/* A picture at `share` of the width (at most the theme's image_max_h
 * tall), with its numbered caption and source (either may be NULL). */
void kit_photo(kit_doc *c, const char *file, double share, const char *caption,
	       const char *source);

/* ---- kit-grid.c: the small tables of figures ---- */

enum { KIT_GRID_MAX = 8 }; /* columns */
/* A table of n columns, share[i] of the frame each, with a header row of
 * label; its short rows move whole to the next page. */
table *kit_grid(kit_doc *c, int n, const double *share, const char *const *label);
/* Adds it to the flow, with the spacing of tables. */
void kit_grid_add(kit_doc *c, table *t);
/* A semáforo: its name on its colour. */
void kit_light_cell(kit_doc *c, table *t, int col, enum pg_light l);
/* "45.2 %", or the words' "no aplica". */
const char *kit_pct(kit_doc *c, int has, double x);
/* A POA's unit as charts and tables name it: its acronym, its name. */
const char *kit_unit_name(const pg_poa *o);

/* ---- the shared builders ---- */

/* kit-budget.c: one part of the budget as a table (lines, total), or
 * as bars, largest first, with a caption. */
void kit_budget_table(kit_doc *c, const pg_budget *bu, enum pg_budget_part part,
		      const char *caption, const char *source);
void kit_budget_chart(kit_doc *c, const pg_budget *bu, enum pg_budget_part part,
		      const char *caption, const char *source);

/* kit-poa.c: a POA's landscape pages: title, strategic lines, and its
 * matrix (destination "poa-<index>"), whose pages after the first carry
 * the title again, "(continuación)", and the text of the merged cells
 * their rows continue, "(cont.)". */
void kit_poa_matrix(kit_doc *c, const pg_poa *o, int index);
/* The title line of a POA's pages after its first: "TITLE (continuación)". */
const char *kit_continued_title(kit_doc *c, const pg_poa *o);

/* kit-cronograma.c: a POA's Cronograma on landscape pages, from its
 * matrix's last page on when its start fits there
 * (destination "poa-<index>-cronograma", an outline entry at level);
 * nothing if it has no activities.  With pg, the schedule in force and
 * real progress of each activity (pg->reports: o's activities in
 * document order) and the cut-off. */
typedef struct kit_progress {
	const pg_report *reports;
	int cut_month;
} kit_progress;
void kit_cronograma(kit_doc *c, const pg_poa *o, int index, int level,
		    const kit_progress *pg);

/* kit-org.c: the organisation chart with its caption (or the title). */
void kit_org_chart(kit_doc *c, const pg_unit *units, const char *title,
		   const char *caption, const char *source);

/* kit-pei.c: the strategic plan as a diagram, with its caption. */
void kit_pei_figure(kit_doc *c, const pg_pei *pe, const char *caption,
		    const char *source);

/* The POA's text for a specific objective's label ("OBJETIVO ESPECÍFICO 2:"). */
const char *kit_specific_label(kit_doc *c, const pg_specific *s);
/* The label of a POA's month m (0-11): the POA's own, or the words'. */
const char *kit_month_label(kit_doc *c, const pg_poa *o, int m);
/* The style of a POA's month labels in columns col_w wide: the theme's,
 * smaller (down to its fit_size) when the widest label ("May") would
 * touch the column's rules, the same for all twelve. */
eng_style kit_month_style(kit_doc *c, const pg_poa *o, double col_w);

#endif
