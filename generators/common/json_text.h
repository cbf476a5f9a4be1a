#pragma once
// Whole JSON texts (templates, a document's data, configuration, request bodies — inputs small enough to
// hold at once) parsed into Poco's document tree, with errors a Vietnamese official can act on.

#include <Poco/Dynamic/Var.h>

#include <string>

#include "generators/common/json_stream.h"

namespace thidua {

/// Parses one JSON text with Poco::JSON. A UTF-8 byte-order mark first is skipped (Windows editors write
/// one). Malformed text throws JsonSyntaxError whose what() is Vietnamese and points at the line and column
/// where the text goes wrong — "dòng 3, cột 14: <problem>", the problem worded by the streaming reader
/// (json_stream.h) — instead of Poco's English message.
Poco::Dynamic::Var parseJsonText(const std::string& text);

/// A number of a parsed JSON text printed for people: integers exactly, other numbers in the shortest
/// default form ("2.5"). `number` must be numeric.
std::string jsonNumberText(const Poco::Dynamic::Var& number);

}  // namespace thidua
