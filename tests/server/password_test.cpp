#include "server/password.h"

#include <gtest/gtest.h>

#include "server/session_token.h"

namespace thidua::server {
namespace {

TEST(Password, HashIsArgon2idAndVerifiesOnlyTheRightPassword) {
  const std::string hash = hashPassword("mật khẩu đúng", PasswordCost::Minimal);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verifyPassword(hash, "mật khẩu đúng"));
  EXPECT_FALSE(verifyPassword(hash, "mật khẩu sai"));
  EXPECT_FALSE(verifyPassword("", "x"));
  EXPECT_FALSE(verifyPassword("not a hash", "x"));
}

TEST(Password, SaltsEveryHash) {
  EXPECT_NE(hashPassword("a", PasswordCost::Minimal), hashPassword("a", PasswordCost::Minimal));
}

TEST(SessionToken, IsRandom64HexAndHashesStably) {
  const std::string a = newSessionToken();
  const std::string b = newSessionToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(sessionTokenHash(a), sessionTokenHash(a));
  EXPECT_NE(sessionTokenHash(a), a);
  EXPECT_EQ(sessionTokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace thidua::server
