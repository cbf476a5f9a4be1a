#pragma once
// Deflates a long byte stream on several threads: the caller hands it over in chunks, each chunk is
// raw-deflated on its own (fresh window) and ended with a sync flush, so the compressed chunks,
// concatenated in order and closed by an empty final block, form one valid deflate stream. The CRC-32 of
// the whole is combined from the chunks' CRCs (crc32_combine). Compressed chunks go to the sink in order,
// on the thread that calls submit() or finish(). At most `maxInFlight` chunks are held at a time, so
// memory stays bounded whatever the length of the stream.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace thidua::xlsx {

class ParallelDeflater {
 public:
  /// Receives compressed bytes in stream order; may throw (the exception leaves submit()/finish(), and
  /// every later submit()/finish() rethrows it: the stream cannot be completed).
  using Sink = std::function<void(const char* data, size_t size)>;

  /// What finish() reports about the uncompressed stream.
  struct Totals {
    uint32_t crc = 0;
    uint64_t size = 0;
  };

  /// Starts `threads` (≥ 1) workers deflating at zlib `level` (1–9). Throws std::runtime_error.
  ParallelDeflater(int level, unsigned threads, size_t maxInFlight, Sink sink);
  /// Stops the workers; chunks not yet written are dropped.
  ~ParallelDeflater();
  ParallelDeflater(const ParallelDeflater&) = delete;
  ParallelDeflater& operator=(const ParallelDeflater&) = delete;

  /// Returns an empty buffer to fill and submit: one of the chunks already written, so its memory is
  /// reused (large buffers are otherwise fresh pages from the kernel each time).
  std::string buffer();

  /// Queues `chunk` (empty chunks are ignored). Blocks while `maxInFlight` chunks are pending, writing
  /// the finished ones to the sink meanwhile. Rethrows a worker's or the sink's failure.
  void submit(std::string chunk);

  /// Waits for every chunk, writes them and the final block to the sink; returns the CRC-32 and size of
  /// all submitted bytes. Rethrows a worker's or the sink's failure. Call once.
  Totals finish();

  /// The number of CPU threads worth using for deflate on this machine (1–4).
  static unsigned defaultThreads();

 private:
  // Compressed bytes; not zero-filled, so only the pages deflate writes are touched.
  struct Output {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
    size_t size = 0;
  };
  struct Job {
    std::string input;
    Output output;
    uint32_t crc = 0;
    bool started = false;
    bool done = false;
  };
  void work();
  void stop();  // stops and joins the workers started so far
  void drain(std::unique_lock<std::mutex>& lock);  // writes finished jobs at the front, in order

  int level_;
  size_t maxInFlight_;
  Sink sink_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Job>> jobs_;  // in stream order; the front is the next to write
  std::vector<std::string> spareInputs_;
  std::vector<Output> spareOutputs_;
  bool stopping_ = false;
  std::exception_ptr error_;
  Totals totals_;
  std::vector<std::thread> workers_;
};

}  // namespace thidua::xlsx
