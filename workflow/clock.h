#pragma once
// The Clock port: every "now" in the domain comes from here, so tests can fix time.

#include "workflow/date.h"

#include <atomic>

namespace thidua::wf {

/// Source of the current instant. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current instant (UTC microseconds since the epoch).
  virtual TimePoint now() const = 0;
};

/// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

/// A clock that only moves when told; for tests. Thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint start) : now_(start) {}
  /// Starts at 09:00 Vietnamese local time of `day`.
  explicit FixedClock(const Date& day) : now_(vietnamMidnight(day) + 9LL * 3600 * 1000000) {}
  TimePoint now() const override { return now_.load(); }
  void set(TimePoint t) { now_.store(t); }
  /// Moves to 09:00 Vietnamese local time of `day`.
  void setDate(const Date& day) { now_.store(vietnamMidnight(day) + 9LL * 3600 * 1000000); }
  void advance(std::int64_t micros) { now_.fetch_add(micros); }

 private:
  std::atomic<TimePoint> now_;
};

}  // namespace thidua::wf
