#include "generators/xlsx/parallel_deflate.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace thidua::xlsx {
namespace {

// One raw-deflate stream per worker, reset for every chunk.
class Compressor {
 public:
  explicit Compressor(int level) {
    if (deflateInit2(&z_, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("zlib: deflateInit2");
    }
  }
  ~Compressor() { deflateEnd(&z_); }
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;

  // Deflates `in` into `out` (reusing its memory), ending with a sync flush (byte-aligned, not final).
  template <typename Output>
  void compress(const std::string& in, Output& out) {
    if (deflateReset(&z_) != Z_OK) throw std::runtime_error("zlib: deflateReset");
    reserve(out, deflateBound(&z_, in.size()) + 64, 0);
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    size_t used = 0;
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(out.data.get() + used);
      z_.avail_out = static_cast<uInt>(out.capacity - used);
      const int rc = deflate(&z_, Z_SYNC_FLUSH);
      if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("zlib: deflate");
      used = out.capacity - z_.avail_out;
      if (z_.avail_in == 0 && z_.avail_out != 0) break;
      reserve(out, out.capacity * 2, used);
    }
    out.size = used;
  }

 private:
  template <typename Output>
  static void reserve(Output& out, size_t capacity, size_t keep) {
    if (out.capacity >= capacity) return;
    std::unique_ptr<char[]> bigger(new char[capacity]);
    if (keep) std::memcpy(bigger.get(), out.data.get(), keep);
    out.data = std::move(bigger);
    out.capacity = capacity;
  }

  z_stream z_{};
};

}  // namespace

ParallelDeflater::ParallelDeflater(int level, unsigned threads, size_t maxInFlight, Sink sink)
    : level_(level), maxInFlight_(std::max<size_t>(maxInFlight, 1)), sink_(std::move(sink)) {
  if (level < 1 || level > 9) throw std::invalid_argument("ParallelDeflater: level 1–9");
  try {
    for (unsigned i = 0; i < std::max(threads, 1u); ++i) workers_.emplace_back([this] { work(); });
  } catch (...) {
    stop();  // a joinable std::thread destroyed with the vector would call std::terminate
    throw;
  }
}

ParallelDeflater::~ParallelDeflater() { stop(); }

void ParallelDeflater::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
}

unsigned ParallelDeflater::defaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return std::min(std::max(n, 1u), 4u);
}

void ParallelDeflater::work() {
  std::unique_ptr<Compressor> compressor;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    Job* job = nullptr;
    changed_.wait(lock, [&] {
      if (stopping_) return true;
      for (auto& j : jobs_) {
        if (!j->started) {
          job = j.get();
          return true;
        }
      }
      return false;
    });
    if (stopping_) return;
    job->started = true;
    if (!spareOutputs_.empty()) {
      job->output = std::move(spareOutputs_.back());
      spareOutputs_.pop_back();
    }
    lock.unlock();
    std::exception_ptr failure;
    try {
      if (!compressor) compressor = std::make_unique<Compressor>(level_);
      compressor->compress(job->input, job->output);
      job->crc = static_cast<uint32_t>(
          crc32(0, reinterpret_cast<const Bytef*>(job->input.data()), static_cast<uInt>(job->input.size())));
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    job->done = true;
    if (failure && !error_) error_ = failure;
    changed_.notify_all();
  }
}

void ParallelDeflater::drain(std::unique_lock<std::mutex>& lock) {
  while (!jobs_.empty() && jobs_.front()->done) {
    std::unique_ptr<Job> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    try {
      sink_(job->output.data.get(), job->output.size);
    } catch (...) {
      lock.lock();
      // The chunk is lost: the stream is broken from here on, so every later call fails too.
      if (!error_) error_ = std::current_exception();
      throw;
    }
    totals_.crc = totals_.size == 0 ? job->crc
                                    : static_cast<uint32_t>(crc32_combine(totals_.crc, job->crc,
                                                                          static_cast<z_off_t>(job->input.size())));
    totals_.size += job->input.size();
    job->input.clear();
    lock.lock();
    if (spareInputs_.size() < maxInFlight_) spareInputs_.push_back(std::move(job->input));
    if (spareOutputs_.size() < maxInFlight_) spareOutputs_.push_back(std::move(job->output));
  }
}

std::string ParallelDeflater::buffer() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (spareInputs_.empty()) return std::string();
  std::string b = std::move(spareInputs_.back());
  spareInputs_.pop_back();
  return b;
}

void ParallelDeflater::submit(std::string chunk) {
  if (chunk.empty()) return;
  if (chunk.size() >= 0xFFFFFFFFu) throw std::invalid_argument("ParallelDeflater: chunk too large");
  auto job = std::make_unique<Job>();
  job->input = std::move(chunk);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (error_) std::rethrow_exception(error_);
    drain(lock);
    if (jobs_.size() < maxInFlight_) break;
    changed_.wait(lock, [this] { return error_ || jobs_.front()->done; });
  }
  jobs_.push_back(std::move(job));
  changed_.notify_all();
}

ParallelDeflater::Totals ParallelDeflater::finish() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (error_) std::rethrow_exception(error_);
    drain(lock);
    if (jobs_.empty()) break;
    changed_.wait(lock, [this] { return error_ || jobs_.front()->done; });
  }
  lock.unlock();
  static const char kFinalBlock[2] = {0x03, 0x00};  // an empty fixed-Huffman block with BFINAL set
  sink_(kFinalBlock, sizeof kFinalBlock);
  return totals_;
}

}  // namespace thidua::xlsx
