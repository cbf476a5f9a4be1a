#pragma once
// Admission control for write actions: at most N engine actions run at once, the others wait their
// turn in the HTTP thread. Many more concurrent write transactions than cores only queue on the same
// row locks (the PostgreSQL audit chain head) and thrash; a few in flight keep the database busy.

#include <condition_variable>
#include <mutex>

namespace thidua::server {

/// A counting semaphore. Thread-safe.
class WriteGate {
 public:
  /// `capacity` <= 0 means unlimited.
  explicit WriteGate(int capacity) : free_(capacity), unlimited_(capacity <= 0) {}

  /// Holds one place while alive.
  class Pass {
   public:
    explicit Pass(WriteGate& gate) : gate_(gate) { gate_.acquire(); }
    ~Pass() { gate_.release(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    WriteGate& gate_;
  };

 private:
  void acquire() {
    if (unlimited_) return;
    std::unique_lock<std::mutex> lock(mutex_);
    freed_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  void release() {
    if (unlimited_) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++free_;
    }
    freed_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
  bool unlimited_;
};

}  // namespace thidua::server
