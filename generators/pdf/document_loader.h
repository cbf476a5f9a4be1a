#pragma once
// Template file + JSON data -> Document (metadata from the data, body from Mustache + Markdown).

#include <Poco/Dynamic/Var.h>

#include <string>

#include "generators/pdf/document_model.h"

namespace thidua::pdf {

/// The line that separates the body from the annex (phụ lục) in a document template.
inline constexpr const char* kAnnexMarker = "%%% PHỤ LỤC";

/// Builds a Document from the template at `templatePath` (Mustache around Markdown, see
/// docs/templates.md) and `data` (a JSON object; `dataSource` names it in errors). All text is NFC.
/// Throws RenderError naming the template file:line or the data field on bad input.
Document buildDocument(const std::string& templatePath, const Poco::Dynamic::Var& data,
                       const std::string& dataSource);

/// As buildDocument, reading the data from the JSON file at `dataPath`.
Document loadDocument(const std::string& templatePath, const std::string& dataPath);

}  // namespace thidua::pdf
