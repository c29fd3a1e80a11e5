/*
 * xml.c — libxml2, made safe for files written by anyone.
 *
 * Parsing: from memory, never from the network (XML_PARSE_NONET), with
 * libxml2's own limits left on (no XML_PARSE_HUGE: depth 256, text nodes
 * of 10 MB, entity amplification detected).  Internal entities are
 * substituted; external ones are refused when declared (a SAX hook), so
 * no file named in a document is ever opened.  A DOCTYPE may only name
 * plan.dtd; it is never loaded either.
 *
 * Validation: against the DTD compiled into the binary, whatever the
 * DOCTYPE says (xmlValidateDtd).  libxml2's errors arrive through one
 * structured handler and become diagnostics with file, line, column.
 */
#include "input-imp.h"

#include "../base/i18n.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/valid.h>
#include <libxml/hash.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	const char *name;
	diag *d;
	xmlParserCtxtPtr parser;
	int refused; /* errors of our own during the parse */
	xmlDtdPtr dtd; /* while validating: the DTD, for the hints */
	xmlDocPtr doc;
};

/* ---- hints: what the user may have meant ---- */

/* The edit distance of a and b (insert, delete, substitute, swap two
 * neighbours), or a large number past 3. */
static int distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64 || (n > m ? n - m : m - n) > 3)
		return 99;
	int d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int c = a[i - 1] != b[j - 1];
			int v = d[i - 1][j - 1] + c;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

struct best {
	const char *word, *found;
	int dist;
};

/* Keeps the closest name to the word: near enough to be a misspelling
 * (two edits, one for a short word). */
static void consider(struct best *b, const char *name)
{
	size_t n = strlen(b->word);
	int limit = n <= 4 ? 1 : 2;
	int dd = distance(b->word, name);
	if (dd <= limit && dd < b->dist) {
		b->dist = dd;
		b->found = name;
	}
}

static void scan_element(void *payload, void *data, const xmlChar *name)
{
	(void)payload;
	consider(data, (const char *)name);
}

/* "; did you mean <x>?" for an element or attribute the DTD lacks, ""
 * when nothing is near. */
static void did_you_mean(const struct ctx *c, const xmlError *e, char *out, size_t n)
{
	*out = '\0';
	if (!c->dtd || !e->str1)
		return;
	struct best b = { e->str1, NULL, 99 };
	if (e->code == XML_DTD_UNKNOWN_ELEM) {
		xmlHashScan(c->dtd->elements, scan_element, &b);
		if (b.found)
			snprintf(out, n, pg_tr("; did you mean <%s>?"), b.found);
	} else if (e->code == XML_DTD_UNKNOWN_ATTRIBUTE && e->str2) {
		xmlElementPtr el = xmlGetDtdElementDesc(c->dtd, (const xmlChar *)e->str2);
		for (xmlAttributePtr a = el ? el->attributes : NULL; a; a = a->nexth)
			consider(&b, (const char *)a->name);
		if (b.found)
			snprintf(out, n, pg_tr("; did you mean %s=\"...\"?"), b.found);
	}
}

/* The allowed values of an enumerated attribute (value, attribute,
 * element in str1..3): "; allowed: a, b, c". */
static void allowed_values(const struct ctx *c, const xmlError *e, char *out, size_t n)
{
	*out = '\0';
	if (!c->dtd || !e->str2 || !e->str3)
		return;
	xmlAttributePtr a = xmlGetDtdAttrDesc(c->dtd, (const xmlChar *)e->str3,
					      (const xmlChar *)e->str2);
	if (!a || !a->tree)
		return;
	size_t k = (size_t)snprintf(out, n, "%s", pg_tr("; allowed: "));
	for (xmlEnumerationPtr v = a->tree; v && k < n; v = v->next)
		k += (size_t)snprintf(out + k, n - k, "%s%s", (const char *)v->name,
				      v->next ? ", " : "");
}

/* Where the first element with the id in str1 is: "; the first is at
 * line N". */
static void first_id(const struct ctx *c, const xmlError *e, const char *message,
		     char *out, size_t n)
{
	*out = '\0';
	const char *id = e->str1;
	char buf[256];
	/* libxml2 2.9 gives the id in the message only: "ID x already defined". */
	if (!id && sscanf(message, "ID %255s already defined", buf) == 1)
		id = buf;
	xmlAttrPtr first = id && c->doc ? xmlGetID(c->doc, (const xmlChar *)id) : NULL;
	if (first && first->parent && first->parent != e->node)
		snprintf(out, n, pg_tr("; the first is at line %d"), xml_line(first->parent));
}

static void on_error(void *data, xmlErrorPtr e)
{
	struct ctx *c = data;
	/* References are resolved by kind, with better messages, in build.c. */
	if (e->code == XML_DTD_UNKNOWN_ID)
		return;
	long line = e->line, col = e->int2;
	/* Inside an entity's text libxml2 counts lines from the entity's
	 * start: point at the place in the file instead. */
	if (!e->file && c->parser && c->parser->inputNr > 0) {
		line = c->parser->inputTab[0]->line;
		col = c->parser->inputTab[0]->col;
	}
	if (e->node && e->domain == XML_FROM_VALID) {
		line = xml_line(e->node);
		col = 0;
	}
	const char *msg = e->message ? e->message : "XML error";
	size_t len = strlen(msg);
	while (len && msg[len - 1] == '\n')
		len--;
	char hint[1024] = "";
	unsigned byte;
	const char *bytes = strstr(msg, "Bytes: 0x");
	if (strstr(msg, "not proper UTF-8") && bytes && sscanf(bytes, "Bytes: 0x%x", &byte) == 1) {
		/* As for UTF-16 (reader.c): say what the file is and what to do. */
		char ch[8] = "";
		if (byte >= 0xa0 && byte <= 0xff)
			snprintf(ch, sizeof ch, "%c%c", (char)(0xc0 | byte >> 6),
				 (char)(0x80 | (byte & 0x3f)));
		diag_add(c->d, DIAG_ERROR, c->name, line, col,
			 "the file is not in UTF-8 (its byte 0x%02X is %s%s): save it as UTF-8",
			 byte, *ch ? ch : pg_tr("a character of Windows-1252"),
			 *ch ? pg_tr(" in Latin-1 and Windows-1252") : "");
		return;
	}
	if (e->domain == XML_FROM_VALID) {
		if (e->code == XML_DTD_UNKNOWN_ELEM || e->code == XML_DTD_UNKNOWN_ATTRIBUTE)
			did_you_mean(c, e, hint, sizeof hint);
		else if (e->code == XML_DTD_ATTRIBUTE_VALUE && strstr(msg, "enumerated"))
			allowed_values(c, e, hint, sizeof hint);
		else if (e->code == XML_DTD_ID_REDEFINED)
			first_id(c, e, msg, hint, sizeof hint);
	}
	diag_add(c->d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
		 c->name, line, col, "%.*s%s", (int)len, msg, hint);
}

static void here(struct ctx *c, long *line, long *col)
{
	xmlParserInputPtr in = c->parser ? c->parser->input : NULL;
	*line = in ? in->line : 0;
	*col = in ? in->col : 0;
}

/* <!DOCTYPE X SYSTEM "..."> may only name X.dtd: plan.dtd, avance.dtd,
 * rendicion.dtd. */
static void on_doctype(void *data, const xmlChar *name, const xmlChar *pub,
		       const xmlChar *sys)
{
	xmlParserCtxtPtr p = data;
	struct ctx *c = p->_private;
	if (sys) {
		const char *s = (const char *)sys;
		const char *base = strrchr(s, '/');
		base = base ? base + 1 : s;
		const char *root = name ? (const char *)name : "plan";
		size_t n = strlen(root);
		if (strncmp(base, root, n) || strcmp(base + n, ".dtd") ||
		    (strcmp(root, "plan") && strcmp(root, "avance") && strcmp(root, "rendicion")) || strstr(s, "://")) {
			long line, col;
			here(c, &line, &col);
			diag_add(c->d, DIAG_ERROR, c->name, line, col,
				 "refused external DTD \"%s\": plangen validates "
				 "against its own; write <!DOCTYPE plan SYSTEM "
				 "\"plan.dtd\"> (or avance, rendicion)", s);
			c->refused++;
		}
	}
	xmlSAX2InternalSubset(data, name, pub, NULL);
}

/* External entities are refused where they are declared. */
static void on_entity(void *data, const xmlChar *name, int type,
		      const xmlChar *pub, const xmlChar *sys, xmlChar *content)
{
	xmlParserCtxtPtr p = data;
	struct ctx *c = p->_private;
	if (type == XML_INTERNAL_GENERAL_ENTITY ||
	    type == XML_INTERNAL_PARAMETER_ENTITY) {
		xmlSAX2EntityDecl(data, name, type, pub, sys, content);
		return;
	}
	long line, col;
	here(c, &line, &col);
	diag_add(c->d, DIAG_ERROR, c->name, line, col,
		 "refused external entity '%s' (\"%s\"): a plan may not "
		 "include other files", (const char *)name,
		 sys ? (const char *)sys : pub ? (const char *)pub : "");
	c->refused++;
	/* Declared empty, so that its uses do not add more errors. */
	xmlSAX2EntityDecl(data, name,
			  type == XML_EXTERNAL_PARAMETER_ENTITY
				  ? XML_INTERNAL_PARAMETER_ENTITY
				  : XML_INTERNAL_GENERAL_ENTITY,
			  NULL, NULL, (xmlChar *)"");
}

/* Nothing is ever loaded from outside: the last line of defence. */
static xmlParserInputPtr no_loading(const char *url, const char *id,
				    xmlParserCtxtPtr p)
{
	(void)id;
	if (p && p->_private) {
		struct ctx *c = p->_private;
		long line, col;
		here(c, &line, &col);
		diag_add(c->d, DIAG_ERROR, c->name, line, col,
			 "refused to load \"%s\": a plan may not include "
			 "other files", url ? url : "");
		c->refused++;
	}
	return NULL;
}

int xml_line(const xmlNode *n)
{
	/* Nodes made by expanding an entity have no line: their element's. */
	for (; n; n = n->parent) {
		long l = xmlGetLineNo(n);
		if (l > 0)
			return (int)l;
	}
	return 0;
}

xmlDocPtr xml_parse(const char *name, const char *data, size_t len, diag *d)
{
	struct ctx c = { name, d, NULL, 0, NULL, NULL };
	xmlSetExternalEntityLoader(no_loading);
	xmlSetStructuredErrorFunc(&c, on_error);
	xmlParserCtxtPtr p = xmlNewParserCtxt();
	if (!p)
		pg_oom();
	c.parser = p;
	p->_private = &c;
	p->sax->internalSubset = on_doctype;
	p->sax->entityDecl = on_entity;
	int opts = XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_BIG_LINES |
		   XML_PARSE_NOCDATA;
	xmlDocPtr doc = NULL;
	if (len > (size_t)0x7fffffff)
		diag_add(d, DIAG_ERROR, name, 0, 0, "file too large");
	else
		doc = xmlCtxtReadMemory(p, data, (int)len, name, NULL, opts);
	int wf = p->wellFormed;
	xmlFreeParserCtxt(p);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc && (!wf || c.refused)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, name, 0, 0, "not an XML document");
	/* Its entities expanded, the internal subset has nothing more to
	 * give, and must give nothing: libxml2 would take an attribute's
	 * default from its declarations (<!ATTLIST plan papel CDATA "A4">),
	 * past the bundled DTD. */
	if (doc && doc->intSubset) {
		xmlDtdPtr sub = doc->intSubset;
		xmlUnlinkNode((xmlNodePtr)sub);
		doc->intSubset = NULL;
		xmlFreeDtd(sub);
	}
	return doc;
}

int xml_validate(xmlDocPtr doc, const char *name, const char *root_name,
		 const char *dtd_text, size_t dtd_len, diag *d)
{
	struct ctx c = { name, d, NULL, 0, NULL, NULL };
	xmlSetStructuredErrorFunc(&c, on_error);
	/* (A static buffer with an encoding is read twice by libxml2 2.9.) */
	xmlParserInputBufferPtr buf = xmlParserInputBufferCreateMem(
		dtd_text, (int)dtd_len,
		XML_CHAR_ENCODING_NONE);
	xmlDtdPtr dtd = buf ? xmlIOParseDTD(NULL, buf, XML_CHAR_ENCODING_NONE)
			    : NULL;
	int ok = 0;
	if (!dtd) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
			 "internal error: the bundled DTD does not parse");
	} else {
		xmlValidCtxtPtr v = xmlNewValidCtxt();
		if (!v)
			pg_oom();
		c.dtd = dtd;
		c.doc = doc;
		ok = xmlValidateDtd(v, doc, dtd);
		xmlFreeValidCtxt(v);
		xmlFreeDtd(dtd);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root && strcmp((const char *)root->name, root_name) != 0) {
		diag_add(d, DIAG_ERROR, name, xml_line(root), 0,
			 "the document element is <%s>; a plan starts with "
			 "<plan>, a progress report with <avance>, a report "
			 "with <rendicion>",
			 (const char *)root->name);
		ok = 0;
	}
	return ok;
}
