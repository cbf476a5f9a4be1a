#pragma once
// Safe SAX parsing of the XML parts of an XLSX file: no DOCTYPE, no entity declarations, no external
// entities — each refused with its own error code, by a check of the prolog before the parser sees the
// document and again by the parser's DTD handlers before any entity could be expanded.

#include <Poco/SAX/ContentHandler.h>

#include <string>

#include "generators/xlsx/zip_reader.h"

namespace thidua::xlsx {

/// Returns the fault of an XML prolog `head` (the first bytes of a part): XmlExternalEntity for an
/// external DTD or an external entity, XmlEntityExpansion for internal entity declarations,
/// XmlDoctype for any other DOCTYPE. Returns false when `head` has no DOCTYPE.
bool classifyDoctype(const std::string& head, ReadErrorCode& code);

/// Parses the part `name` of `zip` with `handler` (no namespace processing: names arrive as qualified
/// names; external entities off). Throws
/// ReadFailure: the three XML codes above, ZipBomb / NotZip from the stream, NotXlsx for malformed XML.
/// Exceptions thrown by `handler` propagate unchanged.
void parsePart(ZipReader& zip, const std::string& name, Poco::XML::ContentHandler& handler);

}  // namespace thidua::xlsx
