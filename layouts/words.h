/*
 * words.h — the words a document prints, one table per language.
 *
 * Three mechanisms, kept apart: the document's `idioma` picks one of
 * these tables (and the hyphenation dictionary and the PDF's /Lang); a
 * label the document itself writes (a heading in its XML, a column
 * label of a POA) overrides the word here; the command line's own
 * messages follow the user's locale, not this.  Strings ending in _fmt
 * are printf formats whose arguments the comment names.
 */
#ifndef PG_LAYOUTS_WORDS_H
#define PG_LAYOUTS_WORDS_H

#include "../generator/model/plan.h"

typedef struct words {
	const char *lang; /* BCP 47: es, en */
	/* Pages and contents. */
	const char *contents, *cover_label;
	const char *cover_logo_alt; /* a cover logo's alternative text */
	const char *continued;	    /* after a continued group's label */
	const char *continued_page; /* an org chart's subtree goes on at page n */
	const char *cell_continued; /* after a merged cell's text repeated on a new page */
	/* Captions: "Tabla No. 3. Title", "Fuente. Source". */
	const char *table, *figure;
	const char *caption_fmt; /* kind, number (text), title */
	const char *source_fmt;	 /* source */
	const char *list_and;	 /* before the last of a joined list */
	/* Dates. */
	const char *month[12], *month_short[12], *month_initial[12];
	const char *date_long_fmt;  /* day, month, year */
	const char *date_month_fmt; /* month, year */
	const char *date_short_fmt; /* day, short month, year */
	/* Sign-off. */
	const char *approval;	       /* the approval page's heading */
	const char *approval_reason_fmt; /* the document's title */
	/* The POA matrix and its Cronograma. */
	const char *poa_label[PG_NCOLUMNS]; /* NULL: no such row */
	const char *area_fmt;		    /* number, name */
	const char *pei_objective_fmt;	    /* number, text */
	const char *pei_objective_label_fmt; /* number */
	const char *scope_label;
	const char *specific_fmt; /* number */
	const char *specific;
	const char *quarter[4];
	const char *timeline_head, *cronograma_fmt; /* POA title */
	const char *legend[6];	/* by TL_PLANNED ... TL_SUMMARY */
	/* The budget. */
	const char *budget_part[4], *budget_total[4]; /* by pg_budget_part */
	const char *amount, *total, *end_date;
	const char *funding[3]; /* by pg_source_kind */
	const char *chart_title_fmt; /* part, total label, total */
	const char *ends_fmt;	     /* amount, date */
	/* The organisation and the strategic plan. */
	const char *level[4]; /* by pg_level */
	const char *mission, *vision, *goal, *values;
	const char *area_box_fmt;	/* number, name */
	const char *objective_item_fmt; /* number */
	/* The annual plan's own tables. */
	const char *link_head[3]; /* the last a format: the action plan's title */
	const char *action_head[3];
	const char *action_area_fmt; /* name */
	/* The progress booklet. */
	const char *bk_title, *bk_annual_title; /* the cover; the 4th quarter's */
	const char *bk_quarter[4];		/* "segundo trimestre" */
	const char *bk_subtitle_fmt;		/* quarter, year */
	const char *bk_annual_subtitle_fmt;	/* year */
	const char *bk_at_fmt;			/* long date: "al 30 de junio de 2019" */
	const char *bk_summary, *bk_by_poa, *bk_rescheduled, *bk_risks;
	const char *bk_summary_fmt; /* date, real, planned, ratio, light */
	const char *bk_poa_fmt;	    /* real, planned, ratio, light */
	const char *bk_na;	    /* a figure that does not apply */
	const char *bk_planned, *bk_real, *bk_ratio, *bk_light, *bk_figure, *bk_value;
	const char *bk_chart_title, *bk_count_light, *bk_count_state, *bk_activities;
	const char *bk_behind, *bk_gap, *bk_result, *bk_activity, *bk_poa;
	const char *bk_state, *bk_comment, *bk_old_months, *bk_new_months, *bk_reason;
	const char *bk_risk, *bk_how, *bk_none_rescheduled, *bk_none_risks;
	const char *bk_light_name[4]; /* verde ... */
	const char *bk_state_name[6]; /* by pg_state */
	const char *bk_subject, *bk_keywords;
	const char *bk_col_planned, *bk_col_real; /* the matrix's % columns */
	const char *bk_logro; /* before an indicator's value reached */
	/* The accountability report. */
	const char *rc_institution, *rc_mission, *rc_vision, *rc_values;
	const char *rc_figures, *rc_area_fmt, *rc_no_area, *rc_budget, *rc_cooperation;
	const char *rc_access, *rc_challenges, *rc_hearing, *rc_evaluation, *rc_annex;
	const char *rc_ratio_label, *rc_ratio_fmt;	   /* real, planned */
	const char *rc_finished_label, *rc_finished_fmt;   /* finished, planned */
	const char *rc_budget_label, *rc_budget_fmt;	   /* executed, planned */
	const char *rc_coop_label, *rc_coop_fmt;	   /* donors */
	const char *rc_access_label, *rc_access_fmt;	   /* answered, received */
	const char *rc_area_sentence_fmt; /* activities, finished, ratio, light */
	const char *rc_area_none_fmt;	  /* activities */
	const char *rc_results_chart;	  /* the chart of an area's results */
	const char *rc_budget_sentence_fmt; /* executed, planned, percent */
	const char *rc_rubro, *rc_planned, *rc_executed, *rc_execution;
	const char *rc_donor, *rc_amount, *rc_purpose, *rc_coop_sentence_fmt;
	const char *rc_access_sentence_fmt; /* received, answered, percent */
	const char *rc_hearing_fmt;	    /* long date, place, attendance */
	const char *rc_question, *rc_answer;
	const char *rc_indicator, *rc_logro, *rc_no_logro;
	const char *rc_subject, *rc_keywords, *rc_signed_by;
	/* The files attached to every PDF: the source, its DTD. */
	const char *attach_source, *attach_dtd;
	/* PDF metadata. */
	const char *plan_subject, *plan_keywords;
} words;

/* The table for a language ("es", "es-SV", "en", ...): by its primary
 * subtag; Spanish when there is none for it. */
const words *words_for(const char *lang);
/* Whether a table exists for lang (else words_for falls back). */
int words_have(const char *lang);

#endif
