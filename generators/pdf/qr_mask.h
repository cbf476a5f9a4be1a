#pragma once
// Data masking of QR symbols (ISO/IEC 18004:2015 §7.8): the eight mask patterns, the format information
// they imply (§7.9) and the penalty score that selects one of them (§7.8.3.1).
//
// libqrencode evaluates the eight masks itself, but that evaluation costs ~80 µs for a version-4 symbol,
// ten times the rest of the encoding, and 1,000 certificates need 1,000 symbols. So the symbol is encoded
// once with mask 0 and the masks are evaluated here on rows of bits: every penalty rule becomes a few
// word-wide operations per row instead of a walk over the modules. The penalty follows §7.8.3.1 as read
// below (one reading where the text leaves room: a finder-like pattern with light on both sides counts
// once per side, as Nayuki's reference encoder does; libqrencode and ZXing count it once). Any of the
// eight masks decodes; the rule only picks the one easiest to scan. Tests compare every masked symbol
// with libqrencode's own for the same mask, and the penalty with a module-by-module reading of §7.8.3.1.

#include <cstdint>
#include <vector>

namespace thidua::pdf {

/// A QR symbol: width x width modules, row-major, true = dark.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;
};

/// Error-correction levels in libqrencode's order (QR_ECLEVEL_L … QR_ECLEVEL_H).
enum class QrLevel { kL = 0, kM = 1, kQ = 2, kH = 3 };

/// A symbol as libqrencode builds it: `width` x `width` bytes, row-major; bit 0 is the module's colour
/// (1 = dark) and bit 7 marks function patterns, bits 7 and 2 together the format information. Data and
/// error-correction modules (bit 7 clear) carry mask 0's pattern.
struct QrFrame {
  int width = 0;
  const unsigned char* modules = nullptr;
  QrLevel level = QrLevel::kM;
};

/// The symbol of `frame` with mask pattern `mask` (0–7) applied to its data modules and the matching
/// format information written.
QrMatrix applyQrMask(const QrFrame& frame, int mask);

/// The symbol of `frame` with the mask of lowest penalty score (the lowest pattern number on a tie) — the
/// selection ISO/IEC 18004 §7.8.3 prescribes. `chosenMask`, when given, receives the pattern number.
QrMatrix applyBestQrMask(const QrFrame& frame, int* chosenMask = nullptr);

/// The penalty score of a finished symbol (§7.8.3.1): N1 = 3 for a run of five modules of one colour in a
/// row or column, plus 1 per module beyond five; N2 = 3 per 2x2 block of one colour; N3 = 40 per
/// 1:1:3:1:1 finder-like pattern (dark-light-dark-light-dark) with four light modules before or after it in
/// its row or column, each side counted, the quiet zone counting as light; N4 = 10 per full 5 % that the
/// proportion of dark modules deviates from 50 %.
int qrPenalty(const QrMatrix& symbol);

}  // namespace thidua::pdf
