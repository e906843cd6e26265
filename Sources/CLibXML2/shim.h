#ifndef HALLRATE_CLIBXML2_SHIM_H
#define HALLRATE_CLIBXML2_SHIM_H
// libxml2, from Debian's libxml2-dev (pkg-config libxml-2.0).
//
// Foundation on Linux ships its own ICU; libxml2's ICU headers clash with it on a clean build
// ("'UErrorCode' has different definitions"), so ICU support is switched off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/// An external-entity loader that loads nothing: no file://, no network, whatever a document asks.
static inline xmlParserInputPtr CLibXML2_refuseLoad(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// Installs CLibXML2_refuseLoad as libxml2's (process-wide) external-entity loader.
static inline void CLibXML2_refuseExternalEntities(void) {
    xmlSetExternalEntityLoader(CLibXML2_refuseLoad);
}

/// A generic-error handler that prints nothing.
static inline void CLibXML2_ignoreGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/// Stops libxml2 from writing its own error lines to standard error (they broke JSON logs); every
/// error that matters reaches the caller through the parser context (xmlCtxtGetLastError) instead.
/// libxml2 keeps this handler per thread: call it on the thread that parses.
static inline void CLibXML2_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, CLibXML2_ignoreGenericError);
}

/// The line the parser is on (xmlSAX2GetLineNumber, without its void * parameter).
static inline int CLibXML2_lineNumber(xmlParserCtxtPtr context) {
    return context != NULL && context->input != NULL ? context->input->line : 0;
}
#endif
