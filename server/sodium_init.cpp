#include "server/sodium_init.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace thidua::server {

void ensureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium: sodium_init failed");
  });
}

}  // namespace thidua::server
