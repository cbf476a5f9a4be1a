#pragma once
// NFC normalisation with a fast path for text that is NFC by construction (the XLSX module normalises
// every string it writes or compares, often hundreds of thousands of them).

#include <string>

namespace thidua::xlsx {

/// True when every code point of `s` is NFC on its own and never combines with a neighbour (ccc = 0,
/// NFC_QC = Yes): ASCII, Latin-1, Latin Extended-A, Ơ ơ Ư ư, Latin Extended Additional (the precomposed
/// Vietnamese letters) and General Punctuation without its two singleton spaces. False means "maybe not".
bool surelyNfc(const std::string& s);

/// Returns `s` in NFC (thidua::toNfc unless surelyNfc). Throws std::invalid_argument on invalid UTF-8.
std::string nfc(const std::string& s);

}  // namespace thidua::xlsx
