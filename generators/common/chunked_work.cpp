#include "generators/common/chunked_work.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace thidua {

size_t workerCount(size_t items, size_t chunk) {
  constexpr size_t kMaxWorkers = 8;
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t chunks = chunk == 0 ? items : (items + chunk - 1) / chunk;
  return std::max<size_t>(1, std::min({cores, kMaxWorkers, chunks}));
}

void inChunks(size_t n, size_t chunk, size_t workers, const std::function<void(size_t, size_t, size_t)>& work) {
  chunk = std::max<size_t>(1, chunk);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  size_t failedAt = n;
  std::exception_ptr failure;
  auto run = [&](size_t worker) {
    while (!failed.load()) {
      const size_t begin = next.fetch_add(chunk);
      if (begin >= n) break;
      try {
        work(begin, std::min(n, begin + chunk), worker);
      } catch (...) {
        std::lock_guard<std::mutex> guard(mutex);
        if (begin < failedAt) {
          failedAt = begin;
          failure = std::current_exception();
        }
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t worker = 1; worker < std::max<size_t>(1, workers); ++worker) {
    try {
      threads.emplace_back(run, worker);
    } catch (const std::system_error&) {
      break;  // no thread to be had (resource limits): the workers already running take every chunk
    }
  }
  run(0);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace thidua
