/*
 * i18n.h — the messages in the user's language (gettext, domain
 * "plangen", catalogues from po/).
 *
 * diag_add and the readers' bld_err translate their format themselves,
 * so a message is marked only by being written there (xgettext knows
 * them: the Makefile's po target); other texts are pg_tr("...").  Under
 * a locale without a catalogue, or without a locale, they stay English.
 */
#ifndef PG_I18N_H
#define PG_I18N_H

#include <libintl.h>

#define PG_DOMAIN "plangen"

__attribute__((format_arg(1))) static inline const char *pg_tr(const char *s)
{
	return dgettext(PG_DOMAIN, s);
}

#endif
