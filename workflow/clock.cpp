#include "workflow/clock.h"

#include <chrono>

namespace thidua::wf {

TimePoint SystemClock::now() const {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace thidua::wf
