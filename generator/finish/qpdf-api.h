/*
 * qpdf-api.h — the part of qpdf's C API that signing uses, loaded when
 * a PDF is first signed (dlopen), not linked: only --sign needs qpdf,
 * and linked, it brought C++'s runtime and GnuTLS into every run of
 * plangen (2 ms to start, 4 MB).
 */
#ifndef PG_FINISH_QPDF_API_H
#define PG_FINISH_QPDF_API_H

#include <qpdf/qpdf-c.h>

#define QPDF_API_FUNCTIONS(X)                                                  \
	X(init) X(cleanup) X(set_suppress_warnings) X(read) X(has_error)       \
	X(get_error) X(get_error_full_text) X(get_trailer) X(get_root)         \
	X(oh_get_key) X(oh_unparse) X(oh_get_array_n_items)                    \
	X(oh_get_array_item) X(oh_is_dictionary) X(oh_is_array)                \
	X(oh_is_string) X(oh_is_name_and_equals) X(oh_is_indirect)             \
	X(oh_new_name) X(oh_get_utf8_value) X(oh_get_object_id)                \
	X(oh_get_generation) X(oh_get_numeric_value)                           \
	X(oh_get_int_value_as_int) X(oh_begin_dict_key_iter)                   \
	X(oh_dict_more_keys) X(oh_dict_next_key)

/* qpdf_NAME as q->NAME. */
typedef struct qpdf_api {
#define QPDF_API_MEMBER(name) __typeof__(qpdf_##name) *name;
	QPDF_API_FUNCTIONS(QPDF_API_MEMBER)
#undef QPDF_API_MEMBER
} qpdf_api;

/* The library the build linked against, by its soname (the Makefile's
 * QPDF_SONAME). */
#ifndef QPDF_SONAME
#define QPDF_SONAME "libqpdf.so.29"
#endif

/* The functions, loaded on the first call (kept for the process's
 * life); NULL when the library or one of them cannot be loaded. */
const qpdf_api *qpdf_api_load(void);

#endif
