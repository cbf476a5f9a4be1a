#include "generators/common/file_io.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace thidua {
namespace {

TEST(FileIo, ReadsTheWholeFileByteForByte) {
  testsupport::TempDir dir;
  std::string bytes;
  for (int i = 0; i < 300000; ++i) bytes += static_cast<char>(i * 7 % 256);  // binary, with NULs, > 64 KB
  testsupport::writeFile(dir.file("a.bin"), bytes);
  const auto read = readWholeFile(dir.file("a.bin"));
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, bytes);
  testsupport::writeFile(dir.file("empty"), "");
  ASSERT_TRUE(readWholeFile(dir.file("empty")).has_value());
  EXPECT_EQ(readWholeFile(dir.file("empty"))->size(), 0u);
}

TEST(FileIo, MissingFilesAndDirectoriesGiveNothing) {
  testsupport::TempDir dir;
  EXPECT_FALSE(readWholeFile(dir.file("missing.json")).has_value());
  EXPECT_FALSE(readWholeFile(dir.path()).has_value());
}

}  // namespace
}  // namespace thidua
