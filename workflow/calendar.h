#pragma once
// Working days for the time limits of each step. Luật TĐKT 06/2022/QH15 and NĐ 98/2023 / NĐ 152/2025
// state their limits in working days; Saturdays and Sundays are off (QĐ 188/1999/QĐ-TTg), public
// holidays and compensatory working days come from configuration (calendar.json).

#include "workflow/model.h"

#include <map>
#include <vector>

namespace thidua::wf {

/// Immutable after construction; thread-safe for reads.
class WorkingCalendar {
 public:
  /// `exceptions`: holidays (working = false) and working weekend days (working = true).
  explicit WorkingCalendar(const std::vector<CalendarDay>& exceptions = {});
  bool isWorkingDay(const Date& d) const;
  /// The date after `start` on which `n` working days have passed: the n-th working day strictly after
  /// `start`. n <= 0 returns `start`.
  Date addWorkingDays(const Date& start, int n) const;

 private:
  std::map<std::int64_t, bool> exceptions_;  // day number -> working
};

}  // namespace thidua::wf
