#include "workflow/calendar.h"

namespace thidua::wf {

WorkingCalendar::WorkingCalendar(const std::vector<CalendarDay>& exceptions) {
  for (const CalendarDay& d : exceptions)
    if (d.date.valid()) exceptions_[d.date.toDays()] = d.working;
}

bool WorkingCalendar::isWorkingDay(const Date& d) const {
  auto it = exceptions_.find(d.toDays());
  if (it != exceptions_.end()) return it->second;
  // QĐ 188/1999/QĐ-TTg: Saturday and Sunday are the weekly rest days of state bodies.
  return d.weekday() < 5;
}

Date WorkingCalendar::addWorkingDays(const Date& start, int n) const {
  Date d = start;
  while (n > 0) {
    d = d.addDays(1);
    if (isWorkingDay(d)) --n;
  }
  return d;
}

}  // namespace thidua::wf
