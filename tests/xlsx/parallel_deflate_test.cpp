#include "generators/xlsx/parallel_deflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <stdexcept>

namespace thidua::xlsx {
namespace {

std::string inflateRaw(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, -15), Z_OK);
  std::string out;
  char buf[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(z.avail_in, 0u) << "bytes after the final block";
  inflateEnd(&z);
  return out;
}

std::string sample(size_t n, unsigned seed) {
  std::mt19937 rnd(seed);
  const char* words[] = {"<row r=\"", "Nguyễn", " Thị ", "Hạnh", "</c>", "&amp;", "\x01", "0123456789"};
  std::string s;
  while (s.size() < n) s += words[rnd() % 8];
  s.resize(n);
  return s;
}

TEST(ParallelDeflate, ChunksFormOneStreamWithCombinedCrc) {
  std::string compressed, whole;
  ParallelDeflater d(1, 3, 2, [&](const char* p, size_t n) { compressed.append(p, n); });
  for (unsigned i = 0; i < 25; ++i) {
    std::string chunk = sample(1000 + i * 9973, i);
    whole += chunk;
    d.submit(std::move(chunk));
    EXPECT_TRUE(d.buffer().empty());
  }
  ParallelDeflater::Totals t = d.finish();
  EXPECT_EQ(t.size, whole.size());
  EXPECT_EQ(t.crc, crc32(0, reinterpret_cast<const Bytef*>(whole.data()), static_cast<uInt>(whole.size())));
  EXPECT_EQ(inflateRaw(compressed), whole);
  EXPECT_LT(compressed.size(), whole.size() / 2);
}

TEST(ParallelDeflate, SameInputSameBytesWhateverTheThreads) {
  auto run = [](unsigned threads) {
    std::string out;
    ParallelDeflater d(3, threads, 3, [&](const char* p, size_t n) { out.append(p, n); });
    for (unsigned i = 0; i < 10; ++i) d.submit(sample(50000, i));
    d.finish();
    return out;
  };
  EXPECT_EQ(run(1), run(4));
}

TEST(ParallelDeflate, EmptyStreamIsValid) {
  std::string compressed;
  ParallelDeflater d(1, 2, 2, [&](const char* p, size_t n) { compressed.append(p, n); });
  d.submit(std::string());
  ParallelDeflater::Totals t = d.finish();
  EXPECT_EQ(t.size, 0u);
  EXPECT_EQ(t.crc, 0u);
  EXPECT_EQ(inflateRaw(compressed), "");
}

TEST(ParallelDeflate, SinkFailureReachesTheCaller) {
  ParallelDeflater d(1, 2, 1, [](const char*, size_t) { throw std::runtime_error("disk full"); });
  EXPECT_THROW(
      {
        for (int i = 0; i < 5; ++i) d.submit(sample(1000, 1));
        d.finish();
      },
      std::runtime_error);
}

// A caller that catches the sink's failure and goes on cannot finish a stream that lost a chunk.
TEST(ParallelDeflate, SinkFailureIsRememberedByFinish) {
  int calls = 0;
  ParallelDeflater d(1, 2, 1, [&](const char*, size_t) {
    if (++calls == 1) throw std::runtime_error("disk full");
  });
  bool thrown = false;
  try {
    for (int i = 0; i < 5; ++i) d.submit(sample(1000, 1));
  } catch (const std::runtime_error&) {
    thrown = true;
  }
  EXPECT_TRUE(thrown);
  EXPECT_THROW(d.submit(sample(1000, 2)), std::runtime_error);
  EXPECT_THROW(d.finish(), std::runtime_error);
}

}  // namespace
}  // namespace thidua::xlsx
