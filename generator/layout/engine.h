/*
 * engine.h — the typesetting engine: text, blocks, page flow.
 *
 * The engine knows nothing about plans.  Layouts (layouts/) give it
 * styled text and blocks; it breaks them into lines and pages and records
 * what to draw in a display list, one page at a time, which devices
 * (generator/devices) play.  Units are PostScript points.
 *
 * Text is set with Pango at a resolution of 72 (one Pango point is one
 * unit), without hinting or glyph-position rounding, with fonts from
 * plangen's own fontconfig configuration, and Spanish words hyphenated
 * through libhyphen by soft hyphens (Pango has no dictionary).
 */
#ifndef PG_ENGINE_H
#define PG_ENGINE_H

#include <pango/pango.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../display/record.h"
#include "../model/text.h"

typedef struct eng eng;

/* Finds the fonts (PLANGEN_FONTS, then fonts/ beside the binary or the
 * working folder, then PREFIX/share/plangen/fonts) and the hyphenation
 * dictionary.  NULL with a diagnostic when the fonts are missing. */
eng *eng_new(const char *argv0, diag *d);
/* eng_new in two steps, so that the engine may be made on another
 * thread while the input is read: eng_make (the fonts, the hyphenation
 * dictionary, the helper threads: any one thread), then eng_adopt on
 * the thread that is to set text with it. */
eng *eng_make(const char *argv0, diag *d);
void eng_adopt(eng *e);
/* That fonts folder, absolute (g_free it), or NULL when there is none. */
char *eng_fonts_dir(const char *argv0);
void eng_free(eng *e);
/* The language of the texts set from now on ("es", "en-US": its primary
 * subtag counts): Pango's, and the hyphenation dictionary's (a warning
 * when there is none for it).  Spanish until set. */
void eng_set_language(eng *e, const char *lang, diag *d);

/* ---- styles ---- */

enum eng_align { ENG_LEFT, ENG_CENTER, ENG_RIGHT, ENG_JUSTIFY };

typedef struct eng_style {
	const char *family;
	double size;	/* points */
	double leading; /* line height as a multiple of size; 0: the font's */
	int bold, italic;
	uint32_t color; /* 0xRRGGBB */
	enum eng_align align;
	/* Justified text: hyphenated throughout.  Any text, whatever this
	 * says: a word wider than the width breaks at a syllable. */
	int hyphenate;
	/* A word wider than the width (a column header): the text is set
	 * smaller, by quarter points down to this size, before any word is
	 * broken; broken only if it is still wider there (0: no shrinking). */
	double fit_size;
} eng_style;

/* ---- text ---- */

/* A paragraph of styled spans set in `width` points; first_indent moves
 * its first line.  Footnote marks become superscript numbers from
 * *note_number on (incremented); their texts are not part of the layout.
 * The caller owns the result (g_object_unref). */
PangoLayout *eng_text(eng *e, const pg_span *spans, const eng_style *st,
		      double width, int *note_number);
/* The same for a plain string. */
PangoLayout *eng_plain(eng *e, const char *text, const eng_style *st,
		       double width);
/* One word aligned in `width` and never broken, even if it is wider
 * (into a cell's padding). */
PangoLayout *eng_word(eng *e, const char *word, const eng_style *st,
		      double width);
/* Layouts returned are shared (a cache of the texts set lately): they
 * must not be changed.  They are measured (lines and extents computed
 * and kept in them): reading them changes nothing. */
/* Runs fn(e', i, ud) for every i in [0, n), on e's threads at once
 * (one a processor, or $PLANGEN_THREADS), and returns when all have
 * run.  e' is the engine of the thread fn runs on: fn sets its texts
 * with it, and touches nothing but item i's own data.  The layouts it
 * makes are the same as e's would be, and are the caller's once
 * eng_each returns. */
typedef void (*eng_each_fn)(eng *e, int i, void *ud);
void eng_each(eng *e, int n, eng_each_fn fn, void *ud);
/* The same begun, not waited for: the items run in the order of i
 * while the caller goes on, and eng_wait(e, ticket, k) returns when
 * items [0, k) have run (running those not begun yet itself).  Until
 * then the caller touches none of them.  Of a layout an item made, the
 * caller reads what the item computed (its lines, eng_lines_get) and
 * draws it; it does not set it again.  Starting another batch first
 * waits for this one whole. */
int eng_start(eng *e, int n, eng_each_fn fn, void *ud);
void eng_wait(eng *e, int ticket, int upto);
/* Height in points of a layout; natural width of its widest line. */
double eng_height(PangoLayout *l);
double eng_width(PangoLayout *l);

/* Where each line of a layout sits, relative to the layout's top. */
typedef struct eng_lines {
	int n;
	double *top, *bottom, *baseline;
	double *x; /* left of each line: alignment, indent */
	PangoLayoutLine **line; /* borrowed from the layout */
} eng_lines;
void eng_lines_get(PangoLayout *l, eng_lines *out);
void eng_lines_free(eng_lines *ls);
/* Draws every line of l with its top-left corner at x, top. */
void eng_draw(dl_page *pg, PangoLayout *l, double x, double top,
	      uint32_t color);

/* ---- pages and flow ---- */

/* A page: size and the frame text flows in (margins). */
typedef struct eng_page {
	double w, h;
	double top, bottom, left, right;
} eng_page;

typedef struct flow flow;

/* How a flow fails (flow_failed, flow_end).  The first failure is kept,
 * and from then on the flow does no more work: flow_add frees its block
 * unplaced, no page is finished or emitted.  The queries (flow_page,
 * flow_room, ...) still answer, on a page that is never emitted, so
 * that callers need no checks; a caller's own long loop may test
 * flow_failed once per round to stop early. */
enum {
	FLOW_EMIT_FAILED = -1, /* an emit returned -1 (a write error) */
	/* A block placed nothing on an empty page: the input's fault,
	 * reported with the place flow_at named. */
	FLOW_UNPLACEABLE = -2,
};

/* Called when a page is complete, before it is emitted: headers,
 * footers, footnotes are the caller's to draw on it. */
typedef void (*flow_finish_fn)(flow *f, dl_page *p, void *ud);
/* Gets each finished page; returns 0, or -1 to stop (a write error). */
typedef int (*flow_emit_fn)(dl_page *p, void *ud);

/* A flow reports its located errors (a block that cannot be placed) to
 * d (NULL: not reported, only failed). */
flow *flow_new(eng *e, const eng_page *ps, flow_finish_fn fin,
	       flow_emit_fn emit, void *ud, diag *d);
/* Where the blocks added next come from, for the errors about them:
 * file (borrowed: it must outlive the flow, or the next flow_at) and
 * line (0: the file alone).  The layout calls it before each element. */
void flow_at(flow *f, const char *file, long line);
/* The footnotes' rule: the gap between the text and the notes (the rule
 * in its middle), the rule's length, width and colour.  Until set:
 * 6 pt, 144 pt, 0.5 pt, black. */
typedef struct flow_notes {
	double gap, rule_w, rule_lw;
	uint32_t rule_color;
} flow_notes;
void flow_set_notes(flow *f, const flow_notes *n);
/* Pages from the next one on have this geometry. */
void flow_set_page(flow *f, const eng_page *ps);
/* Ends the current page (if it has anything); the next block starts a
 * new one. */
void flow_break(flow *f);
/* Places the blocks still held and emits the last page; returns 0, or
 * the first failure (FLOW_EMIT_FAILED, FLOW_UNPLACEABLE). */
int flow_end(flow *f);
void flow_free(flow *f);

/* For blocks: the current page (started on demand), the frame, the
 * next y, the room left above the footnotes, and whether nothing has
 * been placed on this page yet. */
dl_page *flow_page(flow *f);
eng *flow_eng(flow *f);
double flow_x(flow *f);
double flow_width(flow *f);
double flow_y(flow *f);
double flow_room(flow *f);
int flow_fresh(flow *f);
void flow_advance(flow *f, double dy);
int flow_page_number(flow *f);
/* The height of the current page's whole frame (what a fresh page
 * offers a block, footnotes aside). */
double flow_frame_height(flow *f);
/* 0, or the first failure (FLOW_EMIT_FAILED, FLOW_UNPLACEABLE). */
int flow_failed(flow *f);
/* Footnotes of the current page: their height is taken from the room;
 * the layout returned is drawn at the page's foot by flow_end_page. */
void flow_add_note(flow *f, PangoLayout *note);

/* ---- blocks ---- */

typedef struct block block;

/* One kind of block: paragraph, table, ... (one file each). */
typedef struct block_kind {
	const char *name;
	/* Lays the block out at the flow's width; returns its height if
	 * nothing broke it. */
	double (*measure)(block *b, flow *f);
	/* The height of the least that may start the block at a page's
	 * foot (two lines, a header and a row). */
	double (*first)(block *b, flow *f);
	/* Places what fits from where the block stopped; returns 1 when the
	 * block is all placed, 0 when the rest needs a new page.  On a page
	 * with nothing on it yet (flow_fresh) it must place something
	 * (flow_advance) or return 0 having placed nothing: then no page
	 * can take it, and the flow fails with FLOW_UNPLACEABLE.  A piece
	 * placed must be progress, or the pages would never end. */
	int (*place)(block *b, flow *f);
	void (*free)(block *b);
	/* A figure (a picture, a chart): what it shows in words, its
	 * alternative text (g_free'd by the flow; NULL: none).  The flow
	 * tags what place draws as a Figure.  NULL for other blocks. */
	char *(*figure)(block *b);
} block_kind;

struct block {
	const block_kind *kind;
	double space_before, space_after;
	int keep_with_next;
};

/* Places b, breaking pages as needed, then frees it (at once, unplaced,
 * once the flow has failed).  A block with keep_with_next waits for the
 * next one, so that both start on the same page. */
void flow_add(flow *f, block *b);

/* A structure element around the blocks added between tag_new(name)
 * and tag_new(NULL) (a list, L, around its items; display.h); name is
 * a static string. */
block *tag_new(const char *name);

/* Paragraphs: a text, an optional label hanging in the left indent
 * (list bullets and letters), an optional destination and outline entry
 * at its first line (headings), colour of a background band. */
typedef struct para_opts {
	double indent;	   /* left indent of every line */
	const char *label; /* drawn in the indent on the first line */
	const char *dest;  /* named destination at the first line */
	const char *outline; /* outline title (level outline_level) */
	int outline_level;
	int keep_lines;	   /* never split */
	/* Dotted leader to a right-aligned text (contents entries). */
	const char *leader_to;
	const char *link; /* the whole paragraph links to this destination */
} para_opts;
block *para_new(eng *e, const pg_span *text, const char *plain,
		const eng_style *st, const para_opts *o, int *note_number,
		const eng_style *note_style);

/* Tables: columns of given widths (points); rows added in order, cells
 * added to the last row at a column, spanning rows and columns.  Header
 * rows repeat at the top of every page; a row taller than the room left
 * continues on the next page, and so do cells merged over several rows,
 * with the rest of their text. */
enum { TABLE_BODY, TABLE_HEADER, TABLE_GROUP };
typedef struct table table;
table *table_new(eng *e, int ncols, const double *widths, double pad,
		 double border, uint32_t border_color);
/* A rule of width lw at the left of column col (0 < col < ncols), drawn
 * by every cell that starts at col over its border (quarter separators);
 * cells spanning across col do not draw it. */
void table_col_rule(table *t, int col, double lw);
/* Cells merged over several rows that go on to a new page with all
 * their lines drawn on the pages before repeat their text there, in
 * full, followed by mark in italics ("(cont.)"); NULL, the default: they
 * go on blank. */
void table_repeat(table *t, const char *mark);
/* A line drawn above the header rows on every page the table goes on
 * to (not its first), in style st across the table's width, `after`
 * points above the headers: the title of the matrix, "(continuación)".
 * text is borrowed (it must outlive the block); NULL: plain. */
void table_title(table *t, const pg_span *text, const char *plain,
		 const eng_style *st, double after);
/* Rows of height h or less are not split at a page's foot: they move
 * whole to the next (0, the default: any row may split). */
void table_keep_rows(table *t, double h);
/* A table of height h or less (as measured, up to a page) starts on the
 * next page rather than split (0, the default: it may split). */
void table_keep_whole(table *t, double h);
/* The rows added so far. */
int table_rows(const table *t);
void table_row(table *t, int kind, double min_height);
void table_cell(table *t, int col, int rows, int cols, const pg_span *text,
		const char *plain, const eng_style *st, uint32_t fill);
block *table_block(table *t);

/* Timelines (Gantt charts): a label column, then `periods` columns
 * (months) grouped in spans of `span` periods (quarters; 0: none).
 * Rows, in order: groups (a bold label at a level, 0 the outermost;
 * their bar runs from the first to the last period of the rows under
 * them) and items (a label wrapped, cut with "…" only past max_lines,
 * the row as tall as its label; a bar per run of periods, centred in its
 * row).  Positions are in periods from the left edge: 2.5 is the
 * middle of the third.  The header (span and period labels) repeats on
 * every page, groups cut by a page go on under their label and the
 * `continued` mark, and every page has the legend under the chart.  A page
 * takes the header and the first few rows to start a chart; the rows
 * left for its last page fill a third of it at least. */
/* Legend entries; TL_SUMMARY: the groups' bars (drawn second). */
enum { TL_PLANNED, TL_ACTUAL, TL_PROGRESS, TL_MILESTONE, TL_CUTOFF, TL_SUMMARY,
       TL_NLEGEND };
typedef struct tl_style {
	eng_style head, group, item, legend;
	uint32_t head_fill, group_fill;
	uint32_t bar, group_bar, actual, progress, milestone, cutoff;
	uint32_t grid, rule; /* period and row lines; separators, frame */
	double label_w;	     /* the label column */
	double bar_h, pad, indent; /* indent: per level */
	double grid_lw, rule_lw, span_lw;
	int max_lines;
} tl_style;
typedef struct tl_opts {
	int periods, span; /* at most 64 periods */
	const char *const *period_label; /* periods of them */
	const char *const *span_label;	 /* periods / span of them */
	const char *head;		 /* the label column's heading */
	const char *continued;		 /* after a continued group's label */
	/* Drawn across the width above the header on every page the chart
	 * goes on to (not its first), title_after points above it; NULL:
	 * none. */
	const char *title;
	const eng_style *title_style;
	double title_after;
	const char *legend[TL_NLEGEND];	 /* NULL: no entry */
} tl_opts;
typedef struct timeline timeline;
timeline *timeline_new(eng *e, const tl_style *st, const tl_opts *o);
void timeline_group(timeline *t, int level, const char *code, const char *text);
/* An item under the last group; bit i of periods: it runs in period i. */
void timeline_item(timeline *t, const char *code, const char *text,
		   uint64_t periods);
/* The last row's actual bar (progress reports) and the fraction of it
 * done, 0 to 1, filled from its start. */
void timeline_actual(timeline *t, uint64_t periods, double progress);
/* A milestone (a diamond) on the last row. */
void timeline_milestone(timeline *t, double pos);
/* A cut-off line across the body. */
void timeline_cutoff(timeline *t, double pos);
block *timeline_block(timeline *t);

/* Pictures (block-image.c): a PNG or JPEG file (the reader has checked
 * that it decodes), `share` of the frame's width (0 or 1: all of it),
 * at most max_h tall (0: no limit), aspect kept, upright by its EXIF
 * orientation, centred; never split (on an empty page too short, it
 * shrinks to the room); alt: what it shows, in words (its caption), for
 * readers that cannot see it, or NULL. */
block *image_new(eng *e, const char *file, double share, double max_h,
		 const char *alt);

/* Bar charts (block-bars.c): a title, a legend of the series, and rows
 * of a label, a bar (one stacked segment per series) and a value text
 * printed after the bar's end.  One scale for the whole chart: the
 * largest row total fills the bar column.  A row of total 0 has no bar.
 * Rows are drawn in the order given, inside a frame; the chart splits
 * between rows across pages, with its title and legend again.  `foot`
 * is the room kept below the last row (for a caption). */
typedef struct barchart_style {
	eng_style title, label, value, legend;
	double bar_h; /* bar thickness */
	double pad;   /* inside the frame, and between rows */
	double foot;
	uint32_t axis, frame;
} barchart_style;
enum { BARCHART_MAX_SERIES = 8 };
typedef struct barchart barchart;
barchart *barchart_new(eng *e, const char *title, const barchart_style *st);
/* A series: its colour and legend name (NULL: not in the legend).
 * Returns its index, or -1 past BARCHART_MAX_SERIES. */
int barchart_series(barchart *b, const char *name, uint32_t color);
/* A new row, then its segments (non-negative amounts, in any unit). */
void barchart_row(barchart *b, const char *label, const char *value);
void barchart_segment(barchart *b, int series, double amount);
block *barchart_block(barchart *b);

/* Organisation charts (block-tree.c): a tidy tree of boxes with
 * orthogonal connectors.  Nodes are added parent first; an "aside"
 * node (a staff unit) hangs beside its parent's stem instead of below
 * it.  The chart shrinks to fit its page (down to min_scale of the
 * sizes given); beyond that, its deepest subtrees go on to the next
 * pages, their roots staying in the chart with the text `more` and the
 * page number.  Each page has the title above, the legend below. */
typedef struct tree_style {
	eng_style title, node, more, legend;
	double box_w;	   /* box width at full size */
	double pad;	   /* inside boxes */
	double hgap, vgap; /* between boxes side by side, between levels */
	double min_scale;
	double foot;	   /* room kept below the chart (a caption) */
	double line_w;
	uint32_t line;	   /* connectors */
} tree_style;
typedef struct tree tree;
tree *tree_new(eng *e, const char *title, const tree_style *st,
	       const char *more);
/* A box: parent -1 for a root (several roots stand side by side);
 * returns the node's index. */
int tree_node(tree *t, int parent, const char *text, int aside,
	      uint32_t fill, uint32_t border, uint32_t color);
/* A legend entry below the chart: a swatch and its name. */
void tree_legend(tree *t, const char *name, uint32_t fill, uint32_t border);
block *tree_block(tree *t);

/* Box diagrams (block-boxes.c): rows of boxes side by side, each box a
 * title band and paragraphs separated by rules, boxes of a row as tall
 * as the tallest; a row may be linked to the one above by orthogonal
 * connectors.  Rows split across pages between lines when they must. */
typedef struct boxes_style {
	eng_style title, text;
	uint32_t fill, title_fill, border, line;
	double pad, gap; /* inside boxes; between boxes and rows */
	double foot;	 /* room kept below the last row (a caption) */
} boxes_style;
typedef struct boxes boxes;
boxes *boxes_new(eng *e, const boxes_style *st);
/* A new row; linked: connectors from the row above to each box. */
void boxes_row(boxes *b, int linked);
/* A box in the current row, `share` of the width (the shares of a row
 * are scaled to fill it); title may be NULL. */
void boxes_box(boxes *b, double share, const char *title);
/* A paragraph of the current box. */
void boxes_text(boxes *b, const pg_span *text, const char *plain);
block *boxes_block(boxes *b);

#endif
