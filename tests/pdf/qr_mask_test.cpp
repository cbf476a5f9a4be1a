// QR masking (generators/pdf/qr_mask.h): every masked symbol equals libqrencode's own for that mask, and
// the bitwise penalty equals a plain module-by-module reading of ISO/IEC 18004 §7.8.3.1.
#include "generators/pdf/qr_mask.h"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "generators/pdf/qrencode_mask.h"


namespace thidua::pdf {
namespace {

using Code = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

Code encodeWithMask(const std::string& text, QRecLevel level, int mask) {
  std::unique_ptr<QRinput, decltype(&QRinput_free)> input(QRinput_new2(0, level), &QRinput_free);
  EXPECT_EQ(QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()),
                           reinterpret_cast<const unsigned char*>(text.data())),
            0);
  return Code(QRcode_encodeMask(input.get(), mask), &QRcode_free);
}

QrMatrix colours(const QRcode& code) {
  QrMatrix m;
  m.width = code.width;
  for (int i = 0; i < code.width * code.width; ++i) m.dark.push_back((code.data[i] & 1) != 0);
  return m;
}

// ISO/IEC 18004 §7.8.3.1 read module by module, the quiet zone (four light modules) around the symbol.
int referencePenalty(const QrMatrix& s) {
  const int w = s.width;
  const auto at = [&](int i, int j) {
    return i >= 0 && j >= 0 && i < w && j < w && s.dark[static_cast<size_t>(i) * w + j];
  };
  int score = 0;
  for (int vertical = 0; vertical < 2; ++vertical) {
    const auto line = [&](int a, int b) { return vertical ? at(b, a) : at(a, b); };
    for (int a = 0; a < w; ++a) {
      int run = 1;
      for (int b = 1; b <= w; ++b) {
        if (b < w && line(a, b) == line(a, b - 1)) {
          ++run;
          continue;
        }
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
      static const int kFinderLeft[11] = {1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0};
      for (int b = -4; b + 10 < w + 4; ++b) {
        bool left = true, right = true;
        for (int k = 0; k < 11; ++k) {
          left = left && line(a, b + k) == (kFinderLeft[k] == 1);
          right = right && line(a, b + k) == (kFinderLeft[10 - k] == 1);
        }
        score += 40 * (left + right);
      }
    }
  }
  int dark = 0;
  for (int i = 0; i < w; ++i)
    for (int j = 0; j < w; ++j) {
      dark += at(i, j);
      if (i + 1 < w && j + 1 < w && at(i, j) == at(i + 1, j) && at(i, j) == at(i, j + 1) &&
          at(i, j) == at(i + 1, j + 1))
        score += 3;
    }
  const double percent = 100.0 * dark / (w * w);
  score += 10 * static_cast<int>(std::abs(percent - 50) / 5);
  return score;
}

std::string textOfLength(size_t n) {
  std::string t = "https://thidua.binhphuoc.gov.vn/xac-minh/";
  while (t.size() < n) t += static_cast<char>('a' + t.size() % 26);
  return t.substr(0, n);
}

TEST(QrMask, EveryMaskEqualsLibqrencodesSymbolAtEveryLevelAndSize) {
  // Versions 1 to ~20 at level M: both plane sizes (width + 8 <= 64 and above) and version information.
  for (size_t length : {8u, 50u, 120u, 200u, 400u}) {
    for (QRecLevel level : {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H}) {
      const std::string text = textOfLength(length);
      Code base = encodeWithMask(text, level, 0);
      ASSERT_TRUE(base) << length;
      const QrFrame frame{base->width, base->data, static_cast<QrLevel>(level)};
      for (int mask = 0; mask < 8; ++mask) {
        Code expected = encodeWithMask(text, level, mask);
        ASSERT_TRUE(expected);
        const QrMatrix ours = applyQrMask(frame, mask);
        ASSERT_EQ(ours.width, expected->width);
        EXPECT_EQ(ours.dark, colours(*expected).dark)
            << "length " << length << ", level " << level << ", mask " << mask << ", width " << ours.width;
      }
    }
  }
}

TEST(QrMask, PenaltyEqualsTheModuleByModuleReading) {
  std::mt19937 random(20261125);
  for (int width : {21, 33, 45, 57, 61, 101}) {
    for (int trial = 0; trial < 20; ++trial) {
      QrMatrix m;
      m.width = width;
      // Biased noise gives long runs, blocks and finder-like patterns as well as plain noise.
      std::bernoulli_distribution dark(trial % 4 == 0 ? 0.5 : 0.2 + 0.03 * trial);
      for (int i = 0; i < width * width; ++i) m.dark.push_back(dark(random));
      ASSERT_EQ(qrPenalty(m), referencePenalty(m)) << "width " << width << ", trial " << trial;
    }
  }
  for (size_t length : {20u, 60u, 300u}) {
    Code code = encodeWithMask(textOfLength(length), QR_ECLEVEL_M, 3);
    EXPECT_EQ(qrPenalty(colours(*code)), referencePenalty(colours(*code))) << length;
  }
}

TEST(QrMask, PenaltyOfPlainPatterns) {
  QrMatrix light{21, std::vector<bool>(21 * 21, false)};
  // 42 runs of 21 (3 + 16 each), 400 blocks of 2x2 (3 each), 0 % dark (10 x 10).
  EXPECT_EQ(qrPenalty(light), 42 * 19 + 400 * 3 + 100);
  QrMatrix chequered{21, {}};
  for (int i = 0; i < 21; ++i)
    for (int j = 0; j < 21; ++j) chequered.dark.push_back((i + j) % 2 == 0);
  EXPECT_EQ(qrPenalty(chequered), 0);
  // Row 0 of the chequered symbol becomes 1011101 0000 (then light, as before, at column 11): a finder-like
  // pattern with the quiet zone before it and four light modules after it (2 x 40), and a run of five
  // light modules at columns 7-11 (3). Dark modules: 221 - 2 + 1 = 220 of 441, under 5 % from half.
  QrMatrix finder = chequered;
  const bool row0[] = {1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0};
  for (int j = 0; j < 11; ++j) finder.dark[j] = row0[j];
  EXPECT_EQ(qrPenalty(finder), 83);
  EXPECT_EQ(referencePenalty(finder), 83);
}

TEST(QrMask, TheChosenMaskHasTheLowestPenalty) {
  // The last text ties two masks: the lower pattern number must win.
  for (const std::string& text : {textOfLength(30), textOfLength(45), textOfLength(70), textOfLength(150),
                                  std::string("https://thidua.example.vn/xac-minh/BK-1163")}) {
    Code base = encodeWithMask(text, QR_ECLEVEL_M, 0);
    const QrFrame frame{base->width, base->data, QrLevel::kM};
    int chosen = -1;
    const QrMatrix best = applyBestQrMask(frame, &chosen);
    ASSERT_GE(chosen, 0);
    ASSERT_LT(chosen, 8);
    EXPECT_EQ(best.dark, applyQrMask(frame, chosen).dark);
    const int bestScore = qrPenalty(best);
    int lowest = 0;
    for (int mask = 0; mask < 8; ++mask) {
      const int score = qrPenalty(applyQrMask(frame, mask));
      lowest += score == bestScore;
      if (mask < chosen) EXPECT_GT(score, bestScore) << "mask " << mask;
      else EXPECT_GE(score, bestScore) << "mask " << mask;
    }
    if (text.find("BK-1163") != std::string::npos) EXPECT_GE(lowest, 2) << "no tie to break";
  }
}

TEST(QrMask, RefusesWhatIsNotASymbolOrAMask) {
  Code base = encodeWithMask("thidua", QR_ECLEVEL_M, 0);
  const QrFrame frame{base->width, base->data, QrLevel::kM};
  EXPECT_THROW(applyQrMask(frame, 8), std::invalid_argument);
  EXPECT_THROW(applyQrMask(frame, -1), std::invalid_argument);
  EXPECT_THROW(applyQrMask(QrFrame{22, base->data, QrLevel::kM}, 0), std::invalid_argument);
  EXPECT_THROW(qrPenalty(QrMatrix{3, std::vector<bool>(8)}), std::invalid_argument);
}

}  // namespace
}  // namespace thidua::pdf
