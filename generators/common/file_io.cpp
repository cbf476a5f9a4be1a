#include "generators/common/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace thidua {
namespace {

// Reads up to `size` bytes into `buffer`; returns the count (less at end of file), or -1 on error.
ssize_t readFully(int fd, char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, buffer + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(done);
}

}  // namespace

std::optional<std::string> readWholeFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  // A regular file is read straight into a string of its size; anything else (or a file still growing)
  // in chunks after that.
  std::string data;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    data.resize(static_cast<size_t>(st.st_size));
    const ssize_t n = readFully(fd, data.data(), data.size());
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    data.resize(static_cast<size_t>(n));
  }
  char chunk[65536];
  while (true) {
    const ssize_t n = readFully(fd, chunk, sizeof chunk);
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    data.append(chunk, static_cast<size_t>(n));
    if (static_cast<size_t>(n) < sizeof chunk) break;
  }
  ::close(fd);
  return data;
}

}  // namespace thidua
