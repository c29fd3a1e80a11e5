/*
 * words.c — the printed words in Spanish (the institution's language)
 * and English.  Adding a language is one table here and one line in
 * TABLES; its hyphenation dictionary is the engine's (layout/text.c).
 */
#include "words.h"

#include <string.h>
#include <strings.h>

static const words ES = {
	.lang = "es",
	.contents = "Contenido",
	.cover_label = "Portada",
	.continued = "(continuación)",
	.continued_page = "Continúa en la página",
	.table = "Tabla",
	.figure = "Figura",
	.caption_fmt = "%s No. %s. %s",
	.source_fmt = "Fuente. %s",
	.list_and = " y ",
	.month = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		   "agosto", "septiembre", "octubre", "noviembre", "diciembre" },
	.month_short = { "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago",
			 "Sep", "Oct", "Nov", "Dic" },
	.month_initial = { "E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D" },
	.date_long_fmt = "%d de %s de %d",
	.date_month_fmt = "%s de %d",
	.date_short_fmt = "%02d/%s/%d",
	.approval = "Aprobación",
	.approval_reason_fmt = "Aprobación: %s",
	.poa_label = { "RESULTADOS", "INDICADORES", "FUENTE DE VERIFICACIÓN",
		       "ACTIVIDADES", "TIEMPO", NULL, "RESPONSABLES",
		       "FUENTE DE FINANCIAMIENTO", "RIESGO" },
	.area_fmt = "ÁREA ESTRATÉGICA %d: %s",
	.pei_objective_fmt = "OBJETIVO ESTRATÉGICO %d: %s",
	.pei_objective_label_fmt = "OBJETIVO ESTRATÉGICO %d:",
	.scope_label = "ALCANCE ESTRATÉGICO PLAN DE ACCIÓN:",
	.specific_fmt = "OBJETIVO ESPECÍFICO %s:",
	.specific = "OBJETIVO ESPECÍFICO:",
	.quarter = { "Trimestre 1", "Trimestre 2", "Trimestre 3", "Trimestre 4" },
	.timeline_head = "OBJETIVOS ESPECÍFICOS, RESULTADOS Y ACTIVIDADES",
	.cronograma_fmt = "Cronograma — %s",
	.legend = { "Meses planificados", "Meses ejecutados", "Avance",
		    "Plazo de un indicador", "Fecha de corte" },
	.budget_part = { "Clasificación presupuestaria ingresos",
			 "Clasificación presupuestaria egresos",
			 "Fuentes de financiamiento", "Donante" },
	.budget_total = { "Total Ingresos", "Total Egresos", "TOTAL", "Total" },
	.amount = "Importe",
	.total = "Total",
	.end_date = "Fecha Finalización",
	.funding = { "Fondos propios", "Donaciones", "Otros fondos" },
	.chart_title_fmt = "%s · %s: %s",
	.ends_fmt = "%s · finaliza %s",
	.level = { "Nivel directivo", "Nivel asesor", "Nivel de apoyo",
		   "Nivel operativo" },
	.mission = "MISIÓN",
	.vision = "VISIÓN",
	.goal = "META ESTRATÉGICA",
	.values = "VALORES",
	.area_box_fmt = "ÁREA ESTRATÉGICA %d: %s",
	.objective_item_fmt = "Objetivo %d. ",
	.link_head = { "Áreas Estratégicas PEI", "Objetivos Estratégicos PEI",
		       "Alcances Estratégicos %s" },
	.action_head = { "OBJETIVOS / ALCANCES ESTRATÉGICOS",
			 "RESULTADOS ESTRATÉGICOS", "INDICADORES" },
	.action_area_fmt = "Área Estratégica: %s",
	.plan_subject = "Plan de Acción",
	.plan_keywords = "Plan de Acción, POA, planificación, presupuesto",
};

static const words EN = {
	.lang = "en",
	.contents = "Contents",
	.cover_label = "Cover",
	.continued = "(continued)",
	.continued_page = "Continued on page",
	.table = "Table",
	.figure = "Figure",
	.caption_fmt = "%s %s. %s",
	.source_fmt = "Source: %s",
	.list_and = " and ",
	.month = { "January", "February", "March", "April", "May", "June", "July",
		   "August", "September", "October", "November", "December" },
	.month_short = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
			 "Sep", "Oct", "Nov", "Dec" },
	.month_initial = { "J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D" },
	.date_long_fmt = "%d %s %d",
	.date_month_fmt = "%s %d",
	.date_short_fmt = "%02d/%s/%d",
	.approval = "Approval",
	.approval_reason_fmt = "Approval: %s",
	.poa_label = { "RESULTS", "INDICATORS", "MEANS OF VERIFICATION",
		       "ACTIVITIES", "TIME", NULL, "RESPONSIBLE", "FUNDING SOURCE",
		       "RISK" },
	.area_fmt = "STRATEGIC AREA %d: %s",
	.pei_objective_fmt = "STRATEGIC OBJECTIVE %d: %s",
	.pei_objective_label_fmt = "STRATEGIC OBJECTIVE %d:",
	.scope_label = "STRATEGIC SCOPE OF THE ACTION PLAN:",
	.specific_fmt = "SPECIFIC OBJECTIVE %s:",
	.specific = "SPECIFIC OBJECTIVE:",
	.quarter = { "Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4" },
	.timeline_head = "SPECIFIC OBJECTIVES, RESULTS AND ACTIVITIES",
	.cronograma_fmt = "Schedule — %s",
	.legend = { "Planned months", "Months worked", "Progress",
		    "Indicator deadline", "Cut-off date" },
	.budget_part = { "Income by budget classification",
			 "Expenditure by budget classification", "Funding sources",
			 "Donor" },
	.budget_total = { "Total income", "Total expenditure", "TOTAL", "Total" },
	.amount = "Amount",
	.total = "Total",
	.end_date = "End date",
	.funding = { "Own funds", "Donations", "Other funds" },
	.chart_title_fmt = "%s · %s: %s",
	.ends_fmt = "%s · ends %s",
	.level = { "Directive level", "Advisory level", "Support level",
		   "Operative level" },
	.mission = "MISSION",
	.vision = "VISION",
	.goal = "STRATEGIC GOAL",
	.values = "VALUES",
	.area_box_fmt = "STRATEGIC AREA %d: %s",
	.objective_item_fmt = "Objective %d. ",
	.link_head = { "PEI strategic areas", "PEI strategic objectives",
		       "Strategic scopes %s" },
	.action_head = { "OBJECTIVES / STRATEGIC SCOPES", "STRATEGIC RESULTS",
			 "INDICATORS" },
	.action_area_fmt = "Strategic area: %s",
	.plan_subject = "Action Plan",
	.plan_keywords = "Action Plan, annual operating plan, planning, budget",
};

static const words *const TABLES[] = { &ES, &EN };

static const words *find(const char *lang)
{
	size_t n = lang ? strcspn(lang, "-_") : 0;
	for (size_t i = 0; i < sizeof TABLES / sizeof *TABLES; i++)
		if (n && strlen(TABLES[i]->lang) == n &&
		    !strncasecmp(TABLES[i]->lang, lang, n))
			return TABLES[i];
	return NULL;
}

const words *words_for(const char *lang)
{
	const words *w = find(lang);
	return w ? w : &ES;
}

int words_have(const char *lang)
{
	return find(lang) != NULL;
}
