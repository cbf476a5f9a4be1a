#include "generators/pdf/qr_mask.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace thidua::pdf {
namespace {

constexpr int kMaskCount = 8;
// Light modules kept around the symbol in a plane: the quiet zone (§6.3.8) is four modules wide, which is
// exactly the light area the finder-like rule looks for beyond the symbol's edge.
constexpr int kPad = 4;
constexpr int kMaxWidth = 177;  // version 40

// ISO/IEC 18004 Table 10: the mask pattern condition for the module in row i, column j.
bool maskCondition(int mask, int i, int j) {
  switch (mask) {
    case 0: return (i + j) % 2 == 0;
    case 1: return i % 2 == 0;
    case 2: return j % 3 == 0;
    case 3: return (i + j) % 3 == 0;
    case 4: return (i / 2 + j / 3) % 2 == 0;
    case 5: return (i * j) % 2 + (i * j) % 3 == 0;
    case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
    default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
  }
}

// §7.9.1: error-correction level indicator and mask pattern reference, BCH (15,5) code, XOR 101010000010010.
int formatInformation(QrLevel level, int mask) {
  static const int kIndicator[] = {0b01, 0b00, 0b11, 0b10};  // L, M, Q, H
  const int data = (kIndicator[static_cast<int>(level)] << 3) | mask;
  int rem = data;
  for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  return ((data << 10) | (rem & 0x3FF)) ^ 0x5412;
}

// Calls set(row, column, bit) for the two copies of the format information (§7.9.1, Figure 25): bits 0–7
// down column 8 from the top-left finder and along row 8 under the top-right one; bits 8–14 along row 8
// leftwards and up column 8 beside the bottom-left finder. Row and column 6 are timing patterns.
template <typename Set>
void placeFormatInformation(int width, int bits, Set set) {
  for (int i = 0; i < 15; ++i) {
    const bool bit = ((bits >> i) & 1) != 0;
    if (i < 6) set(i, 8, bit);
    else if (i < 8) set(i + 1, 8, bit);
    else if (i == 8) set(8, 7, bit);
    else set(8, 14 - i, bit);
    if (i < 8) set(8, width - 1 - i, bit);
    else set(width - 15 + i, 8, bit);
  }
}

// A symbol as rows of bits, with kPad light rows and columns around it: bit c of rows[r] is the module at
// row r - kPad, column c - kPad. N >= width + 2 * kPad.
template <size_t N>
struct Plane {
  std::array<std::bitset<N>, N> rows{};
};

template <size_t N>
std::bitset<N> spanBits(int from, int to) {  // bits [from, to)
  std::bitset<N> b;
  for (int i = from; i < to; ++i) b.set(static_cast<size_t>(i));
  return b;
}

// N3 along one direction of the plane. `at(k)` is the plane's line moved k modules along that direction
// (k from -4 to 10), so that bit c of an expression over at(0)..at(6) speaks of the modules starting at c:
// a dark-light-dark-dark-dark-light-dark core there, with four light modules after it or before it (the
// padding is light). Each side counts.
template <size_t N, typename At>
int finderPenalty(const At& at) {
  const std::bitset<N> core = at(0) & ~at(1) & at(2) & at(3) & at(4) & ~at(5) & at(6);
  if (core.none()) return 0;
  const std::bitset<N> after = ~(at(7) | at(8) | at(9) | at(10));
  const std::bitset<N> before = ~(at(-4) | at(-3) | at(-2) | at(-1));
  return 40 * static_cast<int>((core & after).count() + (core & before).count());
}

// A run of L >= 5 equal modules holds L - 4 windows of five equal modules and scores 3 + (L - 5), i.e.
// its windows plus 2 for the run; a run starts at a window whose predecessor is not one.
template <size_t N>
int runScore(const std::bitset<N>& windows, const std::bitset<N>& previousWindows) {
  return static_cast<int>(windows.count() + 2 * (windows & ~previousWindows).count());
}

template <size_t N>
inline __attribute__((always_inline)) int planePenalty(const Plane<N>& p, int width) {
  const int lo = kPad;
  const int hi = kPad + width;
  const std::bitset<N> columns = spanBits<N>(lo, hi);
  const std::bitset<N> pairs = spanBits<N>(lo, hi - 1);  // column c and c + 1 both in the symbol

  // sameBelow[r]: modules equal to the one below (rows r and r + 1 both in the symbol).
  std::array<std::bitset<N>, N> sameBelow;
  for (int r = lo; r + 1 < hi; ++r) sameBelow[r] = ~(p.rows[r] ^ p.rows[r + 1]) & columns;

  int score = 0;
  size_t dark = 0;
  std::bitset<N> previousVertical;
  for (int r = lo; r < hi; ++r) {
    const std::bitset<N>& x = p.rows[r];
    dark += x.count();
    // N1 along the row.
    const std::bitset<N> sameRight = ~(x ^ (x >> 1)) & pairs;
    const std::bitset<N> horizontal = sameRight & (sameRight >> 1) & (sameRight >> 2) & (sameRight >> 3);
    score += runScore(horizontal, horizontal << 1);
    // N1 down the columns: windows of five starting in this row.
    if (r + 4 < hi) {
      const std::bitset<N> vertical = sameBelow[r] & sameBelow[r + 1] & sameBelow[r + 2] & sameBelow[r + 3];
      score += runScore(vertical, previousVertical);
      previousVertical = vertical;
    }
    // N2: 2x2 blocks whose top-left module is in this row.
    if (r + 1 < hi) score += 3 * static_cast<int>((sameBelow[r] & (sameBelow[r] >> 1) & sameRight).count());
    // N3 along the row: the row shifted, bit c + k brought to c.
    score += finderPenalty<N>([&](int k) { return k >= 0 ? x >> k : x << -k; });
  }
  // N3 down the columns: patterns starting in row r, rows r - 4 .. r + 10 (the padding rows are light).
  for (int r = lo; r + 6 < hi; ++r) score += finderPenalty<N>([&](int k) { return p.rows[r + k]; });
  // N4: k full steps of 5 % away from half dark.
  const long total = static_cast<long>(width) * width;
  score += 10 * static_cast<int>(std::labs(20 * static_cast<long>(dark) - 10 * total) / total);
  return score;
}

// The penalty counts ~70 bitsets per row; with the POPCNT instruction each
// count is one instruction instead of a libgcc call (a third of the evaluation). GCC compiles both and
// picks one when the program is loaded.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("popcnt", "default")))
#endif
int penalty(const Plane<64>& p, int width) {
  return planePenalty(p, width);
}
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("popcnt", "default")))
#endif
int penalty(const Plane<192>& p, int width) {
  return planePenalty(p, width);
}

// What masking changes and what it does not, from libqrencode's mask-0 frame.
template <size_t N>
struct Split {
  Plane<N> fixed;  // dark function modules, format information excluded
  Plane<N> data;   // data modules
  Plane<N> raw;    // unmasked data bits
};

// Bits of a row gathered in 64-bit words and turned into a bitset at once (setting bits one by one is
// most of the cost of a symbol otherwise).
template <size_t N>
struct RowWords {
  static constexpr size_t kWords = (N + 63) / 64;
  uint64_t words[kWords] = {};
  void set(size_t bit) { words[bit / 64] |= uint64_t{1} << (bit % 64); }
  std::bitset<N> bits() const {
    std::bitset<N> b;
    for (size_t k = kWords; k-- > 0;) {
      if (N > 64) b <<= 64;
      b |= std::bitset<N>(words[k]);
    }
    return b;
  }
};

template <size_t N>
uint64_t rowWord(const std::bitset<N>& row, size_t k) {
  if (N <= 64) return row.to_ullong();
  return ((row >> (64 * k)) & std::bitset<N>(~uint64_t{0})).to_ullong();
}

template <size_t N>
void split(const QrFrame& f, Split<N>& s) {
  const int w = f.width;
  for (int i = 0; i < w; ++i) {
    const unsigned char* row = f.modules + static_cast<size_t>(i) * w;
    RowWords<N> data, raw, fixed;
    for (int j = 0; j < w; ++j) {
      const unsigned char m = row[j];
      const size_t c = static_cast<size_t>(j + kPad);
      if ((m & 0x80) == 0) {
        data.set(c);
        if (((m & 1) != 0) != maskCondition(0, i, j)) raw.set(c);
      } else if ((m & 0x84) != 0x84 && (m & 1) != 0) {
        fixed.set(c);
      }
    }
    s.data.rows[i + kPad] = data.bits();
    s.raw.rows[i + kPad] = raw.bits();
    s.fixed.rows[i + kPad] = fixed.bits();
  }
}

// The eight patterns over the largest symbol a plane holds. A module's mask bit depends only on its row
// and column, and masked() keeps the bits of data modules only, so one table serves every width (a batch
// may mix versions). Built once per process, immutable after.
template <size_t N>
const std::array<Plane<N>, kMaskCount>& maskPatterns() {
  static const std::array<Plane<N>, kMaskCount> patterns = [] {
    std::array<Plane<N>, kMaskCount> p{};
    const int width = static_cast<int>(N) - 2 * kPad;
    for (int m = 0; m < kMaskCount; ++m) {
      for (int i = 0; i < width; ++i) {
        RowWords<N> row;
        for (int j = 0; j < width; ++j)
          if (maskCondition(m, i, j)) row.set(static_cast<size_t>(j + kPad));
        p[m].rows[i + kPad] = row.bits();
      }
    }
    return p;
  }();
  return patterns;
}

template <size_t N>
void masked(const QrFrame& f, const Split<N>& s, int mask, Plane<N>& out) {
  const auto& pattern = maskPatterns<N>()[mask];
  for (int r = kPad; r < kPad + f.width; ++r)
    out.rows[r] = s.fixed.rows[r] | (s.raw.rows[r] ^ (pattern.rows[r] & s.data.rows[r]));
  placeFormatInformation(f.width, formatInformation(f.level, mask), [&](int row, int col, bool bit) {
    out.rows[row + kPad].set(static_cast<size_t>(col + kPad), bit);
  });
}

template <size_t N>
QrMatrix toMatrix(const Plane<N>& p, int width) {
  QrMatrix m;
  m.width = width;
  m.dark.resize(static_cast<size_t>(width) * width);
  auto out = m.dark.begin();
  for (int i = 0; i < width; ++i) {
    uint64_t words[RowWords<N>::kWords];
    for (size_t k = 0; k < RowWords<N>::kWords; ++k) words[k] = rowWord(p.rows[i + kPad], k);
    for (int j = kPad; j < kPad + width; ++j) *out++ = ((words[j / 64] >> (j % 64)) & 1) != 0;
  }
  return m;
}

template <size_t N>
QrMatrix applyMaskIn(const QrFrame& f, int mask, int* chosen) {
  auto s = std::make_unique<Split<N>>();
  split(f, *s);
  auto plane = std::make_unique<Plane<N>>();
  if (mask >= 0) {
    masked(f, *s, mask, *plane);
  } else {
    auto candidate = std::make_unique<Plane<N>>();
    int best = -1;
    for (int m = 0; m < kMaskCount; ++m) {
      masked(f, *s, m, *candidate);
      const int score = penalty(*candidate, f.width);
      if (best < 0 || score < best) {
        best = score;
        mask = m;
        std::swap(plane, candidate);
      }
    }
  }
  if (chosen) *chosen = mask;
  return toMatrix(*plane, f.width);
}

QrMatrix applyMask(const QrFrame& f, int mask, int* chosen) {
  if (f.width < 21 || f.width > kMaxWidth || (f.width - 17) % 4 != 0 || !f.modules)
    throw std::invalid_argument("not a QR symbol of width " + std::to_string(f.width));
  if (static_cast<int>(f.level) < 0 || static_cast<int>(f.level) > 3)
    throw std::invalid_argument("QR error-correction level " + std::to_string(static_cast<int>(f.level)));
  if (f.width + 2 * kPad <= 64) return applyMaskIn<64>(f, mask, chosen);
  return applyMaskIn<192>(f, mask, chosen);
}

template <size_t N>
int penaltyOf(const QrMatrix& symbol) {
  auto p = std::make_unique<Plane<N>>();
  for (int i = 0; i < symbol.width; ++i)
    for (int j = 0; j < symbol.width; ++j)
      if (symbol.dark[static_cast<size_t>(i) * symbol.width + j])
        p->rows[i + kPad].set(static_cast<size_t>(j + kPad));
  return penalty(*p, symbol.width);
}

}  // namespace

QrMatrix applyQrMask(const QrFrame& frame, int mask) {
  if (mask < 0 || mask >= kMaskCount) throw std::invalid_argument("QR mask pattern " + std::to_string(mask));
  return applyMask(frame, mask, nullptr);
}

QrMatrix applyBestQrMask(const QrFrame& frame, int* chosenMask) { return applyMask(frame, -1, chosenMask); }

int qrPenalty(const QrMatrix& symbol) {
  if (symbol.width <= 0 || symbol.width > kMaxWidth ||
      symbol.dark.size() != static_cast<size_t>(symbol.width) * symbol.width)
    throw std::invalid_argument("not a square symbol");
  if (symbol.width + 2 * kPad <= 64) return penaltyOf<64>(symbol);
  return penaltyOf<192>(symbol);
}

}  // namespace thidua::pdf
