#pragma once
// Markdown (CommonMark + tables, through md4c) -> blocks of the document model.

#include <string>
#include <vector>

#include "generators/pdf/document_model.h"

namespace thidua::pdf {

/// Parses `markdown` (UTF-8, NFC) into blocks: # .. ###### headings, paragraphs, "-"/"+"/"*" and numbered
/// lists (nested), **bold**, *italic*, pipe tables (the header row repeats on each page), hard line
/// breaks, and "---" as a page break. Raw HTML is kept as text; numeric and common named entities
/// (&amp; &copy; &ndash; …) become characters. Throws RenderError naming `source` if
/// md4c fails.
std::vector<Block> readMarkdown(const std::string& markdown, const std::string& source);

}  // namespace thidua::pdf
