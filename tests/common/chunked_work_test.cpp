#include "generators/common/chunked_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace thidua {
namespace {

TEST(ChunkedWork, EveryItemOnceInChunksOfTheGivenSize) {
  std::vector<std::atomic<int>> seen(1000);
  std::atomic<int> calls{0};
  inChunks(seen.size(), 16, 4, [&](size_t begin, size_t end, size_t worker) {
    EXPECT_LT(worker, 4u);
    EXPECT_EQ(begin % 16, 0u);
    EXPECT_LE(end - begin, 16u);
    for (size_t i = begin; i < end; ++i) seen[i]++;
    calls++;
  });
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i].load(), 1) << i;
  EXPECT_EQ(calls.load(), 63);  // 62 full chunks and one of 8
}

TEST(ChunkedWork, WorkerZeroIsTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  bool ranHere = false;
  inChunks(10, 4, 1, [&](size_t, size_t, size_t worker) {
    EXPECT_EQ(worker, 0u);
    ranHere = std::this_thread::get_id() == caller;
  });
  EXPECT_TRUE(ranHere);
}

TEST(ChunkedWork, RethrowsTheFailureOfTheFirstFailingChunkInListOrder) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    try {
      inChunks(200, 10, 4, [](size_t begin, size_t, size_t) {
        if (begin == 50 || begin == 120 || begin == 190) throw std::runtime_error(std::to_string(begin));
      });
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "50");
    }
  }
}

TEST(ChunkedWork, NothingToDoIsFine) {
  int calls = 0;
  inChunks(0, 16, 2, [&](size_t, size_t, size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(workerCount(0, 16), 1u);
  EXPECT_EQ(workerCount(5, 16), 1u);
  EXPECT_GE(workerCount(1000, 16), 1u);
  EXPECT_LE(workerCount(1000, 16), 8u);
}

}  // namespace
}  // namespace thidua
