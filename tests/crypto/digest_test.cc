// Known-answer tests for SHA-256 and HMAC-SHA-256, and the behaviour of
// RandomBytes and ConstantTimeEquals.
#include "server/crypto/digest.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace wor::server::crypto {
namespace {

using ::absl::BytesToHexString;

TEST(Sha256, MatchesTheFips180KnownAnswerForAbc) {
  EXPECT_EQ(BytesToHexString(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, OfNothingIsTheWellKnownEmptyDigest) {
  EXPECT_EQ(BytesToHexString(Sha256("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(HmacSha256, MatchesRfc4231TestCase2) {
  EXPECT_EQ(
      BytesToHexString(HmacSha256("Jefe", "what do ya want for nothing?")),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, AcceptsAnEmptyKeyAndKeysLongerThanABlock) {
  EXPECT_EQ(HmacSha256("", "data").size(), 32u);
  // RFC 2104: a key longer than the 64-byte block is hashed first, so it
  // must differ from the same key cut to one block.
  std::string long_key(131, '\xaa');
  EXPECT_NE(HmacSha256(long_key, "data"),
            HmacSha256(long_key.substr(0, 64), "data"));
}

TEST(RandomBytes, ReturnsTheRequestedNumberOfBytesThatDifferEachCall) {
  EXPECT_EQ(RandomBytes(0), "");
  std::string a = RandomBytes(32);
  std::string b = RandomBytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("same", "same"));
  EXPECT_FALSE(ConstantTimeEquals("same", "sane"));
  EXPECT_FALSE(ConstantTimeEquals("same", "same!"));
  EXPECT_FALSE(
      ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace wor::server::crypto
