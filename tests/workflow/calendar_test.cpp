#include "workflow/calendar.h"

#include <gtest/gtest.h>

namespace thidua::wf {
namespace {

TEST(WorkingCalendar, SkipsWeekends) {
  WorkingCalendar cal;
  // Friday 2025-08-29 + 1 working day = Monday 2025-09-01.
  EXPECT_EQ(cal.addWorkingDays(Date{2025, 8, 29}, 1), (Date{2025, 9, 1}));
  EXPECT_EQ(cal.addWorkingDays(Date{2025, 8, 25}, 10), (Date{2025, 9, 8}));
  EXPECT_EQ(cal.addWorkingDays(Date{2025, 8, 25}, 0), (Date{2025, 8, 25}));
}

TEST(WorkingCalendar, SkipsHolidaysAndCountsWorkingSaturdays) {
  WorkingCalendar cal({CalendarDay{Date{2025, 9, 1}, false, "Nghỉ lễ Quốc khánh"},
                       CalendarDay{Date{2025, 9, 2}, false, "Quốc khánh"},
                       CalendarDay{Date{2025, 9, 6}, true, "Làm bù"}});
  EXPECT_FALSE(cal.isWorkingDay(Date{2025, 9, 2}));
  EXPECT_TRUE(cal.isWorkingDay(Date{2025, 9, 6}));
  // Fri 29/08 + 1 → Mon 01/09 and Tue 02/09 are holidays → Wed 03/09.
  EXPECT_EQ(cal.addWorkingDays(Date{2025, 8, 29}, 1), (Date{2025, 9, 3}));
  // Wed 03/09 + 3 → Thu 04, Fri 05, Sat 06 (working) → 06/09.
  EXPECT_EQ(cal.addWorkingDays(Date{2025, 9, 3}, 3), (Date{2025, 9, 6}));
}

}  // namespace
}  // namespace thidua::wf
